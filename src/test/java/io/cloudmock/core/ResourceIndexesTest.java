package io.cloudmock.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The account's compact indexes must answer as the JDK collections they replaced: a kind's resources and a
 * target's referrers come out in the order a {@code LinkedHashSet} keeps, and ids find what a {@code HashMap} finds.
 */
class ResourceIndexesTest {

    private static List<Resource> resources(int n) {
        List<Resource> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Resource("p", "k", "a", Integer.toString(10_000_000 + i), "RUN", Instant.EPOCH, Map.of()));
        }
        return out;
    }

    @Test
    void resourceSetKeepsTheOrderAndMembersOfALinkedHashSet() {
        Random random = new Random(7);
        List<Resource> pool = resources(300);
        for (int round = 0; round < 60; round++) {
            LinkedHashSet<Resource> expected = new LinkedHashSet<>();
            ResourceSet actual = new ResourceSet();
            int ops = 50 + random.nextInt(2000);
            // small pools stay under the linear size, large ones cross it both ways
            int span = round % 3 == 0 ? 6 : pool.size();
            for (int op = 0; op < ops; op++) {
                Resource r = pool.get(random.nextInt(span));
                if (random.nextInt(3) < 2) assertEquals(expected.add(r), actual.add(r));
                else assertEquals(expected.remove(r), actual.remove(r));
                assertEquals(expected.size(), actual.size());
                if (op % 17 == 0) {
                    assertEquals(new ArrayList<>(expected), new ArrayList<>(actual));
                    Resource probe = pool.get(random.nextInt(span));
                    assertEquals(expected.contains(probe), actual.contains(probe));
                    assertEquals(expected.isEmpty() ? null : expected.iterator().next(), actual.first());
                }
            }
            assertEquals(new ArrayList<>(expected), new ArrayList<>(actual));
        }
    }

    @Test
    void resourceSetIsByIdentityAndFailsFastAsTheJdkSetDoes() {
        Resource a = resources(1).get(0);
        Resource twin = new Resource("p", "k", "a", a.id(), "RUN", Instant.EPOCH, Map.of());
        ResourceSet s = new ResourceSet(a);
        assertTrue(s.add(twin));
        assertFalse(s.add(a));
        assertEquals(List.of(a, twin), new ArrayList<>(s));
        Iterator<Resource> it = s.iterator();
        it.next();
        s.remove(a);
        assertThrows(ConcurrentModificationException.class, it::next);
    }

    @Test
    void resourceIndexFindsWhatAHashMapFinds() {
        Random random = new Random(11);
        List<Resource> pool = resources(5000);
        Map<String, Resource> expected = new HashMap<>();
        ResourceIndex actual = new ResourceIndex();
        for (int op = 0; op < 40_000; op++) {
            Resource r = pool.get(random.nextInt(pool.size()));
            if (random.nextInt(5) < 3) {
                assertSame(expected.putIfAbsent(r.id(), r), actual.putIfAbsent(r));
            } else {
                assertEquals(expected.remove(r.id(), r), actual.remove(r));
            }
            assertEquals(expected.size(), actual.size());
            String probe = pool.get(random.nextInt(pool.size())).id();
            assertSame(expected.get(probe), actual.get(probe));
        }
        for (Resource r : pool) assertSame(expected.get(r.id()), actual.get(r.id()));
        assertNull(actual.get("nope"));
    }

    @Test
    void resourceIndexRemovesOnlyTheResourceItHolds() {
        Resource a = resources(1).get(0);
        Resource twin = new Resource("p", "k", "a", a.id(), "RUN", Instant.EPOCH, Map.of());
        ResourceIndex index = new ResourceIndex();
        assertNull(index.putIfAbsent(a));
        assertSame(a, index.putIfAbsent(twin));
        assertFalse(index.remove(twin));
        assertSame(a, index.get(a.id()));
        assertTrue(index.remove(a));
        assertNull(index.get(a.id()));
    }

    @Test
    void equalImmutableValuesAreSharedAndChangeableOnesNever() {
        Map<String, Object> a = new CompactMap<>();
        Map<String, Object> b = new CompactMap<>();
        for (Map<String, Object> m : List.of(a, b)) {
            m.put("memorySize", Long.valueOf(4294967296L));
            m.put("vpc", List.of(new String("10000003".toCharArray())));
            m.put("nos", new ArrayList<>(List.of("10000010")));
        }
        assertSame(a.get("memorySize"), b.get("memorySize"));
        assertSame(a.get("vpc"), b.get("vpc"));
        assertNotSame(a.get("nos"), b.get("nos"));
        assertEquals(a, b);
    }
}
