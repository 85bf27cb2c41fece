package io.cloudmock.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.Version;
import io.cloudmock.core.Backend;
import io.cloudmock.core.Json;
import io.cloudmock.core.http.HttpCall;
import io.cloudmock.core.http.Routes;
import io.cloudmock.core.http.Routes.Handler;

import java.io.IOException;
import java.time.Duration;

/** The {@code /_cloudmock/} control API: JSON in and out, never a cloud path. */
public final class ControlRoutes {
    public static final String PREFIX = "/_cloudmock";


    private final Backend backend;
    private final LocalControl control;
    /** Which methods a control path has, for a 405 that names them. */
    private Routes routes;

    public ControlRoutes(Backend backend) {
        this.backend = backend;
        this.control = new LocalControl(backend);
    }

    /** The in-process control interface the routes map onto. */
    public LocalControl control() { return control; }

    public void register(Routes routes) {
        this.routes = routes;
        routes.before(PREFIX, new ControlGuard(backend.config())::check);
        routes.get("/", IndexPage::serve);
        new ControlCalls(control).register(routes, this::guarded);
        new DashboardRoute().register(routes);
        // last among the control routes: any other path or method under the prefix is the control API's error
        routes.any(PREFIX, guarded(this::noRoute));
        routes.any(PREFIX + "/", guarded(this::noRoute));
        routes.any(PREFIX + "/<rest>", guarded(this::noRoute));
    }

    /** A path no control route has (404), or one that has it under other methods (405 naming them). */
    private void noRoute(HttpCall ctx) {
        java.util.List<String> allowed = routes.allowedMethods(ctx.path(), PREFIX + "/");
        if (allowed.isEmpty()) throw ControlError.notFound("no control call at " + ctx.path() + " (see docs/control-api.md)");
        ctx.header("Allow", String.join(", ", allowed));
        throw new ControlError(405, "METHOD_NOT_ALLOWED", ctx.method() + " is not a method of " + ctx.path()
                + "; it takes " + String.join(", ", allowed));
    }

    /** Wraps a control handler: JSON errors. The rules every control call obeys are {@link ControlGuard}'s. */
    Handler guarded(Handler inner) {
        return ctx -> {
            try {
                inner.handle(ctx);
            } catch (ControlError e) {
                replyError(ctx, e);
            }
        };
    }

    /** {@code {"error":{"code","message"}}} with the error's status. */
    static void replyError(HttpCall ctx, ControlError e) {
        reply(ctx, e.status(), Json.MAPPER.createObjectNode().set("error",
                Json.MAPPER.createObjectNode().put("code", e.code()).put("message", e.getMessage())));
    }




    /** The request body as a JSON object; an empty body is an empty object. */
    static JsonNode readBody(HttpCall ctx) {
        try {
            byte[] raw = ctx.bodyBytes(io.cloudmock.core.Limits.SERVER_BODY_BYTES);
            if (raw.length == 0) return Json.MAPPER.createObjectNode();
            JsonNode node = Json.MAPPER.readTree(raw);
            if (node == null || !node.isObject()) throw ControlError.badRequest("the body must be a JSON object");
            return node;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw ControlError.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (HttpCall.TooLarge e) {
            throw new ControlError(413, "PAYLOAD_TOO_LARGE", "the body is larger than the server's request size limit");
        } catch (IOException e) {
            throw ControlError.badRequest("the body could not be read");
        }
    }

    static void reply(HttpCall ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(Json.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
