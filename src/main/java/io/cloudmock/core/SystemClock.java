package io.cloudmock.core;

import java.time.Instant;

/** The wall clock: transitions complete on their own as real time passes. */
final class SystemClock implements Clock {
    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {}

    @Override public Instant now() { return Instant.now(); }
}
