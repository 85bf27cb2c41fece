package io.cloudmock.core;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One access key's world. Every read and change goes through {@link #atomically}, under this account's lock,
 * so a batch checks all of its resources and then changes all or none, and concurrent requests never
 * half-apply. Accounts do not share locks, so parallel test suites with different keys do not contend.
 */
public final class Account {
    private final String name;
    private final Lifecycle lifecycle;
    private final Kinds kinds;
    private final Runnable onChange;
    /** The store's shared side: held by every transaction, so a whole-state swap waits for them and they for it. */
    private final java.util.concurrent.locks.Lock gate;
    /** provider/kind -> id -> resource, in creation order. */
    private final Map<String, LinkedHashMap<String, Resource>> byKind = new HashMap<>();
    /** provider/id -> resource: ids are unique per provider, whatever the kind. */
    private final Map<String, Resource> byId = new HashMap<>();
    /** provider/id of a resource -> the resources that refer to it, in the order they started to. */
    private final Map<String, Set<Resource>> referrers = new HashMap<>();
    /** The next step of every resource in transition, earliest first. */
    private final PriorityQueue<Due> due = new PriorityQueue<>();
    private long dueSeq;

    private record Due(Instant at, long seq, Resource resource, long stamp) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** The store's change sink (null while nothing persists the state). */
    private final java.util.function.Supplier<ResourceStore.Changes> changes;
    /** Set when the store forgets this account: a transaction still holding it changes nothing anyone sees. */
    private boolean retired;
    /** The transaction running on this thread, so a resource's fields can say they changed. */
    private static final ThreadLocal<Tx> CURRENT = new ThreadLocal<>();

    Account(String name, Lifecycle lifecycle, Kinds kinds, Runnable onChange, java.util.concurrent.locks.Lock gate,
            java.util.function.Supplier<ResourceStore.Changes> changes) {
        this.changes = changes;
        this.gate = gate;
        this.name = name;
        this.lifecycle = lifecycle;
        this.kinds = kinds;
        this.onChange = onChange;
    }

    public String name() { return name; }

    /** Runs {@code work} under the account lock, after every step that has fallen due is applied. */
    public <T> T atomically(Function<Tx, T> work) {
        gate.lock();
        try {
            synchronized (this) {
                ResourceStore.Changes sink = retired ? null : changes.get();
                Tx tx = new Tx(sink != null);
                Tx outer = CURRENT.get();
                if (sink != null) CURRENT.set(tx);
                try {
                    tx.settleDue();
                    return work.apply(tx);
                } finally {
                    if (sink != null) {
                        if (outer == null) CURRENT.remove();
                        else CURRENT.set(outer);
                    }
                    if (tx.changed) {
                        onChange.run();
                        if (sink != null) tx.emit(sink);
                    }
                }
            }
        } finally {
            gate.unlock();
        }
    }

    /** A resource's fields changed: the transaction of this thread (if it logs changes) records it. */
    static void fieldsChanged(Resource r) {
        Tx tx = CURRENT.get();
        if (tx != null) tx.candidate(r);
    }

    /** Forgotten by the store ({@code reset} of one account). */
    synchronized void retire() {
        retired = true;
        clear();
    }

    synchronized void clear() {
        boolean had = !byId.isEmpty();
        byKind.clear();
        byId.clear();
        referrers.clear();
        due.clear();
        if (had) onChange.run();
    }

    private static String idKey(String provider, String id) { return provider + "/" + id; }

    /** A view of the account inside its lock. */
    public final class Tx {
        private boolean changed;
        /**
         * Only while the state is persisted: the resources this transaction may have changed (added, begun,
         * referred, fields written, or handed out by get/find, whose nested values a handler may change), and
         * the ids it removed. A transaction that changed something hands the live ones to the change log.
         */
        private final Set<Resource> candidates;
        private final List<String[]> removedIds;

        private Tx(boolean track) {
            candidates = track ? java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()) : null;
            removedIds = track ? new ArrayList<>() : null;
        }

