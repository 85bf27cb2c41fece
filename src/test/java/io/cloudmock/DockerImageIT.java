package io.cloudmock;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Json;
import org.junit.jupiter.api.AfterAll;
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
 * The only substitutions: {@code java} is a JVM of the image's Java version (the feature version of the runtime
 * stage's FROM tag) where this machine has one, else this JVM; /app/ is a temporary directory holding the built jar
 * and the AOT cache the stage's own training RUN writes there (run first, as the image build does, with its port
 * moved to a free one). Without a JVM of that version, or without wget for the training, the command runs without
 * the cache option (this JVM may not know it); the other options stay exact.
 */
class DockerImageIT {
    static final Path DOCKERFILE = Path.of("docker", "Dockerfile");
    static final Path JAR = Path.of("target", "cloudmock.jar");
    static final String IMAGE_JAR = "/app/cloudmock.jar";
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    static final String CACHE_OPTION = "-XX:AOTCache=";
    static final String CACHE_OUTPUT_OPTION = "-XX:AOTCacheOutput=";

    static Stage runtime;
    /** A java of the image's Java version on this machine, or null. */
    static String imageJava;
    /** Stands for the image's /app: the built jar and, when the training could run, its cache. */
    static Path app;
    static boolean trained;
    static String trainingLog = "";

    /** The instructions of the Dockerfile's last stage that the image's behaviour depends on. */
    record Stage(String from, Map<String, String> env, List<String> entrypoint, List<String> expose, String user,
                 String healthcheck, List<String> copies, List<String> runs) {}

