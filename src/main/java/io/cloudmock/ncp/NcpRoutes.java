package io.cloudmock.ncp;

import io.cloudmock.core.Backend;
import io.cloudmock.core.http.Routes;

import java.util.ArrayList;
import java.util.List;

/**
 * The NCP APIs on their paths: the Server API, VPC ({@code /vserver/v2/{action}}) and Classic
 * ({@code /server/v2/{action}}), and the VPC API ({@code /vpc/v2/{action}}), GET or POST, each through the core
 * pipeline. Everything else under a prefix is still the gateway's: its 404, never the generic one.
 */
public final class NcpRoutes {
    /** The gateway's products cloudmock answers for, every version and path under them. */
    private static final List<String> PRODUCTS = List.of("/vserver", "/server", "/vpc");
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
        for (String product : PRODUCTS) {
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

    /**
     * A request under an NCP product that Jetty refused before routing (a path with {@code //}, {@code %2F} or a
     * bad escape, headers over the limit): the gateway's 400 Bad Request Exception (errorCode 100, reference 7.3,
     * "protocol/UTF-8 errors") in the format the query asks for, as Go, Java and Terraform parse any gateway error;
     * null for a path of no NCP product.
     */
    public io.cloudmock.core.Reply refused(String rawPath, String rawQuery, int status) {
        if (rawPath == null || PRODUCTS.stream().noneMatch(p -> rawPath.equals(p) || rawPath.startsWith(p + "/"))) return null;
        NcpFormat format = NcpFormat.of(NcpParams.decode(rawQuery, null).get("responseFormatType"));
        return NcpReplies.gateway(format, NcpGatewayError.BAD_REQUEST, "The request could not be read (HTTP " + status + ").");
    }

    public void register(Routes routes) {
        for (NcpProvider api : apis) {
            Routes.Handler handle = call -> backend.pipeline().handle(call, api);
            routes.add(java.util.Set.of("GET", "POST"), api.prefix() + "/{action}", handle);
            // any other method, and every other path under the prefix: the gateway's own answers
            routes.any(api.prefix(), handle);
            routes.any(api.prefix() + "/", handle);
            routes.any(api.prefix() + "/<rest>", handle);
        }
        // after the served prefixes, which are matched first
        for (NcpProvider api : otherVersions) routes.any(api.prefix() + "/<rest>", call -> backend.pipeline().handle(call, api));
    }
}
