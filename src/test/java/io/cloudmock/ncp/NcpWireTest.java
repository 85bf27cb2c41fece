package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Json;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bytes on the wire: formats, Content-Types, types, envelopes, and what real clients need of them. */
class NcpWireTest extends NcpApi {

    /**
     * What ncloud-sdk-go-v2 (and so Terraform) does with a 2xx body (reference 3.2): it must start with '{',
     * and the payload is cut out from the second '{' to the byte before the last, then parsed.
     */
    private static JsonNode goSdkPayload(String body) throws Exception {
        assertTrue(body.startsWith("{"), "the Go SDK refuses a body that does not start with {");
        assertFalse(body.contains("{\"error\""), "the Go SDK silently empties a 2xx body containing {\"error\"");
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String trimmed = body.replaceAll("^\\{+|\\}+$", "");
        int idx = trimmed.indexOf('{');
        // bytes.IndexAny over the Trim'd slice, used as an index into the untrimmed body
        String cut = new String(b, idx, b.length - 1 - idx, StandardCharsets.UTF_8);
        return Json.MAPPER.readTree(cut);
    }

    /** A request line no HTTP client library would send (they refuse malformed escapes). */
    private static String rawGet(String target) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", mock.port())) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void jsonSurvivesTheGoSdksPayloadCut() throws Exception {
        String id = runningVpc();
        String body = vpc("getServerInstanceList").asString();
        assertFalse(body.endsWith("\n"), "no trailing newline");
        assertTrue(body.startsWith("{\n  \"getServerInstanceListResponse\": {"), body.substring(0, 40));
        JsonNode payload = goSdkPayload(body);
        assertEquals("0", payload.get("returnCode").textValue());
        assertEquals(1, payload.get("totalRows").intValue());
        JsonNode server = payload.get("serverInstanceList").get(0);
        assertEquals(id, server.get("serverInstanceNo").textValue());
        assertTrue(server.get("cpuCount").isInt());
        assertTrue(server.get("memorySize").isIntegralNumber());
        assertTrue(server.get("isProtectServerTermination").isBoolean());
        assertTrue(server.get("vpcNo").isTextual());
        assertTrue(server.get("networkInterfaceNoList").get(0).isTextual());
        assertEquals("", server.get("placementGroupNo").textValue());
        assertEquals("", server.get("fabricClusterPoolNo").textValue());
        assertTrue(server.get("eventList").isArray());
        assertTrue(server.get("createDate").textValue().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0900"));
    }

    @Test
    void everyActionsJsonSurvivesTheGoSdk() throws Exception {
        String id = runningVpc();
        for (String[] call : new String[][] {
                {"getRegionList"}, {"getZoneList"}, {"getServerImageProductList"},
                {"getServerProductList", "serverImageProductCode", UBUNTU},
                {"getServerInstanceDetail", "serverInstanceNo", id},
                {"setProtectServerTermination", "serverInstanceNo", id, "isProtectServerTermination", "false"},
                {"changeServerInstanceName", "serverInstanceNo", id, "serverName", "renamed"},
                {"rebootServerInstances", "serverInstanceNoList.1", id}}) {
            Object[] kv = java.util.Arrays.copyOfRange(call, 1, call.length);
            Response r = vpc(call[0], kv);
            assertEquals(200, r.statusCode(), r.asString());
            assertEquals("0", goSdkPayload(r.asString()).get("returnCode").textValue(), call[0]);
        }
    }

    @Test
    void contentTypesFollowTheFormat() {
        vpcXml("getRegionList").then().statusCode(200).contentType(startsWith("application/xml"));
        vpc("getRegionList").then().statusCode(200).contentType(startsWith("application/json"));
        vpcXml("stopServerInstances").then().statusCode(400).contentType(startsWith("application/xml"));
        vpc("stopServerInstances").then().statusCode(400).contentType(startsWith("application/json"));
        // responseFormatType in any case
        given().queryParam("responseFormatType", "JSON").get("/vserver/v2/getRegionList").then()
                .contentType(startsWith("application/json"));
    }

    @Test
    void xmlStartsWithTheDeclarationAndWrapsLists() {
        String id = runningVpc();
        String body = vpcXml("getServerInstanceList").asString();
        assertTrue(body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<getServerInstanceListResponse>\n  <requestId>"), body.substring(0, 60));
        assertTrue(body.contains("<returnCode>0</returnCode>\n  <returnMessage>success</returnMessage>\n  <totalRows>1</totalRows>\n"
                + "  <serverInstanceList>\n    <serverInstance>\n      <serverInstanceNo>" + id + "</serverInstanceNo>"), body);
        assertTrue(body.contains("<networkInterfaceNoList>\n        <networkInterfaceNo>"), body);
        assertTrue(body.contains("<serverDescription></serverDescription>"), body);
        assertTrue(body.contains("<eventList/>"), body);
        assertTrue(body.endsWith("</getServerInstanceListResponse>"), body);
        vpcXml("getServerInstanceList").then()
                .body("getServerInstanceListResponse.serverInstanceList.serverInstance.serverInstanceStatus.code", equalTo("RUN"));
    }

    @Test
    void errorsAreTheServiceEnvelopeInBothFormats() {
        assertEquals("{\"responseError\": {\n  \"returnCode\": \"24120\",\n  \"returnMessage\": \"The input parameter server instance number is invalid.\"\n}}",
                vpc("startServerInstances", "serverInstanceNoList.1", "1").asString());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<responseError>\n  <returnCode>24120</returnCode>\n  <returnMessage>The input parameter server instance number is invalid.</returnMessage>\n</responseError>",
                vpcXml("startServerInstances", "serverInstanceNoList.1", "1").asString());
    }

