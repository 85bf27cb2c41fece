package io.cloudmock.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The fault rules set through {@code /_cloudmock/faults}, and the one call providers make per request:
 *
 * <pre>{@code
 * Optional<Fault> f = backend.faults().match("ncp", action, instanceIds);
 * if (f.isPresent()) {
 *     f.get().pause();                                  // latency, if the rule asked for some
 *     if (f.get().isError()) throw ...render f.get() in the provider's own envelope...;
 * }
 * }</pre>
 *
 * <p>Semantics: rules are tried in the order they were added. A rule matches a call when its provider is the
 * call's, its action (if set) is the call's action and its instance id (if set) is among the call's instance
 * ids. A matching rule with a {@code probability} below 1 draws from its own {@code Random(seed)}; on a miss
 * the next rule is tried. The first rule that fires is used, and one of its {@code times} is consumed; a rule
 * with no {@code times} fires for every matching call. A spent rule stays listed (remaining 0) until deleted
 * or reset. Providers call {@link #match} once a call is routed and authenticated and before
 * the action runs (so before its own parameter checks): a rule fires for every matching call, valid or not, and
 * a failed call changes nothing.
 */
public final class FaultRules {

    /** A rule as listed: its id, its spec, firings left (null = unlimited) and firings so far. */
    public record Listed(String id, FaultRule spec, Integer remaining, int fired) {}

    /** A rule and what is left of it. Guarded by the FaultRules monitor. */
    private static final class Rule {
        private final String id;
        private final FaultRule spec;
        private final Random random;
        private Integer remaining;
        private int fired;

        private Rule(String id, FaultRule spec) {
            this.id = id;
            this.spec = spec;
            this.random = spec.probability() < 1 ? new Random(spec.seed()) : null;
            this.remaining = spec.times();
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    /** Lets the hot path skip the lock when there is no rule (the usual case). */
    private volatile boolean empty = true;
    private long nextId = 1;

    /** Adds a rule for one of {@code knownProviders}; returns its id. */
    public synchronized String add(FaultRule rule, Set<String> knownProviders) {
        if (!knownProviders.contains(rule.provider())) {
            throw new IllegalArgumentException("unknown provider '" + rule.provider() + "'; known: "
                    + (knownProviders.isEmpty() ? "(none registered)" : String.join(", ", new java.util.TreeSet<>(knownProviders))));
        }
        String id = "fault-" + nextId++;
        rules.add(new Rule(id, rule));
        empty = false;
        return id;
    }

    /**
     * The fault for one call, if a rule fires for it (consuming one of its {@code times}).
     *
     * @param provider    the provider name ({@code ncp}, {@code ncp-classic}, {@code zenlayer})
     * @param action      the action as the client named it
     * @param instanceIds the instance ids the call names (empty when none)
     */
    public Optional<Fault> match(String provider, String action, Collection<String> instanceIds) {
        if (empty) return Optional.empty();
        synchronized (this) {
            for (Rule r : rules) {
                FaultRule s = r.spec;
                if (r.remaining != null && r.remaining == 0) continue;
                if (!s.provider().equals(provider)) continue;
                if (s.action() != null && !s.action().equals(action)) continue;
                if (s.instanceId() != null && (instanceIds == null || !instanceIds.contains(s.instanceId()))) continue;
                if (r.random != null && r.random.nextDouble() >= s.probability()) continue;
                if (r.remaining != null) r.remaining--;
                r.fired++;
                return Optional.of(new Fault(r.id, s.httpStatus() == null ? 0 : s.httpStatus(), s.code(),
                        s.message(), s.delayMs()));
            }
            return Optional.empty();
        }
    }

    /** A copy of the rules, in the order they are tried. */
    public synchronized List<Listed> list() {
        List<Listed> out = new ArrayList<>(rules.size());
        for (Rule r : rules) out.add(new Listed(r.id, r.spec, r.remaining, r.fired));
        return out;
    }

    /** Removes one rule; false if there was none with that id. */
    public synchronized boolean remove(String id) {
        boolean removed = rules.removeIf(r -> r.id.equals(id));
        empty = rules.isEmpty();
        return removed;
    }

    /** Removes every rule (and numbers new ones from 1 again). */
    public synchronized void clear() {
        rules.clear();
        empty = true;
        nextId = 1;
    }
}
