package io.cloudmock.control;

import io.cloudmock.support.ProviderEndToEndTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateTest extends ProviderEndToEndTest {

    @Test
    void exportShowsAccountsInstancesAndTransitionsUnderWay() {
        String id = given().header("X-Test-Key", "AK1").post("/test/create").then().extract().path("instances[0].id");
        advance(2);
        given().header("X-Test-Key", "AK1").contentType("application/json").body("{\"ids\":[\"" + id + "\"]}").post("/test/stop");
        given().get("/_cloudmock/state").then().statusCode(200).contentType("application/json")
                .body("format", equalTo("cloudmock-state"))
                .body("version", equalTo(1))
                .body("clock.manual", equalTo(true))
                .body("clock.now", equalTo(mock.clock().now().toString()))
                .body("accounts", hasSize(1))
                .body("accounts[0].name", equalTo("AK1"))
                .body("accounts[0].instances[0].provider", equalTo("test"))
                .body("accounts[0].instances[0].id", equalTo(id))
                .body("accounts[0].instances[0].state", equalTo("STOPPING"))
                .body("accounts[0].instances[0].path", equalTo(List.of("STOPPED")))
                .body("accounts[0].instances[0].since", equalTo(mock.clock().now().toString()))
                .body("accounts[0].instances[0].fields.name", equalTo("vm-" + id));
    }

    @Test
    void importReplacesEverythingAndTransitionsCarryOn() {
        String id = given().post("/test/create").then().extract().path("instances[0].id");
        advance(2);
        given().contentType("application/json").body("{\"ids\":[\"" + id + "\"]}").post("/test/stop");
        String exported = given().get("/_cloudmock/state").then().extract().asString();
        Instant savedNow = mock.clock().now();

        given().post("/_cloudmock/reset");
        given().contentType("application/json").body("{\"provider\":\"test\",\"account\":\"other\"}").post("/_cloudmock/instances");
        given().contentType("application/json").body(exported).put("/_cloudmock/state").then()
                .statusCode(200).body("accounts[0].instances[0].id", equalTo(id));
        assertEquals(savedNow, mock.clock().now(), "the manual clock is restored too");
        given().get("/_cloudmock/instances").then().body("instances", hasSize(1))
                .body("instances[0].id", equalTo(id)).body("instances[0].state", equalTo("STOPPING"));
        advance(2);
        given().get("/_cloudmock/instances").then().body("instances[0].state", equalTo("STOPPED"));
    }

    @Test
    void newIdsDoNotCollideWithImportedOnes() {
        given().contentType("application/json").body("{\"accounts\":[{\"name\":\"default\",\"instances\":[{\"provider\":\"test\","
                + "\"id\":\"50000000\",\"state\":\"RUNNING\",\"fields\":{\"name\":\"imported\"}}]}]}")
                .put("/_cloudmock/state").then().statusCode(200);
        String id = given().post("/test/create").then().extract().path("instances[0].id");
        assertTrue(Long.parseLong(id) > 50_000_000L, id);
    }

    @Test
    void aStateOfSeveralMegabytesImports() {
        // the control API reads bodies up to 64 MiB (Limits.SERVER_BODY_BYTES), so an exported state goes back in
        String big = "{\"accounts\":[],\"padding\":\"" + "x".repeat(3_000_000) + "\"}";
        given().contentType("application/json").body(big).put("/_cloudmock/state").then().statusCode(200);
    }

    @Test
    void aBadImportIs400AndChangesNothing() {
        given().post("/test/create");
        String before = given().get("/_cloudmock/instances").then().extract().asString();
        String[][] cases = {
                {"{}", "accounts must be an array"},
                {"{\"format\":\"other\",\"accounts\":[]}", "format must be 'cloudmock-state'"},
                {"{\"accounts\":[{\"name\":\"a\",\"instances\":[{\"provider\":\"nope\",\"id\":\"1\",\"state\":\"RUNNING\"}]}]}",
                        "accounts[0].instances[0]: unknown provider 'nope'"},
                {"{\"accounts\":[{\"name\":\"a\",\"instances\":[{\"provider\":\"test\",\"id\":\"1\",\"state\":\"FLYING\"}]}]}",
                        "state 'FLYING' is not a state of test"},
                {"{\"accounts\":[{\"name\":\"a\",\"instances\":[{\"provider\":\"test\",\"id\":\"1\",\"state\":\"RUNNING\"},"
                        + "{\"provider\":\"test\",\"id\":\"1\",\"state\":\"RUNNING\"}]}]}", "appears twice"},
                {"{\"accounts\":[{\"name\":\"a\",\"instances\":[{\"provider\":\"test\",\"id\":\"1\",\"state\":\"RUNNING\",\"since\":\"noon\"}]}]}",
                        "since must be an ISO-8601 instant"},
                {"{\"accounts\":[{\"instances\":[]}]}", "accounts[0].name must be a non-empty string"},
                {"{\"nextId\":\"ten\",\"accounts\":[]}", "nextId must be an integer"},
                {"{\"nextId\":9223372036854775807,\"accounts\":[]}", "nextId must be an integer from 0"},
                // instants past year 9999 used to be taken, and then every request settling the instance answered 500
                {"{\"clock\":{\"now\":\"+1000000000-12-31T23:59:59Z\"},\"accounts\":[{\"name\":\"a\",\"instances\":["
                        + "{\"provider\":\"test\",\"id\":\"1\",\"state\":\"STOPPING\",\"path\":[\"STOPPED\"],"
                        + "\"since\":\"+1000000000-12-31T23:59:59Z\"}]}]}", "not after 9999-12-31T23:59:59Z"},
        };
        for (String[] c : cases) {
            given().contentType("application/json").body(c[0]).put("/_cloudmock/state").then()
                    .statusCode(400).body("error.code", equalTo("BAD_REQUEST"))
                    .body("error.message", containsString(c[1]));
        }
        assertEquals(before, given().get("/_cloudmock/instances").then().extract().asString());
    }
}
