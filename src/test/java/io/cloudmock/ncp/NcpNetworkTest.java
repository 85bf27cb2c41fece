package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lookups Terraform's ncloud_server makes besides the server actions: vpc/v2 getSubnetDetail and vserver/v2
 * getAccessControlGroupList, getNetworkInterfaceDetail, getBlockStorageInstanceList/Detail. Each is a view of the
 * account's VPC servers, so the tests check it agrees with them.
 */
class NcpNetworkTest extends NcpApi {

    private static String nicOf(String serverNo) {
        return detail(serverNo).getString("networkInterfaceNoList[0]");
    }

    // ---- getSubnetDetail

    @Test
    void aSubnetNoServerUsesIsInTheDefaultVpcAndFirstZone() {
        Response r = vpcNet("getSubnetDetail", "subnetNo", "20");
        r.then().statusCode(200).contentType(startsWith("application/json"))
                .body("getSubnetDetailResponse.totalRows", equalTo(1))
                .body("getSubnetDetailResponse.returnCode", equalTo("0"))
                .body("getSubnetDetailResponse.subnetList[0].subnetNo", equalTo("20"))
                .body("getSubnetDetailResponse.subnetList[0].vpcNo", equalTo("1"))
                .body("getSubnetDetailResponse.subnetList[0].zoneCode", equalTo("KR-1"))
                .body("getSubnetDetailResponse.subnetList[0].subnet", equalTo("10.0.20.0/24"))
                .body("getSubnetDetailResponse.subnetList[0].subnetStatus.code", equalTo("RUN"))
                .body("getSubnetDetailResponse.subnetList[0].subnetType.code", equalTo("PUBLIC"))
                .body("getSubnetDetailResponse.subnetList[0].usageType.code", equalTo("GEN"))
                .body("getSubnetDetailResponse.subnetList[0].networkAclNo", equalTo("2000001"));
        JsonNode subnet = goSdkCut(r.asString()).get("subnetList").get(0);
        List<String> keys = new java.util.ArrayList<>();
        subnet.fieldNames().forEachRemaining(keys::add);
        // the Go SDK's vpc.Subnet, field by field
        assertEquals(List.of("subnetNo", "vpcNo", "zoneCode", "subnetName", "subnet", "subnetStatus", "createDate",
                "subnetType", "usageType", "networkAclNo"), keys);
        assertTrue(subnet.get("createDate").textValue().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0900"));
    }

    @Test
    void aSubnetServersUseIsInTheirVpc() {
        createVpc("vpcNo", "77", "subnetNo", "300");
        vpcNet("getSubnetDetail", "subnetNo", "300").then().statusCode(200)
                .body("getSubnetDetailResponse.subnetList[0].vpcNo", equalTo("77"))
                .body("getSubnetDetailResponse.subnetList[0].subnet", equalTo("10.1.44.0/24"))
                .body("getSubnetDetailResponse.subnetList[0].networkAclNo", equalTo("2000077"));
    }

    @Test
    void subnetDetailInXmlAsTheDocumentedSample() {
        Response r = vpcNetXml("getSubnetDetail", "subnetNo", "43");
        r.then().statusCode(200).contentType(startsWith("application/xml"));
        String body = r.asString();
        assertTrue(body.startsWith("<getSubnetDetailResponse>\n  <requestId>"), body);
        assertTrue(body.contains("<returnCode>0</returnCode>\n  <returnMessage>success</returnMessage>\n"
                + "  <totalRows>1</totalRows>\n  <subnetList>\n    <subnet>\n      <subnetNo>43</subnetNo>\n"
                + "      <vpcNo>1</vpcNo>\n      <zoneCode>KR-1</zoneCode>\n      <subnetName>subnet-43</subnetName>\n"
                + "      <subnet>10.0.43.0/24</subnet>\n      <subnetStatus>\n        <code>RUN</code>\n"
                + "        <codeName>run</codeName>\n      </subnetStatus>"), body);
        assertTrue(body.endsWith("</subnet>\n  </subnetList>\n</getSubnetDetailResponse>"), body);
    }

    @Test
    void subnetDetailRefusesAMissingOrNonNumericSubnet() {
        vpcNet("getSubnetDetail").then().statusCode(400).contentType(startsWith("application/json"))
                .body("responseError.returnCode", equalTo("900"))
                .body("responseError.returnMessage", equalTo("Required field is not specified. location : subnetNo."));
        vpcNetXml("getSubnetDetail", "subnetNo", "abc").then().statusCode(400).contentType(startsWith("application/xml"))
                .body("responseError.returnCode", equalTo("900"));
        vpcNet("getSubnetDetail", "subnetNo", "1", "regionCode", "XX").then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"));
    }

    @Test
    void theVpcApiAnswersTheGatewaysNotFoundForAnythingElse() {
        vpcNet("getVpcList").then().statusCode(404)
                .body("error.errorCode", equalTo("300"))
                .body("error.details", equalTo(
                        "URL not found. cloudmock does not implement the action 'getVpcList' of /vpc/v2 (see docs/coverage.md)."));
        given().get("/vpc/v2?responseFormatType=json").then().statusCode(404).body("error.errorCode", equalTo("300"));
        // the Go SDK asks for JSON in its form body
        given().contentType("application/x-www-form-urlencoded").body("responseFormatType=json&regionCode=KR")
                .post("/vpc/v2/getVpcList").then().statusCode(404).contentType(startsWith("application/json"))
                .body("error.errorCode", equalTo("300"));
        given().put("/vpc/v2/getSubnetDetail?responseFormatType=json").then().statusCode(404)
                .body("error.errorCode", equalTo("300"));
    }

    @Test
    void theVpcApiSeesTheServersOfTheCallersAccountOnly() {
        Response created = as("team-a").queryParams(params("serverImageProductCode", UBUNTU, "vpcNo", "55",
                "subnetNo", "500", "networkInterfaceList.1.networkInterfaceOrder", "0",
                "networkInterfaceList.1.accessControlGroupNoList.1", "1000055", "responseFormatType", "json"))
                .get("/vserver/v2/createServerInstances");
        assertEquals(200, created.statusCode(), created.asString());
        as("team-a").queryParams(params("subnetNo", "500", "responseFormatType", "json")).get("/vpc/v2/getSubnetDetail")
                .then().body("getSubnetDetailResponse.subnetList[0].vpcNo", equalTo("55"));
        vpcNet("getSubnetDetail", "subnetNo", "500").then().body("getSubnetDetailResponse.subnetList[0].vpcNo", equalTo("1"));
    }

    // ---- getAccessControlGroupList

    @Test
    void everyVpcHasOneDefaultAcg() {
        Response r = vpc("getAccessControlGroupList", "vpcNo", "10");
        r.then().statusCode(200)
                .body("getAccessControlGroupListResponse.totalRows", equalTo(1))
                .body("getAccessControlGroupListResponse.accessControlGroupList[0].accessControlGroupNo", equalTo("1000010"))
                .body("getAccessControlGroupListResponse.accessControlGroupList[0].accessControlGroupName",
                        equalTo("vpc-10-default-acg"))
                .body("getAccessControlGroupListResponse.accessControlGroupList[0].isDefault", equalTo(true))
                .body("getAccessControlGroupListResponse.accessControlGroupList[0].vpcNo", equalTo("10"))
                .body("getAccessControlGroupListResponse.accessControlGroupList[0].accessControlGroupStatus.code", equalTo("RUN"))
                .body("getAccessControlGroupListResponse.accessControlGroupList[0].accessControlGroupDescription",
                        equalTo("Default AccessControlGroup"));
        JsonNode acg = goSdkCut(r.asString()).get("accessControlGroupList").get(0);
        List<String> keys = new java.util.ArrayList<>();
        acg.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("accessControlGroupNo", "accessControlGroupName", "isDefault", "vpcNo",
                "accessControlGroupStatus", "accessControlGroupDescription"), keys);
    }

