package io.cloudmock.control;

import io.cloudmock.support.ProviderEndToEndTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultsTest extends ProviderEndToEndTest {

    private String addFault(String body) {
        return given().contentType("application/json").body(body).post("/_cloudmock/faults")
                .then().statusCode(201).contentType("application/json").extract().path("id");
    }

    @Test
    void firesExactlyTimesTimesThenTheCallSucceeds() {
        String id = addFault("{\"provider\":\"test\",\"action\":\"create\",\"httpStatus\":400,\"code\":\"25041\","
                + "\"message\":\"busy\",\"times\":2}");
        for (int i = 0; i < 2; i++) {
            given().post("/test/create").then().statusCode(400).body("code", equalTo("25041")).body("message", equalTo("busy"));
        }
        given().post("/test/create").then().statusCode(200).body("instances", hasSize(1));
        given().post("/test/create").then().statusCode(200);
        given().get("/_cloudmock/faults").then().statusCode(200)
                .body("faults", hasSize(1))
                .body("faults[0].id", equalTo(id))
                .body("faults[0].times", equalTo(2))
                .body("faults[0].remaining", equalTo(0))
                .body("faults[0].fired", equalTo(2));
        // the failed calls changed nothing
        given().get("/_cloudmock/instances").then().body("instances", hasSize(2));
    }

    @Test
    void matchesOnlyItsActionAndInstance() {
        String a = given().post("/test/create").then().extract().path("instances[0].id");
        String b = given().post("/test/create").then().extract().path("instances[0].id");
        addFault("{\"provider\":\"test\",\"action\":\"stop\",\"instanceId\":\"" + b + "\",\"httpStatus\":409,\"code\":\"STUCK\"}");
        given().post("/test/list").then().statusCode(200);
        advance(2);
        given().contentType("application/json").body("{\"ids\":[\"" + a + "\"]}").post("/test/stop").then().statusCode(200);
        given().contentType("application/json").body("{\"ids\":[\"" + a + "\",\"" + b + "\"]}").post("/test/stop").then()
                .statusCode(409).body("code", equalTo("STUCK"));
        // no times: it keeps firing
        given().contentType("application/json").body("{\"ids\":[\"" + b + "\"]}").post("/test/stop").then().statusCode(409);
        given().get("/_cloudmock/faults").then().body("faults[0].remaining", nullValue()).body("faults[0].fired", equalTo(2));
    }

    @Test
    void latencyOnlyRuleDelaysAndLetsTheCallProceed() {
        addFault("{\"provider\":\"test\",\"action\":\"list\",\"delayMs\":300,\"times\":1}");
        long start = System.nanoTime();
        given().post("/test/list").then().statusCode(200).body("instances", hasSize(0));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs >= 300, "took " + tookMs + " ms");
        given().get("/_cloudmock/requests").then().body("requests[0].durationMs", org.hamcrest.Matchers.greaterThanOrEqualTo(300));
    }

    @Test
    void probabilityWithASeedRepeatsExactly() {
        List<List<Integer>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            given().delete("/_cloudmock/faults").then().statusCode(200);
            addFault("{\"provider\":\"test\",\"action\":\"list\",\"httpStatus\":500,\"probability\":0.5,\"seed\":42}");
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) statuses.add(given().post("/test/list").then().extract().statusCode());
            runs.add(statuses);
        }
        assertEquals(runs.get(0), runs.get(1));
        assertTrue(runs.get(0).contains(500) && runs.get(0).contains(200), runs.get(0).toString());
        // the sequence is that of java.util.Random(42)
        java.util.Random r = new java.util.Random(42);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) expected.add(r.nextDouble() < 0.5 ? 500 : 200);
        assertEquals(expected, runs.get(0));
    }

    @Test
    void invalidRulesAre400() {
        String[][] cases = {
                {"{}", "provider is required"},
                {"{\"provider\":\"nope\",\"code\":\"X\"}", "unknown provider 'nope'; known: "},
                {"{\"provider\":\"test\"}", "a fault rule needs httpStatus, code or delayMs"},
                {"{\"provider\":\"test\",\"httpStatus\":200}", "httpStatus must be between 400 and 599"},
                {"{\"provider\":\"test\",\"httpStatus\":\"500\"}", "httpStatus must be an integer"},
                {"{\"provider\":\"test\",\"code\":\"X\",\"times\":0}", "times must be 1 or more"},
                {"{\"provider\":\"test\",\"code\":\"X\",\"probability\":0.3}", "a probability below 1 needs a seed"},
                {"{\"provider\":\"test\",\"code\":\"X\",\"probability\":1.5,\"seed\":1}", "probability must be in (0, 1]"},
                {"{\"provider\":\"test\",\"delayMs\":-1}", "delayMs must be between 0 and 300000"},
                {"{\"provider\":\"test\",\"code\":\"X\",\"time\":1}", "unknown field 'time'"},
                {"not json", "the body is not valid JSON"},
        };
        for (String[] c : cases) {
            given().contentType("application/json").body(c[0]).post("/_cloudmock/faults").then()
                    .statusCode(400).contentType("application/json")
                    .body("error.code", equalTo("BAD_REQUEST")).body("error.message", containsString(c[1]));
        }
        given().get("/_cloudmock/faults").then().body("faults", hasSize(0));
    }

    @Test
    void deleteOneAllAndReset() {
        String first = addFault("{\"provider\":\"test\",\"code\":\"A\"}");
        String second = addFault("{\"provider\":\"test\",\"code\":\"B\"}");
        assertNotEquals(first, second);
        given().delete("/_cloudmock/faults/" + first).then().statusCode(200);
        given().delete("/_cloudmock/faults/" + first).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().post("/test/list").then().statusCode(400).body("code", equalTo("B"));
        given().get("/_cloudmock/faults").then().body("faults.id", equalTo(List.of(second)))
                .body("faults[0].action", nullValue()).body("faults[0].httpStatus", nullValue());
        given().delete("/_cloudmock/faults").then().statusCode(200);
        given().post("/test/list").then().statusCode(200);
        addFault("{\"provider\":\"test\",\"code\":\"C\"}");
        given().post("/_cloudmock/reset").then().statusCode(200);
        given().get("/_cloudmock/faults").then().body("faults", hasSize(0));
        given().post("/test/list").then().statusCode(200);
    }
}
