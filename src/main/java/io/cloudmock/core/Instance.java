package io.cloudmock.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One server instance of any provider. The core knows only its identity and its lifecycle position; what it
 * looks like on the wire lives in {@link #fields}, under the provider's own field names.
 *
 * <p>Instances are mutated only while their account's lock is held.
 */
public final class Instance {
    private final String provider;
    private final String account;
    private final String id;
    private String state;
    /** States still to come, each lasting one transition delay; the last one is settled. Empty when settled. */
    private List<String> path = List.of();
    /** When the current state was entered. */
    private Instant since;
    private final Map<String, Object> fields;

    public Instance(String provider, String account, String id, String state, Instant since, Map<String, Object> fields) {
        this.provider = provider;
        this.account = account;
        this.id = id;
        this.state = state;
        this.since = since;
        this.fields = new LinkedHashMap<>(fields);
    }

    public String provider() { return provider; }
    public String account() { return account; }
    public String id() { return id; }
    public String state() { return state; }
    public Instant since() { return since; }
    public List<String> path() { return path; }
    public Map<String, Object> fields() { return fields; }

    /** True while a transition is under way (the instance is in a transient state). */
    public boolean inTransition() { return !path.isEmpty(); }

    public String string(String field) {
        Object v = fields.get(field);
        return v == null ? "" : v.toString();
    }

    void enter(String newState, List<String> rest, Instant at) {
        this.state = newState;
        this.path = List.copyOf(rest);
        this.since = at;
    }

    /** Puts the instance in a state with no transition to follow (used by force-state and imports). */
    public void force(String newState, Instant at) { enter(newState, List.of(), at); }

    /** Restores a saved lifecycle position (state file, control API import). */
    public void restore(String savedState, List<String> savedPath, Instant savedSince) { enter(savedState, savedPath, savedSince); }
}
