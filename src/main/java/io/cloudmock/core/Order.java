package io.cloudmock.core;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The order of a sorted list: a sort key read from each resource and how keys compare. Resources with equal keys
 * keep their creation order, as a stable sort of a list in creation order keeps them (descending orders too: the
 * keys are reversed, not the ties). A key and not a comparator of resources, so that sorting 100,000 reads each
 * resource's key once, not twice a comparison.
 */
public record Order<K>(Function<Resource, ? extends K> key, Comparator<? super K> compare) {
    public static <K extends Comparable<? super K>> Order<K> by(Function<Resource, ? extends K> key) {
        return new Order<>(key, Comparator.naturalOrder());
    }

    /** The same keys, the other way round (ties still in creation order). */
    public Order<K> reversed() { return new Order<>(key, compare.reversed()); }

    /** The whole order, ties broken by creation: no two resources compare equal. */
    Comparator<Resource> total() {
        return (a, b) -> {
            int c = compare.compare(key.apply(a), key.apply(b));
            return c != 0 ? c : Long.compare(a.ordinal, b.ordinal);
        };
    }

    /** {@code found} sorted, each key read once. */
    Resource[] sort(List<Resource> found) {
        Resource[] fast = found.size() >= TextKeys.FROM ? TextKeys.sort(found, key, compare) : null;
        if (fast != null) return fast;
        @SuppressWarnings("unchecked") Keyed<K>[] keyed = new Keyed[found.size()];
        for (int i = 0; i < keyed.length; i++) {
            Resource r = found.get(i);
            keyed[i] = new Keyed<>(key.apply(r), r);
        }
        java.util.Arrays.sort(keyed, (a, b) -> {
            int c = compare.compare(a.key, b.key);
            return c != 0 ? c : Long.compare(a.resource.ordinal, b.resource.ordinal);
        });
        Resource[] out = new Resource[keyed.length];
        for (int i = 0; i < out.length; i++) out[i] = keyed[i].resource;
        return out;
    }

    private record Keyed<K>(K key, Resource resource) {}
}
