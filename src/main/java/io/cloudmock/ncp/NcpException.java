package io.cloudmock.ncp;

/** Thrown by handlers by name; {@link NcpRoutes} renders it as {@code responseError} in the requested format. */
public final class NcpException extends RuntimeException {
    private final NcpError error;

    public NcpException(NcpError error, Object... args) {
        super(error.message(args), null, false, false);
        this.error = error;
    }

    public NcpError error() { return error; }
}
