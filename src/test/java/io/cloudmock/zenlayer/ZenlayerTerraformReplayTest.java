package io.cloudmock.zenlayer;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calls terraform-provider-zenlayercloud's {@code zenlayercloud_zvm_instance} makes (vm 2023-03-13 client,
 * zrm 2025-10-14 for tags), in its order and with its bodies as the Go SDK marshals them, on the manual clock;
 * each answer is checked for what the provider reads from it. See docs/terraform-zenlayer.md.
 */
class ZenlayerTerraformReplayTest extends ZenlayerTestBase {
    /** vmInstanceIsOperating: the statuses the provider's read and delete loops wait through. */
    static final Set<String> OPERATING = Set.of("PENDING", "DEPLOYING", "STOPPING", "BOOTING", "RELEASING", "REBUILDING", "RECYCLING");

    static ValidatableResponse vm(String action, String body) { return ok(action, V2023, body); }

    static ValidatableResponse zrm(String body) {
        return zc("ModifyResourceTags", "2025-10-14").body(body).post("/api/v2/zrm").then().statusCode(200);
    }

    /** DescribeInstanceById: DescribeInstances with one id; the provider takes dataSet[0] or nil. */
    static ValidatableResponse byId(String id) { return vm("DescribeInstances", "{\"instanceIds\":[\"" + id + "\"]}"); }

    static String status(String id) { return byId(id).extract().path("response.dataSet[0].instanceStatus"); }

    /** The read function: retried while operating, then every field it sets, with a type Go can decode. */
    static ValidatableResponse read(String id) {
        String s = status(id);
        assertTrue(!OPERATING.contains(s), "read would still be waiting: " + s);
        String i = "response.dataSet[0].";
        return byId(id)
                .body(i + "zoneId", instanceOf(String.class))
                .body(i + "instanceChargeType", equalTo("POSTPAID"))
                .body(i + "instanceType", instanceOf(String.class))
                .body(i + "keyId", anyOf(nullValue(), instanceOf(String.class)))
                .body(i + "imageId", instanceOf(String.class))
                .body(i + "imageName", instanceOf(String.class))
                .body(i + "instanceName", instanceOf(String.class))
                .body(i + "internetChargeType", instanceOf(String.class))
                .body(i + "internetMaxBandwidthOut", instanceOf(Integer.class))
                .body(i + "subnetId", instanceOf(String.class))
                .body(i + "resourceGroupId", instanceOf(String.class))
                .body(i + "resourceGroupName", instanceOf(String.class))
                .body(i + "publicIpAddresses", everyItem(instanceOf(String.class)))
                .body(i + "publicIpAddresses", hasSize(1))
                .body(i + "privateIpAddresses", hasSize(1))
                .body(i + "instanceStatus", instanceOf(String.class))
                .body(i + "systemDisk.diskSize", instanceOf(Integer.class))
                .body(i + "createTime", instanceOf(String.class))
                .body(i + "expiredTime", nullValue())
                .body(i + "tags.tags", instanceOf(List.class));
    }

    static List<String> journal() {
        return given().get("/_cloudmock/requests").jsonPath().getList("requests.action");
    }

