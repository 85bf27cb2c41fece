package io.cloudmock.control;

/** A control API request that cannot be served: answered as {@code {"error":{"code","message"}}} with the status. */
public class ControlError extends RuntimeException {
    private final int status;
    private final String code;

    public ControlError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ControlError badRequest(String message) { return new ControlError(400, "BAD_REQUEST", message); }
    public static ControlError notFound(String message) { return new ControlError(404, "NOT_FOUND", message); }

    public int status() { return status; }
    public String code() { return code; }
}
