package io.cloudmock.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Json;
import io.cloudmock.core.JsonTrees;
import io.cloudmock.core.Resource;
import io.cloudmock.core.http.Routes;
import io.cloudmock.core.http.HttpCall;
import io.cloudmock.core.http.Routes.Handler;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The {@code /_cloudmock/} calls over HTTP, each a thin map onto {@link LocalControl}: read the path, query and
 * body, call, answer with the body and status of DESIGN.md section 1, and log what changed ({@link ControlLog}).
 */
final class ControlCalls {
    private static final String P = ControlRoutes.PREFIX;

    private final LocalControl control;

    ControlCalls(LocalControl control) { this.control = control; }

    /** Written without the mapper, which is built after listening, while probes already poll (JsonTrees). */
    private void health(HttpCall ctx) {
        ctx.status(200).contentType("application/json").result(JsonTrees.bytes(control.health()));
    }

    void register(Routes routes, UnaryOperator<Handler> guard) {
        routes.get(P + "/health", guard.apply(this::health));
        routes.head(P + "/health", guard.apply(this::health)); // Docker and load-balancer probes
        routes.post(P + "/reset", guard.apply(this::reset));
        routes.post(P + "/clock/advance", guard.apply(this::advance));
        routes.get(P + "/instances", guard.apply(ctx -> ControlRoutes.reply(ctx, 200,
                wrap("instances", control.instances(ctx.queryParam("provider"), ctx.queryParam("account"))))));
        routes.get(P + "/resources", guard.apply(ctx -> ControlRoutes.reply(ctx, 200, wrap("resources",
                control.resources(ctx.queryParam("provider"), ctx.queryParam("account"), ctx.queryParam("kind"))))));
        routes.post(P + "/instances", guard.apply(ctx -> create(ctx, true)));
        routes.post(P + "/resources", guard.apply(ctx -> create(ctx, false)));
        routes.post(P + "/networks", guard.apply(this::network));
        routes.put(P + "/instances/{provider}/{id}/state", guard.apply(this::force));
        routes.put(P + "/resources/{provider}/{id}/state", guard.apply(this::force));
        routes.get(P + "/faults", guard.apply(ctx -> ControlRoutes.reply(ctx, 200, wrap("faults", control.faults()))));
        routes.post(P + "/faults", guard.apply(this::addFault));
        routes.delete(P + "/faults", guard.apply(ctx -> {
            control.clearFaults();
            ok(ctx, "every fault rule removed");
        }));
        routes.delete(P + "/faults/{id}", guard.apply(ctx -> {
            String id = ctx.pathParam("id");
            control.removeFault(id);
            ControlRoutes.reply(ctx, 200, Json.MAPPER.createObjectNode().put("status", "ok").put("id", id));
            ControlLog.changed(ctx, "fault rule " + id + " removed");
        }));
        routes.get(P + "/requests", guard.apply(ctx -> ControlRoutes.reply(ctx, 200, wrap("requests",
                control.requests(ctx.queryParam("provider"), ctx.queryParam("account"), ctx.queryParam("action"))))));
        routes.delete(P + "/requests", guard.apply(ctx -> {
            control.clearRequests();
            ok(ctx, "request journal cleared");
        }));
        routes.get(P + "/unserved", guard.apply(ctx -> ControlRoutes.reply(ctx, 200, wrap("unserved", control.unserved()))));
        routes.get(P + "/state", guard.apply(ctx -> ControlRoutes.reply(ctx, 200, control.exportState())));
        routes.put(P + "/state", guard.apply(this::importState));
    }

