package io.cloudmock.core;

/**
 * Shares equal short strings between resources: most of a server's field values (its status, region, zone,
 * product, image and the date of a second in which hundreds were made) are the same for many servers. A
 * direct-mapped cache, not a table: a repeated value finds its first copy, a unique one (an id, a name, an
 * address) only takes the slot of an older one, so the cache never holds more than {@value #SLOTS} strings.
 */
final class Values {
    private static final int SLOTS = 8192;
    private static final int MAX_LENGTH = 64;
    /** Racy by design: a slot holds an immutable string or null, and a lost write only costs a copy. */
    private static final String[] CACHE = new String[SLOTS];

    private Values() {}

    static Object intern(Object value) {
        if (!(value instanceof String s) || s.length() > MAX_LENGTH) return value;
        int h = s.hashCode();
        int slot = (h ^ (h >>> 13)) & (SLOTS - 1);
        String had = CACHE[slot];
        if (had != null && had.equals(s)) return had;
        CACHE[slot] = s;
        return s;
    }
}
