package io.cloudmock.ncp;

import io.cloudmock.core.Account;
import io.cloudmock.core.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes of network interfaces ({@code /vserver/v2}, ncp-network-api.md 5.3.3 and 5.3.5-5.3.7): create in a
 * subnet, delete, attach to and detach from a server, add and remove ACGs. Every request is checked whole before
 * anything changes; the states walk the nic kind's table (5.3.2), the server's take the server table's guards.
 * The interface keeps its server, subnet and ACGs as references, so neither can go while it uses them.
 */
final class NcpNicActions {
    /** ACGs on one interface (reference 3: "Min: 1, Max: 3"). */
    static final int MAX_ACGS = 3;
    /** eth0 to eth2 (reference 3). */
    static final int MAX_PER_SERVER = 3;

    private NcpNicActions() {}

    static Map<String, Object> create(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String vpcNo = NcpNetworkActions.number(p.require("vpcNo"), "vpcNo");
        String subnetNo = NcpNetworkActions.number(p.require("subnetNo"), "subnetNo");
        List<String> acgNos = acgList(p);
        String name = p.get("networkInterfaceName");
        if (name != null) NcpNames.check(name);
        String description = NcpAcgActions.description(p, "networkInterfaceDescription");
        String serverNo = p.get("serverInstanceNo");
        if (serverNo != null) NcpNetworkActions.number(serverNo, "serverInstanceNo");
        String ip = p.get("ip");
        p.bool("isBareMetal");
        List<String> secondary = p.idList("secondaryIpList");
        Integer secondaryCount = p.integer("secondaryIpCount", 0, 30);
        Instant now = r.clock().now();
        return r.account().atomically(tx -> {
            Resource vpc = NcpNetwork.get(tx, NcpNetwork.VPC, vpcNo, region);
            if (vpc == null) throw new NcpException(NcpError.VPC_NOT_FOUND, vpcNo);
            if (!vpc.state().equals("RUN")) throw new NcpException(NcpError.VPC_STATE_CONFLICT, vpc.state());
            Resource subnet = NcpNetwork.get(tx, NcpNetwork.SUBNET, subnetNo, region);
            if (subnet == null || !subnet.string("vpcNo").equals(vpcNo)) throw new NcpException(NcpError.SUBNET_NOT_FOUND, subnetNo);
            tx.allowed(NcpNetworkTransitions.USE_SUBNET, subnet);
            checkAcgs(tx, acgNos, vpcNo, region);
            Resource server = null;
            Resource publicIp = null;
            if (serverNo != null) {
                if (!subnet.string("subnetTypeCode").equals("PRIVATE")) throw new NcpException(NcpError.NIC_PUBLIC_SUBNET);
                server = serverFor(tx, serverNo, subnet, region);
                publicIp = NcpPublicIpActions.checkDropForNewInterface(tx, server);
            }
            Set<String> taken = new HashSet<>();
            String primary = NcpNetwork.allocateIp(tx, subnet, ip, taken);
            taken.add(primary);
            List<String> secondaries = new ArrayList<>();
            for (String wanted : secondary) secondaries.add(take(tx, subnet, wanted, taken));
            for (int k = 0; k < (secondaryCount == null ? 0 : secondaryCount); k++) secondaries.add(take(tx, subnet, null, taken));
            // everything is checked: make it
            String id = r.model().ids().nextNumber();
            Resource nic = new Resource(NcpNetwork.PROVIDER, NcpNetwork.NIC, tx.account(), id, "NOTUSED", now,
                    NcpNetwork.nicFields(id, name == null ? "nic" + NcpNetwork.hex(id) : name, subnetNo, primary, false, false, ""));
            nic.fields().put("networkInterfaceDescription", description);
            nic.fields().put("secondaryIpList", secondaries);
            nic.fields().put("regionCode", region);
            tx.refer(nic, NcpNetwork.SUBNET, subnetNo);
            tx.refer(nic, NcpNetwork.ACG, acgNos);
            if (server != null) {
                nic.fields().put("deviceName", nextDevice(tx, server));
                tx.refer(nic, NcpModel.KIND, server.id());
            }
            tx.add(nic);
            tx.begin(server == null ? NcpNetworkTransitions.CREATE_NIC : NcpNetworkTransitions.CREATE_SERVER_NIC, nic);
            if (server != null) NcpServerNics.relist(tx, server);
            NcpPublicIpActions.dropForNewInterface(tx, publicIp, now);
            return payload(nic);
        });
    }

