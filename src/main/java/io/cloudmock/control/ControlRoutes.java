package io.cloudmock.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.Version;
import io.cloudmock.core.Backend;
import io.cloudmock.core.Json;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.IOException;
import java.time.Duration;

/** The {@code /_cloudmock/} control API: JSON in and out, never a cloud path. */
public final class ControlRoutes {
    public static final String PREFIX = "/_cloudmock";

    private final Backend backend;

    public ControlRoutes(Backend backend) { this.backend = backend; }

    public void register(io.javalin.config.RoutesConfig routes) {
        routes.get(PREFIX + "/health", guarded(this::health));
        routes.post(PREFIX + "/reset", guarded(this::reset));
        routes.post(PREFIX + "/clock/advance", guarded(this::advance));
        new ResourcesControl(backend).register(routes, this::guarded);
        new JournalControl(backend).register(routes, this::guarded);
        new FaultsControl(backend).register(routes, this::guarded);
        new StateControl(backend).register(routes, this::guarded);
        new DashboardRoute().register(routes);
    }

    /** Wraps a control handler: token check, JSON errors. */
    Handler guarded(Handler inner) {
        return ctx -> {
            try {
                String token = backend.config().controlToken();
                if (token != null && !token.isEmpty() && !tokenMatches(token, ctx.header("Authorization"))) {
                    throw new ControlError(401, "UNAUTHORIZED", "the control API needs Authorization: Bearer <control token>");
                }
                inner.handle(ctx);
            } catch (ControlError e) {
                reply(ctx, e.status(), Json.MAPPER.createObjectNode().set("error",
                        Json.MAPPER.createObjectNode().put("code", e.code()).put("message", e.getMessage())));
            } catch (io.javalin.http.HttpResponseException e) {
                // e.g. a body over the request size limit: Javalin would answer text/plain, the control API answers JSON
                reply(ctx, e.getStatus(), Json.MAPPER.createObjectNode().set("error", Json.MAPPER.createObjectNode()
                        .put("code", e.getStatus() == 413 ? "PAYLOAD_TOO_LARGE" : "HTTP_" + e.getStatus())
                        .put("message", e.getStatus() == 413 ? "the body is larger than the server's request size limit"
                                : e.getMessage())));
            }
        };
    }

    /** Constant-time comparison, so the token cannot be guessed from response times. */
    private static boolean tokenMatches(String token, String authorization) {
        if (authorization == null) return false;
        return java.security.MessageDigest.isEqual(("Bearer " + token).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                authorization.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void health(Context ctx) {
        long uptime = Duration.between(backend.startedAt(), java.time.Instant.now()).getSeconds();
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("status", "ok")
                .put("version", Version.VALUE)
                .put("uptimeSeconds", uptime)
                // the clock transitions follow, so a client (the dashboard) can show the manual clock's time
                .put("clock", backend.clock().isManual() ? "manual" : "system")
                .put("now", backend.clock().now().toString());
        reply(ctx, 200, body);
    }

    private void reset(Context ctx) {
        String account = ctx.queryParam("account");
        if (account != null && account.isEmpty()) {
            throw ControlError.badRequest("account must not be empty: ?account=KEY resets one account, no query resets everything");
        }
        if (account != null) {
            backend.store().reset(account);
        } else {
            backend.reset();
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("status", "ok");
        if (account != null) body.put("account", account);
        reply(ctx, 200, body);
    }

    private void advance(Context ctx) {
        JsonNode body = readBody(ctx);
        JsonNode seconds = body.get("seconds");
        if (seconds == null || !seconds.isNumber() || seconds.asDouble() < 0) {
            throw ControlError.badRequest("body must be {\"seconds\": N} with N >= 0");
        }
        if (!backend.clock().isManual()) {
            throw new ControlError(409, "CLOCK_NOT_MANUAL", "the clock is the system clock; start cloudmock with --clock manual to move it");
        }
        java.time.Instant latest = io.cloudmock.core.ManualClock.LATEST;
        long left = Duration.between(backend.clock().now(), latest).toMillis();
        if (seconds.asDouble() * 1000 > left) {
            throw ControlError.badRequest("the clock cannot go past " + latest + "; at most " + left / 1000 + " seconds are left");
        }
        long millis = Math.round(seconds.asDouble() * 1000);
        java.time.Instant now = backend.clock().advance(Duration.ofMillis(millis));
        reply(ctx, 200, Json.MAPPER.createObjectNode().put("now", now.toString()));
    }

    /** The request body as a JSON object; an empty body is an empty object. */
    static JsonNode readBody(Context ctx) {
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length == 0) return Json.MAPPER.createObjectNode();
        try {
            JsonNode node = Json.MAPPER.readTree(raw);
            if (node == null || !node.isObject()) throw ControlError.badRequest("the body must be a JSON object");
            return node;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw ControlError.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ControlError.badRequest("the body could not be read");
        }
    }

    static void reply(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(Json.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
