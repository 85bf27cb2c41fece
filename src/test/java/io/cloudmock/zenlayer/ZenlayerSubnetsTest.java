package io.cloudmock.zenlayer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** CreateSubnet, DescribeSubnets, ModifySubnetsAttribute, DeleteSubnet (network reference section 3). */
class ZenlayerSubnetsTest extends ZenlayerTestBase {

    static String create(String zone, String cidr, String name) {
        return ok("CreateSubnet", "{\"zoneId\":\"" + zone + "\",\"cidrBlock\":\"" + cidr + "\",\"subnetName\":\"" + name + "\"}")
                .extract().path("response.subnetId");
    }

    @Test
    void createIsCreatingThenAvailableAndRendersEverySubnetInfoFieldWithItsType() {
        String id = ok("CreateSubnet", V2023, "{\"zoneId\":\"SEL-A\",\"cidrBlock\":\"10.0.10.0/24\",\"subnetName\":\"Terraform-Subnet\","
                + "\"subnetDescription\":\"web tier\"}").body("response.size()", equalTo(2)).extract().path("response.subnetId");
        assertEquals(true, id.matches("[0-9]+"));
        ok("DescribeSubnets", "{\"subnetIds\":[\"" + id + "\"]}").body("response.dataSet[0].subnetStatus", equalTo("Creating"));
        advance(2);
        String body = ok("DescribeSubnets", "{\"subnetIds\":[\"" + id + "\"]}").body("response.totalCount", equalTo(1)).extract().asString();
        Map<String, Object> s = io.restassured.path.json.JsonPath.from(body).getMap("response.dataSet[0]");
        assertEquals(List.of("subnetId", "zoneId", "subnetName", "subnetStatus", "cidrBlockList", "usageIpCount", "totalIpCount",
                "createTime", "instanceIdList", "subnetDescription", "cidrBlock", "isDefault"), List.copyOf(s.keySet()));
        assertEquals("Available", s.get("subnetStatus"));
        assertEquals(List.of("10.0.10.0/24"), s.get("cidrBlockList"));
        assertEquals("10.0.10.0/24", s.get("cidrBlock"));
        assertEquals(0, s.get("usageIpCount"));
        assertEquals(253, s.get("totalIpCount"));
        assertEquals(List.of(), s.get("instanceIdList"));
        assertEquals("web tier", s.get("subnetDescription"));
        assertEquals(false, s.get("isDefault"));
        assertEquals(true, ((String) s.get("createTime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    }

    @Test
    void everyZoneHasAnUndeletableDefaultSubnet() {
        ok("DescribeSubnets", "{\"zoneId\":\"HKG-A\"}").body("response.totalCount", equalTo(1))
                .body("response.dataSet[0].subnetId", equalTo("subnet-default-hkg-a"))
                .body("response.dataSet[0].isDefault", equalTo(true))
                .body("response.dataSet[0].subnetStatus", equalTo("Available"));
        fails("DeleteSubnet", "{\"subnetId\":\"subnet-default-hkg-a\"}", 400, "OPERATION_DENIED_UNSUPPORTED_SUBNET");
        fails("ModifySubnetsAttribute", "{\"subnetIds\":[\"subnet-default-hkg-a\"],\"subnetName\":\"x\"}", 400, "OPERATION_DENIED_UNSUPPORTED_SUBNET");
    }

    @Test
    void cidrRules() {
        create("SEL-A", "10.0.0.0/20", "aa");
        fails("CreateSubnet", "{\"zoneId\":\"SEL-A\",\"cidrBlock\":\"10.0.1.0/24\",\"subnetName\":\"b\"}", 400, "INVALID_PARAMETER_LESS_LENGTH");
        fails("CreateSubnet", "{\"zoneId\":\"SEL-A\",\"cidrBlock\":\"10.0.1.0/24\",\"subnetName\":\"bb\"}", 400, "OPERATION_DENIED_SUBNET_CIDR_CONFLICT");
        // the same range in another zone is fine: subnets are zonal
        create("HKG-A", "10.0.1.0/24", "bb");
        fails("CreateSubnet", "{\"zoneId\":\"SEL-A\",\"cidrBlock\":\"10.0.20.1/24\",\"subnetName\":\"cc\"}", 400, "INVALID_PARAMETER_SUBNET_CIDR_BLOCK");
        fails("CreateSubnet", "{\"zoneId\":\"SEL-A\",\"cidrBlock\":\"10.0.20.0\",\"subnetName\":\"cc\"}", 400, "INVALID_PARAMETER_SUBNET_CIDR_BLOCK");
        fails("CreateSubnet", "{\"zoneId\":\"SEL-A\",\"cidrBlock\":\"10.1.0.0/24\",\"subnetName\":\"cc\"}", 400, "INVALID_PARAMETER_SUBNET_LAN_IP");
        fails("CreateSubnet", "{\"zoneId\":\"SEL-A\",\"cidrBlock\":\"8.8.8.0/24\",\"subnetName\":\"cc\"}", 400, "INVALID_PARAMETER_SUBNET_LAN_IP");
        fails("CreateSubnet", "{\"zoneId\":\"SEL-A\",\"cidrBlock\":\"192.168.0.0/30\",\"subnetName\":\"cc\"}", 400, "INVALID_PARAMETER_SUBNET_LAN_IP_NETMASK");
        fails("CreateSubnet", "{\"zoneId\":\"XXX-A\",\"cidrBlock\":\"192.168.0.0/24\",\"subnetName\":\"cc\"}", 404, "INVALID_ZONE_NOT_FOUND");
        fails("CreateSubnet", "{\"zoneId\":\"SEL-A\",\"cidrBlock\":\"192.168.0.0/24\",\"subnetName\":\"-cc\"}", 400, "INVALID_PARAMETER_PATTERN_ERROR");
        fails("CreateSubnet", "{\"zoneId\":\"SEL-A\",\"subnetName\":\"cc\"}", 400, "MISSING_PARAMETER");
        fails("CreateSubnet", "{\"zoneId\":\"SEL-A\",\"cidrBlock\":24,\"subnetName\":\"cc\"}", 400, "INVALID_PARAMETER_TYPE");
        // the failed calls made nothing: the two subnets and the six defaults
        ok("DescribeSubnets", "{}").body("response.totalCount", equalTo(8));
    }

    @Test
    void describeFiltersAndPages() {
        String a = create("SEL-A", "10.0.1.0/24", "web-1");
        String b = create("SEL-A", "172.16.5.0/24", "db-1");
        advance(2);
        ok("DescribeSubnets", "{\"zoneId\":\"SEL-A\",\"cidrBlock\":\"172.16\"}").body("response.dataSet.subnetId", contains(b));
        ok("DescribeSubnets", "{\"subnetName\":\"web\"}").body("response.dataSet.subnetId", contains(a));
        ok("DescribeSubnets", "{\"subnetIds\":[\"" + a + "\",\"nope\"]}").body("response.dataSet.subnetId", contains(a));
        ok("DescribeSubnets", "{\"subnetIds\":[\"nope\"]}").body("response.totalCount", equalTo(0)).body("response.dataSet", empty());
        ok("DescribeSubnets", "{\"subnetStatus\":\"Creating\"}").body("response.totalCount", equalTo(0));
        ok("DescribeSubnets", "{\"pageSize\":3,\"pageNum\":3}").body("response.totalCount", equalTo(8)).body("response.dataSet", hasSize(2));
        ok("DescribeSubnets", "{\"resourceGroupId\":\"x\",\"networkId\":\"y\",\"isCreateTimeDesc\":true,\"pageSize\":1}")
                .body("response.dataSet[0].subnetId", equalTo(b));
        fails("DescribeSubnets", "{\"pageSize\":1001}", 400, "INVALID_PARAMETER_EXCEED_MAXIMUM");
    }

    @Test
    void modifyIsAllOrNoneAndNotWhileCreating() {
        String a = create("SEL-A", "10.0.1.0/24", "one");
        fails("ModifySubnetsAttribute", "{\"subnetIds\":[\"" + a + "\"],\"subnetName\":\"two\"}", 400, "OPERATION_DENIED_UNSUPPORTED_SUBNET");
        advance(2);
        fails("ModifySubnetsAttribute", "{\"subnetIds\":[\"" + a + "\",\"nope\"],\"subnetName\":\"two\"}", 404, "INVALID_SUBNET_NOT_FOUND");
        ok("DescribeSubnets", "{\"subnetIds\":[\"" + a + "\"]}").body("response.dataSet[0].subnetName", equalTo("one"));
        ok("ModifySubnetsAttribute", "{\"subnetIds\":[\"" + a + "\"],\"subnetName\":\"two\"}").body("response.size()", equalTo(1));
        ok("DescribeSubnets", "{\"subnetIds\":[\"" + a + "\"]}").body("response.dataSet[0].subnetName", equalTo("two"));
        fails("ModifySubnetsAttribute", "{\"subnetIds\":[],\"subnetName\":\"two\"}", 400, "MISSING_PARAMETER");
    }

    @Test
    void instancesTakeAddressesFromTheSubnetWhichCannotBeDeletedUntilTheyAreReleased() {
        String s = create("SEL-A", "192.168.7.0/29", "tiny");
        fails("CreateInstances", createBody(1).replace("subnet-default-sel-a", s), 400, "OPERATION_DENIED_UNSUPPORTED_SUBNET");
        fails("DeleteSubnet", "{\"subnetId\":\"" + s + "\"}", 400, "UNSUPPORTED_OPERATION_SUBNET_STATUS_ERROR");
        advance(2);
        // a /29 has 8 addresses, 3 reserved: 5 instances fit, 6 do not
        fails("CreateInstances", createBody(6).replace("subnet-default-sel-a", s), 400, "INVALID_SUBNET_PRIVATE_IP_INSUFFICIENT");
        List<String> ids = ok("CreateInstances", createBody(2).replace("subnet-default-sel-a", s)).extract().path("response.instanceIdSet");
        ok("DescribeInstances", "{\"subnetId\":\"" + s + "\"}").body("response.dataSet.privateIpAddresses", contains(List.of("192.168.7.2"), List.of("192.168.7.3")));
        ok("DescribeSubnets", "{\"subnetIds\":[\"" + s + "\"]}").body("response.dataSet[0].usageIpCount", equalTo(2))
                .body("response.dataSet[0].totalIpCount", equalTo(5))
                .body("response.dataSet[0].instanceIdList", equalTo(ids));
        fails("DeleteSubnet", "{\"subnetId\":\"" + s + "\"}", 400, "UNSUPPORTED_OPERATION_SUBNET_HAS_PRE_PRODUCT_INSTANCE");
        advance(4);
        fails("DeleteSubnet", "{\"subnetId\":\"" + s + "\"}", 400, "UNSUPPORTED_OPERATION_SUBNET_HAS_INSTANCE");
        for (String id : ids) ok("TerminateInstance", "{\"instanceId\":\"" + id + "\"}");
        advance(2);
        // the recycle bin still holds them (and their addresses)
        fails("DeleteSubnet", "{\"subnetId\":\"" + s + "\"}", 400, "UNSUPPORTED_OPERATION_SUBNET_HAS_INSTANCE");
        ok("ReleaseInstances", ids(ids));
        advance(2);
        ok("DeleteSubnet", "{\"subnetId\":\"" + s + "\"}");
        ok("DescribeSubnets", "{\"subnetIds\":[\"" + s + "\"]}").body("response.totalCount", equalTo(0));
        fails("DeleteSubnet", "{\"subnetId\":\"" + s + "\"}", 404, "INVALID_SUBNET_NOT_FOUND");
    }

    @Test
    void createInstancesChecksTheSubnet() {
        String hkg = create("HKG-A", "10.0.1.0/24", "hk");
        advance(2);
        fails("CreateInstances", createBody(1).replace("subnet-default-sel-a", "nope"), 404, "INVALID_SUBNET_NOT_FOUND");
        fails("CreateInstances", createBody(1).replace("subnet-default-sel-a", hkg), 400, "INVALID_SUBNET_ZONE_MISMATCH");
        // no subnetId: the zone's default subnet
        String id = ok("CreateInstances", createBody(1).replace(",\"subnetId\":\"subnet-default-sel-a\"", "")).extract().path("response.instanceIdSet[0]");
        ok("DescribeSubnets", "{\"subnetIds\":[\"subnet-default-sel-a\"]}").body("response.dataSet[0].instanceIdList", hasItem(id));
        ok("DescribeInstances", "{}").body("response.totalCount", equalTo(1));
    }
}
