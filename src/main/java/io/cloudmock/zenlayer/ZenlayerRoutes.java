package io.cloudmock.zenlayer;

import io.cloudmock.core.Backend;
import io.javalin.http.HandlerType;

import java.util.List;

/**
 * Zenlayer Cloud API 2.0 on its paths: everything under {@code /api/v2}, whatever the method or service, goes
 * through the core pipeline and answers the Zenlayer JSON envelope ({@link ZenlayerProvider}); the services and
 * their actions are {@link ZenlayerActions}'.
 */
public final class ZenlayerRoutes {
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.DELETE, HandlerType.PATCH, HandlerType.HEAD, HandlerType.OPTIONS, HandlerType.QUERY, HandlerType.TRACE);

    private final Backend backend;
    private final ZenlayerProvider api;

    public ZenlayerRoutes(Backend backend) {
        this.backend = backend;
        ZenlayerModel model = new ZenlayerModel(backend.ids());
        backend.register(model);
        ZenlayerNetworkKinds.register(backend);
        this.api = new ZenlayerProvider(backend, model);
    }

    public void register(io.javalin.config.RoutesConfig routes) {
        String prefix = ZenlayerProvider.PREFIX;
        for (HandlerType method : METHODS) {
            routes.addHttpHandler(method, prefix, ctx -> backend.pipeline().handle(ctx, api));
            routes.addHttpHandler(method, prefix + "/", ctx -> backend.pipeline().handle(ctx, api));
            routes.addHttpHandler(method, prefix + "/<rest>", ctx -> backend.pipeline().handle(ctx, api));
        }
        // other versions and paths on Zenlayer's host (/api/v3/vm, /api/vm) get its envelope, not the generic 404
        for (HandlerType method : METHODS) routes.addHttpHandler(method, "/api/<rest>", ctx -> backend.pipeline().handle(ctx, api));
    }
}
