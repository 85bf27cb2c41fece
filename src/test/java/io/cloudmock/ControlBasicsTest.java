package io.cloudmock;

import io.cloudmock.support.EndToEndTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

class ControlBasicsTest extends EndToEndTest {

    @Test
    void healthAnswersOkWithVersionAndUptime() {
        given().get("/_cloudmock/health").then()
                .statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("ok"))
                .body("version", equalTo(Version.VALUE))
                .body("uptimeSeconds", greaterThanOrEqualTo(0));
    }

    @Test
    void clockAdvanceMovesTheManualClock() {
        java.time.Instant before = mock.clock().now();
        String now = given().contentType("application/json").body("{\"seconds\": 90}")
                .post("/_cloudmock/clock/advance").then().statusCode(200)
                .extract().path("now");
        org.junit.jupiter.api.Assertions.assertEquals(before.plusSeconds(90), java.time.Instant.parse(now));
    }

    @Test
    void clockAdvanceRejectsABadBody() {
        given().contentType("application/json").body("{\"seconds\": \"ten\"}")
                .post("/_cloudmock/clock/advance").then().statusCode(400)
                .contentType("application/json")
                .body("error.code", equalTo("BAD_REQUEST"));
        given().contentType("application/json").body("{\"seconds\": ")
                .post("/_cloudmock/clock/advance").then().statusCode(400)
                .body("error.message", startsWith("the body is not valid JSON"));
    }

    /** A huge advance used to overflow java.time and answer 500; it is a bad request and leaves the clock alone. */
    @Test
    void clockAdvanceBeyondYear9999IsABadRequestNotA500() {
        java.time.Instant before = mock.clock().now();
        for (String huge : new String[] {"1e300", "1e12"}) {
            given().contentType("application/json").body("{\"seconds\": " + huge + "}")
                    .post("/_cloudmock/clock/advance").then().statusCode(400)
                    .contentType("application/json")
                    .body("error.code", equalTo("BAD_REQUEST"))
                    .body("error.message", org.hamcrest.Matchers.containsString("9999"));
        }
        org.junit.jupiter.api.Assertions.assertEquals(before, mock.clock().now());
        // a century is still fine
        given().contentType("application/json").body("{\"seconds\": 3155760000}")
                .post("/_cloudmock/clock/advance").then().statusCode(200);
    }

    @Test
    void unknownPathsGetJsonNotHtml() {
        given().get("/nothing/here").then().statusCode(404).contentType("application/json")
                .body("error.code", equalTo("NOT_FOUND"));
    }
}
