package io.cloudmock.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one engine that runs every provider's transition table against the clock.
 *
 * <p>Transitions are settled lazily: whenever an instance is read under its account lock, every step whose
 * time has come is applied, each step starting when the previous one was due. This gives the same answers as
 * a background timer (and {@code clock/advance} completes every transition that falls due) without threads.
 */
public final class Lifecycle {
    private final Clock clock;
    private final Duration delay;
    private final Map<String, TransitionTable> tables = new ConcurrentHashMap<>();

    public Lifecycle(Clock clock, Duration delay) {
        this.clock = clock;
        this.delay = delay;
    }

    public Clock clock() { return clock; }
    public Duration delay() { return delay; }

    public void register(String provider, TransitionTable table) { tables.put(provider, table); }

    public TransitionTable table(String provider) {
        TransitionTable t = tables.get(provider);
        if (t == null) throw new IllegalArgumentException("unknown provider " + provider);
        return t;
    }

    /** Starts the row's path: the instance enters the first state now. */
    public void begin(Instance instance, Transition row) {
        List<String> path = row.path();
        instance.enter(path.get(0), path.subList(1, path.size()), clock.now());
    }

    /**
     * Applies every step that is due. Returns false when the instance has reached {@link Transition#GONE}
     * and must be removed.
     */
    public boolean settle(Instance instance) {
        Instant now = clock.now();
        while (instance.inTransition()) {
            Instant due = instance.since().plus(delay);
            if (now.isBefore(due)) break;
            List<String> path = instance.path();
            instance.enter(path.get(0), path.subList(1, path.size()), due);
        }
        return !Transition.GONE.equals(instance.state());
    }
}
