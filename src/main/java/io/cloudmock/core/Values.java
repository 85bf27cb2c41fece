package io.cloudmock.core;

import java.util.List;

/**
 * Shares equal values between resources: most of a server's field values (its status, region, zone, product,
 * image, memory size, the date of a second in which hundreds were made) and most of its references (its VPC, its
 * subnet, its ACG) are the same for many servers. Direct-mapped caches, not tables: a repeated value finds its
 * first copy, a unique one (an id, a name, an address) only takes the slot of an older one, so a cache never holds
 * more than its slots. Only immutable values are shared: strings, boxed numbers and {@code List.of} lists of one
 * string (a reference to one id), never a list or map a handler may change in place.
 */
final class Values {
    private static final int SLOTS = 8192;
    private static final int MAX_LENGTH = 64;
    /** Racy by design: a slot holds an immutable value or null, and a lost write only costs a copy. */
    private static final String[] CACHE = new String[SLOTS];
    private static final Long[] LONGS = new Long[256];
    private static final List<?>[] LISTS = new List<?>[SLOTS];
    /** The class of {@code List.of(x)}: immutable, so one instance may serve every resource with the same id. */
    private static final Class<?> LIST_OF_ONE = List.of("").getClass();

    private Values() {}

    static Object intern(Object value) {
        if (value instanceof String s) return string(s);
        if (value instanceof Long l) return number(l);
        if (value instanceof List<?> list && list.getClass() == LIST_OF_ONE && list.size() == 1
                && list.get(0) instanceof String s) {
            return one(list, s);
        }
        return value;
    }

    private static String string(String s) {
        if (s.length() > MAX_LENGTH) return s;
        int slot = slot(s.hashCode());
        String had = CACHE[slot];
        if (had != null && had.equals(s)) return had;
        CACHE[slot] = s;
        return s;
    }

    private static Long number(Long l) {
        long v = l;
        int slot = (int) (v ^ (v >>> 29) ^ (v >>> 47)) & (LONGS.length - 1);
        Long had = LONGS[slot];
        if (had != null && had == v) return had;
        LONGS[slot] = l;
        return l;
    }

    private static List<?> one(List<?> list, String element) {
        int slot = slot(element.hashCode() * 31 + 7);
        List<?> had = LISTS[slot];
        if (had != null && had.get(0).equals(element)) return had;
        LISTS[slot] = list;
        return list;
    }

    private static int slot(int h) { return (h ^ (h >>> 13)) & (SLOTS - 1); }
}
