package io.cloudmock.core.http;

import io.cloudmock.CloudMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kept answer goes out of the server thread's own send buffer ({@link HttpCall}): many clients at once, in both
 * NCP formats, Zenlayer, gzip and a client that stops reading, must each get their own answer whole, the same
 * bytes as everyone else's but for their own request id. A buffer reused while Jetty still wrote it would show
 * here as a torn body, another call's request id, or the same request id twice.
 */
class SendBufferTest {
    static CloudMock mock;
    static HttpClient http;
    static String base;
    static final int PIPELINED = 300;

    private static final Pattern NCP_ID = Pattern.compile("\"requestId\": \"([^\"]+)\"|<requestId>([^<]+)</requestId>");
    private static final Pattern ZENLAYER_ID = Pattern.compile("\"requestId\":\"([^\"]+)\"");

    @BeforeAll
    static void start() throws Exception {
        mock = CloudMock.builder().port(0).start();
        base = "http://127.0.0.1:" + mock.port();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String provider : new String[] {"ncp", "zenlayer"}) {
            HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create(base + "/_cloudmock/instances"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"provider\":\"" + provider + "\",\"count\":20}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, made.statusCode(), made.body());
        }
    }

    @AfterAll
    static void stop() {
        if (mock != null) mock.close();
    }

    private enum Call {
        JSON("/vserver/v2/getServerInstanceList?responseFormatType=json", null),
        XML("/vserver/v2/getServerInstanceList", null),
        ZENLAYER("/api/v2/vm", "DescribeInstances");

        final String path;
        final String action;

        Call(String path, String action) {
            this.path = path;
            this.action = action;
        }

        HttpRequest request(boolean gzip) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
            if (gzip) b.header("Accept-Encoding", "gzip");
            if (action == null) return b.GET().build();
            return b.header("Content-Type", "application/json").header("X-ZC-Action", action).header("X-ZC-Version", "2026-04-01")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        }

        Pattern ids() { return this == ZENLAYER ? ZENLAYER_ID : NCP_ID; }
    }

    /**
     * The body with its request id taken out (Zenlayer writes it twice: beside and inside {@code response}, the
     * same id); the id goes into {@code seen}, which must not hold it yet.
     */
    private static String template(Call call, String body, Set<String> seen) {
        Matcher m = call.ids().matcher(body);
        assertTrue(m.find(), () -> "no request id in " + body);
        String id = m.group(1) != null ? m.group(1) : m.group(2);
        while (m.find()) assertEquals(id, m.group(1) != null ? m.group(1) : m.group(2), "two request ids in one answer");
        assertTrue(seen.add(id), "request id " + id + " answered twice");
        return body.replace(id, "RID");
    }

    private static String fetch(Call call, boolean gzip) throws Exception {
        HttpResponse<byte[]> r = http.send(call.request(gzip), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        byte[] body = r.body();
        if (gzip) {
            assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void everyClientGetsItsOwnAnswerWhole() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        String[] expected = new String[Call.values().length];
        for (Call c : Call.values()) expected[c.ordinal()] = template(c, fetch(c, false), seen);
        assertTrue(expected[0].length() > 30_000, "the lists are large enough to go through the send buffer");

        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            // one client that asks for 300 lists (12 MB, more than the sockets buffer) on one connection and reads none of them until the others are done:
            // the server thread writing to it blocks with its send buffer full while other threads keep serving
            Socket stalled = new Socket();
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", mock.port()));
            OutputStream out = stalled.getOutputStream();
            StringBuilder pipelined = new StringBuilder();
            for (int i = 0; i < PIPELINED; i++) {
                pipelined.append("GET ").append(Call.JSON.path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            }
            out.write(pipelined.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();

            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        Call c = Call.values()[(thread + i) % Call.values().length];
                        boolean gzip = (thread + i) % 4 == 0;
                        assertEquals(expected[c.ordinal()], template(c, fetch(c, gzip), seen), c + " gzip=" + gzip);
                    }
                    return null;
                }));
            }
            for (Future<?> f : runs) f.get();

            List<String> bodies = readResponses(stalled.getInputStream(), PIPELINED);
            stalled.close();
            for (String body : bodies) assertEquals(expected[Call.JSON.ordinal()], template(Call.JSON, body, seen));
            assertEquals(3 + 12 * 60 + PIPELINED, seen.size());
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code n} HTTP/1.1 responses with a Content-Length, one after another, as their bodies. */
    private static List<String> readResponses(InputStream in, int n) throws IOException {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int length = -1;
            for (String line; !(line = readLine(in)).isEmpty(); ) {
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) length = Integer.parseInt(line.substring(15).trim());
            }
            assertTrue(length > 0, "a Content-Length");
            bodies.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) throw new IOException("the connection closed mid-response");
            if (b != '\r') line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
