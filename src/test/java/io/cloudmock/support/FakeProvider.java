package io.cloudmock.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Backend;
import io.cloudmock.core.Exchange;
import io.cloudmock.core.Fault;
import io.cloudmock.core.Resource;
import io.cloudmock.core.ResourceJson;
import io.cloudmock.core.Json;
import io.cloudmock.core.ResourceKind;
import io.cloudmock.core.Transition;
import io.cloudmock.core.TransitionTable;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tiny provider named {@code test}, so the provider-neutral parts (control API, journal, faults, state file)
 * are tested without the real ones. Wire: {@code POST /test/{action}} with {@code {"ids": [...]}}, the account
 * in header {@code X-Test-Key}; answers {@code {"instances": [...]}} or {@code {"code", "message"}}.
 */
public final class FakeProvider implements ResourceKind {
    public static final String NAME = "test";
    static final TransitionTable TABLE = new TransitionTable(
            Set.of("CREATING", "RUNNING", "STOPPING", "STOPPED", "DELETING"),
            List.of(Transition.of("create", Set.of(), "CREATING", "RUNNING"),
                    Transition.of("stop", Set.of("RUNNING"), "STOPPING", "STOPPED"),
                    Transition.of("delete", Set.of("RUNNING", "STOPPED"), "DELETING", Transition.GONE)));

    private final Backend backend;

    private FakeProvider(Backend backend) { this.backend = backend; }

    /** For {@code CloudMock.builder().provider(FakeProvider::install)}. */
    public static void install(Backend backend, RoutesConfig routes) {
        FakeProvider p = new FakeProvider(backend);
        backend.register(p);
        routes.post("/test/{action}", p::handle);
    }

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

    private void handle(Context ctx) throws Exception {
        Exchange ex = ctx.attribute(Exchange.ATTRIBUTE);
        String action = ctx.pathParam("action");
        String key = ctx.header("X-Test-Key");
        ex.provider = NAME;
        ex.action = action;
        if (key != null) ex.account = key;
        JsonNode body = ctx.body().isEmpty() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(ctx.body());
        List<String> ids = new ArrayList<>();
        body.path("ids").forEach(n -> ids.add(n.asText()));

        Optional<Fault> fault = backend.faults().match(NAME, action, ids);
        if (fault.isPresent()) {
            fault.get().pause();
            if (fault.get().isError()) {
                Fault f = fault.get();
                ex.errorCode = f.code() == null ? "FAULT" : f.code();
                ObjectNode err = Json.MAPPER.createObjectNode().put("code", ex.errorCode)
                        .put("message", f.message() == null ? "injected" : f.message());
                ctx.status(f.httpStatus() == 0 ? 400 : f.httpStatus()).contentType("application/json").result(err.toString());
                return;
            }
        }
        ArrayNode out = backend.store().account(ex.account).atomically(tx -> {
            ArrayNode list = Json.MAPPER.createArrayNode();
            switch (action) {
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
                    for (String id : ids) {
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
        ObjectNode reply = Json.MAPPER.createObjectNode();
        reply.set("instances", out);
        ctx.contentType("application/json").result(reply.toString());
    }
}
