package io.cloudmock.ncp;

import io.cloudmock.core.Backend;
import io.cloudmock.core.Exchange;
import io.cloudmock.core.Ids;
import io.cloudmock.core.ResourceStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import io.cloudmock.Config;
import io.cloudmock.core.Fault;
import io.cloudmock.core.Limits;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The NCP Server API, VPC ({@code /vserver/v2/{action}}) and Classic ({@code /server/v2/{action}}), GET or POST.
 * Decodes the parameters, finds the account (the access key), dispatches to the action and renders the result
 * or error in the format asked for. Unknown actions get the API Gateway's 404 envelope.
 */
public final class NcpRoutes {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NcpRoutes.class);

    /**
     * One API under the gateway: a path prefix, the flavour whose servers it sees, and its actions.
     * {@code /vpc/v2} (the VPC network API) sees the VPC servers and answers what Terraform reads of it.
     */
    private record Surface(String prefix, NcpFlavour flavour, Map<String, NcpAction> actions) {}

    private final Backend backend;
    private final Map<NcpFlavour, NcpModel> models = new HashMap<>();
    private final List<Surface> surfaces = new ArrayList<>();

    public NcpRoutes(Backend backend) {
        this.backend = backend;
        for (NcpFlavour flavour : NcpFlavour.values()) {
            NcpModel model = new NcpModel(flavour, backend.ids());
            models.put(flavour, model);
            backend.register(model);
            surfaces.add(new Surface(flavour.pathPrefix, flavour, NcpActions.server(flavour)));
        }
        surfaces.add(new Surface(NcpActions.VPC_NETWORK_PREFIX, NcpFlavour.VPC, NcpActions.vpcNetwork()));
        NcpNetwork.register(backend);
    }

    public void register(io.javalin.config.RoutesConfig routes) {
        for (Surface surface : surfaces) {
            routes.get(surface.prefix() + "/{action}", ctx -> handle(ctx, surface));
            routes.post(surface.prefix() + "/{action}", ctx -> handle(ctx, surface));
            // everything else under the prefix is still the gateway's: its 404, never the generic one
            for (HandlerType method : new HandlerType[] {HandlerType.GET, HandlerType.POST, HandlerType.PUT,
                    HandlerType.DELETE, HandlerType.PATCH, HandlerType.HEAD, HandlerType.OPTIONS}) {
                routes.addHttpHandler(method, surface.prefix(), ctx -> notFound(ctx, surface));
                // trailing slashes are significant in cloudmock's router, and <rest> needs at least one character
                routes.addHttpHandler(method, surface.prefix() + "/", ctx -> notFound(ctx, surface));
                routes.addHttpHandler(method, surface.prefix() + "/<rest>", ctx -> notFound(ctx, surface));
            }
        }
    }

    private void handle(Context ctx, Surface surface) {
        NcpFlavour flavour = surface.flavour();
        String action = ctx.pathParam("action");
        Exchange exchange = ctx.attribute(Exchange.ATTRIBUTE);
        exchange.provider = flavour.provider;
        exchange.action = action;
        if (tooLarge(ctx, exchange)) return;
        NcpParams params = NcpParams.decode(ctx.queryString(), formBody(ctx));
        String query = ctx.queryString();
        exchange.parameters(params.asMap(), (query == null ? 0 : query.length()) + bodyLength(ctx));
        NcpFormat format = NcpFormat.of(params.get("responseFormatType"));
        String accessKey = ctx.header(NcpSignature.ACCESS_KEY_HEADER);
        exchange.account = accessKey == null || accessKey.isBlank() ? ResourceStore.DEFAULT_ACCOUNT : accessKey.trim();

        NcpAction handler = surface.actions().get(action);
        if (handler == null) {
            notFound(ctx, surface, action, format);
            return;
        }
        if (!authenticated(ctx, format, exchange)) return;
        Optional<Fault> fault = backend.faults().match(flavour.provider, action, instanceIds(params));
        if (fault.isPresent()) {
            fault.get().pause();
            if (fault.get().isError()) {
                NcpFaults.send(ctx, format, fault.get(), exchange);
                return;
            }
        }
        NcpCall request = new NcpCall(flavour, models.get(flavour), params,
                backend.store().account(exchange.account), backend.clock());
        try {
            Map<String, Object> payload = handler.handle(request);
            send(ctx, 200, format, format.success(action, payload, Ids.uuid()));
        } catch (NcpException e) {
            exchange.errorCode = e.error().code();
            send(ctx, e.error().httpStatus(), format, format.error(e.error().code(), e.getMessage()));
        } catch (RuntimeException e) {
            // a bug of cloudmock's, never the client's: the gateway's 500 envelope, and the stack trace in the log
            LOG.error("{} {} failed", surface.prefix(), action, e);
            exchange.errorCode = "900";
            send(ctx, 500, format, format.gatewayError("900", "Unexpected Error", "cloudmock failed; see its log."));
        }
    }

    /**
     * The API Gateway's signature check ({@code --auth}): {@code verify} answers 401 (gateway errorCode 200) on
     * any failure, {@code log} only logs it; both record what cloudmock signed in the journal. The account is
     * the access key in every mode.
     */
    private boolean authenticated(Context ctx, NcpFormat format, Exchange exchange) {
        Config.AuthMode mode = backend.config().auth();
        if (mode == Config.AuthMode.OFF) return true;
        String query = ctx.queryString();
        String target = ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
        NcpSignature.Result result = NcpSignature.verify(backend.config().credentials(), ctx.method().name(), target,
                ctx::header, Instant.now());
        if (result.ok()) return true;
        exchange.authDetail = result.detail();
        LOG.warn("NCP signature check failed ({}{}): {}", result.outcome(),
                mode == Config.AuthMode.LOG ? ", --auth log lets it through" : "", result.detail());
        if (mode == Config.AuthMode.LOG) return true;
        exchange.errorCode = "200";
        send(ctx, 401, format, format.gatewayError("200", "Authentication Failed", "Invalid authentication information."));
        return false;
    }

    /** The server numbers a call names, for fault rules aimed at one instance. */
    private static List<String> instanceIds(NcpParams params) {
        List<String> ids = new ArrayList<>(params.list("serverInstanceNoList"));
        String one = params.get("serverInstanceNo");
        if (one != null) ids.add(one);
        return ids;
    }

    /** A path that is no action: the format asked for may be in the query or a form body (Go and JS SDKs). */
    private void notFound(Context ctx, Surface surface) {
        Exchange exchange = ctx.attribute(Exchange.ATTRIBUTE);
        exchange.provider = surface.flavour().provider;
        if (tooLarge(ctx, exchange)) return;
        NcpFormat format = NcpFormat.of(NcpParams.decode(ctx.queryString(), formBody(ctx)).get("responseFormatType"));
        notFound(ctx, surface, null, format);
    }

    private static long bodyLength(Context ctx) {
        try {
            return ctx.bodyAsBytes().length;
        } catch (RuntimeException e) {
            return Long.MAX_VALUE; // over even the server's own limit
        }
    }

    /** A body over the API's limit: the gateway's 413 (errorCode 430, reference 7.3), before anything is parsed. */
    private static boolean tooLarge(Context ctx, Exchange exchange) {
        // read what the server accepts before answering, so the client is not cut off while still sending
        long length = ctx.contentLength() > Limits.SERVER_BODY_BYTES ? Long.MAX_VALUE : bodyLength(ctx);
        if (length <= Limits.PROVIDER_BODY_BYTES) return false;
        exchange.errorCode = "430";
        NcpFormat format = NcpFormat.of(NcpParams.decode(ctx.queryString(), null).get("responseFormatType"));
        send(ctx, 413, format, format.gatewayError("430", "Request Entity Too Large",
                "The request body is larger than " + Limits.PROVIDER_BODY_BYTES + " bytes."));
        return true;
    }

    /** The body's parameters when it is a form (or untyped, as curl -d sends); other bodies carry none. */
    private static String formBody(Context ctx) {
        if (!"POST".equals(ctx.method().name())) return null;
        String type = ctx.contentType();
        if (type != null && !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) return null;
        return new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
    }

    /** The API Gateway's 404 (reference 7.3), naming the action when it is one cloudmock does not serve. */
    private void notFound(Context ctx, Surface surface, String action, NcpFormat format) {
        Exchange exchange = ctx.attribute(Exchange.ATTRIBUTE);
        exchange.provider = surface.flavour().provider;
        if (action != null) exchange.action = action;
        exchange.errorCode = "300";
        String details = action == null ? "URL not found."
                : "URL not found. cloudmock does not implement the action '" + action + "' of " + surface.prefix()
                + " (see docs/coverage.md).";
        send(ctx, 404, format, format.gatewayError("300", "Not Found Exception", details));
    }

    static void send(Context ctx, int status, NcpFormat format, String body) {
        ctx.status(status).contentType(format.contentType()).result(body.getBytes(StandardCharsets.UTF_8));
    }
}
