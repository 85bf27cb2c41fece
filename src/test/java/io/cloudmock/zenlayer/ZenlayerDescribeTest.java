package io.cloudmock.zenlayer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** DescribeInstances filters and paging, DescribeInstancesStatus. */
class ZenlayerDescribeTest extends ZenlayerTestBase {

    /** The key pair each instance made by {@link #make} logs in with, by instance name. */
    private static final java.util.Map<String, String> KEYS = new java.util.HashMap<>();

    private static String make(String zone, String name, String extra) {
        KEYS.put(name, importKey("k-" + name));
        return ok("CreateInstances", "{\"zoneId\":\"" + zone + "\",\"imageId\":\"img-ubuntu-2204-x64\",\"instanceType\":\"c.1c2g\","
                + "\"instanceChargeType\":\"POSTPAID\",\"internetChargeType\":\"ByBandwidth\",\"keyId\":\"" + KEYS.get(name) + "\","
                + "\"instanceName\":\"" + name + "\"" + extra + "}").extract().path("response.instanceIdSet[0]");
    }

    @Test
    void emptyAccountHasNoInstances() {
        ok("DescribeInstances", "{}").body("response.totalCount", equalTo(0)).body("response.dataSet", hasSize(0));
        ok("DescribeInstancesStatus", "{}").body("response.totalCount", equalTo(0)).body("response.dataSet", hasSize(0));
    }

    /**
     * Instances made through the control API used to take fields of any JSON type, so "cpuCount":"2" reached
     * DescribeInstances as a string, which the Go SDK (int) and Java SDK (Integer) cannot read. A field of the
     * wrong type is a 400 naming it; right types (and null) still pass.
     */
    @Test
    void controlApiFieldsMustHaveTheWireTypes() {
        String[][] bad = {
                {"\"cpuCount\":\"2\"", "cpuCount"}, {"\"instanceName\":5", "instanceName"},
                {"\"publicIpAddresses\":\"1.2.3.4\"", "publicIpAddresses"}, {"\"publicIpAddresses\":[1]", "publicIpAddresses"},
                {"\"systemDisk\":\"big\"", "systemDisk"}, {"\"tags\":[]", "tags"}, {"\"autoRenew\":\"no\"", "autoRenew"},
                {"\"trafficPackageSize\":\"1TB\"", "trafficPackageSize"}, {"\"dataDisks\":[\"d\"]", "dataDisks"},
        };
        for (String[] b : bad) {
            given().contentType("application/json").body("{\"provider\":\"zenlayer\",\"fields\":{" + b[0] + "}}")
                    .post("/_cloudmock/instances").then().statusCode(400)
                    .body("error.code", equalTo("BAD_REQUEST"))
                    .body("error.message", org.hamcrest.Matchers.containsString(b[1]));
        }
        given().contentType("application/json").body("{\"provider\":\"zenlayer\",\"fields\":{\"cpuCount\":2,"
                        + "\"instanceName\":\"n\",\"keyId\":null,\"trafficPackageSize\":1,\"publicIpAddresses\":[\"1.2.3.4\"],"
                        + "\"tags\":{\"tags\":[]},\"autoRenew\":true,\"period\":null}}")
                .post("/_cloudmock/instances").then().statusCode(201);
        ok("DescribeInstances", "{}").body("response.totalCount", equalTo(1))
                .body("response.dataSet[0].cpuCount", equalTo(2))
                .body("response.dataSet[0].instanceName", equalTo("n"));
    }

    @Test
    void unknownIdsGiveAnEmptyDataSet() {
        create(1);
        ok("DescribeInstances", ids(List.of("123", "456"))).body("response.totalCount", equalTo(0)).body("response.dataSet", hasSize(0));
        ok("DescribeInstancesStatus", ids(List.of("123"))).body("response.totalCount", equalTo(0));
    }

    @Test
    void filtersByEveryField() {
        String subnetA = subnet("SEL-A", "10.0.1.0/24");
        String sgA = securityGroup("sg-a");
        String a = make("SEL-A", "web-a", ",\"subnetId\":\"" + subnetA + "\",\"securityGroupId\":\"" + sgA + "\",\"resourceGroupId\":\"rg-a\","
                + "\"tags\":{\"tags\":[{\"key\":\"env\",\"value\":\"prod\"},{\"key\":\"team\",\"value\":\"x\"}]}");
        String b = make("HKG-A", "web-b", ",\"tags\":{\"tags\":[{\"key\":\"env\",\"value\":\"dev\"}]}");
        String c = make("HKG-A", "db-c", "");
        advance(4);
        ok("StopInstances", ids(List.of(b)));
        advance(2);
        assertIds("{\"zoneId\":\"HKG-A\"}", b, c);
        assertIds("{\"instanceIds\":[\"" + a + "\",\"" + c + "\",\"nope\"]}", a, c);
        assertIds("{\"instanceStatus\":\"STOPPED\"}", b);
        assertIds("{\"instanceName\":\"web-a\"}", a);
        assertIds("{\"instanceName\":\"web\"}");
        assertIds("{\"instanceName\":\"web*\"}", a, b);
        assertIds("{\"instanceName\":\"-b*\"}", b);
        assertIds("{\"keyId\":\"" + KEYS.get("db-c") + "\"}", c);
        assertIds("{\"subnetId\":\"" + subnetA + "\"}", a);
        assertIds("{\"securityGroupId\":\"" + sgA + "\"}", a);
        assertIds("{\"securityGroupId\":\"sg-default\"}", b, c);
        assertIds("{\"resourceGroupId\":\"rg-a\"}", a);
        assertIds("{\"imageId\":\"img-ubuntu-2204-x64\"}", a, b, c);
        assertIds("{\"imageId\":\"img-debian-12-x64\"}");
        assertIds("{\"instanceType\":\"c.1c2g\"}", a, b, c);
        assertIds("{\"internetChargeType\":\"ByBandwidth\"}", a, b, c);
        assertIds("{\"internetChargeType\":\"ByTrafficPackage\"}");
        assertIds("{\"tagKeys\":[\"env\"]}", a, b);
        assertIds("{\"tagKeys\":[\"env\",\"team\"]}", a);
        assertIds("{\"tags\":[{\"key\":\"env\",\"value\":\"dev\"}]}", b);
        assertIds("{\"tags\":[{\"key\":\"env\"}]}", a, b);
        assertIds("{\"zoneId\":\"HKG-A\",\"instanceStatus\":\"RUNNING\"}", c);
        String ip = describe(a).extract().path("response.dataSet[0].publicIpAddresses[0]");
        String lan = describe(c).extract().path("response.dataSet[0].privateIpAddresses[0]");
        assertIds("{\"publicIpAddresses\":[\"" + ip + "\"]}", a);
        assertIds("{\"privateIpAddresses\":[\"" + lan + "\"]}", c);
    }

