package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The VPC API (/vpc/v2): VPCs, subnets, their defaults, states and refusals, in JSON and XML. */
class NcpVpcApiTest extends NcpApi {

    private static String createVpcNet(Object... kv) {
        Response r = vpcNet("createVpc", kv);
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().getString("createVpcResponse.vpcList[0].vpcNo");
    }

    private static String vpcStatus(String vpcNo) {
        JsonPath j = vpcNet("getVpcDetail", "vpcNo", vpcNo).jsonPath();
        return j.getInt("getVpcDetailResponse.totalRows") == 0 ? "gone" : j.getString("getVpcDetailResponse.vpcList[0].vpcStatus.code");
    }

    private static String defaultNacl(String vpcNo) {
        return vpcNet("getNetworkAclList", "vpcNo", vpcNo).jsonPath().getString("getNetworkAclListResponse.networkAclList[0].networkAclNo");
    }

    @Test
    void anAccountStartsEmpty() {
        vpcNet("getVpcList").then().statusCode(200).body("getVpcListResponse.totalRows", equalTo(0));
        vpcNet("getSubnetList").then().statusCode(200).body("getSubnetListResponse.totalRows", equalTo(0));
        vpc("getAccessControlGroupList").then().statusCode(200).body("getAccessControlGroupListResponse.totalRows", equalTo(0));
    }

    @Test
    void aVpcIsCreatingForOneDelayEachThenRunsWithItsDefaults() {
        Response r = vpcNet("createVpc", "vpcName", "test-vpc", "ipv4CidrBlock", "10.0.0.0/16");
        r.then().statusCode(200)
                .body("createVpcResponse.totalRows", equalTo(1))
                .body("createVpcResponse.vpcList[0].vpcName", equalTo("test-vpc"))
                .body("createVpcResponse.vpcList[0].ipv4CidrBlock", equalTo("10.0.0.0/16"))
                .body("createVpcResponse.vpcList[0].vpcStatus.code", equalTo("INIT"))
                .body("createVpcResponse.vpcList[0].vpcStatus.codeName", equalTo("init"))
                .body("createVpcResponse.vpcList[0].regionCode", equalTo("KR"));
        JsonNode vpc = goSdkCut(r.asString()).get("vpcList").get(0);
        assertTrue(vpc.get("vpcNo").isTextual());
        // payload first, then the common fields (reference 1.2)
        assertTrue(r.asString().indexOf("\"totalRows\"") < r.asString().indexOf("\"requestId\""), r.asString());
        String no = vpc.get("vpcNo").textValue();
        assertEquals("INIT", vpcStatus(no));
        advance(2);
        assertEquals("CREATING", vpcStatus(no));
        advance(2);
        assertEquals("RUN", vpcStatus(no));
        // the defaults Terraform reads right after RUN (reference 2.1)
        vpcNet("getNetworkAclList", "vpcNo", no).then()
                .body("getNetworkAclListResponse.totalRows", equalTo(1))
                .body("getNetworkAclListResponse.networkAclList[0].isDefault", equalTo(true))
                .body("getNetworkAclListResponse.networkAclList[0].networkAclName", equalTo("test-vpc-default-network-acl"))
                .body("getNetworkAclListResponse.networkAclList[0].networkAclStatus.code", equalTo("RUN"));
        vpc("getAccessControlGroupList", "vpcNo", no).then()
                .body("getAccessControlGroupListResponse.totalRows", equalTo(1))
                .body("getAccessControlGroupListResponse.accessControlGroupList[0].isDefault", equalTo(true))
                .body("getAccessControlGroupListResponse.accessControlGroupList[0].accessControlGroupName", equalTo("test-vpc-default-acg"));
        Response tables = vpcNet("getRouteTableList", "vpcNo", no);
        tables.then().body("getRouteTableListResponse.totalRows", equalTo(2))
                .body("getRouteTableListResponse.routeTableList.supportedSubnetType.code", equalTo(List.of("PUBLIC", "PRIVATE")))
                .body("getRouteTableListResponse.routeTableList.isDefault", equalTo(List.of(true, true)));
        String table = tables.jsonPath().getString("getRouteTableListResponse.routeTableList[1].routeTableNo");
        vpcNet("getRouteTableDetail", "routeTableNo", table).then()
                .body("getRouteTableDetailResponse.routeTableList[0].supportedSubnetType.codeName", equalTo("Private"));
        vpcNet("getRouteTableList", "supportedSubnetTypeCode", "PUBLIC").then().body("getRouteTableListResponse.totalRows", equalTo(1));
    }

