package io.cloudmock.ncp;

/**
 * The NCP API Gateway's errors (reference 7.3): answered before the service, as {@code {"error": {"errorCode",
 * "message", "details"}}} with the gateway's HTTP status. The other half of NCP's catalogue, beside {@link NcpError}.
 */
public enum NcpGatewayError {
    /** A request the gateway cannot read (reference 7.3: "protocol/UTF-8 errors"), e.g. a path with a bad escape. */
    BAD_REQUEST(400, "100", "Bad Request Exception"),
    AUTHENTICATION_FAILED(401, "200", "Authentication Failed"),
    FORBIDDEN(403, "230", "Forbidden"),
    NOT_FOUND(404, "300", "Not Found Exception"),
    QUOTA_EXCEEDED(429, "400", "Quota Exceeded"),
    REQUEST_ENTITY_TOO_LARGE(413, "430", "Request Entity Too Large"),
    ENDPOINT_ERROR(503, "500", "Endpoint Error"),
    ENDPOINT_TIMEOUT(504, "510", "Endpoint Timeout"),
    /** A failure of cloudmock's own; the gateway's code for an unexpected error. */
    UNEXPECTED(500, "900", "Unexpected Error");

    public final int status;
    public final String code;
    public final String message;

    NcpGatewayError(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    /**
     * The gateway error of an HTTP status, or null when the gateway has none for it. A fault rule's 400 stays the
     * service's {@code 900} (docs/control-api.md): the gateway's 400 is for requests it cannot read at all.
     */
    static NcpGatewayError ofStatus(int status) {
        for (NcpGatewayError e : values()) if (e.status == status && e != UNEXPECTED && e != BAD_REQUEST) return e;
        return null;
    }

    /** Thrown by name, with the details line the gateway sends. */
    NcpGatewayException with(String details) { return new NcpGatewayException(this, details); }

    static final class NcpGatewayException extends RuntimeException {
        final NcpGatewayError error;

        NcpGatewayException(NcpGatewayError error, String details) {
            super(details, null, false, false);
            this.error = error;
        }
    }
}
