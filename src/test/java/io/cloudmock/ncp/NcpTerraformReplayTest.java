package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Replays, call by call, what terraform-provider-ncloud (support_vpc = true) sends for one {@code ncloud_server}
 * with a subnet: provider configure, create, read, an update of server_spec_code (stop, changeServerInstanceSpec,
 * start), and destroy, each as ncloud-sdk-go-v2 posts it, reading the fields the provider reads and failing where it
 * fails (internal/service/server/server.go, internal/service/vpc, internal/conn/region.go). Its waiters
 * (retry.StateChangeConf) fail on any state outside Pending and Target; here they poll on the manual clock.
 */
class NcpTerraformReplayTest extends NcpApi {
    private static final String V = "/vserver/v2/";
    private static final String R = "KR";
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /** The calls made, in order, as "action" (the test checks the sequence at the end). */
    private final List<String> calls = new ArrayList<>();

    private JsonNode call(String prefix, String action, Object... kv) {
        calls.add(action);
        return goSdk(prefix, action, kv);
    }

    /** The provider's GetServerInstance: getServerInstanceDetail, an empty list meaning "gone" (null). */
    private JsonNode server(String id) {
        JsonNode list = call(V, "getServerInstanceDetail", "regionCode", R, "serverInstanceNo", id).get("serverInstanceList");
        if (list.isEmpty()) return null;
        assertEquals(1, list.size(), "ValidateOneResult");
        return list.get(0);
    }

    /**
     * A StateChangeConf: refresh until the state is the target; any state outside pending and target fails, as the
     * provider's waiters do. Between refreshes the clock moves a second (the waiters poll every 3 s or more).
     */
    private void waitFor(String what, Function<Void, String> refresh, Set<String> pending, String target) {
        for (int n = 0; n < 30; n++) {
            String state = refresh.apply(null);
            if (state.equals(target)) return;
            if (!pending.contains(state)) fail(what + ": unexpected state " + state + " (pending " + pending + ")");
            advance(1);
        }
        fail(what + ": never reached " + target);
    }

    private static String status(JsonNode s) { return s == null ? "TERMINATED" : s.get("serverInstanceStatus").get("code").textValue(); }

    private static String operation(JsonNode s) { return s == null ? "NULL" : s.get("serverInstanceOperation").get("code").textValue(); }

    /** resourceNcloudServerRead: the server, then each interface (order from the device name), then the base storage. */
    private void read(String id, String subnetNo, String specCode, int cpuCount) {
        JsonNode s = server(id);
        assertNotNull(s, "the server must be there");
        assertEquals(specCode, s.get("serverSpecCode").textValue());
        assertEquals("104630229", s.get("serverImageNo").textValue());
        assertEquals(cpuCount, s.get("cpuCount").intValue());
        assertEquals(subnetNo, s.get("subnetNo").textValue());
        assertEquals("KR-1", s.get("zoneCode").textValue());
        // buildNetworkInterfaceList: getNetworkInterfaceDetail per number; a nil deviceName would crash the provider
        for (JsonNode no : s.get("networkInterfaceNoList")) {
            JsonNode nics = call(V, "getNetworkInterfaceDetail", "regionCode", R, "networkInterfaceNo", no.textValue())
                    .get("networkInterfaceList");
            assertEquals(1, nics.size(), "the interface a server lists exists");
            JsonNode nic = nics.get(0);
            Matcher order = DIGITS.matcher(nic.get("deviceName").textValue());
            assertTrue(order.find(), "the order is parsed from the device name");
            assertEquals("0", order.group());
            assertEquals(subnetNo, nic.get("subnetNo").textValue());
            assertTrue(nic.get("ip").textValue().matches("\\d+\\.\\d+\\.\\d+\\.\\d+"));
            assertEquals(no.textValue(), nic.get("networkInterfaceNo").textValue());
        }
        // KVM servers: base_block_storage_size from the BASIC volume (bytes / GiB)
        assertEquals("KVM", s.get("hypervisorType").get("code").textValue());
        JsonNode storages = call(V, "getBlockStorageInstanceList", "regionCode", R, "serverInstanceNo", id)
                .get("blockStorageInstanceList");
        JsonNode basic = null;
        for (JsonNode b : storages) if (b.get("blockStorageType").get("code").textValue().equals("BASIC")) basic = b;
        assertNotNull(basic, "a KVM server has its base volume");
        assertEquals(10, basic.get("blockStorageSize").longValue() / (1024L * 1024 * 1024));
    }

    /** stopThenWaitServerInstance: operation SETUP -> NULL, stop, then status RUN -> NSTOP. */
    private void stopThenWait(String id) {
        waitFor("operation before stop", v -> operation(server(id)), Set.of("SETUP"), "NULL");
        call(V, "stopServerInstances", "regionCode", R, "serverInstanceNoList.1", id);
        waitFor("stop", v -> status(server(id)), Set.of("RUN"), "NSTOP");
    }

