package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Json;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * createServerInstances in a real network: every reference checked, eth0 a network interface of its own with a private
 * IP unique in its subnet, the server's references recorded so nothing it uses can be deleted, released on terminate.
 */
class NcpServerNetworkTest extends NcpApi {

    private static Response create(Object... kv) {
        return vpc("createServerInstances", NcpVpcApiTest.concat(place(), NcpVpcApiTest.concat(new Object[] {"serverImageProductCode", UBUNTU}, kv)));
    }

    private static JsonPath nic(String no) {
        return vpc("getNetworkInterfaceDetail", "networkInterfaceNo", no).jsonPath()
                .setRootPath("getNetworkInterfaceDetailResponse.networkInterfaceList[0]");
    }

    @Test
    void everyReferenceIsChecked() {
        Net n = net();
        Net other = apiNetwork("KR", "172.16.0.0/16", "172.16.1.0/24");
        create("vpcNo", "424242").then().statusCode(400).body("responseError.returnCode", equalTo("1001003"));
        create("subnetNo", "424242").then().statusCode(400).body("responseError.returnCode", equalTo("1001010"));
        create("subnetNo", other.subnetNo()).then().statusCode(400).body("responseError.returnCode", equalTo("1001010"));
        create("networkInterfaceList.1.accessControlGroupNoList.1", "424242").then().statusCode(400)
                .body("responseError.returnCode", equalTo("1007000"));
        create("networkInterfaceList.1.accessControlGroupNoList.1", other.acgNo()).then().statusCode(400)
                .body("responseError.returnCode", equalTo("1007001"));
        create("networkInterfaceList.1.ip", "10.0.1.5").then().statusCode(400).body("responseError.returnCode", equalTo("1002001"));
        create("networkInterfaceList.1.ip", "10.0.2.10").then().statusCode(400).body("responseError.returnCode", equalTo("1002001"));
        create("networkInterfaceList.1.ip", "10.0.1.255").then().statusCode(400).body("responseError.returnCode", equalTo("1002001"));
        create("networkInterfaceList.1.ip", "10.0.1.10", "serverCreateCount", "2").then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"));
        create("networkInterfaceList.1.networkInterfaceOrder", "1").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        // a subnet that is not RUN, or not for servers
        String naclNo = vpcNet("getNetworkAclList", "vpcNo", n.vpcNo()).jsonPath().getString("getNetworkAclListResponse.networkAclList[0].networkAclNo");
        String lb = vpcNet("createSubnet", "vpcNo", n.vpcNo(), "zoneCode", "KR-1", "subnet", "10.0.9.0/24", "networkAclNo", naclNo,
                "subnetTypeCode", "PRIVATE", "usageTypeCode", "LOADB").jsonPath().getString("createSubnetResponse.subnetList[0].subnetNo");
        create("subnetNo", lb).then().statusCode(400).body("responseError.returnCode", equalTo("1001012"));
        advance(4);
        create("subnetNo", lb).then().statusCode(400).body("responseError.returnCode", equalTo("1001013"));
        vpc("getServerInstanceList").then().body("getServerInstanceListResponse.totalRows", equalTo(0));
        vpc("getNetworkInterfaceList").then().body("getNetworkInterfaceListResponse.totalRows", equalTo(0));
        // the zone is the subnet's
        create("subnetNo", n.subnet2No()).then().statusCode(200)
                .body("createServerInstancesResponse.serverInstanceList[0].zoneCode", equalTo("KR-2"));
    }

