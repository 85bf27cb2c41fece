package io.cloudmock.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cloudmock.core.Backend;
import io.cloudmock.core.Fault;
import io.cloudmock.core.Json;
import io.cloudmock.core.ProviderApi;
import io.cloudmock.core.Reply;
import io.cloudmock.core.Resource;
import io.cloudmock.core.ResourceJson;
import io.cloudmock.core.ResourceKind;
import io.cloudmock.core.ResourceStore;
import io.cloudmock.core.Transition;
import io.cloudmock.core.TransitionTable;
import io.cloudmock.core.Verdict;
import io.cloudmock.core.http.Routes;
import io.cloudmock.core.http.HttpCall;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tiny provider named {@code test}, so the provider-neutral parts (pipeline, control API, journal, faults, state
 * file) are tested without the real ones. Wire: {@code POST /test/{action}} with {@code {"ids": [...]}}, the account
 * in header {@code X-Test-Key}; answers {@code {"instances": [...]}} or {@code {"code", "message"}}. It plugs into
 * the same core pipeline as NCP and Zenlayer.
 */
public final class FakeProvider implements ResourceKind, ProviderApi<FakeProvider.Call> {
    public static final String NAME = "test";
    static final TransitionTable TABLE = new TransitionTable(
            Set.of("CREATING", "RUNNING", "STOPPING", "STOPPED", "DELETING"),
            List.of(Transition.of("create", Set.of(), "CREATING", "RUNNING"),
                    Transition.of("stop", Set.of("RUNNING"), "STOPPING", "STOPPED"),
                    Transition.of("delete", Set.of("RUNNING", "STOPPED"), "DELETING", Transition.GONE)));

    record Call(String action, String account, JsonNode body, List<String> ids) {}

    private final Backend backend;

    private FakeProvider(Backend backend) { this.backend = backend; }

    /** For {@code CloudMock.builder().provider(FakeProvider::install)}. */
    public static void install(Backend backend, Routes routes) {
        FakeProvider p = new FakeProvider(backend);
        backend.register(p);
        routes.post("/test/{action}", ctx -> backend.pipeline().handle(ctx, p));
    }

    // ---- the resource kind

    @Override public String provider() { return NAME; }
    @Override public String kind() { return "vm"; }
    @Override public boolean isInstance() { return true; }
    @Override public TransitionTable table() { return TABLE; }
    @Override public String defaultState() { return "RUNNING"; }
    @Override public String newId() { return backend.ids().nextNumber(); }

    @Override
    public Map<String, Object> completeFields(String id, Map<String, Object> given, Instant now) {
        Object size = given.getOrDefault("size", "small");
        if (!Set.of("small", "large").contains(size)) throw new IllegalArgumentException("size must be small or large");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", "vm-" + id);
        f.put("size", size);
        f.put("createdAt", now.toString());
        f.putAll(given);
        return f;
    }

    // ---- the wire

    @Override
    public Call decode(HttpCall ctx, byte[] body) {
        JsonNode node;
        try {
            node = body.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            node = Json.MAPPER.createObjectNode();
        }
        List<String> ids = new ArrayList<>();
        node.path("ids").forEach(n -> ids.add(n.asText()));
        String key = ctx.header("X-Test-Key");
        return new Call(ctx.pathParam("action"), key == null ? ResourceStore.DEFAULT_ACCOUNT : key, node, ids);
    }

    @Override public String provider(Call call) { return NAME; }
    @Override public String action(Call call) { return call.action(); }
    @Override public String account(Call call) { return call.account(); }
    @Override public Object parameters(Call call) { return call.body(); }
    @Override public void route(Call call) { }
    @Override public Verdict verify(HttpCall ctx, Call call, byte[] body) { return Verdict.passed(null); }
    @Override public List<String> targetIds(Call call) { return call.ids(); }

    @Override
    public Action<Call> lookup(Call call) {
        return (c, account) -> account.atomically(tx -> {
            ArrayNode list = Json.MAPPER.createArrayNode();
            switch (c.action()) {
                case "create" -> {
                    String id = newId();
                    Resource i = new Resource(NAME, "vm", tx.account(), id, "CREATING", backend.clock().now(),
                            completeFields(id, Map.of(), backend.clock().now()));
                    tx.add(i);
                    tx.begin("create", i);
                    list.add(ResourceJson.view(i));
                }
                case "list" -> tx.list(NAME, "vm").forEach(i -> list.add(ResourceJson.view(i)));
                case "stop" -> {
                    for (String id : c.ids()) {
                        Resource i = tx.get(NAME, "vm", id);
                        if (i != null) {
                            if (TABLE.row("stop").allows(i.state())) tx.begin("stop", i);
                            list.add(ResourceJson.view(i));
                        }
                    }
                }
                default -> { }
            }
            return list;
        });
    }

    @Override
    public Reply success(Call call, Object payload) {
        ObjectNode reply = Json.MAPPER.createObjectNode();
        reply.set("instances", (ArrayNode) payload);
        return Reply.ok("application/json", reply.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override public Reply error(Call call, RuntimeException e) { return null; }

    @Override
    public Reply fault(Call call, Fault f) {
        String code = f.code() == null ? "FAULT" : f.code();
        ObjectNode err = Json.MAPPER.createObjectNode().put("code", code).put("message", f.message() == null ? "injected" : f.message());
        return new Reply(f.httpStatus() == 0 ? 400 : f.httpStatus(), "application/json",
                err.toString().getBytes(StandardCharsets.UTF_8), code);
    }

    @Override
    public Reply unreadableBody(HttpCall ctx, boolean tooLarge) {
        return new Reply(tooLarge ? 413 : 400, "application/json", "{\"code\":\"BAD_BODY\"}".getBytes(StandardCharsets.UTF_8), "BAD_BODY");
    }

    @Override
    public Reply internalError(Call call) {
        return new Reply(500, "application/json", "{\"code\":\"INTERNAL\"}".getBytes(StandardCharsets.UTF_8), "INTERNAL");
    }

}
