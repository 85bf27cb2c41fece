package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Json;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Network interfaces made and changed through the API (/vserver/v2, ncp-network-api.md 5.3): create in a subnet,
 * attach, detach, ACGs added and removed, delete; the states of 5.3.2 on the manual clock; every refusal with its
 * code, in both formats, changing nothing; concurrent creates never sharing an address or a number.
 */
class NcpNicTest extends NcpApi {

    private static Response create(Net n, Object... kv) {
        return vpc("createNetworkInterface", NcpVpcApiTest.concat(new Object[] {"vpcNo", n.vpcNo(), "subnetNo", n.subnetNo(),
                "accessControlGroupNoList.1", n.acgNo()}, kv));
    }

    private static String created(Response r) {
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().getString("createNetworkInterfaceResponse.networkInterfaceList[0].networkInterfaceNo");
    }

    private static JsonPath nic(String no) {
        return vpc("getNetworkInterfaceDetail", "networkInterfaceNo", no).jsonPath()
                .setRootPath("getNetworkInterfaceDetailResponse.networkInterfaceList[0]");
    }

    private static String status(String no) { return nic(no).getString("networkInterfaceStatus.code"); }

    private static int nicCount() {
        return vpc("getNetworkInterfaceList").jsonPath().getInt("getNetworkInterfaceListResponse.totalRows");
    }

    private static Response attach(String server, String nicNo, String subnetNo) {
        return vpc("attachNetworkInterface", "serverInstanceNo", server, "networkInterfaceNo", nicNo, "subnetNo", subnetNo);
    }

    private static Response detach(String server, String nicNo, String subnetNo) {
        return vpc("detachNetworkInterface", "serverInstanceNo", server, "networkInterfaceNo", nicNo, "subnetNo", subnetNo);
    }

    /** A PRIVATE GEN subnet 10.0.3.0/24 in KR-1 of the ready VPC, RUN. */
    static String privateSubnet(Net n) {
        String naclNo = vpcNet("getNetworkAclList", "vpcNo", n.vpcNo()).jsonPath().getString("getNetworkAclListResponse.networkAclList[0].networkAclNo");
        String no = vpcNet("createSubnet", "vpcNo", n.vpcNo(), "zoneCode", "KR-1", "subnet", "10.0.3.0/24", "networkAclNo", naclNo,
                "subnetTypeCode", "PRIVATE").jsonPath().getString("createSubnetResponse.subnetList[0].subnetNo");
        advance(4);
        return no;
    }

