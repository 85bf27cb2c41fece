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

    /**
     * A random (version 4) UUID for a request id. From the thread's own generator, not {@code UUID.randomUUID()}'s
     * shared SecureRandom, which every server thread queued on once per call: a request id is a label, not a secret.
     */
    public static String uuid() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;              // version 4
        long lsb = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(msb, lsb).toString();
    }
}
