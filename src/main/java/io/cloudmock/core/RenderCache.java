package io.cloudmock.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered list items (a server's JSON or XML at its depth in the document), kept while nothing in the process
 * has changed ({@link Mutations}): listing 20 servers again and again renders each of them once. Bounded, so
 * paging through 100,000 servers keeps at most {@value #MAX} items, and forgotten as soon as anything changes.
 */
public final class RenderCache {
    private static final int MAX = 4096;

    private record Key(Resource resource, String variant) {}

    private record Entry(long version, String text) {}

    private static final ConcurrentHashMap<Key, Entry> ITEMS = new ConcurrentHashMap<>();
    private static volatile long cleared = -1;

    private RenderCache() {}

    /**
     * The item as {@code render} makes it, from the cache when nothing has changed since it was made. The caller
     * holds the resource's account lock, so the resource does not change while it is rendered.
     */
    public static String get(Resource resource, String variant, Supplier<String> render) {
        return get(resource, variant, Mutations.count(), render);
    }

    /**
     * The item as it was at {@code version} (the {@link Mutations} count when the caller took its view, under
     * the account lock): a render that happens later, outside the lock, serves or stores only the bytes of that
     * version. Every write to a resource bumps the count first, so one version is one content.
     */
    public static String get(Resource resource, String variant, long version, Supplier<String> render) {
        long now = Mutations.count();
        if (cleared != now) {
            // stale entries are never served (each carries its version); dropping them only frees memory
            cleared = now;
            ITEMS.clear();
        }
        Key key = new Key(resource, variant);
        Entry e = ITEMS.get(key);
        if (e != null && e.version() == version) return e.text();
        String text = render.get();
        if (version == now && ITEMS.size() < MAX) ITEMS.put(key, new Entry(version, text));
        return text;
    }
}
