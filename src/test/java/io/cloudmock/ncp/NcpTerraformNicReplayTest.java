package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Replays terraform-provider-ncloud's acceptance test {@code TestAccResourceNcloudServer_vpc_networkInterface}
 * (server_test.go, testAccServerVpcConfigNetworkInterface: a login key, VPC 10.5.0.0/16, a public and a private
 * subnet in KR-2, two ncloud_network_interface made first and given to the server as eth0 and eth1), with an
 * ncloud_network_acl applied to the public subnet, a third interface made on the running server
 * (server_instance_no), an ncloud_public_ip on the server, that third interface detached and attached again (the
 * attach drops the server's public IP, which the provider waits for, section 5.3.6), an ACG change of eth1 and a description change of the ACL, then destroy in reverse
 * dependency order; every call as ncloud-sdk-go-v2 posts it, every waiter as the provider polls (ncp-network-api.md
 * section 7). The test's image and product codes are XEN G2 ones the catalogue lacks: the Rocky 8.10 image number
 * and ci2-g3 stand in for them.
 */
class NcpTerraformNicReplayTest extends NcpTerraformCalls {

    private String nicState(String nicNo) {
        return state(V, "getNetworkInterfaceDetail", "networkInterfaceNo", nicNo, "networkInterfaceList", "networkInterfaceStatus");
    }

    private String aclState(String aclNo) {
        return state(N, "getNetworkAclDetail", "networkAclNo", aclNo, "networkAclList", "networkAclStatus");
    }

    /** ncloud_subnet: createSubnet (retried on 1001015 / 3000), then INIT, CREATING -> RUN. */
    private String subnet(String vpcNo, String name, String cidr, String type, String aclNo) {
        String no = retrying(Set.of("1001015", "3000"), N, "createSubnet", "regionCode", "KR", "zoneCode", "KR-2", "vpcNo", vpcNo,
                "subnet", cidr, "networkAclNo", aclNo, "subnetTypeCode", type, "usageTypeCode", "GEN", "subnetName", name)
                .get("subnetList").get(0).get("subnetNo").textValue();
        waitFor("subnet create", () -> state(N, "getSubnetDetail", "subnetNo", no, "subnetList", "subnetStatus"), Set.of("INIT", "CREATING"), "RUN");
        return no;
    }

    /** ncloud_network_interface create: the subnet gives the VPC; with a server, SET -> USED; then the detail. */
    private JsonNode networkInterface(String subnetNo, String name, String acgNo, String serverNo) {
        JsonNode subnet = ok(N, "getSubnetDetail", "regionCode", "KR", "subnetNo", subnetNo).get("subnetList").get(0);
        List<Object> kv = new ArrayList<>(List.of("regionCode", "KR", "accessControlGroupNoList.1", acgNo, "subnetNo", subnetNo,
                "vpcNo", subnet.get("vpcNo").textValue(), "networkInterfaceName", name));
        if (serverNo != null) kv.addAll(List.of("serverInstanceNo", serverNo));
        String no = ok(V, "createNetworkInterface", kv.toArray()).get("networkInterfaceList").get(0).get("networkInterfaceNo").textValue();
        if (serverNo != null) waitFor("nic attach", () -> nicState(no), Set.of("SET"), "USED");
        return ok(V, "getNetworkInterfaceDetail", "regionCode", "KR", "networkInterfaceNo", no).get("networkInterfaceList").get(0);
    }

    /** ncloud_network_interface delete: USED, NOTUSED, UNSET -> gone. */
    private void deleteNetworkInterface(String nicNo) {
        ok(V, "deleteNetworkInterface", "regionCode", "KR", "networkInterfaceNo", nicNo);
        waitFor("nic delete", () -> nicState(nicNo), Set.of("USED", "NOTUSED", "UNSET"), "TERMINATED");
    }

    @Test
    void theNetworkInterfaceAcceptanceTestAndAnAclRunAsTheProviderRunsThem() {
        // ---- ncloud_login_key
        ok(V, "createLoginKey", "keyName", "tf-nic-key");
        assertEquals("tf-nic-key", ok(V, "getLoginKeyList", "keyName", "tf-nic-key").get("loginKeyList").get(0).get("keyName").textValue());

        // ---- ncloud_vpc and its defaults
        String vpcNo = ok(N, "createVpc", "regionCode", "KR", "ipv4CidrBlock", "10.5.0.0/16", "vpcName", "tf-nic")
                .get("vpcList").get(0).get("vpcNo").textValue();
        waitFor("vpc create", () -> state(N, "getVpcDetail", "vpcNo", vpcNo, "vpcList", "vpcStatus"), Set.of("INIT", "CREATING"), "RUN");
        JsonNode defaultAcl = defaultOf(ok(N, "getNetworkAclList", "regionCode", "KR", "vpcNo", vpcNo).get("networkAclList"));
        JsonNode defaultAcg = defaultOf(ok(V, "getAccessControlGroupList", "regionCode", "KR", "vpcNo", vpcNo).get("accessControlGroupList"));
        assertNotNull(defaultAcl, "No matching default network ACL found");
        assertNotNull(defaultAcg, "No matching default Access Control Group found");
        ok(N, "getRouteTableList", "regionCode", "KR", "vpcNo", vpcNo);
        String defaultAclNo = defaultAcl.get("networkAclNo").textValue();
        String acgNo = defaultAcg.get("accessControlGroupNo").textValue();

        // ---- ncloud_network_acl: INIT, CREATING -> RUN
        String aclNo = ok(N, "createNetworkAcl", "regionCode", "KR", "vpcNo", vpcNo, "networkAclName", "tf-nic-nacl",
                "networkAclDescription", "web").get("networkAclList").get(0).get("networkAclNo").textValue();
        waitFor("nacl create", () -> aclState(aclNo), Set.of("INIT", "CREATING"), "RUN");
        assertEquals(false, ok(N, "getNetworkAclDetail", "regionCode", "KR", "networkAclNo", aclNo).get("networkAclList").get(0)
                .get("isDefault").booleanValue());

        // ---- the two ncloud_subnet
        String publicNo = subnet(vpcNo, "tf-nic-pub", "10.5.0.0/24", "PUBLIC", defaultAclNo);
        String privateNo = subnet(vpcNo, "tf-nic-priv", "10.5.1.0/24", "PRIVATE", defaultAclNo);

        // ---- ncloud_network_interface eth0 and eth1: no server yet, NOTUSED at once
        JsonNode eth0 = networkInterface(publicNo, "tf-nic-eth-0", acgNo, null);
        JsonNode eth1 = networkInterface(privateNo, "tf-nic-eth-1", acgNo, null);
        String eth0No = eth0.get("networkInterfaceNo").textValue();
        String eth1No = eth1.get("networkInterfaceNo").textValue();
        assertEquals("NOTUSED", eth0.get("networkInterfaceStatus").get("code").textValue());
        assertEquals("10.5.0.6", eth0.get("ip").textValue());
        assertEquals("10.5.1.6", eth1.get("ip").textValue());
        assertEquals("", eth1.get("instanceNo").textValue());

        // ---- ncloud_server with network_interface { order 0: eth0 } { order 1: eth1 }
        String serverSubnetVpc = ok(N, "getSubnetDetail", "regionCode", "KR", "subnetNo", publicNo).get("subnetList").get(0).get("vpcNo").textValue();
        String serverNo = ok(V, "createServerInstances", "regionCode", "KR", "serverImageNo", "104630231", "serverSpecCode", "ci2-g3",
                "serverName", "tf-nic-server", "vpcNo", serverSubnetVpc, "subnetNo", publicNo, "loginKeyName", "tf-nic-key",
                "networkInterfaceList.1.networkInterfaceOrder", "0", "networkInterfaceList.1.networkInterfaceNo", eth0No,
                "networkInterfaceList.1.subnetNo", publicNo,
                "networkInterfaceList.2.networkInterfaceOrder", "1", "networkInterfaceList.2.networkInterfaceNo", eth1No,
                "networkInterfaceList.2.subnetNo", privateNo)
                .get("serverInstanceList").get(0).get("serverInstanceNo").textValue();
        waitFor("server create", () -> state(V, "getServerInstanceDetail", "serverInstanceNo", serverNo, "serverInstanceList",
                "serverInstanceStatus"), Set.of("INIT", "CREAT"), "RUN");
        for (JsonNode storage : ok(V, "getBlockStorageInstanceList", "regionCode", "KR", "serverInstanceNo", serverNo).get("blockStorageInstanceList")) {
            assertTrue(Set.of("initialized", "optimizing", "attached").contains(storage.get("blockStorageInstanceStatusName").textValue()));
        }
        // the read: each interface by number, ordered by the digit of its device name
        JsonNode server = ok(V, "getServerInstanceDetail", "regionCode", "KR", "serverInstanceNo", serverNo).get("serverInstanceList").get(0);
        assertEquals("KR-2", server.get("zoneCode").textValue());
        assertEquals("", server.get("publicIpInstanceNo").textValue());
        assertEquals("tf-nic-key", server.get("loginKeyName").textValue());
        List<String> devices = new ArrayList<>();
        for (JsonNode no : server.get("networkInterfaceNoList")) {
            JsonNode nic = ok(V, "getNetworkInterfaceDetail", "regionCode", "KR", "networkInterfaceNo", no.textValue()).get("networkInterfaceList").get(0);
            assertEquals("USED", nic.get("networkInterfaceStatus").get("code").textValue());
            assertTrue(nic.get("deviceName").textValue().matches("eth\\d"));
            devices.add(nic.get("deviceName").textValue() + "=" + nic.get("networkInterfaceNo").textValue() + "@" + nic.get("subnetNo").textValue()
                    + "/" + nic.get("ip").textValue());
        }
        assertEquals(List.of("eth0=" + eth0No + "@" + publicNo + "/10.5.0.6", "eth1=" + eth1No + "@" + privateNo + "/10.5.1.6"), devices);

        // ---- a third ncloud_network_interface with server_instance_no: made on the running server
        JsonNode eth2 = networkInterface(privateNo, "tf-nic-eth-2", acgNo, serverNo);
        String eth2No = eth2.get("networkInterfaceNo").textValue();
        assertEquals("eth2", eth2.get("deviceName").textValue());
        assertEquals(serverNo, eth2.get("instanceNo").textValue());
        assertEquals("VSVR", eth2.get("instanceType").get("code").textValue());
        ok(V, "getServerInstanceDetail", "regionCode", "KR", "serverInstanceNo", serverNo);

        // ---- ncloud_public_ip with server_instance_no (the server's eth0 is in the public subnet)
        String ipNo = ok(V, "createPublicIpInstance", "regionCode", "KR", "serverInstanceNo", serverNo)
                .get("publicIpInstanceList").get(0).get("publicIpInstanceNo").textValue();
        waitAssociated(ipNo);
        assertEquals(ipNo, ok(V, "getServerInstanceDetail", "serverInstanceNo", serverNo).get("serverInstanceList").get(0)
                .get("publicIpInstanceNo").textValue());
        // ---- update: eth2's server_instance_no -> "" (detach, UNSET -> NOTUSED), then back in a second apply
        ok(V, "detachNetworkInterface", "regionCode", "KR", "networkInterfaceNo", eth2No, "subnetNo", privateNo, "serverInstanceNo", serverNo);
        waitFor("nic detach", () -> nicState(eth2No), Set.of("UNSET"), "NOTUSED");
        assertEquals("", ok(V, "getNetworkInterfaceDetail", "regionCode", "KR", "networkInterfaceNo", eth2No).get("networkInterfaceList").get(0)
                .get("instanceNo").textValue());
        // attachNetworkInterface: SET -> USED, then the server's public IP, if it still shows one, until it is disassociated
        ok(V, "attachNetworkInterface", "regionCode", "KR", "networkInterfaceNo", eth2No, "subnetNo", privateNo, "serverInstanceNo", serverNo);
        waitFor("nic attach", () -> nicState(eth2No), Set.of("SET"), "USED");
        JsonNode attachedTo = ok(V, "getServerInstanceDetail", "regionCode", "KR", "serverInstanceNo", serverNo).get("serverInstanceList");
        assertEquals(1, attachedTo.size());
        String heldIp = attachedTo.get(0).get("publicIpInstanceNo").textValue();
        if (!heldIp.isEmpty()) waitDisassociated(heldIp);
        assertEquals("", publicIp(ipNo).get("serverInstanceNo").textValue());
        assertEquals("eth2", ok(V, "getNetworkInterfaceDetail", "regionCode", "KR", "networkInterfaceNo", eth2No).get("networkInterfaceList").get(0)
                .get("deviceName").textValue());

        // ---- update: ncloud_subnet.network_acl_no -> the new ACL (setSubnetNetworkAcl, SET -> RUN, then the subnet)
        ok(N, "setSubnetNetworkAcl", "regionCode", "KR", "networkAclNo", aclNo, "subnetNo", publicNo);
        waitFor("nacl update", () -> aclState(aclNo), Set.of("SET"), "RUN");
        assertEquals(aclNo, ok(N, "getSubnetDetail", "regionCode", "KR", "subnetNo", publicNo).get("subnetList").get(0).get("networkAclNo").textValue());
        // ---- update: ncloud_network_acl.description
        ok(N, "setNetworkAclDescription", "regionCode", "KR", "networkAclNo", aclNo, "networkAclDescription", "web tier");
        assertEquals("web tier", ok(N, "getNetworkAclDetail", "networkAclNo", aclNo).get("networkAclList").get(0).get("networkAclDescription").textValue());
        // ---- update: eth1's access_control_groups -> a new ACG (add first, then remove, retrying 1002035)
        String webAcg = ok(V, "createAccessControlGroup", "regionCode", "KR", "vpcNo", vpcNo, "accessControlGroupName", "tf-nic-web")
                .get("accessControlGroupList").get(0).get("accessControlGroupNo").textValue();
        ok(V, "getAccessControlGroupDetail", "regionCode", "KR", "accessControlGroupNo", webAcg);
        ok(V, "addNetworkInterfaceAccessControlGroup", "regionCode", "KR", "accessControlGroupNoList.1", webAcg, "networkInterfaceNo", eth1No);
        waitFor("nic acg add", () -> nicState(eth1No), Set.of("SET"), "USED");
        retrying(Set.of("1002035"), V, "removeNetworkInterfaceAccessControlGroup", "regionCode", "KR", "accessControlGroupNoList.1", acgNo,
                "networkInterfaceNo", eth1No);
        waitFor("nic acg remove", () -> nicState(eth1No), Set.of("SET"), "USED");
        JsonNode changed = ok(V, "getNetworkInterfaceDetail", "regionCode", "KR", "networkInterfaceNo", eth1No).get("networkInterfaceList").get(0);
        assertEquals(1, changed.get("accessControlGroupNoList").size());
        assertEquals(webAcg, changed.get("accessControlGroupNoList").get(0).textValue());

        // ---- destroy: the public IP, no longer associated (no disassociation), deleted without a wait
        if (!publicIp(ipNo).get("serverInstanceNo").textValue().isEmpty()) fail("the public IP is still associated");
        ok(V, "deletePublicIpInstance", "regionCode", "KR", "publicIpInstanceNo", ipNo);
        // ---- eth2 (it refers to the server) goes first, while attached
        deleteNetworkInterface(eth2No);
        assertEquals(2, ok(V, "getServerInstanceDetail", "serverInstanceNo", serverNo).get("serverInstanceList").get(0)
                .get("networkInterfaceNoList").size());
        // ---- ncloud_server: stop, no SVRBS to detach, terminate
        destroyServer(serverNo);
        // ---- the server did not make eth0 and eth1: they are kept, NOTUSED, and deleted by their resources
        deleteNetworkInterface(eth0No);
        deleteNetworkInterface(eth1No);
        // ---- the ACG, now unused
        ok(V, "deleteAccessControlGroup", "regionCode", "KR", "vpcNo", vpcNo, "accessControlGroupNo", webAcg);
        waitFor("acg delete", () -> state(V, "getAccessControlGroupDetail", "accessControlGroupNo", webAcg, "accessControlGroupList",
                "accessControlGroupStatus"), Set.of("RUN"), "TERMINATED");
        // ---- the subnets, then the ACL the public one used, then the VPC and the key
        for (String subnetNo : List.of(publicNo, privateNo)) {
            ok(N, "deleteSubnet", "regionCode", "KR", "subnetNo", subnetNo);
            waitFor("subnet delete", () -> state(N, "getSubnetDetail", "subnetNo", subnetNo, "subnetList", "subnetStatus"),
                    Set.of("RUN", "TERMTING"), "TERMINATED");
        }
        ok(N, "deleteNetworkAcl", "regionCode", "KR", "networkAclNo", aclNo);
        waitFor("nacl delete", () -> aclState(aclNo), Set.of("RUN", "TERMTING"), "TERMINATED");
        ok(N, "deleteVpc", "regionCode", "KR", "vpcNo", vpcNo);
        waitFor("vpc delete", () -> state(N, "getVpcDetail", "vpcNo", vpcNo, "vpcList", "vpcStatus"), Set.of("RUN", "TERMTING"), "TERMINATED");
        ok(V, "deleteLoginKeys", "keyNameList.1", "tf-nic-key");

        // CheckDestroy: nothing is left
        assertEquals(0, ok(V, "getServerInstanceList").get("totalRows").intValue());
        assertEquals(0, ok(V, "getNetworkInterfaceList").get("totalRows").intValue());
        assertEquals(0, ok(V, "getPublicIpInstanceList").get("totalRows").intValue());
        assertEquals(0, ok(N, "getNetworkAclList").get("totalRows").intValue());
        assertEquals(0, ok(N, "getVpcList").get("totalRows").intValue());
        assertTrue(calls.size() > 60, calls.toString());
    }
}
