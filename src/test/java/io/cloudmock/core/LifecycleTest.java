package io.cloudmock.core;

import io.cloudmock.ncp.NcpStates;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifecycleTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Lifecycle lifecycle = new Lifecycle(clock, Duration.ofSeconds(2));

    private Instance instance(String state) {
        return new Instance("ncp", "default", "1", state, clock.now(), Map.of());
    }

    @Test
    void eachTransientStateLastsOneDelayAndStepsChainFromTheirDueTime() {
        Instance i = instance("INIT");
        lifecycle.begin(i, NcpStates.TABLE.row(NcpStates.CREATE));
        assertEquals("INIT", i.state());
        clock.advance(Duration.ofMillis(1999));
        assertTrue(lifecycle.settle(i));
        assertEquals("INIT", i.state());
        clock.advance(Duration.ofMillis(1));
        lifecycle.settle(i);
        assertEquals("CREAT", i.state());
        assertEquals(Instant.parse("2026-01-01T00:00:02Z"), i.since());
        clock.advance(Duration.ofSeconds(10));
        lifecycle.settle(i);
        assertEquals("RUN", i.state());
        // RUN was entered when it fell due, not when it was read
        assertEquals(Instant.parse("2026-01-01T00:00:04Z"), i.since());
        assertFalse(i.inTransition());
    }

    @Test
    void aPathEndingInGoneSaysTheInstanceMustGo() {
        Instance i = instance("NSTOP");
        lifecycle.begin(i, NcpStates.TABLE.row(NcpStates.TERMINATE));
        assertEquals("TERMT", i.state());
        assertTrue(lifecycle.settle(i));
        clock.advance(Duration.ofSeconds(2));
        assertFalse(lifecycle.settle(i));
    }

    @Test
    void aZeroDelaySettlesAtTheNextRead() {
        Lifecycle instant = new Lifecycle(clock, Duration.ZERO);
        Instance i = instance("RUN");
        instant.begin(i, NcpStates.TABLE.row(NcpStates.STOP));
        assertEquals("SHTDN", i.state());
        instant.settle(i);
        assertEquals("NSTOP", i.state());
    }

    @Test
    void theNcpTableAllowsOnlyItsFromStates() {
        TransitionTable t = NcpStates.TABLE;
        assertTrue(t.allowed(NcpStates.STOP, "RUN").isPresent());
        assertTrue(t.allowed(NcpStates.STOP, "NSTOP").isEmpty());
        assertTrue(t.allowed(NcpStates.STOP, "SHTDN").isEmpty());
        assertTrue(t.allowed(NcpStates.START_ACTION, "NSTOP").isPresent());
        assertTrue(t.allowed(NcpStates.START_ACTION, "RUN").isEmpty());
        assertTrue(t.allowed(NcpStates.TERMINATE, "NSTOP").isPresent());
        assertTrue(t.allowed(NcpStates.TERMINATE, "RUN").isEmpty());
        assertTrue(t.allowed(NcpStates.CHANGE_SPEC, "NSTOP").isPresent());
        assertTrue(t.allowed(NcpStates.CHANGE_SPEC, "RUN").isEmpty());
        assertTrue(t.allowed(NcpStates.REBOOT, "RUN").isPresent());
        assertTrue(t.allowed(NcpStates.REBOOT, "INIT").isEmpty());
    }

    @Test
    void aTableRefusesUndeclaredStatesAndDuplicateActions() {
        assertThrows(IllegalArgumentException.class, () -> new TransitionTable(Set.of("A"),
                List.of(Transition.of("go", Set.of("A"), "B"))));
        assertThrows(IllegalArgumentException.class, () -> new TransitionTable(Set.of("A", "B"),
                List.of(Transition.of("go", Set.of("A"), "B"), Transition.of("go", Set.of("B"), "A"))));
    }

    @Test
    void theManualClockResetsToANewStartAndNeverGoesBack() {
        clock.advance(Duration.ofHours(1));
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
        Instant before = Instant.now();
        clock.reset();
        assertFalse(clock.now().isBefore(before));
    }

    @Test
    void durationsOfTheCommandLine() {
        assertEquals(Duration.ZERO, Durations.parse("0"));
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(2), Durations.parse("2s"));
        assertEquals(Duration.ofMinutes(1), Durations.parse("1m"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("5"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("2 s"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("-1s"));
    }
}
