package io.cloudmock.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.Version;
import io.cloudmock.core.Account;
import io.cloudmock.core.Backend;
import io.cloudmock.core.FaultRule;
import io.cloudmock.core.FaultRules;
import io.cloudmock.core.Json;
import io.cloudmock.core.JsonTrees;
import io.cloudmock.core.ManualClock;
import io.cloudmock.core.ReadyNetwork;
import io.cloudmock.core.RequestJournal;
import io.cloudmock.core.Resource;
import io.cloudmock.core.ResourceJson;
import io.cloudmock.core.ResourceKind;
import io.cloudmock.core.ResourceSpec;
import io.cloudmock.core.ResourceStore;
import io.cloudmock.core.Secrets;
import io.cloudmock.core.StateSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The control API in-process, over the backend: every rule of the control calls lives here, so the HTTP routes,
 * the JUnit extension and embedders see the same behaviour and the same {@link ControlError}s.
 */
public final class LocalControl implements Control {
    private final Backend backend;

    public LocalControl(Backend backend) { this.backend = backend; }

    @Override
    public JsonNode health() {
        long uptime = Duration.between(backend.startedAt(), Instant.now()).getSeconds();
        String failure = backend.persistenceFailure();
        ObjectNode body = JsonTrees.object() // answered before the mapper is built (JsonTrees)
                .put("status", failure == null ? "ok" : "degraded")
                .put("version", Version.VALUE)
                .put("uptimeSeconds", uptime)
                // the clock transitions follow, so a client (the dashboard) can show the manual clock's time
                .put("clock", backend.clock().isManual() ? "manual" : "system")
                .put("now", backend.clock().now().toString());
        // still 200 over HTTP: the server answers; a probe that must see persistence reads "status"
        if (failure != null) body.put("reason", failure);
        return body;
    }

    @Override
    public void reset() { backend.reset(); }

    @Override
    public void reset(String account) {
        if (account == null) {
            reset();
            return;
        }
        if (account.isEmpty()) {
            throw ControlError.badRequest("account must not be empty: ?account=KEY resets one account, no query resets everything");
        }
        backend.store().reset(account);
    }

    @Override
    public Instant advance(Duration by) {
        if (by.isNegative()) throw ControlError.badRequest("body must be {\"seconds\": N} with N >= 0");
        if (!backend.clock().isManual()) {
            throw new ControlError(409, "CLOCK_NOT_MANUAL", "the clock is the system clock; start cloudmock with --clock manual to move it");
        }
        long left = Duration.between(backend.clock().now(), ManualClock.LATEST).toMillis();
        if (by.toMillis() > left) {
            throw ControlError.badRequest("the clock cannot go past " + ManualClock.LATEST + "; at most " + left / 1000 + " seconds are left");
        }
        return backend.clock().advance(by);
    }

    @Override
    public JsonNode resources(String provider, String account, String kind) { return list(provider, account, kind, false); }

    @Override
    public JsonNode instances(String provider, String account) { return list(provider, account, null, true); }

    /** Accounts in name order, kinds by provider and name, resources in creation order. */
    private ArrayNode list(String provider, String account, String kind, boolean instancesOnly) {
        if (provider != null && !backend.kinds().knowsProvider(provider)) {
            throw ControlError.badRequest("unknown provider '" + provider + "'");
        }
        List<ResourceKind> kinds = new ArrayList<>();
        for (String p : backend.kinds().providers()) {
            if (provider != null && !provider.equals(p)) continue;
            for (ResourceKind k : backend.kinds().of(p)) {
                if (instancesOnly ? k.isInstance() : kind == null || kind.equals(k.kind())) kinds.add(k);
            }
        }
        if (kind != null && kinds.isEmpty()) throw ControlError.badRequest("unknown kind '" + kind + "'");
        ArrayNode out = Json.MAPPER.createArrayNode();
        // every account of one state: an import in between would show some accounts old and some new
        backend.store().consistently(() -> {
            for (Account a : backend.store().accounts()) {
                if (account != null && !account.equals(a.name())) continue;
                a.atomically(tx -> {
                    for (ResourceKind k : kinds) for (Resource r : tx.view(k.provider(), k.kind())) out.add(ResourceJson.view(r));
                    return null;
                });
            }
            return null;
        });
        return out;
    }

    @Override
    public JsonNode createResources(JsonNode resource) { return views(create(resource, false)); }

    /** As {@link #createResources}; {@code instancesOnly} refuses kinds other than servers and instances. */
    List<Resource> create(JsonNode body, boolean instancesOnly) {
        try {
            ResourceSpec spec = ResourceSpec.fromJson(body, backend);
            if (instancesOnly && !spec.kind().isInstance()) {
                throw new IllegalArgumentException("/_cloudmock/instances makes servers and instances; use /_cloudmock/resources for a "
                        + spec.kind().kind());
            }
            // under the account's lock (re-entered by create), so a name checked free is still free when used
            return backend.store().account(spec.account()).atomically(tx -> {
                checkUnique(spec, tx);
                return spec.create(backend);
            });
        } catch (IllegalArgumentException e) {
            throw ControlError.badRequest(e.getMessage());
        }
    }

