package io.cloudmock.zenlayer;

import io.cloudmock.core.RenderCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DescribeInstances served from the render caches is byte for byte what a fresh rendering answers, after every kind
 * of change: a handler's, the clock's, a forced state, another account's, a reset and an import.
 */
class ZenlayerListCacheTest extends ZenlayerTestBase {
    private Supplier<String> ids;

    @BeforeEach
    void fixedRequestIds() {
        ids = mock.backend().requestIds();
        mock.backend().requestIds(() -> "00000000-0000-0000-0000-000000000000");
    }

    @AfterEach
    void realRequestIds() { mock.backend().requestIds(ids); }

    private static List<String> lists() {
        List<String> out = new ArrayList<>();
        out.add(ok("DescribeInstances", "{}").extract().asString());
        out.add(ok("DescribeInstances", "{\"pageSize\":1,\"pageNum\":2}").extract().asString());
        out.add(ok("DescribeInstancesStatus", "{}").extract().asString());
        out.add(ok("DescribeDisks", "{}").extract().asString());
        out.add(ok("DescribeSubnets", "{}").extract().asString());
        out.add(ok("DescribeSecurityGroups", "{}").extract().asString());
        return out;
    }

    private static List<String> servedAndFresh() {
        lists();
        List<String> served = lists();
        RenderCache.clear();
        ZenlayerJson.forgetInstances();
        ZenlayerReplies.clear();
        assertEquals(lists(), served, "a cached answer differs from a fresh rendering");
        return served;
    }

    private static List<String> idsOf(String account) {
        List<String> out = new ArrayList<>();
        mock.control().instances("zenlayer", account).forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    @Test
    void everyKindOfChangeShows() {
        mock.control().createInstances("zenlayer", null, "RUNNING", Map.of(), 3);
        List<String> mine = idsOf(null);
        List<String> before = servedAndFresh();

        ok("ModifyInstancesAttribute", "{\"instanceIds\":[\"" + mine.get(1) + "\"],\"instanceName\":\"renamed\"}");
        List<String> renamed = servedAndFresh();
        assertNotEquals(before.get(0), renamed.get(0));
        assertTrue(renamed.get(0).contains("\"instanceName\":\"renamed\""), renamed.get(0));

        ok("StopInstances", "{\"instanceIds\":[\"" + mine.get(0) + "\"]}");
        List<String> stopping = servedAndFresh();
        assertNotEquals(renamed.get(0), stopping.get(0));
        advance(60);
        List<String> stopped = servedAndFresh();
        assertNotEquals(stopping.get(0), stopped.get(0), "the clock settled the stop");
        assertTrue(stopped.get(0).contains("\"instanceStatus\":\"STOPPED\""), stopped.get(0));

        mock.control().forceState("zenlayer", mine.get(2), "STOPPED");
        List<String> forced = servedAndFresh();
        assertNotEquals(stopped.get(0), forced.get(0));

        mock.control().createInstances("zenlayer", "someone-else", "RUNNING", Map.of(), 4);
        mock.control().forceState("zenlayer", "someone-else", idsOf("someone-else").get(0), "STOPPED");
        assertEquals(forced, servedAndFresh(), "another account's changes show nowhere here");

        var state = mock.control().exportState();
        mock.control().reset();
        assertTrue(servedAndFresh().get(0).contains("\"totalCount\":0"));
        mock.control().importState(state);
        assertEquals(forced, servedAndFresh());
    }
}
