package io.cloudmock.core.http;

import io.cloudmock.core.Exchange;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.MultiMap;
import org.eclipse.jetty.util.UrlEncoded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP request and the answer being made for it, over Jetty's own request and response: what the pipeline,
 * the providers and the control API read (method, raw path and query, headers, body) and set (status, headers,
 * body). The answer is written once, by {@link #send()}: when the route returns, or later for a call that
 * {@link #later() waits} (a fault rule's delay) without holding a server thread.
 */
public final class HttpCall {
    private static final byte[] NO_BODY = new byte[0];

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final String path;
    private final String query;
    private final Exchange exchange;
    private Map<String, String> pathParams = Map.of();
    private MultiMap<String> queryParams;
    private int status = 200;
    private String contentType;
    private byte[][] parts = {NO_BODY};
    private boolean later;
    private boolean skipRemaining;
    private boolean sent;
    private Runnable onSent = () -> {};

    HttpCall(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        HttpURI uri = request.getHttpURI();
        this.path = uri.getPath() == null ? "/" : uri.getPath();
        this.query = uri.getQuery();
        this.exchange = new Exchange(java.time.Instant.now());
    }

    // --- the request ---------------------------------------------------------------------------------------

    public String method() { return request.getMethod(); }

    /** The path as sent (percent-encoding kept), without the query. */
    public String path() { return path; }

    /** The raw query after {@code ?}: null without a {@code ?}, empty for a bare one. */
    public String queryString() { return query; }

    /**
     * Raw path, plus {@code ?} and the raw query whenever the request line had a {@code ?}: the target exactly as
     * the client signed it (the NCP Java SDK signs {@code GET /vserver/v2/getRegionList?} with its bare {@code ?}).
     */
    public String rawTarget() { return query == null ? path : path + "?" + query; }

    /** A query parameter's first value, decoded; null when absent. */
    public String queryParam(String name) {
        if (query == null || query.isEmpty()) return null;
        if (queryParams == null) {
            MultiMap<String> params = new MultiMap<>();
            try {
                UrlEncoded.decodeUtf8To(query, params);
            } catch (IllegalArgumentException e) {
                params = new MultiMap<>(); // a malformed escape: as if nothing was sent
            }
            queryParams = params;
        }
        return queryParams.getValue(name, 0);
    }

    /** The first value of a request header, or null. */
    public String header(String name) { return request.getHeaders().get(name); }

    /** The request's Content-Type, or null. */
    public String contentType() { return request.getHeaders().get(HttpHeader.CONTENT_TYPE); }

    /** The declared body length: -1 when none was declared (chunked, or no body). */
    public long contentLength() { return request.getLength(); }

    /** The body as it arrives (blocking reads on this server thread). */
    public InputStream bodyStream() { return Content.Source.asInputStream(request); }

    /**
     * The whole body, refused past {@code limit} bytes ({@link TooLarge}) without keeping more than that: a
     * declared length past it is refused before any byte is read.
     */
    public byte[] bodyBytes(long limit) throws IOException {
        if (limit >= Integer.MAX_VALUE) throw new IllegalArgumentException("a body is kept in one array: " + limit);
        long declared = contentLength();
        if (declared > limit) throw new TooLarge(limit);
        InputStream in = bodyStream();
        byte[] buf = new byte[declared > 0 ? (int) declared : 1024];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (n > limit) throw new TooLarge(limit);
                buf = java.util.Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, (long) limit + 1));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) break;
            n += r;
        }
        if (n > limit) throw new TooLarge(limit);
        return n == buf.length ? buf : java.util.Arrays.copyOf(buf, n);
    }

    /** A body over a limit. */
    public static final class TooLarge extends IOException {
        public TooLarge(long limit) { super("body over " + limit + " bytes"); }
    }

    /** A {@code {name}} segment of the route's path. */
    public String pathParam(String name) { return pathParams.get(name); }

    void pathParams(Map<String, String> params) { this.pathParams = params; }

    /** What the request log and the journal are told about this call; providers fill it in. */
    public Exchange exchange() { return exchange; }

    // --- the answer ----------------------------------------------------------------------------------------

    public HttpCall status(int status) {
        this.status = status;
        return this;
    }

    public int statusCode() { return status; }

    public HttpCall contentType(String type) {
        this.contentType = type;
        return this;
    }

    /** Sets a response header (replacing one of the same name). */
    public HttpCall header(String name, String value) {
        response.getHeaders().put(name, value);
        return this;
    }

    public HttpCall result(byte[] bytes) {
        this.parts = new byte[][] {bytes};
        return this;
    }

    /** A body in parts, written one after another. */
    public HttpCall result(byte[][] parts) {
        this.parts = parts;
        return this;
    }

    /** The body as UTF-8. */
    public HttpCall result(String text) { return result(text.getBytes(StandardCharsets.UTF_8)); }

    /** A before-filter that answered: the route is not run. */
    public void skipRemainingHandlers() { skipRemaining = true; }

    boolean skipped() { return skipRemaining; }

    /** The answer is sent later, by {@link #send()}, from another thread; the server thread is let go now. */
    public void later() { later = true; }

    boolean isLater() { return later; }

    void onSent(Runnable hook) { this.onSent = hook; }

    /** Writes the answer (once; later calls do nothing). */
    public void send() {
        synchronized (this) {
            if (sent) return;
            sent = true;
        }
        response.setStatus(status);
        if (contentType != null) response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        int length = 0;
        for (byte[] p : parts) length += p.length;
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        try {
            onSent.run();
        } finally {
            write(length);
        }
    }

    /**
     * A body in parts (a kept answer around a fresh request id) is copied into this thread's own send buffer and
     * written before {@code send} returns, so a list served again leaves no copy of itself behind: a new 39 KB
     * array per call was most of a list call's garbage, and G1 grew its heap to keep up. Jetty is done with a
     * buffer once its write's callback completes, so the buffer is reused only after the blocking write returns.
     * A call answered {@link #later() later} is written from the timer's thread, which must not block: it gets
     * one new array, as does a body over {@link #SEND_BUFFER_LIMIT}.
     */
    private static final int SEND_BUFFER_LIMIT = 1 << 20;

    private static final ThreadLocal<byte[]> SEND_BUFFER = ThreadLocal.withInitial(() -> NO_BODY);

    private void write(int length) {
        if (parts.length == 1 || later || length > SEND_BUFFER_LIMIT) {
            response.write(true, ByteBuffer.wrap(io.cloudmock.core.Reply.join(parts)), callback);
            return;
        }
        byte[] buffer = SEND_BUFFER.get();
        if (buffer.length < length) {
            buffer = new byte[Math.min(SEND_BUFFER_LIMIT, Math.max(length + length / 4, 16 * 1024))];
            SEND_BUFFER.set(buffer);
        }
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, buffer, at, p.length);
            at += p.length;
        }
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(true, ByteBuffer.wrap(buffer, 0, length), written);
            written.block();
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    boolean isSent() {
        synchronized (this) {
            return sent;
        }
    }
}