    /** The kind's unique name (NCP serverName) must be free in the account and not given to two at once. */
    private static void checkUnique(ResourceSpec spec, Account.Tx tx) {
        String field = spec.kind().uniqueField();
        if (field == null || spec.fields().get(field) == null) return;
        Object name = spec.fields().get(field);
        if (spec.count() > 1) {
            throw new IllegalArgumentException(field + " '" + name + "' cannot be given to " + spec.count()
                    + " at once: each needs its own (create them one by one)");
        }
        for (Resource r : tx.withField(spec.kind().provider(), spec.kind().kind(), field, name)) {
            throw new IllegalArgumentException(field + " '" + name + "' is already in use in account "
                    + spec.account() + " (by " + r.id() + ")");
        }
    }

    @Override
    public JsonNode createNetwork(String provider, String account) { return views(network(provider, account)); }

    List<Resource> network(String provider, String account) {
        ReadyNetwork factory = provider == null ? null : backend.readyNetwork(provider);
        if (factory == null) {
            throw ControlError.badRequest("no ready network for provider '" + provider + "'; known: "
                    + String.join(", ", backend.readyNetworkProviders()));
        }
        if (account != null && account.isEmpty()) throw ControlError.badRequest("account must be a non-empty string");
        return backend.store().account(account == null ? ResourceStore.DEFAULT_ACCOUNT : account).atomically(factory::create);
    }

    /** The views of resources just made (all of one account), read under its lock. */
    ArrayNode views(List<Resource> made) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        if (!made.isEmpty()) {
            backend.store().account(made.get(0).account()).atomically(tx -> {
                for (Resource r : made) out.add(ResourceJson.view(r));
                return null;
            });
        }
        return out;
    }

    @Override
    public JsonNode forceState(String provider, String account, String id, String state) {
        if (!backend.kinds().knowsProvider(provider)) throw ControlError.notFound("unknown provider '" + provider + "'");
        if (account != null && account.isEmpty()) throw ControlError.badRequest("account must be a non-empty string");
        List<Account> candidates = new ArrayList<>();
        for (Account a : backend.store().accounts()) if (account == null || a.name().equals(account)) candidates.add(a);
        for (Account a : candidates) {
            ObjectNode view = a.atomically(tx -> {
                Resource r = tx.find(provider, id);
                if (r == null) return null;
                String checked;
                try {
                    checked = ResourceSpec.checkState(backend.kinds().of(r), state);
                } catch (IllegalArgumentException e) {
                    throw ControlError.badRequest(e.getMessage());
                }
                r.force(checked, backend.clock().now());
                tx.touched();
                return ResourceJson.view(r);
            });
            if (view != null) return view;
        }
        throw ControlError.notFound("no " + provider + " resource " + id
                + (account != null ? " in account " + account : " in any account"));
    }

    @Override
    public String addFault(Map<String, ?> rule) { return addFault((JsonNode) Json.MAPPER.valueToTree(rule)); }

    /** A rule as the HTTP body gives it. */
    String addFault(JsonNode rule) {
        Set<String> known = new HashSet<>(backend.kinds().providers());
        try {
            return backend.faults().add(FaultRule.fromJson(rule), known);
        } catch (IllegalArgumentException e) {
            throw ControlError.badRequest(e.getMessage());
        }
    }

    @Override
    public JsonNode faults() {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (FaultRules.Listed r : backend.faults().list()) {
            FaultRule s = r.spec();
            list.addObject().put("id", r.id()).put("provider", s.provider()).put("action", s.action())
                    .put("instanceId", s.instanceId()).put("httpStatus", s.httpStatus()).put("code", s.code())
                    .put("message", s.message()).put("delayMs", s.delayMs()).put("times", s.times())
                    .put("remaining", r.remaining()).put("fired", r.fired()).put("probability", s.probability())
                    .put("seed", s.seed());
        }
        return list;
    }

    @Override
    public void removeFault(String id) {
        if (!backend.faults().remove(id)) throw ControlError.notFound("no fault rule " + id);
    }

    @Override
    public void clearFaults() { backend.faults().clear(); }

    @Override
    public JsonNode requests(String provider, String account, String action) {
        Predicate<RequestJournal.Entry> filter = e -> (provider == null || provider.equals(e.provider()))
                && (account == null || account.equals(e.account()))
                && (action == null || action.equals(e.action()));
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (RequestJournal.Entry e : backend.journal().entries(filter)) {
            ObjectNode n = list.addObject()
                    .put("time", e.time().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString())
                    .put("provider", e.provider())
                    .put("account", e.account())
                    .put("action", e.action())
                    .put("method", e.method())
                    .put("path", e.path())
                    .put("status", e.status())
                    .put("errorCode", e.errorCode())
                    .put("durationMs", e.durationMs());
            // passwords and private keys are shown as *** (the journal is readable by anyone with the control API)
            n.set("parameters", Secrets.redact(Json.MAPPER.valueToTree(e.parameters())));
            if (!e.authDetail().isEmpty()) n.put("authDetail", e.authDetail());
        }
        return list;
    }

    @Override
    public void clearRequests() { backend.journal().clear(); }

    @Override
    public JsonNode unserved() {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (io.cloudmock.core.Unserved.Entry e : backend.unserved().entries()) {
            list.addObject().put("provider", e.key().provider()).put("method", e.key().method()).put("path", e.key().path())
                    .put("action", e.key().action()).put("parameter", e.key().parameter()).put("userAgent", e.key().userAgent()).put("reason", e.key().reason())
                    .put("count", e.count());
        }
        return list;
    }

    @Override
    public JsonNode exportState() { return StateSnapshot.export(backend); }

    @Override
    public void importState(JsonNode state) {
        try {
            StateSnapshot.restore(backend, state);
        } catch (IllegalArgumentException e) {
            throw ControlError.badRequest(e.getMessage());
        }
    }
}
