package io.cloudmock.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The one engine that walks resources through their kind's transition table against the clock. Each account
 * keeps the steps still to come in a queue ordered by due time ({@link Account}); before any read or change the
 * account applies every step whose time has come, each step starting when the previous one was due. This gives
 * the same answers as a background timer (and {@code clock/advance} completes every transition that falls due)
 * without threads, and a read never walks resources that are not due.
 */
public final class Lifecycle {
    private final Clock clock;
    private final Duration delay;

    public Lifecycle(Clock clock, Duration delay) {
        this.clock = clock;
        this.delay = delay;
    }

    public Clock clock() { return clock; }
    public Duration delay() { return delay; }

    /** Starts the row's path: the resource enters the first state now (a guard row changes nothing). */
    void begin(Resource resource, Transition row) {
        List<String> path = row.path();
        if (path.isEmpty()) return; // a guard: allowed, and the state stays
        resource.enter(path.get(0), path.subList(1, path.size()), clock.now());
    }

    /** When the resource's next step falls due (it is in transition). */
    Instant due(Resource resource) { return resource.since().plus(delay); }

    /** Takes the next step, entering it at the time it fell due. */
    void step(Resource resource) {
        List<String> path = resource.path();
        resource.enter(path.get(0), path.subList(1, path.size()), due(resource));
    }
}
