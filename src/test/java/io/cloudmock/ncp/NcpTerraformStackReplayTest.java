package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays what terraform-provider-ncloud sends for a module of ncloud_vpc + ncloud_subnet + ncloud_login_key +
 * ncloud_access_control_group + ncloud_access_control_group_rule + ncloud_init_script + ncloud_server (ncp-network-api.md
 * section 7): create in dependency order with each resource's waiter, a rule change, then destroy in reverse order,
 * as ncloud-sdk-go-v2 posts the calls, reading what the provider dereferences and retrying the codes it retries.
 * Waiters fail on any state outside pending and target; they poll on the manual clock.
 */
class NcpTerraformStackReplayTest extends NcpTerraformCalls {
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
        waitFor("server create", () -> state(V, "getServerInstanceDetail", "serverInstanceNo", serverNo, "serverInstanceList",
                "serverInstanceStatus"), Set.of("INIT", "CREAT"), "RUN");
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

        // ---- destroy, in reverse dependency order
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
        assertTrue(calls.size() > 40, calls.toString());
    }
}
