package io.cloudmock;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A slow or greedy client cannot hold the server: Jetty's limits as CloudMock sets them, shortened here so the
 * test runs in seconds. Each check waits for the server to act within a bound far below what would pass
 * without the limit (a trickling client is never idle; idle connections are otherwise kept 30 s).
 */
class ConnectionLimitsTest {
    static final Duration BOUND = Duration.ofSeconds(12);

    static CloudMock start(ConnectionLimits limits) {
        return CloudMock.builder().port(0).connectionLimits(limits).start();
    }

    /** True once the server has closed the socket (end of stream, or a reset on write). */
    static boolean closedByServer(Socket s) {
        try {
            s.setSoTimeout(100);
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            int n = in.read(buf);
            return n < 0 || closedByServer(s); // a response to what was sent so far is fine: read on
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void aClientTricklingItsHeadersIsCutOffAtTheHeaderDeadline() throws Exception {
        try (CloudMock mock = start(new ConnectionLimits(1000, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1)));
             Socket slow = new Socket("127.0.0.1", mock.port())) {
            OutputStream out = slow.getOutputStream();
            out.write(("GET /_cloudmock/health HTTP/1.1\r\nHost: 127.0.0.1\r\n").getBytes(StandardCharsets.US_ASCII));
            long deadline = System.nanoTime() + BOUND.toNanos();
            boolean closed = false;
            int n = 0;
            while (!closed && System.nanoTime() < deadline) {
                try {
                    out.write(("X-Slow-" + n++ + ": y\r\n").getBytes(StandardCharsets.US_ASCII)); // never idle
                    out.flush();
                } catch (IOException e) {
                    closed = true;
                    break;
                }
                closed = closedByServer(slow);
            }
            assertTrue(closed, "a client sending a header line every 100 ms was still connected after " + BOUND);
            // the server answers everyone else meanwhile
            assertEquals(200, get(mock, "/_cloudmock/health").statusCode());
        }
    }

    /** Never idle (a byte a second), far below the minimum body rate: answered or cut off, not held for 1000 s. */
    @Test
    void aClientTricklingItsBodyIsCutOffByTheMinimumRate() throws Exception {
        try (CloudMock mock = start(new ConnectionLimits(1000, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(1), 100));
             Socket slow = new Socket("127.0.0.1", mock.port())) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /vserver/v2/getRegionList HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nr").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long deadline = System.nanoTime() + BOUND.toNanos();
            boolean answered = false;
            String got = "";
            slow.setSoTimeout(1000);
            InputStream in = slow.getInputStream();
            byte[] buf = new byte[4096];
            while (!answered && System.nanoTime() < deadline) {
                try {
                    out.write('x');
                    out.flush();
                } catch (IOException e) {
                    answered = true;
                    break;
                }
                try {
                    int n = in.read(buf);
                    if (n < 0) answered = true;
                    else got += new String(buf, 0, n, StandardCharsets.ISO_8859_1);
                    if (got.startsWith("HTTP/1.1 ")) answered = true;
                } catch (SocketTimeoutException e) {
                    // a second has passed: the next byte
                } catch (IOException e) {
                    answered = true;
                }
            }
            assertTrue(answered, "a client sending its body a byte a second was still being read after " + BOUND);
            if (!got.isEmpty()) {
                int status = Integer.parseInt(got.substring(9, 12));
                assertTrue(status >= 400 && status < 500, got);
            }
            assertEquals(200, get(mock, "/_cloudmock/health").statusCode());
        }
    }

    /** The limit does not touch a body that arrives at once. */
    @Test
    void anOrdinaryBodyPassesTheMinimumRate() throws Exception {
        try (CloudMock mock = start(ConnectionLimits.DEFAULT)) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(BOUND).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/vserver/v2/getRegionList"))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(BOUND)
                    .POST(HttpRequest.BodyPublishers.ofString("responseFormatType=json&" + "x=".repeat(1) + "y".repeat(100_000))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
        }
    }

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        try (CloudMock mock = start(new ConnectionLimits(1000, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(1)));
             Socket idle = new Socket("127.0.0.1", mock.port())) {
            assertTrue(awaitClosed(idle), "an idle connection was still open after " + BOUND);
        }
    }

    /** At the limit Jetty accepts no more and closes idle connections early, so a new client still gets in. */
    @Test
    void aClientHoldingEveryConnectionDoesNotLockOthersOut() throws Exception {
        int max = 8;
        try (CloudMock mock = start(new ConnectionLimits(max, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMillis(300)))) {
            List<Socket> hogs = new ArrayList<>();
            try {
                for (int i = 0; i < max * 2; i++) hogs.add(new Socket("127.0.0.1", mock.port())); // the OS backlog takes the rest
                HttpResponse<String> r = get(mock, "/_cloudmock/health");
                assertEquals(200, r.statusCode());
                assertTrue(awaitClosed(hogs.get(0)), "idle connections at the limit are closed well before the idle timeout");
            } finally {
                for (Socket s : hogs) s.close();
            }
        }
    }

    private static boolean awaitClosed(Socket s) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            if (closedByServer(s)) return true;
        }
        return false;
    }

    private static HttpResponse<String> get(CloudMock mock, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(BOUND).build();
        return client.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + path)).timeout(BOUND).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
