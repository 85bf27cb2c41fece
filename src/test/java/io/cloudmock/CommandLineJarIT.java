package io.cloudmock;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The self-contained jar as {@code java -jar} runs it: its log lines keep their format while the start skips what
 * need not happen (logback's own configuration, the pattern compiler, picocli for plain options); which classes
 * load is read from the JVM's class-load log, so nothing here depends on timing.
 */
class CommandLineJarIT {
    static final Path JAR = Path.of("target", "cloudmock.jar");

    record Stopped(String err, List<String> classes) {}

    /** Starts the jar, asks for one NCP list, stops it with SIGTERM; answers its stderr and the classes it loaded. */
    static Stopped runOnce(Path dir, String... args) throws Exception {
        Path classLog = dir.resolve("classes-" + System.nanoTime() + ".log");
        List<String> command = new java.util.ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
                "-Xlog:class+load:file=" + classLog, "-jar", JAR.toString(), "--port", "0"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("CLOUDMOCK_"));
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        try {
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
                } catch (java.io.IOException e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
            assertNotNull(line, "no line on stdout");
            assertTrue(line.startsWith("cloudmock listening on "), line);
            String base = line.substring("cloudmock listening on ".length());
            int status = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/vserver/v2/getRegionList")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            assertEquals(200, status);
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        }
        return new Stopped(err.get(30, TimeUnit.SECONDS), Files.readAllLines(classLog));
    }

    private static boolean loaded(List<String> classes, String prefix) {
        return classes.stream().anyMatch(l -> l.contains("] " + prefix));
    }

    @Test
    void theJarCarriesTheConfiguratorThePlainJarDoesNot() throws Exception {
        String service = "META-INF/services/ch.qos.logback.classic.spi.Configurator";
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertNotNull(jar.getEntry(service));
            assertEquals(CliLogConfigurator.class.getName(),
                    new String(jar.getInputStream(jar.getEntry(service)).readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void textLinesKeepTheirFormatWithoutLogbacksOwnConfigurationOrPicocli(@TempDir Path dir) throws Exception {
        Stopped run = runOnce(dir);
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  requests - GET /vserver/v2/getRegionList 200.*"),
                lines.get(0));
        for (String skipped : List.of("ch.qos.logback.classic.util.DefaultJoranConfigurator",
                "ch.qos.logback.classic.BasicConfigurator", "ch.qos.logback.classic.joran.",
                "ch.qos.logback.classic.PatternLayout", "ch.qos.logback.core.pattern.parser.", "picocli.")) {
            assertFalse(loaded(run.classes(), skipped), skipped + " was loaded");
        }
        assertTrue(loaded(run.classes(), "io.cloudmock.CliLogConfigurator"), "found as a service");
    }

    @Test
    void jsonLinesToo(@TempDir Path dir) throws Exception {
        Stopped run = runOnce(dir, "--log-format", "json", "--log-level", "info");
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        JsonNode json = Json.MAPPER.readTree(lines.get(0));
        assertEquals("INFO", json.get("level").asText());
        assertEquals("cloudmock.requests", json.get("logger").asText());
        assertTrue(json.get("message").asText().startsWith("GET /vserver/v2/getRegionList 200"), lines.get(0));
        assertFalse(loaded(run.classes(), "ch.qos.logback.classic.joran."));
    }

    @Test
    void helpStillComesFromPicocli(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-jar", JAR.toString(), "--help")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("--transition-delay=DURATION") && out.contains("env CLOUDMOCK_LOG_LEVEL"), out);
    }
}
