package io.cloudmock.core;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A resource's rendered items last while it is unchanged, are made again when it changes, and stay bounded. */
class RenderCacheTest {

    private static Resource server(String id) {
        return new Resource("test", "server", "a", id, "RUN", Instant.EPOCH, Map.of("name", "n" + id));
    }

    private static int[] views = new int[1];

    private static RenderCache.Entry entry(Resource r) {
        return RenderCache.entry(r, "test view", () -> { views[0]++; return r.state() + " " + r.fields(); });
    }

    @Test
    void anEntryLastsUntilItsResourceChanges() {
        Resource r = server("1");
        Resource other = server("2");
        RenderCache.Entry first = entry(r);
        assertSame(first, entry(r));
        other.fields().put("name", "changed");
        other.force("STOP", Instant.EPOCH);
        assertSame(first, entry(r), "another resource's change keeps this one's entry");

        r.fields().put("name", "renamed");
        RenderCache.Entry renamed = entry(r);
        assertNotSame(first, renamed);
        assertEquals("RUN {name=renamed}", renamed.view());
        r.force("STOP", Instant.EPOCH);
        RenderCache.Entry stopped = entry(r);
        assertEquals("STOP {name=renamed}", stopped.view());
        r.fields().remove("name");
        assertEquals("STOP {}", entry(r).view());
        r.fields().put("name", "x");
        r.fields().entrySet().iterator().next().setValue("y");
        assertEquals("STOP {name=y}", entry(r).view());
    }

    @Test
    void formsAreRenderedOncePerEntry() {
        Resource r = server("3");
        RenderCache.Entry e = entry(r);
        int[] renders = new int[1];
        for (int k = 0; k < 5; k++) {
            assertEquals("json:" + e.view(), e.form(2, v -> { renders[0]++; return "json:" + v; }));
            assertEquals("xml:" + e.view(), e.form("xml", v -> { renders[0]++; return "xml:" + v; }));
        }
        assertEquals(2, renders[0]);
    }

    @Test
    void staysBounded() {
        List<Resource> many = new ArrayList<>();
        for (int k = 0; k < RenderCache.MAX * 2 + 10; k++) many.add(server("b" + k));
        for (Resource r : many) {
            entry(r);
            assertTrue(RenderCache.size() <= RenderCache.MAX, "held " + RenderCache.size());
        }
        // and it still caches after it has filled once
        Resource last = many.get(many.size() - 1);
        assertSame(entry(last), entry(last));
    }
}
