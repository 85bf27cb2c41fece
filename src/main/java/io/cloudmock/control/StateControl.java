package io.cloudmock.control;

import io.cloudmock.core.Backend;
import io.cloudmock.core.StateSnapshot;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.function.UnaryOperator;

/** {@code GET/PUT /_cloudmock/state}: the whole state exported and imported (see {@link StateSnapshot}). */
final class StateControl {
    private final Backend backend;

    StateControl(Backend backend) { this.backend = backend; }

    void register(RoutesConfig routes, UnaryOperator<Handler> guard) {
        routes.get(ControlRoutes.PREFIX + "/state", guard.apply(this::export));
        routes.put(ControlRoutes.PREFIX + "/state", guard.apply(this::restore));
    }

    private void export(Context ctx) {
        ControlRoutes.reply(ctx, 200, StateSnapshot.export(backend));
    }

    /** Replaces everything with the body (all checked first: a bad body changes nothing); answers the new state. */
    private void restore(Context ctx) {
        try {
            StateSnapshot.restore(backend, ControlRoutes.readBody(ctx));
        } catch (IllegalArgumentException e) {
            throw ControlError.badRequest(e.getMessage());
        }
        com.fasterxml.jackson.databind.JsonNode state = StateSnapshot.export(backend);
        ControlRoutes.reply(ctx, 200, state);
        int instances = 0;
        for (com.fasterxml.jackson.databind.JsonNode a : state.path("accounts")) instances += a.path("instances").size();
        ControlLog.changed(ctx, "state imported: " + state.path("accounts").size() + " accounts, " + instances + " instances");
    }
}
