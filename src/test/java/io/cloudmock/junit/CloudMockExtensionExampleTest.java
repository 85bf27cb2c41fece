package io.cloudmock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Json;
import io.cloudmock.support.FakeProvider;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example of docs/control-api.md ("JUnit 5 extension"): a test class that gets its own cloudmock.
 * It uses the suite's small fake provider ({@code test}); with the real ones the calls are the same, with
 * {@code "ncp"}/{@code "zenlayer"} and their SDKs pointed at {@code cloud.baseUrl()}.
 */
class CloudMockExtensionExampleTest {

    @RegisterExtension
    static final CloudMockExtension cloud = new CloudMockExtension(b -> b.provider(FakeProvider::install));

    static final HttpClient http = HttpClient.newHttpClient();

    /** The code under test would be an SDK; here, one call of the fake provider's API. */
    static HttpResponse<String> callCloud(String action, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/test/" + action))
                .header("X-Test-Key", "team-a")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aServerStopsAfterTheTransitionDelay() throws Exception {
        JsonNode vm = cloud.control().createInstances("test", "team-a", "RUNNING", Map.of("name", "web"), 1).get(0);
        String id = vm.get("id").asText();

        HttpResponse<String> stop = callCloud("stop", "{\"ids\":[\"" + id + "\"]}");
        assertEquals(200, stop.statusCode());
        assertEquals("STOPPING", Json.MAPPER.readTree(stop.body()).at("/instances/0/state").asText());

        cloud.control().advanceSeconds(2); // the manual clock: no sleeping, no flakiness
        assertEquals("STOPPED", cloud.control().instances("test", "team-a").get(0).get("state").asText());
    }

    @Test
    void theNextCallFailsOnceThenSucceeds() throws Exception {
        cloud.control().failNext("test", "list", 1, 503, "SERVICE_TEMPORARY_UNAVAILABLE");

        assertEquals(503, callCloud("list", "{}").statusCode());
        assertEquals(200, callCloud("list", "{}").statusCode());

        JsonNode journal = cloud.control().requests("test", "team-a", "list");
        assertEquals(2, journal.size());
        assertEquals("SERVICE_TEMPORARY_UNAVAILABLE", journal.get(0).get("errorCode").asText());
        assertEquals(200, journal.get(1).get("status").asInt());
    }

    @Test
    void eachTestStartsFromAnEmptyCloudAndAFreshClock() {
        assertEquals(0, cloud.control().instances().size());
        assertEquals(0, cloud.control().faults().size());
        assertEquals(0, cloud.control().requests().size());
        var before = cloud.clock().now();
        cloud.clock().advance(Duration.ofMinutes(5));
        assertEquals(before.plusSeconds(300), cloud.clock().now());
    }

    @Test
    void controlErrorsCarryStatusAndCode() {
        CloudMockControl.Failure f = assertThrows(CloudMockControl.Failure.class,
                () -> cloud.control().forceState("test", "no-such-id", "STOPPED"));
        assertEquals(404, f.status());
        assertEquals("NOT_FOUND", f.code());
    }

    @Nested
    class NestedClassesShareTheServer {
        @Test
        void sameBaseUrl() {
            assertTrue(cloud.baseUrl().startsWith("http://127.0.0.1:"));
            cloud.control().createInstance("test", null, null);
            assertEquals(1, cloud.control().instances().size());
        }
    }
}
