package io.cloudmock.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Trees written without the mapper ({@link JsonTrees}, the health probe's) are byte for byte what the mapper
 * writes: escapes, non-ASCII text, every kind of number, nesting, empty containers, null.
 */
class JsonTreesTest {
    @Test
    void writesWhatTheMapperWrites() throws Exception {
        ObjectNode tree = JsonTrees.object()
                .put("status", "ok")
                .put("quote", "say \"hi\"\\ \n\t\u0001 </script>")
                .put("unicode", "서버 \uD83D\uDE80 é")
                .put("long", Long.MIN_VALUE)
                .put("int", 7)
                .put("double", 0.1)
                .put("float", 1.5f)
                .put("big", new BigInteger("123456789012345678901234567890"))
                .put("decimal", new BigDecimal("1.50"))
                .put("yes", true)
                .put("no", false)
                .putNull("nothing")
                .put("", "empty name");
        tree.putArray("list").add(1).add("two").addNull().add(JsonTrees.object().put("x", -0.0))
                .addArray().add(JsonTrees.object());
        tree.putObject("nested").putObject("deeper").putArray("empty");
        assertArrayEquals(Json.MAPPER.writeValueAsBytes(tree), JsonTrees.bytes(tree));
    }

    @Test
    void refusesWhatOnlyTheMapperCanWrite() {
        ObjectNode tree = JsonTrees.object().putPOJO("pojo", new Object());
        assertThrows(IllegalArgumentException.class, () -> JsonTrees.bytes(tree));
    }
}
