package io.cloudmock.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Plain JSON trees built and written with jackson-core's generator alone, without {@link Json#MAPPER}: the health
 * probe is polled while the server starts (Docker, Testcontainers, a script's wait loop), and building the
 * mapper (its type factory, its date format and the locale data that loads) is about a third of the CPU the
 * command line spends before its first answer. The mapper is built meanwhile, after listening. Only for trees
 * of plain values (a node's own {@code serialize} wants the mapper's serializer provider).
 */
public final class JsonTrees {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTrees() {}

    public static ObjectNode object() { return JsonNodeFactory.instance.objectNode(); }

    /** The bytes {@code Json.MAPPER.writeValueAsBytes(tree)} would give, for a tree of plain values. */
    public static byte[] bytes(JsonNode tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, JsonNode n) throws IOException {
        if (n.isObject()) {
            g.writeStartObject();
            for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) n::fields) {
                g.writeFieldName(field.getKey());
                write(g, field.getValue());
            }
            g.writeEndObject();
        } else if (n.isArray()) {
            g.writeStartArray();
            for (JsonNode item : n) write(g, item);
            g.writeEndArray();
        } else if (n.isTextual()) {
            g.writeString(n.textValue());
        } else if (n.isIntegralNumber()) {
            if (n.canConvertToLong()) g.writeNumber(n.longValue());
            else g.writeNumber(n.bigIntegerValue());
        } else if (n.isBigDecimal()) {
            g.writeNumber(n.decimalValue());
        } else if (n.isNumber()) {
            g.writeNumber(n.doubleValue());
        } else if (n.isBoolean()) {
            g.writeBoolean(n.booleanValue());
        } else if (n.isNull()) {
            g.writeNull();
        } else {
            throw new IllegalArgumentException("not a plain JSON value: " + n.getNodeType());
        }
    }
}
