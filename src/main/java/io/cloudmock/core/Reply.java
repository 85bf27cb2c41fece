package io.cloudmock.core;

/**
 * One rendered answer of a provider: status, content type, body bytes, and the error code the journal and the
 * request log show ({@code ""} for a success). The pipeline writes it; providers only make it. The body may come
 * in parts written one after another (a kept answer around a fresh request id), so that a list served again
 * allocates no copy of itself per call: the transport copies the parts into its thread's send buffer.
 */
public record Reply(int status, String contentType, byte[][] parts, String errorCode) {
    public Reply(int status, String contentType, byte[] body, String errorCode) {
        this(status, contentType, new byte[][] {body}, errorCode);
    }

    public static Reply ok(String contentType, byte[] body) { return new Reply(200, contentType, body, ""); }

    public static Reply ok(String contentType, byte[][] parts) { return new Reply(200, contentType, parts, ""); }

    /** The whole body in one array. */
    public byte[] body() { return join(parts); }

    /** The parts one after another, in one new array. */
    public static byte[] join(byte[][] parts) {
        if (parts.length == 1) return parts[0];
        int size = 0;
        for (byte[] p : parts) size += p.length;
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
