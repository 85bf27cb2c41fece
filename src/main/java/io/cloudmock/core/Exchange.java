package io.cloudmock.core;

/**
 * What one cloud request was, filled in as it is handled: the request log and the journal read it when the
 * response has been written. Providers set what they learn (action, account, error code).
 */
public final class Exchange {
    public final long startNanos = System.nanoTime();
    public final java.time.Instant time;
    public String provider = "";
    public String action = "";
    public String account = ResourceStore.DEFAULT_ACCOUNT;
    public String errorCode = "";
    /**
     * The request's parameters as the provider decoded them (NCP: name to value; Zenlayer: the JSON body), for
     * the journal. Kept as the provider's own object: nothing is copied unless the journal is read.
     */
    public Object parameters = java.util.Map.of();
    /** What a signature check computed, when it failed: shown in the log and the journal. */
    public String authDetail = "";

    public Exchange(java.time.Instant time) { this.time = time; }

    /** Records the parameters for the journal, or just their size when the request was large. */
    public void parameters(Object decoded, long requestBytes) {
        this.parameters = requestBytes <= Limits.JOURNAL_PARAMETERS_BYTES ? decoded
                : java.util.Map.of("omitted", "a request of " + requestBytes + " bytes (the journal keeps parameters up to "
                        + Limits.JOURNAL_PARAMETERS_BYTES + ")");
    }
}