    @Test
    void eth0IsANetworkInterfaceInTheSubnet() {
        Net n = net();
        Response r = create();
        String id = r.jsonPath().getString("createServerInstancesResponse.serverInstanceList[0].serverInstanceNo");
        String nicNo = r.jsonPath().getString("createServerInstancesResponse.serverInstanceList[0].networkInterfaceNoList[0]");
        JsonPath eth0 = nic(nicNo);
        assertEquals("SET", eth0.getString("networkInterfaceStatus.code"));
        assertEquals(n.subnetNo(), eth0.getString("subnetNo"));
        assertEquals("10.0.1.6", eth0.getString("ip"));
        assertEquals("eth0", eth0.getString("deviceName"));
        assertEquals(id, eth0.getString("instanceNo"));
        assertEquals(List.of(n.acgNo()), eth0.getList("accessControlGroupNoList"));
        assertTrue(eth0.getBoolean("isDefault"));
        assertTrue(eth0.getBoolean("deleteOnTermination"));
        assertTrue(eth0.getString("macAddress").matches("([0-9A-F]{2}:){5}[0-9A-F]{2}"));
        advance(2);
        assertEquals("USED", nic(nicNo).getString("networkInterfaceStatus.code"));
        // the service's own codeName, with its trailing blank
        assertEquals("used ", nic(nicNo).getString("networkInterfaceStatus.codeName"));
        assertEquals("VSVR", nic(nicNo).getString("instanceType.code"));
        JsonNode typed = goSdkCut(vpc("getNetworkInterfaceDetail", "networkInterfaceNo", nicNo).asString()).get("networkInterfaceList").get(0);
        assertTrue(typed.get("deleteOnTermination").isBoolean() && typed.get("enableFlowLog").isBoolean());
        assertTrue(typed.get("accessControlGroupNoList").isArray());
        // the next server gets the next address; list filters
        String second = createVpc();
        assertEquals("10.0.1.7", nic(detail(second).getString("networkInterfaceNoList[0]")).getString("ip"));
        vpc("getNetworkInterfaceList", "ip", "10.0.1.7").then().body("getNetworkInterfaceListResponse.totalRows", equalTo(1));
        vpc("getNetworkInterfaceList", "instanceNo", id).then()
                .body("getNetworkInterfaceListResponse.networkInterfaceList.networkInterfaceNo", equalTo(List.of(nicNo)));
        vpc("getNetworkInterfaceList", "deviceName", "eth3").then().statusCode(400);
        String xml = vpcXml("getNetworkInterfaceDetail", "networkInterfaceNo", nicNo).asString();
        assertTrue(xml.contains("<networkInterfaceList>\n    <networkInterface>\n      <networkInterfaceNo>" + nicNo), xml);
        assertTrue(xml.contains("<accessControlGroupNoList>\n        <accessControlGroupNo>" + n.acgNo()
                + "</accessControlGroupNo>\n      </accessControlGroupNoList>"), xml);
        assertTrue(xml.contains("<codeName>used </codeName>"), xml);
    }

    @Test
    void aFixedIpIsTakenOnceAndFreedWithItsServer() {
        String a = runningVpc("networkInterfaceList.1.ip", "10.0.1.50");
        create("networkInterfaceList.1.ip", "10.0.1.50").then().statusCode(400).body("responseError.returnCode", equalTo("1002002"));
        vpc("stopServerInstances", "serverInstanceNoList.1", a);
        advance(2);
        vpc("terminateServerInstances", "serverInstanceNoList.1", a);
        advance(2);
        create("networkInterfaceList.1.ip", "10.0.1.50").then().statusCode(200);
    }

    private static String ipOf(String server) { return nic(detail(server).getString("networkInterfaceNoList[0]")).getString("ip"); }

    @Test
    void theLowestFreeAddressIsHandedOutAgainOnceReleased() {
        String a = runningVpc();
        String b = runningVpc();
        String c = runningVpc();
        List<String> first = List.of(ipOf(a), ipOf(b), ipOf(c));
        assertEquals(3, new HashSet<>(first).size(), first.toString());
        vpc("stopServerInstances", "serverInstanceNoList.1", b);
        advance(2);
        vpc("terminateServerInstances", "serverInstanceNoList.1", b);
        advance(2);
        // the account keeps the subnet's addresses in use and where the free ones start: a release must lower it
        assertEquals(first.get(1), ipOf(runningVpc()));
        String next = ipOf(runningVpc());
        assertFalse(first.contains(next), next);
        long last = NcpCidr.ip(first.get(2));
        assertEquals(NcpCidr.dotted(last + 1), next);
    }