    @Test
    void aNewInterfaceIsNotUsedThenAttachedDetachedAndDeleted() {
        Net n = net();
        Response r = create(n, "networkInterfaceName", "web-eth1", "networkInterfaceDescription", "second leg");
        r.then().statusCode(200).body("createNetworkInterfaceResponse.totalRows", equalTo(1));
        JsonPath made = r.jsonPath().setRootPath("createNetworkInterfaceResponse.networkInterfaceList[0]");
        String nicNo = made.getString("networkInterfaceNo");
        assertEquals("web-eth1", made.getString("networkInterfaceName"));
        assertEquals("NOTUSED", made.getString("networkInterfaceStatus.code"));
        assertEquals("not used", made.getString("networkInterfaceStatus.codeName"));
        assertEquals("10.0.1.6", made.getString("ip"));
        assertEquals("", made.getString("deviceName"));
        assertEquals("", made.getString("instanceNo"));
        assertFalse(made.getBoolean("deleteOnTermination"));
        assertFalse(made.getBoolean("isDefault"));
        assertFalse(r.asString().contains("instanceType"), r.asString());
        assertEquals(List.of(n.acgNo()), made.getList("accessControlGroupNoList"));
        assertEquals("second leg", made.getString("networkInterfaceDescription"));

        String server = runningVpc();
        String eth0 = detail(server).getString("networkInterfaceNoList[0]");
        assertEquals("10.0.1.7", nic(eth0).getString("ip"));
        attach(server, nicNo, n.subnetNo()).then().statusCode(200)
                .body("attachNetworkInterfaceResponse.networkInterfaceList[0].networkInterfaceStatus.code", equalTo("SET"))
                .body("attachNetworkInterfaceResponse.networkInterfaceList[0].deviceName", equalTo("eth1"))
                .body("attachNetworkInterfaceResponse.networkInterfaceList[0].instanceNo", equalTo(server))
                .body("attachNetworkInterfaceResponse.networkInterfaceList[0].instanceType.code", equalTo("VSVR"));
        assertEquals(List.of(eth0, nicNo), detail(server).getList("networkInterfaceNoList"));
        vpc("getServerInstanceList", "ip", "10.0.1.6").then().body("getServerInstanceListResponse.totalRows", equalTo(1));
        advance(2);
        assertEquals("USED", status(nicNo));
        assertEquals("used ", nic(nicNo).getString("networkInterfaceStatus.codeName"));

        detach(server, nicNo, n.subnetNo()).then().statusCode(200)
                .body("detachNetworkInterfaceResponse.networkInterfaceList[0].networkInterfaceStatus.code", equalTo("UNSET"))
                .body("detachNetworkInterfaceResponse.networkInterfaceList[0].instanceNo", equalTo(""));
        assertEquals(List.of(eth0), detail(server).getList("networkInterfaceNoList"));
        advance(2);
        assertEquals("NOTUSED", status(nicNo));

        vpc("deleteNetworkInterface", "networkInterfaceNo", nicNo).then().statusCode(200)
                .body("deleteNetworkInterfaceResponse.networkInterfaceList[0].networkInterfaceStatus.code", equalTo("UNSET"));
        advance(2);
        vpc("getNetworkInterfaceDetail", "networkInterfaceNo", nicNo).then().statusCode(200)
                .body("getNetworkInterfaceDetailResponse.totalRows", equalTo(0));
        // its address is free again
        assertEquals("10.0.1.6", nic(created(create(n))).getString("ip"));
    }

    @Test
    void fixedAddressesAreCheckedAndAFailedCreateMakesNothing() {
        Net n = net();
        refused(create(n, "ip", "10.0.1.5"), "1002001");
        refused(create(n, "ip", "10.0.1.0"), "1002001");
        refused(create(n, "ip", "10.0.1.255"), "1002001");
        refused(create(n, "ip", "10.0.2.10"), "1002001");
        refused(create(n, "ip", "10.0.1.300"), "1002001");
        create(n, "ip", "10.0.1.20").then().statusCode(200)
                .body("createNetworkInterfaceResponse.networkInterfaceList[0].ip", equalTo("10.0.1.20"));
        refused(create(n, "ip", "10.0.1.20"), "1002002");
        // secondary addresses are taken too
        create(n, "secondaryIpList.1", "10.0.1.30", "secondaryIpCount", "1").then().statusCode(200)
                .body("createNetworkInterfaceResponse.networkInterfaceList[0].ip", equalTo("10.0.1.6"))
                .body("createNetworkInterfaceResponse.networkInterfaceList[0].secondaryIpList", equalTo(List.of("10.0.1.30", "10.0.1.7")));
        refused(create(n, "ip", "10.0.1.30"), "1002002");
        assertEquals(2, nicCount());
        // references
        Net other = apiNetwork("KR", "172.16.0.0/16", "172.16.1.0/24");
        refused(vpc("createNetworkInterface", "vpcNo", "424242", "subnetNo", n.subnetNo(), "accessControlGroupNoList.1", n.acgNo()), "1001003");
        refused(vpc("createNetworkInterface", "vpcNo", n.vpcNo(), "subnetNo", other.subnetNo(), "accessControlGroupNoList.1", n.acgNo()), "1001010");
        refused(create(n, "accessControlGroupNoList.1", other.acgNo()), "1007001");
        refused(create(n, "accessControlGroupNoList.1", "424242"), "1007000");
        refused(vpc("createNetworkInterface", "vpcNo", n.vpcNo(), "subnetNo", n.subnetNo()), "900");
        refused(create(n, "accessControlGroupNoList.2", n.acgNo()), "900");
        refused(create(n, "networkInterfaceName", "Bad_Name"), "24105");
        refused(create(n, "serverInstanceNo", "424242"), "1002008");
        assertEquals(2, nicCount());
        // XML: the same refusal in the XML envelope
        String xml = vpcXml("createNetworkInterface", "vpcNo", n.vpcNo(), "subnetNo", n.subnetNo(), "accessControlGroupNoList.1", n.acgNo(),
                "ip", "10.0.1.20").then().statusCode(400).extract().asString();
        assertTrue(xml.contains("<returnCode>1002002</returnCode>"), xml);
    }