    @Test
    void createReadUpdateAndForceDelete() {
        String subnet = readySubnet("SEL-A");
        // --- create: CreateInstances, then the state-change wait (PENDING, DEPLOYING -> RUNNING), then read
        String id = vm("CreateInstances", "{\"zoneId\":\"SEL-A\",\"instanceChargeType\":\"POSTPAID\",\"instanceType\":\"c.1c2g\","
                + "\"imageId\":\"img-centos-79-x64\",\"instanceName\":\"web\",\"instanceCount\":1,\"password\":\"Example~123\","
                + "\"internetChargeType\":\"ByBandwidth\",\"subnetId\":\"" + subnet + "\",\"systemDisk\":{\"diskSize\":100},"
                + "\"tags\":{\"tags\":[{\"key\":\"group\",\"value\":\"web\"}]}}")
                .body("response.instanceIdSet", hasSize(1))
                .extract().path("response.instanceIdSet[0]");
        assertEquals("PENDING", status(id));
        advance(2);
        assertEquals("DEPLOYING", status(id));
        advance(2);
        assertEquals("RUNNING", status(id));
        read(id).body("response.dataSet[0].instanceName", equalTo("web"))
                .body("response.dataSet[0].imageId", equalTo("img-centos-79-x64"))
                .body("response.dataSet[0].systemDisk.diskSize", equalTo(100))
                .body("response.dataSet[0].internetMaxBandwidthOut", equalTo(1))
                .body("response.dataSet[0].resourceGroupName", equalTo("Default Resource Group"))
                .body("response.dataSet[0].tags.tags.key", contains("group"))
                .body("response.dataSet[0].tags.tags.value", contains("web"));

        // --- update, in the provider's order: name, resource group, bandwidth (+ wait), password, image, tags
        vm("ModifyInstancesAttribute", "{\"instanceIds\":[\"" + id + "\"],\"instanceName\":\"web-2\"}");
        vm("ModifyInstancesResourceGroup", "{\"instanceIds\":[\"" + id + "\"],\"resourceGroupId\":\"rg-2\"}");
        vm("ModifyInstanceBandwidth", "{\"instanceId\":\"" + id + "\",\"internetMaxBandwidthOut\":50}");
        // waitVmNetworkStatusOK: OK once modifiedBandwidthStatus is Enable and internetMaxBandwidthOut the target
        vm("DescribeInstanceInternetStatus", "{\"instanceId\":\"" + id + "\"}")
                .body("response.modifiedBandwidthStatus", equalTo("Enable"))
                .body("response.internetMaxBandwidthOut", equalTo(50));
        vm("ResetInstancesPassword", "{\"instanceIds\":[\"" + id + "\"],\"password\":\"Example~456\"}");
        // image change: stop (any error makes the provider skip the reset), wait for STOPPED, reset
        vm("StopInstances", "{\"instanceIds\":[\"" + id + "\"]}");
        assertEquals("STOPPING", status(id));
        advance(2);
        assertEquals("STOPPED", status(id));
        vm("ResetInstance", "{\"instanceId\":\"" + id + "\",\"imageId\":\"img-ubuntu-2204-x64\"}");
        zrm("{\"resourceUuid\":\"" + id + "\",\"replaceTags\":[{\"key\":\"group\",\"value\":\"api\"}]}");
        // the read at the end of update waits through REBUILDING
        assertEquals("REBUILDING", status(id));
        advance(2);
        read(id).body("response.dataSet[0].instanceStatus", equalTo("RUNNING"))
                .body("response.dataSet[0].instanceName", equalTo("web-2"))
                .body("response.dataSet[0].resourceGroupId", equalTo("rg-2"))
                .body("response.dataSet[0].internetMaxBandwidthOut", equalTo(50))
                .body("response.dataSet[0].imageId", equalTo("img-ubuntu-2204-x64"))
                .body("response.dataSet[0].imageName", equalTo("Ubuntu 22.04 64bit"))
                .body("response.dataSet[0].tags.tags.value", contains("api"));

        // --- delete with force_delete: terminate, wait for RECYCLE, release
        vm("TerminateInstance", "{\"instanceId\":\"" + id + "\"}");
        assertEquals("RECYCLING", status(id));
        advance(2);
        assertEquals("RECYCLE", status(id));
        vm("ReleaseInstances", "{\"instanceIds\":[\"" + id + "\"]}");
        advance(2);
        // gone: DescribeInstances has no dataSet[0] (nil instance: the resource is removed)
        byId(id).body("response.totalCount", equalTo(0)).body("response.dataSet", empty());

        assertEquals(List.of("CreateInstances", "DescribeInstances", "DescribeInstances", "DescribeInstances", "DescribeInstances",
                "DescribeInstances", "ModifyInstancesAttribute", "ModifyInstancesResourceGroup", "ModifyInstanceBandwidth",
                "DescribeInstanceInternetStatus", "ResetInstancesPassword", "StopInstances", "DescribeInstances",
                "DescribeInstances", "ResetInstance", "ModifyResourceTags", "DescribeInstances", "DescribeInstances",
                "DescribeInstances", "TerminateInstance", "DescribeInstances", "DescribeInstances", "ReleaseInstances",
                "DescribeInstances"), journal());
        List<Integer> statuses = given().get("/_cloudmock/requests").jsonPath().getList("requests.status");
        assertTrue(statuses.stream().allMatch(s -> s == 200), statuses.toString());
    }

    @Test
    void deleteWithoutForceLeavesItInTheRecycleBinAndRepeatsAreHarmless() {
        List<String> ids = running(1);
        String id = ids.get(0);
        vm("TerminateInstance", "{\"instanceId\":\"" + id + "\"}");
        advance(2);
        // a later read sees RECYCLE and drops the resource from the state
        assertEquals("RECYCLE", status(id));
        // a second destroy: DeleteInstance treats OPERATION_DENIED_INSTANCE_RECYCLED as done
        fails(call("TerminateInstance", V2023, "{\"instanceId\":\"" + id + "\"}"), 403, "OPERATION_DENIED_INSTANCE_RECYCLED");
        vm("ReleaseInstances", ids(ids));
        advance(2);
        // DestroyInstance ignores INVALID_INSTANCE_NOT_FOUND, the delete wait treats it (or an empty dataSet) as gone
        fails(call("ReleaseInstances", V2023, ids(ids)), 404, "INVALID_INSTANCE_NOT_FOUND");
        fails(call("TerminateInstance", V2023, "{\"instanceId\":\"" + id + "\"}"), 404, "INVALID_INSTANCE_NOT_FOUND");
    }

    @Test
    void keyPairInstanceImageChangeSendsTheKeyAgain() {
        String key = importKey("tf-key");
        String id = vm("CreateInstances", "{\"zoneId\":\"HKG-A\",\"instanceChargeType\":\"POSTPAID\",\"instanceType\":\"c.2c4g\","
                + "\"imageId\":\"img-debian-12-x64\",\"instanceName\":\"Terraform-Instance\",\"instanceCount\":1,\"keyId\":\"" + key + "\","
                + "\"internetChargeType\":\"ByTrafficPackage\",\"internetMaxBandwidthOut\":10,\"systemDisk\":{\"diskSize\":20}}")
                .extract().path("response.instanceIdSet[0]");
        advance(4);
        read(id).body("response.dataSet[0].keyId", equalTo(key));
        vm("StopInstances", "{\"instanceIds\":[\"" + id + "\"]}");
        advance(2);
        vm("ResetInstance", "{\"instanceId\":\"" + id + "\",\"imageId\":\"img-ubuntu-2004-x64\",\"keyId\":\"" + key + "\"}");
        advance(2);
        read(id).body("response.dataSet[0].imageId", equalTo("img-ubuntu-2004-x64"))
                .body("response.dataSet[0].keyId", equalTo(key))
                .body("response.dataSet[0].internetMaxBandwidthOut", equalTo(10));
    }
}