    /**
     * A server's default interface (eth0) cannot go while the server exists; any other may, attached or not: an
     * attached one is detached on the way (reference 2.3: Terraform deletes an ncloud_network_interface before the
     * server it is attached to, and its delete waiter has USED as pending).
     */
    static Map<String, Object> delete(NcpCall r) {
        String nicNo = NcpNetworkActions.number(r.params().require("networkInterfaceNo"), "networkInterfaceNo");
        String region = r.regionCode();
        return r.account().atomically(tx -> {
            Resource nic = find(tx, nicNo, region);
            Resource server = serverOf(tx, nic);
            if (server != null && NcpServerView.bool(nic, "isDefault")) throw new NcpException(NcpError.NIC_DEFAULT);
            tx.allowed(NcpNetworkTransitions.DELETE_NIC, nic);
            if (server != null) tx.allowed(NcpTransitions.NIC_DETACH, server);
            tx.begin(NcpNetworkTransitions.DELETE_NIC, nic);
            if (server != null) release(tx, nic, server);
            return payload(nic);
        });
    }

    /** The server's public IP, if it has one, is dropped (reference 5.3.6, {@link NcpPublicIpActions#checkDropForNewInterface}). */
    static Map<String, Object> attach(NcpCall r) {
        Target t = target(r);
        Instant now = r.clock().now();
        return r.account().atomically(tx -> {
            Resource nic = find(tx, t.nicNo(), t.region());
            checkSubnet(nic, t.subnetNo());
            Resource subnet = tx.get(NcpNetwork.PROVIDER, NcpNetwork.SUBNET, nic.string("subnetNo"));
            tx.allowed(NcpNetworkTransitions.ATTACH_NIC, nic);
            Resource server = serverFor(tx, t.serverNo(), subnet, t.region());
            Resource publicIp = NcpPublicIpActions.checkDropForNewInterface(tx, server);
            String device = nextDevice(tx, server);
            nic.fields().put("deviceName", device);
            nic.fields().put("isDefault", false);
            tx.refer(nic, NcpModel.KIND, server.id());
            tx.begin(NcpNetworkTransitions.ATTACH_NIC, nic);
            NcpServerNics.relist(tx, server);
            NcpPublicIpActions.dropForNewInterface(tx, publicIp, now);
            return payload(nic);
        });
    }

    static Map<String, Object> detach(NcpCall r) {
        Target t = target(r);
        return r.account().atomically(tx -> {
            Resource nic = find(tx, t.nicNo(), t.region());
            checkSubnet(nic, t.subnetNo());
            Resource server = NcpNetwork.get(tx, NcpModel.KIND, t.serverNo(), t.region());
            if (server == null) throw new NcpException(NcpError.INVALID_SERVER_INSTANCE_NO);
            tx.allowed(NcpNetworkTransitions.DETACH_NIC, nic);
            if (!server.id().equals(nic.reference(NcpModel.KIND))) throw new NcpException(NcpError.NIC_NOT_ON_SERVER, server.id());
            if (NcpServerView.bool(nic, "isDefault")) throw new NcpException(NcpError.NIC_DEFAULT);
            tx.allowed(NcpTransitions.NIC_DETACH, server);
            tx.begin(NcpNetworkTransitions.DETACH_NIC, nic);
            release(tx, nic, server);
            return payload(nic);
        });
    }

    static Map<String, Object> addAcgs(NcpCall r) { return changeAcgs(r, true); }

    static Map<String, Object> removeAcgs(NcpCall r) { return changeAcgs(r, false); }

