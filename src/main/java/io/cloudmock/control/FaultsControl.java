package io.cloudmock.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Backend;
import io.cloudmock.core.FaultRule;
import io.cloudmock.core.FaultRules;
import io.cloudmock.core.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/** {@code GET/POST/DELETE /_cloudmock/faults} and {@code DELETE /_cloudmock/faults/{id}}: fault rules (see {@link FaultRules}). */
final class FaultsControl {
    private final Backend backend;

    FaultsControl(Backend backend) { this.backend = backend; }

    void register(RoutesConfig routes, UnaryOperator<Handler> guard) {
        routes.get(ControlRoutes.PREFIX + "/faults", guard.apply(this::list));
        routes.post(ControlRoutes.PREFIX + "/faults", guard.apply(this::add));
        routes.delete(ControlRoutes.PREFIX + "/faults", guard.apply(this::clear));
        routes.delete(ControlRoutes.PREFIX + "/faults/{id}", guard.apply(this::remove));
    }

    private void add(Context ctx) {
        Set<String> known = new HashSet<>();
        known.addAll(backend.kinds().providers());
        String id;
        try {
            id = backend.faults().add(FaultRule.fromJson(ControlRoutes.readBody(ctx)), known);
        } catch (IllegalArgumentException e) {
            throw ControlError.badRequest(e.getMessage());
        }
        ControlRoutes.reply(ctx, 201, Json.MAPPER.createObjectNode().put("id", id));
        ControlLog.changed(ctx, "fault rule " + id + " added: " + describe(backend.faults().list(), id));
    }

    private void list(Context ctx) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (FaultRules.Listed r : backend.faults().list()) {
            FaultRule s = r.spec();
            list.addObject().put("id", r.id()).put("provider", s.provider()).put("action", s.action())
                    .put("instanceId", s.instanceId()).put("httpStatus", s.httpStatus()).put("code", s.code())
                    .put("message", s.message()).put("delayMs", s.delayMs()).put("times", s.times())
                    .put("remaining", r.remaining()).put("fired", r.fired()).put("probability", s.probability())
                    .put("seed", s.seed());
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("faults", list);
        ControlRoutes.reply(ctx, 200, body);
    }

    private void clear(Context ctx) {
        backend.faults().clear();
        ControlRoutes.reply(ctx, 200, Json.MAPPER.createObjectNode().put("status", "ok"));
        ControlLog.changed(ctx, "every fault rule removed");
    }

    private void remove(Context ctx) {
        String id = ctx.pathParam("id");
        if (!backend.faults().remove(id)) throw ControlError.notFound("no fault rule " + id);
        ControlRoutes.reply(ctx, 200, Json.MAPPER.createObjectNode().put("status", "ok").put("id", id));
        ControlLog.changed(ctx, "fault rule " + id + " removed");
    }

    /** {@code ncp stopServerInstances: HTTP 400 code 25041, 1 time}, for the log. */
    private static String describe(java.util.List<FaultRules.Listed> rules, String id) {
        for (FaultRules.Listed r : rules) {
            if (!r.id().equals(id)) continue;
            FaultRule s = r.spec();
            StringBuilder b = new StringBuilder(s.provider()).append(' ').append(s.action() == null ? "every action" : s.action());
            if (s.instanceId() != null) b.append(" on ").append(s.instanceId());
            if (s.httpStatus() != null) b.append(": HTTP ").append(s.httpStatus());
            if (s.code() != null) b.append(" code ").append(s.code());
            if (s.delayMs() > 0) b.append(", ").append(s.delayMs()).append(" ms delay");
            if (s.times() != null) b.append(", ").append(s.times()).append(s.times() == 1 ? " time" : " times");
            if (s.probability() < 1.0) b.append(", probability ").append(s.probability());
            return b.toString();
        }
        return "(already used up)";
    }
}
