package io.cloudmock.control;

import io.cloudmock.Version;
import io.cloudmock.support.EndToEndTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** {@code GET /} says where things are, instead of Javalin's "Endpoint GET / not found". */
class IndexPageTest extends EndToEndTest {

    @Test
    void curlGetsJsonNamingTheApisAndTheControlApi() {
        given().get("/").then().statusCode(200).contentType("application/json")
                .body("name", equalTo("cloudmock"))
                .body("version", equalTo(Version.VALUE))
                .body("apis.ncp-vpc", equalTo("GET|POST /vserver/v2/{action}"))
                .body("apis.ncp-classic", equalTo("GET|POST /server/v2/{action}"))
                .body("apis.zenlayer-vm", startsWith("POST /api/v2/vm"))
                .body("control.health", equalTo("GET /_cloudmock/health"))
                .body("control.ui", equalTo("GET /_cloudmock/ui"))
                .body("control.faults", equalTo("GET|POST|DELETE /_cloudmock/faults"));
    }

    @Test
    void aBrowserGetsAPageLinkingTheDashboard() {
        given().accept("text/html,application/xhtml+xml").get("/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<a href=\"/_cloudmock/ui\">"))
                .body(containsString("<a href=\"/_cloudmock/health\">"))
                .body(containsString("/vserver/v2/{action}"));
    }

    @Test
    void otherUnknownPathsStayA404InJson() {
        given().get("/nothing-here").then().statusCode(404).contentType("application/json")
                .body("error.code", equalTo("NOT_FOUND"));
    }
}
