package io.cloudmock.core;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Values that one live resource holds at a time among every account of a store ({@link ResourceKind#heldValue}:
 * an NCP public IP's address). Lock-free, so accounts that claim values do not wait for each other; a value is
 * taken the moment a resource claims it (before the resource is added, so two accounts choosing at once never get
 * the same) and given back when the resource goes.
 */
final class HeldValues {
    private final ConcurrentHashMap<String, Resource> holders = new ConcurrentHashMap<>();

    /** True when {@code key} was free or already {@code r}'s; it is {@code r}'s from now on. */
    boolean claim(String key, Resource r) {
        Resource h = holders.putIfAbsent(key, r);
        return h == null || h == r;
    }

    boolean isHeld(String key) { return holders.containsKey(key); }

    void release(String key, Resource r) { holders.remove(key, r); }

    void clear() { holders.clear(); }
}
