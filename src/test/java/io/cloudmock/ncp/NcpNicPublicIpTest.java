package io.cloudmock.ncp;

import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An interface arriving on a server drops the server's public IP (ncp-network-api.md 5.3.6: Terraform's
 * attachNetworkInterface waits up to five minutes for that IP to be disassociated): the IP walks the disassociation
 * of disassociatePublicIpFromServerInstance and the server stops showing it; a server without one, and the IPs
 * of other servers, are left as they are; an IP still being assigned makes the attach wait (1003016).
 */
class NcpNicPublicIpTest extends NcpApi {

    private static String newNic(Net n, String subnetNo) {
        Response r = vpc("createNetworkInterface", "vpcNo", n.vpcNo(), "subnetNo", subnetNo, "accessControlGroupNoList.1", n.acgNo());
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().getString("createNetworkInterfaceResponse.networkInterfaceList[0].networkInterfaceNo");
    }

    /** A public IP made for {@code server}, settled (USED: RUN / NULL, associated). */
    private static String ipOn(String server) {
        Response r = vpc("createPublicIpInstance", "serverInstanceNo", server);
        assertEquals(200, r.statusCode(), r.asString());
        String no = r.jsonPath().getString("createPublicIpInstanceResponse.publicIpInstanceList[0].publicIpInstanceNo");
        advance(2);
        assertEquals(server, ip(no).getString("serverInstanceNo"));
        return no;
    }

    private static JsonPath ip(String no) {
        return vpc("getPublicIpInstanceDetail", "publicIpInstanceNo", no).jsonPath()
                .setRootPath("getPublicIpInstanceDetailResponse.publicIpInstanceList[0]");
    }

    /** status / operation / statusName / serverInstanceNo of a public IP. */
    private static String shown(String no) {
        JsonPath ip = ip(no);
        return ip.getString("publicIpInstanceStatus.code") + "/" + ip.getString("publicIpInstanceOperation.code") + "/"
                + ip.getString("publicIpInstanceStatusName") + "/" + ip.getString("serverInstanceNo");
    }

    private static String nicStatus(String no) {
        return vpc("getNetworkInterfaceDetail", "networkInterfaceNo", no).jsonPath()
                .getString("getNetworkInterfaceDetailResponse.networkInterfaceList[0].networkInterfaceStatus.code");
    }

    private static Response attach(String server, String nicNo, String subnetNo) {
        return vpc("attachNetworkInterface", "serverInstanceNo", server, "networkInterfaceNo", nicNo, "subnetNo", subnetNo);
    }

    @Test
    void attachingAnInterfaceDisassociatesTheServersPublicIpAndLeavesOtherServersAlone() {
        Net n = net();
        String server = runningVpc();
        String plain = runningVpc();
        String neighbour = runningVpc();
        String ipNo = ipOn(server);
        String neighbourIp = ipOn(neighbour);
        String address = ip(ipNo).getString("publicIp");
        assertEquals("RUN/NULL/Running/" + server, shown(ipNo));

        attach(server, newNic(n, n.subnetNo()), n.subnetNo()).then().statusCode(200)
                .body("attachNetworkInterfaceResponse.networkInterfaceList[0].networkInterfaceStatus.code", equalTo("SET"));
        // the disassociation of disassociatePublicIpFromServerInstance: both sides let go in one step, DISUS for one delay
        assertEquals("RUN/DISUS/Configuring/", shown(ipNo));
        assertEquals("", ip(ipNo).getString("serverName"));
        assertEquals("", ip(ipNo).getString("privateIp"));
        assertEquals("", detail(server).getString("publicIpInstanceNo"));
        refused(vpc("associatePublicIpWithServerInstance", "publicIpInstanceNo", ipNo, "serverInstanceNo", server), "1003016");
        advance(2);
        // what Terraform's waitForPublicIpDisassociation waits for: no server and operation NULL
        assertEquals("RUN/NULL/Running/", shown(ipNo));
        assertEquals(address, ip(ipNo).getString("publicIp"));
        vpc("getPublicIpInstanceList", "isAssociated", "false").then()
                .body("getPublicIpInstanceListResponse.publicIpInstanceList.publicIpInstanceNo", equalTo(java.util.List.of(ipNo)));
        // the server's views no longer show it
        JsonPath s = detail(server);
        assertEquals("", s.getString("publicIpInstanceNo"));
        assertEquals("", s.getString("publicIp"));
        assertEquals(2, s.getList("networkInterfaceNoList").size());
        JsonPath listed = vpc("getServerInstanceList", "serverInstanceNoList.1", server).jsonPath()
                .setRootPath("getServerInstanceListResponse.serverInstanceList[0]");
        assertEquals("", listed.getString("publicIpInstanceNo"));
        assertEquals("", listed.getString("publicIp"));
        vpc("getServerInstanceList", "ip", address).then().body("getServerInstanceListResponse.totalRows", equalTo(0));
        // the IP is free: it may be given back, and then stays until another interface arrives
        vpc("associatePublicIpWithServerInstance", "publicIpInstanceNo", ipNo, "serverInstanceNo", server).then().statusCode(200);
        advance(2);
        assertEquals("RUN/NULL/Running/" + server, shown(ipNo));

        // a server without a public IP: the attach changes no IP, mine or another server's
        String free = vpc("createPublicIpInstance").jsonPath().getString("createPublicIpInstanceResponse.publicIpInstanceList[0].publicIpInstanceNo");
        advance(2);
        String nic = newNic(n, n.subnetNo());
        attach(plain, nic, n.subnetNo()).then().statusCode(200);
        advance(2);
        assertEquals("USED", nicStatus(nic));
        assertEquals("", detail(plain).getString("publicIpInstanceNo"));
        assertEquals("RUN/NULL/Running/", shown(free));
        assertEquals("RUN/NULL/Running/" + neighbour, shown(neighbourIp));
        assertEquals(neighbourIp, detail(neighbour).getString("publicIpInstanceNo"));
        assertEquals("RUN/NULL/Running/" + server, shown(ipNo));
    }