    @Test
    void concurrentCreatesNeverShareAnAddressOrNumber() throws Exception {
        place();
        Object[] kv = NcpVpcApiTest.concat(place(), "serverImageProductCode", UBUNTU, "serverCreateCount", "5", "responseFormatType", "json");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                Callable<String> c = () -> given().queryParams(params(kv)).get("/vserver/v2/createServerInstances").asString();
                answers.add(pool.submit(c));
            }
            for (Future<String> f : answers) assertTrue(f.get().contains("\"totalRows\": 5"), f.get());
        } finally {
            pool.shutdownNow();
        }
        JsonNode nics = Json.MAPPER.readTree(vpc("getNetworkInterfaceList").asString())
                .get("getNetworkInterfaceListResponse").get("networkInterfaceList");
        assertEquals(20, nics.size());
        Set<String> ips = new HashSet<>();
        Set<String> nos = new HashSet<>();
        for (JsonNode nic : nics) {
            ips.add(nic.get("ip").textValue());
            nos.add(nic.get("networkInterfaceNo").textValue());
        }
        assertEquals(20, ips.size());
        assertEquals(20, nos.size());
    }

    @Test
    void aServersInterfaceCanBeAnExistingOneAndIsKeptOnTerminate() {
        Net n = net();
        // an interface made through the control API, not in use
        Response made = given().contentType("application/json").body("{\"provider\": \"ncp\", \"kind\": \"nic\", \"references\": {\"subnet\": \""
                + n.subnetNo() + "\"}}").post("/_cloudmock/resources");
        made.then().statusCode(201).body("resources[0].state", equalTo("NOTUSED"));
        String nicNo = made.jsonPath().getString("resources[0].id");
        assertEquals("10.0.1.6", nic(nicNo).getString("ip"));
        assertFalse(nic(nicNo).getBoolean("deleteOnTermination"));
        String id = vpc("createServerInstances", "serverImageProductCode", UBUNTU, "vpcNo", n.vpcNo(), "subnetNo", n.subnetNo(),
                "networkInterfaceList.1.networkInterfaceOrder", "0", "networkInterfaceList.1.networkInterfaceNo", nicNo,
                "networkInterfaceList.1.subnetNo", n.subnetNo()).then().statusCode(200).extract().jsonPath()
                .getString("createServerInstancesResponse.serverInstanceList[0].serverInstanceNo");
        assertEquals(List.of(nicNo), detail(id).getList("networkInterfaceNoList"));
        advance(4);
        assertEquals("USED", nic(nicNo).getString("networkInterfaceStatus.code"));
        assertEquals("eth0", nic(nicNo).getString("deviceName"));
        vpc("stopServerInstances", "serverInstanceNoList.1", id);
        advance(2);
        vpc("terminateServerInstances", "serverInstanceNoList.1", id);
        advance(2);
        assertEquals("NOTUSED", nic(nicNo).getString("networkInterfaceStatus.code"));
        assertEquals("", nic(nicNo).getString("instanceNo"));
        assertEquals("", nic(nicNo).getString("deviceName"));
    }

    @Test
    void aControlApiServerLandsInTheReadyNetwork() {
        Response made = given().contentType("application/json").body("{\"provider\": \"ncp\"}").post("/_cloudmock/instances");
        made.then().statusCode(201);
        String id = made.jsonPath().getString("instances[0].id");
        Net n = net();
        assertEquals(n.subnetNo(), detail(id).getString("subnetNo"));
        assertEquals(n.vpcNo(), detail(id).getString("vpcNo"));
        String nicNo = detail(id).getString("networkInterfaceNoList[0]");
        assertEquals("USED", nic(nicNo).getString("networkInterfaceStatus.code"));
        // made once: a second server uses the same network
        given().contentType("application/json").body("{\"provider\": \"ncp\"}").post("/_cloudmock/instances").then().statusCode(201);
        vpcNet("getVpcList").then().body("getVpcListResponse.totalRows", equalTo(1));
        // references name a subnet of the account, or are refused
        given().contentType("application/json").body("{\"provider\": \"ncp\", \"references\": {\"subnet\": \"424242\"}}")
                .post("/_cloudmock/instances").then().statusCode(400);
        String s2 = given().contentType("application/json").body("{\"provider\": \"ncp\", \"references\": {\"subnet\": \"" + n.subnet2No() + "\"}}")
                .post("/_cloudmock/instances").then().statusCode(201).extract().jsonPath().getString("instances[0].id");
        assertEquals("KR-2", detail(s2).getString("zoneCode"));
        // the subnet in use cannot be deleted
        vpcNet("deleteSubnet", "subnetNo", n.subnet2No()).then().statusCode(400).body("responseError.returnCode", equalTo("1001011"));
    }

    @Test
    void aControlApiBatchTooLargeForItsSubnetIsA400AndLeavesNothingBehind() {
        Net n = net();
        Object before = given().get("/_cloudmock/state").then().statusCode(200).extract().path("accounts");
        // a /24 holds fewer than 300 servers: the 300th refuses, and the 299 interfaces and storages before it go too
        given().contentType("application/json")
                .body("{\"provider\": \"ncp\", \"count\": 300, \"references\": {\"subnet\": \"" + n.subnetNo() + "\"}}")
                .post("/_cloudmock/instances").then().statusCode(400)
                .body("error.message", org.hamcrest.Matchers.containsString("No private IP address is available in the subnet"));
        assertEquals(before, given().get("/_cloudmock/state").then().statusCode(200).extract().path("accounts"));
    }
}
