package io.cloudmock.ncp;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Network ACLs made and changed through the VPC API (/vpc/v2, ncp-network-api.md 4.11-4.14): create (INIT, then
 * RUN), delete (TERMTING, then gone; never the default, never one a subnet uses), setSubnetNetworkAcl (the subnet
 * takes it, the ACL is SET for one delay), setNetworkAclDescription, and the rules (SET per change, 1012005 meanwhile).
 */
class NcpNetworkAclTest extends NcpApi {

    private static String createAcl(String vpcNo, Object... kv) {
        Response r = vpcNet("createNetworkAcl", NcpVpcApiTest.concat(new Object[] {"vpcNo", vpcNo}, kv));
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().getString("createNetworkAclResponse.networkAclList[0].networkAclNo");
    }

    private static String status(String aclNo) {
        return vpcNet("getNetworkAclDetail", "networkAclNo", aclNo).jsonPath()
                .getString("getNetworkAclDetailResponse.networkAclList[0].networkAclStatus.code");
    }

    private static Object[] rule(int n, int priority, String protocol, String ipBlock, String ports, String action) {
        String p = "networkAclRuleList." + n + ".";
        return new Object[] {p + "priority", priority, p + "protocolTypeCode", protocol, p + "ipBlock", ipBlock,
                p + "denyAllowGroupNo", "", p + "portRange", ports, p + "ruleActionCode", action, p + "networkAclRuleDescription", ""};
    }

    private static Response change(String action, String aclNo, Object... rules) {
        return vpcNet(action, NcpVpcApiTest.concat(new Object[] {"networkAclNo", aclNo}, rules));
    }

    @Test
    void aNewAclIsInitThenRunAndIsDeletedThroughTerminating() {
        Net n = net();
        Response r = vpcNet("createNetworkAcl", "vpcNo", n.vpcNo(), "networkAclName", "web-nacl", "networkAclDescription", "for web");
        JsonPath made = r.jsonPath().setRootPath("createNetworkAclResponse.networkAclList[0]");
        r.then().statusCode(200).body("createNetworkAclResponse.totalRows", equalTo(1));
        String aclNo = made.getString("networkAclNo");
        assertEquals("web-nacl", made.getString("networkAclName"));
        assertEquals(n.vpcNo(), made.getString("vpcNo"));
        assertEquals("INIT", made.getString("networkAclStatus.code"));
        assertEquals("for web", made.getString("networkAclDescription"));
        assertEquals(false, made.getBoolean("isDefault"));
        advance(2);
        assertEquals("RUN", status(aclNo));
        vpcNet("getNetworkAclList", "vpcNo", n.vpcNo()).then().body("getNetworkAclListResponse.totalRows", equalTo(2));
        // an automatic name has no hyphen (Terraform's test: ^[a-z0-9]+$)
        String auto = createAcl(n.vpcNo());
        assertTrue(vpcNet("getNetworkAclDetail", "networkAclNo", auto).jsonPath()
                .getString("getNetworkAclDetailResponse.networkAclList[0].networkAclName").matches("^[a-z0-9]+$"));
        // the VPC cannot go while it has ACLs of its own
        refused(vpcNet("deleteVpc", "vpcNo", n.vpcNo()), "1001004");
        vpcNet("deleteNetworkAcl", "networkAclNo", aclNo).then().statusCode(200)
                .body("deleteNetworkAclResponse.networkAclList[0].networkAclStatus.code", equalTo("TERMTING"));
        refused(vpcNet("deleteNetworkAcl", "networkAclNo", aclNo), "1011003");
        advance(2);
        vpcNet("getNetworkAclDetail", "networkAclNo", aclNo).then().statusCode(200).body("getNetworkAclDetailResponse.totalRows", equalTo(0));
        // the same in XML
        String xml = vpcNetXml("createNetworkAcl", "vpcNo", n.vpcNo(), "networkAclName", "xml-nacl").then().statusCode(200).extract().asString();
        assertTrue(xml.contains("<createNetworkAclResponse>\n  <requestId>"), xml);
        assertTrue(xml.contains("<networkAclList>\n    <networkAcl>\n      <networkAclNo>"), xml);
        assertTrue(xml.contains("<networkAclName>xml-nacl</networkAclName>"), xml);
        assertTrue(xml.contains("<isDefault>false</isDefault>"), xml);
    }

