package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Replays what terraform-provider-ncloud sends for a module of ncloud_vpc + ncloud_subnet + ncloud_login_key +
 * ncloud_access_control_group + ncloud_access_control_group_rule + ncloud_init_script + two ncloud_server + ncloud_public_ip +
 * ncloud_block_storage (ncp-network-api.md section 7): create in dependency order with each resource's waiter, a rule
 * change, the public IP's move to the other server, the volume's growth, then destroy in reverse order,
 * as ncloud-sdk-go-v2 posts the calls, reading what the provider dereferences and retrying the codes it retries.
 * Waiters fail on any state outside pending and target; they poll on the manual clock.
 */
class NcpTerraformStackReplayTest extends NcpTerraformCalls {
    /** ncloud_server's create waiters: INIT, CREAT -> RUN, then each storage of the server initialized, optimizing -> attached. */
    private void waitForServer(String serverNo) {
        waitFor("server create", () -> state(V, "getServerInstanceDetail", "serverInstanceNo", serverNo, "serverInstanceList",
                "serverInstanceStatus"), Set.of("INIT", "CREAT"), "RUN");
        for (JsonNode bs : ok(V, "getBlockStorageInstanceList", "regionCode", "KR", "serverInstanceNo", serverNo).get("blockStorageInstanceList")) {
            String no = bs.get("blockStorageInstanceNo").textValue();
            waitFor("server storage", () -> storage(no).get("blockStorageInstanceStatusName").textValue(), Set.of("initialized", "optimizing"),
                    "attached");
        }
    }

    /** GetBlockStorage: the detail, null when the list is empty. */
    private JsonNode storage(String no) {
        JsonNode list = ok(V, "getBlockStorageInstanceDetail", "regionCode", "KR", "blockStorageInstanceNo", no).get("blockStorageInstanceList");
        if (list.isEmpty()) return null;
        JsonNode bs = list.get(0);
        assertTrue(bs.get("blockStorageType").has("code") && bs.get("blockStorageSize").isIntegralNumber()
                && bs.get("blockStorageInstanceStatusName").isTextual());
        return bs;
    }

    private String storageCode(String no, String field) {
        JsonNode bs = storage(no);
        return bs == null ? "TERMINATED" : bs.get(field).get("code").textValue();
    }

    private String serverOperation(String serverNo) {
        return ok(V, "getServerInstanceDetail", "serverInstanceNo", serverNo).get("serverInstanceList").get(0)
                .get("serverInstanceOperation").get("code").textValue();
    }

    /** ncloud_block_storage's detach: status ATTAC -> CREAT, then the server's operation SETUP -> NULL. */
    private void detachStorage(String no, String serverNo) {
        ok(V, "detachBlockStorageInstances", "blockStorageInstanceNoList.1", no);
        waitFor("block storage detach", () -> storageCode(no, "blockStorageInstanceStatus"), Set.of("ATTAC"), "CREAT");
        waitFor("server after detach", () -> serverOperation(serverNo), Set.of("SETUP"), "NULL");
    }

    /** attachBlockStorage: no regionCode, then status INIT, CREAT -> ATTAC. */
    private void attachStorage(String no, String serverNo) {
        ok(V, "attachBlockStorageInstance", "serverInstanceNo", serverNo, "blockStorageInstanceNo", no);
        waitFor("block storage attach", () -> storageCode(no, "blockStorageInstanceStatus"), Set.of("INIT", "CREAT"), "ATTAC");
    }

