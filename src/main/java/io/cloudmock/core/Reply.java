package io.cloudmock.core;

/**
 * One rendered answer of a provider: status, content type, body bytes, and the error code the journal and the
 * request log show ({@code ""} for a success). The pipeline writes it; providers only make it.
 */
public record Reply(int status, String contentType, byte[] body, String errorCode) {
    public static Reply ok(String contentType, byte[] body) { return new Reply(200, contentType, body, ""); }
}
