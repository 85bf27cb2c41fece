package io.cloudmock.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.CloudMock;
import io.cloudmock.Config;
import io.cloudmock.core.Json;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --auth verify end to end: real signing for both providers, the 401 envelopes, the journal's detail, accounts. */
class SignatureEndToEndTest {
    private static final String AK = "AKTESTKEY1";
    private static final String SK = "secret-one";
    private static final String AK2 = "AKTESTKEY2";
    private static final String SK2 = "secret-two";
    private static CloudMock mock;
    private static String base;

    @BeforeAll
    static void start() {
        mock = CloudMock.builder().port(0).manualClock().transitionDelay(Duration.ofSeconds(2))
                .auth(Config.AuthMode.VERIFY).credential(AK, SK).credential(AK2, SK2)
                .bearerToken("tok-ci", "ci").bearerToken("tok-anon").start();
        base = mock.baseUrl();
    }

    @AfterAll
    static void stop() { mock.close(); }

    @BeforeEach
    void reset() { RestAssured.given().baseUri(base).post("/_cloudmock/reset").then().statusCode(200); }

    private static long nowMs() { return System.currentTimeMillis(); }

    private static JsonNode json(HttpResponse<String> r) throws Exception { return Json.MAPPER.readTree(r.body()); }

    private static JsonNode lastJournalEntry() throws Exception {
        JsonNode requests = Json.MAPPER.readTree(RestAssured.given().baseUri(base).get("/_cloudmock/requests").asString())
                .get("requests");
        return requests.get(requests.size() - 1);
    }

    /** A create in the account's ready network (made here through the control API). */
    private static String create() {
        return "responseFormatType=json&serverImageProductCode=SW.VSVR.OS.LNX64.UBNTU.SVR24.G003&"
                + io.cloudmock.support.ReadyNetworks.ncp(base, AK).query();
    }

    @Test
    void ncpAcceptsTheGoSdksV1HeaderAndTheJavaSdksV2Header() throws Exception {
        HttpResponse<String> created = SignedClient.ncpGoStyle(base, "/vserver/v2/createServerInstances", create(), AK, SK,
                nowMs(), "x-ncp-apigw-signature-v1");
        assertEquals(200, created.statusCode(), created.body());
        HttpResponse<String> listed = SignedClient.ncpGet(base, "/vserver/v2/getServerInstanceList?responseFormatType=json",
                AK, SK, nowMs());
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals(1, json(listed).get("getServerInstanceListResponse").get("totalRows").intValue());
    }

    @Test
    void ncpRejectsABadSignatureWithTheGatewayEnvelopeAndJournalsWhatItSigned() throws Exception {
        long ts = nowMs();
        HttpResponse<String> r = SignedClient.ncpGoStyle(base, "/vserver/v2/getRegionList", "responseFormatType=json",
                AK, "wrong-secret", ts, "x-ncp-apigw-signature-v1");
        assertEquals(401, r.statusCode());
        assertEquals("{\"error\":{\"errorCode\":\"200\",\"message\":\"Authentication Failed\",\"details\":\"Invalid authentication information.\"}}",
                r.body());
        JsonNode entry = lastJournalEntry();
        assertEquals("200", entry.get("errorCode").textValue());
        assertTrue(entry.get("authDetail").textValue().contains("POST /vserver/v2/getRegionList\\n" + ts + "\\n" + AK),
                entry.toString());
    }

