package io.cloudmock.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What is rendered from one resource alone (a listed server's view, then its JSON and XML at their depths), kept
 * while that resource stays at the same {@link Resource#version()}: listing 20 servers again and again builds each
 * view once and renders each of it once per form, and a change to another resource (in this account or any
 * other) keeps them. Only for views that read nothing but the resource's own fields, state and references.
 *
 * <p>Bounded: at {@value #MAX} items the cache is emptied and fills again, so paging through 100,000 servers holds
 * at most that many, and the resources of a reset or imported state are forgotten in time.
 */
public final class RenderCache {
    static final int MAX = 4096;

    private record Key(Resource resource, String variant) {}

    private static final ConcurrentHashMap<Key, Entry> ITEMS = new ConcurrentHashMap<>();

    private RenderCache() {}

    /**
     * One resource's view at one version, and its renderings. The view is a snapshot made under the account lock,
     * so the renderings, made later outside it, show that version and no other, even if the resource has changed
     * or gone meanwhile.
     */
    public static final class Entry {
        /** At most this many forms per item (a server is listed at two or three depths and names at most). */
        private static final int FORMS = 8;

        private final long version;
        private final Object view;
        /** Pairs of (form, rendering), replaced whole when one is added. */
        private volatile Object[] forms = new Object[0];

        private Entry(long version, Object view) {
            this.version = version;
            this.view = view;
        }

        public Object view() { return view; }

        /** The view rendered in {@code form} (compared with {@code equals}), rendered once. */
        @SuppressWarnings("unchecked")
        public <T> T form(Object form, Function<Object, T> render) {
            Object[] f = forms;
            for (int i = 0; i < f.length; i += 2) if (f[i].equals(form)) return (T) f[i + 1];
            T made = render.apply(view);
            if (f.length < 2 * FORMS) {
                synchronized (this) {
                    Object[] now = forms;
                    Object[] more = java.util.Arrays.copyOf(now, now.length + 2);
                    more[now.length] = form;
                    more[now.length + 1] = made;
                    forms = more;
                }
            }
            return made;
        }
    }

    /**
     * The entry of {@code resource}'s {@code variant} at its current version, with the view {@code view} makes
     * only when there is none yet. The caller holds the resource's account lock (so the version and the view agree);
     * equal entries (the same object) mean unchanged items, which a reply cache may compare.
     */
    public static Entry entry(Resource resource, String variant, Supplier<?> view) {
        Key key = new Key(resource, variant);
        long version = resource.version();
        Entry e = ITEMS.get(key);
        if (e != null && e.version == version) return e;
        e = new Entry(version, view.get());
        if (ITEMS.size() >= MAX) ITEMS.clear();
        ITEMS.put(key, e);
        return e;
    }

    /** The item as {@code render} makes it from the resource, rendered once per version (under the account lock). */
    public static String get(Resource resource, String variant, Supplier<String> render) {
        return (String) entry(resource, variant, render).view();
    }

    /** How many items are held (for the tests of the bound). */
    static int size() { return ITEMS.size(); }

    /** Forgets every item: the tests compare what the cache serves with what a fresh rendering makes. */
    public static void clear() { ITEMS.clear(); }
}
