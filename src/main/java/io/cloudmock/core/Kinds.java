package io.cloudmock.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Every registered resource kind, by provider and kind name. Providers register theirs at construction. */
public final class Kinds {
    private final Map<String, ResourceKind> byKey = new ConcurrentHashMap<>();

    static String key(String provider, String kind) { return provider + "/" + kind; }

    public void register(ResourceKind kind) {
        if (byKey.putIfAbsent(key(kind.provider(), kind.kind()), kind) != null) {
            throw new IllegalArgumentException("kind " + kind.kind() + " of " + kind.provider() + " registered twice");
        }
    }

    /** The kind, or null when the provider has no such kind. */
    public ResourceKind get(String provider, String kind) { return byKey.get(key(provider, kind)); }

    /** The kind of a resource (always registered: resources are made from their kind). */
    public ResourceKind of(Resource r) {
        ResourceKind k = get(r.provider(), r.kind());
        if (k == null) throw new IllegalStateException("no kind " + r.kind() + " of " + r.provider());
        return k;
    }

    /** The provider's servers (NCP) or instances (Zenlayer), or null for an unknown provider. */
    public ResourceKind instanceKind(String provider) {
        for (ResourceKind k : byKey.values()) if (k.provider().equals(provider) && k.isInstance()) return k;
        return null;
    }

    public Collection<ResourceKind> all() { return byKey.values(); }

    /** Every kind of one provider, sorted by kind name. */
    public List<ResourceKind> of(String provider) {
        List<ResourceKind> out = new ArrayList<>();
        for (ResourceKind k : byKey.values()) if (k.provider().equals(provider)) out.add(k);
        out.sort((a, b) -> a.kind().compareTo(b.kind()));
        return out;
    }

    /** Provider names, sorted. */
    public List<String> providers() {
        TreeSet<String> names = new TreeSet<>();
        for (ResourceKind k : byKey.values()) names.add(k.provider());
        return new ArrayList<>(names);
    }

    public boolean knowsProvider(String provider) { return providers().contains(provider); }
}
