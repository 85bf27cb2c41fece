package io.cloudmock.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole state as JSON ({@code GET/PUT /_cloudmock/state}, {@code --state-file}):
 * <pre>{@code
 * {"format": "cloudmock-state", "version": 1, "nextId": 10000042,
 *  "clock": {"manual": true, "now": "2026-01-01T00:00:00Z"},
 *  "accounts": [{"name": "default", "instances": [
 *      {"provider": "ncp", "kind": "server", "id": "10000001", "state": "INIT", "path": ["RUN"], "since": "...", "fields": {...}}]}]}
 * }</pre>
 * {@code path} is what remains of a transition under way, so a restored instance finishes it.
 * Journal and fault rules are not part of the state.
 */
public final class StateSnapshot {
    public static final String FORMAT = "cloudmock-state";
    /** Far from overflow: ids are decimal strings of a long and must stay positive. */
    static final long MAX_NEXT_ID = 1_000_000_000_000_000_000L;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private StateSnapshot() {}

    /**
     * Reads every account under its own lock (instances are settled to the current time first), all while no
     * import can swap the state, so the export is one state.
     */
    public static ObjectNode export(Backend backend) {
        return backend.store().consistently(() -> exportNow(backend));
    }

    private static ObjectNode exportNow(Backend backend) {
        // the id counter too: providers also number things inside fields (Zenlayer disks), which restore cannot see
        ObjectNode root = Json.MAPPER.createObjectNode().put("format", FORMAT).put("version", 1)
                .put("nextId", backend.ids().peek());
        ObjectNode clock = root.putObject("clock").put("manual", backend.clock().isManual());
        if (backend.clock().isManual()) clock.put("now", backend.clock().now().toString());
        List<ResourceKind> kinds = new ArrayList<>(backend.kinds().all());
        kinds.sort(java.util.Comparator.comparing(ResourceKind::provider).thenComparing(ResourceKind::kind));
        ArrayNode accounts = root.putArray("accounts");
        for (Account account : backend.store().accounts()) {
            ArrayNode list = account.atomically(tx -> {
                ArrayNode out = Json.MAPPER.createArrayNode();
                for (ResourceKind k : kinds) {
                    for (Resource i : tx.view(k.provider(), k.kind())) out.add(node(i));
                }
                return out;
            });
            if (list.isEmpty()) continue;
            ObjectNode a = accounts.addObject().put("name", account.name());
            a.set("instances", list);
        }
        return root;
    }

    /** One entry of an account's {@code instances} (call under the resource's account lock). */
    static ObjectNode node(Resource i) {
        ObjectNode n = Json.MAPPER.createObjectNode()
                .put("provider", i.provider())
                .put("kind", i.kind())
                .put("id", i.id())
                .put("state", i.state());
        ArrayNode path = n.putArray("path");
        i.path().forEach(path::add);
        n.put("since", i.since().toString());
        n.set("fields", Json.MAPPER.valueToTree(i.fields()));
        if (!i.references().isEmpty()) n.set("references", ResourceJson.references(i));
        return n;
    }

