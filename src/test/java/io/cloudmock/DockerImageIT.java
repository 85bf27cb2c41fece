package io.cloudmock;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Docker image without Docker: reads the runtime stage of {@code docker/Dockerfile} and runs its exact
 * ENTRYPOINT with its ENV against the built {@code target/cloudmock.jar} (the jar the build stage copies to
 * /app/cloudmock.jar), as {@code docker run -e CLOUDMOCK_PORT=N image} would, then what the CI workflow's smoke
 * job does: wait for health, run the HEALTHCHECK command, call one NCP and one Zenlayer action, stop it with
 * SIGTERM (as {@code docker stop}). Runs in {@code mvn verify} after the jar is packaged (failsafe).
 * The only substitutions: {@code java} is this JVM's java and the jar path is the built one.
 */
class DockerImageIT {
    static final Path DOCKERFILE = Path.of("docker", "Dockerfile");
    static final Path JAR = Path.of("target", "cloudmock.jar");
    static final String IMAGE_JAR = "/app/cloudmock.jar";
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    static Stage runtime;

    /** The instructions of the Dockerfile's last stage that the image's behaviour depends on. */
    record Stage(Map<String, String> env, List<String> entrypoint, List<String> expose, String user,
                 String healthcheck, List<String> copies) {}

    @BeforeAll
    static void readDockerfile() throws IOException {
        runtime = parse(Files.readString(DOCKERFILE, StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by `mvn package` before this test runs");
    }

    /** Logical lines (continuations joined, comments dropped) of the last stage, read as Docker reads them. */
    static Stage parse(String dockerfile) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : dockerfile.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.length() == 0)) continue;
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
            } else {
                lines.add(current.append(line).toString().strip());
                current.setLength(0);
            }
        }
        int lastFrom = -1;
        for (int i = 0; i < lines.size(); i++) if (keyword(lines.get(i)).equals("FROM")) lastFrom = i;
        assertTrue(lastFrom >= 0, "no FROM");

        Map<String, String> env = new LinkedHashMap<>();
        List<String> entrypoint = null;
        List<String> expose = new ArrayList<>();
        List<String> copies = new ArrayList<>();
        String user = "root";
        String healthcheck = null;
        for (String line : lines.subList(lastFrom + 1, lines.size())) {
            String rest = line.substring(keyword(line).length()).strip();
            switch (keyword(line)) {
                case "ENV" -> {
                    for (String pair : rest.split("\\s+")) {
                        int eq = pair.indexOf('=');
                        if (eq <= 0) fail("only ENV KEY=VALUE is understood here: " + line);
                        env.put(pair.substring(0, eq), unquote(pair.substring(eq + 1)));
                    }
                }
                case "ENTRYPOINT" -> {
                    assertTrue(rest.startsWith("["), "ENTRYPOINT must be exec form (signals reach java): " + line);
                    entrypoint = Json.MAPPER.readValue(rest, new TypeReference<List<String>>() {});
                }
                case "EXPOSE" -> expose.addAll(List.of(rest.split("\\s+")));
                case "USER" -> user = rest;
                case "COPY" -> copies.add(rest);
                case "HEALTHCHECK" -> {
                    Matcher m = Pattern.compile("^(?:--\\S+\\s+)*CMD\\s+(.+)$").matcher(rest);
                    assertTrue(m.matches(), "HEALTHCHECK ... CMD <shell command>: " + line);
                    healthcheck = m.group(1);
                }
                default -> { }
            }
        }
        assertTrue(entrypoint != null, "no ENTRYPOINT in the runtime stage");
        return new Stage(env, entrypoint, expose, user, healthcheck, copies);
    }

    private static String keyword(String line) {
        int space = line.indexOf(' ');
        return (space < 0 ? line : line.substring(0, space)).toUpperCase(java.util.Locale.ROOT);
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    @Test
    void runtimeStageKeepsTheImageContract() {
        assertEquals("0.0.0.0", runtime.env().get("CLOUDMOCK_HOST"));
        assertEquals("8080", runtime.env().get("CLOUDMOCK_PORT"));
        // a published port is reached under any name (docker run -p, a CI service's host name)
        assertEquals("*", runtime.env().get("CLOUDMOCK_ALLOWED_HOSTS"));
        for (String name : runtime.env().keySet()) {
            assertTrue(name.startsWith("CLOUDMOCK_"), "options are set through CLOUDMOCK_* only: " + name);
        }
        assertEquals(List.of("8080"), runtime.expose());
        assertFalse(List.of("root", "0", "0:0", "root:root").contains(runtime.user()), "runs as a non-root user");
        List<String> ep = runtime.entrypoint();
        assertEquals("java", ep.get(0));
        assertEquals(List.of("-jar", IMAGE_JAR), ep.subList(ep.size() - 2, ep.size()));
        assertTrue(runtime.copies().stream().anyMatch(c -> c.matches("--from=build\\s+/src/target/cloudmock\\.jar\\s+" + IMAGE_JAR)),
                "the jar copied from the build stage: " + runtime.copies());
        assertTrue(runtime.healthcheck() != null && runtime.healthcheck().contains("/_cloudmock/health"), runtime.healthcheck());
    }

    @Test
    void theJarPrintsTheBuildsVersion() throws Exception {
        Process p = new ProcessBuilder(java(), "-jar", JAR.toString(), "--version").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("cloudmock " + Version.VALUE, new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        assertNotEquals("dev", Version.VALUE);
    }

    /** What {@code docker run -e CLOUDMOCK_PORT=port [-e extra] image} starts, minus the container. */
    static final class Container implements AutoCloseable {
        final Process process;
        final Path stdout;
        final Path stderr;
        final Map<String, String> env;
        final int port;

        Container(Map<String, String> extraEnv) throws IOException {
            port = freePort();
            env = new LinkedHashMap<>(runtime.env());
            env.put("CLOUDMOCK_PORT", Integer.toString(port));
            env.putAll(extraEnv);
            List<String> command = new ArrayList<>(runtime.entrypoint());
            command.set(0, java());
            command.set(command.size() - 1, JAR.toAbsolutePath().toString());
            stdout = Files.createTempFile("cloudmock-out", ".log");
            stderr = Files.createTempFile("cloudmock-err", ".log");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("CLOUDMOCK_") || k.startsWith("JAVA_TOOL_OPTIONS"));
            pb.environment().putAll(env);
            process = pb.start();
        }

        /** Waits (bounded) for the start-up line; a process start, not a state transition, so polling is fine. */
        String awaitListening() throws Exception {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                String out = Files.readString(stdout);
                if (out.contains("\n")) return out.lines().findFirst().orElseThrow();
                if (!process.isAlive()) fail("cloudmock exited " + process.exitValue() + ": " + Files.readString(stderr));
                Thread.sleep(50);
            }
            throw new AssertionError("no start-up line within " + START_TIMEOUT);
        }

        String base() { return "http://127.0.0.1:" + port; }

        int stop() throws Exception {
            process.destroy(); // SIGTERM, what docker stop sends
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("cloudmock did not stop on SIGTERM");
            }
            return process.exitValue();
        }

        @Override
        public void close() throws IOException {
            if (process.isAlive()) process.destroyForcibly();
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The fallback of a cloudmock without that provider yet: the provider is not in this build, not broken. */
    static boolean providerAbsent(HttpResponse<String> r) {
        return r.statusCode() == 404 && r.body().contains("\"code\":\"NOT_FOUND\"") && r.body().contains("cloudmock serves");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void theEntrypointServesHealthAndOneActionOfEachProviderThenStopsOnSigterm(String logFormat) throws Exception {
        Map<String, String> extra = logFormat.equals("json") ? Map.of("CLOUDMOCK_LOG_FORMAT", "json") : Map.of();
        try (Container c = new Container(extra)) {
            assertEquals("cloudmock listening on http://0.0.0.0:" + c.port, c.awaitListening());

            HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(c.base() + "/_cloudmock/health")));
            assertEquals(200, health.statusCode());
            JsonNode h = Json.MAPPER.readTree(health.body());
            assertEquals("ok", h.get("status").asText());
            assertEquals(Version.VALUE, h.get("version").asText());
            // through a published port the Host is the runner's or the service's name, which the image allows
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", c.port)) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write("GET /_cloudmock/health HTTP/1.1\r\nHost: ci-runner:8080\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
            }

            int providerCalls = 0;
            HttpResponse<String> ncp = send(HttpRequest.newBuilder(
                    URI.create(c.base() + "/vserver/v2/getRegionList?responseFormatType=json")));
            if (!providerAbsent(ncp)) {
                providerCalls++;
                assertEquals(200, ncp.statusCode(), ncp.body());
                assertTrue(ncp.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
                JsonNode body = Json.MAPPER.readTree(ncp.body()).get("getRegionListResponse");
                assertEquals("0", body.get("returnCode").textValue());
                assertTrue(body.get("regionList").size() > 0, ncp.body());
            }
            HttpResponse<String> zenlayer = send(HttpRequest.newBuilder(URI.create(c.base() + "/api/v2/vm"))
                    .header("Content-Type", "application/json")
                    .header("X-ZC-Action", "DescribeZones")
                    .header("X-ZC-Version", "2026-04-01")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            if (!providerAbsent(zenlayer)) {
                providerCalls++;
                assertEquals(200, zenlayer.statusCode(), zenlayer.body());
                JsonNode body = Json.MAPPER.readTree(zenlayer.body());
                assertEquals(body.get("requestId").asText(), body.get("response").get("requestId").asText());
                assertTrue(body.get("response").get("zoneSet").size() > 0, zenlayer.body());
            }

            int exit = c.stop();
            assertTrue(exit == 0 || exit == 143, "exit on SIGTERM: " + exit);

            // each provider request is one request-log line; nothing else warns or fails, and in JSON mode (where
            // the full logger name is visible) nothing comes from Jetty or Javalin: their start-up is quiet
            List<String> logLines = Files.readString(c.stderr).lines().toList();
            String all = "stderr:\n" + String.join("\n", logLines);
            int requestLines = 0;
            for (String line : logLines) {
                if (logFormat.equals("json")) {
                    JsonNode json = Json.MAPPER.readTree(line); // every line is one JSON object
                    String logger = json.get("logger").asText();
                    assertFalse(logger.startsWith("org.eclipse.jetty") || logger.startsWith("io.javalin"), all);
                    assertFalse(List.of("WARN", "ERROR").contains(json.get("level").asText()), all);
                    if (logger.equals("cloudmock.requests")) {
                        requestLines++;
                        assertEquals(200, json.get("status").asInt(), line);
                    }
                } else {
                    assertFalse(line.matches("\\S+ (WARN|ERROR) .*"), all);
                    if (line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  requests - .*")) {
                        requestLines++;
                        assertTrue(line.matches(".* - (GET|POST) /\\S+ 200 provider=\\S+ action=\\S+ account=default .*"), line);
                    }
                }
            }
            assertEquals(providerCalls, requestLines, all);
        }
    }

    @Test
    void theHealthcheckCommandPassesAgainstTheRunningServer() throws Exception {
        assumeTrue(onPath("wget") && onPath("sh"), "the HEALTHCHECK runs busybox wget in the image; no wget here");
        try (Container c = new Container(Map.of("CLOUDMOCK_CONTROL_TOKEN", "s3cret"))) {
            c.awaitListening();
            assertEquals(0, healthcheck(c.env), "HEALTHCHECK with the image's variables");
            Map<String, String> wrongToken = new LinkedHashMap<>(c.env);
            wrongToken.put("CLOUDMOCK_CONTROL_TOKEN", "other");
            assertNotEquals(0, healthcheck(wrongToken), "a failing health call must fail the check");
            c.stop();
        }
    }

    private static int healthcheck(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", runtime.healthcheck()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("CLOUDMOCK_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("HEALTHCHECK command hung");
        }
        return p.exitValue();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
