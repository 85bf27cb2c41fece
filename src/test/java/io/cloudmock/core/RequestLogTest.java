package io.cloudmock.core;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cloudmock.CloudMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request log line: its text and its typed fields, and that a running cloudmock has it registered. */
class RequestLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(RequestLog.LOGGER);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void capture() {
        captured.start();
        logger.addAppender(captured);
    }

    @AfterEach
    void release() {
        logger.detachAppender(captured);
    }

    private static Exchange exchange(String provider, String action, String account, String errorCode) {
        Exchange ex = new Exchange(Instant.now());
        ex.provider = provider;
        ex.action = action;
        ex.account = account;
        ex.errorCode = errorCode;
        return ex;
    }

    private static Map<String, Object> fields(ILoggingEvent event) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (KeyValuePair kv : event.getKeyValuePairs()) out.put(kv.key, kv.value);
        return out;
    }

    /**
     * The access key and the Zenlayer action are the client's text: a space or '=' in them wrote fields of its own
     * into the line ({@code account=AK error=- status=200 error=400...}). Such a value is now quoted.
     */
    @Test
    void aClientsValueCannotForgeFieldsOfTheLine() {
        try (io.cloudmock.CloudMock mock = io.cloudmock.CloudMock.builder().port(0).manualClock().start()) {
            io.restassured.RestAssured.given().baseUri(mock.baseUrl()).header("x-ncp-iam-access-key", "AK error=- status=200")
                    .get("/vserver/v2/getRegionList").then().statusCode(200);
            io.restassured.RestAssured.given().baseUri(mock.baseUrl()).header("X-ZC-Action", "Describe x=\"y\"")
                    .header("X-ZC-Version", "2026-04-01").body("{}").post("/api/v2/vm").then().statusCode(401);
        }
        assertEquals(2, captured.list.size());
        String ncp = captured.list.get(0).getFormattedMessage();
        assertTrue(ncp.matches("GET /vserver/v2/getRegionList 200 provider=ncp action=getRegionList "
                + "account=\"AK error=- status=200\" error=- durationMs=\\d+"), ncp);
        String zen = captured.list.get(1).getFormattedMessage();
        assertTrue(zen.contains(" action=\"Describe x=\\\"y\\\"\" account=default "), zen);
    }

    @Test
    void oneLineWithEveryFieldForAFailedRequest() {
        new RequestLog().completed(exchange("ncp", "stopServerInstances", "AK1", "25041"),
                "POST", "/vserver/v2/stopServerInstances", 400);

        assertEquals(1, captured.list.size());
        ILoggingEvent event = captured.list.get(0);
        assertEquals("INFO", event.getLevel().toString());
        assertEquals("cloudmock.requests", event.getLoggerName());
        assertTrue(event.getFormattedMessage().matches(
                "POST /vserver/v2/stopServerInstances 400 provider=ncp action=stopServerInstances account=AK1 "
                        + "error=25041 durationMs=\\d+"), event.getFormattedMessage());
        Map<String, Object> f = fields(event);
        assertEquals(List.of("method", "path", "provider", "action", "account", "status", "errorCode", "durationMs"),
                List.copyOf(f.keySet()));
        assertEquals("POST", f.get("method"));
        assertEquals("/vserver/v2/stopServerInstances", f.get("path"));
        assertEquals("ncp", f.get("provider"));
        assertEquals("stopServerInstances", f.get("action"));
        assertEquals("AK1", f.get("account"));
        assertEquals(400, f.get("status"));
        assertEquals("25041", f.get("errorCode"));
        assertTrue(f.get("durationMs") instanceof Long && (Long) f.get("durationMs") >= 0);
    }

    @Test
    void successShowsDashesForNoErrorAndTheDefaultAccount() {
        new RequestLog().completed(exchange("zenlayer", "DescribeZones", ResourceStore.DEFAULT_ACCOUNT, ""),
                "POST", "/api/v2/vm", 200);

        ILoggingEvent event = captured.list.get(0);
        assertTrue(event.getFormattedMessage().startsWith(
                "POST /api/v2/vm 200 provider=zenlayer action=DescribeZones account=default error=- durationMs="),
                event.getFormattedMessage());
        assertEquals("", fields(event).get("errorCode"));
    }

    @Test
    void aFailedSignatureCheckAddsWhatWasComputed() {
        Exchange ex = exchange("ncp", "getRegionList", "AK1", "200");
        ex.authDetail = "string to sign: GET /vserver/v2/getRegionList\n1700000000000\nAK1; expected signature abc=";
        new RequestLog().completed(ex, "GET", "/vserver/v2/getRegionList", 401);

        ILoggingEvent event = captured.list.get(0);
        assertTrue(event.getFormattedMessage().endsWith(
                " auth=string to sign: GET /vserver/v2/getRegionList\\n1700000000000\\nAK1; expected signature abc="),
                event.getFormattedMessage());
        assertEquals(1, event.getFormattedMessage().lines().count());
        assertEquals(ex.authDetail, fields(event).get("authDetail"));
    }

    @Test
    void aRunningCloudMockLogsProviderRequestsButNotTheControlApiOrUnknownPaths() throws Exception {
        try (CloudMock mock = CloudMock.builder().port(0).manualClock().start()) {
            HttpClient http = HttpClient.newHttpClient();
            for (String path : new String[] {"/_cloudmock/health", "/no/such/path"}) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(r.statusCode() == 200 || r.statusCode() == 404, path + " -> " + r.statusCode());
            }
            assertEquals(List.of(), captured.list, "no provider claimed these requests");

            // what a provider route does when it answers: the listener registered by CloudMock writes the line
            mock.backend().completed(exchange("ncp", "getRegionList", "default", ""), "GET", "/vserver/v2/getRegionList", 200);
            assertEquals(1, captured.list.size());
            assertEquals("getRegionList", fields(captured.list.get(0)).get("action"));
        }
    }
}
