package io.cloudmock.core;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Resources in the order they were added, each at most once (by identity), as a {@code LinkedHashSet} keeps them,
 * for the account's indexes: a kind's resources and a target's referrers of one kind. A {@code LinkedHashSet}
 * spends about 50 bytes an element (a linked entry and its table slot); this keeps an array in insertion order
 * (a removed element leaves a hole, closed up once holes are half of it) and an open-addressed table of positions,
 * about 10 bytes an element. Sets of up to {@value #LINEAR} elements have no table and are searched in order.
 *
 * <p>Not thread-safe (used under the account's lock). Iteration is fail-fast, as a {@code LinkedHashSet}'s is.
 */
final class ResourceSet extends AbstractCollection<Resource> {
    private static final int LINEAR = 8;
    private static final Resource[] NONE = new Resource[0];

    private Resource[] order = NONE;
    /** Positions in {@link #order}: 0 empty, -1 deleted, else position + 1; null while the set is small. */
    private int[] table;
    /** Next free position of {@link #order}. */
    private int end;
    private int size;
    private int deleted;
    private int modCount;

    ResourceSet() {}

    ResourceSet(Resource first) { add(first); }

    @Override public int size() { return size; }

    @Override public boolean isEmpty() { return size == 0; }

    /** The first element (in insertion order), or null. */
    Resource first() {
        for (int i = 0; i < end; i++) if (order[i] != null) return order[i];
        return null;
    }

    private static int hash(Resource r) {
        int h = r.id().hashCode();
        return (h ^ (h >>> 16)) * 0x9E3779B9;
    }

    private int position(Resource r) {
        if (table == null) {
            for (int i = 0; i < end; i++) if (order[i] == r) return i;
            return -1;
        }
        int mask = table.length - 1;
        for (int h = hash(r) & mask; ; h = (h + 1) & mask) {
            int p = table[h];
            if (p == 0) return -1;
            if (p > 0 && order[p - 1] == r) return p - 1;
        }
    }

    @Override public boolean contains(Object o) { return o instanceof Resource r && position(r) >= 0; }

    @Override
    public boolean add(Resource r) {
        if (position(r) >= 0) return false;
        if (end == order.length) {
            if (size < end / 2 && end > LINEAR) compact();
            else order = Arrays.copyOf(order, end < 4 ? end + 1 : end + (end >> 1));
        }
        order[end++] = r;
        size++;
        modCount++;
        if (table != null) {
            if ((size + deleted) * 4 > table.length * 3) rebuild();
            else place(r, end - 1);
        } else if (size > LINEAR) {
            rebuild();
        }
        return true;
    }

    private void place(Resource r, int pos) {
        int mask = table.length - 1;
        int h = hash(r) & mask;
        while (table[h] > 0) h = (h + 1) & mask;
        if (table[h] < 0) deleted--;
        table[h] = pos + 1;
    }

    @Override
    public boolean remove(Object o) {
        if (!(o instanceof Resource r)) return false;
        if (table == null) {
            int p = position(r);
            if (p < 0) return false;
            System.arraycopy(order, p + 1, order, p, end - p - 1);
            order[--end] = null;
            size--;
            modCount++;
            return true;
        }
        int mask = table.length - 1;
        for (int h = hash(r) & mask; ; h = (h + 1) & mask) {
            int p = table[h];
            if (p == 0) return false;
            if (p > 0 && order[p - 1] == r) {
                table[h] = -1;
                deleted++;
                order[p - 1] = null;
                size--;
                modCount++;
                if (size <= LINEAR / 2) {
                    table = null;
                    compact();
                } else if (size < end / 2) {
                    compact();
                }
                return true;
            }
        }
    }

    /** Closes the holes and sizes the table again. */
    private void compact() {
        int n = 0;
        for (int i = 0; i < end; i++) if (order[i] != null) order[n++] = order[i];
        Arrays.fill(order, n, end, null);
        end = n;
        int cap = Math.max(4, n + (n >> 1));
        if (order.length > cap * 2) order = Arrays.copyOf(order, cap);
        if (table != null) rebuild();
    }

    private void rebuild() {
        // at most half full after a rebuild, at most three quarters before the next
        int cap = Integer.highestOneBit(Math.max(LINEAR, size) * 2 - 1) << 1;
        table = new int[cap];
        deleted = 0;
        for (int i = 0; i < end; i++) if (order[i] != null) place(order[i], i);
    }

    @Override
    public void clear() {
        order = NONE;
        table = null;
        end = size = deleted = 0;
        modCount++;
    }

    @Override
    public Iterator<Resource> iterator() {
        return new Iterator<>() {
            private int next = skip(0);
            private final int expected = modCount;

            private int skip(int i) {
                while (i < end && order[i] == null) i++;
                return i;
            }

            @Override public boolean hasNext() { return next < end; }

            @Override
            public Resource next() {
                if (expected != modCount) throw new ConcurrentModificationException();
                if (next >= end) throw new NoSuchElementException();
                Resource r = order[next];
                next = skip(next + 1);
                return r;
            }
        };
    }
}
