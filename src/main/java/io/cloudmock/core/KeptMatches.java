package io.cloudmock.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One account's kept list queries: the matches of its few most recent list filters (every server of a filter, in
 * creation order or sorted), each brought up to date from the resources of the account changed since it was last
 * asked for, instead of walking all of them again. An autoscaler that polls a filtered list of 100,000 servers while
 * it creates and renames them costs, per poll, the few that changed, not 100,000 (docs/benchmark.md).
 *
 * <p>How a query stays right: while any query is kept, every change to a resource of the account (added, removed, a
 * field written, a state entered, a reference set: {@link KindIndex} hears of each) is logged. A query asked for
 * again takes the distinct resources logged since its last answer, drops them from its matches and puts back those
 * that are still live and still match, at their place in its order. So a query's test and order may read only the
 * resource itself (its fields, state, references, id) and fixed things (catalogues), nothing of other resources and
 * not the clock: that is what a change to the resource is logged for. Each kind's resources are in creation order
 * by their {@code ordinal}, which is what "in creation order" compares. A query that falls too far behind walks its
 * kind again; so does every query when the log grows past its bound. Used under the account's lock only.
 */
final class KeptMatches {
    private static final int QUERIES = 8;
    /** Past this many logged changes the log and every query are dropped: walking again costs less. */
    private static final int MAX_LOG = 16_384;
    /** Past this many changed resources of its kind, a query walks its kind again rather than patch. */
    private static final int MAX_PATCH = 4_096;
    private static final Resource[] NONE = new Resource[0];

    static final Comparator<Resource> BY_ORDINAL = (a, b) -> Long.compare(a.ordinal, b.ordinal);

    /**
     * For the test that holds kept answers against plain walks (KeptMatchesHistoryTest): while set, every query is
     * a plain walk of the whole kind (no index's candidates), and kept queries are neither read nor changed.
     */
    static volatile boolean plainWalks;
    /** How many times a kept query was patched rather than walked (that test checks it patched at all). */
    static final java.util.concurrent.atomic.LongAdder PATCHES = new java.util.concurrent.atomic.LongAdder();

