package io.cloudmock.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.CloudMock;
import io.cloudmock.core.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The control API's rules of DESIGN.md section 1, over raw sockets (HTTP clients will not send a foreign Host):
 * a web page the developer has open must not steer or read a local cloudmock.
 */
class ControlRulesTest {
    static CloudMock mock;

    @BeforeAll
    static void start() { mock = CloudMock.builder().port(0).manualClock().start(); }

    @AfterAll
    static void stop() { mock.close(); }

    @BeforeEach
    void clearFaults() throws Exception { assertEquals(200, send(mock, "DELETE", "/_cloudmock/faults", Map.of(), null).status); }

    record Reply(int status, Map<String, String> headers, String body) {
        JsonNode json() throws Exception { return Json.MAPPER.readTree(body); }
        String errorCode() throws Exception { return json().get("error").get("code").textValue(); }
    }

    /** One HTTP/1.1 exchange, every header as given ({@code Host} defaults to the server's own). */
    static Reply send(CloudMock target, String method, String path, Map<String, String> headers, String body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", target.port())) {
            s.setSoTimeout(10_000);
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Host", "127.0.0.1:" + target.port());
            h.putAll(headers);
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) h.put("Content-Length", Integer.toString(bytes.length));
            h.put("Connection", "close");
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            h.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            s.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(bytes);
            return parse(s.getInputStream());
        }
    }

    private static Reply parse(InputStream in) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, split).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, c).toLowerCase(), lines[i].substring(c + 1).strip());
        }
        String body = text.substring(split + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = dechunk(body);
        return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }

    private static String dechunk(String s) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = s.indexOf("\r\n", at);
            int n = Integer.parseInt(s.substring(at, eol).strip(), 16);
            if (n == 0) return out.toString();
            out.append(s, eol + 2, eol + 2 + n);
            at = eol + 2 + n + 2;
        }
    }

    static final String RULE = "{\"provider\":\"ncp\",\"action\":\"getRegionList\",\"httpStatus\":500,\"times\":1}";

    private static int faultCount() throws Exception {
        return send(mock, "GET", "/_cloudmock/faults", Map.of(), null).json().get("faults").size();
    }

    @Test
    void aHostOutsideTheAllowedOnesIsRefusedSoDnsRebindingReadsNothing() throws Exception {
        Reply rebound = send(mock, "GET", "/_cloudmock/state", Map.of("Host", "attacker.example:" + mock.port()), null);
        assertEquals(403, rebound.status(), rebound.body());
        assertEquals("FORBIDDEN_HOST", rebound.errorCode());
        assertTrue(rebound.headers().get("content-type").startsWith("application/json"));
        for (String host : new String[] {"localhost:" + mock.port(), "127.0.0.1", "[::1]:" + mock.port(), "LOCALHOST"}) {
            assertEquals(200, send(mock, "GET", "/_cloudmock/state", Map.of("Host", host), null).status(), host);
        }
        // the cloud APIs are the cloud's: any Host, as the real endpoints answer
        assertEquals(200, send(mock, "GET", "/vserver/v2/getRegionList", Map.of("Host", "attacker.example"), null).status());
    }

    @Test
    void anyHostIsAllowedWithAStar() throws Exception {
        try (CloudMock open = CloudMock.builder().port(0).allowedHosts("*").start()) {
            assertEquals(200, send(open, "GET", "/_cloudmock/health", Map.of("Host", "ci-runner:8080"), null).status());
        }
        try (CloudMock named = CloudMock.builder().port(0).allowedHosts("cloudmock.internal").start()) {
            assertEquals(200, send(named, "GET", "/_cloudmock/health", Map.of("Host", "cloudmock.internal:80"), null).status());
            assertEquals(403, send(named, "GET", "/_cloudmock/health", Map.of("Host", "localhost"), null).status());
        }
    }

    @Test
    void aForeignOriginIsRefusedAndChangesNothing() throws Exception {
        for (String origin : new String[] {"http://attacker.example", "null", "http://localhost:" + mock.port()}) {
            Reply r = send(mock, "POST", "/_cloudmock/faults",
                    Map.of("Origin", origin, "Content-Type", "application/json"), RULE);
            assertEquals(403, r.status(), origin + ": " + r.body());
            assertEquals("FORBIDDEN_ORIGIN", r.errorCode());
        }
        assertEquals(0, faultCount());
        Reply own = send(mock, "POST", "/_cloudmock/faults",
                Map.of("Origin", "http://127.0.0.1:" + mock.port(), "Content-Type", "application/json"), RULE);
        assertEquals(201, own.status(), own.body());
    }

    /** What a page may POST cross-site without a preflight: text/plain, multipart, or no type at all. */
    @Test
    void bodiesThatAreNotJsonAre415AndChangeNothing() throws Exception {
        for (String type : new String[] {"text/plain", "text/plain;charset=UTF-8", "multipart/form-data; boundary=x", "application/xml", null}) {
            Map<String, String> headers = type == null ? Map.of() : Map.of("Content-Type", type);
            Reply r = send(mock, "POST", "/_cloudmock/faults", headers, RULE);
            assertEquals(415, r.status(), type + ": " + r.body());
            assertEquals("UNSUPPORTED_MEDIA_TYPE", r.errorCode());
            assertEquals(415, send(mock, "POST", "/_cloudmock/reset", headers, "{}").status(), type);
        }
        assertEquals(0, faultCount());
        assertEquals(201, send(mock, "POST", "/_cloudmock/faults", Map.of("Content-Type", "application/json; charset=utf-8"), RULE).status());
        // curl -d sends application/x-www-form-urlencoded: the body is still read as JSON
        assertEquals(201, send(mock, "POST", "/_cloudmock/faults", Map.of("Content-Type", "application/x-www-form-urlencoded"), RULE).status());
        assertEquals(2, faultCount());
        // no body, no type needed (curl -X POST .../reset)
        assertEquals(200, send(mock, "POST", "/_cloudmock/reset", Map.of(), null).status());
    }

    @Test
    void headOfHealthAnswersAndWrongMethodsAre405() throws Exception {
        Reply head = send(mock, "HEAD", "/_cloudmock/health", Map.of(), null);
        assertEquals(200, head.status());
        assertEquals("", head.body());
        for (String[] call : new String[][] {
                {"PATCH", "/_cloudmock/health", "GET, HEAD"},
                {"GET", "/_cloudmock/reset", "POST"},
                {"DELETE", "/_cloudmock/clock/advance", "POST"},
                {"PUT", "/_cloudmock/faults", "GET, POST, DELETE"},
                {"GET", "/_cloudmock/faults/fault-1", "DELETE"},
                {"POST", "/_cloudmock/state", "GET, PUT"}}) {
            Reply r = send(mock, call[0], call[1], Map.of(), null);
            assertEquals(405, r.status(), call[0] + " " + call[1] + ": " + r.body());
            assertEquals("METHOD_NOT_ALLOWED", r.errorCode());
            assertEquals(call[2], r.headers().get("allow"), call[1]);
        }
        Reply none = send(mock, "GET", "/_cloudmock/no-such-call", Map.of(), null);
        assertEquals(404, none.status());
        assertEquals("NOT_FOUND", none.errorCode());
    }
}
