package io.cloudmock.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What clients asked for that cloudmock does not serve ({@code GET /_cloudmock/unserved}): an unimplemented or
 * mis-routed action, a path of no API, or a parameter of a served call that no handler read (so cloudmock
 * answered as if it were not sent), counted per provider, path, action, parameter and client (User-Agent). This is how
 * a user learns why an SDK fails and what to ask for. At most {@link #MAX_KEYS} distinct calls are kept, so a
 * client sending random paths cannot grow it without bound; later ones are counted under {@code "(others)"}.
 */
public final class Unserved {
    public static final int MAX_KEYS = 1000;

    /** {@code parameter} is empty for a call not served, the parameter's name for one that was ignored. */
    public record Key(String provider, String method, String path, String action, String parameter, String userAgent,
                      String reason) {}

    public record Entry(Key key, long count) {}

    private final ConcurrentHashMap<Key, AtomicLong> counts = new ConcurrentHashMap<>();

    public void record(Key key) {
        Key k = counts.size() >= MAX_KEYS && !counts.containsKey(key)
                ? new Key(key.provider(), "", "(others)", "", "", "", "more distinct calls than cloudmock keeps") : key;
        counts.computeIfAbsent(k, x -> new AtomicLong()).incrementAndGet();
    }

    /** Most asked first. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new Entry(k, v.get())));
        out.sort(Comparator.comparingLong(Entry::count).reversed()
                .thenComparing(e -> e.key().provider() + " " + e.key().path() + " " + e.key().action() + " " + e.key().parameter()));
        return out;
    }

    public void clear() { counts.clear(); }
}
