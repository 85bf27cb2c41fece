package io.cloudmock.zenlayer;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        ObjectNode body = Json.MAPPER.createObjectNode().put("requestId", requestId);
        body.set("response", response);
        return new Reply(200, CONTENT_TYPE, bytes(body), "");
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

    /** {@link #instance} as written (compact JSON), rendered once while nothing changes ({@link RenderCache}). */
    static RawValue instanceRaw(Resource instance) {
        return new RawValue(RenderCache.get(instance, "zenlayer instance", () -> {
            try {
                return Json.MAPPER.writeValueAsString(instance(instance));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
