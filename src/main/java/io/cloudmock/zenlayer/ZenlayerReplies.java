package io.cloudmock.zenlayer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiFunction;

/**
 * The bytes of the last few successful answers, cut where their request id goes (twice: outside and inside
 * {@code response}): the same answer asked for again (a Describe* of unchanged resources) is those bytes with the
 * new id pasted in, with no rendering. A response is the same when its fields, in order, are equal, all but its
 * own {@code requestId}; a kept one is a copy, so a tree changed later in place is never mistaken for it.
 */
final class ZenlayerReplies {
    private ZenlayerReplies() {}

    private record Kept(ObjectNode response, byte[][] parts) {}

    private static final int SLOTS = 8;
    private static final AtomicReferenceArray<Kept> KEPT = new AtomicReferenceArray<>(SLOTS);
    private static final AtomicInteger NEXT = new AtomicInteger();
    /** An id no answer holds (checked: it must occur exactly where the two ids go). */
    private static final String SLOT = "T" + Long.toHexString(new java.security.SecureRandom().nextLong()).toUpperCase() + "CLOUDMOCKRID";

    /** The answer in parts around the request id (the kept parts are shared, never copied), or in one part. */
    static byte[][] parts(String requestId, ObjectNode response, BiFunction<String, ObjectNode, byte[]> render) {
        if (!plain(requestId) || !requestId.equals(response.path("requestId").textValue())) return one(render.apply(requestId, response));
        for (int k = 0; k < SLOTS; k++) {
            Kept kept = KEPT.get(k);
            if (kept != null && same(kept.response(), response, true)) return paste(kept.parts(), requestId);
        }
        if (!immutableLeaves(response)) return one(render.apply(requestId, response));
        ObjectNode copy = response.deepCopy();
        copy.put("requestId", SLOT);
        String whole = new String(render.apply(SLOT, copy), StandardCharsets.UTF_8);
        List<byte[]> parts = new ArrayList<>(3);
        int from = 0;
        for (int at = whole.indexOf(SLOT); at >= 0; at = whole.indexOf(SLOT, from)) {
            parts.add(whole.substring(from, at).getBytes(StandardCharsets.UTF_8));
            from = at + SLOT.length();
        }
        parts.add(whole.substring(from).getBytes(StandardCharsets.UTF_8));
        if (parts.size() != 3) return one(render.apply(requestId, response));
        Kept kept = new Kept(copy, parts.toArray(new byte[0][]));
        KEPT.set(Math.floorMod(NEXT.getAndIncrement(), SLOTS), kept);
        return paste(kept.parts(), requestId);
    }

    /** Forgets every answer kept (tests: a cached answer against a fresh one). */
    static void clear() { for (int k = 0; k < SLOTS; k++) KEPT.set(k, null); }

    private static byte[][] one(byte[] body) { return new byte[][] {body}; }

    /** The kept parts with the id between each two (plain ASCII, see {@code plain}). */
    private static byte[][] paste(byte[][] parts, String id) {
        byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
        byte[][] out = new byte[parts.length * 2 - 1][];
        for (int k = 0; k < parts.length; k++) {
            out[2 * k] = parts[k];
            if (k > 0) out[2 * k - 1] = idBytes;
        }
        return out;
    }

    private static boolean plain(String s) {
        if (s == null) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) return false;
        }
        return true;
    }

    /** Only raw values (immutable text) among the POJOs: everything else of a tree is copied by deepCopy. */
    private static boolean immutableLeaves(JsonNode n) {
        if (n instanceof POJONode p) return p.getPojo() instanceof RawValue;
        if (n.isContainerNode()) for (JsonNode c : n) if (!immutableLeaves(c)) return false;
        return true;
    }

    /** Written alike: the same fields in the same order, equal values of the same node types. */
    static boolean same(JsonNode a, JsonNode b, boolean top) {
        if (a instanceof ObjectNode oa) {
            if (!(b instanceof ObjectNode ob) || oa.size() != ob.size()) return false;
            Iterator<Map.Entry<String, JsonNode>> ia = oa.fields();
            Iterator<Map.Entry<String, JsonNode>> ib = ob.fields();
            while (ia.hasNext()) {
                Map.Entry<String, JsonNode> ea = ia.next();
                Map.Entry<String, JsonNode> eb = ib.next();
                if (!ea.getKey().equals(eb.getKey())) return false;
                if (top && ea.getKey().equals("requestId")) continue;
                if (!same(ea.getValue(), eb.getValue(), false)) return false;
            }
            return true;
        }
        if (a instanceof ArrayNode aa) {
            if (!(b instanceof ArrayNode ab) || aa.size() != ab.size()) return false;
            for (int k = 0; k < aa.size(); k++) if (!same(aa.get(k), ab.get(k), false)) return false;
            return true;
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }
}
