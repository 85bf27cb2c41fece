package io.cloudmock.core;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The control API's view of an instance: {@code {provider, account, id, state, fields}}. */
public final class InstanceJson {
    private InstanceJson() {}

    /** Call under the instance's account lock (its fields may change otherwise). */
    public static ObjectNode view(Instance i) {
        ObjectNode n = Json.MAPPER.createObjectNode()
                .put("provider", i.provider())
                .put("account", i.account())
                .put("id", i.id())
                .put("state", i.state());
        n.set("fields", Json.MAPPER.valueToTree(i.fields()));
        return n;
    }
}