    private final Map<String, Query> queries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Query> eldest) { return size() > QUERIES; }
    };
    /** Resources changed since the oldest kept query last answered; {@code log[0]} is change number {@code logBase}. */
    private Resource[] log = new Resource[64];
    private int logSize;
    private long logBase;
    /** The log's end when a query last answered: every query is up to date with at most this much of it. */
    private long answered;
    /** The next creation ordinal of this account. */
    private long ordinals;

    private static final class Query {
        final KindIndex of;
        final Predicate<Resource> test;
        final Comparator<Resource> total;
        final Order<?> order;
        Resource[] items;
        List<Resource> view;
        /** The change number it is up to date with. */
        long at;
        /** Every resource with a lower ordinal was looked at; later ones cannot be among its items yet. */
        long seen;

        Query(KindIndex of, Predicate<Resource> test, Order<?> order) {
            this.of = of;
            this.test = test;
            this.order = order;
            this.total = order == null ? BY_ORDINAL : order.total();
        }

        void set(Resource[] found) {
            items = found;
            // read-only and never changed after: a page handed out stays as it was when the lock is let go
            view = Collections.unmodifiableList(Arrays.asList(found));
        }
    }

    long nextOrdinal() { return ordinals++; }

    /** A resource of the account is about to change (or was added, or is being removed). */
    void changed(Resource r) {
        if (queries.isEmpty()) return; // nobody to bring up to date: queries made later start from now
        // the same resource again (a create writes several fields): once is enough, unless a query answered since
        if (logSize > 0 && log[logSize - 1] == r && logBase + logSize > answered) return;
        if (logSize == MAX_LOG) {
            clear();
            return;
        }
        if (logSize == log.length) log = Arrays.copyOf(log, log.length * 2);
        log[logSize++] = r;
    }

    void clear() {
        queries.clear();
        Arrays.fill(log, 0, logSize, null);
        logBase += logSize;
        logSize = 0;
        if (log.length > 64) log = new Resource[64];
    }

    /**
     * The members of {@code of} that pass {@code test}, in {@code order} (null: creation order), as kept for
     * {@code key} and brought up to date, or found by a walk of every member; or, when {@code from} is given (a
     * superset of the matches in creation order), by a walk of those, kept for nobody. {@code key} must name
     * everything {@code test} and {@code order} depend on.
     */
    List<Resource> matches(KindIndex of, String key, Collection<Resource> from, Predicate<Resource> test, Order<?> order) {
        if (plainWalks) return Collections.unmodifiableList(Arrays.asList(walk(of.members, test, order)));
        if (from != null) {
            // a few candidates (by name, by id): walked each time, and not kept in the place of a query that walks all
            return Collections.unmodifiableList(Arrays.asList(walk(from, test, order)));
        }
        Query q = queries.get(key);
        if (q != null && (q.of != of || !update(q))) q = null;
        if (q == null) {
            q = new Query(of, test, order);
            q.set(walk(from == null ? of.members : from, test, order));
            queries.put(key, q);
        }
        q.at = answered = logBase + logSize;
        q.seen = ordinals;
        trim();
        return q.view;
    }

    private static Resource[] walk(Collection<Resource> from, Predicate<Resource> test, Order<?> order) {
        List<Resource> found = new ArrayList<>();
        for (Resource r : from) if (test.test(r)) found.add(r);
        return order == null ? found.toArray(NONE) : order.sort(found);
    }

    /** Brings {@code q} up to date from the log; false when it must walk again. */
    private boolean update(Query q) {
        if (q.at < logBase) return false;
        int first = (int) (q.at - logBase);
        Map<Resource, Boolean> distinct = new IdentityHashMap<>();
        List<Resource> changed = new ArrayList<>();
        for (int i = first; i < logSize; i++) {
            Resource r = log[i];
            if (!r.kind().equals(q.of.kind) || !r.provider().equals(q.of.provider)) continue;
            if (distinct.put(r, Boolean.TRUE) == null) changed.add(r);
        }
        if (changed.isEmpty()) return true;
        if (changed.size() > MAX_PATCH) return false;
        Resource[] old = q.items;
        boolean[] gone = null;
        int goneCount = 0;
        List<Resource> unplaced = new ArrayList<>();
        for (Resource r : changed) {
            if (r.ordinal >= q.seen) continue; // made after the query last looked: not among its items
            int p = position(q, r);
            if (p == -2) {
                unplaced.add(r);
            } else if (p >= 0) {
                if (gone == null) gone = new boolean[old.length];
                if (!gone[p]) goneCount++;
                gone[p] = true;
            }
        }
        if (!unplaced.isEmpty()) {
            // not where its key says (a renamed server in a list by name, or one that is not there at all): one
            // pass over the items, comparing references only (reading each item's header for an identity hash
            // costs a cache miss an item at 100,000), or by identity hash when many are looked for
            if (gone == null) gone = new boolean[old.length];
            goneCount += unplaced.size() <= 16 ? scan(old, unplaced.toArray(NONE), gone) : scanMany(old, unplaced, gone);
        }
        Resource[] rest = old;
        if (goneCount > 0) {
            rest = new Resource[old.length - goneCount];
            int n = 0;
            for (int p = 0; p < old.length; p++) if (!gone[p]) rest[n++] = old[p];
        }
        List<Resource> in = new ArrayList<>();
        for (Resource r : changed) if (r.home == q.of && q.test.test(r)) in.add(r);
        PATCHES.increment();
        if (goneCount == 0 && in.isEmpty()) return true;
        q.set(merge(rest, in, q.order, q.total));
        return true;
    }

    /** Marks in {@code gone} where the resources of {@code wanted} are among {@code items}; how many it found. */
    private static int scan(Resource[] items, Resource[] wanted, boolean[] gone) {
        int left = wanted.length, found = 0;
        for (int p = 0; p < items.length && left > 0; p++) {
            Resource x = items[p];
            for (int j = 0; j < wanted.length; j++) {
                if (wanted[j] != x) continue;
                wanted[j] = null;
                left--;
                if (!gone[p]) found++;
                gone[p] = true;
                break;
            }
        }
        return found;
    }

    private static int scanMany(Resource[] items, List<Resource> wanted, boolean[] gone) {
        Map<Resource, Boolean> left = new IdentityHashMap<>();
        for (Resource r : wanted) left.put(r, Boolean.TRUE);
        int found = 0;
        for (int p = 0; p < items.length && !left.isEmpty(); p++) {
            if (left.remove(items[p]) == null) continue;
            if (!gone[p]) found++;
            gone[p] = true;
        }
        return found;
    }

    /**
     * Where {@code r} is among {@code q}'s items: its position, -1 when it is not there, -2 when it cannot tell
     * (sorted by a key that may have changed since it was placed).
     */
    private static int position(Query q, Resource r) {
        Resource[] items = q.items;
        if (q.order == null) {
            int p = search(items, 0, items.length, r, BY_ORDINAL);
            return p >= 0 ? p : -1;
        }
        int p = search(items, 0, items.length, r, q.total);
        return p >= 0 && items[p] == r ? p : -2;
    }

    /** As {@code Arrays.binarySearch}: the position, or -(insertion point) - 1. */
    private static int search(Resource[] a, int from, int to, Resource key, Comparator<Resource> c) {
        int lo = from, hi = to - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = c.compare(a[mid], key);
            if (cmp < 0) lo = mid + 1;
            else if (cmp > 0) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    /** {@code rest} (in order) with {@code in} (none of them in it) each at its place. */
    private static Resource[] merge(Resource[] rest, List<Resource> in, Order<?> order, Comparator<Resource> total) {
        if (in.isEmpty()) return rest;
        Resource[] add = order == null ? in.toArray(NONE) : order.sort(in);
        if (order == null) Arrays.sort(add, BY_ORDINAL);
        Resource[] out = new Resource[rest.length + add.length];
        int o = 0, from = 0;
        for (Resource r : add) {
            int p = search(rest, from, rest.length, r, total);
            int at = p >= 0 ? p : -p - 1; // never found: r is not among rest
            System.arraycopy(rest, from, out, o, at - from);
            o += at - from;
            out[o++] = r;
            from = at;
        }
        System.arraycopy(rest, from, out, o, rest.length - from);
        return out;
    }

    /** Forgets the changes every kept query has seen. */
    private void trim() {
        long oldest = logBase + logSize;
        for (Query q : queries.values()) oldest = Math.min(oldest, q.at);
        int drop = (int) (oldest - logBase);
        if (drop <= 0) return;
        System.arraycopy(log, drop, log, 0, logSize - drop);
        Arrays.fill(log, logSize - drop, logSize, null);
        logSize -= drop;
        logBase = oldest;
    }
}
