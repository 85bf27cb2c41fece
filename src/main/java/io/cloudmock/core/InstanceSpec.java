package io.cloudmock.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Instances to create directly ({@code POST /_cloudmock/instances}, {@code --seed}): a provider, an account,
 * a state the provider's table knows (default: the model's), fields under the provider's own names, a count.
 */
public record InstanceSpec(ProviderModel model, String account, String state, Map<String, Object> fields, int count) {

    public static final int MAX_COUNT = 1000;
    private static final Set<String> FIELDS = Set.of("provider", "account", "state", "fields", "count");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /** Reads and checks one object; IllegalArgumentException with a message fit for the test author. */
    public static InstanceSpec fromJson(JsonNode body, Backend backend) {
        if (body == null || !body.isObject()) throw new IllegalArgumentException("an instance must be a JSON object");
        if (body.has("id")) {
            throw new IllegalArgumentException("id is chosen by cloudmock; to restore given ids use PUT /_cloudmock/state");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + f + "'; an instance has provider, account, state, fields, count");
            }
        }
        JsonNode p = body.get("provider");
        if (p == null || !p.isTextual()) {
            throw new IllegalArgumentException("provider is required; known: " + knownProviders(backend));
        }
        ProviderModel model = backend.model(p.asText());
        if (model == null) {
            throw new IllegalArgumentException("unknown provider '" + p.asText() + "'; known: " + knownProviders(backend));
        }
        String account = InstanceStore.DEFAULT_ACCOUNT;
        JsonNode a = body.get("account");
        if (a != null && !a.isNull()) {
            if (!a.isTextual() || a.asText().isEmpty()) throw new IllegalArgumentException("account must be a non-empty string");
            account = a.asText();
        }
        String state = model.defaultState();
        JsonNode s = body.get("state");
        if (s != null && !s.isNull()) {
            if (!s.isTextual()) throw new IllegalArgumentException("state must be a string");
            state = checkState(model, s.asText());
        }
        Map<String, Object> fields = Map.of();
        JsonNode f = body.get("fields");
        if (f != null && !f.isNull()) {
            if (!f.isObject()) throw new IllegalArgumentException("fields must be a JSON object");
            FieldLimits.check(f, "fields");
            fields = Json.MAPPER.convertValue(f, MAP);
        }
        int count = 1;
        JsonNode c = body.get("count");
        if (c != null && !c.isNull()) {
            if (!c.isIntegralNumber() || c.asLong() < 1 || c.asLong() > MAX_COUNT) {
                throw new IllegalArgumentException("count must be an integer from 1 to " + MAX_COUNT);
            }
            count = c.asInt();
        }
        return new InstanceSpec(model, account, state, fields, count);
    }

    /** The state if the provider's table knows it; IllegalArgumentException listing the known ones otherwise. */
    public static String checkState(ProviderModel model, String state) {
        if (!model.table().knows(state)) {
            throw new IllegalArgumentException("state '" + state + "' is not a state of " + model.name() + "; known: "
                    + String.join(", ", new java.util.TreeSet<>(model.table().states())));
        }
        return state;
    }

    static String knownProviders(Backend backend) {
        List<String> names = new ArrayList<>();
        for (ProviderModel m : backend.models()) names.add(m.name());
        names.sort(null);
        return names.isEmpty() ? "(none registered)" : String.join(", ", names);
    }

    /**
     * Makes every instance first (the model may refuse a field), then adds them all under the account lock:
     * all or nothing.
     */
    public List<Instance> create(Backend backend) {
        Instant now = backend.clock().now();
        List<Instance> made = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String id = model.newId();
            made.add(new Instance(model.name(), account, id, state, now, model.completeFields(id, fields, now)));
        }
        backend.store().account(account).atomically(tx -> {
            for (Instance i : made) tx.add(i);
            return null;
        });
        return made;
    }
}
