package io.cloudmock.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field's values among a target's referrers of one kind ({@link Account.Tx#referrerValues}), kept by the
 * account as references are made and dropped. With it goes a caller's {@link #floor}: a position below which
 * the caller knows every value it may hand out is taken (the lowest free address of a subnet is found from
 * there, not from the start); the account forgets it whenever a value leaves, since a lower one may be free again.
 */
public final class ReferrerValues {
    private final String kind;
    private final String field;
    /**
     * What each referrer counted: its value (a string), or for a field holding a list (an interface's secondary
     * addresses) the list of its elements. By identity, in an open-addressed table: at 100,000 interfaces a
     * {@code HashMap} of one-element lists cost about 60 bytes an interface and field.
     */
    private final Map<Resource, Object> valueOf = new IdentityHashMap<>();
    private final Map<String, Integer> count = new HashMap<>();
    private long floor;

    ReferrerValues(String kind, String field) {
        this.kind = kind;
        this.field = field;
    }

    void add(Resource r) {
        if (!r.kind().equals(kind)) return;
        Object vs = values(r);
        if (valueOf.put(r, vs) != null) return;
        if (vs instanceof String v) count.merge(v, 1, Integer::sum);
        else for (Object v : (List<?>) vs) count.merge((String) v, 1, Integer::sum);
    }

    private Object values(Resource r) {
        if (!(r.fields().get(field) instanceof List<?> list)) return r.string(field);
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) out.add(String.valueOf(o));
        return out;
    }

    void remove(Resource r) {
        Object vs = valueOf.remove(r);
        if (vs == null) return;
        if (vs instanceof String v) uncount(v);
        else for (Object v : (List<?>) vs) uncount((String) v);
        floor = 0;
    }

    private void uncount(String v) {
        if (count.merge(v, -1, Integer::sum) <= 0) count.remove(v);
    }

    public boolean contains(String value) { return count.containsKey(value); }

    public int size() { return valueOf.size(); }

    /** The caller's floor (0 when it has none or a value has left since). */
    public long floor() { return floor; }

    public void floor(long at) { floor = at; }
}
