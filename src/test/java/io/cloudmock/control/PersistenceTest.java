package io.cloudmock.control;

import io.cloudmock.CloudMock;
import io.cloudmock.core.StartupException;
import io.cloudmock.support.FakeProvider;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --state-file and --seed, with servers of their own (a restart is the point). */
class PersistenceTest {
    @TempDir Path dir;

    static CloudMock.Builder builder() {
        return CloudMock.builder().port(0).manualClock().provider(FakeProvider::install);
    }

    static RequestSpecification at(CloudMock mock) {
        return RestAssured.given().baseUri(mock.baseUrl());
    }

    @Test
    void stateSurvivesARestart() {
        Path file = dir.resolve("state.json");
        String id;
        String now;
        try (CloudMock first = builder().stateFile(file).start()) {
            id = at(first).header("X-Test-Key", "AK1").post("/test/create").then().statusCode(200)
                    .extract().path("instances[0].id");
            at(first).contentType("application/json").body("{\"seconds\": 30}").post("/_cloudmock/clock/advance");
            at(first).contentType("application/json").body("{\"provider\":\"test\",\"state\":\"STOPPED\",\"fields\":{\"size\":\"large\"}}")
                    .post("/_cloudmock/instances").then().statusCode(201);
            now = first.clock().now().toString();
        }
        assertTrue(Files.exists(file));
        try (CloudMock second = builder().stateFile(file).start()) {
            assertEquals(now, second.clock().now().toString());
            at(second).get("/_cloudmock/instances").then().statusCode(200)
                    .body("instances", hasSize(2))
                    .body("instances[0].account", equalTo("AK1"))
                    .body("instances[0].id", equalTo(id))
                    .body("instances[0].state", equalTo("RUNNING"))
                    .body("instances[1].state", equalTo("STOPPED"))
                    .body("instances[1].fields.size", equalTo("large"));
            at(second).header("X-Test-Key", "AK1").post("/test/list").then().body("instances[0].id", equalTo(id));
        }
    }

    @Test
    void savesSoonAfterAChangeNotOnlyAtShutdown() throws Exception {
        Path file = dir.resolve("state.json");
        try (CloudMock mock = builder().stateFile(file).start()) {
            String id = at(mock).post("/test/create").then().extract().path("instances[0].id");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            // the change is in the change log beside the snapshot: what a restart would load
            while (!io.cloudmock.core.StateFile.read(file).toString().contains("\"" + id + "\"")) {
                assertTrue(System.nanoTime() < deadline, "the state file was not saved within 10 s");
                Thread.sleep(20); // waiting for the background saver, not for a transition
            }
        }
    }