    @Test
    void theAcgsServersWereCreatedWithAreListedInTheirVpc() {
        createVpc(); // vpc 10, ACG 30 on its interface
        Response r = vpc("getAccessControlGroupList");
        r.then().statusCode(200)
                .body("getAccessControlGroupListResponse.totalRows", equalTo(3))
                .body("getAccessControlGroupListResponse.accessControlGroupList.accessControlGroupNo",
                        equalTo(List.of("30", "1000001", "1000010")))
                .body("getAccessControlGroupListResponse.accessControlGroupList.isDefault", equalTo(List.of(false, true, true)))
                .body("getAccessControlGroupListResponse.accessControlGroupList.vpcNo", equalTo(List.of("10", "1", "10")));
        vpc("getAccessControlGroupList", "vpcNo", "10", "accessControlGroupNoList.1", "30").then()
                .body("getAccessControlGroupListResponse.totalRows", equalTo(1))
                .body("getAccessControlGroupListResponse.accessControlGroupList[0].accessControlGroupName", equalTo("acg-30"));
        vpc("getAccessControlGroupList", "accessControlGroupName", "vpc-1-default-acg").then()
                .body("getAccessControlGroupListResponse.accessControlGroupList.accessControlGroupNo", equalTo(List.of("1000001")));
        vpc("getAccessControlGroupList", "pageNo", "2", "pageSize", "2").then()
                .body("getAccessControlGroupListResponse.totalRows", equalTo(3))
                .body("getAccessControlGroupListResponse.accessControlGroupList.accessControlGroupNo", equalTo(List.of("1000010")));
        vpc("getAccessControlGroupList", "accessControlGroupStatusCode", "INIT").then()
                .body("getAccessControlGroupListResponse.totalRows", equalTo(0));
    }