    @Test
    void createVpcRefusesBadCidrsAndDuplicateNames() {
        for (String bad : new String[] {"10.0.0.1/16", "8.8.0.0/16", "10.0.0.0/8", "10.0.0.0/29", "10.0.0/16", "x"}) {
            vpcNet("createVpc", "ipv4CidrBlock", bad).then().statusCode(400)
                    .body("responseError.returnCode", equalTo("1001001"));
        }
        vpcNet("createVpc").then().statusCode(400).body("responseError.returnCode", equalTo("900"))
                .body("responseError.returnMessage", equalTo("Required field is not specified. location : ipv4CidrBlock."));
        vpcNet("createVpc", "ipv4CidrBlock", "172.16.0.0/16", "vpcName", "Bad_Name").then().statusCode(400)
                .body("responseError.returnCode", equalTo("24105"));
        createVpcNet("ipv4CidrBlock", "172.16.0.0/16", "vpcName", "one");
        vpcNet("createVpc", "ipv4CidrBlock", "192.168.0.0/16", "vpcName", "one").then().statusCode(400)
                .body("responseError.returnCode", equalTo("1001002"));
        vpcNet("getVpcList").then().body("getVpcListResponse.totalRows", equalTo(1));
    }

    @Test
    void vpcListFiltersAndAnUnknownDetailIsEmpty() {
        String a = createVpcNet("ipv4CidrBlock", "10.0.0.0/16", "vpcName", "alpha");
        advance(4);
        String b = createVpcNet("ipv4CidrBlock", "10.1.0.0/16", "vpcName", "beta");
        vpcNet("getVpcList", "vpcName", "beta").then().body("getVpcListResponse.vpcList.vpcNo", equalTo(List.of(b)));
        vpcNet("getVpcList", "vpcStatusCode", "RUN").then().body("getVpcListResponse.vpcList.vpcNo", equalTo(List.of(a)));
        vpcNet("getVpcList", "vpcNoList.1", b, "vpcNoList.2", a).then().body("getVpcListResponse.totalRows", equalTo(2));
        vpcNet("getVpcList", "vpcStatusCode", "DONE").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        vpcNet("getVpcDetail", "vpcNo", "999999").then().statusCode(200)
                .body("getVpcDetailResponse.totalRows", equalTo(0)).body("getVpcDetailResponse.vpcList.size()", equalTo(0));
        vpcNet("getVpcDetail", "vpcNo", "abc").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        // another account sees none of them
        call("OTHER", "/vpc/v2/", "getVpcList", true).then().body("getVpcListResponse.totalRows", equalTo(0));
        call("OTHER", "/vpc/v2/", "getVpcDetail", true, "vpcNo", a).then().body("getVpcDetailResponse.totalRows", equalTo(0));
    }

