package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ACGs and their rules (/vserver/v2): create, list, detail, delete, rule add/remove/list, SET while changing. */
class NcpAcgTest extends NcpApi {

    private static String createAcg(String vpcNo, Object... kv) {
        Response r = vpc("createAccessControlGroup", NcpVpcApiTest.concat(new Object[] {"vpcNo", vpcNo}, kv));
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().getString("createAccessControlGroupResponse.accessControlGroupList[0].accessControlGroupNo");
    }

    private static Response addInbound(String vpcNo, String acgNo, Object... rule) {
        Object[] base = {"vpcNo", vpcNo, "accessControlGroupNo", acgNo};
        return vpc("addAccessControlGroupInboundRule", NcpVpcApiTest.concat(base, rule));
    }

    @Test
    void theDefaultAcgHasTheDefaultRules() {
        Net n = net();
        Response r = vpc("getAccessControlGroupRuleList", "accessControlGroupNo", n.acgNo());
        r.then().statusCode(200).body("getAccessControlGroupRuleListResponse.totalRows", equalTo(5))
                .body("getAccessControlGroupRuleListResponse.accessControlGroupRuleList.portRange",
                        equalTo(List.of("22", "3389", "1-65535", "1-65535", "")))
                .body("getAccessControlGroupRuleListResponse.accessControlGroupRuleList.accessControlGroupRuleType.code",
                        equalTo(List.of("INBND", "INBND", "OTBND", "OTBND", "OTBND")));
        JsonNode rule = goSdkCut(r.asString()).get("accessControlGroupRuleList").get(0);
        assertEquals("TCP", rule.get("protocolType").get("code").textValue());
        assertEquals("tcp", rule.get("protocolType").get("codeName").textValue());
        assertTrue(rule.get("protocolType").get("number").isInt());
        assertEquals("", rule.get("accessControlGroupSequence").textValue());
        vpc("getAccessControlGroupRuleList", "accessControlGroupNo", n.acgNo(), "accessControlGroupRuleTypeCode", "OTBND").then()
                .body("getAccessControlGroupRuleListResponse.totalRows", equalTo(3));
    }

