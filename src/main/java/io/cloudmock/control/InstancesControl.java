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
        for (Account a : backend.store().accounts()) {
            if (account != null && !account.equals(a.name())) continue;
            a.atomically(tx -> {
                for (String p : providers) for (Instance i : tx.list(p)) out.add(InstanceJson.view(i));
                return null;
            });
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("instances", out);
        ControlRoutes.reply(ctx, 200, body);
    }

    private void create(Context ctx) {
        JsonNode body = ControlRoutes.readBody(ctx);
        List<Instance> made;
        try {
            InstanceSpec spec = InstanceSpec.fromJson(body, backend);
            // under the account's lock (re-entered by create), so a name checked free is still free when used
            made = backend.store().account(spec.account()).atomically(tx -> {
                checkUnique(spec, tx);
                return spec.create(backend);
            });
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
        if (!made.isEmpty()) {
            Instance first = made.get(0);
            ControlLog.changed(ctx, "created " + made.size() + " " + first.provider() + " instance"
                    + (made.size() == 1 ? " " : "s ") + ids(made) + " in account " + first.account() + ", state " + first.state());
        }
    }

    private static String ids(List<Instance> made) {
        if (made.size() <= 3) return String.join(", ", made.stream().map(Instance::id).toList());
        return made.get(0).id() + " ... " + made.get(made.size() - 1).id();
    }

    /** The provider's unique name (NCP serverName) must be free in the account and not given to two at once. */
    private static void checkUnique(InstanceSpec spec, Account.Tx tx) {
        String field = spec.model().uniqueField();
        if (field == null || spec.fields().get(field) == null) return;
        Object name = spec.fields().get(field);
        if (spec.count() > 1) {
            throw new IllegalArgumentException(field + " '" + name + "' cannot be given to " + spec.count()
                    + " instances at once: each needs its own (create them one by one)");
        }
        for (Instance i : tx.list(spec.model().name())) {
            if (name.equals(i.fields().get(field))) {
                throw new IllegalArgumentException(field + " '" + name + "' is already in use in account "
                        + spec.account() + " (by " + i.id() + ")");
            }
        }
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
                ControlLog.changed(ctx, provider + " instance " + id + " in account " + a.name() + " forced to " + state);
                return;
            }
        }
        throw ControlError.notFound("no " + provider + " instance " + id
                + (acc != null && !acc.isNull() ? " in account " + acc.asText() : " in any account"));
    }
}
