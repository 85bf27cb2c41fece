package io.cloudmock.core;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/**
 * How large and how deep the {@code fields} of a resource given through the control API, a seed or a state
 * import may be. Without a bound, fields nested nearly as deep as Jackson parses were accepted and then could
 * never be written again (the export adds its own levels), so every export and every save failed from then on.
 * Real resources are a few levels and a few KiB.
 */
public final class FieldLimits {
    /** Levels of objects and arrays inside {@code fields} (the object itself is level 1). */
    public static final int MAX_DEPTH = 32;
    /** The fields of one resource, as compact JSON. */
    public static final int MAX_BYTES = 64 * 1024;

    private FieldLimits() {}

    /** IllegalArgumentException naming {@code where} when {@code fields} is too deep or too large. */
    public static void check(JsonNode fields, String where) {
        if (fields == null) return;
        if (depthOver(fields, 1)) {
            throw new IllegalArgumentException(where + " nests deeper than " + MAX_DEPTH + " levels");
        }
        int size;
        try {
            size = Json.MAPPER.writeValueAsBytes(fields).length;
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " cannot be written as JSON: " + e.getMessage());
        }
        if (size > MAX_BYTES) {
            throw new IllegalArgumentException(where + " is " + size + " bytes of JSON; at most " + MAX_BYTES + " are kept per resource");
        }
    }

    /** Stops at the first level past the limit, so a hostile tree costs no more than the limit to check. */
    private static boolean depthOver(JsonNode node, int level) {
        if (!node.isContainerNode()) return false;
        if (level > MAX_DEPTH) return true;
        for (JsonNode child : node) {
            if (depthOver(child, level + 1)) return true;
        }
        return false;
    }
}