    @Test
    void createReadChangeSpecAndDestroyAsTheProviderDoes() {
        String subnetNo = net().subnetNo();

        // ---- provider configure: SetRegionCache, then the configured region must be in it
        JsonNode regions = call(V, "getRegionList").get("regionList");
        List<String> codes = new ArrayList<>();
        regions.forEach(r -> codes.add(r.get("regionCode").textValue()));
        assertTrue(codes.contains(R), codes.toString());

        // ---- create: the subnet gives the VPC; without network_interface blocks, the VPC's default ACG
        JsonNode subnets = call("/vpc/v2/", "getSubnetDetail", "regionCode", R, "subnetNo", subnetNo).get("subnetList");
        assertEquals(1, subnets.size(), "no matching subnet found");
        String vpcNo = subnets.get(0).get("vpcNo").textValue();
        assertEquals(subnetNo, subnets.get(0).get("subnetNo").textValue());
        String defaultAcg = null;
        for (JsonNode acg : call(V, "getAccessControlGroupList", "regionCode", R, "vpcNo", vpcNo).get("accessControlGroupList")) {
            if (acg.get("isDefault").booleanValue()) defaultAcg = acg.get("accessControlGroupNo").textValue();
        }
        assertNotNull(defaultAcg, "No matching default Access Control Group found");

        // server_image_number + server_spec_code, the KVM (G3) way of naming image and spec
        JsonNode created = call(V, "createServerInstances", "regionCode", R,
                "serverImageNo", "104630229", "serverSpecCode", "ci2-g3",
                "serverName", "tf-web", "vpcNo", vpcNo, "subnetNo", subnetNo,
                "networkInterfaceList.1.networkInterfaceOrder", "0",
                "networkInterfaceList.1.accessControlGroupNoList.1", defaultAcg);
        String id = created.get("serverInstanceList").get(0).get("serverInstanceNo").textValue();

        waitFor("create", v -> status(server(id)), Set.of("INIT", "CREAT"), "RUN");

        // getVpcBasicBlockStorageList, then each volume must become "attached"
        JsonNode volumes = call(V, "getBlockStorageInstanceList", "regionCode", R, "serverInstanceNo", id)
                .get("blockStorageInstanceList");
        assertEquals(1, volumes.size());
        for (JsonNode volume : volumes) {
            String no = volume.get("blockStorageInstanceNo").textValue();
            waitFor("volume attach", v -> {
                JsonNode list = call(V, "getBlockStorageInstanceDetail", "regionCode", R, "blockStorageInstanceNo", no)
                        .get("blockStorageInstanceList");
                assertEquals(1, list.size(), "fail to get BlockStorage instance");
                JsonNode b = list.get(0);
                assertTrue(b.get("blockStorageType").has("code") && b.get("blockStorageSize").isIntegralNumber());
                return b.get("blockStorageInstanceStatusName").textValue();
            }, Set.of("initialized", "optimizing"), "attached");
        }
        read(id, subnetNo, "ci2-g3", 2);

        // ---- refresh (plan): a read again; the interface carries the default ACG it was created with
        read(id, subnetNo, "ci2-g3", 2);

        // ---- update server_spec_code: stop, change the spec, start, read
        assertEquals("RUN", status(server(id)));
        stopThenWait(id);
        call(V, "changeServerInstanceSpec", "regionCode", R, "serverInstanceNo", id, "serverSpecCode", "ci4-g3");
        waitFor("spec change", v -> operation(server(id)), Set.of("CHNG"), "NULL");
        call(V, "startServerInstances", "regionCode", R, "serverInstanceNoList.1", id);
        waitFor("start", v -> status(server(id)), Set.of("NSTOP"), "RUN");
        read(id, subnetNo, "ci4-g3", 4);

        // ---- destroy: stop when not stopped, no additional storage to detach, terminate, wait until gone
        assertEquals("RUN", status(server(id)));
        stopThenWait(id);
        JsonNode extra = call(V, "getBlockStorageInstanceList", "regionCode", R, "serverInstanceNo", id,
                "blockStorageTypeCodeList.1", "SVRBS").get("blockStorageInstanceList");
        assertEquals(0, extra.size());
        call(V, "terminateServerInstances", "regionCode", R, "serverInstanceNoList.1", id);
        waitFor("terminate", v -> status(server(id)), Set.of("NSTOP"), "TERMINATED");

        // a later plan: the server is gone (Read clears the id), and so is what hung off it
        assertEquals(null, server(id));
        assertEquals(0, call(V, "getBlockStorageInstanceList", "regionCode", R, "serverInstanceNo", id)
                .get("totalRows").intValue());

        // the calls in order, duplicates of consecutive polls folded
        List<String> folded = new ArrayList<>();
        for (String c : calls) if (folded.isEmpty() || !folded.get(folded.size() - 1).equals(c)) folded.add(c);
        assertEquals(List.of("getRegionList", "getSubnetDetail", "getAccessControlGroupList", "createServerInstances",
                "getServerInstanceDetail", "getBlockStorageInstanceList", "getBlockStorageInstanceDetail",
                "getServerInstanceDetail", "getNetworkInterfaceDetail", "getBlockStorageInstanceList",
                "getServerInstanceDetail", "getNetworkInterfaceDetail", "getBlockStorageInstanceList",
                "getServerInstanceDetail", "stopServerInstances", "getServerInstanceDetail", "changeServerInstanceSpec",
                "getServerInstanceDetail", "startServerInstances", "getServerInstanceDetail", "getNetworkInterfaceDetail",
                "getBlockStorageInstanceList", "getServerInstanceDetail", "stopServerInstances", "getServerInstanceDetail",
                "getBlockStorageInstanceList", "terminateServerInstances", "getServerInstanceDetail",
                "getBlockStorageInstanceList"), folded);
    }

    @Test
    void theProviderFailsOnAnUnknownRegionBeforeAnyServerCall() {
        // conn.IsValidRegionCode after SetRegionCache: a region getRegionList does not list stops the provider
        List<String> codes = new ArrayList<>();
        call(V, "getRegionList").get("regionList").forEach(r -> codes.add(r.get("regionCode").textValue()));
        assertFalse(codes.contains("XX"));
        // and a server call naming such a region is refused, never answered for another region
        vpc("getServerInstanceDetail", "regionCode", "XX", "serverInstanceNo", "1").then().statusCode(400);
        vpcNet("getSubnetDetail", "regionCode", "XX", "subnetNo", "1").then().statusCode(400);
    }
}
