package io.cloudmock.control;

import io.cloudmock.support.EndToEndTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** {@code GET /_cloudmock/unserved}: what clients asked for that cloudmock does not serve, counted per call and client. */
class UnservedTest extends EndToEndTest {

    @Test
    void unservedAndMisroutedActionsAreCountedPerActionAndClient() {
        // getVpcList belongs to /vpc/v2: the gateway's 404 says where it is served, its envelope unchanged
        for (int k = 0; k < 2; k++) {
            given().header("User-Agent", "my-sdk/1.0").queryParam("responseFormatType", "json").get("/vserver/v2/getVpcList")
                    .then().statusCode(404).body("error.errorCode", equalTo("300"))
                    .body("error.details", containsString("it serves it at /vpc/v2/getVpcList"));
        }
        given().contentType("application/json").header("X-ZC-Action", "DescribeVncUrl").header("X-ZC-Version", "2023-03-13")
                .body("{}").post("/api/v2/vm").then().statusCode(401);
        // a client's own mistake (no version header) is not something cloudmock fails to serve
        given().contentType("application/json").header("X-ZC-Action", "DescribeZones").body("{}").post("/api/v2/vm")
                .then().statusCode(400);
        given().get("/_cloudmock/unserved").then().statusCode(200)
                .body("unserved", hasSize(2))
                .body("unserved[0].provider", equalTo("ncp"))
                .body("unserved[0].action", equalTo("getVpcList"))
                .body("unserved[0].path", equalTo("/vserver/v2/getVpcList"))
                .body("unserved[0].userAgent", equalTo("my-sdk/1.0"))
                .body("unserved[0].count", equalTo(2))
                .body("unserved[1].provider", equalTo("zenlayer"))
                .body("unserved[1].action", equalTo("DescribeVncUrl"))
                .body("unserved[1].reason", containsString("does not exist in the vm API version 2023-03-13"));
        given().post("/_cloudmock/reset").then().statusCode(200);
        given().get("/_cloudmock/unserved").then().body("unserved", hasSize(0));
    }
}