    @Test
    void aNewAcgHasNoRulesAndRuleChangesPassThroughSet() {
        Net n = net();
        Response created = vpc("createAccessControlGroup", "vpcNo", n.vpcNo(), "accessControlGroupName", "web-acg",
                "accessControlGroupDescription", "for web");
        created.then().statusCode(200)
                .body("createAccessControlGroupResponse.accessControlGroupList[0].accessControlGroupName", equalTo("web-acg"))
                .body("createAccessControlGroupResponse.accessControlGroupList[0].isDefault", equalTo(false))
                .body("createAccessControlGroupResponse.accessControlGroupList[0].vpcNo", equalTo(n.vpcNo()))
                .body("createAccessControlGroupResponse.accessControlGroupList[0].accessControlGroupStatus.code", equalTo("RUN"))
                .body("createAccessControlGroupResponse.accessControlGroupList[0].accessControlGroupDescription", equalTo("for web"));
        String acg = created.jsonPath().getString("createAccessControlGroupResponse.accessControlGroupList[0].accessControlGroupNo");
        vpc("getAccessControlGroupRuleList", "accessControlGroupNo", acg).then()
                .body("getAccessControlGroupRuleListResponse.totalRows", equalTo(0));
        // Terraform sends every field, the unused ones empty
        addInbound(n.vpcNo(), acg, "accessControlGroupRuleList.1.protocolTypeCode", "TCP",
                "accessControlGroupRuleList.1.ipBlock", "0.0.0.0/0", "accessControlGroupRuleList.1.accessControlGroupSequence", "",
                "accessControlGroupRuleList.1.portRange", "80", "accessControlGroupRuleList.1.accessControlGroupRuleDescription", "",
                "accessControlGroupRuleList.2.protocolTypeCode", "ICMP",
                "accessControlGroupRuleList.2.accessControlGroupSequence", n.acgNo(), "accessControlGroupRuleList.2.portRange", "")
                .then().statusCode(200).body("addAccessControlGroupInboundRuleResponse.totalRows", equalTo(2));
        vpc("getAccessControlGroupDetail", "accessControlGroupNo", acg).then()
                .body("getAccessControlGroupDetailResponse.accessControlGroupList[0].accessControlGroupStatus.code", equalTo("SET"));
        // a second change while SET: the code Terraform retries on
        addInbound(n.vpcNo(), acg, "accessControlGroupRuleList.1.protocolTypeCode", "UDP",
                "accessControlGroupRuleList.1.ipBlock", "10.0.0.0/8", "accessControlGroupRuleList.1.portRange", "53")
                .then().statusCode(400).body("responseError.returnCode", equalTo("1007009"))
                .body("responseError.returnMessage", equalTo(
                        "If the Acg settings are being changed, you cannot change other settings at the same time."));
        advance(2);
        vpc("getAccessControlGroupDetail", "accessControlGroupNo", acg).then()
                .body("getAccessControlGroupDetailResponse.accessControlGroupList[0].accessControlGroupStatus.code", equalTo("RUN"));
        vpc("getAccessControlGroupRuleList", "accessControlGroupNo", acg).then()
                .body("getAccessControlGroupRuleListResponse.accessControlGroupRuleList.protocolType.code", equalTo(List.of("TCP", "ICMP")))
                .body("getAccessControlGroupRuleListResponse.accessControlGroupRuleList[1].accessControlGroupSequence", equalTo(n.acgNo()))
                .body("getAccessControlGroupRuleListResponse.accessControlGroupRuleList[1].ipBlock", equalTo(""));
        // the same rule twice
        addInbound(n.vpcNo(), acg, "accessControlGroupRuleList.1.protocolTypeCode", "TCP",
                "accessControlGroupRuleList.1.ipBlock", "0.0.0.0/0", "accessControlGroupRuleList.1.portRange", "80")
                .then().statusCode(400).body("responseError.returnCode", equalTo("1007006"));
        // remove matches on protocol, source and ports
        vpc("removeAccessControlGroupInboundRule", "vpcNo", n.vpcNo(), "accessControlGroupNo", acg,
                "accessControlGroupRuleList.1.protocolTypeCode", "TCP", "accessControlGroupRuleList.1.ipBlock", "0.0.0.0/0",
                "accessControlGroupRuleList.1.portRange", "80").then().statusCode(200)
                .body("removeAccessControlGroupInboundRuleResponse.totalRows", equalTo(1));
        advance(2);
        vpc("addAccessControlGroupOutboundRule", "vpcNo", n.vpcNo(), "accessControlGroupNo", acg,
                "accessControlGroupRuleList.1.protocolTypeCode", "17", "accessControlGroupRuleList.1.ipBlock", "0.0.0.0/0",
                "accessControlGroupRuleList.1.portRange", "1-65535").then().statusCode(200);
        advance(2);
        vpc("getAccessControlGroupRuleList", "accessControlGroupNo", acg, "accessControlGroupRuleTypeCode", "OTBND").then()
                .body("getAccessControlGroupRuleListResponse.accessControlGroupRuleList[0].protocolType.code", equalTo("UDP"))
                .body("getAccessControlGroupRuleListResponse.accessControlGroupRuleList[0].protocolType.number", equalTo(17))
                .body("getAccessControlGroupRuleListResponse.accessControlGroupRuleList[0].accessControlGroupRuleType.codeName",
                        equalTo("Outbound"));
    }

    @Test
    void badRulesAreRefusedAndChangeNothing() {
        Net n = net();
        String acg = createAcg(n.vpcNo());
        String p = "accessControlGroupRuleList.1.";
        addInbound(n.vpcNo(), acg, p + "protocolTypeCode", "TCP", p + "ipBlock", "0.0.0.0/0").then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"));
        addInbound(n.vpcNo(), acg, p + "protocolTypeCode", "TCP", p + "portRange", "22").then().statusCode(400)
                .body("responseError.returnCode", equalTo("1007005"));
        addInbound(n.vpcNo(), acg, p + "protocolTypeCode", "ICMP", p + "ipBlock", "0.0.0.0/0", p + "portRange", "22")
                .then().statusCode(400).body("responseError.returnCode", equalTo("1007005"));
        addInbound(n.vpcNo(), acg, p + "protocolTypeCode", "TCP", p + "ipBlock", "0.0.0.0/0", p + "portRange", "90-80")
                .then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        addInbound(n.vpcNo(), acg, p + "protocolTypeCode", "SCTP", p + "ipBlock", "0.0.0.0/0").then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"));
        addInbound(n.vpcNo(), acg, p + "protocolTypeCode", "255", p + "ipBlock", "0.0.0.0/0").then().statusCode(400);
        addInbound(n.vpcNo(), acg, p + "protocolTypeCode", "TCP", p + "ipBlock", "10.0.0.1/8", p + "portRange", "22")
                .then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        addInbound(n.vpcNo(), acg, p + "protocolTypeCode", "TCP", p + "accessControlGroupSequence", "424242", p + "portRange", "22")
                .then().statusCode(400).body("responseError.returnCode", equalTo("1007005"));
        addInbound(n.vpcNo(), "424242", p + "protocolTypeCode", "TCP", p + "ipBlock", "0.0.0.0/0", p + "portRange", "22")
                .then().statusCode(400).body("responseError.returnCode", equalTo("1007000"));
        Net other = apiNetwork("KR", "172.16.0.0/16", "172.16.1.0/24");
        addInbound(other.vpcNo(), acg, p + "protocolTypeCode", "TCP", p + "ipBlock", "0.0.0.0/0", p + "portRange", "22")
                .then().statusCode(400).body("responseError.returnCode", equalTo("1007001"));
        vpc("getAccessControlGroupRuleList", "accessControlGroupNo", acg).then()
                .body("getAccessControlGroupRuleListResponse.totalRows", equalTo(0));
        vpc("getAccessControlGroupRuleList", "accessControlGroupNo", "424242").then().statusCode(400)
                .body("responseError.returnCode", equalTo("1007000")).body("responseError.returnMessage", equalTo("Acg was not found."));
    }

