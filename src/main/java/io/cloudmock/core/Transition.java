package io.cloudmock.core;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One row of a kind's transition table: from any of {@code from}, {@code action} walks the resource through
 * {@code path}; every state but the last is transient and lasts one transition delay, the last one is settled.
 * A path ending in {@link #GONE} removes the resource when it is reached; an empty path is a change in place,
 * allowed only from {@code from} (a guard). {@code refusal} is the provider's own error for a resource in a state
 * the row does not start from (the batch engine throws it).
 */
public record Transition(String action, Set<String> from, List<String> path, Function<Resource, RuntimeException> refusal) {
    /** Pseudo-state: the resource no longer exists. */
    public static final String GONE = "GONE";

    public Transition {
        from = Set.copyOf(from);
        path = List.copyOf(path);
    }

    /** A row whose refusal is a plain IllegalStateException; name the provider's error with {@link #refusedWith}. */
    public static Transition of(String action, Set<String> from, String... path) {
        return new Transition(action, from, List.of(path),
                r -> new IllegalStateException(action + " is not allowed from state " + r.state()));
    }

    /** The same row, refusing a resource in a wrong state with the provider's error. */
    public Transition refusedWith(Function<Resource, RuntimeException> error) {
        return new Transition(action, from, path, error);
    }

    /** The state the row ends in; null for a guard, which leaves the state as it is. */
    public String settled() { return path.isEmpty() ? null : path.get(path.size() - 1); }

    /** True when a resource in {@code state} may take this row; a row with no from-states creates (any new resource). */
    public boolean allows(String state) { return from.isEmpty() || from.contains(state); }
}
