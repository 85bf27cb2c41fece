package io.cloudmock.auth;

import io.cloudmock.support.EndToEndTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Fault rules through the real providers: each rendered in the provider's own envelope and format. */
class ProviderFaultsTest extends EndToEndTest {

    private static String addRule(String json) {
        return given().contentType("application/json").body(json).post("/_cloudmock/faults").then().statusCode(201)
                .extract().path("id");
    }

    private static String runningServer() {
        io.cloudmock.support.ReadyNetworks.Ncp n = io.cloudmock.support.ReadyNetworks.ncp(mock.baseUrl(), null);
        String id = given().queryParams("serverImageProductCode", "SW.VSVR.OS.LNX64.UBNTU.SVR24.G003", "vpcNo", n.vpcNo(),
                        "subnetNo", n.subnetNo(), "networkInterfaceList.1.networkInterfaceOrder", "0",
                        "networkInterfaceList.1.accessControlGroupNoList.1", n.acgNo(), "responseFormatType", "json")
                .get("/vserver/v2/createServerInstances").jsonPath()
                .getString("createServerInstancesResponse.serverInstanceList[0].serverInstanceNo");
        advance(4);
        return id;
    }

    private static Response stop(String id, String format) {
        return given().queryParams("serverInstanceNoList.1", id, "responseFormatType", format).get("/vserver/v2/stopServerInstances");
    }

    @Test
    void anNcpRuleFailsExactlyTimesCallsThenTheCallSucceeds() {
        String id = runningServer();
        addRule("{\"provider\":\"ncp\",\"action\":\"stopServerInstances\",\"code\":\"25041\",\"times\":2}");
        stop(id, "json").then().statusCode(400).contentType(startsWith("application/json"))
                .body("responseError.returnCode", equalTo("25041"))
                .body("responseError.returnMessage", startsWith("Unable to perform operation command"));
        String xml = stop(id, "xml").then().statusCode(400).contentType(startsWith("application/xml")).extract().asString();
        assertEquals(true, xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<responseError>\n  <returnCode>25041</returnCode>"), xml);
        stop(id, "json").then().statusCode(200)
                .body("stopServerInstancesResponse.serverInstanceList[0].serverInstanceOperation.code", equalTo("SHTDN"));
        List<String> codes = given().get("/_cloudmock/requests?action=stopServerInstances").jsonPath().getList("requests.errorCode");
        assertEquals(List.of("25041", "25041", ""), codes);
    }

    @Test
    void aFailedCallChangesNothing() {
        String id = runningServer();
        addRule("{\"provider\":\"ncp\",\"action\":\"stopServerInstances\",\"instanceId\":\"" + id + "\",\"httpStatus\":500,\"times\":1}");
        stop(id, "json").then().statusCode(500).body("responseError.returnCode", equalTo("1300"));
        given().queryParams("serverInstanceNo", id, "responseFormatType", "json").get("/vserver/v2/getServerInstanceDetail")
                .then().body("getServerInstanceDetailResponse.serverInstanceList[0].serverInstanceOperation.code", equalTo("NULL"));
    }

    @Test
    void aCodeWithoutAPlainCatalogueTextGetsTheInjectedText() {
        String id = addRule("{\"provider\":\"ncp\",\"action\":\"getZoneList\",\"httpStatus\":409}");
        given().queryParam("responseFormatType", "json").get("/vserver/v2/getZoneList").then().statusCode(409)
                .body("responseError.returnCode", equalTo("900"))
                .body("responseError.returnMessage", equalTo("Fault injected by cloudmock rule " + id + "."));
    }

    @Test
    void aGatewayStatusWithoutACodeIsTheGatewaysEnvelope() {
        addRule("{\"provider\":\"ncp\",\"action\":\"getRegionList\",\"httpStatus\":503}");
        given().queryParam("responseFormatType", "json").get("/vserver/v2/getRegionList").then().statusCode(503)
                .body("error.errorCode", equalTo("500")).body("error.message", equalTo("Endpoint Error"));
        given().queryParam("responseFormatType", "json").get("/server/v2/getRegionList").then().statusCode(200);
    }

    @Test
    void aZenlayerRuleUsesTheCataloguesStatusForItsCode() {
        addRule("{\"provider\":\"zenlayer\",\"action\":\"DescribeZones\",\"code\":\"OPERATION_DENIED_INSTANCE_RECYCLED\",\"times\":1}");
        addRule("{\"provider\":\"zenlayer\",\"action\":\"DescribeZones\",\"httpStatus\":429,\"times\":1}");
        Response first = given().contentType("application/json").header("X-ZC-Action", "DescribeZones")
                .header("X-ZC-Version", "2026-04-01").body("{}").post("/api/v2/vm");
        first.then().statusCode(403).contentType("application/json")
                .body("code", equalTo("OPERATION_DENIED_INSTANCE_RECYCLED"))
                .body("requestId", startsWith("T"));
        given().contentType("application/json").header("X-ZC-Action", "DescribeZones").header("X-ZC-Version", "2026-04-01")
                .body("{}").post("/api/v2/vm").then().statusCode(429).body("code", equalTo("REQUEST_LIMIT_EXCEEDED"));
        given().contentType("application/json").header("X-ZC-Action", "DescribeZones").header("X-ZC-Version", "2026-04-01")
                .body("{}").post("/api/v2/vm").then().statusCode(200);
    }

    @Test
    void theJournalKeepsOnlyTheSizeOfALargeRequest() {
        String big = "{\"instanceName\":\"" + "x".repeat(20_000) + "\"}";
        given().contentType("application/json").header("X-ZC-Action", "DescribeInstances").header("X-ZC-Version", "2026-04-01")
                .body(big).post("/api/v2/vm");
        given().contentType("application/x-www-form-urlencoded").body("serverDescription=" + "y".repeat(9000))
                .post("/vserver/v2/getRegionList").then().statusCode(200);
        given().get("/_cloudmock/requests").then()
                .body("requests[0].parameters.omitted", org.hamcrest.Matchers.startsWith("a request of 200"))
                .body("requests[1].parameters.omitted", org.hamcrest.Matchers.startsWith("a request of 90"));
    }

    @Test
    void theJournalKeepsEachCallsParameters() {
        given().queryParams("responseFormatType", "json", "regionCode", "KR").get("/vserver/v2/getZoneList").then().statusCode(200);
        given().contentType("application/json").header("X-ZC-Action", "DescribeInstances").header("X-ZC-Version", "2026-04-01")
                .body("{\"pageSize\":5}").post("/api/v2/vm").then().statusCode(200);
        given().get("/_cloudmock/requests").then()
                .body("requests[0].parameters.regionCode", equalTo("KR"))
                .body("requests[1].parameters.pageSize", equalTo(5));
    }
}
