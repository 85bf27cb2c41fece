package io.cloudmock.core;

/**
 * What a fault rule that fired asks the provider to do with one call: wait {@link #delayMs()} milliseconds
 * (see {@link #pause()}), then, when {@link #isError()}, answer with the error instead of running the action.
 *
 * <p>How a provider renders it, in its own envelope and format:
 * <ul>
 *   <li>{@link #httpStatus()}: the HTTP status to send; 0 when the rule gave only a {@code code}, in which
 *       case the provider uses the status its error catalogue gives that code (or 400 when it has none).</li>
 *   <li>{@link #code()}: the provider's error code (NCP {@code returnCode}, Zenlayer {@code code}); null when
 *       the rule gave only an {@code httpStatus}, in which case the provider uses its generic code for that
 *       status (e.g. a 5xx internal error).</li>
 *   <li>{@link #message()}: the message to send; null means the catalogue's message for the code, or a
 *       generic one.</li>
 * </ul>
 *
 * @param ruleId     the id of the rule that fired (for logs)
 * @param httpStatus HTTP status, or 0 (see above)
 * @param code       error code, or null (see above)
 * @param message    error message, or null (see above)
 * @param delayMs    latency to add before answering, 0 for none
 */
public record Fault(String ruleId, int httpStatus, String code, String message, long delayMs) {

    /** False for a latency-only rule: after {@link #pause()} the call proceeds normally. */
    public boolean isError() { return httpStatus != 0 || code != null; }

    /** Sleeps the rule's latency on the request thread (a no-op when there is none). */
    public void pause() {
        if (delayMs <= 0) return;
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
