package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Public IPs (/vserver/v2, ncp-network-api.md 5.4): every action in JSON and XML, the states, every refusal. */
class NcpPublicIpTest extends NcpApi {
    private static final String IP = "publicIpInstanceList[0].";

    private static String createIp(Object... kv) {
        Response r = vpc("createPublicIpInstance", kv);
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().getString("createPublicIpInstanceResponse." + IP + "publicIpInstanceNo");
    }

    private static JsonPath ip(String no) {
        Response r = vpc("getPublicIpInstanceDetail", "publicIpInstanceNo", no);
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().setRootPath("getPublicIpInstanceDetailResponse." + IP);
    }

    /** status / operation / statusName, e.g. "RUN/NULL/Running". */
    private static String stateOf(JsonPath ip) {
        return ip.getString("publicIpInstanceStatus.code") + "/" + ip.getString("publicIpInstanceOperation.code") + "/"
                + ip.getString("publicIpInstanceStatusName");
    }

    @Test
    void aNewIpIsCreatingThenRunningWithAnAddressOfTheDocumentationRange() {
        Response created = vpc("createPublicIpInstance", "publicIpDescription", "for web");
        created.then().statusCode(200).body("createPublicIpInstanceResponse.totalRows", equalTo(1));
        JsonPath c = created.jsonPath().setRootPath("createPublicIpInstanceResponse." + IP);
        assertEquals("INIT/CREAT/Creating", stateOf(c));
        assertEquals("init", c.getString("publicIpInstanceStatus.codeName"));
        assertEquals("CREATE OP", c.getString("publicIpInstanceOperation.codeName"));
        assertEquals("203.0.113.1", c.getString("publicIp"));
        assertEquals("for web", c.getString("publicIpDescription"));
        assertEquals("", c.getString("serverInstanceNo"));
        String no = c.getString("publicIpInstanceNo");
        advance(2);
        assertEquals("RUN/NULL/Running", stateOf(ip(no)));
        // the Go SDK's types: every field a string but the two codes
        JsonNode j = goSdkCut(vpc("getPublicIpInstanceDetail", "publicIpInstanceNo", no).asString()).get("publicIpInstanceList").get(0);
        for (String f : List.of("publicIpInstanceNo", "publicIp", "publicIpDescription", "createDate", "publicIpInstanceStatusName",
                "serverInstanceNo", "serverName", "privateIp", "lastModifyDate")) {
            assertTrue(j.get(f).isTextual(), f);
        }
        assertEquals(List.of("publicIpInstanceNo", "publicIp", "publicIpDescription", "createDate", "publicIpInstanceStatusName",
                "publicIpInstanceStatus", "serverInstanceNo", "serverName", "privateIp", "lastModifyDate", "publicIpInstanceOperation"),
                fieldNames(j));
        // a second IP gets the next address; an unknown number is no error for a read
        assertEquals("203.0.113.2", ip(createIp()).getString("publicIp"));
        vpc("getPublicIpInstanceDetail", "publicIpInstanceNo", "99999999").then().statusCode(200)
                .body("getPublicIpInstanceDetailResponse.totalRows", equalTo(0));
        refused(vpc("getPublicIpInstanceDetail"), "900");
        refused(vpc("createPublicIpInstance", "publicIpDescription", "x".repeat(1001)), "900");
    }