    @Test
    void acgsAreAddedAndRemovedWithinTheLimits() {
        Net n = net();
        String nicNo = created(create(n));
        String a = vpc("createAccessControlGroup", "vpcNo", n.vpcNo(), "accessControlGroupName", "a-acg").jsonPath()
                .getString("createAccessControlGroupResponse.accessControlGroupList[0].accessControlGroupNo");
        String b = vpc("createAccessControlGroup", "vpcNo", n.vpcNo(), "accessControlGroupName", "b-acg").jsonPath()
                .getString("createAccessControlGroupResponse.accessControlGroupList[0].accessControlGroupNo");
        String c = vpc("createAccessControlGroup", "vpcNo", n.vpcNo(), "accessControlGroupName", "c-acg").jsonPath()
                .getString("createAccessControlGroupResponse.accessControlGroupList[0].accessControlGroupNo");
        Net other = apiNetwork("KR", "172.16.0.0/16", "172.16.1.0/24");
        refused(vpc("addNetworkInterfaceAccessControlGroup", "networkInterfaceNo", nicNo, "accessControlGroupNoList.1", other.acgNo()), "1007001");
        refused(vpc("addNetworkInterfaceAccessControlGroup", "networkInterfaceNo", nicNo, "accessControlGroupNoList.1", "424242"), "1007000");
        refused(vpc("addNetworkInterfaceAccessControlGroup", "networkInterfaceNo", nicNo, "accessControlGroupNoList.1", a,
                "accessControlGroupNoList.2", b, "accessControlGroupNoList.3", c), "1002005");
        refused(vpc("addNetworkInterfaceAccessControlGroup", "networkInterfaceNo", "424242", "accessControlGroupNoList.1", a), "1002004");
        vpc("addNetworkInterfaceAccessControlGroup", "networkInterfaceNo", nicNo, "accessControlGroupNoList.1", a,
                "accessControlGroupNoList.2", b).then().statusCode(200)
                .body("addNetworkInterfaceAccessControlGroupResponse.networkInterfaceList[0].networkInterfaceStatus.code", equalTo("SET"))
                .body("addNetworkInterfaceAccessControlGroupResponse.networkInterfaceList[0].accessControlGroupNoList", equalTo(List.of(n.acgNo(), a, b)));
        // while SET, another change waits
        refused(vpc("removeNetworkInterfaceAccessControlGroup", "networkInterfaceNo", nicNo, "accessControlGroupNoList.1", a), "1002006");
        advance(2);
        assertEquals("NOTUSED", status(nicNo));
        // an ACG a network interface uses cannot be deleted
        refused(vpc("deleteAccessControlGroup", "vpcNo", n.vpcNo(), "accessControlGroupNo", a), "1007003");
        refused(vpc("removeNetworkInterfaceAccessControlGroup", "networkInterfaceNo", nicNo, "accessControlGroupNoList.1", n.acgNo(),
                "accessControlGroupNoList.2", a, "accessControlGroupNoList.3", b), "1002035");
        vpc("removeNetworkInterfaceAccessControlGroup", "networkInterfaceNo", nicNo, "accessControlGroupNoList.1", a).then().statusCode(200)
                .body("removeNetworkInterfaceAccessControlGroupResponse.networkInterfaceList[0].accessControlGroupNoList", equalTo(List.of(n.acgNo(), b)));
        advance(2);
        vpc("deleteAccessControlGroup", "vpcNo", n.vpcNo(), "accessControlGroupNo", a).then().statusCode(200);
        // on an attached interface the change passes through SET back to USED, and the server no longer holds the ACG
        String server = runningVpc();
        attach(server, nicNo, n.subnetNo()).then().statusCode(200);
        advance(2);
        refused(vpc("deleteAccessControlGroup", "vpcNo", n.vpcNo(), "accessControlGroupNo", b), "1007003");
        vpc("removeNetworkInterfaceAccessControlGroup", "networkInterfaceNo", nicNo, "accessControlGroupNoList.1", b).then().statusCode(200);
        assertEquals("SET", status(nicNo));
        advance(2);
        assertEquals("USED", status(nicNo));
        vpc("deleteAccessControlGroup", "vpcNo", n.vpcNo(), "accessControlGroupNo", b).then().statusCode(200);
        // XML: the ACG list of an interface
        String xml = vpcXml("getNetworkInterfaceDetail", "networkInterfaceNo", nicNo).asString();
        assertTrue(xml.contains("<accessControlGroupNoList>\n        <accessControlGroupNo>" + n.acgNo()
                + "</accessControlGroupNo>\n      </accessControlGroupNoList>"), xml);
        assertTrue(xml.contains("<networkInterfaceStatus>\n        <code>USED</code>\n        <codeName>used </codeName>"), xml);
    }

