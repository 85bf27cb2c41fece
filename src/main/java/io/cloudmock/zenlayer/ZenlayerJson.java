package io.cloudmock.zenlayer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Resource;
import io.cloudmock.core.Json;
import io.javalin.http.Context;

import java.util.Locale;
import java.util.UUID;

/**
 * The Zenlayer wire envelope (reference section 4): success is 200
 * {@code {"requestId":"T<UUID>","response":{"requestId":<same>,...}}}; an error is its status with
 * {@code {"requestId","code","message"}} and no {@code response}. Always {@code application/json}.
 */
public final class ZenlayerJson {
    public static final String CONTENT_TYPE = "application/json";

    private ZenlayerJson() {}

    /** {@code T} + an upper-case UUID, as in every documented example. */
    public static String newRequestId() { return "T" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT); }

    /** The inner {@code response} object, already holding its {@code requestId} (first, as documented). */
    public static ObjectNode response(String requestId) { return Json.MAPPER.createObjectNode().put("requestId", requestId); }

    public static void success(Context ctx, String requestId, ObjectNode response) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("requestId", requestId);
        body.set("response", response);
        write(ctx, 200, body);
    }

    /** An error envelope; public so that other parts (fault rules) can answer in Zenlayer's own format. */
    public static void error(Context ctx, String requestId, int status, String code, String message) {
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("requestId", requestId)
                .put("code", code)
                .put("message", message);
        write(ctx, status, body);
    }

    public static void error(Context ctx, String requestId, ZenlayerException e) {
        error(ctx, requestId, e.error().status(), e.error().code(), e.getMessage());
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

    private static void write(Context ctx, int status, ObjectNode body) {
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