    /**
     * Adds or removes ACGs (reference 5.3.7): at most 3 after an add, at least 1 after a remove (1002035, which
     * Terraform retries); the interface is SET for one delay and then back to USED or NOTUSED.
     */
    private static Map<String, Object> changeAcgs(NcpCall r, boolean add) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String nicNo = NcpNetworkActions.number(p.require("networkInterfaceNo"), "networkInterfaceNo");
        List<String> asked = acgList(p);
        return r.account().atomically(tx -> {
            Resource nic = find(tx, nicNo, region);
            String row = nic.state().equals("USED") ? NcpNetworkTransitions.CHANGE_USED_NIC_ACG : NcpNetworkTransitions.CHANGE_FREE_NIC_ACG;
            tx.allowed(row, nic);
            Resource subnet = tx.get(NcpNetwork.PROVIDER, NcpNetwork.SUBNET, nic.string("subnetNo"));
            Set<String> acgs = new LinkedHashSet<>(nic.references(NcpNetwork.ACG));
            if (add) {
                checkAcgs(tx, asked, subnet.string("vpcNo"), region);
                acgs.addAll(asked);
                if (acgs.size() > MAX_ACGS) throw new NcpException(NcpError.NIC_ACG_LIMIT);
            } else {
                acgs.removeAll(asked);
                if (acgs.isEmpty()) throw new NcpException(NcpError.NIC_LAST_ACG);
            }
            tx.refer(nic, NcpNetwork.ACG, new ArrayList<>(acgs));
            tx.begin(row, nic);
            Resource server = serverOf(tx, nic);
            if (server != null) NcpServerNics.relist(tx, server);
            return payload(nic);
        });
    }

    // ---- checks shared by the actions

    /** What attach and detach name: all three required (reference 5.3.6). */
    private record Target(String region, String serverNo, String nicNo, String subnetNo) {}

    private static Target target(NcpCall r) {
        NcpParams p = r.params();
        return new Target(r.regionCode(), NcpNetworkActions.number(p.require("serverInstanceNo"), "serverInstanceNo"),
                NcpNetworkActions.number(p.require("networkInterfaceNo"), "networkInterfaceNo"),
                NcpNetworkActions.number(p.require("subnetNo"), "subnetNo"));
    }

    /** accessControlGroupNoList.N: required, numbers, no repeats, 1 to 3. */
    private static List<String> acgList(NcpParams p) {
        List<String> acgs = p.idList("accessControlGroupNoList");
        if (acgs.isEmpty()) throw new NcpException(NcpError.MISSING_PARAMETER, "accessControlGroupNoList.1");
        for (String a : acgs) NcpNetworkActions.number(a, "accessControlGroupNoList");
        if (acgs.size() > MAX_ACGS) throw new NcpException(NcpError.NIC_ACG_LIMIT);
        return acgs;
    }

    /** Every ACG exists (1007000) and is one of the VPC's (1007001). */
    private static void checkAcgs(Account.Tx tx, List<String> acgNos, String vpcNo, String region) {
        for (String acgNo : acgNos) {
            Resource acg = NcpNetwork.get(tx, NcpNetwork.ACG, acgNo, region);
            if (acg == null) throw new NcpException(NcpError.ACG_NOT_FOUND);
            if (!acg.string("vpcNo").equals(vpcNo)) throw new NcpException(NcpError.ACG_OTHER_VPC, acgNo);
        }
    }

    private static Resource find(Account.Tx tx, String nicNo, String region) {
        Resource nic = NcpNetwork.get(tx, NcpNetwork.NIC, nicNo, region);
        if (nic == null) throw new NcpException(NcpError.NIC_NOT_FOUND, nicNo);
        return nic;
    }

    private static void checkSubnet(Resource nic, String subnetNo) {
        if (!nic.string("subnetNo").equals(subnetNo)) throw new NcpException(NcpError.NIC_OTHER_SUBNET, subnetNo);
    }

    private static Resource serverOf(Account.Tx tx, Resource nic) {
        String no = nic.reference(NcpModel.KIND);
        return no == null ? null : tx.get(NcpNetwork.PROVIDER, NcpModel.KIND, no);
    }

    /**
     * The server an interface of {@code subnet} may be attached to: a VPC server (24120 otherwise) of the subnet's
     * VPC and zone, running or stopped (the server table's guard), with a device left.
     */
    private static Resource serverFor(Account.Tx tx, String serverNo, Resource subnet, String region) {
        Resource server = NcpNetwork.get(tx, NcpModel.KIND, serverNo, region);
        if (server == null) throw new NcpException(NcpError.INVALID_SERVER_INSTANCE_NO);
        if (!server.string("vpcNo").equals(subnet.string("vpcNo")) || !server.string("zoneCode").equals(subnet.string("zoneCode"))) {
            throw new NcpException(NcpError.NIC_SERVER_MISMATCH, serverNo);
        }
        tx.allowed(NcpTransitions.NIC_ATTACH, server);
        nextDevice(tx, server);
        return server;
    }

    /** The lowest free of eth1, eth2 (eth0 is the server's default interface). */
    private static String nextDevice(Account.Tx tx, Resource server) {
        Set<String> used = new HashSet<>();
        for (Resource n : tx.referrers(server, NcpNetwork.NIC)) used.add(n.string("deviceName"));
        for (int k = 0; k < MAX_PER_SERVER; k++) if (!used.contains("eth" + k)) return "eth" + k;
        throw new NcpException(NcpError.NIC_LIMIT, server.id());
    }

    /** An interface leaves its server: no instance, no device; the server lists the rest. */
    private static void release(Account.Tx tx, Resource nic, Resource server) {
        tx.refer(nic, NcpModel.KIND, (String) null);
        nic.fields().put("deviceName", "");
        NcpServerNics.relist(tx, server);
    }

    private static String take(Account.Tx tx, Resource subnet, String wanted, Set<String> taken) {
        String ip = NcpNetwork.allocateIp(tx, subnet, wanted, taken);
        taken.add(ip);
        return ip;
    }

    private static Map<String, Object> payload(Resource nic) {
        return NcpList.payload("networkInterfaceList", "networkInterface", List.of(NcpNetworkViews.nic(nic)));
    }
}
