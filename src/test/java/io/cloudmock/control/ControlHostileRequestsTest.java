package io.cloudmock.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.CloudMock;
import io.cloudmock.core.Json;
import io.cloudmock.support.FakeProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * 5,000 hostile control-API requests from a fixed seed: each carries at least one thing the control API must
 * refuse (a foreign Host or Origin, a body type a web page can send, a method the path does not have, a body that
 * is not a usable JSON object). Every answer is a 4xx in the control error envelope, and afterwards the exported
 * state and the fault rules are exactly what they were.
 */
class ControlHostileRequestsTest {
    static final long SEED = 20261202L;
    static final int REQUESTS = 5_000;
    static CloudMock mock;

    @BeforeAll
    static void start() { mock = CloudMock.builder().port(0).manualClock().provider(FakeProvider::install).start(); }

    @AfterAll
    static void stop() { mock.close(); }

    /** path, its methods, whether its handler reads a JSON body (so a bad body is refused). */
    record Route(String path, List<String> methods, boolean readsBody) {}

    static final List<Route> ROUTES = List.of(
            new Route("/_cloudmock/health", List.of("GET", "HEAD"), false),
            new Route("/_cloudmock/reset", List.of("POST"), false),
            new Route("/_cloudmock/clock/advance", List.of("POST"), true),
            new Route("/_cloudmock/instances", List.of("GET", "POST"), true),
            new Route("/_cloudmock/resources", List.of("GET", "POST"), true),
            new Route("/_cloudmock/instances/test/ID/state", List.of("PUT"), true),
            new Route("/_cloudmock/requests", List.of("GET", "DELETE"), false),
            new Route("/_cloudmock/faults", List.of("GET", "POST", "DELETE"), true),
            new Route("/_cloudmock/faults/ID", List.of("DELETE"), false),
            new Route("/_cloudmock/state", List.of("GET", "PUT"), true));
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    static String junkBody(Random r) {
        return switch (r.nextInt(9)) {
            case 0 -> "{";
            case 1 -> "[1,2,3]";
            case 2 -> "\"just a string\"";
            case 3 -> "{\"a\":".repeat(1 + r.nextInt(3000));
            case 4 -> "{\"seconds\":" + "9".repeat(1 + r.nextInt(400)) + "e9999}";
            case 5 -> "\u0000\u0001\u00ff garbage " + r.nextLong();
            case 6 -> "{\"provider\":\"test\",\"fields\":" + "{\"a\":".repeat(40 + r.nextInt(1000)) + "1" + "}".repeat(40) + "}";
            case 7 -> "null";
            default -> "{\"accounts\":" + r.nextInt() + "}";
        };
    }

    @Test
    void everyHostileRequestIsA4xxInTheControlEnvelopeAndChangesNothing() throws Exception {
        ControlRulesTest.send(mock, "POST", "/_cloudmock/instances", Map.of("Content-Type", "application/json"),
                "{\"provider\":\"test\",\"count\":3,\"fields\":{\"name\":\"kept\"}}");
        ControlRulesTest.send(mock, "POST", "/_cloudmock/faults", Map.of("Content-Type", "application/json"),
                "{\"provider\":\"test\",\"action\":\"stop\",\"httpStatus\":500,\"times\":1}");
        JsonNode stateBefore = ControlRulesTest.send(mock, "GET", "/_cloudmock/state", Map.of(), null).json();
        JsonNode faultsBefore = ControlRulesTest.send(mock, "GET", "/_cloudmock/faults", Map.of(), null).json();
        String id = stateBefore.at("/accounts/0/instances/0/id").asText();

        Random r = new Random(SEED);
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        for (int n = 0; n < REQUESTS; n++) {
            Route route = ROUTES.get(r.nextInt(ROUTES.size()));
            String path = route.path().replace("ID", r.nextBoolean() ? id : "fault-" + r.nextInt(5));
            String method = route.methods().get(r.nextInt(route.methods().size()));
            Map<String, String> headers = new LinkedHashMap<>();
            String body = null;
            int poison = route.readsBody() ? r.nextInt(5) : r.nextInt(4);
            switch (poison) {
                case 0 -> headers.put("Host", List.of("attacker.example", "127.0.0.1.nip.io:8080", "localhost.evil", "[::2]").get(r.nextInt(4)));
                case 1 -> headers.put("Origin", List.of("http://attacker.example", "null", "https://127.0.0.1", "http://localhost:1").get(r.nextInt(4)));
                case 2 -> {
                    headers.put("Content-Type", List.of("text/plain", "multipart/form-data; boundary=b", "application/xml", "text/html").get(r.nextInt(4)));
                    body = r.nextBoolean() ? "{\"seconds\":1}" : junkBody(r);
                }
                case 3 -> {
                    List<String> others = METHODS.stream().filter(m -> !route.methods().contains(m)).toList();
                    method = others.get(r.nextInt(others.size()));
                }
                default -> {
                    if (method.equals("GET") || method.equals("DELETE") || method.equals("HEAD")) {
                        method = route.methods().contains("POST") ? "POST" : "PUT";
                    }
                    headers.put("Content-Type", r.nextBoolean() ? "application/json" : "application/x-www-form-urlencoded");
                    body = junkBody(r);
                }
            }
            if (body == null && r.nextInt(4) == 0 && poison != 4) {
                headers.putIfAbsent("Content-Type", "text/plain");
                body = junkBody(r);
            }
            ControlRulesTest.Reply reply = ControlRulesTest.send(mock, method, path, headers, body);
            statuses.merge(reply.status(), 1, Integer::sum);
            String what = "#" + n + " " + method + " " + path + " " + headers + " -> " + reply.status() + " " + reply.body();
            assertTrue(reply.status() >= 400 && reply.status() < 500, what);
            assertTrue(reply.headers().getOrDefault("content-type", "").startsWith("application/json"), what);
            if (!method.equals("HEAD")) {
                JsonNode error = Json.MAPPER.readTree(reply.body()).get("error");
                if (error == null || !error.get("code").isTextual() || !error.get("message").isTextual()) fail(what);
            }
        }
        assertEquals(stateBefore, ControlRulesTest.send(mock, "GET", "/_cloudmock/state", Map.of(), null).json(), "state unchanged");
        assertEquals(faultsBefore, ControlRulesTest.send(mock, "GET", "/_cloudmock/faults", Map.of(), null).json(), "fault rules unchanged");
        // every kind of refusal was met
        for (int status : new int[] {400, 403, 405, 415}) assertTrue(statuses.containsKey(status), status + " in " + statuses);
    }
}
