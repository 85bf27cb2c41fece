package io.cloudmock.ncp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A kept answer is served only for a payload that renders alike, whatever happened to the payload it came from. */
class NcpEnvelopesTest {

    private static Map<String, Object> payload(List<Map<String, Object>> items) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("totalRows", items.size());
        p.put("thingList", new NcpList("thing", items));
        return p;
    }

    private static Map<String, Object> thing(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("size", 1);
        return m;
    }

    private static void assertRendersAsFormat(Map<String, Object> payload, String requestId) {
        for (NcpFormat f : NcpFormat.values()) {
            String expected = f.success("getThingList", payload, requestId);
            assertEquals(expected, new String(io.cloudmock.core.Reply.join(NcpEnvelopes.parts(f, "getThingList", payload, requestId)), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theSameAnswerTakesEachRequestId() {
        List<Map<String, Object>> items = new ArrayList<>(List.of(thing("a"), thing("b")));
        assertRendersAsFormat(payload(items), "rid-1");
        assertRendersAsFormat(payload(items), "rid-2");
        // ids that would need escaping are rendered whole, not pasted
        assertRendersAsFormat(payload(items), "a\"<b>&\u0001");
        assertRendersAsFormat(payload(items), "");
    }

    @Test
    void aPayloadChangedInPlaceIsRenderedAgain() {
        List<Map<String, Object>> items = new ArrayList<>(List.of(thing("a"), thing("b")));
        Map<String, Object> p = payload(items);
        assertRendersAsFormat(p, "rid");
        items.get(1).put("name", "changed");
        assertRendersAsFormat(p, "rid");
        items.add(thing("c"));
        assertRendersAsFormat(p, "rid");
        p.put("totalRows", 3);
        assertRendersAsFormat(p, "rid");
    }

    @Test
    void equalMapsInAnotherOrderOrOfOtherTypesAreNotTheSame() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", "2");
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", 1);
        assertEquals(ab, ba);
        assertFalse(NcpEnvelopes.same(ab, ba));
        assertRendersAsFormat(ab, "rid");
        assertRendersAsFormat(ba, "rid");
        Map<String, Object> longs = new LinkedHashMap<>(Map.of("a", 1L));
        Map<String, Object> strings = new LinkedHashMap<>(Map.of("a", "1"));
        assertFalse(NcpEnvelopes.same(longs, strings));
        assertTrue(NcpEnvelopes.same(List.of(thing("x")), new ArrayList<>(List.of(thing("x")))));
    }

    @Test
    void aPayloadHoldingTheSlotTextIsStillRight() {
        // whatever a client stores (here: text that looks like a request id) never ends up pasted over
        List<Map<String, Object>> items = new ArrayList<>(List.of(thing("rid-x"), thing("cloudmock")));
        assertRendersAsFormat(payload(items), "rid-x");
    }
}