        private void candidate(Resource r) {
            if (candidates != null && r != null) candidates.add(r);
        }

        private void emit(ResourceStore.Changes sink) {
            List<Resource> live = new ArrayList<>();
            for (Resource r : candidates) if (byId.get(idKey(r.provider(), r.id())) == r) live.add(r);
            List<String[]> removed = new ArrayList<>();
            for (String[] k : removedIds) if (!byId.containsKey(idKey(k[0], k[1]))) removed.add(k);
            if (!live.isEmpty() || !removed.isEmpty()) sink.committed(name, live, removed);
        }

        private void settleDue() {
            Instant now = lifecycle.clock().now();
            while (!due.isEmpty() && !due.peek().at().isAfter(now)) {
                Due d = due.poll();
                Resource r = d.resource();
                if (r.stamp() != d.stamp() || byId.get(idKey(r.provider(), r.id())) != r) continue; // stale entry
                lifecycle.step(r);
                changed = true;
                if (Transition.GONE.equals(r.state())) remove(r);
                else schedule(r);
            }
        }

        private void schedule(Resource r) {
            if (r.inTransition()) due.add(new Due(lifecycle.due(r), dueSeq++, r, r.stamp()));
        }

        private LinkedHashMap<String, Resource> of(String provider, String kind) {
            return byKind.computeIfAbsent(Kinds.key(provider, kind), k -> new LinkedHashMap<>());
        }

        /** The resource, or null when it does not exist (or has finished going away). */
        public Resource get(String provider, String kind, String id) {
            Resource r = byId.get(idKey(provider, id));
            if (r == null || !r.kind().equals(kind)) return null;
            candidate(r);
            return r;
        }

        /** The resource of any kind with this id, or null. */
        public Resource find(String provider, String id) {
            Resource r = byId.get(idKey(provider, id));
            candidate(r);
            return r;
        }

        /** Every live resource of the kind, in creation order (a copy: the caller may change the account). */
        public List<Resource> list(String provider, String kind) {
            LinkedHashMap<String, Resource> m = byKind.get(Kinds.key(provider, kind));
            return m == null ? List.of() : new ArrayList<>(m.values());
        }

        /**
         * Every live resource of the kind, in creation order, as a read-only view (no copy): for reads that walk
         * the kind and change nothing while they walk, such as a list page out of 100,000.
         */
        public java.util.Collection<Resource> view(String provider, String kind) {
            LinkedHashMap<String, Resource> m = byKind.get(Kinds.key(provider, kind));
            return m == null ? List.of() : java.util.Collections.unmodifiableCollection(m.values());
        }

        public int count(String provider, String kind) {
            LinkedHashMap<String, Resource> m = byKind.get(Kinds.key(provider, kind));
            return m == null ? 0 : m.size();
        }

        /** Adds a resource (its references are indexed; a transition under way goes on from where it is). */
        public void add(Resource r) {
            if (byId.putIfAbsent(idKey(r.provider(), r.id()), r) != null) {
                throw new IllegalStateException("id " + r.id() + " of " + r.provider() + " is already used");
            }
            of(r.provider(), r.kind()).put(r.id(), r);
            for (Map.Entry<String, List<String>> e : r.references().entrySet()) index(r, e.getValue());
            schedule(r);
            candidate(r);
            changed = true;
        }

