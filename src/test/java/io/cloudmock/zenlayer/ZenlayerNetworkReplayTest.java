package io.cloudmock.zenlayer;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calls terraform-provider-zenlayercloud makes for a configuration of {@code zenlayercloud_key_pair} (CCS),
 * {@code zvm_subnet}, {@code zvm_security_group} with a {@code _rule} and an {@code _attachment}, {@code zvm_instance},
 * {@code zvm_disk} and a {@code zvm_disk_attachment} (vm 2023-03-13 client): apply, an update of every updatable
 * attribute, destroy in reverse dependency order, on the manual clock. Each waiter is checked with the states the
 * provider's StateChangeConf takes as pending and target (network reference section 11).
 */
class ZenlayerNetworkReplayTest extends ZenlayerTestBase {
    /** BuildDiskState: pending and target. */
    static final Set<String> DISK_PENDING = Set.of("ATTACHING", "DETACHING", "CREATING", "DELETING");
    static final Set<String> DISK_TARGET = Set.of("IN_USE", "AVAILABLE");

    static ValidatableResponse vm(String action, String body) { return ok(action, V2023, body); }

    static String diskStatus(String id) { return vm("DescribeDisks", "{\"diskIds\":[\"" + id + "\"]}").extract().path("response.dataSet[0].diskStatus"); }

    /** A StateChangeConf: the first reading (3 s after the call) is pending or target, then it settles on {@code want}. */
    static void waitDisk(String id, String want) {
        String first = diskStatus(id);
        assertTrue(DISK_PENDING.contains(first) || DISK_TARGET.contains(first), first);
        for (int n = 0; n < 5 && DISK_PENDING.contains(diskStatus(id)); n++) advance(2);
        assertEquals(want, diskStatus(id));
    }