    @Test
    void subnetsFollowTheCidrRulesOfTheirVpc() {
        String vpcNo = createVpcNet("ipv4CidrBlock", "10.0.0.0/16", "vpcName", "net");
        String nacl = defaultNacl(vpcNo);
        // the VPC is still being created: the code Terraform retries on
        vpcNet("createSubnet", "vpcNo", vpcNo, "zoneCode", "KR-1", "subnet", "10.0.1.0/24", "networkAclNo", nacl,
                "subnetTypeCode", "PUBLIC").then().statusCode(400).body("responseError.returnCode", equalTo("1001015"));
        advance(4);
        Response r = vpcNet("createSubnet", "vpcNo", vpcNo, "zoneCode", "KR-1", "subnet", "10.0.1.0/24", "networkAclNo", nacl,
                "subnetTypeCode", "PUBLIC", "subnetName", "web");
        r.then().statusCode(200)
                .body("createSubnetResponse.subnetList[0].subnetStatus.code", equalTo("INIT"))
                .body("createSubnetResponse.subnetList[0].subnet", equalTo("10.0.1.0/24"))
                .body("createSubnetResponse.subnetList[0].vpcNo", equalTo(vpcNo))
                .body("createSubnetResponse.subnetList[0].zoneCode", equalTo("KR-1"))
                .body("createSubnetResponse.subnetList[0].subnetType.code", equalTo("PUBLIC"))
                .body("createSubnetResponse.subnetList[0].subnetType.codeName", equalTo("Public"))
                .body("createSubnetResponse.subnetList[0].usageType.code", equalTo("GEN"))
                .body("createSubnetResponse.subnetList[0].usageType.codeName", equalTo("General"))
                .body("createSubnetResponse.subnetList[0].networkAclNo", equalTo(nacl));
        String subnetNo = r.jsonPath().getString("createSubnetResponse.subnetList[0].subnetNo");
        advance(2);
        vpcNet("getSubnetDetail", "subnetNo", subnetNo).then().body("getSubnetDetailResponse.subnetList[0].subnetStatus.code", equalTo("CREATING"));
        advance(2);
        vpcNet("getSubnetDetail", "subnetNo", subnetNo).then().body("getSubnetDetailResponse.subnetList[0].subnetStatus.code", equalTo("RUN"));
        Object[] base = {"vpcNo", vpcNo, "zoneCode", "KR-2", "networkAclNo", nacl, "subnetTypeCode", "PRIVATE"};
        expect(base, "1001007", "subnet", "10.0.1.128/25");
        expect(base, "1001007", "subnet", "10.0.0.0/16");
        expect(base, "1001008", "subnet", "10.1.0.0/24");
        expect(base, "1001009", "subnet", "10.0.2.1/24");
        expect(base, "1001020", "subnet", "10.0.2.0/24", "subnetName", "web");
        expect(base, "900", "subnet", "10.0.2.0/24", "subnetTypeCode", "OTHER");
        expect(base, "900", "subnet", "10.0.2.0/24", "zoneCode", "SGN-4");
        expect(base, "900", "subnet", "10.0.2.0/24", "usageTypeCode", "WEB");
        expect(base, "1011002", "subnet", "10.0.2.0/24", "networkAclNo", "1");
        expect(base, "1001003", "subnet", "10.0.2.0/24", "vpcNo", "1");
        vpcNet("getSubnetList", "vpcNo", vpcNo).then().body("getSubnetListResponse.totalRows", equalTo(1));
        // a private LOADB subnet beside it
        vpcNet("createSubnet", concat(base, "subnet", "10.0.2.0/24", "usageTypeCode", "LOADB")).then().statusCode(200)
                .body("createSubnetResponse.subnetList[0].usageType.codeName", equalTo("Load Balancer"))
                .body("createSubnetResponse.subnetList[0].subnetType.codeName", equalTo("Private"));
        vpcNet("getSubnetList", "subnetTypeCode", "PRIVATE").then().body("getSubnetListResponse.totalRows", equalTo(1));
        vpcNet("getSubnetList", "zoneCode", "KR-1", "subnetName", "web").then()
                .body("getSubnetListResponse.subnetList.subnetNo", equalTo(List.of(subnetNo)));
        vpcNet("getSubnetList", "pageNo", "2", "pageSize", "1").then().body("getSubnetListResponse.totalRows", equalTo(2))
                .body("getSubnetListResponse.subnetList.size()", equalTo(1));
    }

    private static void expect(Object[] base, String code, Object... kv) {
        vpcNet("createSubnet", concat(base, kv)).then().statusCode(400).body("responseError.returnCode", equalTo(code));
    }

    static Object[] concat(Object[] a, Object... b) {
        List<Object> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray();
    }