    @Test
    void ncpRejectsInXmlWhenXmlWasAsked() throws Exception {
        HttpResponse<String> r = SignedClient.ncpGet(base, "/vserver/v2/getRegionList", AK, "wrong", nowMs());
        assertEquals(401, r.statusCode());
        assertTrue(r.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n  <error>\n    <errorCode>200</errorCode>"), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
    }

    @Test
    void ncpRejectsStaleTimestampsUnknownKeysAndMissingHeaders() throws Exception {
        assertEquals(401, SignedClient.ncpGet(base, "/vserver/v2/getRegionList", AK, SK, nowMs() - 6 * 60_000).statusCode());
        assertEquals(401, SignedClient.ncpGet(base, "/vserver/v2/getRegionList", "NOBODY", SK, nowMs()).statusCode());
        RestAssured.given().baseUri(base).get("/vserver/v2/getRegionList?responseFormatType=json").then().statusCode(401);
        // the manual clock does not matter: timestamps are checked against the wall clock
        RestAssured.given().baseUri(base).contentType("application/json").body("{\"seconds\": 3600}")
                .post("/_cloudmock/clock/advance").then().statusCode(200);
        assertEquals(200, SignedClient.ncpGet(base, "/vserver/v2/getRegionList", AK, SK, nowMs()).statusCode());
    }

    /**
     * The signature covers the Content-Type as sent (reference 3 and 11). Jetty's header cache used to hand the
     * application a lower-cased value for well-known types, so a client sending "charset=UTF-8" (Apache
     * HttpClient's ContentType.APPLICATION_JSON) or "Application/JSON" always failed with a correct signature.
     */
    @Test
    void zenlayerSignsTheContentTypeExactlyAsSentWhateverItsCase() throws Exception {
        long ts = System.currentTimeMillis() / 1000;
        for (String contentType : new String[] {"application/json; charset=UTF-8", "application/json;charset=UTF-8",
                "Application/JSON", "application/json; charset=utf-8", "application/json"}) {
            HttpResponse<String> r = SignedClient.zenlayer(base, "DescribeZones", "{}", AK, SK, ts, contentType);
            assertEquals(200, r.statusCode(), contentType + ": " + r.body());
        }
    }

    @Test
    void zenlayerAcceptsASignedRequestAndRejectsABadOne() throws Exception {
        long ts = System.currentTimeMillis() / 1000;
        HttpResponse<String> ok = SignedClient.zenlayer(base, "DescribeZones", "{}", AK, SK, ts);
        assertEquals(200, ok.statusCode(), ok.body());
        HttpResponse<String> bad = SignedClient.zenlayer(base, "DescribeZones", "{}", AK, "wrong", ts);
        assertEquals(401, bad.statusCode());
        assertEquals("AUTHFAILURE_SIGNATURE_FAILURE", json(bad).get("code").textValue());
        assertTrue(json(bad).has("requestId"));
        assertTrue(lastJournalEntry().get("authDetail").textValue().contains("ZC2-HMAC-SHA256\\n" + ts), lastJournalEntry().toString());
        assertEquals(AK, lastJournalEntry().get("account").textValue());
        HttpResponse<String> old = SignedClient.zenlayer(base, "DescribeZones", "{}", AK, SK, ts - 301);
        assertEquals("AUTHFAILURE_SIGNATURE_EXPIRED", json(old).get("code").textValue());
        HttpResponse<String> none = SignedClient.zenlayerBearer(base, "DescribeZones", "{}", "");
        assertEquals(401, none.statusCode());
        assertEquals("AUTHFAILURE_INVALID_AUTHORIZATION", json(none).get("code").textValue());
    }

    @Test
    void zenlayerBearerTokensAreTheirOwnListNeverAccessKeyIds() throws Exception {
        // key ids are not secret (every log line shows them), so one must never pass as a token
        HttpResponse<String> keyAsToken = SignedClient.zenlayerBearer(base, "DescribeZones", "{}", AK);
        assertEquals(401, keyAsToken.statusCode());
        assertEquals("AUTHFAILURE_SIGNATURE_FAILURE", json(keyAsToken).get("code").textValue());
        assertEquals(401, SignedClient.zenlayerBearer(base, "DescribeZones", "{}", "not-a-token").statusCode());
        assertEquals(200, SignedClient.zenlayerBearer(base, "DescribeZones", "{}", "tok-ci").statusCode());
        assertEquals("ci", lastJournalEntry().get("account").textValue());
        assertEquals(200, SignedClient.zenlayerBearer(base, "DescribeZones", "{}", "tok-anon").statusCode());
        assertEquals(io.cloudmock.core.Secrets.tokenAccount("tok-anon"), lastJournalEntry().get("account").textValue());
        String journal = RestAssured.given().baseUri(base).get("/_cloudmock/requests").asString();
        assertFalse(journal.contains("tok-anon") || journal.contains("not-a-token") || journal.contains("tok-ci"), journal);
    }

    /** The Java SDK signs a call without parameters over "GET /vserver/v2/getRegionList?" and sends that target. */
    @Test
    void ncpChecksTheTargetExactlyAsSentWithABareQuestionMark() throws Exception {
        // java.net.http drops an empty query from the request line, so this one is written by hand
        String ts = Long.toString(nowMs());
        String bare = rawGet("/vserver/v2/getRegionList?", ts,
                SignedClient.hmacBase64(SK, "GET /vserver/v2/getRegionList?\n" + ts + "\n" + AK));
        assertTrue(bare.startsWith("HTTP/1.1 200"), bare);
        // signed without the "?" but sent with it: not the same request target, so not the same signature
        String dropped = rawGet("/vserver/v2/getRegionList?", ts,
                SignedClient.hmacBase64(SK, "GET /vserver/v2/getRegionList\n" + ts + "\n" + AK));
        assertTrue(dropped.startsWith("HTTP/1.1 401"), dropped);
        assertTrue(lastJournalEntry().get("authDetail").textValue().contains("GET /vserver/v2/getRegionList?\\n"),
                lastJournalEntry().toString());
    }

    private static String rawGet(String target, String ts, String signature) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", mock.port())) {
            s.setSoTimeout(10_000);
            String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + mock.port() + "\r\n"
                    + "x-ncp-apigw-timestamp: " + ts + "\r\nx-ncp-iam-access-key: " + AK + "\r\n"
                    + "x-ncp-apigw-signature-v2: " + signature + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A caller who sends a wrong signature must not read the right one in the journal (and replay it). */
    @Test
    void aFailedCheckNeverShowsTheExpectedSignature() throws Exception {
        long ts = nowMs();
        SignedClient.ncpGet(base, "/vserver/v2/getRegionList?responseFormatType=json", AK, "wrong", ts);
        String right = SignedClient.hmacBase64(SK, "GET /vserver/v2/getRegionList?responseFormatType=json\n" + ts + "\n" + AK);
        String sent = SignedClient.hmacBase64("wrong", "GET /vserver/v2/getRegionList?responseFormatType=json\n" + ts + "\n" + AK);
        String detail = lastJournalEntry().get("authDetail").textValue();
        assertFalse(detail.contains(right), detail);
        assertTrue(detail.contains(sent), detail);

        long s = ts / 1000;
        SignedClient.zenlayer(base, "DescribeZones", "{}", AK, "wrong", s);
        String zdetail = lastJournalEntry().get("authDetail").textValue();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("string to sign \"([^\"]*)\"").matcher(zdetail);
        assertTrue(m.find(), zdetail);
        String toSign = m.group(1).replace("\\n", "\n");
        assertFalse(zdetail.contains(SignedClient.hmacHex(SK, toSign)), zdetail);
        assertTrue(zdetail.contains(SignedClient.hmacHex("wrong", toSign)), zdetail);
    }

    @Test
    void twoKeysAreTwoAccounts() throws Exception {
        SignedClient.ncpGoStyle(base, "/vserver/v2/createServerInstances", create(), AK, SK, nowMs(), "x-ncp-apigw-signature-v1");
        HttpResponse<String> mine = SignedClient.ncpGet(base, "/vserver/v2/getServerInstanceList?responseFormatType=json", AK, SK, nowMs());
        HttpResponse<String> theirs = SignedClient.ncpGet(base, "/vserver/v2/getServerInstanceList?responseFormatType=json", AK2, SK2, nowMs());
        assertEquals(1, json(mine).get("getServerInstanceListResponse").get("totalRows").intValue());
        assertEquals(0, json(theirs).get("getServerInstanceListResponse").get("totalRows").intValue());
        long ts = System.currentTimeMillis() / 1000;
        String body = "{\"zoneId\":\"SEL-A\",\"imageId\":\"" + zenlayerImage() + "\",\"instanceType\":\"c.1c2g\","
                + "\"instanceChargeType\":\"POSTPAID\",\"internetChargeType\":\"ByBandwidth\",\"password\":\"Passw0rd!\"}";
        HttpResponse<String> created = SignedClient.zenlayer(base, "CreateInstances", body, AK2, SK2, ts);
        assertEquals(200, created.statusCode(), created.body());
        assertEquals(1, json(SignedClient.zenlayer(base, "DescribeInstances", "{}", AK2, SK2, ts)).get("response").get("totalCount").intValue());
        assertEquals(0, json(SignedClient.zenlayer(base, "DescribeInstances", "{}", AK, SK, ts)).get("response").get("totalCount").intValue());
    }

    private static String zenlayerImage() throws Exception {
        long ts = System.currentTimeMillis() / 1000;
        return json(SignedClient.zenlayer(base, "DescribeImages", "{\"zoneId\":\"SEL-A\"}", AK, SK, ts))
                .get("response").get("dataSet").get(0).get("imageId").textValue();
    }
}
