package io.cloudmock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plain jar ({@code mvn install}'s artifact, embedded by other projects) carries no logging configuration,
 * so an embedding project's own logback.xml is the only one: no "occurs multiple times" warnings, no Jetty
 * INFO lines in its log. Logging is configured by {@code Main} alone (see MainTest for the text lines).
 */
class LibraryJarIT {
    static final Path PLAIN = Path.of("target", "cloudmock-" + Version.VALUE + ".jar");

    @Test
    void thePlainJarHasNoLogbackConfiguration() throws Exception {
        try (JarFile jar = new JarFile(PLAIN.toFile())) {
            assertNotNull(jar.getEntry("io/cloudmock/CloudMock.class"));
            List<String> logging = jar.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.matches("(?i).*logback.*\\.(xml|groovy)|META-INF/services/ch\\.qos\\.logback.*")).toList();
            assertEquals(List.of(), logging);
        }
    }

    @Test
    void anEmbeddingProjectLogsOnlyAsItsOwnLogbackXmlSays(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("logback.xml"), """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>EMBEDDER %level %logger - %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        Path source = project.resolve("Embedder.java");
        Files.writeString(source, """
                public class Embedder {
                    public static void main(String[] args) throws Exception {
                        try (io.cloudmock.CloudMock mock = io.cloudmock.CloudMock.builder().port(0).start()) {
                            java.net.http.HttpClient.newHttpClient().send(
                                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(mock.baseUrl() + "/vserver/v2/getRegionList")).build(),
                                    java.net.http.HttpResponse.BodyHandlers.discarding());
                        }
                    }
                }
                """);
        // the plain jar and its dependencies (this JVM's class path without the build's own classes)
        List<String> classpath = new ArrayList<>(List.of(project.toString(), PLAIN.toAbsolutePath().toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath().normalize();
            if (p.startsWith(Path.of("target").toAbsolutePath())) continue;
            classpath.add(entry);
        }
        String cp = String.join(File.pathSeparator, classpath);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-cp", cp, "-d", project.toString(), source.toString()));

        Process p = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-cp", cp, "Embedder")
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains("ch.qos.logback"), "logback complained:\n" + out);
        assertFalse(out.contains("occurs multiple times"), out);
        assertTrue(out.contains("EMBEDDER INFO cloudmock.requests - GET /vserver/v2/getRegionList 200"), out);
        for (String line : out.lines().toList()) assertTrue(line.startsWith("EMBEDDER "), "not the embedder's pattern: " + line);
    }
}