    @Test
    void refusalsChangeNothing() {
        Net n = net();
        String aclNo = createAcl(n.vpcNo(), "networkAclName", "one-nacl");
        refused(vpcNet("deleteNetworkAcl", "networkAclNo", aclNo), "1012005");
        refused(vpcNet("createNetworkAcl", "vpcNo", "424242"), "1001003");
        refused(vpcNet("createNetworkAcl", "vpcNo", n.vpcNo(), "networkAclName", "one-nacl"), "1011007");
        refused(vpcNet("createNetworkAcl", "vpcNo", n.vpcNo(), "networkAclName", "One_Nacl"), "24105");
        refused(vpcNet("createNetworkAcl"), "900");
        String young = vpcNet("createVpc", "ipv4CidrBlock", "172.16.0.0/16").jsonPath().getString("createVpcResponse.vpcList[0].vpcNo");
        refused(vpcNet("createNetworkAcl", "vpcNo", young), "1001005");
        String defaultAcl = vpcNet("getSubnetDetail", "subnetNo", n.subnetNo()).jsonPath()
                .getString("getSubnetDetailResponse.subnetList[0].networkAclNo");
        refused(vpcNet("deleteNetworkAcl", "networkAclNo", defaultAcl), "1011005");
        refused(vpcNet("deleteNetworkAcl", "networkAclNo", "424242"), "1011002");
        vpcNet("getNetworkAclList", "vpcNo", n.vpcNo()).then().body("getNetworkAclListResponse.totalRows", equalTo(2));
        String xml = vpcNetXml("deleteNetworkAcl", "networkAclNo", defaultAcl).then().statusCode(400).extract().asString();
        assertTrue(xml.contains("<returnCode>1011005</returnCode>"), xml);
    }

    @Test
    void aSubnetTakesAnotherAclOfItsVpc() {
        Net n = net();
        String defaultAcl = vpcNet("getSubnetDetail", "subnetNo", n.subnetNo()).jsonPath()
                .getString("getSubnetDetailResponse.subnetList[0].networkAclNo");
        String aclNo = createAcl(n.vpcNo());
        refused(vpcNet("setSubnetNetworkAcl", "networkAclNo", aclNo, "subnetNo", n.subnetNo()), "1012005");
        advance(2);
        vpcNet("setSubnetNetworkAcl", "networkAclNo", aclNo, "subnetNo", n.subnetNo()).then().statusCode(200)
                .body("setSubnetNetworkAclResponse.networkAclList[0].networkAclNo", equalTo(aclNo))
                .body("setSubnetNetworkAclResponse.networkAclList[0].networkAclStatus.code", equalTo("SET"));
        vpcNet("getSubnetDetail", "subnetNo", n.subnetNo()).then().body("getSubnetDetailResponse.subnetList[0].networkAclNo", equalTo(aclNo));
        vpcNet("getSubnetList", "networkAclNo", aclNo).then().body("getSubnetListResponse.totalRows", equalTo(1));
        advance(2);
        assertEquals("RUN", status(aclNo));
        refused(vpcNet("deleteNetworkAcl", "networkAclNo", aclNo), "1011006");
        // another VPC's ACL, unknown numbers
        Net other = apiNetwork("KR", "172.16.0.0/16", "172.16.1.0/24");
        String foreign = vpcNet("getNetworkAclList", "vpcNo", other.vpcNo()).jsonPath().getString("getNetworkAclListResponse.networkAclList[0].networkAclNo");
        refused(vpcNet("setSubnetNetworkAcl", "networkAclNo", foreign, "subnetNo", n.subnetNo()), "1011004");
        refused(vpcNet("setSubnetNetworkAcl", "networkAclNo", aclNo, "subnetNo", "424242"), "1001010");
        refused(vpcNet("setSubnetNetworkAcl", "networkAclNo", "424242", "subnetNo", n.subnetNo()), "1011002");
        refused(vpcNet("setSubnetNetworkAcl", "networkAclNo", aclNo), "900");
        vpcNet("getSubnetDetail", "subnetNo", n.subnetNo()).then().body("getSubnetDetailResponse.subnetList[0].networkAclNo", equalTo(aclNo));
        // back to the default: the ACL of its own is free to go
        vpcNet("setSubnetNetworkAcl", "networkAclNo", defaultAcl, "subnetNo", n.subnetNo()).then().statusCode(200);
        advance(2);
        vpcNet("deleteNetworkAcl", "networkAclNo", aclNo).then().statusCode(200);
        // the description changes in place
        vpcNet("setNetworkAclDescription", "networkAclNo", defaultAcl, "networkAclDescription", "all open").then().statusCode(200)
                .body("setNetworkAclDescriptionResponse.networkAclList[0].networkAclDescription", equalTo("all open"));
    }