    @Test
    void applyUpdateDestroy() {
        // --- key_pair (ccs): ImportKeyPair, then read
        String key = ccs("ImportKeyPair", "{\"keyName\":\"tf-key\",\"publicKey\":\"" + PUBLIC_KEY + "\"}").statusCode(200)
                .extract().path("response.keyId");
        ccs("DescribeKeyPairs", "{\"keyIds\":[\"" + key + "\"]}").statusCode(200)
                .body("response.dataSet[0].publicKey", equalTo(PUBLIC_KEY)).body("response.dataSet[0].keyName", equalTo("tf-key"));

        // --- zvm_subnet: CreateSubnet, wait Creating -> Available (mixed case), read echoes cidr and zone
        String subnet = vm("CreateSubnet", "{\"zoneId\":\"SEL-A\",\"cidrBlock\":\"10.0.10.0/24\",\"subnetName\":\"Terraform-Subnet\"}")
                .extract().path("response.subnetId");
        String s = vm("DescribeSubnets", "{\"subnetIds\":[\"" + subnet + "\"]}").extract().path("response.dataSet[0].subnetStatus");
        assertTrue(Set.of("Creating", "Available").contains(s), s);
        advance(2);
        vm("DescribeSubnets", "{\"subnetIds\":[\"" + subnet + "\"]}").body("response.dataSet[0].subnetStatus", equalTo("Available"))
                .body("response.dataSet[0].cidrBlock", equalTo("10.0.10.0/24")).body("response.dataSet[0].zoneId", equalTo("SEL-A"))
                .body("response.dataSet[0].createTime", instanceOf(String.class));

        // --- zvm_security_group and a rule (no priority or description, a single port)
        String sg = vm("CreateSecurityGroup", "{\"securityGroupName\":\"tf-sg\",\"description\":\"web servers\"}").extract().path("response.securityGroupId");
        vm("DescribeSecurityGroups", "{\"securityGroupIds\":[\"" + sg + "\"]}").body("response.dataSet[0].securityGroupName", equalTo("tf-sg"));
        String rule = "\"direction\":\"ingress\",\"policy\":\"accept\",\"ipProtocol\":\"tcp\",\"portRange\":\"80\",\"cidrIp\":\"0.0.0.0/0\"";
        vm("AuthorizeSecurityGroupRule", "{\"securityGroupId\":\"" + sg + "\"," + rule + "}");
        List<Map<String, Object>> rules = vm("DescribeSecurityGroups", "{\"securityGroupIds\":[\"" + sg + "\"]}").extract().path("response.dataSet[0].ruleInfos");
        // compareRuleAndSecurityGroupInfo: equal policy, direction, protocol, cidr; port p or p/p
        assertTrue(rules.stream().anyMatch(r -> "accept".equals(r.get("policy")) && "ingress".equals(r.get("direction"))
                && "tcp".equals(r.get("ipProtocol")) && "0.0.0.0/0".equals(r.get("cidrIp"))
                && ("80".equals(r.get("portRange")) || "80/80".equals(r.get("portRange")))), rules.toString());

        // --- zvm_instance in the subnet with the key; then the attachment to the group
        String instance = vm("CreateInstances", "{\"zoneId\":\"SEL-A\",\"instanceChargeType\":\"POSTPAID\",\"instanceType\":\"c.1c2g\","
                + "\"imageId\":\"img-ubuntu-2204-x64\",\"instanceName\":\"web\",\"instanceCount\":1,\"keyId\":\"" + key + "\","
                + "\"internetChargeType\":\"ByBandwidth\",\"subnetId\":\"" + subnet + "\",\"systemDisk\":{\"diskSize\":20}}")
                .extract().path("response.instanceIdSet[0]");
        advance(4);
        vm("DescribeInstances", "{\"instanceIds\":[\"" + instance + "\"]}").body("response.dataSet[0].instanceStatus", equalTo("RUNNING"))
                .body("response.dataSet[0].subnetId", equalTo(subnet)).body("response.dataSet[0].keyId", equalTo(key))
                .body("response.dataSet[0].privateIpAddresses", contains("10.0.10.2"));
        vm("AssociateSecurityGroupInstance", "{\"securityGroupId\":\"" + sg + "\",\"instanceId\":\"" + instance + "\"}");
        vm("DescribeSecurityGroups", "{\"securityGroupIds\":[\"" + sg + "\"]}").body("response.dataSet[0].instanceIds", hasItem(instance));

        // --- zvm_disk: CreateDisks, BuildDiskState; zvm_disk_attachment: pre-reads, AttachDisks, BuildDiskState (AVAILABLE = failed)
        String disk = vm("CreateDisks", "{\"diskName\":\"Terraform-Disk\",\"chargeType\":\"POSTPAID\",\"diskSize\":20,\"zoneId\":\"SEL-A\"}")
                .extract().path("response.diskIds[0]");
        waitDisk(disk, "AVAILABLE");
        vm("DescribeDisks", "{\"diskIds\":[\"" + disk + "\"]}").body("response.dataSet[0].instanceId", equalTo(null))
                .body("response.dataSet[0].period", equalTo(null)).body("response.dataSet[0].diskSize", equalTo(20));
        vm("DescribeInstances", "{\"instanceIds\":[\"" + instance + "\"]}").body("response.dataSet[0].instanceStatus", not(equalTo("DEPLOYING")));
        vm("AttachDisks", "{\"diskIds\":[\"" + disk + "\"],\"instanceId\":\"" + instance + "\"}");
        assertEquals("ATTACHING", diskStatus(disk));
        waitDisk(disk, "IN_USE");
        vm("DescribeDisks", "{\"diskIds\":[\"" + disk + "\"]}").body("response.dataSet[0].instanceId", equalTo(instance));

        // --- update: names, descriptions, disk tags
        vm("ModifySubnetsAttribute", "{\"subnetIds\":[\"" + subnet + "\"],\"subnetName\":\"Terraform-Subnet-2\"}");
        vm("ModifySecurityGroupsAttribute", "{\"securityGroupIds\":[\"" + sg + "\"],\"securityGroupName\":\"tf-sg-2\",\"description\":\"\"}");
        vm("ModifyDisksAttributes", "{\"diskIds\":[\"" + disk + "\"],\"diskName\":\"Terraform-Disk-2\"}");
        zc("ModifyResourceTags", "2025-10-14").body("{\"resourceUuid\":\"" + disk + "\",\"replaceTags\":[{\"key\":\"env\",\"value\":\"ci\"}]}")
                .post("/api/v2/zrm").then().statusCode(200);
        ccs("ModifyKeyPairAttribute", "{\"keyId\":\"" + key + "\",\"keyDescription\":\"rotated\"}").statusCode(200);
        vm("DescribeDisks", "{\"diskIds\":[\"" + disk + "\"]}").body("response.dataSet[0].diskName", equalTo("Terraform-Disk-2"))
                .body("response.dataSet[0].tags.tags[0].value", equalTo("ci"));

        // --- destroy: attachments first, then the disk (to the bin, force_delete releases), the instance, the group, the subnet, the key
        vm("DetachDisks", "{\"diskIds\":[\"" + disk + "\"]}");
        waitDisk(disk, "AVAILABLE");
        // a second destroy of the attachment: the provider takes this code as success
        fails(call("DetachDisks", V2023, "{\"diskIds\":[\"" + disk + "\"]}"), 400, "UNSUPPORTED_OPERATION_DISK_NO_ATTACH");
        vm("UnAssociateSecurityGroupInstance", "{\"securityGroupId\":\"" + sg + "\",\"instanceId\":\"" + instance + "\"}");
        vm("RevokeSecurityGroupRules", "{\"securityGroupId\":\"" + sg + "\",\"ruleInfos\":[{" + rule + "}]}");
        vm("TerminateDisk", "{\"diskId\":\"" + disk + "\"}");
        assertTrue(Set.of("RECYCLING", "RECYCLED").contains(diskStatus(disk)));
        advance(2);
        assertEquals("RECYCLED", diskStatus(disk));
        vm("ReleaseDisk", "{\"diskId\":\"" + disk + "\"}");
        vm("TerminateInstance", "{\"instanceId\":\"" + instance + "\"}");
        advance(2);
        vm("ReleaseInstances", "{\"instanceIds\":[\"" + instance + "\"]}");
        advance(2);
        vm("DescribeInstances", "{\"instanceIds\":[\"" + instance + "\"]}").body("response.dataSet", empty());
        vm("DescribeSecurityGroups", "{\"securityGroupIds\":[\"" + sg + "\"]}").body("response.dataSet[0].instanceIds", empty());
        vm("DeleteSecurityGroup", "{\"securityGroupId\":\"" + sg + "\"}");
        vm("DescribeSubnets", "{\"subnetIds\":[\"" + subnet + "\"]}").body("response.dataSet[0].instanceIdList", empty());
        vm("DeleteSubnet", "{\"subnetId\":\"" + subnet + "\"}");
        ccs("DeleteKeyPairs", "{\"keyIds\":[\"" + key + "\"]}").statusCode(200);

        // everything is gone: the reads that tell Terraform so answer empty data sets
        vm("DescribeSubnets", "{\"subnetIds\":[\"" + subnet + "\"]}").body("response.dataSet", empty());
        vm("DescribeSecurityGroups", "{\"securityGroupIds\":[\"" + sg + "\"]}").body("response.dataSet", empty());
        vm("DescribeDisks", "{\"diskIds\":[\"" + disk + "\"]}").body("response.dataSet", empty());
        ccs("DescribeKeyPairs", "{\"keyIds\":[\"" + key + "\"]}").statusCode(200).body("response.dataSet", empty());
        List<Integer> statuses = given().get("/_cloudmock/requests").jsonPath().getList("requests.status");
        assertEquals(1, statuses.stream().filter(x -> x != 200).count(), statuses.toString());
    }

    @Test
    void dataSourcesPageByHundredsFromTotalCount() {
        for (int n = 0; n < 3; n++) {
            ok("CreateDisks", "{\"chargeType\":\"POSTPAID\",\"diskName\":\"d\",\"diskSize\":20,\"zoneId\":\"SEL-A\",\"diskAmount\":50}");
        }
        ok("DescribeDisks", "{\"pageSize\":100,\"pageNum\":2}").body("response.totalCount", equalTo(150))
                .body("response.dataSet.size()", equalTo(50));
        ok("DescribeSubnets", "{\"pageSize\":100}").body("response.totalCount", equalTo(6));
        ok("DescribeSecurityGroups", "{\"pageSize\":100}").body("response.totalCount", equalTo(1));
    }
}