    @Test
    void anUnreadableStateFileIsAStartupErrorAndIsLeftAlone() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"accounts\": [");
        CloudMock mock = builder().stateFile(file).build();
        StartupException e = assertThrows(StartupException.class, mock::start);
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        mock.close();
        assertEquals("{\"accounts\": [", Files.readString(file));

        Files.writeString(file, "{\"accounts\":[{\"name\":\"a\",\"instances\":[{\"provider\":\"gone\",\"id\":\"1\",\"state\":\"X\"}]}]}");
        e = assertThrows(StartupException.class, () -> builder().stateFile(file).start());
        assertTrue(e.getMessage().contains("unknown provider 'gone'"), e.getMessage());

        Files.writeString(file, "");
        e = assertThrows(StartupException.class, () -> builder().stateFile(file).start());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());

        e = assertThrows(StartupException.class, () -> builder().stateFile(dir.resolve("no/such/dir/state.json")).start());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void seedPreloadsInstancesInBothShapes() throws Exception {
        Path array = dir.resolve("seed.json");
        Files.writeString(array, "[{\"provider\":\"test\",\"count\":2},{\"provider\":\"test\",\"account\":\"AK9\",\"state\":\"STOPPED\"}]");
        try (CloudMock mock = builder().seed(array).start()) {
            at(mock).get("/_cloudmock/instances").then().body("instances.account", equalTo(List.of("AK9", "default", "default")))
                    .body("instances[0].state", equalTo("STOPPED"));
        }
        Path object = dir.resolve("seed2.json");
        Files.writeString(object, "{\"instances\":[{\"provider\":\"test\",\"fields\":{\"name\":\"db\"}}]}");
        try (CloudMock mock = builder().seed(object).start()) {
            at(mock).get("/_cloudmock/instances").then().body("instances[0].fields.name", equalTo("db"));
        }
    }

    @Test
    void aBadSeedIsAStartupErrorNamingTheFileAndTheEntry() throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, "[{\"provider\":\"test\"},{\"provider\":\"test\",\"state\":\"FLYING\"}]");
        StartupException e = assertThrows(StartupException.class, () -> builder().seed(seed).start());
        assertTrue(e.getMessage().contains(seed.toString()) && e.getMessage().contains("instances[1]"), e.getMessage());
        e = assertThrows(StartupException.class, () -> builder().seed(dir.resolve("missing.json")).start());
        assertTrue(e.getMessage().contains("missing.json"), e.getMessage());
    }

    @Test
    void theSeedIsNotAppliedAgainOverARestoredStateFile() throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, "[{\"provider\":\"test\"}]");
        Path file = dir.resolve("state.json");
        try (CloudMock first = builder().stateFile(file).seed(seed).start()) {
            at(first).get("/_cloudmock/instances").then().body("instances", hasSize(1));
        }
        try (CloudMock second = builder().stateFile(file).seed(seed).start()) {
            at(second).get("/_cloudmock/instances").then().body("instances", hasSize(1));
        }
    }

    /**
     * Zenlayer disks take their ids from the same counter as instances, but only instance ids were skipped on
     * restore: after a restart a new instance's system disk got the id of an existing data disk, and
     * DescribeDisks by that id answered two disks.
     */
    @Test
    void idsHandedOutAfterARestartCollideWithNoSavedDiskId() {
        Path file = dir.resolve("state.json");
        String create = "{\"zoneId\":\"SEL-A\",\"imageId\":\"img-ubuntu-2204-x64\",\"instanceType\":\"c.1c2g\","
                + "\"instanceChargeType\":\"POSTPAID\",\"internetChargeType\":\"ByBandwidth\",\"password\":\"Passw0rd!\","
                + "\"dataDisks\":[{\"diskSize\":20,\"diskAmount\":3}]}";
        List<String> before;
        try (CloudMock first = builder().stateFile(file).start()) {
            zenlayer(first, "CreateInstances", create).then().statusCode(200);
            before = zenlayer(first, "DescribeDisks", "{}").then().statusCode(200).extract().path("response.dataSet.diskId");
        }
        try (CloudMock second = builder().stateFile(file).start()) {
            zenlayer(second, "CreateInstances", create).then().statusCode(200);
            List<String> all = zenlayer(second, "DescribeDisks", "{\"pageSize\":100}").then().statusCode(200)
                    .body("response.totalCount", equalTo(8)).extract().path("response.dataSet.diskId");
            assertEquals(before, all.subList(0, 4));
            assertEquals(8, new java.util.HashSet<>(all).size(), "disk ids must be unique: " + all);
        }
    }

    private static io.restassured.response.Response zenlayer(CloudMock mock, String action, String body) {
        return at(mock).contentType("application/json").header("X-ZC-Action", action)
                .header("X-ZC-Version", "2026-04-01").body(body).post("/api/v2/vm");
    }

    /**
     * The leftover temporary files were found with a glob built from the file name: a '{' in it failed start-up
     * with "cannot listen", and '[1]' made the leftovers never match.
     */
    @Test
    void aStateFileNameWithGlobCharactersStartsAndLosesItsLeftovers() throws Exception {
        Path file = dir.resolve("st{ate[1].json");
        Path leftover = dir.resolve(".st{ate[1].json.123.tmp");
        Files.writeString(leftover, "{\"half");
        try (CloudMock mock = builder().stateFile(file).start()) {
            at(mock).post("/test/create").then().statusCode(200);
        }
        assertFalse(Files.exists(leftover), "the leftover of a killed save is removed at start");
        assertTrue(Files.readString(file).contains("\"test\""));
    }

    /** A state file written by a process killed with SIGKILL in the middle of a burst of saves is still readable. */
    @Test
    void killDashNineWhileWritingLeavesAReadableFile() throws Exception {
        Path file = dir.resolve("state.json");
        HttpClient http = HttpClient.newHttpClient();
        int lastCount = 0;
        for (int round = 0; round < 3; round++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.cloudmock.support.FakeProviderMain", file.toString())
                    .redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String line;
                String base = null;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("cloudmock listening on ")) {
                        base = line.substring("cloudmock listening on ".length());
                        break;
                    }
                }
                assertTrue(base != null, "the subprocess did not start");
                Thread drain = new Thread(() -> { try { out.transferTo(java.io.Writer.nullWriter()); } catch (Exception ignored) { } });
                drain.setDaemon(true);
                drain.start();
                // the restarted process sees what the killed one had saved
                String listed = http.send(HttpRequest.newBuilder(URI.create(base + "/_cloudmock/instances")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                int count = io.cloudmock.core.Json.MAPPER.readTree(listed).get("instances").size();
                assertTrue(count >= lastCount, "round " + round + ": " + count + " < " + lastCount);
                // big state, many changes: the saver is writing most of the time when the kill comes
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger created = new AtomicInteger();
                String body = "{\"provider\":\"test\",\"count\":50,\"fields\":{\"notes\":\"" + "x".repeat(2000) + "\"}}";
                String target = base;
                Thread writer = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            http.send(HttpRequest.newBuilder(URI.create(target + "/_cloudmock/instances"))
                                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                            created.incrementAndGet();
                        } catch (Exception e) {
                            return; // the process is gone
                        }
                    }
                });
                writer.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (created.get() < 10 + round * 5 && System.nanoTime() < deadline) Thread.sleep(10);
                // at least one save has landed (on a loaded machine the first may take a while); the writer goes
                // on, so the saver is still busy when the kill comes
                long saved = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : 0;
                while (System.nanoTime() < deadline && (!Files.exists(file)
                        || Files.getLastModifiedTime(file).toMillis() == saved && round > 0 || Files.size(file) == 0)) {
                    Thread.sleep(10);
                }
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no final save
                assertTrue(p.waitFor(10, TimeUnit.SECONDS));
                stop.set(true);
                writer.join(10_000);
                lastCount = count;
            } finally {
                p.destroyForcibly();
            }
            // whatever the moment of the kill, the file parses and loads, with at least what was there before
            try (CloudMock check = builder().stateFile(file).start()) {
                int loaded = at(check).get("/_cloudmock/instances").then().statusCode(200).extract().path("instances.size()");
                assertTrue(loaded >= lastCount, "round " + round + ": " + loaded + " < " + lastCount);
                lastCount = loaded;
            }
            try (var leftovers = Files.list(dir)) {
                // the lock file stays (deleting it would race with a server opening it); no temporary file does
                assertEquals(List.of("." + file.getFileName() + ".lock", file.getFileName().toString()),
                        leftovers.map(x -> x.getFileName().toString()).sorted().toList(),
                        "no temporary file left behind, and no change log after a clean close");
            }
        }
        assertTrue(lastCount > 0, "instances were saved before the kills");
    }

    /** Through the real command line: SIGTERM leaves the latest state in the file (here, the manual clock). */
    @Test
    void mainSavesTheStateOnSigterm() throws Exception {
        Path file = dir.resolve("state.json");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.cloudmock.Main", "--port", "0", "--clock", "manual",
                "--state-file", file.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("cloudmock listening on http://127.0.0.1:"), String.valueOf(line));
            String base = line.substring("cloudmock listening on ".length());
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/_cloudmock/clock/advance"))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"seconds\": 86400}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            String now = io.cloudmock.core.Json.MAPPER.readTree(r.body()).get("now").asText();
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(now, io.cloudmock.core.Json.MAPPER.readTree(file.toFile()).at("/clock/now").asText());
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * A state file cloudmock cannot write (here: in the read-only /proc) used to start fine and then lose every
     * change with only a "will retry" warning; it is a start-up error naming the file.
     */
    @Test
    void aStateFileThatCannotBeWrittenIsAStartupError() {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc) && Files.exists(proc.resolve("self")),
                "needs Linux's read-only /proc");
        Path file = proc.resolve("cloudmock-state.json");
        StartupException e = assertThrows(StartupException.class, () -> builder().stateFile(file).start());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("cannot write"), e.getMessage());
    }

    /** Through the real command line: an unreadable --state-file stops start-up with a message naming it. */
    @Test
    void mainExitsNonZeroNamingTheUnreadableStateFile() throws Exception {
        Path file = dir.resolve("corrupt.json");
        Files.writeString(file, "not json at all");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.cloudmock.Main", "--port", "0",
                "--state-file", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("cloudmock: cannot load --state-file " + file.toAbsolutePath()), output);
        assertFalse(output.contains("listening"), output);
        assertEquals("not json at all", Files.readString(file));
    }
}
