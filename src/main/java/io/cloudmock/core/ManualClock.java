package io.cloudmock.core;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that starts at the wall-clock time of its creation (or of the last reset) and moves only when
 * {@link #advance(Duration)} is called, so a test decides exactly when a transition completes.
 */
public final class ManualClock implements Clock {
    /**
     * The latest time the clock may show (advance, state import): the last second of a four-digit year. Later
     * instants are not ISO-8601 as clients parse them, and java.time overflows soon after.
     */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final AtomicReference<Instant> start;
    private final AtomicReference<Instant> now;
    /** A start given by the embedder (golden tests): a reset goes back to it rather than to the wall clock. */
    private final boolean fixedStart;

    public ManualClock() { this(Instant.now(), false); }

    public ManualClock(Instant start) { this(start, false); }

    public ManualClock(Instant start, boolean fixedStart) {
        this.start = new AtomicReference<>(start);
        this.now = new AtomicReference<>(start);
        this.fixedStart = fixedStart;
    }

    @Override public Instant now() { return now.get(); }

    @Override public Instant advance(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("the clock cannot go backwards");
        return now.updateAndGet(t -> t.plus(by));
    }

    /** Sets the time (restoring a saved state); unlike {@link #advance} it may go backwards. */
    public void set(Instant t) { now.set(t); }

    /** Back to the start: the wall-clock time of the reset (as for a fresh start-up), or the fixed start. */
    @Override public void reset() {
        Instant fresh = fixedStart ? start.get() : Instant.now();
        start.set(fresh);
        now.set(fresh);
    }

    @Override public boolean isManual() { return true; }
}
