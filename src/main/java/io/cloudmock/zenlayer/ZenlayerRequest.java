package io.cloudmock.zenlayer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request body (or a nested object of it) with typed, validating getters. A JSON {@code null} counts as
 * absent, since the Go SDK omits unset fields and others send them as null. Wrong JSON types answer
 * INVALID_PARAMETER_TYPE naming the parameter by its dotted path (e.g. {@code systemDisk.diskSize}).
 */
public final class ZenlayerRequest {
    /** Batches and id filters: "The maximum number of instances in each request is 100." */
    public static final int MAX_IDS = 100;
    public static final int MAX_PAGE_SIZE = 1000;
    public static final int DEFAULT_PAGE_SIZE = 20;

    /** Trailing garbage after the JSON value is malformed input too. */
    private static final ObjectReader READER = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ObjectNode node;
    private final String prefix;
    /** The dotted names read, shared by the nested objects (array elements as {@code name[].field}). */
    private final Set<String> read;

    private ZenlayerRequest(ObjectNode node, String prefix) { this(node, prefix, new java.util.HashSet<>()); }

    private ZenlayerRequest(ObjectNode node, String prefix, Set<String> read) {
        this.node = node;
        this.prefix = prefix;
        this.read = read;
    }

    /** Parses a whole body: empty is {@code {}}; malformed JSON or anything but an object is a type error. */
    public static ZenlayerRequest parse(byte[] raw) {
        if (raw.length == 0) return new ZenlayerRequest(Json.MAPPER.createObjectNode(), "");
        JsonNode n;
        try {
            n = READER.readTree(raw);
        } catch (JacksonException e) {
            throw ZenlayerError.INVALID_PARAMETER_TYPE.with("body", "a JSON object (the body is not valid JSON)");
        } catch (IOException e) {
            throw ZenlayerError.INVALID_PARAMETER_TYPE.with("body", "a JSON object");
        }
        if (n == null || n.isMissingNode()) return new ZenlayerRequest(Json.MAPPER.createObjectNode(), "");
        if (!n.isObject()) throw ZenlayerError.INVALID_PARAMETER_TYPE.with("body", "a JSON object");
        return new ZenlayerRequest((ObjectNode) n, "");
    }

    public static ZenlayerRequest of(ObjectNode node) { return new ZenlayerRequest(node, ""); }

    public ObjectNode node() { return node; }

    private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("\\[[0-9]+]");

    /**
     * The fields sent (not null) that nothing read, by dotted name ({@code systemDisk.bogus}, {@code ruleInfos[].x}):
     * a nested object is looked into only when it was read itself.
     */
    public List<String> unread() {
        Set<String> out = new LinkedHashSet<>();
        unread(node, "", out);
        return new ArrayList<>(out);
    }

    private void unread(JsonNode object, String at, Set<String> out) {
        object.fields().forEachRemaining(f -> {
            if (f.getValue().isNull()) return;
            String name = at + f.getKey();
            if (!read.contains(name)) {
                out.add(name);
            } else if (f.getValue().isObject()) {
                unread(f.getValue(), name + ".", out);
            } else if (f.getValue().isArray()) {
                for (JsonNode e : f.getValue()) if (e.isObject()) unread(e, name + "[].", out);
            }
        });
    }

    /** The dotted name of a parameter of this object, for messages. */
    public String path(String name) { return prefix + name; }

    private JsonNode value(String name) {
        JsonNode v = node.get(name);
        if (v == null) return null; // only a parameter sent can be unread: the rest need no record
        read.add(prefix.isEmpty() ? name : INDEX.matcher(path(name)).replaceAll("[]"));
        return v.isNull() ? null : v;
    }

    public boolean has(String name) { return value(name) != null; }

    public String string(String name) {
        JsonNode v = value(name);
        if (v == null) return null;
        if (!v.isTextual()) throw ZenlayerError.INVALID_PARAMETER_TYPE.with(path(name), "a string");
        return v.textValue();
    }

    /** A string that must be present and non-empty. */
    public String requiredString(String name) {
        String s = string(name);
        if (s == null || s.isEmpty()) throw ZenlayerError.MISSING_PARAMETER.with(path(name));
        return s;
    }

    /** An optional string that must be one of {@code allowed}. */
    public String enumValue(String name, Set<String> allowed) {
        String s = string(name);
        if (s != null && !allowed.contains(s)) {
            throw ZenlayerError.INVALID_PARAMETER_VALUE.with(s, path(name), String.join(", ", new TreeSet<>(allowed)));
        }
        return s;
    }

    public String requiredEnum(String name, Set<String> allowed) {
        requiredString(name);
        return enumValue(name, allowed);
    }