    @Test
    void acgNumbersAreOrderedNumericallyAndNoneIsLost() {
        createVpc("networkInterfaceList.1.accessControlGroupNoList.1", "y");
        createVpc("networkInterfaceList.1.accessControlGroupNoList.1", "x");
        createVpc("networkInterfaceList.1.accessControlGroupNoList.1", "900");
        vpc("getAccessControlGroupList", "vpcNo", "10").then()
                .body("getAccessControlGroupListResponse.accessControlGroupList.accessControlGroupNo",
                        equalTo(List.of("900", "1000010", "x", "y")));
    }

    @Test
    void acgListInXml() {
        Response r = vpcXml("getAccessControlGroupList", "vpcNo", "4");
        r.then().statusCode(200).contentType(startsWith("application/xml"));
        assertTrue(r.asString().contains("<totalRows>1</totalRows>\n  <accessControlGroupList>\n    <accessControlGroup>\n"
                + "      <accessControlGroupNo>1000004</accessControlGroupNo>\n"
                + "      <accessControlGroupName>vpc-4-default-acg</accessControlGroupName>\n"
                + "      <isDefault>true</isDefault>\n      <vpcNo>4</vpcNo>\n"), r.asString());
    }

    @Test
    void acgListRefusesBadFilters() {
        vpc("getAccessControlGroupList", "accessControlGroupStatusCode", "BAD").then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"));
        vpc("getAccessControlGroupList", "vpcNo", "ten").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        vpc("getAccessControlGroupList", "accessControlGroupNoList.1", "5", "accessControlGroupNoList.2", "5").then()
                .statusCode(400).body("responseError.returnCode", equalTo("900"));
    }

    // ---- getNetworkInterfaceDetail