    @Test
    void aWholeStackIsCreatedChangedAndDestroyedAsTheProviderDoes() {
        // ---- ncloud_vpc
        String vpcNo = ok(N, "createVpc", "regionCode", "KR", "ipv4CidrBlock", "10.10.0.0/16", "vpcName", "tf-vpc")
                .get("vpcList").get(0).get("vpcNo").textValue();
        waitFor("vpc create", () -> state(N, "getVpcDetail", "vpcNo", vpcNo, "vpcList", "vpcStatus"), Set.of("INIT", "CREATING"), "RUN");
        JsonNode nacl = defaultOf(ok(N, "getNetworkAclList", "regionCode", "KR", "vpcNo", vpcNo).get("networkAclList"));
        assertNotNull(nacl, "No matching default network ACL found");
        assertNotNull(defaultOf(ok(V, "getAccessControlGroupList", "regionCode", "KR", "vpcNo", vpcNo).get("accessControlGroupList")),
                "No matching default Access Control Group found");
        int defaultTables = 0;
        for (JsonNode t : ok(N, "getRouteTableList", "regionCode", "KR", "vpcNo", vpcNo).get("routeTableList")) {
            if (t.get("isDefault").booleanValue() && Set.of("PUBLIC", "PRIVATE").contains(t.get("supportedSubnetType").get("code").textValue())) {
                defaultTables++;
            }
        }
        assertEquals(2, defaultTables);
        String naclNo = nacl.get("networkAclNo").textValue();

        // ---- ncloud_subnet (createSubnet retried on 1001015 / 3000)
        String subnetNo = retrying(Set.of("1001015", "3000"), N, "createSubnet", "regionCode", "KR", "zoneCode", "KR-1",
                "vpcNo", vpcNo, "subnet", "10.10.1.0/24", "networkAclNo", naclNo, "subnetTypeCode", "PUBLIC", "usageTypeCode", "GEN",
                "subnetName", "tf-subnet").get("subnetList").get(0).get("subnetNo").textValue();
        waitFor("subnet create", () -> state(N, "getSubnetDetail", "subnetNo", subnetNo, "subnetList", "subnetStatus"),
                Set.of("INIT", "CREATING"), "RUN");
        JsonNode subnet = ok(N, "getSubnetDetail", "subnetNo", subnetNo).get("subnetList").get(0);
        assertTrue(subnet.get("subnetType").has("code") && subnet.get("usageType").has("code"));

        // ---- ncloud_login_key: create without regionCode, then the list's first keyName must be it
        JsonNode key = ok(V, "createLoginKey", "keyName", "tf-key");
        assertTrue(key.get("privateKey").textValue().trim().startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        assertEquals("tf-key", ok(V, "getLoginKeyList", "keyName", "tf-key").get("loginKeyList").get(0).get("keyName").textValue());

        // ---- ncloud_init_script
        String script = "#!/bin/bash\necho hello\n";
        JsonNode init = ok(V, "createInitScript", "regionCode", "KR", "initScriptName", "tf-init", "initScriptContent", script)
                .get("initScriptList").get(0);
        assertEquals(script, init.get("initScriptContent").textValue());
        assertEquals("LNX", init.get("osType").get("code").textValue());
        String initNo = init.get("initScriptNo").textValue();

        // ---- ncloud_access_control_group, then its rules (each change waits SET -> RUN, 1007009 retried)
        String acgNo = ok(V, "createAccessControlGroup", "regionCode", "KR", "vpcNo", vpcNo, "accessControlGroupName", "tf-acg")
                .get("accessControlGroupList").get(0).get("accessControlGroupNo").textValue();
        ok(V, "getAccessControlGroupDetail", "regionCode", "KR", "accessControlGroupNo", acgNo);
        String r1 = "accessControlGroupRuleList.1.";
        Object[] ssh = {r1 + "protocolTypeCode", "TCP", r1 + "ipBlock", "0.0.0.0/0", r1 + "accessControlGroupSequence", "",
                r1 + "portRange", "22", r1 + "accessControlGroupRuleDescription", ""};
        Object[] all = {r1 + "protocolTypeCode", "TCP", r1 + "ipBlock", "0.0.0.0/0", r1 + "accessControlGroupSequence", "",
                r1 + "portRange", "1-65535", r1 + "accessControlGroupRuleDescription", ""};
        Object[] base = {"regionCode", "KR", "vpcNo", vpcNo, "accessControlGroupNo", acgNo};
        retrying(Set.of("1007009"), V, "addAccessControlGroupInboundRule", NcpVpcApiTest.concat(base, ssh));
        waitFor("acg rule", () -> state(V, "getAccessControlGroupDetail", "accessControlGroupNo", acgNo, "accessControlGroupList",
                "accessControlGroupStatus"), Set.of("SET"), "RUN");
        retrying(Set.of("1007009"), V, "addAccessControlGroupOutboundRule", NcpVpcApiTest.concat(base, all));
        waitFor("acg rule", () -> state(V, "getAccessControlGroupDetail", "accessControlGroupNo", acgNo, "accessControlGroupList",
                "accessControlGroupStatus"), Set.of("SET"), "RUN");
        assertEquals(2, ok(V, "getAccessControlGroupRuleList", "accessControlGroupNo", acgNo).get("totalRows").intValue());

        // ---- ncloud_server: the subnet gives the VPC; the ACG, login key and init script as configured
        String vpcOfSubnet = ok(N, "getSubnetDetail", "regionCode", "KR", "subnetNo", subnetNo).get("subnetList").get(0).get("vpcNo").textValue();
        String serverNo = ok(V, "createServerInstances", "regionCode", "KR", "serverImageNo", "104630229", "serverSpecCode", "ci2-g3",
                "serverName", "tf-web", "vpcNo", vpcOfSubnet, "subnetNo", subnetNo, "loginKeyName", "tf-key", "initScriptNo", initNo,
                "networkInterfaceList.1.networkInterfaceOrder", "0", "networkInterfaceList.1.accessControlGroupNoList.1", acgNo)
                .get("serverInstanceList").get(0).get("serverInstanceNo").textValue();
        waitForServer(serverNo);
        JsonNode server = ok(V, "getServerInstanceDetail", "serverInstanceNo", serverNo).get("serverInstanceList").get(0);
        assertEquals("tf-key", server.get("loginKeyName").textValue());
        assertEquals(initNo, server.get("initScriptNo").textValue());
        assertEquals("", server.get("publicIpInstanceNo").textValue());
        String nicNo = server.get("networkInterfaceNoList").get(0).textValue();
        JsonNode nic = ok(V, "getNetworkInterfaceDetail", "networkInterfaceNo", nicNo).get("networkInterfaceList").get(0);
        assertEquals("eth0", nic.get("deviceName").textValue());
        assertEquals("USED", nic.get("networkInterfaceStatus").get("code").textValue());
        assertEquals("10.10.1.6", nic.get("ip").textValue());
        assertEquals(acgNo, nic.get("accessControlGroupNoList").get(0).textValue());

        // ---- a second ncloud_server, the public IP's next home
        String server2No = ok(V, "createServerInstances", "regionCode", "KR", "serverImageNo", "104630229", "serverSpecCode", "ci2-g3",
                "serverName", "tf-web2", "vpcNo", vpcOfSubnet, "subnetNo", subnetNo, "loginKeyName", "tf-key",
                "networkInterfaceList.1.networkInterfaceOrder", "0", "networkInterfaceList.1.accessControlGroupNoList.1", acgNo)
                .get("serverInstanceList").get(0).get("serverInstanceNo").textValue();
        waitForServer(server2No);

        // ---- ncloud_public_ip with server_instance_no: create, wait for the association, read
        String ipNo = ok(V, "createPublicIpInstance", "regionCode", "KR", "serverInstanceNo", serverNo, "publicIpDescription", "tf-ip")
                .get("publicIpInstanceList").get(0).get("publicIpInstanceNo").textValue();
        waitAssociated(ipNo);
        String address = publicIp(ipNo).get("publicIp").textValue();
        assertTrue(address.startsWith("203.0.113."), address);
        JsonNode withIp = ok(V, "getServerInstanceDetail", "serverInstanceNo", serverNo).get("serverInstanceList").get(0);
        assertEquals(ipNo, withIp.get("publicIpInstanceNo").textValue());
        assertEquals(address, withIp.get("publicIp").textValue());

        // ---- ncloud_block_storage on the KVM server: the provider checks the zone, creates it detached, attaches it
        assertEquals("KR-1", withIp.get("zoneCode").textValue());
        String bsNo = ok(V, "createBlockStorageInstance", "regionCode", "KR", "blockStorageSize", "20", "blockStorageName", "tf-data",
                "blockStorageVolumeTypeCode", "FB1", "zoneCode", "KR-1").get("blockStorageInstanceList").get(0)
                .get("blockStorageInstanceNo").textValue();
        waitFor("block storage create", () -> storage(bsNo).get("blockStorageInstanceStatusName").textValue(),
                Set.of("initialized", "creating", "attaching"), "detached");
        attachStorage(bsNo, serverNo);
        JsonNode data = storage(bsNo);
        assertEquals(20, data.get("blockStorageSize").longValue() / (1024L * 1024 * 1024));
        assertEquals(serverNo, data.get("serverInstanceNo").textValue());
        assertEquals("/dev/vdb", data.get("deviceName").textValue());

        // ---- update: the public IP moves to the second server (disassociate and wait, associate retrying 1003016, wait)
        assertEquals(serverNo, publicIp(ipNo).get("serverInstanceNo").textValue());
        ok(V, "disassociatePublicIpFromServerInstance", "regionCode", "KR", "publicIpInstanceNo", ipNo);
        waitDisassociated(ipNo);
        retrying(Set.of("1003016"), V, "associatePublicIpWithServerInstance", "regionCode", "KR", "publicIpInstanceNo", ipNo,
                "serverInstanceNo", server2No);
        waitAssociated(ipNo);
        assertEquals(server2No, publicIp(ipNo).get("serverInstanceNo").textValue());
        assertEquals(address, ok(V, "getServerInstanceDetail", "serverInstanceNo", server2No).get("serverInstanceList").get(0)
                .get("publicIp").textValue());
        assertEquals("", ok(V, "getServerInstanceDetail", "serverInstanceNo", serverNo).get("serverInstanceList").get(0)
                .get("publicIpInstanceNo").textValue());

        // ---- update: the volume grows 20 -> 30 GB (detach, changeBlockStorageInstance for KVM, wait CHNG -> NULL, attach)
        detachStorage(bsNo, serverNo);
        ok(V, "changeBlockStorageInstance", "regionCode", "KR", "blockStorageInstanceNo", bsNo, "blockStorageSize", "30");
        waitFor("block storage resize", () -> storageCode(bsNo, "blockStorageInstanceOperation"), Set.of("CHNG"), "NULL");
        attachStorage(bsNo, serverNo);
        assertEquals(30, storage(bsNo).get("blockStorageSize").longValue() / (1024L * 1024 * 1024));

        // ---- update: the inbound rule's port changes (remove the old, add the new)
        retrying(Set.of("1007009"), V, "removeAccessControlGroupInboundRule", NcpVpcApiTest.concat(base, ssh));
        waitFor("acg rule", () -> state(V, "getAccessControlGroupDetail", "accessControlGroupNo", acgNo, "accessControlGroupList",
                "accessControlGroupStatus"), Set.of("SET"), "RUN");
        Object[] https = {r1 + "protocolTypeCode", "TCP", r1 + "ipBlock", "0.0.0.0/0", r1 + "accessControlGroupSequence", "",
                r1 + "portRange", "443", r1 + "accessControlGroupRuleDescription", ""};
        retrying(Set.of("1007009"), V, "addAccessControlGroupInboundRule", NcpVpcApiTest.concat(base, https));
        waitFor("acg rule", () -> state(V, "getAccessControlGroupDetail", "accessControlGroupNo", acgNo, "accessControlGroupList",
                "accessControlGroupStatus"), Set.of("SET"), "RUN");
        JsonNode rules = ok(V, "getAccessControlGroupRuleList", "accessControlGroupNo", acgNo, "accessControlGroupRuleTypeCode", "INBND")
                .get("accessControlGroupRuleList");
        assertEquals(1, rules.size());
        assertEquals("443", rules.get(0).get("portRange").textValue());

        // ---- destroy, in reverse dependency order: the volume (deleted attached, as the provider does), the public IP
        // (disassociated first, no wait after the delete), then the servers
        ok(V, "deleteBlockStorageInstances", "regionCode", "KR", "blockStorageInstanceNoList.1", bsNo);
        waitFor("block storage delete", () -> storageCode(bsNo, "blockStorageInstanceStatus"), Set.of("CREAT", "INIT", "ATTAC"), "TERMINATED");
        if (!publicIp(ipNo).get("serverInstanceNo").textValue().isEmpty()) {
            ok(V, "disassociatePublicIpFromServerInstance", "regionCode", "KR", "publicIpInstanceNo", ipNo);
            waitDisassociated(ipNo);
        }
        ok(V, "deletePublicIpInstance", "regionCode", "KR", "publicIpInstanceNo", ipNo);
        destroyServer(server2No);
        destroyServer(serverNo);
        assertEquals(0, ok(V, "getNetworkInterfaceDetail", "networkInterfaceNo", nicNo).get("totalRows").intValue());
        ok(V, "deleteInitScripts", "regionCode", "KR", "initScriptNoList.1", initNo);
        retrying(Set.of("1007009"), V, "removeAccessControlGroupInboundRule", NcpVpcApiTest.concat(base, https));
        waitFor("acg rule", () -> state(V, "getAccessControlGroupDetail", "accessControlGroupNo", acgNo, "accessControlGroupList",
                "accessControlGroupStatus"), Set.of("SET"), "RUN");
        retrying(Set.of("1007009"), V, "removeAccessControlGroupOutboundRule", NcpVpcApiTest.concat(base, all));
        waitFor("acg rule", () -> state(V, "getAccessControlGroupDetail", "accessControlGroupNo", acgNo, "accessControlGroupList",
                "accessControlGroupStatus"), Set.of("SET"), "RUN");
        String acgVpc = ok(V, "getAccessControlGroupDetail", "accessControlGroupNo", acgNo).get("accessControlGroupList").get(0)
                .get("vpcNo").textValue();
        ok(V, "deleteAccessControlGroup", "regionCode", "KR", "vpcNo", acgVpc, "accessControlGroupNo", acgNo);
        waitFor("acg delete", () -> state(V, "getAccessControlGroupDetail", "accessControlGroupNo", acgNo, "accessControlGroupList",
                "accessControlGroupStatus"), Set.of("RUN"), "TERMINATED");
        ok(V, "deleteLoginKeys", "keyNameList.1", "tf-key");
        assertEquals(0, ok(V, "getLoginKeyList", "keyName", "tf-key").get("totalRows").intValue());
        ok(N, "deleteSubnet", "regionCode", "KR", "subnetNo", subnetNo);
        waitFor("subnet delete", () -> state(N, "getSubnetDetail", "subnetNo", subnetNo, "subnetList", "subnetStatus"),
                Set.of("RUN", "TERMTING"), "TERMINATED");
        ok(N, "deleteVpc", "regionCode", "KR", "vpcNo", vpcNo);
        waitFor("vpc delete", () -> state(N, "getVpcDetail", "vpcNo", vpcNo, "vpcList", "vpcStatus"), Set.of("RUN", "TERMTING"), "TERMINATED");

        // nothing is left of the stack
        assertEquals(0, ok(N, "getVpcList").get("totalRows").intValue());
        assertEquals(0, ok(V, "getAccessControlGroupList").get("totalRows").intValue());
        assertEquals(0, ok(V, "getInitScriptList").get("totalRows").intValue());
        assertEquals(0, ok(V, "getPublicIpInstanceList").get("totalRows").intValue());
        assertEquals(0, ok(V, "getBlockStorageInstanceList").get("totalRows").intValue());
        assertTrue(calls.size() > 40, calls.toString());
    }
}
