package io.cloudmock.ncp;

import io.cloudmock.core.Backend;

public final class NcpRoutes {
    private final Backend backend;

    public NcpRoutes(Backend backend) { this.backend = backend; }

    public void register(io.javalin.config.RoutesConfig routes) {
    }
}