    @Test
    void attachAndDetachRefuseWhatTheServiceRefuses() {
        Net n = net();
        String server = runningVpc();
        String eth0 = detail(server).getString("networkInterfaceNoList[0]");
        refused(detach(server, eth0, n.subnetNo()), "1002009");
        refused(vpc("deleteNetworkInterface", "networkInterfaceNo", eth0), "1002009");
        String nicNo = created(create(n));
        refused(attach(server, nicNo, n.subnet2No()), "1002012");
        refused(attach("424242", nicNo, n.subnetNo()), "24120");
        refused(attach(server, "424242", n.subnetNo()), "1002004");
        refused(detach(server, nicNo, n.subnetNo()), "1002006");
        // a server of another zone
        String kr2 = runningVpc("subnetNo", n.subnet2No());
        refused(attach(kr2, nicNo, n.subnetNo()), "1002010");
        // a server that is stopping
        vpc("stopServerInstances", "serverInstanceNoList.1", server).then().statusCode(200);
        refused(attach(server, nicNo, n.subnetNo()), "25041");
        advance(2);
        attach(server, nicNo, n.subnetNo()).then().statusCode(200);
        refused(attach(server, nicNo, n.subnetNo()), "1002006");
        advance(2);
        String third = created(create(n));
        attach(server, third, n.subnetNo()).then().statusCode(200)
                .body("attachNetworkInterfaceResponse.networkInterfaceList[0].deviceName", equalTo("eth2"));
        String fourth = created(create(n));
        refused(attach(server, fourth, n.subnetNo()), "1002007");
        refused(detach(kr2, nicNo, n.subnetNo()), "1002011");
        assertEquals("NOTUSED", status(fourth));
        assertEquals(3, detail(server).getList("networkInterfaceNoList").size());
        // an attached secondary interface may be deleted: detached on the way (Terraform's destroy order)
        vpc("deleteNetworkInterface", "networkInterfaceNo", nicNo).then().statusCode(200)
                .body("deleteNetworkInterfaceResponse.networkInterfaceList[0].networkInterfaceStatus.code", equalTo("UNSET"));
        assertEquals(List.of(eth0, third), detail(server).getList("networkInterfaceNoList"));
        advance(2);
        assertEquals(0, vpc("getNetworkInterfaceDetail", "networkInterfaceNo", nicNo).jsonPath().getInt("getNetworkInterfaceDetailResponse.totalRows"));
        // terminating the server keeps the interface it did not create, detached
        vpc("terminateServerInstances", "serverInstanceNoList.1", server).then().statusCode(200);
        advance(2);
        assertEquals("NOTUSED", status(third));
        assertEquals("", nic(third).getString("instanceNo"));
        assertEquals(0, vpc("getNetworkInterfaceDetail", "networkInterfaceNo", eth0).jsonPath().getInt("getNetworkInterfaceDetailResponse.totalRows"));
        // XML refusal
        String xml = vpcXml("detachNetworkInterface", "serverInstanceNo", kr2, "networkInterfaceNo", third, "subnetNo", n.subnetNo())
                .then().statusCode(400).extract().asString();
        assertTrue(xml.contains("<returnCode>1002006</returnCode>"), xml);
    }

