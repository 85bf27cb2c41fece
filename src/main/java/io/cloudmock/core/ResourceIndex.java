package io.cloudmock.core;

/**
 * Resources by id, for the account's id index: an open-addressed table of the resources themselves, keyed by
 * their own id string. A {@code HashMap} spends a node (32 bytes) and a table slot on each of the 300,000 resources
 * of 100,000 servers; this spends a slot or two of 4 bytes. Linear probing; a removal shifts the entries after it
 * back, so a lookup never meets a tombstone. Not thread-safe (used under the account's lock).
 */
final class ResourceIndex {
    private Resource[] table = new Resource[8];
    private int size;

    private static int hash(String id) {
        int h = id.hashCode();
        return (h ^ (h >>> 16)) * 0x9E3779B9;
    }

    int size() { return size; }

    Resource get(String id) {
        Resource[] t = table;
        int mask = t.length - 1;
        for (int h = hash(id) & mask; ; h = (h + 1) & mask) {
            Resource r = t[h];
            if (r == null || r.id().equals(id)) return r;
        }
    }

    /** Adds {@code r} unless a resource with its id is there; returns that one, or null. */
    Resource putIfAbsent(Resource r) {
        int mask = table.length - 1;
        int h = hash(r.id()) & mask;
        for (; table[h] != null; h = (h + 1) & mask) if (table[h].id().equals(r.id())) return table[h];
        table[h] = r;
        if (++size * 2 > table.length) grow();
        return null;
    }

    /** Removes {@code r} (this very resource); false when it is not the one held under its id. */
    boolean remove(Resource r) {
        int mask = table.length - 1;
        int h = hash(r.id()) & mask;
        while (table[h] != r) {
            if (table[h] == null) return false;
            h = (h + 1) & mask;
        }
        // shift back every entry after the hole that would not be found past it
        int hole = h;
        for (int i = (hole + 1) & mask; table[i] != null; i = (i + 1) & mask) {
            int home = hash(table[i].id()) & mask;
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                table[hole] = table[i];
                hole = i;
            }
        }
        table[hole] = null;
        size--;
        return true;
    }

    private void grow() {
        Resource[] old = table;
        table = new Resource[old.length * 2];
        int mask = table.length - 1;
        for (Resource r : old) {
            if (r == null) continue;
            int h = hash(r.id()) & mask;
            while (table[h] != null) h = (h + 1) & mask;
            table[h] = r;
        }
    }
}
