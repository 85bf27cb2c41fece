package io.cloudmock.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.CloudMock;
import io.cloudmock.Config;
import io.cloudmock.core.Json;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --auth log: a bad signature is checked and journalled, never rejected. */
class LogModeEndToEndTest {
    private static CloudMock mock;

    @BeforeAll
    static void start() {
        mock = CloudMock.builder().port(0).manualClock().auth(Config.AuthMode.LOG).credential("AK", "SK").start();
    }

    @AfterAll
    static void stop() { mock.close(); }

    @Test
    void badSignaturesPassButAreRecorded() throws Exception {
        HttpResponse<String> ncp = SignedClient.ncpGet(mock.baseUrl(), "/vserver/v2/getRegionList?responseFormatType=json",
                "AK", "wrong", System.currentTimeMillis());
        assertEquals(200, ncp.statusCode());
        HttpResponse<String> zen = SignedClient.zenlayer(mock.baseUrl(), "DescribeZones", "{}", "AK", "wrong",
                System.currentTimeMillis() / 1000);
        assertEquals(200, zen.statusCode());
        JsonNode requests = Json.MAPPER.readTree(RestAssured.given().baseUri(mock.baseUrl()).get("/_cloudmock/requests")
                .asString()).get("requests");
        assertEquals(2, requests.size());
        for (JsonNode entry : requests) {
            assertEquals("AK", entry.get("account").textValue());
            assertTrue(entry.get("authDetail").textValue().startsWith("signature mismatch"), entry.toString());
        }
    }
}