    private static void assertIds(String filter, String... expected) {
        List<String> got = ok("DescribeInstances", filter).body("response.totalCount", equalTo(expected.length))
                .extract().path("response.dataSet.instanceId");
        assertEquals(List.of(expected), got, filter);
    }

    @Test
    void filterValuesAreChecked() {
        fails("DescribeInstances", "{\"instanceStatus\":\"ACTIVE\"}", 400, "INVALID_PARAMETER_VALUE");
        fails("DescribeInstances", "{\"internetChargeType\":\"Free\"}", 400, "INVALID_PARAMETER_VALUE");
        fails("DescribeInstances", "{\"tags\":[{\"value\":\"x\"}]}", 400, "MISSING_PARAMETER");
        fails("DescribeInstances", "{\"tags\":{\"tags\":[]}}", 400, "INVALID_PARAMETER_TYPE");
        fails("DescribeInstances", "{\"tagKeys\":[" + "\"k\",".repeat(20) + "\"k\"]}", 400, "INVALID_PARAMETER_EXCEED_LENGTH");
    }

    @Test
    void pagesDefaultToTwentyFromPageOne() {
        List<String> ids = create(25);
        ok("DescribeInstances", "{}").body("response.totalCount", equalTo(25)).body("response.dataSet", hasSize(20))
                .body("response.dataSet[0].instanceId", equalTo(ids.get(0)));
        ok("DescribeInstances", "{\"pageNum\":2}").body("response.totalCount", equalTo(25)).body("response.dataSet", hasSize(5))
                .body("response.dataSet[0].instanceId", equalTo(ids.get(20)));
        ok("DescribeInstances", "{\"pageNum\":3}").body("response.totalCount", equalTo(25)).body("response.dataSet", hasSize(0));
        ok("DescribeInstances", "{\"pageSize\":10,\"pageNum\":3}").body("response.dataSet", hasSize(5))
                .body("response.dataSet.instanceId", contains(ids.subList(20, 25).toArray()));
        ok("DescribeInstances", "{\"pageSize\":1000}").body("response.dataSet", hasSize(25));
        ok("DescribeInstancesStatus", "{\"pageSize\":7,\"pageNum\":4}").body("response.totalCount", equalTo(25))
                .body("response.dataSet", hasSize(4)).body("response.dataSet[0].instanceId", equalTo(ids.get(21)))
                .body("response.dataSet[0].instanceStatus", equalTo("PENDING"));
        ok("DescribeInstancesStatus", "{}").body("response.dataSet", hasSize(20));
    }

    @Test
    void pagingLimits() {
        for (String action : List.of("DescribeInstances", "DescribeInstancesStatus", "DescribeImages")) {
            fails(action, "{\"pageSize\":1001}", 400, "INVALID_PARAMETER_EXCEED_MAXIMUM");
            fails(action, "{\"pageSize\":0}", 400, "INVALID_PARAMETER_LESS_MINIMUM");
            fails(action, "{\"pageNum\":0}", 400, "INVALID_PARAMETER_LESS_MINIMUM");
            fails(action, "{\"pageNum\":\"1\"}", 400, "INVALID_PARAMETER_TYPE");
            // integers beyond 32 bits are still integers: over the maximum / under the minimum, not a wrong type
            fails(action, "{\"pageSize\":3000000000}", 400, "INVALID_PARAMETER_EXCEED_MAXIMUM")
                    .body("message", org.hamcrest.Matchers.containsString("1000"));
            fails(action, "{\"pageNum\":-3000000000}", 400, "INVALID_PARAMETER_LESS_MINIMUM");
        }
    }

    @Test
    void statusDataSetHasOnlyIdAndStatus() {
        String id = create(1).get(0);
        ok("DescribeInstancesStatus", ids(List.of(id))).body("response.totalCount", equalTo(1))
                .body("response.dataSet[0].size()", equalTo(2))
                .body("response.dataSet[0].instanceId", equalTo(id))
                .body("response.dataSet[0].instanceStatus", equalTo("PENDING"));
        ok("DescribeInstancesStatus", V2023, ids(List.of(id))).body("response.dataSet[0].instanceStatus", equalTo("PENDING"));
    }
}
