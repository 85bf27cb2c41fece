package io.cloudmock;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JUnit examples a reader copies are test classes of this suite, byte for byte: the block on the page is
 * the file under src/test/java, which the build compiles and runs like any other test. Editing one without the
 * other fails here.
 */
class JavaExamplesInDocsTest {
    static final Path EXAMPLE = Path.of("src", "test", "java", "RetryingStopTest.java");

    /** The ```java blocks of a page, in order. */
    static List<String> javaBlocks(Path page) throws IOException {
        Matcher m = Pattern.compile("(?m)^```java\\n(.*?)^```$", Pattern.DOTALL)
                .matcher(Files.readString(page, StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static void shows(Path page, Path source) throws IOException {
        String code = Files.readString(source, StandardCharsets.UTF_8);
        List<String> blocks = javaBlocks(page);
        assertTrue(blocks.contains(code), page + " must show " + source + " exactly; its java blocks are:\n"
                + String.join("\n----\n", blocks));
    }

    @Test
    void theReadmesJUnitExampleIsATestOfThisSuite() throws IOException {
        shows(Path.of("README.md"), EXAMPLE);
        assertEquals(1, javaBlocks(Path.of("README.md")).size(), "every java block of the README is checked");
    }

    @Test
    void controlApiMdShowsTheSameTest() throws IOException {
        shows(Path.of("docs", "control-api.md"), EXAMPLE);
    }
}
