package io.cloudmock.core;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One resource of any provider and kind (a server, a VPC, a disk...). The core knows its identity, its lifecycle
 * position and its references to other resources of the same provider; what it looks like on the wire lives in
 * {@link #fields}, under the provider's own field names.
 *
 * <p>Resources are mutated only while their account's lock is held; references only through
 * {@link Account.Tx#refer}, which keeps the account's index of who refers to whom.
 *
 * <p>Fields and references are {@link CompactMap}s: at 100,000 servers the per-resource maps were most of the heap.
 */
public final class Resource {
    private final String provider;
    private final String kind;
    private final String account;
    private final String id;
    private String state;
    /** States still to come, each lasting one transition delay; the last one is settled. Empty when settled. */
    private List<String> path = List.of();
    /** When the current state was entered. */
    private Instant since;
    /** Bumped on every change of state, so the account's queue of due steps can tell a stale entry. */
    private long stamp;
    /**
     * Bumped on every change of anything a view can show: a field written, a state entered, a reference set. What
     * is rendered from this resource alone ({@link RenderCache}) stays valid while it stands, whatever else changes.
     */
    private long version;
    /**
     * Its account's resources of its kind while it is one of them (set by {@code Tx.add}, cleared by
     * {@code Tx.remove}): every change is told to it, so the account's field indexes and kept list matches follow.
     */
    KindIndex home;
    /** Its place in its account's creation order (set by {@code Tx.add}): what "in creation order" sorts by. */
    long ordinal;
    private final Map<String, Object> fields;
    /** Reference name (usually the kind referred to: "subnet", "acg") to ids, in the order given. */
    private final Map<String, List<String>> references = new CompactMap<>();

    public Resource(String provider, String kind, String account, String id, String state, Instant since,
                    Map<String, Object> fields) {
        this.provider = provider;
        this.kind = kind;
        this.account = account;
        this.id = id;
        this.state = state;
        this.since = since;
        this.fields = new Fields(this, fields);
    }

    /**
     * The fields map tells the transaction of its thread when it is written, so the change log of
     * {@code --state-file} records a resource changed through {@code fields().put} wherever the handler found it.
     */
    private static final class Fields extends CompactMap<Object> {
        private final transient Resource owner;

        Fields(Resource owner, Map<String, Object> initial) {
            super(initial);
            this.owner = owner;
        }

        @Override
        protected void writing(String key) {
            if (owner == null) return; // filled by the constructor, before the resource exists
            owner.changed();
            Account.fieldsChanged(owner);
            if (owner.home != null) owner.home.unindex(owner, key);
        }

        @Override
        protected void wrote(String key) {
            if (owner != null && owner.home != null) owner.home.index(owner, key);
        }
    }

    public String provider() { return provider; }
    public String kind() { return kind; }
    public String account() { return account; }
    public String id() { return id; }
    public String state() { return state; }
    public Instant since() { return since; }
    public List<String> path() { return path; }
    public Map<String, Object> fields() { return fields; }
    long stamp() { return stamp; }

    /** This resource's own change count: equal versions of one resource have equal fields, state and references. */
    public long version() { return version; }

    /** Every reference, read-only. */
    public Map<String, List<String>> references() { return Collections.unmodifiableMap(references); }

    /** The ids under one reference name; empty when there are none. */
    public List<String> references(String name) { return references.getOrDefault(name, List.of()); }

    /** The one id under a reference name, or null. */
    public String reference(String name) {
        List<String> ids = references.get(name);
        return ids == null || ids.isEmpty() ? null : ids.get(0);
    }

    /** A field, the state or a reference is about to change. */
    private void changed() {
        version++;
        if (home != null) home.changed(this);
    }

    void setReferences(String name, List<String> ids) {
        changed();
        if (ids.isEmpty()) references.remove(name);
        else references.put(name, List.copyOf(ids));
    }

    /** True while a transition is under way (the resource is in a transient state). */
    public boolean inTransition() { return !path.isEmpty(); }

    public String string(String field) {
        Object v = fields.get(field);
        return v == null ? "" : v.toString();
    }

    void enter(String newState, List<String> rest, Instant at) {
        changed();
        this.state = newState;
        this.path = List.copyOf(rest);
        this.since = at;
        this.stamp++;
    }

    /** Puts the resource in a state with no transition to follow (force-state of the control API). */
    public void force(String newState, Instant at) { enter(newState, List.of(), at); }

    /** Restores a saved lifecycle position (state file, control API import), before it is added to its account. */
    public void restore(String savedState, List<String> savedPath, Instant savedSince) { enter(savedState, savedPath, savedSince); }

    @Override
    public String toString() { return provider + "/" + kind + "/" + id + " (" + state + ")"; }
}
