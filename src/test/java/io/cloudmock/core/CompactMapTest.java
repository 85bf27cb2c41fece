package io.cloudmock.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact field map must behave as the LinkedHashMap it replaced: the wire bytes follow its order. */
class CompactMapTest {

    @Test
    void behavesAsALinkedHashMapUnderRandomPutsAndRemoves() {
        Random random = new Random(12);
        for (int round = 0; round < 200; round++) {
            Map<String, Object> expected = new LinkedHashMap<>();
            Map<String, Object> actual = new CompactMap<>();
            for (int op = 0; op < 60; op++) {
                String key = "k" + random.nextInt(20);
                int what = random.nextInt(10);
                if (what < 6) {
                    Object value = random.nextInt(4) == 0 ? null : "v" + random.nextInt(5);
                    assertEquals(expected.put(key, value), actual.put(key, value));
                } else if (what < 8) {
                    assertEquals(expected.remove(key), actual.remove(key));
                } else if (what == 8 && !expected.isEmpty()) {
                    // remove through the iterator, every other entry
                    Iterator<Map.Entry<String, Object>> e = expected.entrySet().iterator();
                    Iterator<Map.Entry<String, Object>> a = actual.entrySet().iterator();
                    for (int i = 0; e.hasNext(); i++) {
                        assertEquals(e.next(), a.next());
                        if (i % 2 == 1) { e.remove(); a.remove(); }
                    }
                    assertEquals(e.hasNext(), a.hasNext());
                } else {
                    for (Map.Entry<String, Object> a : actual.entrySet()) a.setValue(a.getKey() + "!");
                    for (Map.Entry<String, Object> e : expected.entrySet()) e.setValue(e.getKey() + "!");
                }
                assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(actual.entrySet()));
                assertEquals(expected, actual);
                assertEquals(actual, expected);
                assertEquals(expected.hashCode(), actual.hashCode());
                assertEquals(expected.containsKey(key), actual.containsKey(key));
                assertEquals(expected.get(key), actual.get(key));
            }
            assertEquals(expected, new CompactMap<>(actual));
            assertEquals(expected, new CompactMap<>(expected));
        }
    }

    @Test
    void mapsFilledAlikeShareOneShapeAndEqualShortStrings() throws Exception {
        Map<String, Object> a = new CompactMap<>();
        Map<String, Object> b = new CompactMap<>();
        for (String k : List.of("serverName", "zoneCode", "status")) {
            a.put(k, new String("RUN".toCharArray()));
            b.put(k, new String("RUN".toCharArray()));
        }
        var shape = CompactMap.class.getDeclaredField("shape");
        shape.setAccessible(true);
        assertSame(shape.get(a), shape.get(b));
        assertSame(a.get("status"), b.get("status"));
    }

    @Test
    void aChangeWhileIteratingFailsAsTheJdkMapDoes() {
        Map<String, Object> m = new CompactMap<>(Map.of("a", 1, "b", 2));
        Iterator<String> keys = m.keySet().iterator();
        keys.next();
        m.put("c", 3);
        assertThrows(ConcurrentModificationException.class, keys::next);
        assertTrue(m.containsKey("c"));
    }
}
