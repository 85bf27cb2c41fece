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

    /**
     * A request under {@code /api} that Jetty refused before routing (a path with {@code //}, {@code %2F} or a bad
     * escape, headers over the limit): Zenlayer's error envelope, which every SDK parses (the Python SDK reads
     * {@code code}, {@code message} and {@code requestId} of any answer); 400 {@code INVALID_PARAMETER_EXCEED_LENGTH}
     * for a URI or headers too long (as for a body over the limit), else 400 {@code INVALID_PARAMETER_VALUE}; null for
     * another path.
     */
    public io.cloudmock.core.Reply refused(String rawPath, String rawQuery, int status) {
        if (rawPath == null || !(rawPath.equals("/api") || rawPath.startsWith("/api/"))) return null;
        boolean tooLong = status == 414 || status == 431;
        ZenlayerError error = tooLong ? ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH : ZenlayerError.INVALID_PARAMETER_VALUE;
        String requestId = "T" + backend.requestIds().get().toUpperCase(java.util.Locale.ROOT);
        return ZenlayerJson.error(requestId, 400, error.code(),
                "The request could not be read (HTTP " + status + (tooLong ? ": the URI or the headers are too long)." : ")."));
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