    /**
     * Replaces the whole state with {@code snapshot}. Everything is checked before anything changes;
     * IllegalArgumentException names the first problem.
     */
    public static void restore(Backend backend, JsonNode snapshot) {
        if (snapshot == null || !snapshot.isObject()) throw new IllegalArgumentException("the state must be a JSON object");
        JsonNode format = snapshot.get("format");
        if (format != null && !FORMAT.equals(format.asText())) {
            throw new IllegalArgumentException("format must be '" + FORMAT + "', not '" + format.asText() + "'");
        }
        JsonNode version = snapshot.get("version");
        if (version != null && version.asInt() != 1) {
            throw new IllegalArgumentException("this cloudmock reads state version 1, not " + version.asText());
        }
        JsonNode nextId = snapshot.get("nextId");
        if (nextId != null && !nextId.isNull() && !(nextId.isIntegralNumber() && nextId.canConvertToLong()
                && nextId.asLong() >= 0 && nextId.asLong() <= MAX_NEXT_ID)) {
            throw new IllegalArgumentException("nextId must be an integer from 0 to " + MAX_NEXT_ID);
        }
        Instant clockNow = null;
        JsonNode clock = snapshot.get("clock");
        if (clock != null && clock.hasNonNull("now")) clockNow = instant(clock.get("now"), "clock.now");

        JsonNode accounts = snapshot.get("accounts");
        if (accounts == null || !accounts.isArray()) {
            throw new IllegalArgumentException("accounts must be an array (an empty one clears every instance)");
        }
        List<Resource> restored = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int a = 0;
        for (JsonNode acc : accounts) {
            String where = "accounts[" + a++ + "]";
            if (!acc.isObject()) throw new IllegalArgumentException(where + " must be an object");
            String name = text(acc, "name", where);
            JsonNode instances = acc.get("instances");
            if (instances == null || instances.isNull()) continue;
            if (!instances.isArray()) throw new IllegalArgumentException(where + ".instances must be an array");
            int n = 0;
            for (JsonNode in : instances) {
                String w = where + ".instances[" + n++ + "]";
                if (!in.isObject()) throw new IllegalArgumentException(w + " must be an object");
                String provider = text(in, "provider", w);
                ResourceKind model;
                try {
                    model = ResourceSpec.kind(backend, provider, in.hasNonNull("kind") ? text(in, "kind", w) : null);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(w + ": " + e.getMessage());
                }
                String id = text(in, "id", w);
                // ids are unique per provider, whatever the kind
                if (!seen.add(name + "\n" + provider + "\n" + id)) {
                    throw new IllegalArgumentException(w + ": instance " + provider + "/" + id + " appears twice in account " + name);
                }
                String state = stateOf(model, text(in, "state", w), w);
                List<String> path = new ArrayList<>();
                JsonNode p = in.get("path");
                if (p != null && !p.isNull()) {
                    if (!p.isArray()) throw new IllegalArgumentException(w + ".path must be an array of states");
                    for (int k = 0; k < p.size(); k++) {
                        String s = p.get(k).asText();
                        boolean last = k == p.size() - 1;
                        if (!(last && Transition.GONE.equals(s))) stateOf(model, s, w + ".path");
                        path.add(s);
                    }
                }
                Instant since = in.hasNonNull("since") ? instant(in.get("since"), w + ".since") : backend.clock().now();
                Map<String, Object> fields = Map.of();
                JsonNode f = in.get("fields");
                if (f != null) {
                    // null made a resource that no list and no lookup of its provider found
                    if (!f.isObject()) throw new IllegalArgumentException(w + ".fields must be an object (or absent)");
                    FieldLimits.check(f, w + ".fields");
                    fields = Json.MAPPER.convertValue(f, MAP);
                }
                Resource instance = new Resource(provider, model.kind(), name, id, state, since, fields);
                instance.restore(state, path, since);
                ResourceSpec.references(in.get("references"), w + ".references").forEach(instance::setReferences);
                restored.add(instance);
            }
        }

        // references are checked against the imported state itself, before the current one is replaced
        Map<String, Set<String>> present = new java.util.HashMap<>();
        for (Resource i : restored) present.computeIfAbsent(i.account() + "\n" + i.provider(), k -> new HashSet<>()).add(i.kind() + "\n" + i.id());
        for (Resource i : restored) {
            for (Map.Entry<String, List<String>> e : i.references().entrySet()) {
                for (String ref : e.getValue()) {
                    if (!present.getOrDefault(i.account() + "\n" + i.provider(), Set.of()).contains(e.getKey() + "\n" + ref)) {
                        throw new IllegalArgumentException("account " + i.account() + ": " + i.provider() + " " + i.kind() + " "
                                + i.id() + " refers to " + e.getKey() + " " + ref + ", which the state does not hold");
                    }
                }
            }
        }

        // what the live server never lets two resources share: a name in an account, an address in a subnet
        // (ResourceKind.uniqueKeys), a public IP across accounts (ResourceKind.heldValue)
        Map<String, Resource> taken = new java.util.HashMap<>();
        Map<String, Resource> holders = new java.util.HashMap<>();
        for (Resource i : restored) {
            ResourceKind kind = backend.kinds().of(i);
            for (String key : kind.uniqueKeys(i)) {
                Resource other = taken.putIfAbsent(i.account() + "\n" + i.provider() + "\n" + i.kind() + "\n" + key, i);
                if (other != null) {
                    throw new IllegalArgumentException("account " + i.account() + ": " + i.provider() + " " + i.kind() + " " + i.id()
                            + " and " + other.id() + " both have " + key);
                }
            }
            String held = kind.heldValue(i);
            Resource other = held == null ? null : holders.putIfAbsent(held, i);
            if (other != null) {
                throw new IllegalArgumentException("account " + i.account() + ": " + i.provider() + " " + i.kind() + " " + i.id()
                        + " holds " + held + ", which " + other.kind() + " " + other.id() + " of account " + other.account()
                        + " holds too: an address is one account's at a time");
            }
        }

        // one swap that no reader sees half done; ids move past every imported one before any of them is
        // visible, so a create beside the import never gets the id of an imported resource
        Instant now = clockNow;
        backend.store().exclusively(() -> {
            if (nextId != null && !nextId.isNull()) backend.ids().skipTo(nextId.asLong());
            for (Resource i : restored) backend.ids().skipPast(i.id());
            backend.store().clearAccounts();
            if (now != null && backend.clock() instanceof ManualClock manual) manual.set(now);
            for (Resource i : restored) {
                backend.store().account(i.account()).atomically(tx -> {
                    tx.add(i);
                    return null;
                });
            }
            for (Resource i : restored) {
                backend.store().account(i.account()).atomically(tx -> {
                    backend.kinds().of(i).restored(tx, i);
                    return null;
                });
            }
        });
    }

    private static String stateOf(ResourceKind model, String state, String where) {
        try {
            return ResourceSpec.checkState(model, state);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException(where + "." + field + " must be a non-empty string");
        }
        return v.asText();
    }

    private static Instant instant(JsonNode v, String where) {
        Instant t;
        try {
            t = Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
        // a later one would make every settling of a transition overflow (a 500 on every request)
        if (t.isAfter(ManualClock.LATEST)) {
            throw new IllegalArgumentException(where + " must be an instant not after " + ManualClock.LATEST);
        }
        return t;
    }
}
