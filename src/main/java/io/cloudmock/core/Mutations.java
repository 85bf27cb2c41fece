package io.cloudmock.core;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A count of every change to any resource in the process: a field put or removed, a state entered, a reference
 * set, a resource added or removed. What is derived from many resources (a list filter's matches,
 * {@code Account.Tx.matches}) stays valid while the count stays the same, so a cache keyed on it never needs to know
 * what it depends on. Coarse on purpose: any change anywhere invalidates everything. What is derived from one
 * resource alone (a rendered list item) keys on that resource's own {@link Resource#version()} instead.
 */
public final class Mutations {
    private static final AtomicLong COUNT = new AtomicLong();

    private Mutations() {}

    public static long count() { return COUNT.get(); }

    static void bump() { COUNT.incrementAndGet(); }
}
