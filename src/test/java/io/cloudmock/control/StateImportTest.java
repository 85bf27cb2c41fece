package io.cloudmock.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.FieldLimits;
import io.cloudmock.core.Json;
import io.cloudmock.support.ProviderEndToEndTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a state import and the control API's resources may hold, and that an import is one atomic swap. */
class StateImportTest extends ProviderEndToEndTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static String nested(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    /**
     * Fields nested 996 deep were accepted, and from then on every export and every save failed (the export adds
     * its own levels past what Jackson writes): now a 400 that changes nothing.
     */
    @Test
    void fieldsTooDeepOrTooLargeAre400AndChangeNothing() {
        String within = "{\"provider\":\"test\",\"fields\":" + nested(FieldLimits.MAX_DEPTH) + "}";
        given().contentType("application/json").body(within).post("/_cloudmock/instances").then().statusCode(201);
        for (String fields : new String[] {nested(FieldLimits.MAX_DEPTH + 1), nested(996),
                "{\"notes\":\"" + "x".repeat(FieldLimits.MAX_BYTES) + "\"}"}) {
            given().contentType("application/json").body("{\"provider\":\"test\",\"fields\":" + fields + "}")
                    .post("/_cloudmock/instances").then().statusCode(400).contentType("application/json")
                    .body("error.code", equalTo("BAD_REQUEST"));
            given().contentType("application/json").body("{\"accounts\":[{\"name\":\"a\",\"instances\":[{\"provider\":\"test\","
                    + "\"id\":\"1\",\"state\":\"RUNNING\",\"fields\":" + fields + "}]}]}")
                    .put("/_cloudmock/state").then().statusCode(400).body("error.code", equalTo("BAD_REQUEST"));
        }
        given().get("/_cloudmock/instances").then().body("instances", hasSize(1));
        given().get("/_cloudmock/state").then().statusCode(200).body("accounts[0].instances", hasSize(1));
    }

    private static String state(int count, long firstId, boolean withNextId) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        if (withNextId) root.put("nextId", firstId + count);
        ArrayNode accounts = root.putArray("accounts");
        for (String name : new String[] {"a", "b"}) {
            ArrayNode list = accounts.addObject().put("name", name).putArray("instances");
            for (int i = 0; i < count / 2; i++) {
                long id = firstId + (name.equals("a") ? i : count / 2 + i);
                list.addObject().put("provider", "test").put("id", Long.toString(id)).put("state", "RUNNING");
            }
        }
        return root.toString();
    }

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(mock.baseUrl() + path)).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The import cleared the state and then added one instance at a time: readers saw an empty or a partial
     * state. Each of two readers checks, on every read during 40 imports, that it sees one whole state.
     */
    @Test
    void readersNeverSeeAnEmptyOrPartialImport() throws Exception {
        String first = state(200, 70_000_000, true);
        String second = state(200, 80_000_000, true);
        assertEquals(200, call("PUT", "/_cloudmock/state", first).statusCode());
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                String path = r == 0 ? "/_cloudmock/instances" : "/_cloudmock/state";
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    while (!done.get() && reads < 5_000) {
                        JsonNode body = Json.MAPPER.readTree(call("GET", path, null).body());
                        List<String> ids = new ArrayList<>();
                        if (body.has("instances")) body.get("instances").forEach(i -> ids.add(i.get("id").asText()));
                        else body.get("accounts").forEach(a -> a.get("instances").forEach(i -> ids.add(i.get("id").asText())));
                        Set<String> prefixes = new HashSet<>();
                        ids.forEach(id -> prefixes.add(id.substring(0, 1)));
                        if (ids.size() != 200 || prefixes.size() != 1) wrong.add(path + ": " + ids.size() + " " + prefixes);
                        reads++;
                    }
                    return reads;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                for (int k = 0; k < 40; k++) {
                    assertEquals(200, call("PUT", "/_cloudmock/state", k % 2 == 0 ? second : first).statusCode());
                }
                return null;
            });
            writer.get(120, TimeUnit.SECONDS);
            done.set(true);
            for (Future<Integer> r : readers) assertTrue(r.get(60, TimeUnit.SECONDS) > 0);
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " reads saw a partial state, e.g. " + wrong.peek());
    }

    /**
     * Without nextId the import moved the id counter past each instance only as it added it, so a create in
     * between got the id of an instance imported after it: one id, two instances.
     */
    @Test
    void idsStayUniqueWhenCreatesRunBesideAnImportWithoutNextId() throws Exception {
        long next = Long.parseLong(given().post("/test/create").then().extract().path("instances[0].id")) + 1;
        String imported = state(400, next, false);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> creators = new ArrayList<>();
            AtomicBoolean done = new AtomicBoolean();
            for (int c = 0; c < 2; c++) {
                String key = "creator-" + c;
                creators.add(pool.submit(() -> {
                    for (int n = 0; n < 300 && !done.get(); n++) {
                        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/test/create"))
                                .header("X-Test-Key", key).POST(HttpRequest.BodyPublishers.noBody()).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, r.statusCode(), r.body());
                    }
                    return null;
                }));
            }
            assertEquals(200, call("PUT", "/_cloudmock/state", imported).statusCode());
            done.set(true);
            for (Future<?> f : creators) f.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<String> ids = given().get("/_cloudmock/instances").then().extract().path("instances.id");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "an id was given to two instances");
        assertTrue(ids.size() >= 400, "the import is all there: " + ids.size());
    }
}
