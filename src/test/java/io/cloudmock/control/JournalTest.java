package io.cloudmock.control;

import io.cloudmock.support.ProviderEndToEndTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;

class JournalTest extends ProviderEndToEndTest {

    @Test
    void recordsCloudRequestsOldestFirst() {
        given().header("X-Test-Key", "AK1").post("/test/create").then().statusCode(200);
        given().post("/test/list").then().statusCode(200);
        given().get("/_cloudmock/health").then().statusCode(200); // control calls are not journalled
        given().get("/_cloudmock/requests").then()
                .statusCode(200).contentType("application/json")
                .body("requests", hasSize(2))
                .body("requests[0].provider", equalTo("test"))
                .body("requests[0].account", equalTo("AK1"))
                .body("requests[0].action", equalTo("create"))
                .body("requests[0].method", equalTo("POST"))
                .body("requests[0].path", equalTo("/test/create"))
                .body("requests[0].status", equalTo(200))
                .body("requests[0].errorCode", equalTo(""))
                .body("requests[0].durationMs", greaterThanOrEqualTo(0))
                .body("requests[0].time", instanceOf(String.class))
                .body("requests[0]", not(hasKey("authDetail")))
                .body("requests[1].action", equalTo("list"))
                .body("requests[1].account", equalTo("default"));
    }

    @Test
    void filtersByProviderAccountAndAction() {
        given().header("X-Test-Key", "AK1").post("/test/create");
        given().header("X-Test-Key", "AK2").post("/test/create");
        given().header("X-Test-Key", "AK2").post("/test/list");
        given().get("/_cloudmock/requests?account=AK2").then().body("requests.action", equalTo(List.of("create", "list")));
        given().get("/_cloudmock/requests?action=create").then().body("requests.account", equalTo(List.of("AK1", "AK2")));
        given().get("/_cloudmock/requests?provider=test&account=AK2&action=list").then().body("requests", hasSize(1));
        given().get("/_cloudmock/requests?provider=ncp").then().body("requests", hasSize(0));
    }

    @Test
    void deleteAndResetClearIt() {
        given().post("/test/list");
        given().delete("/_cloudmock/requests").then().statusCode(200).body("status", equalTo("ok"));
        given().get("/_cloudmock/requests").then().body("requests", hasSize(0));
        given().post("/test/list");
        given().get("/_cloudmock/requests").then().body("requests", hasSize(1));
        given().post("/_cloudmock/reset");
        given().get("/_cloudmock/requests").then().body("requests", hasSize(0));
    }

    @Test
    void recordsErrorCodesOfFailedCalls() {
        given().contentType("application/json").body("{\"provider\":\"test\",\"action\":\"list\",\"httpStatus\":503,\"code\":\"BUSY\"}")
                .post("/_cloudmock/faults").then().statusCode(201);
        given().post("/test/list").then().statusCode(503);
        given().get("/_cloudmock/requests").then().body("requests[0].status", equalTo(503))
                .body("requests[0].errorCode", equalTo("BUSY"));
    }
}