    @Test
    void aServersInterfaceIsDescribed() {
        String id = createVpc("serverName", "nic-host");
        String nic = nicOf(id);
        Response r = vpc("getNetworkInterfaceDetail", "networkInterfaceNo", nic);
        r.then().statusCode(200)
                .body("getNetworkInterfaceDetailResponse.totalRows", equalTo(1))
                .body("getNetworkInterfaceDetailResponse.networkInterfaceList[0].networkInterfaceNo", equalTo(nic))
                .body("getNetworkInterfaceDetailResponse.networkInterfaceList[0].subnetNo", equalTo("20"))
                .body("getNetworkInterfaceDetailResponse.networkInterfaceList[0].deleteOnTermination", equalTo(true))
                .body("getNetworkInterfaceDetailResponse.networkInterfaceList[0].isDefault", equalTo(true))
                .body("getNetworkInterfaceDetailResponse.networkInterfaceList[0].deviceName", equalTo("eth0"))
                .body("getNetworkInterfaceDetailResponse.networkInterfaceList[0].networkInterfaceStatus.code", equalTo("USED"))
                .body("getNetworkInterfaceDetailResponse.networkInterfaceList[0].instanceType.code", equalTo("VSVR"))
                .body("getNetworkInterfaceDetailResponse.networkInterfaceList[0].instanceNo", equalTo(id))
                .body("getNetworkInterfaceDetailResponse.networkInterfaceList[0].accessControlGroupNoList", equalTo(List.of("30")))
                .body("getNetworkInterfaceDetailResponse.networkInterfaceList[0].secondaryIpList", equalTo(List.of()));
        JsonNode n = goSdkCut(r.asString()).get("networkInterfaceList").get(0);
        assertTrue(n.get("ip").textValue().startsWith("10.0.20."), n.toString());
        assertTrue(n.get("macAddress").textValue().matches("([0-9A-F]{2}:){5}[0-9A-F]{2}"), n.toString());
        List<String> keys = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("networkInterfaceNo", "networkInterfaceName", "subnetNo", "deleteOnTermination", "isDefault",
                "deviceName", "networkInterfaceStatus", "instanceType", "instanceNo", "ip", "macAddress",
                "accessControlGroupNoList", "networkInterfaceDescription", "secondaryIpList"), keys);
    }

    @Test
    void interfacesKeepTheirOrderAclsAndAskedForIp() {
        Response created = vpc("createServerInstances", "serverImageProductCode", UBUNTU, "vpcNo", "10", "subnetNo", "20",
                "networkInterfaceList.1.networkInterfaceOrder", "0", "networkInterfaceList.1.accessControlGroupNoList.1", "30",
                "networkInterfaceList.1.ip", "10.0.20.50",
                "networkInterfaceList.2.networkInterfaceOrder", "1", "networkInterfaceList.2.accessControlGroupNoList.1", "31",
                "networkInterfaceList.2.accessControlGroupNoList.2", "32");
        List<String> nics = created.jsonPath().getList("createServerInstancesResponse.serverInstanceList[0].networkInterfaceNoList");
        assertEquals(2, nics.size());
        vpc("getNetworkInterfaceDetail", "networkInterfaceNo", nics.get(0)).then()
                .body("getNetworkInterfaceDetailResponse.networkInterfaceList[0].ip", equalTo("10.0.20.50"));
        vpc("getNetworkInterfaceDetail", "networkInterfaceNo", nics.get(1)).then()
                .body("getNetworkInterfaceDetailResponse.networkInterfaceList[0].deviceName", equalTo("eth1"))
                .body("getNetworkInterfaceDetailResponse.networkInterfaceList[0].isDefault", equalTo(false))
                .body("getNetworkInterfaceDetailResponse.networkInterfaceList[0].accessControlGroupNoList",
                        equalTo(List.of("31", "32")));
    }

    @Test
    void aServerWithoutKeptInterfacesHasOneInterfacePerNumberInOrder() {
        // servers made other than by createServerInstances (control API, state import) list only the numbers
        io.cloudmock.core.Resource server = new io.cloudmock.core.Resource("ncp", "server", "default", "10000009", "RUN",
                java.time.Instant.EPOCH, new java.util.HashMap<>(java.util.Map.of("vpcNo", "8", "subnetNo", "80",
                "networkInterfaceNoList", List.of("4000001", "4000002"))));
        List<java.util.Map<String, Object>> nics = NcpNetworkActions.nics(server);
        assertEquals(2, nics.size());
        assertEquals("4000002", nics.get(1).get("networkInterfaceNo"));
        assertEquals(1, nics.get(1).get("networkInterfaceOrder"));
        assertEquals(List.of(), nics.get(0).get("accessControlGroupNoList"));
        assertEquals("", nics.get(0).get("ip"));
    }

    @Test
    void anUnknownInterfaceIsAnEmptyList() {
        vpc("getNetworkInterfaceDetail", "networkInterfaceNo", "999").then().statusCode(200)
                .body("getNetworkInterfaceDetailResponse.totalRows", equalTo(0))
                .body("getNetworkInterfaceDetailResponse.networkInterfaceList", equalTo(List.of()));
        vpc("getNetworkInterfaceDetail").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
    }

    @Test
    void interfaceDetailInXml() {
        String id = createVpc();
        String nic = nicOf(id);
        String body = vpcXml("getNetworkInterfaceDetail", "networkInterfaceNo", nic).then().statusCode(200)
                .contentType(startsWith("application/xml")).extract().asString();
        assertTrue(body.contains("<networkInterfaceList>\n    <networkInterface>\n      <networkInterfaceNo>" + nic
                + "</networkInterfaceNo>"), body);
        assertTrue(body.contains("<deviceName>eth0</deviceName>"), body);
        assertTrue(body.contains("<accessControlGroupNoList>\n        <accessControlGroupNo>30</accessControlGroupNo>\n"
                + "      </accessControlGroupNoList>"), body);
        assertTrue(body.contains("<secondaryIpList/>"), body);
        assertTrue(body.contains("<instanceNo>" + id + "</instanceNo>"), body);
    }

    @Test
    void aTerminatedServersInterfaceIsGone() {
        String id = stoppedVpc();
        String nic = nicOf(id);
        vpc("terminateServerInstances", "serverInstanceNoList.1", id).then().statusCode(200);
        vpc("getNetworkInterfaceDetail", "networkInterfaceNo", nic).then()
                .body("getNetworkInterfaceDetailResponse.totalRows", equalTo(1));
        advance(2);
        vpc("getNetworkInterfaceDetail", "networkInterfaceNo", nic).then()
                .body("getNetworkInterfaceDetailResponse.totalRows", equalTo(0));
    }

    // ---- getBlockStorageInstanceList / getBlockStorageInstanceDetail

    @Test
    void everyServerHasItsBasicStorageAttached() {
        String id = runningVpc();
        Response r = vpc("getBlockStorageInstanceList", "serverInstanceNo", id);
        r.then().statusCode(200)
                .body("getBlockStorageInstanceListResponse.totalRows", equalTo(1))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].serverInstanceNo", equalTo(id))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].blockStorageType.code", equalTo("BASIC"))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].blockStorageSize", equalTo(10737418240L))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].deviceName", equalTo("/dev/vda"))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].blockStorageInstanceStatus.code",
                        equalTo("ATTAC"))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].blockStorageInstanceOperation.code",
                        equalTo("NULL"))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].blockStorageInstanceStatusName",
                        equalTo("attached"))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].blockStorageDiskDetailType.code",
                        equalTo("SSD"))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].isEncryptedVolume", equalTo(false))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].hypervisorType.code", equalTo("KVM"));
        JsonNode bs = goSdkCut(r.asString()).get("blockStorageInstanceList").get(0);
        assertTrue(bs.get("blockStorageSize").isIntegralNumber());
        assertTrue(bs.get("maxIopsThroughput").isInt());
        String no = bs.get("blockStorageInstanceNo").textValue();
        assertEquals(Long.parseLong(id) + 50_000_000L, Long.parseLong(no));
        // Terraform's delete asks for additional storage only: there is none
        vpc("getBlockStorageInstanceList", "serverInstanceNo", id, "blockStorageTypeCodeList.1", "SVRBS").then()
                .statusCode(200).body("getBlockStorageInstanceListResponse.totalRows", equalTo(0));
        vpc("getBlockStorageInstanceDetail", "blockStorageInstanceNo", no).then().statusCode(200)
                .body("getBlockStorageInstanceDetailResponse.totalRows", equalTo(1))
                .body("getBlockStorageInstanceDetailResponse.blockStorageInstanceList[0].serverInstanceNo", equalTo(id));
    }

    @Test
    void blockStorageListFiltersAndRefusals() {
        String a = createVpc();
        String b = createVpc(); // two servers, two basic storages
        vpc("getBlockStorageInstanceList").then().body("getBlockStorageInstanceListResponse.totalRows", equalTo(2));
        vpc("getBlockStorageInstanceList", "pageNo", "2", "pageSize", "1").then()
                .body("getBlockStorageInstanceListResponse.totalRows", equalTo(2))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList.serverInstanceNo", equalTo(List.of(b)));
        vpc("getBlockStorageInstanceList", "blockStorageInstanceStatusCode", "CREAT").then()
                .body("getBlockStorageInstanceListResponse.totalRows", equalTo(0));
        vpc("getBlockStorageInstanceList", "blockStorageTypeCodeList.1", "OTHER").then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"));
        vpc("getBlockStorageInstanceDetail").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        vpc("getBlockStorageInstanceDetail", "blockStorageInstanceNo", a).then().statusCode(200)
                .body("getBlockStorageInstanceDetailResponse.totalRows", equalTo(0));
        vpc("getBlockStorageInstanceDetail", "blockStorageInstanceNo", "x").then().statusCode(200)
                .body("getBlockStorageInstanceDetailResponse.totalRows", equalTo(0));
    }

    @Test
    void blockStorageInXml() {
        String id = createVpc();
        String body = vpcXml("getBlockStorageInstanceList", "serverInstanceNo", id).then().statusCode(200)
                .contentType(startsWith("application/xml")).extract().asString();
        assertTrue(body.contains("<blockStorageInstanceList>\n    <blockStorageInstance>\n      <blockStorageInstanceNo>"), body);
        assertTrue(body.contains("<blockStorageType>\n        <code>BASIC</code>\n        <codeName>Basic BS</codeName>\n"
                + "      </blockStorageType>\n      <blockStorageSize>10737418240</blockStorageSize>"), body);
        assertFalse(body.contains("<?xml"), body);
    }

    @Test
    void newActionsAnswerTheGoSdksFormPost() {
        String id = runningVpc();
        String nic = nicOf(id);
        assertEquals("10", goSdk("/vpc/v2/", "getSubnetDetail", "regionCode", "KR", "subnetNo", "20")
                .get("subnetList").get(0).get("vpcNo").textValue());
        assertTrue(goSdk("/vserver/v2/", "getAccessControlGroupList", "regionCode", "KR", "vpcNo", "10")
                .get("accessControlGroupList").get(1).get("isDefault").booleanValue());
        assertEquals("eth0", goSdk("/vserver/v2/", "getNetworkInterfaceDetail", "regionCode", "KR", "networkInterfaceNo", nic)
                .get("networkInterfaceList").get(0).get("deviceName").textValue());
        assertEquals("BASIC", goSdk("/vserver/v2/", "getBlockStorageInstanceList", "regionCode", "KR", "serverInstanceNo", id)
                .get("blockStorageInstanceList").get(0).get("blockStorageType").get("code").textValue());
    }
}
