package io.cloudmock.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Backend;
import io.cloudmock.core.Json;
import io.cloudmock.core.RequestJournal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** {@code GET/DELETE /_cloudmock/requests}: the request journal, oldest first, filtered by {@code ?provider=&account=&action=}. */
final class JournalControl {
    private final Backend backend;

    JournalControl(Backend backend) { this.backend = backend; }

    void register(RoutesConfig routes, UnaryOperator<Handler> guard) {
        routes.get(ControlRoutes.PREFIX + "/requests", guard.apply(this::list));
        routes.delete(ControlRoutes.PREFIX + "/requests", guard.apply(this::clear));
    }

    private void list(Context ctx) {
        String provider = ctx.queryParam("provider");
        String account = ctx.queryParam("account");
        String action = ctx.queryParam("action");
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
            n.set("parameters", io.cloudmock.core.Secrets.redact(Json.MAPPER.valueToTree(e.parameters())));
            if (!e.authDetail().isEmpty()) n.put("authDetail", e.authDetail());
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("requests", list);
        ControlRoutes.reply(ctx, 200, body);
    }

    private void clear(Context ctx) {
        backend.journal().clear();
        ControlRoutes.reply(ctx, 200, Json.MAPPER.createObjectNode().put("status", "ok"));
        ControlLog.changed(ctx, "request journal cleared");
    }
}