        /**
         * Removes a resource now. Resources that refer to it forget it, or go too, as their kind says
         * ({@link ResourceKind#onReferenceGone}); their references to others are dropped from the index.
         */
        public void remove(Resource r) {
            Deque<Resource> work = new ArrayDeque<>();
            work.add(r);
            while (!work.isEmpty()) {
                Resource gone = work.poll();
                String key = idKey(gone.provider(), gone.id());
                if (byId.get(key) != gone) continue;
                byId.remove(key);
                if (removedIds != null) removedIds.add(new String[] {gone.provider(), gone.id()});
                LinkedHashMap<String, Resource> m = byKind.get(Kinds.key(gone.provider(), gone.kind()));
                if (m != null) m.remove(gone.id());
                for (List<String> ids : gone.references().values()) unindex(gone, ids);
                Set<Resource> users = referrers.remove(key);
                if (users == null) continue;
                for (Resource user : users) {
                    ResourceKind userKind = kinds.of(user);
                    for (Map.Entry<String, List<String>> e : new ArrayList<>(user.references().entrySet())) {
                        if (!e.getValue().contains(gone.id())) continue;
                        if (userKind.onReferenceGone(e.getKey()) == ResourceKind.OnGone.CASCADE) {
                            work.add(user);
                        } else {
                            List<String> rest = new ArrayList<>(e.getValue());
                            rest.remove(gone.id());
                            user.setReferences(e.getKey(), rest);
                            candidate(user);
                        }
                    }
                }
            }
            changed = true;
        }

        /** Sets the ids a resource refers to under {@code name} (an empty list removes the reference). */
        public void refer(Resource r, String name, List<String> ids) {
            boolean live = byId.get(idKey(r.provider(), r.id())) == r;
            if (live) unindex(r, r.references(name));
            r.setReferences(name, ids);
            if (live) index(r, r.references(name));
            candidate(r);
            changed = true;
        }

        /** Sets a single reference ({@code null} removes it). */
        public void refer(Resource r, String name, String id) { refer(r, name, id == null ? List.of() : List.of(id)); }

        /** The resources that refer to {@code target}, in the order they started to. */
        public List<Resource> referrers(Resource target) {
            Set<Resource> s = referrers.get(idKey(target.provider(), target.id()));
            return s == null ? List.of() : new ArrayList<>(s);
        }

        /** The resources of one kind that refer to {@code target}. */
        public List<Resource> referrers(Resource target, String kind) {
            List<Resource> out = new ArrayList<>();
            for (Resource r : referrers(target)) if (r.kind().equals(kind)) out.add(r);
            return out;
        }

        private void index(Resource r, List<String> ids) {
            for (String id : ids) referrers.computeIfAbsent(idKey(r.provider(), id), k -> new LinkedHashSet<>()).add(r);
        }

        private void unindex(Resource r, List<String> ids) {
            for (String id : ids) {
                String key = idKey(r.provider(), id);
                Set<Resource> s = referrers.get(key);
                if (s == null) continue;
                // another reference name of r may still name the same id
                boolean still = false;
                for (List<String> other : r.references().values()) if (other != ids && other.contains(id)) still = true;
                if (!still) s.remove(r);
                if (s.isEmpty()) referrers.remove(key);
            }
        }

        /** Starts {@code row} on one resource (the caller has checked that it is allowed). */
        public void begin(Resource r, Transition row) {
            lifecycle.begin(r, row);
            schedule(r);
            candidate(r);
            changed = true;
        }

        /**
         * The batch engine: checks every resource against its kind's row for {@code action}, and throws the row's
         * own refusal for the first one in a wrong state before anything changes; then begins them all.
         */
        public void beginAll(String action, List<Resource> targets) { beginAll(action, targets, r -> {}); }

        /** As {@link #beginAll(String, List)}, running {@code before} on each resource just before it begins. */
        public void beginAll(String action, List<Resource> targets, Consumer<Resource> before) {
            List<Transition> rows = new ArrayList<>(targets.size());
            for (Resource r : targets) rows.add(allowed(action, r));
            for (int k = 0; k < targets.size(); k++) {
                before.accept(targets.get(k));
                begin(targets.get(k), rows.get(k));
            }
        }

        /** The row for {@code action} if {@code r} may take it now; the row's refusal otherwise. */
        public Transition allowed(String action, Resource r) {
            Transition row = kinds.of(r).table().row(action);
            if (!row.allows(r.state())) throw row.refusal().apply(r);
            return row;
        }

        /** Starts {@code action} on one resource, refused as the table says. */
        public void begin(String action, Resource r) { begin(r, allowed(action, r)); }

        /** Records a change to a resource's fields. */
        public void touched() { changed = true; }

        public String account() { return name; }
    }
}
