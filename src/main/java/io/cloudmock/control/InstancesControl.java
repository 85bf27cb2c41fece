package io.cloudmock.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Account;
import io.cloudmock.core.Backend;
import io.cloudmock.core.Instance;
import io.cloudmock.core.InstanceJson;
import io.cloudmock.core.InstanceSpec;
import io.cloudmock.core.Json;
import io.cloudmock.core.ProviderModel;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code GET/POST /_cloudmock/instances} and {@code PUT /_cloudmock/instances/{provider}/{id}/state}:
 * instances listed, created and forced directly, in any state and account.
 */
final class InstancesControl {
    private final Backend backend;

    InstancesControl(Backend backend) { this.backend = backend; }

    void register(RoutesConfig routes, UnaryOperator<Handler> guard) {
        routes.get(ControlRoutes.PREFIX + "/instances", guard.apply(this::list));
        routes.post(ControlRoutes.PREFIX + "/instances", guard.apply(this::create));
        routes.put(ControlRoutes.PREFIX + "/instances/{provider}/{id}/state", guard.apply(this::force));
    }

    /** {@code ?provider=&account=} narrow the list; accounts in name order, instances in creation order. */
    private void list(Context ctx) {
        String provider = ctx.queryParam("provider");
        String account = ctx.queryParam("account");
        List<String> providers = new ArrayList<>();
        if (provider != null) {
            if (backend.model(provider) == null) throw ControlError.badRequest("unknown provider '" + provider + "'");
            providers.add(provider);
        } else {
            for (ProviderModel m : backend.models()) providers.add(m.name());
            providers.sort(null);
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        // every account of one state: an import in between would show some accounts old and some new
        backend.store().consistently(() -> {
            for (Account a : backend.store().accounts()) {
                if (account != null && !account.equals(a.name())) continue;
                a.atomically(tx -> {
                    for (String p : providers) for (Instance i : tx.list(p)) out.add(InstanceJson.view(i));
                    return null;
                });
            }
            return null;
        });
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("instances", out);
        ControlRoutes.reply(ctx, 200, body);
    }

    private void create(Context ctx) {
        JsonNode body = ControlRoutes.readBody(ctx);
        List<Instance> made;
        try {
            made = InstanceSpec.fromJson(body, backend).create(backend);
        } catch (IllegalArgumentException e) {
            throw ControlError.badRequest(e.getMessage());
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        if (!made.isEmpty()) {
            backend.store().account(made.get(0).account()).atomically(tx -> {
                for (Instance i : made) out.add(InstanceJson.view(i));
                return null;
            });
        }
        ObjectNode reply = Json.MAPPER.createObjectNode();
        reply.set("instances", out);
        ControlRoutes.reply(ctx, 201, reply);
    }

    /** Body {@code {"state", "account"}}; without an account, the instance is looked for in every account. */
    private void force(Context ctx) {
        String provider = ctx.pathParam("provider");
        String id = ctx.pathParam("id");
        ProviderModel model = backend.model(provider);
        if (model == null) throw ControlError.notFound("unknown provider '" + provider + "'");
        JsonNode body = ControlRoutes.readBody(ctx);
        JsonNode s = body.get("state");
        if (s == null || !s.isTextual()) throw ControlError.badRequest("body must be {\"state\": \"...\", \"account\": \"...\"}");
        String state;
        try {
            state = InstanceSpec.checkState(model, s.asText());
        } catch (IllegalArgumentException e) {
            throw ControlError.badRequest(e.getMessage());
        }
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
                Instance i = tx.get(provider, id);
                if (i == null) return null;
                i.force(state, backend.clock().now());
                tx.touched();
                return InstanceJson.view(i);
            });
            if (view != null) {
                ControlRoutes.reply(ctx, 200, view);
                return;
            }
        }
        throw ControlError.notFound("no " + provider + " instance " + id
                + (acc != null && !acc.isNull() ? " in account " + acc.asText() : " in any account"));
    }
}
