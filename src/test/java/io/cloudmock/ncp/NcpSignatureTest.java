package io.cloudmock.ncp;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NcpSignatureTest {
    static final String AK = "ncp_iam_BPAMKR1234567890";
    static final String SK = "ncp_iam_BPKMKR0987654321secret";
    static final Map<String, String> CREDENTIALS = Map.of(AK, SK);
    static final String TARGET = "/vserver/v2/getServerInstanceList?regionCode=KR&responseFormatType=json";
    static final long TS = 1719999999999L;

    static Function<String, String> headers(String... kv) {
        Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m::get;
    }

    /** An independent HMAC, computed the way the SDKs document it, to check NcpSignature.sign against. */
    static String reference(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void stringToSignIsMethodSpaceTargetTimestampAccessKey() {
        assertEquals("GET /vserver/v2/getServerInstanceList?regionCode=KR&responseFormatType=json\n1719999999999\n" + AK,
                NcpSignature.stringToSign("GET", TARGET, Long.toString(TS), AK));
    }

    @Test
    void knownAnswer() throws Exception {
        // RFC 4231 test case 2 (key "Jefe"), in base64: the HMAC and encoding are the standard ones
        assertEquals("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=",
                NcpSignature.sign("Jefe", "what do ya want for nothing?"));
        String toSign = NcpSignature.stringToSign("POST", "/vserver/v2/stopServerInstances", "1700000000000", AK);
        assertEquals(reference(SK, toSign), NcpSignature.sign(SK, toSign));
    }

    @Test
    void acceptsV2AndV1Headers() throws Exception {
        String sig = reference(SK, "GET " + TARGET + "\n" + TS + "\n" + AK);
        for (String header : new String[] {"x-ncp-apigw-signature-v2", "x-ncp-apigw-signature-v1", "X-NCP-APIGW-SIGNATURE-V1"}) {
            NcpSignature.Result r = NcpSignature.verify(CREDENTIALS, "GET", TARGET,
                    headers("x-ncp-iam-access-key", AK, "x-ncp-apigw-timestamp", Long.toString(TS), header, sig),
                    Instant.ofEpochMilli(TS + 60_000));
            assertTrue(r.ok(), header + ": " + r.detail());
            assertEquals(AK, r.accessKey());
        }
    }

    @Test
    void mismatchShowsTheExactStringSigned() throws Exception {
        String sigForOtherPath = reference(SK, "GET /vserver/v2/getServerInstanceList\n" + TS + "\n" + AK);
        NcpSignature.Result r = NcpSignature.verify(CREDENTIALS, "GET", TARGET,
                headers("x-ncp-iam-access-key", AK, "x-ncp-apigw-timestamp", Long.toString(TS),
                        "x-ncp-apigw-signature-v2", sigForOtherPath),
                Instant.ofEpochMilli(TS));
        assertEquals(NcpSignature.Outcome.SIGNATURE_MISMATCH, r.outcome());
        assertTrue(r.detail().contains("\"GET " + TARGET + "\\n" + TS + "\\n" + AK + "\""), r.detail());
        // the signature received, never the one expected: the journal and the log must not be a signing oracle
        assertTrue(r.detail().contains(sigForOtherPath), r.detail());
        assertFalse(r.detail().contains(reference(SK, "GET " + TARGET + "\n" + TS + "\n" + AK)), r.detail());
    }

    @Test
    void timestampMustBeWithinFiveMinutesOfTheWallClock() throws Exception {
        String sig = reference(SK, "GET " + TARGET + "\n" + TS + "\n" + AK);
        Function<String, String> h = headers("x-ncp-iam-access-key", AK, "x-ncp-apigw-timestamp", Long.toString(TS),
                "x-ncp-apigw-signature-v2", sig);
        assertTrue(NcpSignature.verify(CREDENTIALS, "GET", TARGET, h, Instant.ofEpochMilli(TS + 300_000)).ok());
        assertEquals(NcpSignature.Outcome.EXPIRED_TIMESTAMP,
                NcpSignature.verify(CREDENTIALS, "GET", TARGET, h, Instant.ofEpochMilli(TS + 300_001)).outcome());
        assertEquals(NcpSignature.Outcome.EXPIRED_TIMESTAMP,
                NcpSignature.verify(CREDENTIALS, "GET", TARGET, h, Instant.ofEpochMilli(TS - 300_001)).outcome());
        assertEquals(NcpSignature.Outcome.INVALID_TIMESTAMP, NcpSignature.verify(CREDENTIALS, "GET", TARGET,
                headers("x-ncp-iam-access-key", AK, "x-ncp-apigw-timestamp", "yesterday", "x-ncp-apigw-signature-v2", sig),
                Instant.ofEpochMilli(TS)).outcome());
    }

    @Test
    void missingHeadersAndUnknownKeys() throws Exception {
        String sig = reference(SK, "GET " + TARGET + "\n" + TS + "\n" + AK);
        Instant now = Instant.ofEpochMilli(TS);
        assertEquals(NcpSignature.Outcome.MISSING_HEADER, NcpSignature.verify(CREDENTIALS, "GET", TARGET,
                headers("x-ncp-apigw-timestamp", Long.toString(TS), "x-ncp-apigw-signature-v2", sig), now).outcome());
        assertEquals(NcpSignature.Outcome.MISSING_HEADER, NcpSignature.verify(CREDENTIALS, "GET", TARGET,
                headers("x-ncp-iam-access-key", AK, "x-ncp-apigw-signature-v2", sig), now).outcome());
        NcpSignature.Result noSig = NcpSignature.verify(CREDENTIALS, "GET", TARGET,
                headers("x-ncp-iam-access-key", AK, "x-ncp-apigw-timestamp", Long.toString(TS)), now);
        assertEquals(NcpSignature.Outcome.MISSING_HEADER, noSig.outcome());
        assertEquals(AK, noSig.accessKey());
        NcpSignature.Result unknown = NcpSignature.verify(Map.of("someone-else", SK), "GET", TARGET,
                headers("x-ncp-iam-access-key", AK, "x-ncp-apigw-timestamp", Long.toString(TS), "x-ncp-apigw-signature-v2", sig), now);
        assertEquals(NcpSignature.Outcome.UNKNOWN_ACCESS_KEY, unknown.outcome());
    }
}
