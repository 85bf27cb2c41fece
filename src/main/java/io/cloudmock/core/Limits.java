package io.cloudmock.core;

/** Size limits: generous for the control API (a whole exported state), API-like for the cloud APIs. */
public final class Limits {
    /** What the HTTP server reads at most from any body (the control API's state import). */
    public static final long SERVER_BODY_BYTES = 64L * 1024 * 1024;
    /** A cloud API request body: larger ones get the provider's own "too large" error. */
    public static final int PROVIDER_BODY_BYTES = 1024 * 1024;

    /**
     * The journal keeps a call's parameters only up to this size of request, so its memory stays small and flat
     * (at most journal-size times this, give or take) however large the bodies clients send.
     */
    public static final int JOURNAL_PARAMETERS_BYTES = 8 * 1024;

    private Limits() {}
}
