package io.cloudmock.core;

import io.cloudmock.support.EndToEndTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one request pipeline, through the real providers: what no provider could get wrong on its own. */
class PipelineTest extends EndToEndTest {

    /** Writes raw bytes and reads the whole answer (the server closes or the 5 s read timeout ends it). */
    private static String raw(String request, boolean halfClose) throws IOException {
        try (Socket s = new Socket("127.0.0.1", mock.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (halfClose) s.shutdownOutput();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    got.write(buf, 0, n);
                    if (got.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n") && complete(got.toString(StandardCharsets.ISO_8859_1))) break;
                }
            } catch (java.net.SocketTimeoutException e) {
                // what arrived is the answer
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    private static boolean complete(String response) {
        int head = response.indexOf("\r\n\r\n");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(response.substring(0, head));
        return m.find() && response.length() - head - 4 >= Integer.parseInt(m.group(1));
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeAByteIsRead() throws IOException {
        // nothing follows the headers: an answer proves the server did not wait for the 1 TB
        String answer = raw("POST /vserver/v2/getRegionList?responseFormatType=json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000000000000\r\n\r\n", false);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"errorCode\":\"430\""), answer);
        String zl = raw("POST /api/v2/vm HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "X-ZC-Action: DescribeZones\r\nX-ZC-Version: 2026-04-01\r\nContent-Length: 1000000000000\r\n\r\n", false);
        assertTrue(zl.startsWith("HTTP/1.1 400"), zl);
        assertTrue(zl.contains("\"code\":\"INVALID_PARAMETER_EXCEED_LENGTH\""), zl);
    }

    @Test
    void aTruncatedBodyIsAProviderErrorNotA500() throws IOException {
        String answer = raw("POST /vserver/v2/getRegionList?responseFormatType=json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nregionCode=K", true);
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("\"returnCode\": \"900\""), answer);
        assertTrue(!answer.contains("Exception"), answer);
        String zl = raw("POST /api/v2/vm HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "X-ZC-Action: DescribeZones\r\nX-ZC-Version: 2026-04-01\r\nContent-Length: 100\r\n\r\n{\"zo", true);
        assertTrue(zl.startsWith("HTTP/1.1 400"), zl);
        assertTrue(zl.contains("\"code\":\"INVALID_PARAMETER_VALUE\""), zl);
    }

    @Test
    void pathsOfOtherVersionsOnAProvidersHostGetThatProvidersNotFound() {
        for (String path : List.of("/vserver/v3/getServerInstanceList", "/vserver/v1/getRegionList", "/server/v3/x", "/vpc/v1/getVpcList")) {
            given().queryParam("responseFormatType", "json").get(path).then().statusCode(404)
                    .contentType(startsWith("application/json"))
                    .body("error.errorCode", equalTo("300")).body("error.message", equalTo("Not Found Exception"));
        }
        for (String path : List.of("/api/v3/vm", "/api/vm")) {
            given().contentType("application/json").header("X-ZC-Action", "DescribeZones").header("X-ZC-Version", "2026-04-01")
                    .body("{}").post(path).then().statusCode(401)
                    .body("code", equalTo("AUTHFAILURE_UNAUTHORIZED_OPERATION"))
                    .body("message", containsString("does not exist"))
                    .body("requestId", startsWith("T"));
        }
    }

    @Test
    void everyMethodOnAProviderPathGetsThatProvidersAnswerNeverAPlainTextOne() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String method : List.of("TRACE", "PROPFIND", "OPTIONS", "DELETE")) {
            HttpResponse<String> ncp = client.send(HttpRequest.newBuilder(URI.create(mock.baseUrl()
                    + "/vserver/v2/getRegionList?responseFormatType=json")).method(method, HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, ncp.statusCode(), method);
            assertTrue(ncp.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), method);
            assertTrue(ncp.body().contains("\"errorCode\":\"300\""), method + ": " + ncp.body());
            HttpResponse<String> other = client.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/elsewhere"))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, other.statusCode(), method);
            assertTrue(other.body().contains("\"NOT_FOUND\""), method + ": " + other.body());
        }
    }

    @Test
    void aLargeAnswerIsGzippedForAClientThatAcceptsItAndPlainForOneThatDoesNot() throws Exception {
        given().contentType("application/json").body("{\"provider\":\"ncp\",\"state\":\"RUN\",\"count\":5}")
                .post("/_cloudmock/instances").then().statusCode(201);
        HttpClient client = HttpClient.newHttpClient();
        URI list = URI.create(mock.baseUrl() + "/vserver/v2/getServerInstanceList?responseFormatType=json");
        HttpResponse<String> plain = client.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals(String.valueOf(plain.body().getBytes(StandardCharsets.UTF_8).length),
                plain.headers().firstValue("Content-Length").orElse(""));
        HttpResponse<byte[]> zipped = client.send(HttpRequest.newBuilder(list).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
        String unzipped = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))
                .readAllBytes(), StandardCharsets.UTF_8);
        // the same answer but its request id
        assertEquals(plain.body().replaceAll("\"requestId\": \"[^\"]*\"", "ID"),
                unzipped.replaceAll("\"requestId\": \"[^\"]*\"", "ID"));
    }

    @Test
    void aFaultDelayHoldsNoServerThreadSoTheControlApiKeepsAnswering() throws Exception {
        io.cloudmock.CloudMock own = io.cloudmock.CloudMock.builder().port(0).manualClock().start();
        try {
            io.restassured.RestAssured.given().baseUri(own.baseUrl()).contentType("application/json")
                    .body("{\"provider\":\"ncp\",\"action\":\"getRegionList\",\"delayMs\":60000,\"times\":400}")
                    .post("/_cloudmock/faults").then().statusCode(201);
            HttpClient client = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(4)).build();
            List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
            for (int k = 0; k < 400; k++) {
                waiting.add(client.sendAsync(HttpRequest.newBuilder(URI.create(own.baseUrl() + "/vserver/v2/getRegionList")).build(),
                        HttpResponse.BodyHandlers.ofString()));
                // in waves, so the connections do not overflow the listen backlog
                if (k % 50 == 49) awaitWaiting(own, k + 1);
            }
            // more delayed calls than Jetty has threads are waiting: the control API answers all the same
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(own.baseUrl() + "/_cloudmock/health")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            io.restassured.RestAssured.given().baseUri(own.baseUrl()).delete("/_cloudmock/faults").then().statusCode(200);
            assertTrue(waiting.stream().noneMatch(CompletableFuture::isDone), "the delayed calls are still waiting");
            // closing does not wait a minute for them
            own.close();
            for (CompletableFuture<HttpResponse<String>> f : waiting) {
                f.handle((r, e) -> null).get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            own.close();
        }
    }

    /** Until {@code n} calls wait on their delay (a concurrency barrier, not a wait for a transition). */
    private static void awaitWaiting(io.cloudmock.CloudMock server, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (server.backend().pipeline().waitingOnDelays() < n && System.nanoTime() < deadline) Thread.sleep(10);
        assertEquals(n, server.backend().pipeline().waitingOnDelays());
    }

    @Test
    void aDelayedCallIsAnsweredAndJournalledAsAnyOther() {
        given().contentType("application/json")
                .body("{\"provider\":\"zenlayer\",\"action\":\"DescribeZones\",\"delayMs\":300,\"times\":1}")
                .post("/_cloudmock/faults").then().statusCode(201);
        given().contentType("application/json").header("X-ZC-Action", "DescribeZones").header("X-ZC-Version", "2026-04-01")
                .body("{}").post("/api/v2/vm").then().statusCode(200).body("response.zoneSet[0].zoneId", org.hamcrest.Matchers.notNullValue());
        given().get("/_cloudmock/requests").then()
                .body("requests[-1].action", equalTo("DescribeZones")).body("requests[-1].status", equalTo(200))
                .body("requests[-1].durationMs", org.hamcrest.Matchers.greaterThanOrEqualTo(300));
    }

    @Test
    void everyAnswerIsJournalledWithTheErrorCodeOfItsReply() {
        given().queryParam("responseFormatType", "json").get("/vserver/v2/noSuchAction").then().statusCode(404);
        given().get("/_cloudmock/requests").then().statusCode(200)
                .body("requests[-1].provider", equalTo("ncp"))
                .body("requests[-1].action", equalTo("noSuchAction"))
                .body("requests[-1].errorCode", equalTo("300"));
    }
}
