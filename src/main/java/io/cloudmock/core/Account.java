package io.cloudmock.core;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
    /** provider/kind -> its resources, in creation order, and their indexed fields. */
    private final Map<String, KindIndex> byKind = new HashMap<>();
    /**
     * provider -> id -> resource: ids are unique per provider, whatever the kind. Keyed by the resource's own id
     * string, so the index costs no string of its own (a "provider/id" key was 48 bytes a resource).
     */
    private final Map<String, ResourceIndex> byId = new HashMap<>(4);
    /**
     * provider -> id of a target -> its referrers by kind: pairs of a kind and its referrers (one resource, or a
     * {@link ResourceSet} of several, in the order they started to), kinds in the order they started to. By kind,
     * because a VPC's ACGs are asked for while 100,000 servers refer to the same VPC; pairs in one array, because
     * most targets (a server, referred to by its interface and its storage) have one referrer of each of one or two
     * kinds, and nested linked maps and sets cost about 550 bytes for them.
     */
    private final Map<String, HashMap<String, Object[]>> referrers = new HashMap<>(4);
    /** provider -> id of a target -> "kind field" -> the values of that field among its referrers of that kind. */
    private final Map<String, HashMap<String, Map<String, ReferrerValues>>> referrerValues = new HashMap<>(4);
    /**
     * The matches of the few most recent list queries, brought up to date from what changed in this account since:
     * paging through 100,000 servers with one filter walks them once, and so does polling it while servers change.
     */
    private final KeptMatches kept = new KeptMatches();

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
    /** The store's values held across accounts (public IP addresses), shared by every account. */
    private final HeldValues held;
    /** Set when the store forgets this account: a transaction still holding it changes nothing anyone sees. */
    private boolean retired;
    /** The transaction running on this thread, so a resource's fields can say they changed. */
    private static final ThreadLocal<Tx> CURRENT = new ThreadLocal<>();

    Account(String name, Lifecycle lifecycle, Kinds kinds, Runnable onChange, java.util.concurrent.locks.Lock gate,
            java.util.function.Supplier<ResourceStore.Changes> changes, HeldValues held) {
        this.changes = changes;
        this.held = held;
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
        boolean had = false;
        for (ResourceIndex m : byId.values()) had |= m.size() > 0;
        for (KindIndex k : byKind.values()) for (Resource r : k.members) release(r);
        for (KindIndex k : byKind.values()) k.forgetAll();
        byKind.clear();
        byId.clear();
        referrers.clear();
        referrerValues.clear();
        kept.clear();
        due.clear();
        if (had) onChange.run();
    }

    /** The live resource with this id, or null. */
    private Resource live(String provider, String id) {
        ResourceIndex m = byId.get(provider);
        return m == null ? null : m.get(id);
    }

    private boolean isLive(Resource r) { return live(r.provider(), r.id()) == r; }

    /** What {@code r} holds across accounts ({@link ResourceKind#heldValue}), or null. */
    private String heldKey(Resource r) {
        ResourceKind kind = kinds.get(r.provider(), r.kind());
        return kind == null ? null : kind.heldValue(r);
    }

    private void release(Resource r) {
        String key = heldKey(r);
        if (key != null) held.release(key, r);
    }

    private static <V> HashMap<String, V> ofProvider(Map<String, HashMap<String, V>> m, String provider) {
        return m.computeIfAbsent(provider, k -> new HashMap<>());
    }

    private static <V> V at(Map<String, HashMap<String, V>> m, String provider, String id) {
        HashMap<String, V> of = m.get(provider);
        return of == null ? null : of.get(id);
    }

    /** Records {@code r} among the referrers of {@code provider/id}; false when it already was. */
    private boolean addReferrer(String provider, String id, Resource r) {
        HashMap<String, Object[]> m = ofProvider(referrers, provider);
        Object[] pairs = m.get(id);
        if (pairs == null) {
            m.put(id, new Object[] {r.kind(), r});
            return true;
        }
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i].equals(r.kind())) continue;
            if (pairs[i + 1] instanceof Resource one) {
                if (one == r) return false;
                ResourceSet set = new ResourceSet(one);
                set.add(r);
                pairs[i + 1] = set;
                return true;
            }
            return ((ResourceSet) pairs[i + 1]).add(r);
        }
        Object[] more = java.util.Arrays.copyOf(pairs, pairs.length + 2);
        more[pairs.length] = r.kind();
        more[pairs.length + 1] = r;
        m.put(id, more);
        return true;
    }

    /** Drops {@code r} from the referrers of {@code provider/id}; false when it was not among them. */
    private boolean removeReferrer(String provider, String id, Resource r) {
        HashMap<String, Object[]> m = referrers.get(provider);
        Object[] pairs = m == null ? null : m.get(id);
        if (pairs == null) return false;
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i].equals(r.kind())) continue;
            Object held = pairs[i + 1];
            if (held instanceof ResourceSet set) {
                if (!set.remove(r)) return false;
                if (set.size() > 1) return true;
                pairs[i + 1] = set.first();
                return true;
            }
            if (held != r) return false;
            if (pairs.length == 2) {
                m.remove(id);
            } else {
                Object[] fewer = new Object[pairs.length - 2];
                System.arraycopy(pairs, 0, fewer, 0, i);
                System.arraycopy(pairs, i + 2, fewer, i, pairs.length - i - 2);
                m.put(id, fewer);
            }
            return true;
        }
        return false;
    }

    /** The referrers of one kind among {@code pairs}, in order, into {@code out}. */
    private static void referrersOf(Object[] pairs, String kind, java.util.Collection<Resource> out) {
        if (pairs == null) return;
        for (int i = 0; i < pairs.length; i += 2) {
            if (kind != null && !pairs[i].equals(kind)) continue;
            if (pairs[i + 1] instanceof Resource one) out.add(one);
            else out.addAll((ResourceSet) pairs[i + 1]);
        }
    }

    /** How many referrers of one kind {@code pairs} hold. */
    private static int countOf(Object[] pairs, String kind) {
        if (pairs == null) return 0;
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i].equals(kind)) continue;
            return pairs[i + 1] instanceof ResourceSet set ? set.size() : 1;
        }
        return 0;
    }

    /** A view of the account inside its lock. */
    public final class Tx {
        private boolean changed;
        private final List<Resource> added = new ArrayList<>();
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
            for (Resource r : candidates) if (isLive(r)) live.add(r);
            List<String[]> removed = new ArrayList<>();
            for (String[] k : removedIds) if (live(k[0], k[1]) == null) removed.add(k);
            if (!live.isEmpty() || !removed.isEmpty()) sink.committed(name, live, removed);
        }

        private void settleDue() {
            Instant now = lifecycle.clock().now();
            while (!due.isEmpty() && !due.peek().at().isAfter(now)) {
                Due d = due.poll();
                Resource r = d.resource();
                if (r.stamp() != d.stamp() || !isLive(r)) continue; // stale entry
                lifecycle.step(r);
                changed = true;
                if (Transition.GONE.equals(r.state())) remove(r);
                else schedule(r);
            }
        }

        private void schedule(Resource r) {
            if (r.inTransition()) due.add(new Due(lifecycle.due(r), dueSeq++, r, r.stamp()));
        }

        private KindIndex of(String provider, String kind) {
            return byKind.computeIfAbsent(Kinds.key(provider, kind), k -> new KindIndex(provider, kind, kinds.get(provider, kind), kept));
        }

        /** The resource, or null when it does not exist (or has finished going away). */
        public Resource get(String provider, String kind, String id) {
            Resource r = live(provider, id);
            if (r == null || !r.kind().equals(kind)) return null;
            candidate(r);
            return r;
        }

        /** The resource of any kind with this id, or null. */
        public Resource find(String provider, String id) {
            Resource r = live(provider, id);
            candidate(r);
            return r;
        }

        /** Every live resource of the kind, in creation order (a copy: the caller may change the account). */
        public List<Resource> list(String provider, String kind) {
            KindIndex m = byKind.get(Kinds.key(provider, kind));
            return m == null ? List.of() : new ArrayList<>(m.members);
        }

        /**
         * Every live resource of the kind, in creation order, as a read-only view (no copy): for reads that walk
         * the kind and change nothing while they walk, such as a list page out of 100,000.
         */
        public java.util.Collection<Resource> view(String provider, String kind) {
            KindIndex m = byKind.get(Kinds.key(provider, kind));
            return m == null ? List.of() : java.util.Collections.unmodifiableCollection(m.members);
        }

        /**
         * The resources of the kind that pass {@code test}, in {@code order} (null: creation order), as a list
         * query keeps them ({@link KeptMatches}): the first call walks the kind, later ones patch what it found
         * with what changed in the account since; or, given {@code from} (a few candidates in creation order, a
         * superset of the matches, such as {@link #withField}'s or {@link #getAll}'s), those are walked and
         * nothing is kept. {@code key} must name everything the test and the order depend
         * on (region, every filter, the order), and they may read nothing but the resource itself and fixed
         * catalogues. The list is read-only, shared, and never changes.
         */
        public List<Resource> matches(String provider, String kind, String key, java.util.Collection<Resource> from,
                                      java.util.function.Predicate<Resource> test, Order<?> order) {
            return kept.matches(of(provider, kind), key, from, test, order);
        }

        /** The live resources of the kind with these ids, in creation order (unknown ids left out). */
        public List<Resource> getAll(String provider, String kind, java.util.Collection<String> ids) {
            List<Resource> out = new ArrayList<>(ids.size());
            for (String id : new java.util.LinkedHashSet<>(ids)) {
                Resource r = get(provider, kind, id);
                if (r != null) out.add(r);
            }
            out.sort(KeptMatches.BY_ORDINAL);
            return out;
        }

        /**
         * The live resources of the kind whose field equals {@code value}, in creation order: from the kind's index
         * when it indexes the field ({@link ResourceKind#indexedFields}), else by a walk.
         */
        public List<Resource> withField(String provider, String kind, String field, Object value) {
            KindIndex m = byKind.get(Kinds.key(provider, kind));
            if (m == null) return List.of();
            List<Resource> hit = m.withValue(field, value);
            if (hit != null) return hit;
            List<Resource> out = new ArrayList<>();
            for (Resource r : m.members) if (value != null && value.equals(r.fields().get(field))) out.add(r);
            return out;
        }

        public int count(String provider, String kind) {
            KindIndex m = byKind.get(Kinds.key(provider, kind));
            return m == null ? 0 : m.members.size();
        }

        /** Adds a resource (its references are indexed; a transition under way goes on from where it is). */
        public void add(Resource r) {
            String key = heldKey(r);
            // a forgotten account's resources are seen by no one: what they claimed would never be given back
            if (key != null && !retired && !held.claim(key, r)) throw new IllegalStateException(key + " is held by another resource");
            if (byId.computeIfAbsent(r.provider(), k -> new ResourceIndex()).putIfAbsent(r) != null) {
                if (key != null) held.release(key, r);
                throw new IllegalStateException("id " + r.id() + " of " + r.provider() + " is already used");
            }
            of(r.provider(), r.kind()).add(r);
            for (List<String> ids : r.references().values()) index(r, ids);
            schedule(r);
            candidate(r);
            changed = true;
            added.add(r);
        }

        /**
         * Claims {@code key} ({@link ResourceKind#heldValue}) for {@code r}, which is about to be added: false when
         * a live resource of any account, or one being added beside, holds it. A claimed value must be added
         * (or its resource removed) in this transaction, or it stays taken.
         */
        public boolean claim(String key, Resource r) { return retired || held.claim(key, r); }

        /** True when a resource of any account holds (or is claiming) {@code key}. */
        public boolean isHeld(String key) { return held.isHeld(key); }

        /** How many resources this transaction has added so far: a point {@link #removeAddedSince} goes back to. */
        public int mark() { return added.size(); }

        /**
         * Removes what this transaction added since {@code mark}, newest first: a creation refused part-way (the
         * 300th server of a batch finding its subnet full) takes back the interfaces and storages made before it.
         */
        public void removeAddedSince(int mark) {
            for (int i = added.size() - 1; i >= mark; i--) remove(added.get(i));
            added.subList(mark, added.size()).clear();
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
                if (!isLive(gone)) continue;
                byId.get(gone.provider()).remove(gone);
                release(gone);
                if (removedIds != null) removedIds.add(new String[] {gone.provider(), gone.id()});
                KindIndex m = byKind.get(Kinds.key(gone.provider(), gone.kind()));
                if (m != null) m.remove(gone);
                for (List<String> ids : gone.references().values()) for (String id : ids) dropReferrer(gone, id);
                HashMap<String, Map<String, ReferrerValues>> values = referrerValues.get(gone.provider());
                if (values != null) values.remove(gone.id());
                HashMap<String, Object[]> byTarget = referrers.get(gone.provider());
                Object[] pairs = byTarget == null ? null : byTarget.remove(gone.id());
                if (pairs == null) continue;
                List<Resource> users = new ArrayList<>();
                referrersOf(pairs, null, users);
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
            boolean live = isLive(r);
            if (live) unindex(r, name);
            r.setReferences(name, ids);
            if (live) index(r, r.references(name));
            candidate(r);
            changed = true;
        }

        /** Sets a single reference ({@code null} removes it). */
        public void refer(Resource r, String name, String id) { refer(r, name, id == null ? List.of() : List.of(id)); }

        /** The resources that refer to {@code target}, kind by kind, each kind in the order they started to. */
        public List<Resource> referrers(Resource target) {
            List<Resource> out = new ArrayList<>();
            referrersOf(at(referrers, target.provider(), target.id()), null, out);
            return out;
        }

        /** The resources of one kind that refer to {@code target}, in the order they started to. */
        public List<Resource> referrers(Resource target, String kind) {
            Object[] pairs = at(referrers, target.provider(), target.id());
            if (countOf(pairs, kind) == 0) return List.of();
            List<Resource> out = new ArrayList<>();
            referrersOf(pairs, kind, out);
            return out;
        }

        /**
         * The values of {@code field} among the resources of {@code kind} that refer to {@code target} (an
         * interface's address among those of its subnet), kept as references come and go, so a free address is
         * found without walking every interface of the subnet. Each referrer's value is read when it starts to
         * refer: for fields that do not change while it refers.
         */
        public ReferrerValues referrerValues(Resource target, String kind, String field) {
            Map<String, ReferrerValues> of = ofProvider(referrerValues, target.provider())
                    .computeIfAbsent(target.id(), k -> new HashMap<>(4));
            String key = kind + " " + field;
            ReferrerValues v = of.get(key);
            if (v == null) {
                v = new ReferrerValues(kind, field);
                List<Resource> users = new ArrayList<>();
                referrersOf(at(referrers, target.provider(), target.id()), kind, users);
                for (Resource r : users) v.add(r);
                of.put(key, v);
            }
            return v;
        }

        private void index(Resource r, List<String> ids) {
            for (String id : ids) {
                if (addReferrer(r.provider(), id, r)) {
                    Map<String, ReferrerValues> values = at(referrerValues, r.provider(), id);
                    if (values != null) for (ReferrerValues v : values.values()) v.add(r);
                }
            }
        }

        /** Drops what {@code r}'s reference {@code name} put in the index, but ids its other names still name. */
        private void unindex(Resource r, String name) {
            for (String id : r.references(name)) {
                boolean still = false;
                for (Map.Entry<String, List<String>> other : r.references().entrySet()) {
                    if (!other.getKey().equals(name) && other.getValue().contains(id)) still = true;
                }
                if (!still) dropReferrer(r, id);
            }
        }

        private void dropReferrer(Resource r, String id) {
            if (removeReferrer(r.provider(), id, r)) {
                Map<String, ReferrerValues> values = at(referrerValues, r.provider(), id);
                if (values != null) for (ReferrerValues v : values.values()) v.remove(r);
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
