package io.cloudmock.control;

import io.cloudmock.CloudMock;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard's files as HTTP serves them, and the health fields the page shows the clock from. */
class DashboardRouteTest {
    static CloudMock mock;

    @BeforeAll
    static void start() {
        mock = CloudMock.builder().port(0).manualClock().controlToken("s3cret").start();
    }

    @AfterAll
    static void stop() { mock.close(); }

    static Response get(String path) {
        return RestAssured.given().baseUri(mock.baseUrl()).get(path);
    }

    @Test
    void thePageScriptAndStyleAreServedWithoutTheTokenTheApiStillNeedsIt() {
        get("/_cloudmock/ui").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<script src=\"ui/dashboard.js\" defer></script>"));
        get("/_cloudmock/ui/dashboard.js").then().statusCode(200).contentType(containsString("text/javascript"))
                .body(containsString("mode: 'same-origin'"));
        get("/_cloudmock/ui/dashboard.css").then().statusCode(200).contentType(containsString("text/css"));
        get("/_cloudmock/health").then().statusCode(401);
        // only the dashboard's own files: anything else under the prefix is the control API's, token first
        get("/_cloudmock/ui/nothing.js").then().statusCode(401).contentType("application/json");
        RestAssured.given().baseUri(mock.baseUrl()).header("Authorization", "Bearer s3cret").get("/_cloudmock/ui/nothing.js")
                .then().statusCode(404).contentType("application/json");
    }

    @Test
    void onlyThisServersScriptsRunAndFetchesStayOnItsOrigin() {
        Response r = get("/_cloudmock/ui");
        String csp = r.header("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertTrue(csp.contains("connect-src 'self'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertEquals("DENY", r.header("X-Frame-Options"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        // no inline script or handler the policy would have to allow
        String html = r.asString();
        assertFalse(html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "inline <script>");
        assertFalse(html.matches("(?s).*\\son[a-z]+=.*"), "inline event handler");
    }

    @Test
    void theRootLinksToTheDashboard() {
        RestAssured.given().baseUri(mock.baseUrl()).accept("text/html,application/xhtml+xml").get("/").then()
                .statusCode(200).contentType(containsString("text/html"))
                .body(containsString("href=\"/_cloudmock/ui\""));
        get("/").then().statusCode(200).contentType("application/json")
                .body("name", equalTo("cloudmock")).body("control.ui", equalTo("GET /_cloudmock/ui"));
    }

    @Test
    void healthTellsTheClockAndItsTime() {
        Instant now = Instant.parse(RestAssured.given().baseUri(mock.baseUrl()).header("Authorization", "Bearer s3cret")
                .get("/_cloudmock/health").then().statusCode(200).body("clock", equalTo("manual"))
                .extract().path("now"));
        Instant later = Instant.parse(RestAssured.given().baseUri(mock.baseUrl()).header("Authorization", "Bearer s3cret")
                .contentType("application/json").body("{\"seconds\": 90}").post("/_cloudmock/clock/advance")
                .then().statusCode(200).extract().path("now"));
        assertEquals(Duration.ofSeconds(90), Duration.between(now, later));
        RestAssured.given().baseUri(mock.baseUrl()).header("Authorization", "Bearer s3cret").get("/_cloudmock/health")
                .then().body("now", equalTo(later.toString()));
    }
}
