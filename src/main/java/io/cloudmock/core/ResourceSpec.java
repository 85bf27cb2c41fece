package io.cloudmock.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resources to create directly ({@code POST /_cloudmock/resources}, {@code POST /_cloudmock/instances},
 * {@code --seed}): a provider and kind, an account, a state the kind's table knows (default: the kind's), fields
 * under the provider's own names, references to other resources of the account, a count.
 */
public record ResourceSpec(ResourceKind kind, String account, String state, Map<String, Object> fields,
                           Map<String, List<String>> references, int count) {

    public static final int MAX_COUNT = 1000;
    private static final Set<String> FIELDS = Set.of("provider", "kind", "account", "state", "fields", "references", "count");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /**
     * Reads and checks one object; IllegalArgumentException with a message fit for the test author. Without a
     * {@code kind} it is the provider's server or instance kind ({@code /_cloudmock/instances} and seeds).
     */
    public static ResourceSpec fromJson(JsonNode body, Backend backend) {
        if (body == null || !body.isObject()) throw new IllegalArgumentException("a resource must be a JSON object");
        if (body.has("id")) {
            throw new IllegalArgumentException("id is chosen by cloudmock; to restore given ids use PUT /_cloudmock/state");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + f
                        + "'; a resource has provider, kind, account, state, fields, references, count");
            }
        }
        JsonNode p = body.get("provider");
        if (p == null || !p.isTextual()) {
            throw new IllegalArgumentException("provider is required; known: " + knownProviders(backend));
        }
        ResourceKind kind = kind(backend, p.asText(), body.hasNonNull("kind") ? textOf(body.get("kind"), "kind") : null);
        String account = ResourceStore.DEFAULT_ACCOUNT;
        JsonNode a = body.get("account");
        if (a != null && !a.isNull()) account = textOf(a, "account");
        String state = kind.defaultState();
        JsonNode s = body.get("state");
        if (s != null && !s.isNull()) {
            if (!s.isTextual()) throw new IllegalArgumentException("state must be a string");
            state = checkState(kind, s.asText());
        }
        Map<String, Object> fields = Map.of();
        JsonNode f = body.get("fields");
        if (f != null && !f.isNull()) {
            if (!f.isObject()) throw new IllegalArgumentException("fields must be a JSON object");
            FieldLimits.check(f, "fields");
            fields = Json.MAPPER.convertValue(f, MAP);
        }
        Map<String, List<String>> references = references(body.get("references"), "references");
        int count = 1;
        JsonNode c = body.get("count");
        if (c != null && !c.isNull()) {
            if (!c.isIntegralNumber() || c.asLong() < 1 || c.asLong() > MAX_COUNT) {
                throw new IllegalArgumentException("count must be an integer from 1 to " + MAX_COUNT);
            }
            count = c.asInt();
        }
        return new ResourceSpec(kind, account, state, fields, references, count);
    }

    /** The named kind of the provider, or its server/instance kind when {@code kind} is null. */
    public static ResourceKind kind(Backend backend, String provider, String kind) {
        if (!backend.kinds().knowsProvider(provider)) {
            throw new IllegalArgumentException("unknown provider '" + provider + "'; known: " + knownProviders(backend));
        }
        ResourceKind k = kind == null ? backend.kinds().instanceKind(provider) : backend.kinds().get(provider, kind);
        if (k == null) {
            List<String> known = new ArrayList<>();
            for (ResourceKind each : backend.kinds().of(provider)) known.add(each.kind());
            throw new IllegalArgumentException("unknown kind '" + kind + "' of " + provider + "; known: " + String.join(", ", known));
        }
        return k;
    }

    /** {@code {"subnet": "123", "acg": ["1", "2"]}}: each name is the kind referred to, each value an id or ids. */
    static Map<String, List<String>> references(JsonNode node, String where) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) return out;
        if (!node.isObject()) throw new IllegalArgumentException(where + " must be an object of kind to id or ids");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> ids = new ArrayList<>();
            JsonNode v = e.getValue();
            if (v.isTextual() && !v.asText().isEmpty()) {
                ids.add(v.asText());
            } else if (v.isArray()) {
                for (JsonNode id : v) {
                    if (!id.isTextual() || id.asText().isEmpty()) {
                        throw new IllegalArgumentException(where + "." + e.getKey() + " must be an id or an array of ids");
                    }
                    if (!ids.contains(id.asText())) ids.add(id.asText());
                }
            } else {
                throw new IllegalArgumentException(where + "." + e.getKey() + " must be an id or an array of ids");
            }
            out.put(e.getKey(), ids);
        }
        return out;
    }

    private static String textOf(JsonNode v, String field) {
        if (!v.isTextual() || v.asText().isEmpty()) throw new IllegalArgumentException(field + " must be a non-empty string");
        return v.asText();
    }

    /** The state if the kind's table knows it; IllegalArgumentException listing the known ones otherwise. */
    public static String checkState(ResourceKind kind, String state) {
        if (!kind.table().knows(state)) {
            throw new IllegalArgumentException("state '" + state + "' is not a state of " + kind.provider() + " "
                    + kind.kind() + "; known: " + String.join(", ", new java.util.TreeSet<>(kind.table().states())));
        }
        return state;
    }

    static String knownProviders(Backend backend) {
        List<String> names = backend.kinds().providers();
        return names.isEmpty() ? "(none registered)" : String.join(", ", names);
    }

    /**
     * Every reference must name a live resource of the referred kind in the same account: the generic check of
     * every creation and import ({@link ResourceKind#prepare} adds the provider's own).
     */
    public static void checkReferences(Account.Tx tx, Resource r) {
        for (Map.Entry<String, List<String>> e : r.references().entrySet()) {
            for (String id : e.getValue()) {
                if (tx.get(r.provider(), e.getKey(), id) == null) {
                    throw new IllegalArgumentException(r.kind() + " " + r.id() + " refers to " + e.getKey() + " " + id
                            + ", which does not exist in account " + tx.account());
                }
            }
        }
    }

    /**
     * Makes every resource first (the kind may refuse a field), then adds them under the account lock, each checked
     * and prepared by its kind and added before the next is prepared, so each sees those before it (N network
     * interfaces get N addresses); a refusal takes back the ones added: all or nothing.
     */
    public List<Resource> create(Backend backend) {
        Instant now = backend.clock().now();
        List<Resource> made = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String id = kind.newId();
            Resource r = new Resource(kind.provider(), kind.kind(), account, id, state, now, kind.completeFields(id, fields, now));
            references.forEach(r::setReferences);
            made.add(r);
        }
        backend.store().account(account).atomically(tx -> {
            int mark = tx.mark();
            try {
                // one at a time: a resource's preparation sees those before it (the next free address)
                for (Resource r : made) {
                    checkReferences(tx, r);
                    kind.prepare(tx, r);
                    tx.add(r);
                }
            } catch (RuntimeException e) {
                tx.removeAddedSince(mark); // the resources before it go, with what they made (interfaces, storage)
                throw e;
            }
            return null;
        });
        return made;
    }
}