    private static ObjectNode wrap(String name, JsonNode list) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set(name, list);
        return body;
    }

    private static void ok(HttpCall ctx, String logged) {
        ControlRoutes.reply(ctx, 200, Json.MAPPER.createObjectNode().put("status", "ok"));
        ControlLog.changed(ctx, logged);
    }

    private void reset(HttpCall ctx) {
        String account = ctx.queryParam("account");
        control.reset(account);
        ObjectNode body = Json.MAPPER.createObjectNode().put("status", "ok");
        if (account != null) body.put("account", account);
        ControlRoutes.reply(ctx, 200, body);
        ControlLog.changed(ctx, account == null ? "everything reset (instances, journal, fault rules, clock)"
                : "account " + account + " reset");
    }

    private void advance(HttpCall ctx) {
        JsonNode seconds = ControlRoutes.readBody(ctx).get("seconds");
        if (seconds == null || !seconds.isNumber() || seconds.asDouble() < 0) {
            throw ControlError.badRequest("body must be {\"seconds\": N} with N >= 0");
        }
        // a number too large for a Duration is past the clock's limit all the same
        Duration by = seconds.asDouble() * 1000 > Long.MAX_VALUE / 2 ? Duration.ofMillis(Long.MAX_VALUE / 2)
                : Duration.ofMillis(Math.round(seconds.asDouble() * 1000));
        java.time.Instant now = control.advance(by);
        ControlRoutes.reply(ctx, 200, Json.MAPPER.createObjectNode().put("now", now.toString()));
        ControlLog.changed(ctx, "clock advanced " + by.toString().substring(2).toLowerCase(Locale.ROOT) + " to " + now);
    }

    private void create(HttpCall ctx, boolean instancesOnly) {
        List<Resource> made = control.create(ControlRoutes.readBody(ctx), instancesOnly);
        ControlRoutes.reply(ctx, 201, wrap(instancesOnly ? "instances" : "resources", control.views(made)));
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

    /** Body {@code {"provider", "account"}}. */
    private void network(HttpCall ctx) {
        JsonNode body = ControlRoutes.readBody(ctx);
        JsonNode p = body.get("provider");
        if (p == null || !p.isTextual()) throw ControlError.badRequest("body must be {\"provider\": \"ncp\" | \"zenlayer\", \"account\": \"...\"}");
        String account = text(body.get("account"));
        List<Resource> made = control.network(p.asText(), account);
        ArrayNode views = control.views(made);
        ControlRoutes.reply(ctx, 201, wrap("resources", views));
        ControlLog.changed(ctx, "ready network of " + made.size() + " resources made for " + p.asText() + " in account "
                + (account == null ? io.cloudmock.core.ResourceStore.DEFAULT_ACCOUNT : account));
    }

    /** Body {@code {"state", "account"}}; without an account, the resource is looked for in every account. */
    private void force(HttpCall ctx) {
        String provider = ctx.pathParam("provider");
        String id = ctx.pathParam("id");
        JsonNode body = ControlRoutes.readBody(ctx);
        JsonNode s = body.get("state");
        if (s == null || !s.isTextual()) throw ControlError.badRequest("body must be {\"state\": \"...\", \"account\": \"...\"}");
        JsonNode view = control.forceState(provider, text(body.get("account")), id, s.asText());
        ControlRoutes.reply(ctx, 200, view);
        ControlLog.changed(ctx, provider + " " + view.path("kind").asText("resource") + " " + id + " in account "
                + view.path("account").asText() + " forced to " + view.path("state").asText());
    }

    private void addFault(HttpCall ctx) {
        String id = control.addFault(ControlRoutes.readBody(ctx));
        ControlRoutes.reply(ctx, 201, Json.MAPPER.createObjectNode().put("id", id));
        ControlLog.changed(ctx, "fault rule " + id + " added: " + describe(control.faults(), id));
    }

    /** {@code ncp stopServerInstances: HTTP 400 code 25041, 2 times}, for the log. */
    private static String describe(JsonNode rules, String id) {
        for (JsonNode r : rules) {
            if (!r.path("id").asText().equals(id)) continue;
            StringBuilder b = new StringBuilder(r.path("provider").asText()).append(' ')
                    .append(r.path("action").isNull() ? "every action" : r.path("action").asText());
            if (!r.path("instanceId").isNull()) b.append(" on ").append(r.path("instanceId").asText());
            if (!r.path("httpStatus").isNull()) b.append(": HTTP ").append(r.path("httpStatus").asInt());
            if (!r.path("code").isNull()) b.append(" code ").append(r.path("code").asText());
            if (r.path("delayMs").asLong() > 0) b.append(", ").append(r.path("delayMs").asLong()).append(" ms delay");
            if (!r.path("times").isNull()) b.append(", ").append(r.path("times").asInt()).append(r.path("times").asInt() == 1 ? " time" : " times");
            if (r.path("probability").asDouble() < 1.0) b.append(", probability ").append(r.path("probability").asDouble());
            return b.toString();
        }
        return "(already used up)";
    }

    /** Replaces everything with the body (all checked first: a bad body changes nothing); answers the new state. */
    private void importState(HttpCall ctx) {
        control.importState(ControlRoutes.readBody(ctx));
        JsonNode state = control.exportState();
        ControlRoutes.reply(ctx, 200, state);
        int instances = 0;
        for (JsonNode a : state.path("accounts")) instances += a.path("instances").size();
        ControlLog.changed(ctx, "state imported: " + state.path("accounts").size() + " accounts, " + instances + " resources");
    }

    /** An optional string field: absent or null is null; anything but a non-empty string is a 400. */
    private static String text(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (!v.isTextual() || v.asText().isEmpty()) throw ControlError.badRequest("account must be a non-empty string");
        return v.asText();
    }
}
