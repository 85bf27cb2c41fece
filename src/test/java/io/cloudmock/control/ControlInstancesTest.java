package io.cloudmock.control;

import io.cloudmock.support.ProviderEndToEndTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ControlInstancesTest extends ProviderEndToEndTest {

    private String create(String body) {
        return given().contentType("application/json").body(body).post("/_cloudmock/instances")
                .then().statusCode(201).extract().path("instances[0].id");
    }

    @Test
    void createsWithTheModelsDefaultStateAndCompleteFields() {
        given().contentType("application/json").body("{\"provider\":\"test\",\"fields\":{\"name\":\"web\"}}")
                .post("/_cloudmock/instances").then()
                .statusCode(201).contentType("application/json")
                .body("instances", hasSize(1))
                .body("instances[0].provider", equalTo("test"))
                .body("instances[0].account", equalTo("default"))
                .body("instances[0].id", instanceOf(String.class))
                .body("instances[0].id", not(emptyString()))
                .body("instances[0].state", equalTo("RUNNING"))
                .body("instances[0].fields.name", equalTo("web"))
                .body("instances[0].fields.size", equalTo("small"));
    }

    @Test
    void createsManyInAnyStateAndAccount() {
        given().contentType("application/json").body("{\"provider\":\"test\",\"account\":\"AK1\",\"state\":\"CREATING\",\"count\":3}")
                .post("/_cloudmock/instances").then().statusCode(201)
                .body("instances", hasSize(3))
                .body("instances.state", equalTo(List.of("CREATING", "CREATING", "CREATING")))
                .body("instances.account", equalTo(List.of("AK1", "AK1", "AK1")));
        // a state set directly is not a transition: it stays, however much time passes ("stuck creating")
        advance(3600);
        given().get("/_cloudmock/instances?account=AK1").then().statusCode(200)
                .body("instances.state", equalTo(List.of("CREATING", "CREATING", "CREATING")));
        // and the provider's own API sees them in that account only
        given().header("X-Test-Key", "AK1").post("/test/list").then().body("instances", hasSize(3));
        given().header("X-Test-Key", "AK2").post("/test/list").then().body("instances", hasSize(0));
    }

    @Test
    void listFiltersByProviderAndAccount() {
        create("{\"provider\":\"test\",\"account\":\"a\"}");
        create("{\"provider\":\"test\",\"account\":\"b\"}");
        create("{\"provider\":\"test\",\"account\":\"b\"}");
        given().get("/_cloudmock/instances").then().statusCode(200).contentType("application/json")
                .body("instances", hasSize(3)).body("instances.account", equalTo(List.of("a", "b", "b")));
        given().get("/_cloudmock/instances?account=b").then().body("instances", hasSize(2));
        given().get("/_cloudmock/instances?account=nobody").then().body("instances", hasSize(0));
        given().get("/_cloudmock/instances?provider=test&account=a").then().body("instances", hasSize(1));
        given().get("/_cloudmock/instances?provider=nope").then().statusCode(400)
                .body("error.code", equalTo("BAD_REQUEST")).body("error.message", containsString("nope"));
    }

    @Test
    void badBodiesAre400AndCreateNothing() {
        String[][] cases = {
                {"{\"provider\":\"nope\"}", "unknown provider 'nope'; known: "},
                {"{}", "provider is required"},
                {"{\"provider\":\"test\",\"state\":\"FLYING\"}", "state 'FLYING' is not a state of test vm; known: CREATING, DELETING, RUNNING, STOPPED, STOPPING"},
                {"{\"provider\":\"test\",\"id\":\"1\"}", "id is chosen by cloudmock"},
                {"{\"provider\":\"test\",\"count\":0}", "count must be an integer from 1 to 1000"},
                {"{\"provider\":\"test\",\"count\":2,\"fields\":{\"size\":\"huge\"}}", "size must be small or large"},
                {"{\"provider\":\"test\",\"fields\":[]}", "fields must be a JSON object"},
                {"{\"provider\":\"test\",\"colour\":\"red\"}", "unknown field 'colour'"},
                {"[1]", "the body must be a JSON object"},
        };
        for (String[] c : cases) {
            given().contentType("application/json").body(c[0]).post("/_cloudmock/instances").then()
                    .statusCode(400).contentType("application/json")
                    .body("error.code", equalTo("BAD_REQUEST"))
                    .body("error.message", containsString(c[1]));
        }
        given().get("/_cloudmock/instances").then().body("instances", hasSize(0));
    }

    @Test
    void forceStatePutsAnInstanceInAnyStateWithoutTransition() {
        String id = create("{\"provider\":\"test\",\"account\":\"AK1\"}");
        given().contentType("application/json").body("{\"state\":\"STOPPING\",\"account\":\"AK1\"}")
                .put("/_cloudmock/instances/test/" + id + "/state").then()
                .statusCode(200).contentType("application/json")
                .body("id", equalTo(id)).body("state", equalTo("STOPPING")).body("account", equalTo("AK1"));
        advance(600);
        given().header("X-Test-Key", "AK1").post("/test/list").then().body("instances[0].state", equalTo("STOPPING"));
        // without an account the instance is found in whichever account holds it
        given().contentType("application/json").body("{\"state\":\"STOPPED\"}")
                .put("/_cloudmock/instances/test/" + id + "/state").then().statusCode(200).body("state", equalTo("STOPPED"));
    }

    @Test
    void forceStateErrors() {
        String id = create("{\"provider\":\"test\",\"account\":\"AK1\"}");
        given().contentType("application/json").body("{\"state\":\"STOPPED\",\"account\":\"AK2\"}")
                .put("/_cloudmock/instances/test/" + id + "/state").then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        given().contentType("application/json").body("{\"state\":\"STOPPED\"}")
                .put("/_cloudmock/instances/test/999999/state").then().statusCode(404)
                .body("error.message", containsString("no test resource 999999"));
        given().contentType("application/json").body("{\"state\":\"STOPPED\"}")
                .put("/_cloudmock/instances/nope/" + id + "/state").then().statusCode(404);
        given().contentType("application/json").body("{\"state\":\"BROKEN\"}")
                .put("/_cloudmock/instances/test/" + id + "/state").then().statusCode(400)
                .body("error.message", containsString("state 'BROKEN' is not a state of test"));
        given().contentType("application/json").body("{}")
                .put("/_cloudmock/instances/test/" + id + "/state").then().statusCode(400);
        String state = given().get("/_cloudmock/instances").then().extract().path("instances[0].state");
        assertEquals("RUNNING", state);
    }

    @Test
    void resetOfOneAccountLeavesTheOthers() {
        create("{\"provider\":\"test\",\"account\":\"AK1\"}");
        create("{\"provider\":\"test\",\"account\":\"AK2\"}");
        given().post("/_cloudmock/reset?account=AK1").then().statusCode(200).body("account", equalTo("AK1"));
        given().get("/_cloudmock/instances").then().body("instances.account", equalTo(List.of("AK2")));
    }

    /**
     * {@code ?account=} with nothing after it (an unset shell variable) used to answer 200 "ok" while resetting
     * nothing at all; it is a 400 that changes nothing.
     */
    @Test
    void resetWithAnEmptyAccountIsABadRequest() {
        create("{\"provider\":\"test\"}");
        given().post("/_cloudmock/reset?account=").then().statusCode(400).contentType("application/json")
                .body("error.code", equalTo("BAD_REQUEST"))
                .body("error.message", containsString("account"));
        given().get("/_cloudmock/instances").then().body("instances", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void providerTransitionsStillRunOnCreatedInstances() {
        String id = create("{\"provider\":\"test\"}");
        given().contentType("application/json").body("{\"ids\":[\"" + id + "\"]}").post("/test/stop").then()
                .statusCode(200).body("instances[0].state", equalTo("STOPPING"));
        advance(2);
        given().get("/_cloudmock/instances").then().body("instances[0].state", equalTo("STOPPED"));
    }
}
