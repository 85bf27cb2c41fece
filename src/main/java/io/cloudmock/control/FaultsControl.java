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
    }

    private void remove(Context ctx) {
        String id = ctx.pathParam("id");
        if (!backend.faults().remove(id)) throw ControlError.notFound("no fault rule " + id);
        ControlRoutes.reply(ctx, 200, Json.MAPPER.createObjectNode().put("status", "ok").put("id", id));
    }
}