    @BeforeAll
    static void readDockerfileAndTrain() throws Exception {
        runtime = parse(Files.readString(DOCKERFILE, StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by `mvn package` before this test runs");
        imageJava = javaOfVersion(imageJavaVersion());
        app = Files.createTempDirectory("cloudmock-app");
        Files.copy(JAR, app.resolve("cloudmock.jar"));
        if (imageJava != null && onPath("wget") && onPath("sh")) trained = train();
    }

    @AfterAll
    static void removeApp() throws IOException {
        if (app == null) return;
        try (var files = Files.walk(app)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }

    /** The feature version in the runtime stage's FROM tag (eclipse-temurin:25-jre-alpine: 25). */
    static int imageJavaVersion() {
        Matcher m = Pattern.compile(":(\\d+)").matcher(runtime.from());
        assertTrue(m.find(), "the runtime stage's FROM names its Java version in its tag: " + runtime.from());
        return Integer.parseInt(m.group(1));
    }

    /** This JVM if it is of that version, else one under /usr/lib/jvm (where Debian and Temurin packages go). */
    static String javaOfVersion(int version) throws IOException {
        if (Runtime.version().feature() == version) return java();
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) return null;
        try (var homes = Files.list(jvms)) {
            for (Path home : homes.sorted().toList()) {
                Path release = home.resolve("release");
                Path bin = home.resolve("bin").resolve("java");
                if (!Files.isRegularFile(release) || !Files.isExecutable(bin)) continue;
                Matcher m = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
                if (m.find() && Integer.parseInt(m.group(1)) == version) return bin.toString();
            }
        }
        return null;
    }

    /** The stage's training RUN, as the image build runs it: sh, the image's java, /app/ here, a free port. */
    static boolean train() throws Exception {
        String training = trainingRun();
        Matcher port = Pattern.compile("--port (\\d+)").matcher(training);
        assertTrue(port.find(), "the training starts the jar on a port of its own: " + training);
        String script = training.replace("/app/", app + "/")
                .replaceFirst("^java ", Matcher.quoteReplacement(imageJava + " "))
                .replace(port.group(1), Integer.toString(freePort()));
        Path log = app.resolve("training.log");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(app.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CLOUDMOCK_") || k.startsWith("JAVA_TOOL_OPTIONS"));
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the training RUN did not end within 300 s");
        }
        trainingLog = Files.readString(log);
        return p.exitValue() == 0;
    }

    /** The runtime stage's RUN that starts the jar: the image build's training start. */
    static String trainingRun() {
        List<String> training = runtime.runs().stream().filter(r -> r.contains("-jar " + IMAGE_JAR)).toList();
        assertEquals(1, training.size(), "one training RUN starts the jar: " + runtime.runs());
        return training.get(0);
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
        String from = lines.get(lastFrom).substring(4).strip().split("\\s+")[0];
        List<String> runs = new ArrayList<>();
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
                case "RUN" -> runs.add(rest);
                case "HEALTHCHECK" -> {
                    Matcher m = Pattern.compile("^(?:--\\S+\\s+)*CMD\\s+(.+)$").matcher(rest);
                    assertTrue(m.matches(), "HEALTHCHECK ... CMD <shell command>: " + line);
                    healthcheck = m.group(1);
                }
                default -> { }
            }
        }
        assertTrue(entrypoint != null, "no ENTRYPOINT in the runtime stage");
        return new Stage(from, env, entrypoint, expose, user, healthcheck, copies, runs);
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
    void theEntrypointMapsTheCacheTheTrainingWritesWithTheSameJvmFlags() {
        List<String> ep = runtime.entrypoint();
        List<String> cache = ep.stream().filter(a -> a.startsWith(CACHE_OPTION)).toList();
        assertEquals(1, cache.size(), "the ENTRYPOINT maps one AOT cache: " + ep);
        String training = trainingRun();
        String written = CACHE_OUTPUT_OPTION + cache.get(0).substring(CACHE_OPTION.length());
        assertTrue(training.startsWith("java " + written + " "), "the training writes that cache: " + training);
        assertTrue(training.contains("test -s " + cache.get(0).substring(CACHE_OPTION.length())),
                "the build fails if no cache was written: " + training);
        // a cache made with another collector or compiler mode is mapped only in part; the training runs as the image does
        for (String flag : List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")) {
            assertTrue(ep.contains(flag), "ENTRYPOINT " + flag);
            assertTrue(training.contains(" " + flag + " "), "training " + flag + ": " + training);
        }
        // no machine code in the cache: Java 25 runs cached adapters on whatever CPU maps it, unchecked
        assertTrue(training.contains(" -XX:+UnlockDiagnosticVMOptions -XX:-AOTAdapterCaching "), training);
    }

    @Test
    void theTrainedCacheIsMappedAndTheStartIsQuiet() throws Exception {
        assumeTrue(imageJava != null, "no Java " + imageJavaVersion() + " on this machine to run the image's command line with");
        assumeTrue(onPath("wget") && onPath("sh"), "the training RUN calls busybox wget in the image; no wget here");
        assertTrue(trained, "the training RUN failed:\n" + trainingLog);
        Path cache = app.resolve(Path.of(cacheFile()).getFileName());
        assertTrue(Files.size(cache) > 0, cache + " written by the training");
        Path classes = app.resolve("classes.log");
        Path code = app.resolve("codecache.log");
        String logs = "-Xlog:class+load=info:file=" + classes + " -Xlog:aot+codecache+init=info:file=" + code;
        try (Container c = new Container(Map.of("JAVA_TOOL_OPTIONS", logs))) {
            c.awaitListening();
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(c.base() + "/_cloudmock/health"))).statusCode());
            c.stop();
            // nothing but the JVM's note of JAVA_TOOL_OPTIONS (set by this test) on stderr: no cache error or warning
            List<String> jvmLines = Files.readString(c.stderr).lines().filter(l -> !l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")).toList();
            assertEquals(List.of("Picked up JAVA_TOOL_OPTIONS: " + logs), jvmLines);
        }
        assertTrue(Files.readString(code).contains("AOT Code Cache is empty"), "machine code in the cache:\n" + Files.readString(code));
        // cloudmock's own classes come from the cache, not from the jar
        List<String> main = Files.readString(classes).lines().filter(l -> l.contains(" io.cloudmock.Main ")).toList();
        assertEquals(1, main.size(), "io.cloudmock.Main loaded once");
        assertTrue(main.get(0).contains("source: shared objects file"), main.get(0));
    }

    /** The cache's path in the image, from the ENTRYPOINT's option. */
    static String cacheFile() {
        return runtime.entrypoint().stream().filter(a -> a.startsWith(CACHE_OPTION)).findFirst()
                .map(a -> a.substring(CACHE_OPTION.length())).orElseThrow();
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
            List<String> command = new ArrayList<>();
            for (String arg : runtime.entrypoint()) {
                if (arg.startsWith(CACHE_OPTION) && !trained) continue;
                command.add(arg.replace("/app/", app + "/"));
            }
            command.set(0, imageJava != null ? imageJava : java());
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