    @Test
    void rulesAreCheckedAddedListedAndRemoved() {
        Net n = net();
        String aclNo = createAcl(n.vpcNo());
        advance(2);
        vpcNet("getNetworkAclRuleList", "networkAclNo", aclNo).then().statusCode(200).body("getNetworkAclRuleListResponse.totalRows", equalTo(0));
        refused(vpcNet("getNetworkAclRuleList", "networkAclNo", "424242"), "1011002");
        vpcNet("getNetworkAclRuleList", "networkAclNo", "424242").then()
                .body("responseError.returnMessage", equalTo("You cannot access the appropriate Network ACL."));
        Object[] two = NcpVpcApiTest.concat(rule(1, 10, "TCP", "0.0.0.0/0", "22", "ALLOW"), rule(2, 20, "ICMP", "10.0.0.0/8", "", "DROP"));
        change("addNetworkAclInboundRule", aclNo, two).then().statusCode(200)
                .body("addNetworkAclInboundRuleResponse.totalRows", equalTo(2));
        assertEquals("SET", status(aclNo));
        refused(change("addNetworkAclOutboundRule", aclNo, rule(1, 10, "TCP", "0.0.0.0/0", "1-65535", "ALLOW")), "1012005");
        advance(2);
        assertEquals("RUN", status(aclNo));
        Response list = vpcNet("getNetworkAclRuleList", "networkAclNo", aclNo, "networkAclRuleTypeCode", "INBND");
        JsonPath first = list.jsonPath().setRootPath("getNetworkAclRuleListResponse.networkAclRuleList[0]");
        assertEquals(aclNo, first.getString("networkAclNo"));
        assertEquals(10, first.getInt("priority"));
        assertEquals("TCP", first.getString("protocolType.code"));
        assertEquals("22", first.getString("portRange"));
        assertEquals("ALLOW", first.getString("ruleAction.code"));
        assertEquals("0.0.0.0/0", first.getString("ipBlock"));
        assertEquals("", first.getString("denyAllowGroupNo"));
        assertEquals("INBND", first.getString("networkAclRuleType.code"));
        assertEquals("", first.getString("networkAclRuleDescription"));
        assertTrue(list.asString().contains("\"priority\": 10,"), list.asString());
        // refused rules
        refused(change("addNetworkAclInboundRule", aclNo, rule(1, 10, "UDP", "0.0.0.0/0", "53", "ALLOW")), "1012002");
        refused(change("addNetworkAclInboundRule", aclNo, rule(1, 200, "TCP", "0.0.0.0/0", "80", "ALLOW")), "900");
        refused(change("addNetworkAclInboundRule", aclNo, rule(1, 30, "SCTP", "0.0.0.0/0", "80", "ALLOW")), "900");
        refused(change("addNetworkAclInboundRule", aclNo, rule(1, 30, "TCP", "0.0.0.0/0", "80", "DENY")), "900");
        refused(change("addNetworkAclInboundRule", aclNo, rule(1, 30, "TCP", "0.0.0.0/0", "", "ALLOW")), "900");
        refused(change("addNetworkAclInboundRule", aclNo, rule(1, 30, "ICMP", "0.0.0.0/0", "80", "ALLOW")), "1012001");
        refused(change("addNetworkAclInboundRule", aclNo, rule(1, 30, "TCP", "", "80", "ALLOW")), "1012001");
        refused(change("addNetworkAclInboundRule", aclNo, rule(1, 30, "TCP", "10.0.0.1/8", "80", "ALLOW")), "900");
        refused(change("addNetworkAclInboundRule", aclNo, "networkAclRuleList.1.priority", "30", "networkAclRuleList.1.protocolTypeCode", "TCP",
                "networkAclRuleList.1.denyAllowGroupNo", "4242", "networkAclRuleList.1.portRange", "80",
                "networkAclRuleList.1.ruleActionCode", "ALLOW"), "1012001");
        refused(vpcNet("addNetworkAclInboundRule", "networkAclNo", aclNo), "900");
        refused(change("addNetworkAclInboundRule", "424242", rule(1, 30, "TCP", "0.0.0.0/0", "80", "ALLOW")), "1011002");
        // one bad rule among good ones: none is added
        refused(change("addNetworkAclOutboundRule", aclNo, NcpVpcApiTest.concat(rule(1, 30, "TCP", "0.0.0.0/0", "80", "ALLOW"),
                rule(2, 30, "TCP", "0.0.0.0/0", "443", "ALLOW"))), "1012002");
        assertEquals("RUN", status(aclNo));
        vpcNet("getNetworkAclRuleList", "networkAclNo", aclNo).then().body("getNetworkAclRuleListResponse.totalRows", equalTo(2));
        // remove matches every field but the description
        change("removeNetworkAclInboundRule", aclNo, rule(1, 10, "TCP", "0.0.0.0/0", "22", "ALLOW")).then().statusCode(200)
                .body("removeNetworkAclInboundRuleResponse.totalRows", equalTo(1));
        advance(2);
        vpcNet("getNetworkAclRuleList", "networkAclNo", aclNo).then()
                .body("getNetworkAclRuleListResponse.networkAclRuleList.priority", equalTo(List.of(20)));
        // 20 rules per ACL
        List<Object> many = new ArrayList<>();
        for (int k = 1; k <= 20; k++) many.addAll(List.of(rule(k, 100 + k, "TCP", "0.0.0.0/0", Integer.toString(1000 + k), "ALLOW")));
        refused(change("addNetworkAclOutboundRule", aclNo, many.toArray()), "1011008");
        // XML
        String xml = vpcNetXml("getNetworkAclRuleList", "networkAclNo", aclNo).asString();
        assertTrue(xml.contains("<networkAclRuleList>\n    <networkAclRule>\n      <networkAclNo>" + aclNo + "</networkAclNo>\n"
                + "      <priority>20</priority>\n      <protocolType>\n        <code>ICMP</code>"), xml);
    }