    @Test
    void deletesWaitForWhatIsInsideAndPassThroughTerminating() {
        Net n = apiNetwork("KR", "10.0.0.0/16", "10.0.1.0/24");
        String server = createVpc(place(n));
        vpcNet("deleteVpc", "vpcNo", n.vpcNo()).then().statusCode(400).body("responseError.returnCode", equalTo("1001004"));
        vpcNet("deleteSubnet", "subnetNo", n.subnetNo()).then().statusCode(400).body("responseError.returnCode", equalTo("1001011"));
        vpc("deleteAccessControlGroup", "vpcNo", n.vpcNo(), "accessControlGroupNo", n.acgNo()).then().statusCode(400)
                .body("responseError.returnCode", equalTo("1007002"));
        advance(4);
        vpc("stopServerInstances", "serverInstanceNoList.1", server).then().statusCode(200);
        advance(2);
        vpc("terminateServerInstances", "serverInstanceNoList.1", server).then().statusCode(200);
        advance(2);
        // its default interface went with it, so the subnet is free
        vpc("getNetworkInterfaceList").then().body("getNetworkInterfaceListResponse.totalRows", equalTo(0));
        vpcNet("deleteSubnet", "subnetNo", n.subnetNo()).then().statusCode(200)
                .body("deleteSubnetResponse.subnetList[0].subnetStatus.code", equalTo("TERMTING"))
                .body("deleteSubnetResponse.subnetList[0].subnetStatus.codeName", equalTo("terminating"));
        // a subnet still terminating keeps the VPC
        vpcNet("deleteVpc", "vpcNo", n.vpcNo()).then().statusCode(400).body("responseError.returnCode", equalTo("1001004"));
        vpcNet("deleteSubnet", "subnetNo", n.subnetNo()).then().statusCode(400).body("responseError.returnCode", equalTo("1001012"));
        advance(2);
        vpcNet("getSubnetDetail", "subnetNo", n.subnetNo()).then().body("getSubnetDetailResponse.totalRows", equalTo(0));
        vpcNet("deleteSubnet", "subnetNo", n.subnetNo()).then().statusCode(400).body("responseError.returnCode", equalTo("1001010"));
        vpcNet("deleteVpc", "vpcNo", n.vpcNo()).then().statusCode(200)
                .body("deleteVpcResponse.vpcList[0].vpcStatus.code", equalTo("TERMTING"));
        assertEquals("TERMTING", vpcStatus(n.vpcNo()));
        advance(2);
        assertEquals("gone", vpcStatus(n.vpcNo()));
        // the defaults went with it
        vpcNet("getNetworkAclList").then().body("getNetworkAclListResponse.totalRows", equalTo(0));
        vpcNet("getRouteTableList").then().body("getRouteTableListResponse.totalRows", equalTo(0));
        vpc("getAccessControlGroupList").then().body("getAccessControlGroupListResponse.totalRows", equalTo(0));
        vpcNet("deleteVpc", "vpcNo", n.vpcNo()).then().statusCode(400).body("responseError.returnCode", equalTo("1001003"));
    }

    @Test
    void aVpcWithAUserAcgCannotBeDeleted() {
        String vpcNo = createVpcNet("ipv4CidrBlock", "10.0.0.0/16");
        vpcNet("deleteVpc", "vpcNo", vpcNo).then().statusCode(400).body("responseError.returnCode", equalTo("1001005"));
        advance(4);
        vpc("createAccessControlGroup", "vpcNo", vpcNo).then().statusCode(200);
        vpcNet("deleteVpc", "vpcNo", vpcNo).then().statusCode(400).body("responseError.returnCode", equalTo("1001004"));
    }

