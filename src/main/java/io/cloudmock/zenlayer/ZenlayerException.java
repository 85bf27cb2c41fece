package io.cloudmock.zenlayer;

/** Thrown by Zenlayer handlers to answer with a catalogued error; the routes render it as the JSON envelope. */
public final class ZenlayerException extends RuntimeException {
    private final ZenlayerError error;

    public ZenlayerException(ZenlayerError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public ZenlayerError error() { return error; }
}
