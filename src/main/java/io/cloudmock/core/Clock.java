package io.cloudmock.core;

import java.time.Instant;

/**
 * The time that drives every state transition. Nothing in cloudmock reads the wall clock for lifecycle
 * purposes directly, so tests can use {@link ManualClock} and move time only when they say so.
 */
public interface Clock {
    Instant now();

    /** Go back to the start (manual clock); a no-op for the system clock. */
    default void reset() {}

    /** Move forward; the system clock cannot be moved. */
    default Instant advance(java.time.Duration by) {
        throw new UnsupportedOperationException("the system clock cannot be advanced; start cloudmock with --clock manual");
    }

    default boolean isManual() { return false; }

    static Clock system() { return SystemClock.INSTANCE; }
}
