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
                .auth(Config.AuthMode.VERIFY).credential(AK, SK).credential(AK2, SK2).start();
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
        assertTrue(r.body().startsWith("<Message>\n  <error>\n    <errorCode>200</errorCode>"), r.body());
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
    void zenlayerBearerTokensAreAccessKeys() throws Exception {
        assertEquals(200, SignedClient.zenlayerBearer(base, "DescribeZones", "{}", AK).statusCode());
        assertEquals(401, SignedClient.zenlayerBearer(base, "DescribeZones", "{}", "not-a-key").statusCode());
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