    private static List<String> fieldNames(JsonNode j) {
        List<String> out = new ArrayList<>();
        j.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theListFiltersAndPages() {
        String server = runningVpc("serverName", "web-1");
        String a = createIp();
        String b = createIp("serverInstanceNo", server);
        String c = createIp();
        vpc("getPublicIpInstanceList").then().body("getPublicIpInstanceListResponse.totalRows", equalTo(3));
        vpc("getPublicIpInstanceList", "publicIpInstanceNoList.1", c, "publicIpInstanceNoList.2", a).then()
                .body("getPublicIpInstanceListResponse.publicIpInstanceList.publicIpInstanceNo", equalTo(List.of(a, c)));
        vpc("getPublicIpInstanceList", "isAssociated", "true").then()
                .body("getPublicIpInstanceListResponse.publicIpInstanceList.publicIpInstanceNo", equalTo(List.of(b)));
        vpc("getPublicIpInstanceList", "isAssociated", "False").then().body("getPublicIpInstanceListResponse.totalRows", equalTo(2));
        vpc("getPublicIpInstanceList", "serverName", "web-1").then()
                .body("getPublicIpInstanceListResponse.publicIpInstanceList.publicIpInstanceNo", equalTo(List.of(b)));
        String eth0 = ip(b).getString("privateIp");
        assertEquals(detailNic(server), eth0);
        vpc("getPublicIpInstanceList", "privateIp", eth0).then().body("getPublicIpInstanceListResponse.totalRows", equalTo(1));
        vpc("getPublicIpInstanceList", "vpcNo", net().vpcNo()).then().body("getPublicIpInstanceListResponse.totalRows", equalTo(1));
        vpc("getPublicIpInstanceList", "publicIp", "203.0.113.3").then()
                .body("getPublicIpInstanceListResponse.publicIpInstanceList.publicIpInstanceNo", equalTo(List.of(c)));
        vpc("getPublicIpInstanceList", "publicIpInstanceStatusCode", "INIT").then().body("getPublicIpInstanceListResponse.totalRows", equalTo(3));
        advance(2);
        vpc("getPublicIpInstanceList", "publicIpInstanceStatusCode", "RUN").then().body("getPublicIpInstanceListResponse.totalRows", equalTo(3));
        vpc("getPublicIpInstanceList", "pageNo", "2", "pageSize", "2").then()
                .body("getPublicIpInstanceListResponse.totalRows", equalTo(3))
                .body("getPublicIpInstanceListResponse.publicIpInstanceList.publicIpInstanceNo", equalTo(List.of(c)));
        refused(vpc("getPublicIpInstanceList", "publicIpInstanceStatusCode", "USED"), "900");
        refused(vpc("getPublicIpInstanceList", "isAssociated", "maybe"), "900");
        refused(vpc("getPublicIpInstanceList", "pageSize", "1001"), "900");
    }

    private static String detailNic(String server) {
        String nic = detail(server).getString("networkInterfaceNoList[0]");
        return vpc("getNetworkInterfaceDetail", "networkInterfaceNo", nic).jsonPath()
                .getString("getNetworkInterfaceDetailResponse.networkInterfaceList[0].ip");
    }

    @Test
    void associateAndDisassociateWalkConfiguringAndShowOnTheServer() {
        String server = runningVpc();
        String no = createIp();
        // still creating: busy, the code Terraform retries
        refused(vpc("associatePublicIpWithServerInstance", "publicIpInstanceNo", no, "serverInstanceNo", server), "1003016");
        advance(2);
        Response assoc = vpc("associatePublicIpWithServerInstance", "publicIpInstanceNo", no, "serverInstanceNo", server);
        assoc.then().statusCode(200);
        JsonPath a = assoc.jsonPath().setRootPath("associatePublicIpWithServerInstanceResponse." + IP);
        assertEquals("RUN/USE/Configuring", stateOf(a));
        assertEquals(server, a.getString("serverInstanceNo"));
        assertEquals(detail(server).getString("serverName"), a.getString("serverName"));
        assertEquals(detailNic(server), a.getString("privateIp"));
        // the server shows it in the same step (packer polls the server for the address)
        assertEquals(no, detail(server).getString("publicIpInstanceNo"));
        assertEquals(a.getString("publicIp"), detail(server).getString("publicIp"));
        vpc("getServerInstanceList", "ip", a.getString("publicIp")).then().body("getServerInstanceListResponse.totalRows", equalTo(1));
        advance(2);
        assertEquals("RUN/NULL/Running", stateOf(ip(no)));
        // a server holds one; an associated IP is refused elsewhere
        String other = createIp();
        String server2 = runningVpc();
        advance(2);
        refused(vpc("associatePublicIpWithServerInstance", "publicIpInstanceNo", other, "serverInstanceNo", server), "1003003");
        refused(vpc("associatePublicIpWithServerInstance", "publicIpInstanceNo", no, "serverInstanceNo", server2), "1003002");
        refused(vpc("associatePublicIpWithServerInstance", "publicIpInstanceNo", "77777777", "serverInstanceNo", server2), "1003001");
        refused(vpc("associatePublicIpWithServerInstance", "publicIpInstanceNo", other, "serverInstanceNo", "77777777"), "24120");
        refused(vpc("associatePublicIpWithServerInstance", "publicIpInstanceNo", other), "900");
        // by the server number
        Response dis = vpc("disassociatePublicIpFromServerInstance", "serverInstanceNo", server);
        dis.then().statusCode(200);
        JsonPath d = dis.jsonPath().setRootPath("disassociatePublicIpFromServerInstanceResponse." + IP);
        assertEquals("RUN/DISUS/Configuring", stateOf(d));
        assertEquals("", d.getString("serverInstanceNo"));
        assertEquals("", detail(server).getString("publicIpInstanceNo"));
        assertEquals("", detail(server).getString("publicIp"));
        refused(vpc("disassociatePublicIpFromServerInstance", "publicIpInstanceNo", no), "1003016");
        advance(2);
        refused(vpc("disassociatePublicIpFromServerInstance", "publicIpInstanceNo", no), "28102");
        refused(vpc("disassociatePublicIpFromServerInstance", "serverInstanceNo", server), "28102");
        refused(vpc("disassociatePublicIpFromServerInstance"), "900");
        // a server that is still being created is busy
        String booting = createVpc();
        refused(vpc("associatePublicIpWithServerInstance", "publicIpInstanceNo", no, "serverInstanceNo", booting), "1003016");
        assertEquals("", detail(booting).getString("publicIpInstanceNo"));
    }

    @Test
    void deleteIsRefusedWhileCreatingOrAssociatedAndThenGoes() {
        String server = runningVpc();
        String no = createIp("serverInstanceNo", server);
        JsonPath created = ip(no);
        assertEquals("INIT/CREAT/Creating", stateOf(created));
        assertEquals(server, created.getString("serverInstanceNo"));
        refused(vpc("deletePublicIpInstance", "publicIpInstanceNo", no), "1080101");
        advance(2);
        vpc("deletePublicIpInstance", "publicIpInstanceNo", no).then().statusCode(400)
                .body("responseError.returnCode", equalTo("24073"))
                .body("responseError.returnMessage", equalTo("Unable to destroy the server since a public IP is associated with the "
                        + "server. First, please disassociate a public IP from the server. publicIpInstanceNo = " + no));
        refused(vpc("deletePublicIpInstance", "publicIpInstanceNo", "77777777"), "1003001");
        refused(vpc("deletePublicIpInstance"), "900");
        vpc("disassociatePublicIpFromServerInstance", "publicIpInstanceNo", no).then().statusCode(200);
        advance(2);
        Response deleted = vpc("deletePublicIpInstance", "publicIpInstanceNo", no);
        deleted.then().statusCode(200);
        assertEquals("RUN/TERMT/Deleting", stateOf(deleted.jsonPath().setRootPath("deletePublicIpInstanceResponse." + IP)));
        advance(2);
        vpc("getPublicIpInstanceDetail", "publicIpInstanceNo", no).then().body("getPublicIpInstanceDetailResponse.totalRows", equalTo(0));
        // the address is free again
        assertEquals("203.0.113.1", ip(createIp()).getString("publicIp"));
    }

    @Test
    void createServerInstancesAssociatesARealIpAndTerminateKeepsIt() {
        String server = createVpc("associateWithPublicIp", "true");
        JsonPath s = detail(server);
        String no = s.getString("publicIpInstanceNo");
        assertEquals("203.0.113.1", s.getString("publicIp"));
        JsonPath created = ip(no);
        assertEquals(server, created.getString("serverInstanceNo"));
        assertEquals("203.0.113.1", created.getString("publicIp"));
        // one server only, public subnets only
        refused(vpc("createServerInstances", NcpVpcApiTest.concat(new Object[] {"serverImageProductCode", UBUNTU,
                "associateWithPublicIp", "true", "serverCreateCount", "2"}, place())), "1003006");
        advance(4);
        vpc("stopServerInstances", "serverInstanceNoList.1", server).then().statusCode(200);
        advance(2);
        vpc("terminateServerInstances", "serverInstanceNoList.1", server).then().statusCode(200);
        // the service does not release it: disassociated at once, kept
        JsonPath kept = ip(no);
        assertEquals("RUN/NULL/Running", stateOf(kept));
        assertEquals("", kept.getString("serverInstanceNo"));
        advance(2);
        assertEquals(0, vpc("getServerInstanceDetail", "serverInstanceNo", server).jsonPath().getInt("getServerInstanceDetailResponse.totalRows"));
        vpc("deletePublicIpInstance", "publicIpInstanceNo", no).then().statusCode(200);
    }

    @Test
    void terminateIsRefusedWhileTheServersIpIsBeingAssigned() {
        String server = stoppedVpc();
        String no = createIp();
        advance(2);
        vpc("associatePublicIpWithServerInstance", "publicIpInstanceNo", no, "serverInstanceNo", server).then().statusCode(200);
        refused(vpc("terminateServerInstances", "serverInstanceNoList.1", server), "25016");
        assertEquals("NSTOP/NULL/stopped", stateOf(server));
        advance(2);
        vpc("terminateServerInstances", "serverInstanceNoList.1", server).then().statusCode(200);
    }

    @Test
    void aServerInAPrivateSubnetTakesNoPublicIp() {
        Net n = net();
        String subnet = vpcNet("createSubnet", "vpcNo", n.vpcNo(), "zoneCode", "KR-1", "subnet", "10.0.9.0/24", "networkAclNo",
                vpcNet("getNetworkAclList", "vpcNo", n.vpcNo()).jsonPath().getString("getNetworkAclListResponse.networkAclList[0].networkAclNo"),
                "subnetTypeCode", "PRIVATE").jsonPath().getString("createSubnetResponse.subnetList[0].subnetNo");
        advance(4);
        Object[] privatePlace = {"vpcNo", n.vpcNo(), "subnetNo", subnet, "networkInterfaceList.1.networkInterfaceOrder", "0",
                "networkInterfaceList.1.accessControlGroupNoList.1", n.acgNo()};
        refused(vpc("createServerInstances", NcpVpcApiTest.concat(new Object[] {"serverImageProductCode", UBUNTU,
                "associateWithPublicIp", "true"}, privatePlace)), "1003004");
        String server = runningVpc(privatePlace);
        String no = createIp();
        advance(2);
        refused(vpc("associatePublicIpWithServerInstance", "publicIpInstanceNo", no, "serverInstanceNo", server), "1003004");
        refused(vpc("createPublicIpInstance", "serverInstanceNo", server), "1003004");
        assertEquals(1, vpc("getPublicIpInstanceList").jsonPath().getInt("getPublicIpInstanceListResponse.totalRows"));
    }

    @Test
    void publicIpsInXml() {
        String server = runningVpc();
        String body = vpcXml("createPublicIpInstance", "serverInstanceNo", server).then().statusCode(200)
                .contentType(startsWith("application/xml")).extract().asString();
        assertTrue(body.contains("<publicIpInstanceList>\n    <publicIpInstance>\n      <publicIpInstanceNo>"), body);
        assertTrue(body.contains("<publicIpInstanceStatusName>Creating</publicIpInstanceStatusName>\n"
                + "      <publicIpInstanceStatus>\n        <code>INIT</code>\n        <codeName>init</codeName>\n"
                + "      </publicIpInstanceStatus>\n      <serverInstanceNo>" + server + "</serverInstanceNo>"), body);
        assertTrue(body.contains("<publicIpInstanceOperation>\n        <code>CREAT</code>\n        <codeName>CREATE OP</codeName>"), body);
        String error = vpcXml("deletePublicIpInstance", "publicIpInstanceNo", "77777777").then().statusCode(400).extract().asString();
        assertTrue(error.contains("<returnCode>1003001</returnCode>"), error);
    }

    @Test
    void concurrentCreatesNeverHandOutOneAddressTwice() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> made = new ArrayList<>();
            for (int k = 0; k < 64; k++) {
                made.add(pool.submit(() -> vpc("createPublicIpInstance").then().statusCode(200).extract().jsonPath()
                        .getString("createPublicIpInstanceResponse." + IP + "publicIp")));
            }
            Set<String> addresses = new HashSet<>();
            for (Future<String> f : made) assertTrue(addresses.add(f.get()), "an address was handed out twice: " + f.get());
            assertEquals(64, addresses.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(64, vpc("getPublicIpInstanceList").jsonPath().getInt("getPublicIpInstanceListResponse.totalRows"));
    }

    @Test
    void theControlApiMakesAssociatedIps() {
        String server = runningVpc();
        given().contentType("application/json").body("{\"provider\": \"ncp\", \"kind\": \"public-ip\", \"references\": {\"server\": \""
                + server + "\"}}").post("/_cloudmock/resources").then().statusCode(201)
                .body("resources[0].kind", equalTo("public-ip")).body("resources[0].state", equalTo("USED"));
        String no = detail(server).getString("publicIpInstanceNo");
        assertEquals(server, ip(no).getString("serverInstanceNo"));
        assertEquals("RUN/NULL/Running", stateOf(ip(no)));
        // a second one for the same server is refused; a taken address too
        given().contentType("application/json").body("{\"provider\": \"ncp\", \"kind\": \"public-ip\", \"references\": {\"server\": \""
                + server + "\"}}").post("/_cloudmock/resources").then().statusCode(400);
        given().contentType("application/json").body("{\"provider\": \"ncp\", \"kind\": \"public-ip\", \"fields\": {\"publicIp\": \""
                + ip(no).getString("publicIp") + "\"}}").post("/_cloudmock/resources").then().statusCode(400);
        given().get("/_cloudmock/resources?kind=public-ip").then().statusCode(200).body("resources.size()", equalTo(1));
    }
}
