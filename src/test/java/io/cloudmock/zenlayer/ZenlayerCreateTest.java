package io.cloudmock.zenlayer;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CreateInstances: responses per version, the InstanceInfo it produces, and every validation error. */
class ZenlayerCreateTest extends ZenlayerTestBase {
    static final String BASE = "\"zoneId\":\"SEL-A\",\"imageId\":\"img-ubuntu-2204-x64\",\"instanceType\":\"c.1c2g\","
            + "\"instanceChargeType\":\"POSTPAID\",\"internetChargeType\":\"ByBandwidth\",\"password\":\"Passw0rd!\"";

    static String with(String extra) { return "{" + BASE + (extra.isEmpty() ? "" : "," + extra) + "}"; }

    @Test
    void version2026AnswersInstanceIdSetOrderNumberAndInstances() {
        ok("CreateInstances", V2026, with("\"instanceCount\":2,\"dataDisks\":[{\"diskSize\":50,\"diskAmount\":2}]"))
                .body("response.instanceIdSet", hasSize(2))
                .body("response.instanceIdSet[0]", matchesPattern("[0-9]+"))
                .body("response.orderNumber", matchesPattern("[0-9]+"))
                .body("response.instances", hasSize(2))
                .body("response.instances[0].instanceId", equalTo(
                        ok("DescribeInstances", "{}").extract().path("response.dataSet[0].instanceId")))
                .body("response.instances[0].diskIdSet", hasSize(3));
    }

    @Test
    void version2023AnswersOnlyInstanceIdSetAndOrderNumber() {
        ok("CreateInstances", V2023, with(""))
                .body("response.instanceIdSet", hasSize(1))
                .body("response.orderNumber", instanceOf(String.class))
                .body("response", not(hasKey("instances")))
                .body("response.size()", equalTo(3));
    }

