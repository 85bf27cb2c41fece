package io.cloudmock.core;

import io.cloudmock.ncp.NcpTransitions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lifecycle engine, the batch engine and references, through an account as providers use them. */
class LifecycleTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Kinds kinds = new Kinds();
    private final ResourceStore store = new ResourceStore(new Lifecycle(clock, Duration.ofSeconds(2)), kinds);

    /** A refusal the test can recognise. */
    static final class WrongState extends RuntimeException {
        WrongState(Resource r) { super(r.id() + " is " + r.state()); }
    }

    static final TransitionTable VM = new TransitionTable(Set.of("CREATING", "RUNNING", "STOPPING", "STOPPED", "DELETING"),
            List.of(Transition.of("create", Set.of(), "CREATING", "RUNNING"),
                    Transition.of("stop", Set.of("RUNNING"), "STOPPING", "STOPPED").refusedWith(WrongState::new),
                    Transition.of("resize", Set.of("STOPPED")).refusedWith(WrongState::new),
                    Transition.of("delete", Set.of("RUNNING", "STOPPED"), "DELETING", Transition.GONE)));
    static final TransitionTable PLAIN = new TransitionTable(Set.of("AVAILABLE"), List.of());

    record Kind(String kind, TransitionTable table, Map<String, OnGone> policy, boolean isInstance) implements ResourceKind {
        @Override public String provider() { return "p"; }
        @Override public String defaultState() { return table.states().iterator().next(); }
        @Override public String newId() { throw new UnsupportedOperationException(); }
        @Override public Map<String, Object> completeFields(String id, Map<String, Object> given, Instant now) { return given; }
        @Override public OnGone onReferenceGone(String reference) { return policy.getOrDefault(reference, OnGone.DETACH); }
    }

    {
        kinds.register(new Kind("vm", VM, Map.of(), true));
        kinds.register(new Kind("subnet", PLAIN, Map.of(), false));
        // a disk forgets its vm; a nic goes with it
        kinds.register(new Kind("disk", PLAIN, Map.of(), false));
        kinds.register(new Kind("nic", PLAIN, Map.of("vm", ResourceKind.OnGone.CASCADE), false));
    }

    private final Account account = store.account("a");

    private Resource add(String kind, String id, String state, Map<String, List<String>> refs) {
        Resource r = new Resource("p", kind, "a", id, state, clock.now(), Map.of());
        refs.forEach(r::setReferences);
        account.atomically(tx -> { tx.add(r); return null; });
        return r;
    }

    private String stateOf(String kind, String id) {
        return account.atomically(tx -> {
            Resource r = tx.get("p", kind, id);
            return r == null ? null : r.state();
        });
    }

    @Test
    void eachTransientStateLastsOneDelayAndStepsChainFromTheirDueTime() {
        Resource vm = add("vm", "1", "CREATING", Map.of());
        account.atomically(tx -> { tx.begin("create", vm); return null; });
        clock.advance(Duration.ofMillis(1999));
        assertEquals("CREATING", stateOf("vm", "1"));
        clock.advance(Duration.ofMillis(1));
        assertEquals("RUNNING", stateOf("vm", "1"));
        // RUNNING was entered when it fell due, not when it was read
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Instant.parse("2026-01-01T00:00:02Z"), vm.since());
        assertFalse(vm.inTransition());
    }

    @Test
    void stepsOfAServerTableChainOneDelayEach() {
        kinds.register(new Kind("server", NcpTransitions.SERVER, Map.of(), false));
        Resource s = add("server", "9", "INIT", Map.of());
        account.atomically(tx -> { tx.begin(NcpTransitions.CREATE, s); return null; });
        clock.advance(Duration.ofSeconds(3));
        assertEquals("CREAT", stateOf("server", "9"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("RUN", stateOf("server", "9"));
        assertEquals(Instant.parse("2026-01-01T00:00:04Z"), s.since());
    }

    @Test
    void aPathEndingInGoneRemovesTheResourceAndItsReferrersFollowTheirKind() {
        add("vm", "1", "RUNNING", Map.of());
        add("disk", "2", "AVAILABLE", Map.of("vm", List.of("1")));
        add("nic", "3", "AVAILABLE", Map.of("vm", List.of("1")));
        account.atomically(tx -> {
            assertEquals(2, tx.referrers(tx.get("p", "vm", "1")).size());
            tx.begin("delete", tx.get("p", "vm", "1"));
            return null;
        });
        assertEquals("DELETING", stateOf("vm", "1"));
        clock.advance(Duration.ofSeconds(2));
        assertNull(stateOf("vm", "1"));
        account.atomically(tx -> {
            assertNull(tx.get("p", "nic", "3"), "the nic went with its vm");
            Resource disk = tx.get("p", "disk", "2");
            assertEquals(List.of(), disk.references("vm"), "the disk was detached");
            return null;
        });
    }

    @Test
    void aZeroDelaySettlesAtTheNextRead() {
        Account fast = new ResourceStore(new Lifecycle(clock, Duration.ZERO), kinds).account("a");
        Resource vm = new Resource("p", "vm", "a", "1", "RUNNING", clock.now(), Map.of());
        fast.atomically(tx -> { tx.add(vm); tx.begin("stop", vm); return null; });
        assertEquals("STOPPING", vm.state());
        assertEquals("STOPPED", fast.atomically(tx -> tx.get("p", "vm", "1").state()));
    }

    @Test
    void aBatchBeginsAllOrNoneWithTheRowsOwnRefusal() {
        Resource a = add("vm", "1", "RUNNING", Map.of());
        Resource b = add("vm", "2", "STOPPED", Map.of());
        WrongState e = assertThrows(WrongState.class,
                () -> account.atomically(tx -> { tx.beginAll("stop", List.of(a, b)); return null; }));
        assertEquals("2 is STOPPED", e.getMessage());
        assertEquals("RUNNING", stateOf("vm", "1"), "nothing began");
        account.atomically(tx -> { tx.beginAll("stop", List.of(a)); return null; });
        assertEquals("STOPPING", stateOf("vm", "1"));
    }

    @Test
    void aGuardRowAllowsAChangeInPlaceFromItsStatesOnly() {
        Resource a = add("vm", "1", "RUNNING", Map.of());
        assertThrows(WrongState.class, () -> account.atomically(tx -> tx.allowed("resize", a)));
        Resource b = add("vm", "2", "STOPPED", Map.of());
        account.atomically(tx -> { tx.begin("resize", b); return null; });
        assertEquals("STOPPED", stateOf("vm", "2"));
        assertFalse(b.inTransition());
    }

    @Test
    void aForcedStateCancelsTheStepsThatWereDue() {
        Resource vm = add("vm", "1", "RUNNING", Map.of());
        account.atomically(tx -> { tx.begin("stop", vm); return null; });
        account.atomically(tx -> { vm.force("RUNNING", clock.now()); tx.touched(); return null; });
        clock.advance(Duration.ofSeconds(5));
        assertEquals("RUNNING", stateOf("vm", "1"));
    }

    @Test
    void referencesAreIndexedBothWaysAndFollowChanges() {
        add("subnet", "10", "AVAILABLE", Map.of());
        add("subnet", "11", "AVAILABLE", Map.of());
        Resource vm = add("vm", "1", "RUNNING", Map.of("subnet", List.of("10")));
        account.atomically(tx -> {
            Resource s10 = tx.get("p", "subnet", "10");
            Resource s11 = tx.get("p", "subnet", "11");
            assertEquals(List.of(vm), tx.referrers(s10, "vm"));
            tx.refer(vm, "subnet", "11");
            assertEquals(List.of(), tx.referrers(s10));
            assertEquals(List.of(vm), tx.referrers(s11));
            assertEquals("11", vm.reference("subnet"));
            tx.remove(vm);
            assertEquals(List.of(), tx.referrers(s11));
            return null;
        });
    }

    @Test
    void idsAreUniquePerProviderWhateverTheKind() {
        add("subnet", "10", "AVAILABLE", Map.of());
        assertThrows(IllegalStateException.class, () -> add("disk", "10", "AVAILABLE", Map.of()));
        account.atomically(tx -> {
            assertSame(tx.find("p", "10"), tx.get("p", "subnet", "10"));
            assertNull(tx.get("p", "disk", "10"));
            return null;
        });
    }

    @Test
    void aTableRefusesUndeclaredStatesAndDuplicateActions() {
        assertThrows(IllegalArgumentException.class, () -> new TransitionTable(Set.of("A"),
                List.of(Transition.of("go", Set.of("A"), "B"))));
        assertThrows(IllegalArgumentException.class, () -> new TransitionTable(Set.of("A", "B"),
                List.of(Transition.of("go", Set.of("A"), "B"), Transition.of("go", Set.of("B"), "A"))));
    }

    @Test
    void theNcpTableAllowsOnlyItsFromStates() {
        TransitionTable t = NcpTransitions.SERVER;
        assertTrue(t.row(NcpTransitions.STOP).allows("RUN"));
        assertFalse(t.row(NcpTransitions.STOP).allows("NSTOP"));
        assertFalse(t.row(NcpTransitions.STOP).allows("SHTDN"));
        assertTrue(t.row(NcpTransitions.START_ACTION).allows("NSTOP"));
        assertFalse(t.row(NcpTransitions.START_ACTION).allows("RUN"));
        assertTrue(t.row(NcpTransitions.TERMINATE).allows("NSTOP"));
        assertFalse(t.row(NcpTransitions.TERMINATE).allows("RUN"));
        assertTrue(t.row(NcpTransitions.CHANGE_SPEC).allows("NSTOP"));
        assertFalse(t.row(NcpTransitions.CHANGE_SPEC).allows("RUN"));
        assertTrue(t.row(NcpTransitions.REBOOT).allows("RUN"));
        assertFalse(t.row(NcpTransitions.REBOOT).allows("INIT"));
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
