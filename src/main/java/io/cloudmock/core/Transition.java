package io.cloudmock.core;

import java.util.List;
import java.util.Set;

/**
 * One row of a provider's transition table: from any of {@code from}, {@code action} walks the instance
 * through {@code path}; every state but the last is transient and lasts one transition delay, the last one
 * is settled. A path ending in {@link #GONE} removes the instance when it is reached.
 */
public record Transition(String action, Set<String> from, List<String> path) {
    /** Pseudo-state: the instance no longer exists. */
    public static final String GONE = "GONE";

    public Transition {
        if (path.isEmpty()) throw new IllegalArgumentException("a transition needs at least one state");
        from = Set.copyOf(from);
        path = List.copyOf(path);
    }

    public static Transition of(String action, Set<String> from, String... path) {
        return new Transition(action, from, List.of(path));
    }

    public String settled() { return path.get(path.size() - 1); }
}
