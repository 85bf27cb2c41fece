package io.cloudmock.zenlayer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Resource;
import com.fasterxml.jackson.databind.util.RawValue;
import io.cloudmock.core.Json;
import io.cloudmock.core.RenderCache;
import io.cloudmock.core.Reply;


/**
 * The Zenlayer wire envelope (reference section 4): success is 200
 * {@code {"requestId":"T<UUID>","response":{"requestId":<same>,...}}}; an error is its status with
 * {@code {"requestId","code","message"}} and no {@code response}. Always {@code application/json}.
 */
public final class ZenlayerJson {
    public static final String CONTENT_TYPE = "application/json";

    private ZenlayerJson() {}

    /** The inner {@code response} object, already holding its {@code requestId} (first, as documented). */
    public static ObjectNode response(String requestId) { return Json.MAPPER.createObjectNode().put("requestId", requestId); }

    static Reply success(String requestId, ObjectNode response) {
        return new Reply(200, CONTENT_TYPE, ZenlayerReplies.parts(requestId, response, ZenlayerJson::render), "");
    }

    private static byte[] render(String requestId, ObjectNode response) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("requestId", requestId);
        body.set("response", response);
        return bytes(body);
    }

    static Reply error(String requestId, int status, String code, String message) {
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("requestId", requestId)
                .put("code", code)
                .put("message", message);
        return new Reply(status, CONTENT_TYPE, bytes(body), code);
    }

    /** One InstanceInfo: every field of reference section 8, null where the instance has no value. */
    public static ObjectNode instance(Resource instance) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        for (String field : ZenlayerModel.FIELDS) {
            switch (field) {
                case "instanceId" -> o.put(field, instance.id());
                case "instanceStatus" -> o.put(field, instance.state());
                default -> {
                    Object v = instance.fields().get(field);
                    if (v == null) o.putNull(field);
                    else o.set(field, Json.MAPPER.valueToTree(v));
                }
            }
        }
        return o;
    }

    /** {@link #instance} as written (compact JSON), rendered once per version of the instance ({@link RenderCache}). */
    static RenderCache.Entry instanceEntry(Resource instance) {
        return RenderCache.entry(instance, "zenlayer instance", () -> {
            try {
                return Json.MAPPER.writeValueAsString(instance(instance));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The last array of instances written, by the entries it was made of. */
    private record Instances(RenderCache.Entry[] entries, RawValue raw) {}

    private static volatile Instances lastInstances;

    /**
     * A page of instances as one JSON array (what {@code dataSet} holds), made under the account lock. The same page
     * of unchanged instances asked for again is the same bytes, kept as UTF-8 so that writing it is one copy.
     */
    static RawValue instancesRaw(java.util.List<Resource> page) {
        RenderCache.Entry[] entries = new RenderCache.Entry[page.size()];
        for (int k = 0; k < entries.length; k++) entries[k] = instanceEntry(page.get(k));
        Instances last = lastInstances;
        if (last != null && sameEntries(last.entries(), entries)) return last.raw();
        StringBuilder b = new StringBuilder(entries.length * 1024 + 2).append('[');
        for (int k = 0; k < entries.length; k++) {
            if (k > 0) b.append(',');
            b.append((String) entries[k].view());
        }
        SerializedString text = new SerializedString(b.append(']').toString());
        text.asUnquotedUTF8(); // encoded once, here, not on every write
        RawValue raw = new RawValue(text);
        lastInstances = new Instances(entries, raw);
        return raw;
    }

    /** Forgets the array kept (tests: a cached answer against a fresh one). */
    static void forgetInstances() { lastInstances = null; }

    private static boolean sameEntries(RenderCache.Entry[] a, RenderCache.Entry[] b) {
        if (a.length != b.length) return false;
        for (int k = 0; k < a.length; k++) if (a[k] != b[k]) return false;
        return true;
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
