package io.cloudmock.zenlayer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Backend;
import io.cloudmock.core.Fault;
import io.cloudmock.core.Limits;
import io.cloudmock.core.ProviderApi;
import io.cloudmock.core.Reply;
import io.cloudmock.core.Verdict;
import io.cloudmock.core.http.HttpCall;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Zenlayer Cloud API 2.0 as the core pipeline sees it: {@code POST /api/v2/<service>}, action in
 * {@code X-ZC-Action}, version in {@code X-ZC-Version}, JSON body; the account is the access key of the
 * {@code ZC2-HMAC-SHA256} Authorization header (or a bearer token). Every answer is the {@code {requestId, ...}}
 * envelope of {@link ZenlayerJson}.
 */
final class ZenlayerProvider implements ProviderApi<ZenlayerProvider.Call> {
    static final String PREFIX = "/api/v2";
    private static final List<String> SINGLE_ID_FIELDS = List.of("instanceId", "resourceUuid");

    /** One decoded call; {@code body} is null until {@link #parse}. */
    record Call(String requestId, String path, String method, ZenlayerService service, String action, String version,
                byte[] raw, String account, ZenlayerRequest body) {
        Call parsed(ZenlayerRequest b) { return new Call(requestId, path, method, service, action, version, raw, account, b); }
    }

    private final Backend backend;
    private final ZenlayerModel model;

    ZenlayerProvider(Backend backend, ZenlayerModel model) {
        this.backend = backend;
        this.model = model;
    }

    @Override
    public Call decode(HttpCall ctx, byte[] body) {
        String path = ctx.path();
        // /api/v3/vm, /api/vm...: under Zenlayer's host but no API of 2.0
        String name = path.startsWith(PREFIX + "/") ? path.substring(PREFIX.length() + 1) : "";
        return new Call(requestId(), path, ctx.method(), ZenlayerActions.SERVICES.get(name),
                header(ctx, "X-ZC-Action"), header(ctx, "X-ZC-Version"), body, ZenlayerAuth.account(ctx, backend.config()), null);
    }

    /** {@code T} + an upper-case UUID, as in every documented example. */
    private String requestId() { return "T" + backend.requestIds().get().toUpperCase(Locale.ROOT); }

    @Override public String provider(Call call) { return ZenlayerModel.PROVIDER; }
    @Override public String action(Call call) { return call.action(); }
    @Override public String account(Call call) { return call.account(); }
    @Override public Object parameters(Call call) { return call.body() == null ? null : call.body().node(); }

    @Override
    public void route(Call call) {
        if (call.service() == null) {
            throw ZenlayerError.AUTHFAILURE_UNAUTHORIZED_OPERATION.with("The API " + call.path()
                    + " does not exist: cloudmock serves the Zenlayer VM service at POST /api/v2/vm"
                    + " (and the zrm tag action ModifyResourceTags at POST /api/v2/zrm) only.");
        }
        if (!"POST".equals(call.method())) {
            throw ZenlayerError.AUTHFAILURE_UNAUTHORIZED_OPERATION.with("The API " + call.method() + " " + PREFIX + "/"
                    + call.service().name() + " does not exist: Zenlayer Cloud API 2.0 accepts only POST.");
        }
    }

    @Override
    public Verdict verify(HttpCall ctx, Call call, byte[] body) { return ZenlayerAuth.verify(ctx, body, backend.config()); }

    /** In route and lookup this code means only an API, method or action cloudmock does not serve. */
    @Override
    public boolean notServed(Call call, RuntimeException e) {
        return e instanceof ZenlayerException z && z.error() == ZenlayerError.AUTHFAILURE_UNAUTHORIZED_OPERATION;
    }

    @Override
    public Action<Call> lookup(Call call) {
        ZenlayerService service = call.service();
        String action = call.action();
        String version = call.version();
        if (action == null) throw ZenlayerError.MISSING_PARAMETER.with("X-ZC-Action");
        if (version == null) throw ZenlayerError.MISSING_PARAMETER.with("X-ZC-Version");
        if (!service.knows(version)) throw ZenlayerError.INVALID_PARAMETER_VALUE.with(version, "X-ZC-Version", service.versions());
        if (!service.exists(version, action)) {
            throw ZenlayerError.AUTHFAILURE_UNAUTHORIZED_OPERATION.with("The action `" + action
                    + "` does not exist in the " + service.name() + " API version " + version + "; check that the API exists.");
        }
        ZenlayerAction handler = service.handlers().get(action);
        if (handler == null) {
            throw ZenlayerError.AUTHFAILURE_UNAUTHORIZED_OPERATION.with("The action `" + action + "` exists in the Zenlayer "
                    + service.name() + " API but is not implemented by cloudmock (see docs/coverage.md).");
        }
        return (c, account) -> {
            ObjectNode response = ZenlayerJson.response(c.requestId());
            handler.handle(new ZenlayerCall(c.version(), c.action(), c.requestId(), c.body(), account, backend, model), response);
            return response;
        };
    }

    @Override
    public Call parse(Call call) { return call.parsed(ZenlayerRequest.parse(call.raw())); }

    @Override
    public List<String> unreadParameters(Call call) { return call.body().unread(); }

    /** The instance ids a call names (instanceIds, instanceId, or zrm's resourceUuid), for rules aimed at one. */
    @Override
    public List<String> targetIds(Call call) {
        List<String> ids = new ArrayList<>();
        JsonNode many = call.body().node().get("instanceIds");
        if (many != null && many.isArray()) many.forEach(n -> { if (n.isTextual()) ids.add(n.textValue()); });
        for (String field : SINGLE_ID_FIELDS) {
            JsonNode one = call.body().node().get(field);
            if (one != null && one.isTextual()) ids.add(one.textValue());
        }
        return ids;
    }

    @Override
    public Reply success(Call call, Object payload) { return ZenlayerJson.success(call.requestId(), (ObjectNode) payload); }

    @Override
    public Reply error(Call call, RuntimeException e) {
        if (!(e instanceof ZenlayerException z)) return null;
        return ZenlayerJson.error(call.requestId(), z.error().status(), z.error().code(), z.getMessage());
    }

    @Override
    public Reply fault(Call call, Fault fault) { return ZenlayerFaults.reply(call.requestId(), fault); }

    @Override
    public Reply unreadableBody(HttpCall ctx, boolean tooLarge) {
        ZenlayerException e = tooLarge
                ? ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with("body", Limits.PROVIDER_BODY_BYTES + " bytes")
                : ZenlayerError.INVALID_PARAMETER_VALUE.with("(unreadable)", "body", "a complete JSON body");
        return ZenlayerJson.error(requestId(), e.error().status(), e.error().code(), e.getMessage());
    }

    @Override
    public Reply internalError(Call call) {
        ZenlayerException e = ZenlayerError.INTERNAL_SERVER_ERROR.with();
        return ZenlayerJson.error(call.requestId(), e.error().status(), e.error().code(), e.getMessage());
    }

    /** A header by case-insensitive name, trimmed; null when absent or blank. */
    private static String header(HttpCall ctx, String name) {
        String v = ctx.header(name);
        if (v == null) return null;
        v = v.trim();
        return v.isEmpty() ? null : v;
    }
}
