package io.cloudmock.core;

import java.util.AbstractCollection;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An insertion-ordered map, as {@link java.util.LinkedHashMap} orders it, that keeps only an array of values per
 * map: the keys and their order (the map's {@link Shape}) are shared by every map that got the same keys in the
 * same order, as every server of a kind does. A server's ~30 fields cost about 30 references instead of 30
 * linked entries and a hash table (about 1.4 KB of its 2.4 KB before).
 *
 * <p>Not thread-safe (resources change under their account's lock); shapes are shared across threads and
 * immutable. Iteration order, {@code equals} and {@code hashCode} are those of a {@code LinkedHashMap} with the
 * same puts and removes, so nothing rendered from it changes. A subclass hears of every write, before and after
 * it ({@link #writing}, {@link #wrote}): a resource's fields keep its account's field indexes with them.
 *
 * <p>A {@code Map} of its own rather than an {@code AbstractMap}: that one keeps two view fields per map, and the
 * first {@code values()} of each map made a view object for good (both together about 30 bytes a resource).
 */
public class CompactMap<V> implements Map<String, V> {
    private Shape shape;
    private Object[] values;
    private int modCount;

    public CompactMap() {
        shape = Shape.EMPTY;
        values = NO_VALUES;
    }

    public CompactMap(Map<String, ? extends V> from) {
        this();
        if (from instanceof CompactMap<?> c) {
            shape = c.shape;
            values = Arrays.copyOf(c.values, c.shape.size());
            return;
        }
        if (!from.isEmpty()) values = new Object[from.size()];
        for (Map.Entry<String, ? extends V> e : from.entrySet()) put(e.getKey(), e.getValue());
    }

    private static final Object[] NO_VALUES = new Object[0];

    /**
     * Called on every write before it is made, with the key written ({@code null}: every key, a clear): a
     * subclass's hook (a resource's fields count the change and take the old value out of their field indexes).
     */
    protected void writing(String key) {}

    /** Called after every write, as {@link #writing} before it (the new value goes into the field indexes). */
    protected void wrote(String key) {}

    @Override public int size() { return shape.size(); }

    @Override public boolean isEmpty() { return shape.size() == 0; }

    @Override
    public boolean containsValue(Object value) {
        for (int i = 0, n = shape.size(); i < n; i++) if (Objects.equals(values[i], value)) return true;
        return false;
    }

    @Override
    public void putAll(Map<? extends String, ? extends V> m) {
        for (Map.Entry<? extends String, ? extends V> e : m.entrySet()) put(e.getKey(), e.getValue());
    }

    @Override public boolean containsKey(Object key) { return key instanceof String k && shape.slot(k) >= 0; }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        if (!(key instanceof String k)) return null;
        int i = shape.slot(k);
        return i < 0 ? null : (V) values[i];
    }

    @Override
    @SuppressWarnings("unchecked")
    public V put(String key, V value) {
        Objects.requireNonNull(key, "key");
        Object v = Values.intern(value);
        writing(key);
        int i = shape.slot(key);
        if (i >= 0) {
            V old = (V) values[i];
            values[i] = v;
            wrote(key);
            return old;
        }
        shape = shape.with(key);
        int n = shape.size();
        // exactly as long as the shape: a resource gets its keys when it is made and few later, and at 300,000
        // resources a half-empty array of growth room was about 20 bytes each
        if (values.length < n) values = Arrays.copyOf(values, n);
        values[n - 1] = v;
        modCount++;
        wrote(key);
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        if (!(key instanceof String k)) return null;
        int i = shape.slot(k);
        if (i < 0) return null;
        V old = (V) values[i];
        removeSlot(i);
        return old;
    }

    private void removeSlot(int i) {
        String key = shape.key(i);
        writing(key);
        int n = shape.size();
        shape = shape.without(i);
        System.arraycopy(values, i + 1, values, i, n - i - 1);
        values[n - 1] = null;
        modCount++;
        wrote(key);
    }

    @Override
    public void clear() {
        writing(null);
        shape = Shape.EMPTY;
        values = NO_VALUES;
        modCount++;
        wrote(null);
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override public int size() { return shape.size(); }
            @Override public Iterator<Map.Entry<String, V>> iterator() { return new Entries(); }
        };
    }

    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override public int size() { return shape.size(); }
            @Override public boolean contains(Object o) { return containsKey(o); }

            @Override
            public Iterator<String> iterator() {
                Entries e = new Entries();
                return new Iterator<>() {
                    @Override public boolean hasNext() { return e.hasNext(); }
                    @Override public String next() { return e.next().getKey(); }
                    @Override public void remove() { e.remove(); }
                };
            }
        };
    }

    @Override
    public Collection<V> values() {
        return new AbstractCollection<>() {
            @Override public int size() { return shape.size(); }

            @Override
            public Iterator<V> iterator() {
                Entries e = new Entries();
                return new Iterator<>() {
                    @Override public boolean hasNext() { return e.hasNext(); }
                    @Override public V next() { return e.next().getValue(); }
                    @Override public void remove() { e.remove(); }
                };
            }
        };
    }

    /** As {@code AbstractMap.equals}: any map with the same mappings. */
    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof Map<?, ?> m) || m.size() != size()) return false;
        try {
            for (int i = 0, n = shape.size(); i < n; i++) {
                String k = shape.key(i);
                Object v = values[i];
                if (v == null ? m.get(k) != null || !m.containsKey(k) : !v.equals(m.get(k))) return false;
            }
        } catch (ClassCastException | NullPointerException e) {
            return false;
        }
        return true;
    }

    /** As {@code AbstractMap.hashCode}: the sum of the entries' hash codes. */
    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0, n = shape.size(); i < n; i++) h += shape.key(i).hashCode() ^ Objects.hashCode(values[i]);
        return h;
    }

    /** As {@code AbstractMap.toString}: {@code {k=v, ...}}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0, n = shape.size(); i < n; i++) {
            if (i > 0) b.append(", ");
            Object v = values[i];
            b.append(shape.key(i)).append('=').append(v == this ? "(this Map)" : String.valueOf(v));
        }
        return b.append('}').toString();
    }

    private final class Entries implements Iterator<Map.Entry<String, V>> {
        private int next;
        private int last = -1;
        private int expected = modCount;

        @Override public boolean hasNext() { return next < shape.size(); }

        @Override
        public Map.Entry<String, V> next() {
            if (expected != modCount) throw new ConcurrentModificationException();
            if (next >= shape.size()) throw new NoSuchElementException();
            last = next++;
            return new Entry(shape.key(last), last);
        }

        @Override
        public void remove() {
            if (last < 0) throw new IllegalStateException();
            if (expected != modCount) throw new ConcurrentModificationException();
            removeSlot(last);
            next = last;
            last = -1;
            expected = modCount;
        }
    }

    /** An entry that writes through to its slot, as a {@code LinkedHashMap} entry does. */
    private final class Entry implements Map.Entry<String, V> {
        private final String key;
        private final int slot;
        private final Shape of = shape;

        Entry(String key, int slot) { this.key = key; this.slot = slot; }

        @Override public String getKey() { return key; }

        @Override
        @SuppressWarnings("unchecked")
        public V getValue() { return of == shape ? (V) values[slot] : get(key); }

        @Override
        public V setValue(V value) {
            if (of != shape) return put(key, value);
            writing(key);
            @SuppressWarnings("unchecked") V old = (V) values[slot];
            values[slot] = Values.intern(value);
            wrote(key);
            return old;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && key.equals(e.getKey()) && Objects.equals(getValue(), e.getValue());
        }

        @Override public int hashCode() { return key.hashCode() ^ Objects.hashCode(getValue()); }
        @Override public String toString() { return key + "=" + getValue(); }
    }

    /**
     * Keys in insertion order, shared. A shape knows the shapes one more key leads to, so maps filled the same way
     * end on the same shape object. Shapes are kept in a bounded table: maps with ever new keys (free-form fields of
     * the control API) still work, they just stop sharing.
     */
    static final class Shape {
        static final Shape EMPTY = new Shape(new String[0]);
        private static final int MAX_SHAPES = 20_000;
        private static final ConcurrentHashMap<List<String>, Shape> ALL = new ConcurrentHashMap<>();

        private final String[] keys;
        /** Open-addressed table of slot + 1 by key hash; small shapes (up to 8 keys) are searched linearly. */
        private final int[] table;
        private final ConcurrentHashMap<String, Shape> next = new ConcurrentHashMap<>(4);

        private Shape(String[] keys) {
            this.keys = keys;
            if (keys.length <= 8) {
                table = null;
            } else {
                int cap = Integer.highestOneBit(keys.length * 2 - 1) << 1;
                table = new int[cap];
                for (int i = 0; i < keys.length; i++) {
                    int h = spread(keys[i].hashCode()) & (cap - 1);
                    while (table[h] != 0) h = (h + 1) & (cap - 1);
                    table[h] = i + 1;
                }
            }
        }

        private static int spread(int h) { return h ^ (h >>> 16); }

        int size() { return keys.length; }
        String key(int i) { return keys[i]; }

        int slot(String key) {
            if (table == null) {
                for (int i = 0; i < keys.length; i++) {
                    String k = keys[i];
                    if (k == key || k.equals(key)) return i;
                }
                return -1;
            }
            int mask = table.length - 1;
            for (int h = spread(key.hashCode()) & mask; ; h = (h + 1) & mask) {
                int s = table[h];
                if (s == 0) return -1;
                String k = keys[s - 1];
                if (k == key || k.equals(key)) return s - 1;
            }
        }

        Shape with(String key) {
            Shape s = next.get(key);
            if (s != null) return s;
            String[] more = Arrays.copyOf(keys, keys.length + 1);
            more[keys.length] = key;
            s = of(more);
            if (ALL.size() < MAX_SHAPES) next.putIfAbsent(key, s);
            return s;
        }

        Shape without(int slot) {
            String[] fewer = new String[keys.length - 1];
            System.arraycopy(keys, 0, fewer, 0, slot);
            System.arraycopy(keys, slot + 1, fewer, slot, keys.length - slot - 1);
            return of(fewer);
        }

        private static Shape of(String[] keys) {
            if (keys.length == 0) return EMPTY;
            List<String> k = List.of(keys);
            Shape s = ALL.get(k);
            if (s != null) return s;
            for (int i = 0; i < keys.length; i++) keys[i] = keys[i].intern();
            s = new Shape(keys);
            if (ALL.size() >= MAX_SHAPES) return s;
            Shape had = ALL.putIfAbsent(k, s);
            return had != null ? had : s;
        }
    }
}
