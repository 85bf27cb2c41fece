package io.cloudmock.control;

import io.cloudmock.CloudMock;
import io.cloudmock.support.FakeProvider;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** --control-token guards every control route, and only the control routes. */
class ControlTokenTest {
    static CloudMock mock;

    /** method, path, body: every control route. */
    static final String[][] ROUTES = {
            {"GET", "/_cloudmock/health", null},
            {"POST", "/_cloudmock/reset", null},
            {"POST", "/_cloudmock/reset?account=AK1", null},
            {"POST", "/_cloudmock/clock/advance", "{\"seconds\":1}"},
            {"GET", "/_cloudmock/instances", null},
            {"POST", "/_cloudmock/instances", "{\"provider\":\"test\"}"},
            {"PUT", "/_cloudmock/instances/test/1/state", "{\"state\":\"STOPPED\"}"},
            {"GET", "/_cloudmock/requests", null},
            {"DELETE", "/_cloudmock/requests", null},
            {"GET", "/_cloudmock/faults", null},
            {"POST", "/_cloudmock/faults", "{\"provider\":\"test\",\"code\":\"X\",\"times\":1}"},
            {"DELETE", "/_cloudmock/faults", null},
            {"DELETE", "/_cloudmock/faults/fault-1", null},
            {"GET", "/_cloudmock/state", null},
            {"PUT", "/_cloudmock/state", "{\"accounts\":[]}"},
    };

    @BeforeAll
    static void start() {
        mock = CloudMock.builder().port(0).manualClock().controlToken("s3cret").provider(FakeProvider::install).start();
    }

    @AfterAll
    static void stop() { mock.close(); }

    static RequestSpecification given(String[] route) {
        RequestSpecification r = RestAssured.given().baseUri(mock.baseUrl());
        if (route[2] != null) r = r.contentType("application/json").body(route[2]);
        return r;
    }

    @Test
    void everyControlRouteNeedsTheToken() {
        for (String[] route : ROUTES) {
            given(route).request(route[0], route[1]).then().statusCode(401).contentType("application/json")
                    .body("error.code", equalTo("UNAUTHORIZED"));
            given(route).header("Authorization", "Bearer wrong").request(route[0], route[1]).then().statusCode(401);
            given(route).header("Authorization", "s3cret").request(route[0], route[1]).then().statusCode(401);
        }
    }

    @Test
    void withTheTokenEveryControlRouteAnswers() {
        for (String[] route : ROUTES) {
            int status = given(route).header("Authorization", "Bearer s3cret").request(route[0], route[1]).then()
                    .contentType("application/json").extract().statusCode();
            assertNotEquals(401, status, route[0] + " " + route[1]);
        }
    }

    @Test
    void cloudRoutesDoNotNeedIt() {
        RestAssured.given().baseUri(mock.baseUrl()).post("/test/list").then().statusCode(200);
    }
}
