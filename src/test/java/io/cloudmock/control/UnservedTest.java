package io.cloudmock.control;

import io.cloudmock.support.EndToEndTest;
import io.cloudmock.support.ReadyNetworks;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

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

    @Test
    void parametersNoHandlerReadAreListedByNameWithListIndexesFolded() {
        // a served call: the answer is the usual one, the parameters nothing read are counted, once per name
        for (int k = 0; k < 2; k++) {
            given().header("User-Agent", "tf/1.0").queryParam("responseFormatType", "json")
                    .queryParam("regionCode", "KR").queryParam("serverInstanceNoList.1", "1")
                    .queryParam("fancyFilter", "x").queryParam("tagList.1.tagKey", "a").queryParam("tagList.2.tagKey", "b")
                    .queryParam("emptyOne", "")
                    .get("/vserver/v2/getServerInstanceList").then().statusCode(200);
        }
        // read struct fields are not listed, an unread one of the same list is
        ReadyNetworks.Ncp net = ReadyNetworks.ncp(mock.baseUrl(), null);
        given().queryParam("responseFormatType", "json").queryParam("vpcNo", net.vpcNo())
                .queryParam("accessControlGroupNo", net.acgNo())
                .queryParam("accessControlGroupRuleList.1.protocolTypeCode", "TCP")
                .queryParam("accessControlGroupRuleList.1.ipBlock", "10.0.0.0/8")
                .queryParam("accessControlGroupRuleList.1.portRange", "8080")
                .queryParam("accessControlGroupRuleList.1.colour", "red")
                .get("/vserver/v2/addAccessControlGroupInboundRule").then().statusCode(200);
        // Zenlayer: unknown top-level and nested fields, by dotted name; a null counts as not sent
        given().contentType("application/json").header("X-ZC-Action", "DescribeInstances").header("X-ZC-Version", "2026-04-01")
                .header("User-Agent", "zl-sdk/2")
                .body("{\"pageSize\":10,\"bogus\":1,\"nothing\":null}").post("/api/v2/vm").then().statusCode(200);
        given().get("/_cloudmock/unserved").then().statusCode(200)
                .body("unserved", hasSize(4))
                .body("unserved.find { it.action == 'addAccessControlGroupInboundRule' }.parameter",
                        equalTo("accessControlGroupRuleList.N.colour"))
                .body("unserved.findAll { it.count == 2 }.parameter", containsInAnyOrder("fancyFilter", "tagList.N.tagKey"))
                .body("unserved.find { it.parameter == 'fancyFilter' }.action", equalTo("getServerInstanceList"))
                .body("unserved.find { it.parameter == 'fancyFilter' }.userAgent", equalTo("tf/1.0"))
                .body("unserved.find { it.parameter == 'fancyFilter' }.reason", containsString("without reading this parameter"))
                .body("unserved.find { it.provider == 'zenlayer' }.parameter", equalTo("bogus"))
                .body("unserved.find { it.provider == 'zenlayer' }.action", equalTo("DescribeInstances"));
    }

    @Test
    void nestedZenlayerFieldsAreLookedIntoOnlyWhenTheirObjectWasRead() {
        String body = "{\"zoneId\":\"SEL-A\",\"imageId\":\"img-ubuntu-2204-x64\",\"instanceType\":\"c.1c2g\","
                + "\"instanceChargeType\":\"POSTPAID\",\"internetChargeType\":\"ByBandwidth\",\"password\":\"Passw0rd!\","
                + "\"systemDisk\":{\"diskSize\":40,\"turbo\":true}}";
        given().contentType("application/json").header("X-ZC-Action", "CreateInstances").header("X-ZC-Version", "2026-04-01")
                .body(body).post("/api/v2/vm").then().statusCode(200);
        given().get("/_cloudmock/unserved").then().statusCode(200)
                .body("unserved.parameter", hasItem("systemDisk.turbo"))
                .body("unserved.parameter", not(hasItem("systemDisk")))
                .body("unserved.parameter", not(hasItem("password")));
    }
}