    @Test
    void createdOnAServerInAPrivateSubnet() {
        Net n = net();
        String server = runningVpc();
        refused(create(n, "serverInstanceNo", server), "1002008");
        String priv = privateSubnet(n);
        Response r = vpc("createNetworkInterface", "vpcNo", n.vpcNo(), "subnetNo", priv, "accessControlGroupNoList.1", n.acgNo(),
                "serverInstanceNo", server);
        r.then().statusCode(200)
                .body("createNetworkInterfaceResponse.networkInterfaceList[0].networkInterfaceStatus.code", equalTo("SET"))
                .body("createNetworkInterfaceResponse.networkInterfaceList[0].deviceName", equalTo("eth1"))
                .body("createNetworkInterfaceResponse.networkInterfaceList[0].ip", equalTo("10.0.3.6"));
        String nicNo = created(r);
        assertEquals(nicNo, detail(server).getString("networkInterfaceNoList[1]"));
        advance(2);
        assertEquals("USED", status(nicNo));
        // the subnet is in use
        refused(vpcNet("deleteSubnet", "subnetNo", priv), "1001011");
    }

    @Test
    void concurrentCreatesInOneSubnetNeverShareAnAddressOrANumber() throws Exception {
        Net n = net();
        int threads = 24;
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (int k = 0; k < threads; k++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/vserver/v2/createNetworkInterface"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("responseFormatType=json&vpcNo=" + n.vpcNo() + "&subnetNo="
                                + n.subnetNo() + "&accessControlGroupNoList.1=" + n.acgNo())).build();
                answers.add(pool.submit(() -> {
                    go.await();
                    HttpResponse<String> resp = http.send(request, HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, resp.statusCode(), resp.body());
                    return Json.MAPPER.readTree(resp.body()).get("createNetworkInterfaceResponse").get("networkInterfaceList").get(0);
                }));
            }
            go.countDown();
            Set<String> ips = new HashSet<>();
            Set<String> nos = new HashSet<>();
            for (Future<JsonNode> f : answers) {
                JsonNode nic = f.get();
                ips.add(nic.get("ip").textValue());
                nos.add(nic.get("networkInterfaceNo").textValue());
            }
            assertEquals(threads, ips.size(), ips.toString());
            assertEquals(threads, nos.size(), nos.toString());
            assertEquals(threads, nicCount());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theControlApiMakesInterfacesWithFreeAddresses() {
        Net n = net();
        Response made = given().contentType("application/json").body("{\"provider\": \"ncp\", \"kind\": \"nic\", \"count\": 3, "
                + "\"references\": {\"subnet\": \"" + n.subnetNo() + "\"}}").post("/_cloudmock/resources");
        made.then().statusCode(201);
        List<String> ids = made.jsonPath().getList("resources.id");
        Set<String> ips = new HashSet<>();
        for (String id : ids) ips.add(nic(id).getString("ip"));
        assertEquals(Set.of("10.0.1.6", "10.0.1.7", "10.0.1.8"), ips);
        // a fixed address in use is refused, and the batch makes nothing
        given().contentType("application/json").body("{\"provider\": \"ncp\", \"kind\": \"nic\", \"fields\": {\"ip\": \"10.0.1.7\"}, "
                + "\"references\": {\"subnet\": \"" + n.subnetNo() + "\"}}").post("/_cloudmock/resources").then().statusCode(400);
        assertEquals(3, nicCount());
        // one on a server: the server lists it
        String server = runningVpc();
        String onServer = given().contentType("application/json").body("{\"provider\": \"ncp\", \"kind\": \"nic\", \"references\": {\"subnet\": \""
                + n.subnetNo() + "\", \"server\": \"" + server + "\"}}").post("/_cloudmock/resources").then().statusCode(201)
                .extract().jsonPath().getString("resources[0].id");
        assertEquals(onServer, detail(server).getString("networkInterfaceNoList[1]"));
        assertEquals("eth1", nic(onServer).getString("deviceName"));
        assertEquals("USED", status(onServer));
        // network ACLs too: one made there can be applied to a subnet
        String acl = given().contentType("application/json").body("{\"provider\": \"ncp\", \"kind\": \"network-acl\", \"references\": {\"vpc\": \""
                + n.vpcNo() + "\"}}").post("/_cloudmock/resources").then().statusCode(201).extract().jsonPath().getString("resources[0].id");
        vpcNet("setSubnetNetworkAcl", "networkAclNo", acl, "subnetNo", n.subnetNo()).then().statusCode(200);
        vpcNet("getSubnetDetail", "subnetNo", n.subnetNo()).then()
                .body("getSubnetDetailResponse.subnetList[0].networkAclNo", equalTo(acl));
    }

    /** The action's XML answer: 200, its root, one networkInterface in the list wrapper. */
    private static String xmlOk(String action, Object... kv) {
        String xml = vpcXml(action, kv).then().statusCode(200).extract().asString();
        assertTrue(xml.contains("<" + action + "Response>\n  <requestId>"), xml);
        assertTrue(xml.contains("<totalRows>1</totalRows>\n  <networkInterfaceList>\n    <networkInterface>\n      <networkInterfaceNo>"), xml);
        return xml;
    }

    @Test
    void everyChangeAnswersInXml() {
        Net n = net();
        String server = runningVpc();
        String xml = xmlOk("createNetworkInterface", "vpcNo", n.vpcNo(), "subnetNo", n.subnetNo(), "accessControlGroupNoList.1", n.acgNo());
        String nicNo = xml.replaceAll("(?s).*<networkInterfaceNo>(\\d+)</networkInterfaceNo>.*", "$1");
        assertTrue(xml.contains("<deviceName></deviceName>"), xml);
        assertTrue(xml.contains("<secondaryIpList/>"), xml);
        assertTrue(xml.contains("<networkInterfaceStatus>\n        <code>NOTUSED</code>\n        <codeName>not used</codeName>"), xml);
        String acg = vpc("createAccessControlGroup", "vpcNo", n.vpcNo()).jsonPath()
                .getString("createAccessControlGroupResponse.accessControlGroupList[0].accessControlGroupNo");
        xmlOk("addNetworkInterfaceAccessControlGroup", "networkInterfaceNo", nicNo, "accessControlGroupNoList.1", acg);
        advance(2);
        xmlOk("removeNetworkInterfaceAccessControlGroup", "networkInterfaceNo", nicNo, "accessControlGroupNoList.1", acg);
        advance(2);
        assertTrue(xmlOk("attachNetworkInterface", "serverInstanceNo", server, "networkInterfaceNo", nicNo, "subnetNo", n.subnetNo())
                .contains("<instanceType>\n        <code>VSVR</code>"));
        advance(2);
        assertTrue(xmlOk("detachNetworkInterface", "serverInstanceNo", server, "networkInterfaceNo", nicNo, "subnetNo", n.subnetNo())
                .contains("<code>UNSET</code>"));
        advance(2);
        assertTrue(xmlOk("deleteNetworkInterface", "networkInterfaceNo", nicNo).contains("<code>UNSET</code>"));
    }
}