    @Test
    void xmlBodiesWrapEachItem() {
        String vpcNo = createVpcNet("ipv4CidrBlock", "10.0.0.0/16", "vpcName", "xml-vpc");
        advance(4);
        String xml = vpcNetXml("getVpcDetail", "vpcNo", vpcNo).then().statusCode(200)
                .contentType(startsWith("application/xml")).extract().asString();
        assertTrue(xml.contains("<totalRows>1</totalRows>\n  <vpcList>\n    <vpc>\n      <vpcNo>" + vpcNo + "</vpcNo>\n"
                + "      <vpcName>xml-vpc</vpcName>\n      <ipv4CidrBlock>10.0.0.0/16</ipv4CidrBlock>\n      <vpcStatus>\n"
                + "        <code>RUN</code>\n        <codeName>run</codeName>\n      </vpcStatus>"), xml);
        String nacl = defaultNacl(vpcNo);
        vpcNet("createSubnet", "vpcNo", vpcNo, "zoneCode", "KR-1", "subnet", "10.0.1.0/24", "networkAclNo", nacl,
                "subnetTypeCode", "PUBLIC").then().statusCode(200);
        String subnets = vpcNetXml("getSubnetList").asString();
        // the item <subnet> holds a field <subnet>, the CIDR (reference 4.6)
        assertTrue(subnets.contains("<subnetList>\n    <subnet>\n      <subnetNo>"), subnets);
        assertTrue(subnets.contains("<subnet>10.0.1.0/24</subnet>"), subnets);
        String acls = vpcNetXml("getNetworkAclDetail", "networkAclNo", nacl).asString();
        assertTrue(acls.contains("<networkAclList>\n    <networkAcl>\n      <networkAclNo>" + nacl + "</networkAclNo>"), acls);
        assertTrue(acls.contains("<isDefault>true</isDefault>"), acls);
        String tables = vpcNetXml("getRouteTableList").asString();
        assertTrue(tables.contains("<routeTableList>\n    <routeTable>\n      <routeTableNo>"), tables);
        assertTrue(tables.contains("<supportedSubnetType>\n        <code>PUBLIC</code>\n        <codeName>Public</codeName>"), tables);
    }

    @Test
    void jsonTypesAreTheGoSdks() {
        Net n = net();
        JsonNode subnet = goSdk("/vpc/v2/", "getSubnetDetail", "regionCode", "KR", "subnetNo", n.subnetNo()).get("subnetList").get(0);
        for (String f : List.of("subnetNo", "vpcNo", "zoneCode", "subnetName", "subnet", "createDate", "networkAclNo")) {
            assertTrue(subnet.get(f).isTextual(), f);
        }
        assertTrue(subnet.get("subnetType").get("code").isTextual());
        JsonNode acl = goSdk("/vpc/v2/", "getNetworkAclList", "vpcNo", n.vpcNo()).get("networkAclList").get(0);
        assertTrue(acl.get("isDefault").isBoolean());
        JsonNode table = goSdk("/vpc/v2/", "getRouteTableList", "vpcNo", n.vpcNo()).get("routeTableList").get(0);
        assertTrue(table.get("isDefault").isBoolean());
        assertTrue(goSdk("/vpc/v2/", "getVpcList").get("totalRows").isInt());
    }

    @Test
    void theReadyNetworkIsAVpcWithASubnetPerZone() {
        Response made = given().contentType("application/json").body("{\"provider\": \"ncp\"}").post("/_cloudmock/networks");
        made.then().statusCode(201);
        List<String> kinds = made.jsonPath().getList("resources.kind");
        assertEquals(List.of("vpc", "network-acl", "acg", "route-table", "route-table", "subnet", "subnet"), kinds);
        vpcNet("getSubnetList").then().body("getSubnetListResponse.subnetList.zoneCode", equalTo(List.of("KR-1", "KR-2")))
                .body("getSubnetListResponse.subnetList.subnet", equalTo(List.of("10.0.1.0/24", "10.0.2.0/24")))
                .body("getSubnetListResponse.subnetList.subnetStatus.code", equalTo(List.of("RUN", "RUN")));
        vpcNet("getVpcList").then().body("getVpcListResponse.vpcList[0].vpcStatus.code", equalTo("RUN"))
                .body("getVpcListResponse.vpcList[0].ipv4CidrBlock", equalTo("10.0.0.0/16"));
        // every kind is listed through the control API
        given().get("/_cloudmock/resources?provider=ncp&kind=subnet").then().statusCode(200)
                .body("resources.size()", equalTo(2));
        assertFalse(vpcNet("getVpcList").asString().contains("cloudmockReadyNetwork"));
    }
}
