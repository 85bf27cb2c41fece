package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Json;
import io.cloudmock.support.EndToEndTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls the NCP API as a client would: GET with query parameters, JSON unless XML is asked for. */
abstract class NcpApi extends EndToEndTest {
    static final String UBUNTU = "SW.VSVR.OS.LNX64.UBNTU.SVR24.G003";
    static final String WINDOWS = "SW.VSVR.OS.WND64.WND.SVR2022EN.G003";
    static final String CENTOS_CLASSIC = "SPSW0LINUX000046";

    static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) m.put(kv[k].toString(), kv[k + 1]);
        return m;
    }

    static RequestSpecification as(String accessKey) {
        RequestSpecification r = given();
        return accessKey == null ? r : r.header("x-ncp-iam-access-key", accessKey);
    }

    /** A VPC call in JSON. */
    static Response vpc(String action, Object... kv) { return call(null, "/vserver/v2/", action, true, kv); }

    static Response vpcXml(String action, Object... kv) { return call(null, "/vserver/v2/", action, false, kv); }

    static Response classic(String action, Object... kv) { return call(null, "/server/v2/", action, true, kv); }

    static Response classicXml(String action, Object... kv) { return call(null, "/server/v2/", action, false, kv); }

    /** A VPC network API call ({@code /vpc/v2}, getSubnetDetail) in JSON / XML. */
    static Response vpcNet(String action, Object... kv) { return call(null, "/vpc/v2/", action, true, kv); }

    static Response vpcNetXml(String action, Object... kv) { return call(null, "/vpc/v2/", action, false, kv); }

    /**
     * A call as ncloud-sdk-go-v2 (and so Terraform) makes it: POST, a form body starting with
     * responseFormatType=json, nothing in the query; the answer must be 200.
     */
    static JsonNode goSdk(String prefix, String action, Object... kv) {
        StringBuilder body = new StringBuilder("responseFormatType=json");
        for (int k = 0; k < kv.length; k += 2) {
            body.append('&').append(kv[k]).append('=')
                    .append(java.net.URLEncoder.encode(kv[k + 1].toString(), StandardCharsets.UTF_8));
        }
        Response r = given().contentType("application/x-www-form-urlencoded").body(body.toString())
                .post(prefix + action);
        assertEquals(200, r.statusCode(), action + ": " + r.asString());
        return goSdkCut(r.asString());
    }

    /**
     * What ncloud-sdk-go-v2 does with a 2xx body (reference 3.2): it must start with '{' and hold no {"error";
     * the payload is cut out from the second '{' to the byte before the last, then parsed.
     */
    static JsonNode goSdkCut(String body) {
        assertTrue(body.startsWith("{"), "the Go SDK refuses a body that does not start with {");
        assertFalse(body.contains("{\"error\""), "the Go SDK silently empties a 2xx body containing {\"error\"");
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        int idx = body.replaceAll("^\\{+|\\}+$", "").indexOf('{');
        try {
            return Json.MAPPER.readTree(new String(b, idx, b.length - 1 - idx, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError("the Go SDK could not parse: " + body, e);
        }
    }

    static Response call(String accessKey, String prefix, String action, boolean json, Object... kv) {
        Map<String, Object> p = params(kv);
        if (json) p.put("responseFormatType", "json");
        return as(accessKey).queryParams(p).get(prefix + action);
    }

    /** The ready network's numbers: a VPC, its KR-1 subnet and its default ACG. */
    record Net(String vpcNo, String subnetNo, String acgNo, String subnet2No) {}

    /** The account's ready network (POST /_cloudmock/networks), made on the first call of a test. */
    static Net net() { return net(null); }

    static Net net(String accessKey) {
        JsonPath vpcs = call(accessKey, "/vpc/v2/", "getVpcList", true, "vpcName", "cloudmock-vpc").jsonPath();
        if (vpcs.getInt("getVpcListResponse.totalRows") == 0) {
            String body = accessKey == null ? "{\"provider\": \"ncp\"}" : "{\"provider\": \"ncp\", \"account\": \"" + accessKey + "\"}";
            given().contentType("application/json").body(body).post("/_cloudmock/networks").then().statusCode(201);
            vpcs = call(accessKey, "/vpc/v2/", "getVpcList", true, "vpcName", "cloudmock-vpc").jsonPath();
        }
        String vpcNo = vpcs.getString("getVpcListResponse.vpcList[0].vpcNo");
        JsonPath subnets = call(accessKey, "/vpc/v2/", "getSubnetList", true, "vpcNo", vpcNo).jsonPath();
        JsonPath acgs = call(accessKey, "/vserver/v2/", "getAccessControlGroupList", true, "vpcNo", vpcNo).jsonPath();
        return new Net(vpcNo, subnets.getString("getSubnetListResponse.subnetList[0].subnetNo"),
                acgs.getString("getAccessControlGroupListResponse.accessControlGroupList[0].accessControlGroupNo"),
                subnets.getString("getSubnetListResponse.subnetList[1].subnetNo"));
    }

    /**
     * A network made through the API as a client makes it: createVpc, wait for RUN, createSubnet in the region's first
     * zone with the default network ACL, wait for RUN (the clock moves 8 s).
     */
    static Net apiNetwork(String region, String cidr, String subnetCidr) {
        String vpcNo = vpcNet("createVpc", "regionCode", region, "ipv4CidrBlock", cidr).then().statusCode(200).extract()
                .jsonPath().getString("createVpcResponse.vpcList[0].vpcNo");
        advance(4);
        String naclNo = vpcNet("getNetworkAclList", "regionCode", region, "vpcNo", vpcNo).jsonPath()
                .getString("getNetworkAclListResponse.networkAclList[0].networkAclNo");
        String zone = vpc("getZoneList", "regionCode", region).jsonPath().getString("getZoneListResponse.zoneList[0].zoneCode");
        String subnetNo = vpcNet("createSubnet", "regionCode", region, "vpcNo", vpcNo, "zoneCode", zone, "subnet", subnetCidr,
                "networkAclNo", naclNo, "subnetTypeCode", "PUBLIC").then().statusCode(200).extract()
                .jsonPath().getString("createSubnetResponse.subnetList[0].subnetNo");
        advance(4);
        String acgNo = vpc("getAccessControlGroupList", "regionCode", region, "vpcNo", vpcNo).jsonPath()
                .getString("getAccessControlGroupListResponse.accessControlGroupList[0].accessControlGroupNo");
        return new Net(vpcNo, subnetNo, acgNo, null);
    }

    /** vpcNo, subnetNo and one eth0 with the default ACG of {@code n}. */
    static Object[] place(Net n) {
        return new Object[] {"vpcNo", n.vpcNo(), "subnetNo", n.subnetNo(), "networkInterfaceList.1.networkInterfaceOrder", "0",
                "networkInterfaceList.1.accessControlGroupNoList.1", n.acgNo()};
    }

    /** vpcNo, subnetNo and one eth0 with the default ACG in the ready network: what createServerInstances needs. */
    static Object[] place() { return place(net()); }

    /** Creates one VPC server (Ubuntu unless the image is given) and returns its number. */
    static String createVpc(Object... extra) {
        Map<String, Object> p = params("serverImageProductCode", UBUNTU);
        if (!params(extra).containsKey("vpcNo")) p.putAll(params(place()));
        p.putAll(params(extra));
        p.put("responseFormatType", "json");
        Response r = given().queryParams(p).get("/vserver/v2/createServerInstances");
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().getString("createServerInstancesResponse.serverInstanceList[0].serverInstanceNo");
    }

    /** A VPC server that has finished booting. */
    static String runningVpc(Object... extra) {
        String id = createVpc(extra);
        advance(4);
        return id;
    }

    static String stoppedVpc(Object... extra) {
        String id = runningVpc(extra);
        vpc("stopServerInstances", "serverInstanceNoList.1", id).then().statusCode(200);
        advance(2);
        return id;
    }

    /** The server as getServerInstanceDetail shows it (JSON path root at the server). */
    static JsonPath detail(String id) {
        Response r = vpc("getServerInstanceDetail", "serverInstanceNo", id);
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().setRootPath("getServerInstanceDetailResponse.serverInstanceList[0]");
    }

    /** status / operation / statusName of a server, e.g. "RUN/NULL/running". */
    static String stateOf(String id) {
        JsonPath s = detail(id);
        return s.getString("serverInstanceStatus.code") + "/" + s.getString("serverInstanceOperation.code") + "/"
                + s.getString("serverInstanceStatusName");
    }

    static String stateIn(Response r, String action) {
        JsonPath s = r.jsonPath().setRootPath(action + "Response.serverInstanceList[0]");
        return s.getString("serverInstanceStatus.code") + "/" + s.getString("serverInstanceOperation.code") + "/"
                + s.getString("serverInstanceStatusName");
    }

    /** A refusal: 400 with the code in the responseError envelope. */
    static void refused(Response r, String code) {
        r.then().statusCode(400).body("responseError.returnCode", org.hamcrest.Matchers.equalTo(code));
    }

    static List<String> ids(Response r, String action) {
        return r.jsonPath().getList(action + "Response.serverInstanceList.serverInstanceNo");
    }
}
