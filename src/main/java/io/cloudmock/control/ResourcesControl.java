package io.cloudmock.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Account;
import io.cloudmock.core.Backend;
import io.cloudmock.core.Json;
import io.cloudmock.core.ReadyNetwork;
import io.cloudmock.core.Resource;
import io.cloudmock.core.ResourceJson;
import io.cloudmock.core.ResourceKind;
import io.cloudmock.core.ResourceSpec;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code GET/POST /_cloudmock/resources} (any kind), {@code GET/POST /_cloudmock/instances} (the server and instance
 * kinds), {@code POST /_cloudmock/networks} and {@code PUT /_cloudmock/instances/{provider}/{id}/state}: resources
 * listed, created and forced directly, in any state and account.
 */
final class ResourcesControl {
    private final Backend backend;

    ResourcesControl(Backend backend) { this.backend = backend; }

    void register(RoutesConfig routes, UnaryOperator<Handler> guard) {
        routes.get(ControlRoutes.PREFIX + "/instances", guard.apply(ctx -> list(ctx, true)));
        routes.post(ControlRoutes.PREFIX + "/instances", guard.apply(ctx -> create(ctx, true)));
        routes.get(ControlRoutes.PREFIX + "/resources", guard.apply(ctx -> list(ctx, false)));
        routes.post(ControlRoutes.PREFIX + "/resources", guard.apply(ctx -> create(ctx, false)));
        routes.post(ControlRoutes.PREFIX + "/networks", guard.apply(this::network));
        routes.put(ControlRoutes.PREFIX + "/instances/{provider}/{id}/state", guard.apply(this::force));
        routes.put(ControlRoutes.PREFIX + "/resources/{provider}/{id}/state", guard.apply(this::force));
    }

    /**
     * {@code ?provider=&account=&kind=} narrow the list; accounts in name order, kinds by provider and name,
     * resources in creation order.
     */
    private void list(Context ctx, boolean instancesOnly) {
        String provider = ctx.queryParam("provider");
        String account = ctx.queryParam("account");
        String kind = instancesOnly ? null : ctx.queryParam("kind");
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
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set(instancesOnly ? "instances" : "resources", out);
        ControlRoutes.reply(ctx, 200, body);
    }

    private void create(Context ctx, boolean instancesOnly) {
        JsonNode body = ControlRoutes.readBody(ctx);
        List<Resource> made;
        try {
            ResourceSpec spec = ResourceSpec.fromJson(body, backend);
            if (instancesOnly && !spec.kind().isInstance()) {
                throw new IllegalArgumentException("/_cloudmock/instances makes servers and instances; use /_cloudmock/resources for a "
                        + spec.kind().kind());
            }
            // under the account's lock (re-entered by create), so a name checked free is still free when used
            made = backend.store().account(spec.account()).atomically(tx -> {
                checkUnique(spec, tx);
                return spec.create(backend);
            });
        } catch (IllegalArgumentException e) {
            throw ControlError.badRequest(e.getMessage());
        }
        ControlRoutes.reply(ctx, 201, views(made, instancesOnly ? "instances" : "resources"));
        if (!made.isEmpty()) {
            Resource first = made.get(0);
            ControlLog.changed(ctx, "created " + made.size() + " " + first.provider() + " " + first.kind()
                    + (made.size() == 1 ? " " : "s ") + ids(made) + " in account " + first.account() + ", state " + first.state());
        }
    }

    private static String ids(List<Resource> made) {
        if (made.size() <= 3) return String.join(", ", made.stream().map(Resource::id).toList());
        return made.get(0).id() + " ... " + made.get(made.size() - 1).id();
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
        for (Resource r : tx.view(spec.kind().provider(), spec.kind().kind())) {
            if (name.equals(r.fields().get(field))) {
                throw new IllegalArgumentException(field + " '" + name + "' is already in use in account "
                        + spec.account() + " (by " + r.id() + ")");
            }
        }
    }

    /** Body {@code {"provider", "account"}}: the provider's ready network, made in one call. */
    private void network(Context ctx) {
        JsonNode body = ControlRoutes.readBody(ctx);
        JsonNode p = body.get("provider");
        if (p == null || !p.isTextual()) throw ControlError.badRequest("body must be {\"provider\": \"ncp\" | \"zenlayer\", \"account\": \"...\"}");
        ReadyNetwork factory = backend.readyNetwork(p.asText());
        if (factory == null) {
            throw ControlError.badRequest("no ready network for provider '" + p.asText() + "'; known: "
                    + String.join(", ", backend.readyNetworkProviders()));
        }
        JsonNode acc = body.get("account");
        if (acc != null && !acc.isNull() && (!acc.isTextual() || acc.asText().isEmpty())) {
            throw ControlError.badRequest("account must be a non-empty string");
        }
        String account = acc == null || acc.isNull() ? io.cloudmock.core.ResourceStore.DEFAULT_ACCOUNT : acc.asText();
        List<Resource> made = backend.store().account(account).atomically(factory::create);
        ControlRoutes.reply(ctx, 201, views(made, "resources"));
        ControlLog.changed(ctx, "ready network of " + made.size() + " resources made for " + p.asText() + " in account " + account);
    }

    private ObjectNode views(List<Resource> made, String name) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        if (!made.isEmpty()) {
            backend.store().account(made.get(0).account()).atomically(tx -> {
                for (Resource r : made) out.add(ResourceJson.view(r));
                return null;
            });
        }
        ObjectNode reply = Json.MAPPER.createObjectNode();
        reply.set(name, out);
        return reply;
    }

    /** Body {@code {"state", "account"}}; without an account, the resource is looked for in every account. */
    private void force(Context ctx) {
        String provider = ctx.pathParam("provider");
        String id = ctx.pathParam("id");
        if (!backend.kinds().knowsProvider(provider)) throw ControlError.notFound("unknown provider '" + provider + "'");
        JsonNode body = ControlRoutes.readBody(ctx);
        JsonNode s = body.get("state");
        if (s == null || !s.isTextual()) throw ControlError.badRequest("body must be {\"state\": \"...\", \"account\": \"...\"}");
        JsonNode acc = body.get("account");
        if (acc != null && !acc.isNull() && (!acc.isTextual() || acc.asText().isEmpty())) {
            throw ControlError.badRequest("account must be a non-empty string");
        }
        List<Account> candidates = new ArrayList<>();
        if (acc != null && !acc.isNull()) {
            for (Account a : backend.store().accounts()) if (a.name().equals(acc.asText())) candidates.add(a);
        } else {
            candidates.addAll(backend.store().accounts());
        }
        for (Account a : candidates) {
            ObjectNode view = a.atomically(tx -> {
                Resource r = tx.find(provider, id);
                if (r == null) return null;
                String state;
                try {
                    state = ResourceSpec.checkState(backend.kinds().of(r), s.asText());
                } catch (IllegalArgumentException e) {
                    throw ControlError.badRequest(e.getMessage());
                }
                r.force(state, backend.clock().now());
                tx.touched();
                return ResourceJson.view(r);
            });
            if (view != null) {
                ControlRoutes.reply(ctx, 200, view);
                ControlLog.changed(ctx, provider + " " + view.path("kind").asText("resource") + " " + id + " in account "
                        + a.name() + " forced to " + view.path("state").asText());
                return;
            }
        }
        throw ControlError.notFound("no " + provider + " resource " + id
                + (acc != null && !acc.isNull() ? " in account " + acc.asText() : " in any account"));
    }
}
