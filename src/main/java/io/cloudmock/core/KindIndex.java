package io.cloudmock.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * One account's resources of one kind: in creation order (what a list walks), and by the value of each field the
 * kind indexes ({@link ResourceKind#indexedFields}: NCP's server name, which every create and rename checks is free).
 * Every resource in it points back here ({@code Resource.home}) and its fields tell it of every write, before and
 * after; so the indexes, and the account's kept list matches ({@link KeptMatches}), follow every change without a
 * handler saying so. An index that handlers had to keep up would go stale the first time one forgot.
 *
 * <p>Used under the account's lock only. Indexed values are compared with {@code equals} and held as map keys: an
 * indexed field holds strings (or other immutable values), never a list a handler may change in place.
 */
final class KindIndex {
    final String provider;
    final String kind;
    /** In creation order. */
    final ResourceSet members = new ResourceSet();
    private final String[] fields;
    /** Per indexed field: value -> the one resource with it, or a {@link ResourceSet} of several. */
    private final HashMap<Object, Object>[] byValue;
    private final KeptMatches kept;

    @SuppressWarnings("unchecked")
    KindIndex(String provider, String kind, ResourceKind of, KeptMatches kept) {
        this.provider = provider;
        this.kind = kind;
        this.kept = kept;
        this.fields = of == null ? new String[0] : of.indexedFields().toArray(new String[0]);
        this.byValue = new HashMap[fields.length];
        for (int f = 0; f < fields.length; f++) byValue[f] = new HashMap<>();
    }

    void add(Resource r) {
        members.add(r);
        r.home = this;
        r.ordinal = kept.nextOrdinal();
        for (int f = 0; f < fields.length; f++) put(f, r);
        kept.changed(r);
    }

    void remove(Resource r) {
        if (!members.remove(r)) return;
        for (int f = 0; f < fields.length; f++) drop(f, r);
        kept.changed(r);
        r.home = null;
    }

    /** Every member leaves (the account is cleared): what is done to them later reaches no index. */
    void forgetAll() {
        for (Resource r : members) r.home = null;
    }

    /** The state, a reference or a field of {@code r} is about to change. */
    void changed(Resource r) { kept.changed(r); }

    /** {@code r}'s field {@code key} ({@code null}: every field) is about to be written: its old value leaves. */
    void unindex(Resource r, String key) {
        for (int f = 0; f < fields.length; f++) if (key == null || key.equals(fields[f])) drop(f, r);
    }

    /** {@code r}'s field {@code key} ({@code null}: every field) was written: its new value comes in. */
    void index(Resource r, String key) {
        for (int f = 0; f < fields.length; f++) if (key == null || key.equals(fields[f])) put(f, r);
    }

    /** The members whose {@code field} equals {@code value}, in creation order; null when the field is not indexed. */
    List<Resource> withValue(String field, Object value) {
        for (int f = 0; f < fields.length; f++) {
            if (!fields[f].equals(field)) continue;
            Object held = value == null ? null : byValue[f].get(value);
            if (held == null) return List.of();
            if (held instanceof Resource one) return List.of(one);
            List<Resource> out = new ArrayList<>((ResourceSet) held);
            // a set holds them in the order they took the value, not the order they were made
            out.sort(KeptMatches.BY_ORDINAL);
            return out;
        }
        return null;
    }

    private void put(int f, Resource r) {
        Object value = r.fields().get(fields[f]);
        if (value == null) return;
        HashMap<Object, Object> m = byValue[f];
        Object held = m.get(value);
        if (held == null) {
            m.put(value, r);
        } else if (held instanceof Resource one) {
            if (one == r) return;
            ResourceSet set = new ResourceSet(one);
            set.add(r);
            m.put(value, set);
        } else {
            ((ResourceSet) held).add(r);
        }
    }

    private void drop(int f, Resource r) {
        Object value = r.fields().get(fields[f]);
        if (value == null) return;
        HashMap<Object, Object> m = byValue[f];
        Object held = m.get(value);
        if (held == r) {
            m.remove(value);
        } else if (held instanceof ResourceSet set && set.remove(r) && set.size() == 1) {
            m.put(value, set.first());
        }
    }
}
