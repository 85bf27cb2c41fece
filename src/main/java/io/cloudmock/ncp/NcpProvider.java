package io.cloudmock.ncp;

import io.cloudmock.core.Account;
import io.cloudmock.core.Backend;
import io.cloudmock.core.Fault;
import io.cloudmock.core.ProviderApi;
import io.cloudmock.core.Reply;
import io.cloudmock.core.ResourceStore;
import io.cloudmock.core.Verdict;
import io.cloudmock.core.http.HttpCall;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One API under the NCP gateway as the core pipeline sees it: a path prefix ({@code /vserver/v2}, {@code /server/v2},
 * {@code /vpc/v2}), the flavour whose servers it sees, and its actions. Parameters come from the query and a form
 * body (name.N lists); the account is the access key header; the format is {@code responseFormatType}.
 */
final class NcpProvider implements ProviderApi<NcpProvider.Call> {
    /** One decoded call: the action (null for a path that names none), parameters, format, claimed access key. */
    record Call(String action, NcpParams params, NcpFormat format, String accessKey) {}

    private final String prefix;
    private final NcpFlavour flavour;
    private final NcpModel model;
    private final Map<String, NcpAction> actions;
    private final Backend backend;

    /** Where else an action is served (an action sent to the wrong API: getVpcList to /vserver/v2). */
    private final java.util.function.Function<String, List<String>> servedAt;

    NcpProvider(String prefix, NcpFlavour flavour, NcpModel model, Map<String, NcpAction> actions, Backend backend,
                java.util.function.Function<String, List<String>> servedAt) {
        this.servedAt = servedAt;
        this.prefix = prefix;
        this.flavour = flavour;
        this.model = model;
        this.actions = actions;
        this.backend = backend;
    }

    String prefix() { return prefix; }

    boolean serves(String action) { return actions.containsKey(action); }

    @Override
    public Call decode(HttpCall ctx, byte[] body) {
        NcpParams params = NcpParams.decode(ctx.queryString(), formBody(ctx, body));
        String action = ctx.pathParam("action");
        String key = ctx.header(NcpSignature.ACCESS_KEY_HEADER);
        return new Call(action, params, NcpFormat.of(params.get("responseFormatType")),
                key == null || key.isBlank() ? ResourceStore.DEFAULT_ACCOUNT : key.trim());
    }

    /** The body's parameters when it is a form (or untyped, as curl -d sends); other bodies carry none. */
    private static String formBody(HttpCall ctx, byte[] body) {
        if (!"POST".equals(ctx.method()) || body.length == 0) return null;
        String type = ctx.contentType();
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) return null;
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override public String provider(Call call) { return flavour.provider; }
    @Override public String action(Call call) { return call.action(); }
    @Override public String account(Call call) { return call.accessKey(); }
    @Override public Object parameters(Call call) { return call.params().asMap(); }

    /** The gateway routes a call to its API before it checks the signature: an unknown action is its 404. */
    @Override
    public void route(Call call) {
        if (call.action() == null) throw NcpGatewayError.NOT_FOUND.with("URL not found.");
        if (!actions.containsKey(call.action())) {
            List<String> elsewhere = servedAt.apply(call.action());
            throw NcpGatewayError.NOT_FOUND.with("URL not found. cloudmock does not implement the action '" + call.action()
                    + "' of " + prefix + (elsewhere.isEmpty() ? "" : "; it serves it at " + String.join(" and ", elsewhere))
                    + " (see docs/coverage.md).");
        }
    }

    /** The API Gateway's signature check (v1 and v2 headers); the account is the access key in every mode. */
    @Override
    public Verdict verify(HttpCall ctx, Call call, byte[] body) {
        // the target exactly as sent: the Java SDK signs a bare trailing '?' of a call without parameters
        String target = ctx.rawTarget();
        NcpSignature.Result result = NcpSignature.verify(backend.config().credentials(), ctx.method(), target,
                ctx::header, Instant.now());
        if (result.ok()) return Verdict.passed(null);
        return Verdict.failed(null, result.outcome().toString(), result.detail(),
                NcpGatewayError.AUTHENTICATION_FAILED.with("Invalid authentication information."));
    }

    @Override
    public boolean notServed(Call call, RuntimeException e) {
        return e instanceof NcpGatewayError.NcpGatewayException g && g.error == NcpGatewayError.NOT_FOUND;
    }

    @Override
    public Action<Call> lookup(Call call) {
        NcpAction action = actions.get(call.action());
        return (c, account) -> {
            c.params().startReading();
            return action.handle(new NcpCall(flavour, model, c.params(), account, backend.clock()));
        };
    }

    /** The format is read by the provider itself, before the handler. */
    private static final java.util.Set<String> READ_BY_THE_PROVIDER = java.util.Set.of("responseFormatType");

    @Override
    public List<String> unreadParameters(Call call) { return call.params().unread(READ_BY_THE_PROVIDER); }

    /** The server numbers a call names, for fault rules aimed at one instance. */
    @Override
    public List<String> targetIds(Call call) {
        List<String> ids = new ArrayList<>(call.params().list("serverInstanceNoList"));
        String one = call.params().get("serverInstanceNo");
        if (one != null) ids.add(one);
        return ids;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Reply success(Call call, Object payload) {
        return NcpReplies.success(call.format(), call.action(), (Map<String, Object>) payload, backend.requestIds().get());
    }

    @Override
    public Reply error(Call call, RuntimeException e) {
        NcpFormat format = call == null ? NcpFormat.XML : call.format();
        if (e instanceof NcpException n) return NcpReplies.error(format, n.error().httpStatus(), n.error().code(), n.getMessage());
        if (e instanceof NcpGatewayError.NcpGatewayException g) return NcpReplies.gateway(format, g.error, g.getMessage());
        return null;
    }

    @Override
    public Reply fault(Call call, Fault fault) { return NcpFaults.reply(call.format(), fault); }

    /** The gateway's 413 (errorCode 430, reference 7.3), in the format the query asks for. */
    @Override
    public Reply unreadableBody(HttpCall ctx, boolean tooLarge) {
        NcpFormat format = NcpFormat.of(NcpParams.decode(ctx.queryString(), null).get("responseFormatType"));
        if (tooLarge) {
            return NcpReplies.gateway(format, NcpGatewayError.REQUEST_ENTITY_TOO_LARGE,
                    "The request body is larger than " + io.cloudmock.core.Limits.PROVIDER_BODY_BYTES + " bytes.");
        }
        return NcpReplies.error(format, 400, NcpError.INVALID_PARAMETER.code(),
                "The request body could not be read (truncated or malformed).");
    }

    @Override
    public Reply internalError(Call call) {
        return NcpReplies.gateway(call == null ? NcpFormat.XML : call.format(), NcpGatewayError.UNEXPECTED, "cloudmock failed; see its log.");
    }

}