    @Test
    void describeRendersEveryInstanceInfoFieldWithExactTypes() {
        String sg = securityGroup("sg-1");
        String subnet = subnet("SEL-A", "10.0.9.0/24");
        String id = ok("CreateInstances", with("\"instanceName\":\"web\",\"internetMaxBandwidthOut\":10,"
                + "\"tags\":{\"tags\":[{\"key\":\"env\",\"value\":\"test\"}]},\"nic\":{\"wanName\":\"wan0\",\"lanName\":\"lan0\"},"
                + "\"systemDisk\":{\"diskSize\":40,\"diskCategory\":\"SSD\"},\"securityGroupId\":\"" + sg + "\",\"subnetId\":\"" + subnet + "\""))
                .extract().path("response.instanceIdSet[0]");
        String body = describe(id).body("response.totalCount", equalTo(1)).extract().asString();
        Map<String, Object> i = JsonPath.from(body).getMap("response.dataSet[0]");
        assertEquals(ZenlayerModel.FIELDS, List.copyOf(i.keySet()));
        assertEquals(id, i.get("instanceId"));
        assertEquals("SEL-A", i.get("zoneId"));
        assertEquals("web", i.get("instanceName"));
        assertEquals("c.1c2g", i.get("instanceType"));
        assertEquals(1, i.get("cpuCount"));
        assertEquals(2, i.get("memory"));
        assertEquals("img-ubuntu-2204-x64", i.get("imageId"));
        assertEquals("Ubuntu 22.04 64bit", i.get("imageName"));
        assertEquals("POSTPAID", i.get("instanceChargeType"));
        assertEquals(10, i.get("internetMaxBandwidthOut"));
        assertEquals("ByBandwidth", i.get("internetChargeType"));
        assertTrue(i.containsKey("period") && i.get("period") == null);
        assertEquals(1, ((List<?>) i.get("publicIpAddresses")).size());
        assertEquals(List.of(), i.get("publicIpv6Addresses"));
        // the first host after the network address and the gateway
        assertEquals(List.of("10.0.9.2"), i.get("privateIpAddresses"));
        assertEquals(subnet, i.get("subnetId"));
        assertTrue(((String) i.get("createTime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertTrue(i.containsKey("expiredTime") && i.get("expiredTime") == null);
        assertEquals("rg-default", i.get("resourceGroupId"));
        assertEquals("Default Resource Group", i.get("resourceGroupName"));
        assertEquals("PENDING", i.get("instanceStatus"));
        assertTrue(i.containsKey("trafficPackageSize") && i.get("trafficPackageSize") == null);
        assertEquals(List.of(sg), i.get("securityGroupIds"));
        Map<?, ?> sys = (Map<?, ?>) i.get("systemDisk");
        assertEquals(40, sys.get("diskSize"));
        assertEquals("SSD", sys.get("diskCategory"));
        assertTrue(sys.get("diskId") instanceof String);
        assertEquals(List.of(), i.get("dataDisks"));
        assertEquals(false, i.get("autoRenew"));
        assertTrue(i.containsKey("keyId") && i.get("keyId") == null);
        assertEquals(Map.of("wanName", "wan0", "lanName", "lan0"), i.get("nic"));
        assertEquals(Map.of("tags", List.of(Map.of("key", "env", "value", "test"))), i.get("tags"));
    }

    @Test
    void defaultsWhenOptionalFieldsAreOmitted() {
        String id = create(1).get(0);
        describe(id).body("response.dataSet[0].instanceName", equalTo("instance"))
                .body("response.dataSet[0].internetMaxBandwidthOut", equalTo(1))
                .body("response.dataSet[0].nic.wanName", equalTo("eth0"))
                .body("response.dataSet[0].nic.lanName", equalTo("eth1"))
                .body("response.dataSet[0].systemDisk.diskSize", equalTo(20))
                .body("response.dataSet[0].systemDisk.diskCategory", equalTo("STANDARD"))
                .body("response.dataSet[0].tags.tags", hasSize(0));
    }

    @Test
    void prepaidHasPeriodAndExpiredTimeAndNeedsAPeriod() {
        String key = importKey("key-1");
        String id = ok("CreateInstances", "{\"zoneId\":\"HKG-A\",\"imageId\":\"img-ubuntu-2204-x64\",\"instanceType\":\"c.2c4g\","
                + "\"instanceChargeType\":\"PREPAID\",\"instanceChargePrepaid\":{\"period\":3},\"internetChargeType\":\"ByTrafficPackage\","
                + "\"trafficPackageSize\":1.5,\"keyId\":\"" + key + "\",\"enableIpv6\":true}").extract().path("response.instanceIdSet[0]");
        String body = describe(id).extract().asString();
        JsonPath j = JsonPath.from(body);
        assertEquals(3, j.getInt("response.dataSet[0].period"));
        java.time.Instant created = java.time.Instant.parse(j.getString("response.dataSet[0].createTime"));
        java.time.Instant expires = java.time.Instant.parse(j.getString("response.dataSet[0].expiredTime"));
        assertEquals(created.atZone(java.time.ZoneOffset.UTC).plusMonths(3).toInstant(), expires);
        assertEquals(1.5f, j.getFloat("response.dataSet[0].trafficPackageSize"));
        assertEquals(key, j.getString("response.dataSet[0].keyId"));
        assertEquals(2, j.getInt("response.dataSet[0].cpuCount"));
        assertEquals(1, j.getList("response.dataSet[0].publicIpv6Addresses").size());
        fails("CreateInstances", "{\"zoneId\":\"HKG-A\",\"imageId\":\"img-ubuntu-2204-x64\",\"instanceType\":\"c.2c4g\","
                + "\"instanceChargeType\":\"PREPAID\",\"internetChargeType\":\"ByBandwidth\",\"keyId\":\"k\"}", 400, "MISSING_PARAMETER")
                .body("message", containsString("instanceChargePrepaid.period"));
    }

    @Test
    void namePatternNumbersTheInstances() {
        ok("CreateInstances", with("\"instanceCount\":3,\"instanceName\":\"server_[3,3]\""));
        List<String> names = ok("DescribeInstances", "{}").extract().path("response.dataSet.instanceName");
        assertEquals(List.of("server003", "server004", "server005"), names);
        ok("CreateInstances", with("\"instanceCount\":2,\"instanceName\":\"db\""));
        assertEquals(2, ok("DescribeInstances", "{\"instanceName\":\"db\"}").extract().<Integer>path("response.totalCount"));
    }

    @Test
    void createsUpToOneHundredAtOnce() {
        ok("CreateInstances", with("\"instanceCount\":100")).body("response.instanceIdSet", hasSize(100));
        fails("CreateInstances", with("\"instanceCount\":101"), 400, "INVALID_PARAMETER_EXCEED_MAXIMUM");
        fails("CreateInstances", with("\"instanceCount\":0"), 400, "INVALID_PARAMETER_LESS_MINIMUM");
        ok("DescribeInstances", "{}").body("response.totalCount", equalTo(100));
    }

    @Test
    void missingRequiredParameters() {
        for (String field : List.of("zoneId", "imageId", "instanceType", "instanceChargeType", "internetChargeType")) {
            String body = with("").replaceAll("\"" + field + "\":\"[^\"]*\",?", "").replace(",}", "}");
            fails("CreateInstances", body, 400, "MISSING_PARAMETER").body("message", containsString(field));
        }
        fails("CreateInstances", with("").replace("\"SEL-A\"", "\"\""), 400, "MISSING_PARAMETER");
    }

    @Test
    void catalogueErrors() {
        fails("CreateInstances", with("").replace("SEL-A", "SEL--A"), 404, "INVALID_ZONE_NOT_FOUND")
                .body("message", equalTo("The specified zoneId `SEL--A` is not found"));
        fails("CreateInstances", with("").replace("img-ubuntu-2204-x64", "img-none"), 404, "INVALID_IMAGE_NOT_FOUND");
        fails("CreateInstances", with("").replace("c.1c2g", "c.99c"), 404, "INVALID_INSTANCE_TYPE_NOT_FOUND");
        fails("CreateInstances", with("").replace("\"ByBandwidth\"", "\"BandwidthCluster\"").replace("SEL-A", "FRA-A"), 403,
                "OPERATION_FILED_INTERNET_CHARGE_TYPE_NOT_SUPPORT");
        fails("CreateInstances", with("\"internetMaxBandwidthOut\":101"), 400, "INVALID_BANDWIDTH_VALUE_EXCEED_MAXIMUM");
        fails("CreateInstances", with("\"enableIpv6\":true").replace("SEL-A", "FRA-A"), 400, "INVALID_PARAMETER_VALUE");
    }

    @Test
    void valueErrors() {
        fails("CreateInstances", with("").replace("POSTPAID", "MONTHLY"), 400, "INVALID_PARAMETER_VALUE")
                .body("message", containsString("instanceChargeType"));
        fails("CreateInstances", with("").replace("\"ByBandwidth\"", "\"ByMagic\""), 400, "INVALID_PARAMETER_VALUE");
        fails("CreateInstances", with("\"systemDisk\":{\"diskCategory\":\"NVME\"}"), 400, "INVALID_PARAMETER_VALUE");
        fails("CreateInstances", with("\"networkMode\":\"Fast\""), 400, "INVALID_PARAMETER_VALUE");
        fails("CreateInstances", with("\"systemDisk\":{\"diskSize\":10}"), 400, "INVALID_PARAMETER_LESS_MINIMUM");
        fails("CreateInstances", with("\"internetMaxBandwidthOut\":-1"), 400, "INVALID_PARAMETER_LESS_MINIMUM");
        fails("CreateInstances", with("\"instanceChargePrepaid\":{\"period\":0}"), 400, "INVALID_PARAMETER_LESS_MINIMUM");
    }

    @Test
    void typeErrors() {
        fails("CreateInstances", with("\"instanceCount\":\"2\""), 400, "INVALID_PARAMETER_TYPE");
        fails("CreateInstances", with("\"tags\":[{\"key\":\"a\"}]"), 400, "INVALID_PARAMETER_TYPE")
                .body("message", containsString("tags"));
        fails("CreateInstances", with("\"dataDisks\":{\"diskSize\":20}"), 400, "INVALID_PARAMETER_TYPE");
        fails("CreateInstances", with("\"dataDisks\":[{\"diskSize\":\"big\"}]"), 400, "INVALID_PARAMETER_TYPE")
                .body("message", containsString("dataDisks[0].diskSize"));
        fails("CreateInstances", with("\"systemDisk\":20"), 400, "INVALID_PARAMETER_TYPE");
        fails("CreateInstances", with("\"enableIpv6\":\"yes\""), 400, "INVALID_PARAMETER_TYPE");
        fails("CreateInstances", with("\"trafficPackageSize\":\"1TB\""), 400, "INVALID_PARAMETER_TYPE");
        fails("CreateInstances", with("").replace("\"SEL-A\"", "[\"SEL-A\"]"), 400, "INVALID_PARAMETER_TYPE");
    }

    /**
     * 1e400 is valid JSON but no double: it used to be kept as Infinity and rendered as the string "Infinity",
     * which no SDK can read as trafficPackageSize (a float).
     */
    @Test
    void aNumberBeyondTheDoubleRangeIsRefusedNotStoredAsInfinity() {
        fails("CreateInstances", with("\"trafficPackageSize\":1e400").replace("ByBandwidth", "ByTrafficPackage"), 400,
                "INVALID_PARAMETER_EXCEED_MAXIMUM").body("message", containsString("trafficPackageSize"));
        ok("DescribeInstances", "{}").body("response.totalCount", equalTo(0));
    }

    /**
     * CreateInstances' tags are the resource tags zrm manages (key and value 1-64 characters, one value per key):
     * a 100-character key and a key given twice used to be stored as they came.
     */
    @Test
    void tagsFollowTheResourceTagRules() {
        fails("CreateInstances", with("\"tags\":{\"tags\":[{\"key\":\"" + "k".repeat(65) + "\",\"value\":\"v\"}]}"), 400,
                "INVALID_PARAMETER_EXCEED_LENGTH").body("message", containsString("tags.tags[0].key"));
        fails("CreateInstances", with("\"tags\":{\"tags\":[{\"key\":\"k\",\"value\":\"" + "v".repeat(65) + "\"}]}"), 400,
                "INVALID_PARAMETER_EXCEED_LENGTH").body("message", containsString("tags.tags[0].value"));
        fails("CreateInstances", with("\"tags\":{\"tags\":[{\"key\":\"a\",\"value\":\"1\"},{\"key\":\"a\",\"value\":\"2\"}]}"),
                400, "INVALID_PARAMETER_VALUE").body("message", containsString("tags.tags[1].key"));
        ok("DescribeInstances", "{}").body("response.totalCount", equalTo(0));
        ok("CreateInstances", with("\"tags\":{\"tags\":[{\"key\":\"" + "k".repeat(64) + "\",\"value\":\"" + "v".repeat(64) + "\"}]}"));
    }

    @Test
    void lengthAndPatternErrors() {
        fails("CreateInstances", with("\"instanceName\":\"" + "n".repeat(65) + "\""), 400, "INVALID_PARAMETER_EXCEED_LENGTH");
        fails("CreateInstances", with("\"instanceName\":\"bad name\""), 400, "INVALID_PARAMETER_PATTERN_ERROR");
        fails("CreateInstances", with("\"instanceName\":\"srv_[1,0]\""), 400, "INVALID_PARAMETER_PATTERN_ERROR");
        fails("CreateInstances", with("\"instanceName\":\"_[1,2]\""), 400, "INVALID_PARAMETER_PATTERN_ERROR");
        String eleven = "{\"diskSize\":20}" + ",{\"diskSize\":20}".repeat(10);
        fails("CreateInstances", with("\"dataDisks\":[" + eleven + "]"), 400, "INVALID_PARAMETER_EXCEED_LENGTH");
        fails("CreateInstances", with("\"dataDisks\":[{\"diskSize\":20,\"diskAmount\":6},{\"diskSize\":20,\"diskAmount\":5}]"), 400,
                "INVALID_PARAMETER_EXCEED_LENGTH");
        fails("CreateInstances", with("\"initScript\":\"" + "x".repeat(32 * 1024 + 1) + "\""), 400, "INVALID_PARAMETER_EXCEED_LENGTH");
        String tags = "{\"key\":\"k\",\"value\":\"v\"}" + ",{\"key\":\"k\",\"value\":\"v\"}".repeat(20);
        fails("CreateInstances", with("\"tags\":{\"tags\":[" + tags + "]}"), 400, "INVALID_PARAMETER_EXCEED_LENGTH");
    }

    @Test
    void loginAndNicErrors() {
        fails("CreateInstances", with("\"keyId\":\"k\""), 400, "INVALID_PARAMETER_INSTANCE_LOGIN_CONFLICT");
        fails("CreateInstances", with("").replace(",\"password\":\"Passw0rd!\"", ""), 400, "INVALID_PARAMETER_INSTANCE_LOGIN_CONFLICT");
        fails("CreateInstances", with("").replace("Passw0rd!", "short"), 400, "INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED");
        fails("CreateInstances", with("").replace("Passw0rd!", "Passw0rd is"), 400, "INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED");
        fails("CreateInstances", with("\"nic\":{\"wanName\":\"eth\"}"), 400, "INVALID_PARAMETER_NIC_NAME_MALFORMED");
        fails("CreateInstances", with("\"nic\":{\"wanName\":\"ETH0\"}"), 400, "INVALID_PARAMETER_NIC_NAME_MALFORMED");
        fails("CreateInstances", with("\"nic\":{\"wanName\":\"eth1\"}"), 400, "INVALID_PARAMETER_NIC_NAME_CONFLICT");
    }

    @Test
    void aRejectedCreateCreatesNothing() {
        fails("CreateInstances", with("\"instanceCount\":5,\"nic\":{\"wanName\":\"x\"}"), 400, "INVALID_PARAMETER_NIC_NAME_MALFORMED");
        ok("DescribeInstances", "{}").body("response.totalCount", equalTo(0)).body("response.dataSet", hasSize(0));
    }

    @Test
    void idsAreUniqueAcrossAccounts() {
        String a = zc("CreateInstances", V2026).header("Authorization", "Bearer a").body(createBody(1)).post("/api/v2/vm")
                .then().extract().path("response.instanceIdSet[0]");
        String b = create(1).get(0);
        org.junit.jupiter.api.Assertions.assertNotEquals(a, b);
        describe(b).body("response.dataSet[0].publicIpAddresses[0]", not(nullValue()));
    }
}
