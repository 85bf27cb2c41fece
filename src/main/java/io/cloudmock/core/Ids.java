package io.cloudmock.core;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Makers of instance numbers and request ids. Resource numbers are unique across accounts. */
public final class Ids {
    private final AtomicLong next;

    public Ids(long first) { this.next = new AtomicLong(first); }

    /** The next number, as the decimal string NCP and Zenlayer put on the wire. */
    public String nextNumber() { return Long.toString(next.getAndIncrement()); }

    /** The number {@link #nextNumber()} hands out next (saved with the state). */
    public long peek() { return next.get(); }

    /** Makes sure numbers handed out later are {@code n} or more (restoring a saved {@link #peek()}). */
    public void skipTo(long n) { next.accumulateAndGet(n, Math::max); }

    /** Makes sure numbers handed out later do not collide with {@code used} (after a state import). */
    public void skipPast(String used) {
        try {
            long n = Long.parseLong(used);
            next.accumulateAndGet(n + 1, Math::max);
        } catch (NumberFormatException ignored) {
            // not a number this maker could produce
        }
    }

    public static String uuid() { return UUID.randomUUID().toString(); }
}
