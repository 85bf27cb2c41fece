package io.cloudmock.zenlayer;

import io.cloudmock.core.Backend;
import io.cloudmock.core.http.Routes;


/**
 * Zenlayer Cloud API 2.0 on its paths: everything under {@code /api/v2}, whatever the method or service, goes
 * through the core pipeline and answers the Zenlayer JSON envelope ({@link ZenlayerProvider}); the services and
 * their actions are {@link ZenlayerActions}'.
 */
public final class ZenlayerRoutes {
    private final Backend backend;
    private final ZenlayerProvider api;

    public ZenlayerRoutes(Backend backend) {
        this.backend = backend;
        ZenlayerModel model = new ZenlayerModel(backend.ids());
        backend.register(model);
        ZenlayerNetworkKinds.register(backend);
        this.api = new ZenlayerProvider(backend, model);
    }

    public void register(Routes routes) {
        String prefix = ZenlayerProvider.PREFIX;
        Routes.Handler handle = call -> backend.pipeline().handle(call, api);
        routes.any(prefix, handle);
        routes.any(prefix + "/", handle);
        routes.any(prefix + "/<rest>", handle);
        // other versions and paths on Zenlayer's host (/api/v3/vm, /api/vm) get its envelope, not the generic 404
        routes.any("/api/<rest>", handle);
    }
}
