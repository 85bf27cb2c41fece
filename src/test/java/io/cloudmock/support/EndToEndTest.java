package io.cloudmock.support;

import io.cloudmock.CloudMock;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.StateFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Base of the end-to-end tests: one cloudmock per test class on a free port, with the manual clock and a
 * 2 s transition delay, reset before each test. Time moves only through {@link #advance(long)}.
 *
 * <p>Each runs with a {@code --state-file}, and after each test the state a restart would load (the snapshot with
 * its change log replayed) must be the state in memory: so every action the end-to-end tests drive proves that
 * its changes reach the change log.
 */
public abstract class EndToEndTest {
    protected static CloudMock mock;
    private static Path stateDir;

    @BeforeAll
    static void startCloudMock() throws IOException {
        stateDir = Files.createTempDirectory("cloudmock-e2e");
        mock = CloudMock.builder().port(0).manualClock().transitionDelay(Duration.ofSeconds(2))
                .stateFile(stateDir.resolve("state.json")).start();
    }

    @AfterAll
    static void stopCloudMock() throws IOException {
        if (mock != null) mock.close();
        if (stateDir != null) {
            try (var files = Files.walk(stateDir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** The state file, as a restart would read it, holds exactly the state in memory. */
    @AfterEach
    void stateFileHoldsTheState() throws IOException {
        StateFile file = mock.stateFile();
        if (file == null) return;
        file.flush();
        // the log holds resources as their transactions left them; steps that fell due since are settled on load
        JsonNode inMemory = mock.control().exportState();
        JsonNode onDisk;
        CloudMock restarted = CloudMock.builder().port(0).manualClock().transitionDelay(Duration.ofSeconds(2)).build();
        try {
            restarted.control().importState(StateFile.read(file.path()));
            onDisk = restarted.control().exportState();
        } finally {
            restarted.close();
        }
        Map<String, JsonNode> memory = byId(inMemory);
        Map<String, JsonNode> disk = byId(onDisk);
        for (String k : new java.util.TreeSet<>(java.util.Set.copyOf(memory.keySet()))) {
            // as text: a long field that fits an int reads back as an int node, the same JSON
            assertEquals(memory.get(k).toString(), String.valueOf(disk.get(k)), "the state file (snapshot and change log) differs from memory on " + k);
        }
        assertEquals(memory.keySet(), disk.keySet(), "the state file holds other resources than memory");
        assertEquals(inMemory.get("nextId"), onDisk.get("nextId"));
        assertEquals(inMemory.get("clock"), onDisk.get("clock"));
    }

    /** account/provider/id -> resource (the log appends new resources after the snapshot's, kinds mixed). */
    private static Map<String, JsonNode> byId(JsonNode state) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode a : state.get("accounts")) {
            for (JsonNode r : a.get("instances")) out.put(a.get("name").asText() + "/" + r.get("provider").asText() + "/" + r.get("id").asText(), r);
        }
        return out;
    }

    @BeforeEach
    void resetCloudMock() {
        given().post("/_cloudmock/reset").then().statusCode(200);
    }

    /** A RestAssured request aimed at this class's cloudmock. */
    protected static RequestSpecification given() {
        return RestAssured.given().baseUri(mock.baseUrl()).urlEncodingEnabled(true);
    }

    /** Moves the manual clock forward through the control API, as a user would. */
    protected static void advance(long seconds) {
        given().contentType("application/json").body("{\"seconds\": " + seconds + "}")
                .post("/_cloudmock/clock/advance").then().statusCode(200);
    }
}