    @Test
    void anInterfaceMadeOnTheServerDropsItsPublicIpToo() {
        Net n = net();
        String privateSubnet = NcpNicTest.privateSubnet(n);
        String server = runningVpc();
        String ipNo = ipOn(server);
        Response made = vpc("createNetworkInterface", "vpcNo", n.vpcNo(), "subnetNo", privateSubnet, "accessControlGroupNoList.1", n.acgNo(),
                "serverInstanceNo", server);
        made.then().statusCode(200).body("createNetworkInterfaceResponse.networkInterfaceList[0].instanceNo", equalTo(server));
        assertEquals("RUN/DISUS/Configuring/", shown(ipNo));
        advance(2);
        assertEquals("RUN/NULL/Running/", shown(ipNo));
        assertEquals("", detail(server).getString("publicIp"));
    }

    @Test
    void anIpStillBeingAssignedMakesTheAttachWaitAndChangesNothing() {
        Net n = net();
        String server = runningVpc();
        String ipNo = vpc("createPublicIpInstance", "serverInstanceNo", server).jsonPath()
                .getString("createPublicIpInstanceResponse.publicIpInstanceList[0].publicIpInstanceNo");
        String nic = newNic(n, n.subnetNo());
        refused(attach(server, nic, n.subnetNo()), "1003016");
        assertEquals("NOTUSED", nicStatus(nic));
        assertEquals(1, detail(server).getList("networkInterfaceNoList").size());
        assertEquals("INIT/CREAT/Creating/" + server, shown(ipNo));
        advance(2);
        attach(server, nic, n.subnetNo()).then().statusCode(200);
        assertEquals("RUN/DISUS/Configuring/", shown(ipNo));
    }

    @Test
    void theDropInXml() {
        Net n = net();
        String server = runningVpc();
        String ipNo = ipOn(server);
        String nic = newNic(n, n.subnetNo());
        String body = vpcXml("attachNetworkInterface", "serverInstanceNo", server, "networkInterfaceNo", nic, "subnetNo", n.subnetNo())
                .then().statusCode(200).contentType(startsWith("application/xml")).extract().asString();
        assertEquals(nic, new XmlPath(body).getString("attachNetworkInterfaceResponse.networkInterfaceList.networkInterface.networkInterfaceNo"));
        String root = "getPublicIpInstanceDetailResponse.publicIpInstanceList.publicIpInstance.";
        XmlPath during = vpcXml("getPublicIpInstanceDetail", "publicIpInstanceNo", ipNo).xmlPath();
        assertEquals("DISUS", during.getString(root + "publicIpInstanceOperation.code"));
        assertEquals("DISUSE OP", during.getString(root + "publicIpInstanceOperation.codeName"));
        assertEquals("Configuring", during.getString(root + "publicIpInstanceStatusName"));
        assertEquals("", during.getString(root + "serverInstanceNo"));
        advance(2);
        XmlPath after = vpcXml("getPublicIpInstanceDetail", "publicIpInstanceNo", ipNo).xmlPath();
        assertEquals("NULL", after.getString(root + "publicIpInstanceOperation.code"));
        assertEquals("RUN", after.getString(root + "publicIpInstanceStatus.code"));
        assertEquals("", after.getString(root + "serverInstanceNo"));
        String server0 = "getServerInstanceDetailResponse.serverInstanceList.serverInstance.";
        XmlPath s = vpcXml("getServerInstanceDetail", "serverInstanceNo", server).xmlPath();
        assertEquals(server, s.getString(server0 + "serverInstanceNo"));
        assertEquals("", s.getString(server0 + "publicIpInstanceNo"));
        assertEquals("", s.getString(server0 + "publicIp"));
        // an attach refused for a busy IP answers the XML envelope
        String busy = vpcXml("createPublicIpInstance", "serverInstanceNo", server).xmlPath()
                .getString("createPublicIpInstanceResponse.publicIpInstanceList.publicIpInstance.publicIpInstanceNo");
        String error = vpcXml("attachNetworkInterface", "serverInstanceNo", server, "networkInterfaceNo", newNic(n, n.subnetNo()),
                "subnetNo", n.subnetNo()).then().statusCode(400).contentType(startsWith("application/xml")).extract().asString();
        assertEquals("1003016", new XmlPath(error).getString("responseError.returnCode"));
        assertEquals(server, vpcXml("getPublicIpInstanceDetail", "publicIpInstanceNo", busy).xmlPath().getString(root + "serverInstanceNo"));
    }
}