    /** The action's XML answer: 200 and its root. */
    private static String xmlOk(String action, Object... kv) {
        String xml = vpcNetXml(action, kv).then().statusCode(200).extract().asString();
        assertTrue(xml.contains("<" + action + "Response>\n  <requestId>"), xml);
        return xml;
    }

    @Test
    void everyChangeAnswersInXml() {
        Net n = net();
        String aclNo = createAcl(n.vpcNo());
        advance(2);
        assertTrue(xmlOk("setSubnetNetworkAcl", "networkAclNo", aclNo, "subnetNo", n.subnetNo())
                .contains("<networkAclList>\n    <networkAcl>\n      <networkAclNo>" + aclNo + "</networkAclNo>"));
        advance(2);
        assertTrue(xmlOk("setNetworkAclDescription", "networkAclNo", aclNo, "networkAclDescription", "x")
                .contains("<networkAclDescription>x</networkAclDescription>"));
        for (String action : List.of("addNetworkAclInboundRule", "addNetworkAclOutboundRule", "removeNetworkAclInboundRule",
                "removeNetworkAclOutboundRule")) {
            String xml = xmlOk(action, NcpVpcApiTest.concat(new Object[] {"networkAclNo", aclNo}, rule(1, 7, "UDP", "10.0.0.0/8", "53", "DROP")));
            assertTrue(xml.contains("<networkAclRuleList"), xml);
            advance(2);
        }
        String aclOfNone = createAcl(n.vpcNo());
        advance(2);
        assertTrue(xmlOk("deleteNetworkAcl", "networkAclNo", aclOfNone).contains("<code>TERMTING</code>"));
    }
}
