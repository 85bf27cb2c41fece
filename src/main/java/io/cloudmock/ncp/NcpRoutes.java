package io.cloudmock.ncp;

import io.cloudmock.core.Backend;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.List;

/**
 * The NCP APIs on their paths: the Server API, VPC ({@code /vserver/v2/{action}}) and Classic
 * ({@code /server/v2/{action}}), and the VPC API ({@code /vpc/v2/{action}}), GET or POST, each through the core
 * pipeline. Everything else under a prefix is still the gateway's: its 404, never the generic one.
 */
public final class NcpRoutes {
    private static final HandlerType[] METHODS = {HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.DELETE, HandlerType.PATCH, HandlerType.HEAD, HandlerType.OPTIONS};

    private final Backend backend;
    private final List<NcpProvider> apis = new ArrayList<>();
    private final List<NcpProvider> otherVersions = new ArrayList<>();

    public NcpRoutes(Backend backend) {
        this.backend = backend;
        NcpModel vpc = null;
        for (NcpFlavour flavour : NcpFlavour.values()) {
            NcpModel model = new NcpModel(flavour, backend.ids());
            if (flavour == NcpFlavour.VPC) vpc = model;
            backend.register(model);
            apis.add(new NcpProvider(flavour.pathPrefix, flavour, model, NcpActions.server(flavour), backend, this::servedAt));
        }
        apis.add(new NcpProvider(NcpActions.VPC_NETWORK_PREFIX, NcpFlavour.VPC, vpc, NcpActions.vpcNetwork(), backend, this::servedAt));
        // the gateway's other versions and APIs of these products (/vserver/v1, /server/v3...): its 404, no actions
        for (String product : List.of("/vserver", "/server", "/vpc")) {
            NcpFlavour flavour = product.equals("/server") ? NcpFlavour.CLASSIC : NcpFlavour.VPC;
            otherVersions.add(new NcpProvider(product, flavour, vpc, java.util.Map.of(), backend, this::servedAt));
        }
        NcpNetwork.register(backend);
        NcpPublicIps.register(backend);
        NcpBlockStorages.register(backend);
    }

    /** The prefixes that serve {@code action}, for the gateway 404's details. */
    private List<String> servedAt(String action) {
        List<String> out = new ArrayList<>();
        for (NcpProvider api : apis) if (api.serves(action)) out.add(api.prefix() + "/" + action);
        return out;
    }

    public void register(io.javalin.config.RoutesConfig routes) {
        for (NcpProvider api : apis) {
            routes.get(api.prefix() + "/{action}", ctx -> backend.pipeline().handle(ctx, api));
            routes.post(api.prefix() + "/{action}", ctx -> backend.pipeline().handle(ctx, api));
            for (HandlerType method : METHODS) {
                routes.addHttpHandler(method, api.prefix(), ctx -> backend.pipeline().handle(ctx, api));
                // trailing slashes are significant in cloudmock's router, and <rest> needs at least one character
                routes.addHttpHandler(method, api.prefix() + "/", ctx -> backend.pipeline().handle(ctx, api));
                routes.addHttpHandler(method, api.prefix() + "/<rest>", ctx -> backend.pipeline().handle(ctx, api));
            }
        }
        // registered after the served prefixes, which Javalin matches first
        for (NcpProvider api : otherVersions) {
            for (HandlerType method : METHODS) {
                routes.addHttpHandler(method, api.prefix() + "/<rest>", ctx -> backend.pipeline().handle(ctx, api));
            }
        }
    }
}
