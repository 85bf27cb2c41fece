package io.cloudmock.zenlayer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Backend;
import io.cloudmock.core.Exchange;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Fault;
import io.cloudmock.core.Limits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * Zenlayer Cloud API 2.0, VM service: {@code POST /api/v2/vm}, action in {@code X-ZC-Action}, version in
 * {@code X-ZC-Version} (2023-03-13 or 2026-04-01), JSON body; and at {@code POST /api/v2/zrm} the one tag action
 * the Terraform VM resource needs ({@link ZrmTags}). Everything under {@code /api/v2} answers the Zenlayer JSON
 * envelope, whatever the method or service.
 */
public final class ZenlayerRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ZenlayerRoutes.class);
    private static final String PREFIX = "/api/v2";
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.DELETE, HandlerType.PATCH, HandlerType.HEAD, HandlerType.OPTIONS, HandlerType.QUERY, HandlerType.TRACE);

    private static final List<String> SINGLE_ID_FIELDS = List.of("instanceId", "resourceUuid");

    private final Backend backend;
    private final ZenlayerModel model;

    public ZenlayerRoutes(Backend backend) {
        this.backend = backend;
        this.model = new ZenlayerModel(backend.ids());
        backend.register(model);
        ZenlayerNetworkKinds.register(backend);
    }

    public void register(io.javalin.config.RoutesConfig routes) {
        for (HandlerType method : METHODS) {
            routes.addHttpHandler(method, PREFIX, this::handle);
            routes.addHttpHandler(method, PREFIX + "/", this::handle);
            routes.addHttpHandler(method, PREFIX + "/<rest>", this::handle);
        }
    }

    private void handle(Context ctx) {
        String requestId = ZenlayerJson.newRequestId();
        Exchange exchange = ctx.attribute(Exchange.ATTRIBUTE);
        if (exchange == null) exchange = new Exchange(java.time.Instant.now());
        exchange.provider = ZenlayerModel.PROVIDER;
        String action = header(ctx, "X-ZC-Action");
        if (action != null) exchange.action = action;
        try {
            String path = ctx.path().length() > PREFIX.length() + 1 ? ctx.path().substring(PREFIX.length() + 1) : "";
            ZenlayerService service = ZenlayerActions.SERVICES.get(path);
            if (service == null) {
                throw ZenlayerError.AUTHFAILURE_UNAUTHORIZED_OPERATION.with("The API " + ctx.path()
                        + " does not exist: cloudmock serves the Zenlayer VM service at POST /api/v2/vm"
                        + " (and the zrm tag action ModifyResourceTags at POST /api/v2/zrm) only.");
            }
            if (!HandlerType.POST.equals(ctx.method())) {
                throw ZenlayerError.AUTHFAILURE_UNAUTHORIZED_OPERATION.with("The API " + ctx.method().name()
                        + " " + PREFIX + "/" + service.name() + " does not exist: Zenlayer Cloud API 2.0 accepts only POST.");
            }
            byte[] raw = body(ctx);
            exchange.account = ZenlayerAuth.authenticate(ctx, raw, backend.config(), exchange);
            if (action == null) throw ZenlayerError.MISSING_PARAMETER.with("X-ZC-Action");
            String version = header(ctx, "X-ZC-Version");
            if (version == null) throw ZenlayerError.MISSING_PARAMETER.with("X-ZC-Version");
            if (!service.knows(version)) {
                throw ZenlayerError.INVALID_PARAMETER_VALUE.with(version, "X-ZC-Version", service.versions());
            }
            if (!service.exists(version, action)) {
                throw ZenlayerError.AUTHFAILURE_UNAUTHORIZED_OPERATION.with("The action `" + action
                        + "` does not exist in the " + service.name() + " API version " + version + "; check that the API exists.");
            }
            ZenlayerAction handler = service.handlers().get(action);
            if (handler == null) {
                throw ZenlayerError.AUTHFAILURE_UNAUTHORIZED_OPERATION.with("The action `" + action
                        + "` exists in the Zenlayer " + service.name() + " API but is not implemented by cloudmock (see docs/coverage.md).");
            }
            ZenlayerRequest body = ZenlayerRequest.parse(raw);
            exchange.parameters(body.node(), raw.length);
            Optional<Fault> fault = backend.faults().match(ZenlayerModel.PROVIDER, action, instanceIds(body));
            if (fault.isPresent()) {
                fault.get().pause();
                if (fault.get().isError()) {
                    sendFault(ctx, requestId, fault.get(), exchange);
                    return;
                }
            }
            ObjectNode response = ZenlayerJson.response(requestId);
            handler.handle(new ZenlayerCall(version, action, requestId, body,
                    backend.store().account(exchange.account), backend, model), response);
            ZenlayerJson.success(ctx, requestId, response);
        } catch (ZenlayerException e) {
            exchange.errorCode = e.error().code();
            ZenlayerJson.error(ctx, requestId, e);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure on Zenlayer {} {}", action, ctx.path(), e);
            exchange.errorCode = ZenlayerError.INTERNAL_SERVER_ERROR.code();
            ZenlayerJson.error(ctx, requestId, ZenlayerError.INTERNAL_SERVER_ERROR.with());
        }
    }

    /**
     * The instance ids a call names (instanceIds, instanceId, or zrm's resourceUuid), for fault rules aimed at one
     * instance.
     */
    private static List<String> instanceIds(ZenlayerRequest body) {
        List<String> ids = new ArrayList<>();
        JsonNode many = body.node().get("instanceIds");
        if (many != null && many.isArray()) many.forEach(n -> { if (n.isTextual()) ids.add(n.textValue()); });
        for (String field : SINGLE_ID_FIELDS) {
            JsonNode one = body.node().get(field);
            if (one != null && one.isTextual()) ids.add(one.textValue());
        }
        return ids;
    }

    /**
     * A fault rule's error in the Zenlayer envelope: the rule's code with its catalogue status (or the rule's
     * status); without a code, the common code for the status (500 INTERNAL_SERVER_ERROR, 503
     * SERVICE_TEMPORARY_UNAVAILABLE, 429 REQUEST_LIMIT_EXCEEDED, ...).
     */
    private static void sendFault(Context ctx, String requestId, Fault fault, Exchange exchange) {
        ZenlayerError known = fault.code() == null ? null : Arrays.stream(ZenlayerError.values())
                .filter(e -> e.code().equals(fault.code())).findFirst().orElse(null);
        int status = fault.httpStatus() != 0 ? fault.httpStatus() : known != null ? known.status() : 400;
        String code = fault.code() != null ? fault.code() : switch (status) {
            case 401 -> "AUTHFAILURE_UNAUTHORIZED_OPERATION";
            case 403 -> "OPERATION_FAILED_FOR_RECYCLE_RESOURCE";
            case 404 -> "OPERATION_FAILED_RESOURCE_NOT_FOUND";
            case 429 -> "REQUEST_LIMIT_EXCEEDED";
            case 503 -> "SERVICE_TEMPORARY_UNAVAILABLE";
            case 504 -> "REQUEST_TIMED_OUT";
            default -> status >= 500 ? "INTERNAL_SERVER_ERROR" : "INVALID_PARAMETER_VALUE";
        };
        String message = fault.message() != null ? fault.message()
                : "Fault injected by cloudmock rule " + fault.ruleId() + ".";
        exchange.errorCode = code;
        ZenlayerJson.error(ctx, requestId, status, code, message);
    }

    /** A header by case-insensitive name, trimmed; null when absent or blank. */
    private static String header(Context ctx, String name) {
        String v = ctx.header(name);
        if (v == null) return null;
        v = v.trim();
        return v.isEmpty() ? null : v;
    }

    private static byte[] body(Context ctx) {
        byte[] raw;
        try {
            raw = ctx.bodyAsBytes();
        } catch (RuntimeException e) {
            raw = null;
        }
        if (raw == null || raw.length > Limits.PROVIDER_BODY_BYTES) {
            throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with("body", Limits.PROVIDER_BODY_BYTES + " bytes");
        }
        return raw;
    }
}
