package io.cloudmock.core;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** The control API's view of a resource: {@code {provider, account, kind, id, state, fields, references}}. */
public final class ResourceJson {
    private ResourceJson() {}

    /** Call under the resource's account lock (its fields may change otherwise). */
    public static ObjectNode view(Resource r) {
        ObjectNode n = Json.MAPPER.createObjectNode()
                .put("provider", r.provider())
                .put("account", r.account())
                .put("kind", r.kind())
                .put("id", r.id())
                .put("state", r.state());
        n.set("fields", Json.MAPPER.valueToTree(r.fields()));
        n.set("references", references(r));
        return n;
    }

    /** One id as a string, several as an array, as {@code POST /_cloudmock/resources} takes them. */
    static ObjectNode references(Resource r) {
        ObjectNode refs = Json.MAPPER.createObjectNode();
        for (Map.Entry<String, List<String>> e : r.references().entrySet()) {
            if (e.getValue().size() == 1) refs.put(e.getKey(), e.getValue().get(0));
            else e.getValue().forEach(refs.putArray(e.getKey())::add);
        }
        return refs;
    }
}