    public Integer integer(String name) {
        JsonNode v = value(name);
        if (v == null) return null;
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw ZenlayerError.INVALID_PARAMETER_TYPE.with(path(name), "an integer");
        return v.intValue();
    }

    /** An optional integer within [min, max]. */
    public Integer integer(String name, int min, int max) {
        JsonNode v = value(name);
        if (v != null && v.isIntegralNumber() && !v.canConvertToInt()) {
            // an integer beyond 32 bits is out of range, not of the wrong type
            if (v.bigIntegerValue().signum() > 0) throw ZenlayerError.INVALID_PARAMETER_EXCEED_MAXIMUM.with(path(name), max);
            throw ZenlayerError.INVALID_PARAMETER_LESS_MINIMUM.with(path(name), min);
        }
        Integer i = integer(name);
        if (i == null) return null;
        if (i < min) throw ZenlayerError.INVALID_PARAMETER_LESS_MINIMUM.with(path(name), min);
        if (i > max) throw ZenlayerError.INVALID_PARAMETER_EXCEED_MAXIMUM.with(path(name), max);
        return i;
    }

    public Double number(String name) {
        JsonNode v = value(name);
        if (v == null) return null;
        if (!v.isNumber()) throw ZenlayerError.INVALID_PARAMETER_TYPE.with(path(name), "a number");
        // 1e400 parses as Infinity, which would be stored and rendered as the string "Infinity"
        if (!Double.isFinite(v.doubleValue())) throw ZenlayerError.INVALID_PARAMETER_EXCEED_MAXIMUM.with(path(name), Double.MAX_VALUE);
        return v.doubleValue();
    }

    public Boolean bool(String name) {
        JsonNode v = value(name);
        if (v == null) return null;
        if (!v.isBoolean()) throw ZenlayerError.INVALID_PARAMETER_TYPE.with(path(name), "a boolean");
        return v.booleanValue();
    }

    /** A nested object, or null when absent. */
    public ZenlayerRequest object(String name) {
        JsonNode v = value(name);
        if (v == null) return null;
        if (!v.isObject()) throw ZenlayerError.INVALID_PARAMETER_TYPE.with(path(name), "an object");
        return new ZenlayerRequest((ObjectNode) v, path(name) + ".", read);
    }

    /** A list of objects, or null when absent. */
    public List<ZenlayerRequest> objects(String name) {
        JsonNode v = value(name);
        if (v == null) return null;
        if (!v.isArray()) throw ZenlayerError.INVALID_PARAMETER_TYPE.with(path(name), "an array of objects");
        List<ZenlayerRequest> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isObject()) throw ZenlayerError.INVALID_PARAMETER_TYPE.with(path(name), "an array of objects");
            out.add(new ZenlayerRequest((ObjectNode) e, path(name) + "[" + i + "].", read));
        }
        return out;
    }

    /** A list of strings, or null when absent. */
    public List<String> strings(String name) {
        JsonNode v = value(name);
        if (v == null) return null;
        if (!v.isArray()) throw ZenlayerError.INVALID_PARAMETER_TYPE.with(path(name), "an array of strings");
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            if (!e.isTextual()) throw ZenlayerError.INVALID_PARAMETER_TYPE.with(path(name), "an array of strings");
            out.add(e.textValue());
        }
        return out;
    }

    /** A list of strings with at most {@code max} items, or null when absent. */
    public List<String> strings(String name, int max) {
        List<String> s = strings(name);
        if (s != null && s.size() > max) throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with(path(name), max);
        return s;
    }

    /** The required {@code instanceIds} of a batch action: 1 to 100 ids, duplicates folded, order kept. */
    public List<String> instanceIds() {
        List<String> ids = strings("instanceIds", MAX_IDS);
        if (ids == null || ids.isEmpty()) throw ZenlayerError.MISSING_PARAMETER.with(path("instanceIds"));
        for (String id : ids) {
            if (id.isEmpty()) throw ZenlayerError.MISSING_PARAMETER.with(path("instanceIds"));
        }
        return new ArrayList<>(new LinkedHashSet<>(ids));
    }

    /** {@code pageSize}: default 20, 1 to 1000. */
    public int pageSize() {
        Integer p = integer("pageSize", 1, MAX_PAGE_SIZE);
        return p == null ? DEFAULT_PAGE_SIZE : p;
    }

    /** {@code pageNum}: default 1, from 1. */
    public int pageNum() {
        Integer p = integer("pageNum", 1, Integer.MAX_VALUE);
        return p == null ? 1 : p;
    }

    /** The page {@code pageNum} of {@code items}, {@code pageSize} per page (empty past the end). */
    public <T> List<T> page(List<T> items) {
        int size = pageSize();
        long from = (long) (pageNum() - 1) * size;
        if (from >= items.size()) return List.of();
        return items.subList((int) from, (int) Math.min(items.size(), from + size));
    }
}