    @Test
    void listDetailAndDelete() {
        Net n = net();
        String a = createAcg(n.vpcNo(), "accessControlGroupName", "alpha");
        createAcg(n.vpcNo(), "accessControlGroupName", "beta");
        vpc("createAccessControlGroup", "vpcNo", n.vpcNo(), "accessControlGroupName", "alpha").then().statusCode(400)
                .body("responseError.returnCode", equalTo("1007004"));
        vpc("createAccessControlGroup", "vpcNo", "424242").then().statusCode(400).body("responseError.returnCode", equalTo("1001003"));
        vpc("createAccessControlGroup").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        vpc("getAccessControlGroupList", "vpcNo", n.vpcNo()).then().body("getAccessControlGroupListResponse.totalRows", equalTo(3));
        vpc("getAccessControlGroupList", "accessControlGroupName", "alpha").then()
                .body("getAccessControlGroupListResponse.accessControlGroupList.accessControlGroupNo", equalTo(List.of(a)));
        vpc("getAccessControlGroupList", "accessControlGroupStatusCode", "NOPE").then().statusCode(400);
        vpc("getAccessControlGroupList", "pageNo", "1", "pageSize", "2").then()
                .body("getAccessControlGroupListResponse.totalRows", equalTo(3))
                .body("getAccessControlGroupListResponse.accessControlGroupList.size()", equalTo(2));
        vpc("getAccessControlGroupDetail", "accessControlGroupNo", "424242").then().statusCode(200)
                .body("getAccessControlGroupDetailResponse.totalRows", equalTo(0));
        // an ACG a server's interface uses cannot go; once the server is gone it can
        String server = runningVpc("networkInterfaceList.1.accessControlGroupNoList.1", a);
        vpc("deleteAccessControlGroup", "vpcNo", n.vpcNo(), "accessControlGroupNo", a).then().statusCode(400)
                .body("responseError.returnCode", equalTo("1007003"));
        vpc("stopServerInstances", "serverInstanceNoList.1", server);
        advance(2);
        vpc("terminateServerInstances", "serverInstanceNoList.1", server);
        advance(2);
        vpc("deleteAccessControlGroup", "vpcNo", "1", "accessControlGroupNo", a).then().statusCode(400)
                .body("responseError.returnCode", equalTo("1007001"));
        vpc("deleteAccessControlGroup", "vpcNo", n.vpcNo(), "accessControlGroupNo", a).then().statusCode(200)
                .body("deleteAccessControlGroupResponse.accessControlGroupList[0].accessControlGroupNo", equalTo(a));
        // gone at once: Terraform's delete waiter knows only RUN
        vpc("getAccessControlGroupDetail", "accessControlGroupNo", a).then().body("getAccessControlGroupDetailResponse.totalRows", equalTo(0));
    }

    @Test
    void acgXml() {
        Net n = net();
        String xml = vpcXml("getAccessControlGroupRuleList", "accessControlGroupNo", n.acgNo()).asString();
        assertTrue(xml.contains("<accessControlGroupRuleList>\n    <accessControlGroupRule>\n      <accessControlGroupNo>"
                + n.acgNo() + "</accessControlGroupNo>\n      <protocolType>\n        <code>TCP</code>\n        <codeName>tcp</codeName>\n"
                + "        <number>6</number>\n      </protocolType>\n      <ipBlock>0.0.0.0/0</ipBlock>\n"
                + "      <accessControlGroupSequence></accessControlGroupSequence>\n      <portRange>22</portRange>"), xml);
        String list = vpcXml("getAccessControlGroupList").asString();
        assertTrue(list.contains("<accessControlGroupList>\n    <accessControlGroup>\n      <accessControlGroupNo>" + n.acgNo()), list);
        assertTrue(list.contains("<isDefault>true</isDefault>"), list);
    }
}
