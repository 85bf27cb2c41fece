package io.cloudmock.ncp;

import io.cloudmock.core.Backend;
import io.cloudmock.core.Exchange;
import io.cloudmock.core.Ids;
import io.cloudmock.core.InstanceStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The VPC network API, {@code GET|POST /vpc/v2/{action}} (the Go SDK's {@code services/vpc}, base path
 * {@code NCLOUD_API_GW + /vpc/v2}), as far as Terraform's {@code ncloud_server} needs it: getSubnetDetail. It speaks
 * the same wire as {@code /vserver/v2} (parameters, formats, {@code responseError}, the gateway's 404 for anything
 * else) and sees the VPC servers of the same account. The request plumbing mirrors {@link NcpRoutes#register}'s
 * handler so that that class stays untouched but for the line that registers this one.
 */
public final class NcpVpcNetworkRoutes {
    static final String PREFIX = "/vpc/v2";
    private static final String ACCESS_KEY_HEADER = "x-ncp-iam-access-key";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NcpVpcNetworkRoutes.class);

    private static final Map<String, NcpHandler> ACTIONS = Map.of("getSubnetDetail", NcpNetworkActions::subnetDetail);

    private final Backend backend;
    /** The VPC server shape; no handler here creates servers, but NcpRequest carries a model. */
    private final NcpModel model;

    public NcpVpcNetworkRoutes(Backend backend) {
        this.backend = backend;
        this.model = new NcpModel(NcpFlavour.VPC, backend.ids());
    }

    /** The actions served under {@code /vpc/v2} (docs/coverage.md). */
    public static java.util.Set<String> implemented() { return ACTIONS.keySet(); }

    public void register(io.javalin.config.RoutesConfig routes) {
        routes.get(PREFIX + "/{action}", this::handle);
        routes.post(PREFIX + "/{action}", this::handle);
        for (HandlerType method : new HandlerType[] {HandlerType.GET, HandlerType.POST, HandlerType.PUT,
                HandlerType.DELETE, HandlerType.PATCH, HandlerType.HEAD, HandlerType.OPTIONS}) {
            routes.addHttpHandler(method, PREFIX, ctx -> notFound(ctx, null, formatOf(ctx)));
            routes.addHttpHandler(method, PREFIX + "/<rest>", ctx -> notFound(ctx, null, formatOf(ctx)));
        }
    }

    private void handle(Context ctx) {
        String action = ctx.pathParam("action");
        Exchange exchange = ctx.attribute(Exchange.ATTRIBUTE);
        exchange.provider = NcpFlavour.VPC.provider;
        exchange.action = action;
        NcpParams params = NcpParams.decode(ctx.queryString(), formBody(ctx));
        NcpFormat format = NcpFormat.of(params.get("responseFormatType"));
        String accessKey = ctx.header(ACCESS_KEY_HEADER);
        String account = accessKey == null || accessKey.isBlank() ? InstanceStore.DEFAULT_ACCOUNT : accessKey.trim();
        exchange.account = account;

        NcpHandler handler = ACTIONS.get(action);
        if (handler == null) {
            notFound(ctx, action, format);
            return;
        }
        NcpRequest request = new NcpRequest(NcpFlavour.VPC, model, params, backend.store().account(account),
                backend.clock());
        try {
            send(ctx, 200, format, format.success(action, handler.handle(request), Ids.uuid()));
        } catch (NcpException e) {
            exchange.errorCode = e.error().code();
            send(ctx, e.error().httpStatus(), format, format.error(e.error().code(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", PREFIX, action, e);
            exchange.errorCode = "900";
            send(ctx, 500, format, format.gatewayError("900", "Unexpected Error", "cloudmock failed; see its log."));
        }
    }

    /** The format asked for, in the query or a form body (the Go and JS SDKs put it in the body). */
    private static NcpFormat formatOf(Context ctx) {
        return NcpFormat.of(NcpParams.decode(ctx.queryString(), formBody(ctx)).get("responseFormatType"));
    }

    private static String formBody(Context ctx) {
        if (!"POST".equals(ctx.method().name())) return null;
        String type = ctx.contentType();
        if (type != null && !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) return null;
        return new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
    }

    private static void notFound(Context ctx, String action, NcpFormat format) {
        Exchange exchange = ctx.attribute(Exchange.ATTRIBUTE);
        exchange.provider = NcpFlavour.VPC.provider;
        if (action != null) exchange.action = action;
        exchange.errorCode = "300";
        String details = action == null ? "URL not found."
                : "URL not found. cloudmock does not implement the action '" + action + "' of " + PREFIX
                + " (see docs/coverage.md).";
        send(ctx, 404, format, format.gatewayError("300", "Not Found Exception", details));
    }

    private static void send(Context ctx, int status, NcpFormat format, String body) {
        ctx.status(status).contentType(format.contentType()).result(body.getBytes(StandardCharsets.UTF_8));
    }
}
