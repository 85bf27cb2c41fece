package io.cloudmock.zenlayer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZenlayerSignatureTest {
    static final String SECRET = "Gu5t9xGARNpq86cd98joQYCN3";
    static final byte[] BODY = "{\"pageSize\":10,\"pageNum\":1,\"zoneId\":\"HKG-A\"}".getBytes(StandardCharsets.UTF_8);
    static final Map<String, String> CREDENTIALS = Map.of("0D9UtpyKYcHxms5v", SECRET, "my-token", "unused");

    /** Case-insensitive header lookup, as Javalin's ctx.header is. */
    static Function<String, String> headers(String... kv) {
        Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m::get;
    }

    static Function<String, String> docRequest(String signature, String timestamp) {
        return headers("Authorization", "ZC2-HMAC-SHA256 Credential=0D9UtpyKYcHxms5v, SignedHeaders=content-type;host, Signature=" + signature,
                "Content-Type", "application/json; charset=utf-8", "Host", "console.zenlayer.com",
                "X-ZC-Timestamp", timestamp, "X-ZC-Action", "DescribeInstances");
    }

    @Test
    void documentedVectorIntermediatesAndSignature() {
        assertEquals("5f714687ba91c606d503467766151206392474accd137ffea6dce2420b67c29a", ZenlayerSignature.sha256Hex(BODY));
        String canonical = ZenlayerSignature.canonicalRequest("content-type;host",
                headers("Content-Type", "application/json; charset=utf-8", "Host", "console.zenlayer.com"), BODY);
        assertEquals("POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:console.zenlayer.com\n\ncontent-type;host\n"
                + "5f714687ba91c606d503467766151206392474accd137ffea6dce2420b67c29a", canonical);
        assertEquals("29396f9dfa0f03820b931e8aa06e20cda197e73285ebd76aceb83f7dede493ee",
                ZenlayerSignature.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)));
        String toSign = ZenlayerSignature.stringToSign("1673361177", canonical);
        assertEquals("efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f", ZenlayerSignature.sign(SECRET, toSign));
    }

    @Test
    void documentedRequestVerifies() {
        ZenlayerSignature.Result r = ZenlayerSignature.verify(CREDENTIALS,
                docRequest("efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f", "1673361177"),
                BODY, Instant.ofEpochSecond(1673361177 + 299));
        assertTrue(r.ok(), r.detail());
        assertEquals("0D9UtpyKYcHxms5v", r.accessKey());
        assertFalse(r.bearer());
    }

    @Test
    void secondVectorWithRawHostAndPort() {
        ZenlayerSignature.Result r = ZenlayerSignature.verify(Map.of("AK1", SECRET),
                headers("authorization", "ZC2-HMAC-SHA256 Credential=AK1, SignedHeaders=content-type;host, "
                                + "Signature=2bc54067f2b552fe4daf18921b27fdc6106c9f7cf84f231283fbe0823a5d6f68",
                        "content-type", "application/json", "host", "127.0.0.1:8080", "x-zc-timestamp", "1700000000"),
                BODY, Instant.ofEpochSecond(1700000000));
        assertTrue(r.ok(), r.detail());
        assertEquals("AK1", r.accessKey());
    }

    @Test
    void wrongSignatureShowsWhatCloudmockSigned() {
        ZenlayerSignature.Result r = ZenlayerSignature.verify(CREDENTIALS, docRequest("00" + "ab".repeat(31), "1673361177"),
                BODY, Instant.ofEpochSecond(1673361177));
        assertEquals(ZenlayerSignature.Outcome.SIGNATURE_FAILURE, r.outcome());
        assertEquals("AUTHFAILURE_SIGNATURE_FAILURE", r.outcome().code());
        assertTrue(r.detail().contains("POST\\n/\\n\\ncontent-type:application/json; charset=utf-8\\nhost:console.zenlayer.com\\n"), r.detail());
        assertTrue(r.detail().contains("ZC2-HMAC-SHA256\\n1673361177\\n29396f9dfa0f03820b931e8aa06e20cda197e73285ebd76aceb83f7dede493ee"), r.detail());
        // the signature received, never the one expected (efb356c3...): else a wrong guess reads the right one
        assertTrue(r.detail().contains("00" + "ab".repeat(31)), r.detail());
        assertFalse(r.detail().contains("efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f"), r.detail());
    }

    @Test
    void aChangedBodyByteFailsTheSignature() {
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("10", "11").getBytes(StandardCharsets.UTF_8);
        ZenlayerSignature.Result r = ZenlayerSignature.verify(CREDENTIALS,
                docRequest("efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f", "1673361177"),
                changed, Instant.ofEpochSecond(1673361177));
        assertEquals(ZenlayerSignature.Outcome.SIGNATURE_FAILURE, r.outcome());
    }

    @Test
    void staleTimestampIsExpired() {
        ZenlayerSignature.Result r = ZenlayerSignature.verify(CREDENTIALS,
                docRequest("efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f", "1673361177"),
                BODY, Instant.ofEpochSecond(1673361177 + 301));
        assertEquals(ZenlayerSignature.Outcome.SIGNATURE_EXPIRED, r.outcome());
        assertEquals("AUTHFAILURE_SIGNATURE_EXPIRED", r.outcome().code());
        r = ZenlayerSignature.verify(CREDENTIALS,
                docRequest("efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f", "1673361177"),
                BODY, Instant.ofEpochSecond(1673361177 - 301));
        assertEquals(ZenlayerSignature.Outcome.SIGNATURE_EXPIRED, r.outcome());
    }

    @Test
    void unknownAccessKeyIsASignatureFailure() {
        ZenlayerSignature.Result r = ZenlayerSignature.verify(Map.of("other", SECRET),
                docRequest("efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f", "1673361177"),
                BODY, Instant.ofEpochSecond(1673361177));
        assertEquals(ZenlayerSignature.Outcome.SIGNATURE_FAILURE, r.outcome());
        assertEquals("0D9UtpyKYcHxms5v", r.accessKey());
    }

    @Test
    void malformedHeadersAreInvalidAuthorization() {
        Instant now = Instant.ofEpochSecond(1673361177);
        for (Function<String, String> h : java.util.List.of(
                headers(),
                headers("Authorization", "HMAC abc"),
                headers("Authorization", "ZC2-HMAC-SHA256 Credential=AK, Signature=ab", "X-ZC-Timestamp", "1673361177"),
                headers("Authorization", "ZC2-HMAC-SHA256 Credential=0D9UtpyKYcHxms5v, SignedHeaders=content-type;host, Signature=ab"),
                headers("Authorization", "ZC2-HMAC-SHA256 Credential=0D9UtpyKYcHxms5v, SignedHeaders=content-type;host, Signature=ab",
                        "X-ZC-Timestamp", "soon"),
                headers("Authorization", "Bearer "))) {
            ZenlayerSignature.Result r = ZenlayerSignature.verify(CREDENTIALS, h, BODY, now);
            assertEquals(ZenlayerSignature.Outcome.INVALID_AUTHORIZATION, r.outcome(), r.detail());
            assertEquals("AUTHFAILURE_INVALID_AUTHORIZATION", r.outcome().code());
        }
    }

    @Test
    void bearerTokensAreTheirOwnListAndNeverAnAccountName() {
        Map<String, String> tokens = Map.of("tok-1", "ci");
        ZenlayerSignature.Result ok = ZenlayerSignature.verify(CREDENTIALS, tokens, headers("Authorization", "Bearer tok-1"),
                BODY, Instant.now());
        assertTrue(ok.ok());
        assertTrue(ok.bearer());
        assertEquals("ci", ok.accessKey());
        ZenlayerSignature.Result bad = ZenlayerSignature.verify(CREDENTIALS, tokens, headers("Authorization", "Bearer nope"),
                BODY, Instant.now());
        assertEquals(ZenlayerSignature.Outcome.SIGNATURE_FAILURE, bad.outcome());
        assertEquals(io.cloudmock.core.Secrets.tokenAccount("nope"), bad.accessKey());
        assertFalse(bad.detail().contains("nope"), bad.detail());
        // an access key id is printed in every log line: it must never pass as a token
        for (String key : CREDENTIALS.keySet()) {
            ZenlayerSignature.Result asToken = ZenlayerSignature.verify(CREDENTIALS, tokens,
                    headers("Authorization", "Bearer " + key), BODY, Instant.now());
            assertEquals(ZenlayerSignature.Outcome.SIGNATURE_FAILURE, asToken.outcome(), key);
        }
    }

    @Test
    void signatureHexCaseDoesNotMatter() {
        ZenlayerSignature.Result r = ZenlayerSignature.verify(CREDENTIALS,
                docRequest("efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f".toUpperCase(Locale.ROOT), "1673361177"),
                BODY, Instant.ofEpochSecond(1673361177));
        assertTrue(r.ok(), r.detail());
    }
}
