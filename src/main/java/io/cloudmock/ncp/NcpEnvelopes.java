package io.cloudmock.ncp;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes of the last successful answer of each action and format, around its request id: the same list asked
 * for again (nothing in it changed: the same totals, the same item entries, equal plain values in the same order)
 * is answered with those bytes and the new request id between them, in parts that the transport copies once into
 * its send buffer ({@code HttpCall}), with no rendering at all.
 *
 * <p>Kept only when the payload alone decides the bytes, which holds for every NCP payload (maps, {@link NcpList}s,
 * {@link NcpFormat.Item}s and plain values); compared in order, since two maps equal as maps may be written in
 * different orders. Bounded by the number of actions: one answer each.
 */
final class NcpEnvelopes {
    private NcpEnvelopes() {}

    private record Envelope(Object payload, byte[] head, byte[] tail) {}

    /** A request id no payload holds (checked: it must occur once in the rendered answer). */
    private static final String SLOT = "cloudmock" + Long.toHexString(new java.security.SecureRandom().nextLong()) + "rid";

    @SuppressWarnings("unchecked")
    private static final ConcurrentHashMap<String, Envelope>[] LAST = new ConcurrentHashMap[] {
            new ConcurrentHashMap<>(), new ConcurrentHashMap<>()};

    /** The answer as the kept head, the request id and the kept tail (shared, never copied), or in one part. */
    static byte[][] parts(NcpFormat format, String action, Map<String, Object> payload, String requestId) {
        if (!plain(requestId)) return one(bytes(format.success(action, payload, requestId)));
        ConcurrentHashMap<String, Envelope> last = LAST[format.ordinal()];
        Envelope e = last.get(action);
        if (e == null || !same(e.payload(), payload)) {
            Object kept = snapshot(payload);
            if (kept == null) return one(bytes(format.success(action, payload, requestId)));
            String whole = format.success(action, payload, SLOT);
            int at = whole.indexOf(SLOT);
            if (at < 0 || whole.indexOf(SLOT, at + 1) >= 0) return one(bytes(format.success(action, payload, requestId)));
            e = new Envelope(kept, bytes(whole.substring(0, at)), bytes(whole.substring(at + SLOT.length())));
            last.put(action, e);
        }
        return new byte[][] {e.head(), requestId.getBytes(StandardCharsets.US_ASCII), e.tail()};
    }

    private static byte[][] one(byte[] body) { return new byte[][] {body}; }

    /** Forgets every answer kept (tests: a cached answer against a fresh one). */
    static void clear() { for (ConcurrentHashMap<String, Envelope> m : LAST) m.clear(); }

    /** Written alike, byte for byte, inside a JSON string and an XML element: no escaping to think of. */
    private static boolean plain(String s) {
        if (s == null) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Renders alike: the same items, and plain values equal in the same order. Containers are compared by content,
     * never by identity, since a kept payload is a copy ({@link #snapshot}) and a live one may have changed in place.
     */
    static boolean same(Object a, Object b) {
        if (a instanceof Map<?, ?> ma) {
            if (!(b instanceof Map<?, ?> mb) || ma.size() != mb.size()) return false;
            Iterator<? extends Map.Entry<?, ?>> ia = ma.entrySet().iterator();
            Iterator<? extends Map.Entry<?, ?>> ib = mb.entrySet().iterator();
            while (ia.hasNext()) {
                Map.Entry<?, ?> ea = ia.next();
                Map.Entry<?, ?> eb = ib.next();
                if (!ea.getKey().equals(eb.getKey()) || !same(ea.getValue(), eb.getValue())) return false;
            }
            return true;
        }
        if (a instanceof NcpList la) {
            return b instanceof NcpList lb && la.item().equals(lb.item()) && same(la.items(), lb.items());
        }
        if (a instanceof List<?> la) {
            if (!(b instanceof List<?> lb) || la.size() != lb.size()) return false;
            for (int i = 0; i < la.size(); i++) if (!same(la.get(i), lb.get(i))) return false;
            return true;
        }
        if (a == null || b == null) return a == b;
        return a.getClass() == b.getClass() && a.equals(b);
    }

    /** Classes whose values never change: a payload of only these, maps and lists can be kept as a copy. */
    private static final java.util.Set<Class<?>> IMMUTABLE = java.util.Set.of(String.class, Integer.class, Long.class,
            Short.class, Byte.class, Double.class, Float.class, Boolean.class, Character.class,
            java.math.BigDecimal.class, java.math.BigInteger.class, NcpFormat.Item.class);

    /** A copy that no later change to the payload's maps and lists reaches; null when a value is of another kind. */
    static Object snapshot(Object v) {
        if (v == null || IMMUTABLE.contains(v.getClass())) return v;
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new java.util.LinkedHashMap<>(m.size() * 2);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object value = snapshot(e.getValue());
                if (value == null && e.getValue() != null) return null;
                copy.put(e.getKey(), value);
            }
            return copy;
        }
        if (v instanceof NcpList l) {
            Object items = snapshot(l.items());
            return items == null ? null : new NcpList(l.item(), (List<?>) items);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new java.util.ArrayList<>(l.size());
            for (Object o : l) {
                Object value = snapshot(o);
                if (value == null && o != null) return null;
                copy.add(value);
            }
            return copy;
        }
        return null;
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
