package io.cloudmock.zenlayer;

import io.cloudmock.core.Backend;

/** Zenlayer Cloud API 2.0, VM service: {@code POST /api/v2/vm}, action in {@code X-ZC-Action}. */
public final class ZenlayerRoutes {
    private final Backend backend;

    public ZenlayerRoutes(Backend backend) { this.backend = backend; }

    public void register(io.javalin.config.RoutesConfig routes) {
        // the Zenlayer issue fills this in
    }
}
