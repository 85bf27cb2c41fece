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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One server per --state-file, and a failing save is visible (health) and fatal to the exit code. */
class StateFileSafetyTest {
    @TempDir Path dir;

    static CloudMock.Builder builder() {
        return CloudMock.builder().port(0).manualClock().provider(FakeProvider::install);
    }

    static RequestSpecification at(CloudMock mock) { return RestAssured.given().baseUri(mock.baseUrl()); }

    @Test
    void aSecondServerOnTheSameFileRefusesToStart() throws Exception {
        Path file = dir.resolve("state.json");
        try (CloudMock first = builder().stateFile(file).start()) {
            at(first).post("/test/create").then().statusCode(200);
            StartupException e = assertThrows(StartupException.class, () -> builder().stateFile(file).start());
            assertTrue(e.getMessage().contains("in use by another cloudmock") && e.getMessage().contains(file.toString()),
                    e.getMessage());
        }
        // released at close: the next one starts and finds the first one's state
        try (CloudMock next = builder().stateFile(file).start()) {
            at(next).get("/_cloudmock/instances").then().body("instances.size()", equalTo(1));
        }
    }

    /** Through the command line, across processes (the lock is the OS's): exit 1 and one line. */
    @Test
    void mainRefusesAFileAnotherProcessHolds() throws Exception {
        Path file = dir.resolve("state.json");
        try (CloudMock first = builder().stateFile(file).start()) {
            Process p = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), "io.cloudmock.Main",
                    "--port", "0", "--state-file", file.toString()).start();
            p.getOutputStream().close();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, p.exitValue(), err);
            List<String> lines = err.lines().toList();
            assertEquals(1, lines.size(), err);
            assertTrue(lines.get(0).startsWith("cloudmock: --state-file ") && lines.get(0).contains("in use"), err);
            assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A save that cannot land: the state file's path and its change log's are now directories with something in them. */
    private static void breakSaving(Path file) throws Exception {
        for (Path p : List.of(file, log(file))) {
            Files.deleteIfExists(p);
            Files.createDirectory(p);
            Files.writeString(p.resolve("in-the-way"), "x");
        }
    }

    private static Path log(Path file) { return file.resolveSibling(file.getFileName() + ".log"); }

    private static String healthStatus(String base) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/_cloudmock/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return io.cloudmock.core.Json.MAPPER.readTree(r.body()).get("status").asText();
    }

    /** Waits (bounded) for the background saver to try: a save, not a state transition, so polling is fine. */
    private static void awaitHealth(String base, String status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!healthStatus(base).equals(status)) {
            assertTrue(System.nanoTime() < deadline, "health never became " + status);
            Thread.sleep(20);
        }
    }

    @Test
    void aFailingSaveMakesHealthDegradedWithTheReasonUntilASaveLands() throws Exception {
        Path file = dir.resolve("state.json");
        try (CloudMock mock = builder().stateFile(file).start()) {
            at(mock).get("/_cloudmock/health").then().body("status", equalTo("ok"));
            breakSaving(file);
            at(mock).post("/test/create").then().statusCode(200);
            awaitHealth(mock.baseUrl(), "degraded");
            at(mock).get("/_cloudmock/health").then().statusCode(200)
                    .body("reason", containsString("cannot save --state-file " + file.toAbsolutePath()));
            for (Path p : List.of(file, log(file))) {
                Files.delete(p.resolve("in-the-way"));
                Files.delete(p);
            }
            at(mock).post("/test/create").then().statusCode(200);
            awaitHealth(mock.baseUrl(), "ok");
        }
    }

    @Test
    void mainExitsNonZeroAtSigtermWhenTheLastSaveFailed() throws Exception {
        Path file = dir.resolve("state.json");
        Path stderr = dir.resolve("stderr.log");
        Process p = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), "io.cloudmock.Main",
                "--port", "0", "--state-file", file.toString()).redirectError(stderr.toFile()).start();
        try {
            p.getOutputStream().close();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("cloudmock listening on "), String.valueOf(line));
            String base = line.substring("cloudmock listening on ".length());
            breakSaving(file);
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/_cloudmock/instances"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"provider\":\"ncp\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            awaitHealth(base, "degraded");
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String err = Files.readString(stderr);
            assertNotEquals(0, p.exitValue(), err);
            assertNotEquals(143, p.exitValue(), "143 is SIGTERM's ordinary exit: " + err);
            assertTrue(err.contains("cloudmock: cannot save --state-file"), err);
        } finally {
            p.destroyForcibly();
        }
    }

    static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }
}
