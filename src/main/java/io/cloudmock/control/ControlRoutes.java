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

    private static final io.javalin.http.HandlerType[] METHODS = {io.javalin.http.HandlerType.GET,
            io.javalin.http.HandlerType.HEAD, io.javalin.http.HandlerType.POST, io.javalin.http.HandlerType.PUT,
            io.javalin.http.HandlerType.DELETE, io.javalin.http.HandlerType.PATCH, io.javalin.http.HandlerType.OPTIONS};
    private static final String ANY = PREFIX + "/<rest>";

    private final Backend backend;
    private final LocalControl control;
    /** Which methods a control path has, for a 405 that names them; set once the server's router exists. */
    private volatile io.javalin.router.InternalRouter router;

    public ControlRoutes(Backend backend) {
        this.backend = backend;
        this.control = new LocalControl(backend);
    }

    /** The in-process control interface the routes map onto. */
    public LocalControl control() { return control; }

    /** The router that holds the control routes, so a wrong method can be told from a wrong path. */
    public void router(io.javalin.router.InternalRouter router) { this.router = router; }

    public void register(io.javalin.config.RoutesConfig routes) {
        routes.before(PREFIX + "/*", new ControlGuard(backend.config())::check);
        routes.get("/", IndexPage::serve);
        new ControlCalls(control).register(routes, this::guarded);
        new DashboardRoute().register(routes);
        // last among the control routes: any other path or method under the prefix is the control API's error
        for (io.javalin.http.HandlerType method : METHODS) {
            routes.addHttpHandler(method, PREFIX, guarded(this::noRoute));
            routes.addHttpHandler(method, PREFIX + "/", guarded(this::noRoute));
            routes.addHttpHandler(method, ANY, guarded(this::noRoute));
        }
    }

    /** A path no control route has (404), or one that has it under other methods (405 naming them). */
    private void noRoute(Context ctx) {
        java.util.List<String> allowed = new java.util.ArrayList<>();
        io.javalin.router.InternalRouter r = router;
        if (r != null) {
            for (io.javalin.http.HandlerType method : METHODS) {
                boolean served = r.findHttpHandlerEntries(method, ctx.path()).stream().map(e -> e.endpoint.path)
                        .anyMatch(p -> p.startsWith(PREFIX + "/") && !p.equals(ANY) && !p.equals(PREFIX + "/"));
                if (served) allowed.add(method.name());
            }
        }
        if (allowed.isEmpty()) throw ControlError.notFound("no control call at " + ctx.path() + " (see docs/control-api.md)");
        ctx.header("Allow", String.join(", ", allowed));
        throw new ControlError(405, "METHOD_NOT_ALLOWED", ctx.method().name() + " is not a method of " + ctx.path()
                + "; it takes " + String.join(", ", allowed));
    }

    /** Wraps a control handler: JSON errors. The rules every control call obeys are {@link ControlGuard}'s. */
    Handler guarded(Handler inner) {
        return ctx -> {
            try {
                inner.handle(ctx);
            } catch (ControlError e) {
                replyError(ctx, e);
            } catch (io.javalin.http.HttpResponseException e) {
                // e.g. a body over the request size limit: Javalin would answer text/plain, the control API answers JSON
                reply(ctx, e.getStatus(), Json.MAPPER.createObjectNode().set("error", Json.MAPPER.createObjectNode()
                        .put("code", e.getStatus() == 413 ? "PAYLOAD_TOO_LARGE" : "HTTP_" + e.getStatus())
                        .put("message", e.getStatus() == 413 ? "the body is larger than the server's request size limit"
                                : e.getMessage())));
            }
        };
    }

    /** {@code {"error":{"code","message"}}} with the error's status. */
    static void replyError(Context ctx, ControlError e) {
        reply(ctx, e.status(), Json.MAPPER.createObjectNode().set("error",
                Json.MAPPER.createObjectNode().put("code", e.code()).put("message", e.getMessage())));
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
