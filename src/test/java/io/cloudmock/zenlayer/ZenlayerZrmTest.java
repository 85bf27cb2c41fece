package io.cloudmock.zenlayer;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** POST /api/v2/zrm ModifyResourceTags (version 2025-10-14) on VM instances. */
class ZenlayerZrmTest extends ZenlayerTestBase {
    static final String ZRM = "2025-10-14";

    static ValidatableResponse zrm(String action, String version, String body) {
        return zc(action, version).header("x-zc-service", "zrm").body(body).post("/api/v2/zrm").then().contentType("application/json");
    }

    static ValidatableResponse zrmOk(String body) {
        ValidatableResponse r = zrm("ModifyResourceTags", ZRM, body).statusCode(200)
                .body("requestId", matchesPattern(REQUEST_ID)).body("$", not(hasKey("code")))
                .body("response.size()", equalTo(1));
        return r.body("response.requestId", equalTo(r.extract().path("requestId")));
    }

    @Test
    void replacesAndDeletesTheTagsDescribeInstancesShows() {
        String id = ok("CreateInstances", "{\"zoneId\":\"SEL-A\",\"imageId\":\"img-ubuntu-2204-x64\",\"instanceType\":\"c.1c2g\","
                + "\"instanceChargeType\":\"POSTPAID\",\"internetChargeType\":\"ByBandwidth\"," + LOGIN
                + ",\"tags\":{\"tags\":[{\"key\":\"group\",\"value\":\"web\"},{\"key\":\"env\",\"value\":\"dev\"}]}}")
                .extract().path("response.instanceIdSet[0]");
        zrmOk("{\"resourceUuid\":\"" + id + "\",\"replaceTags\":[{\"key\":\"env\",\"value\":\"prod\"},{\"key\":\"team\",\"value\":\"a\"}],"
                + "\"deleteTagKeys\":[\"group\"]}");
        describe(id).body("response.dataSet[0].tags.tags.key", org.hamcrest.Matchers.contains("env", "team"))
                .body("response.dataSet[0].tags.tags.value", org.hamcrest.Matchers.contains("prod", "a"));
        ok("DescribeInstances", "{\"tags\":[{\"key\":\"team\",\"value\":\"a\"}]}").body("response.totalCount", equalTo(1));
        zrmOk("{\"resourceUuid\":\"" + id + "\",\"deleteTagKeys\":[\"env\",\"team\",\"absent\"]}");
        describe(id).body("response.dataSet[0].tags.tags.size()", equalTo(0));
    }

    @Test
    void errorsUseTheZenlayerEnvelopeAndChangeNothing() {
        String id = running(1).get(0);
        fails(zrm("ModifyResourceTags", ZRM, "{}"), 400, "MISSING_PARAMETER");
        fails(zrm("ModifyResourceTags", ZRM, "{\"resourceUuid\":\"404404\"}"), 404, "OPERATION_FAILED_RESOURCE_NOT_FOUND");
        fails(zrm("ModifyResourceTags", ZRM, "{\"resourceUuid\":\"" + id + "\",\"replaceTags\":[{\"value\":\"v\"}]}"), 400,
                "MISSING_PARAMETER").body("message", containsString("replaceTags[0].key"));
        fails(zrm("ModifyResourceTags", ZRM, "{\"resourceUuid\":\"" + id + "\",\"replaceTags\":[{\"key\":\"" + "k".repeat(65)
                + "\",\"value\":\"v\"}]}"), 400, "INVALID_PARAMETER_EXCEED_LENGTH");
        fails(zrm("ModifyResourceTags", ZRM, "{\"resourceUuid\":\"" + id + "\",\"deleteTagKeys\":\"k\"}"), 400, "INVALID_PARAMETER_TYPE");
        StringBuilder many = new StringBuilder("{\"resourceUuid\":\"" + id + "\",\"replaceTags\":[");
        for (int i = 0; i < 21; i++) many.append(i == 0 ? "" : ",").append("{\"key\":\"k").append(i).append("\",\"value\":\"v\"}");
        fails(zrm("ModifyResourceTags", ZRM, many + "]}"), 400, "INVALID_PARAMETER_EXCEED_LENGTH");
        describe(id).body("response.dataSet[0].tags.tags.size()", equalTo(0));
    }

    @Test
    void faultRulesAimAtTheResourceAndAreJournalled() {
        String id = running(1).get(0);
        given().contentType("application/json").body("{\"provider\":\"zenlayer\",\"action\":\"ModifyResourceTags\",\"instanceId\":\""
                + id + "\",\"httpStatus\":503,\"code\":\"SERVICE_TEMPORARY_UNAVAILABLE\",\"times\":1}")
                .post("/_cloudmock/faults").then().statusCode(201);
        String body = "{\"resourceUuid\":\"" + id + "\",\"replaceTags\":[{\"key\":\"k\",\"value\":\"v\"}]}";
        fails(zrm("ModifyResourceTags", ZRM, body), 503, "SERVICE_TEMPORARY_UNAVAILABLE");
        zrmOk(body);
        given().get("/_cloudmock/requests").then()
                .body("requests.action", org.hamcrest.Matchers.hasItems("ModifyResourceTags"))
                .body("requests.findAll { it.action == 'ModifyResourceTags' }.status", org.hamcrest.Matchers.contains(503, 200));
    }

    @Test
    void otherVersionsAndActionsAnswerLikeTheVmService() {
        fails(zrm("ModifyResourceTags", V2023, "{}"), 400, "INVALID_PARAMETER_VALUE").body("message", containsString(ZRM));
        fails(zrm("DescribeTags", ZRM, "{}"), 401, "AUTHFAILURE_UNAUTHORIZED_OPERATION")
                .body("message", containsString("not implemented"));
        fails(zrm("DescribeInstances", ZRM, "{}"), 401, "AUTHFAILURE_UNAUTHORIZED_OPERATION")
                .body("message", containsString("does not exist in the zrm API"));
        // and the VM service does not have the zrm action
        fails(call("ModifyResourceTags", V2023, "{}"), 401, "AUTHFAILURE_UNAUTHORIZED_OPERATION");
        fails(zc("ModifyResourceTags", ZRM).get("/api/v2/zrm").then(), 401, "AUTHFAILURE_UNAUTHORIZED_OPERATION");
    }
}