    @Test
    void postFormBodiesAndQueryAreMergedAsPythonSendsThem() {
        Net n = net();
        Response r = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .queryParam("responseFormatType", "json")
                .formParam("serverImageProductCode", UBUNTU).formParam("vpcNo", n.vpcNo()).formParam("subnetNo", n.subnetNo())
                .formParam("networkInterfaceList.1.networkInterfaceOrder", "0")
                .formParam("networkInterfaceList.1.accessControlGroupNoList.1", n.acgNo())
                .formParam("isProtectServerTermination", "True")
                .post("/vserver/v2/createServerInstances");
        r.then().statusCode(200).contentType(startsWith("application/json"))
                .body("createServerInstancesResponse.serverInstanceList[0].isProtectServerTermination", equalTo(true));
    }

    @Test
    void goSdkStylePostWithEverythingInTheBody() throws Exception {
        String id = runningVpc();
        Response r = given().contentType("application/x-www-form-urlencoded")
                .body("responseFormatType=json&regionCode=KR&serverInstanceNoList.1=" + id)
                .post("/vserver/v2/stopServerInstances");
        assertEquals(200, r.statusCode());
        assertEquals("SHTDN", goSdkPayload(r.asString()).get("serverInstanceList").get(0)
                .get("serverInstanceOperation").get("code").textValue());
    }

    @Test
    void unknownActionsGetTheGatewayNotFoundNamingTheAction() {
        vpc("getRaidList").then().statusCode(404).contentType(startsWith("application/json"))
                .body("error.errorCode", equalTo("300"))
                .body("error.message", equalTo("Not Found Exception"))
                .body("error.details", equalTo("URL not found. cloudmock does not implement the action 'getRaidList' of /vserver/v2 (see docs/coverage.md)."));
        String xml = vpcXml("noSuchAction").asString();
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n  <error>\n    <errorCode>300</errorCode>"), xml);
        // the format asked for in a form body, as the Go and JS SDKs send it
        given().contentType("application/x-www-form-urlencoded").body("responseFormatType=json&serverInstanceNo=1")
                .post("/vserver/v2/getRaidList").then().statusCode(404).contentType(startsWith("application/json"))
                .body("error.errorCode", equalTo("300"));
        given().contentType("application/x-www-form-urlencoded").body("responseFormatType=json")
                .post("/vserver/v2/x/y").then().statusCode(404).contentType(startsWith("application/json"));
        given().get("/vserver/v2?responseFormatType=json").then().statusCode(404).body("error.errorCode", equalTo("300"));
        given().get("/vserver/v2/a/b?responseFormatType=json").then().statusCode(404).body("error.details", equalTo("URL not found."));
        given().put("/vserver/v2/getRegionList?responseFormatType=json").then().statusCode(404).body("error.errorCode", equalTo("300"));
        given().delete("/server/v2/getRegionList?responseFormatType=json").then().statusCode(404).body("error.errorCode", equalTo("300"));
    }

    @Test
    void thePrefixWithATrailingSlashIsStillTheGatewaysNotFound() {
        for (String path : new String[] {"/vserver/v2/", "/server/v2/", "/vpc/v2/"}) {
            given().get(path + "?responseFormatType=json").then().statusCode(404)
                    .contentType(startsWith("application/json"))
                    .body("error.errorCode", equalTo("300")).body("error.details", equalTo("URL not found."));
            given().contentType("application/x-www-form-urlencoded").body("responseFormatType=json").post(path)
                    .then().statusCode(404).body("error.errorCode", equalTo("300"));
        }
    }

    @Test
    void anOversizedBodyGetsTheGatewaysTooLarge() {
        String big = "serverName=" + "a".repeat(2 * 1024 * 1024);
        given().contentType("application/x-www-form-urlencoded").queryParam("responseFormatType", "json").body(big)
                .post("/vserver/v2/getRegionList").then().statusCode(413).contentType(startsWith("application/json"))
                .body("error.errorCode", equalTo("430")).body("error.message", equalTo("Request Entity Too Large"));
        given().contentType("application/x-www-form-urlencoded").body(big).post("/vserver/v2/nothing").then().statusCode(413)
                .contentType(startsWith("application/xml"));
    }

    @Test
    void malformedInputNeverBreaksTheServer() {
        String id = runningVpc();
        vpc("stopServerInstances", "serverInstanceNoList.1", "%zz").then().statusCode(400)
                .body("responseError.returnCode", equalTo("24120"));
        String raw = rawGet("/vserver/v2/stopServerInstances?responseFormatType=json&serverInstanceNoList.1=%zz&%%%");
        assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
        assertTrue(raw.contains("\"returnCode\": \"24120\""), raw);
        given().contentType("application/json").body("{\"serverInstanceNoList\": [\"" + id + "\"]}")
                .post("/vserver/v2/stopServerInstances?responseFormatType=json").then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"));
        vpc("getServerInstanceList", "pageNo", "x").then().statusCode(400);
        vpc("getServerInstanceList", "pageSize", "99999999999999").then().statusCode(400);
        assertEquals("RUN/NULL/running", stateOf(id));
    }
}
