package io.cloudmock.ncp;

import io.cloudmock.core.Account;
import io.cloudmock.core.CompactMap;
import io.cloudmock.core.Ids;
import io.cloudmock.core.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a new VPC server lives (ncp-network-api.md section 6): the VPC, subnet and ACGs it names are checked against
 * the account's resources, every network interface gets its number and a private address unique among the live
 * interfaces of its subnet, and the server refers to what it uses ({@code vpc}, {@code subnet}, {@code acg},
 * {@code login-key}), so none of those can be deleted under it.
 */
final class NcpServerNics {
    private NcpServerNics() {}

    /** One {@code networkInterfaceList.N} entry: a new interface (ACGs, optional subnet and ip) or an existing one. */
    record Asked(int order, List<String> acgs, String subnetNo, String ip, String existingNo) {}

    /** Reads and checks the entries (reference 6.1 #4, #5, #11) before the account is locked. */
    static List<Asked> asked(NcpParams p, int count) {
        List<NcpParams> nics = p.structList("networkInterfaceList");
        if (nics.isEmpty()) throw new NcpException(NcpError.MISSING_PARAMETER, "networkInterfaceList.1.networkInterfaceOrder");
        List<Asked> out = new ArrayList<>();
        Set<Integer> orders = new HashSet<>();
        for (int n = 0; n < nics.size(); n++) {
            NcpParams nic = nics.get(n);
            String where = "networkInterfaceList." + (n + 1) + ".";
            Integer order = nic.integer("networkInterfaceOrder", 0, 2);
            if (order == null) throw new NcpException(NcpError.MISSING_PARAMETER, where + "networkInterfaceOrder");
            if (!orders.add(order)) throw new NcpException(NcpError.DUPLICATED_PARAMETER, where + "networkInterfaceOrder");
            String existing = nic.get("networkInterfaceNo");
            if (existing != null) NcpNetworkActions.number(existing, where + "networkInterfaceNo");
            List<String> acgs = nic.idList("accessControlGroupNoList");
            for (String a : acgs) NcpNetworkActions.number(a, where + "accessControlGroupNoList");
            // Terraform names an existing interface without its ACGs (reference 6.1 #5)
            if (existing == null && acgs.isEmpty()) throw new NcpException(NcpError.MISSING_PARAMETER, where + "accessControlGroupNoList.1");
            if (acgs.size() > 3) throw new NcpException(NcpError.NIC_ACG_LIMIT);
            String subnetNo = nic.get("subnetNo");
            if (subnetNo != null) NcpNetworkActions.number(subnetNo, where + "subnetNo");
            String ip = nic.get("ip");
            if (count > 1 && (ip != null || existing != null)) {
                throw new NcpException(NcpError.INVALID_PARAMETER, where + (ip != null ? "ip" : "networkInterfaceNo"),
                        "(fixed for " + count + " servers)");
            }
            out.add(new Asked(order, acgs, subnetNo, ip, existing));
        }
        if (!orders.contains(0)) throw new NcpException(NcpError.MISSING_PARAMETER, "networkInterfaceList.N.networkInterfaceOrder=0");
        out.sort((a, b) -> Integer.compare(a.order(), b.order()));
        return out;
    }

    /** What was checked: the VPC and subnet, and per server the address of each new interface. */
    record Plan(Resource vpc, Resource subnet, List<Asked> nics, Map<Asked, Resource> nicSubnets,
                Map<Asked, Resource> existing, List<List<String>> ips, Ids ids) {
        Map<String, Object> place() {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("regionCode", subnet.string("regionCode"));
            f.put("zoneCode", subnet.string("zoneCode"));
            f.put("vpcNo", vpc.id());
            f.put("subnetNo", subnet.id());
            return f;
        }

        /** Makes server {@code k}'s interfaces (SET, then USED) and records every reference of the server. */
        void attach(Account.Tx tx, Resource server, int k, Instant now) {
            for (int n = 0; n < nics.size(); n++) {
                Asked a = nics.get(n);
                Resource nic = existing.get(a);
                String device = "eth" + a.order();
                if (nic == null) {
                    String id = ids.nextNumber();
                    Resource sub = nicSubnets.get(a);
                    nic = new Resource(NcpNetwork.PROVIDER, NcpNetwork.NIC, tx.account(), id, "SET", now,
                            NcpNetwork.nicFields(id, "nic" + NcpNetwork.hex(id), sub.id(), ips.get(k).get(n), a.order() == 0, true, device));
                    nic.fields().put("regionCode", sub.string("regionCode"));
                    tx.refer(nic, NcpNetwork.SUBNET, sub.id());
                    tx.refer(nic, NcpNetwork.ACG, a.acgs());
                    tx.refer(nic, NcpModel.KIND, server.id());
                    tx.add(nic);
                    tx.begin(NcpNetworkTransitions.CREATE_SERVER_NIC, nic);
                } else {
                    nic.fields().put("deviceName", device);
                    nic.fields().put("isDefault", a.order() == 0);
                    tx.refer(nic, NcpModel.KIND, server.id());
                    tx.begin(NcpNetworkTransitions.ATTACH_NIC, nic);
                }
            }
            relist(tx, server);
            tx.refer(server, NcpNetwork.VPC, vpc.id());
            tx.refer(server, NcpNetwork.SUBNET, subnet.id());
            Resource key = NcpLoginKeyActions.byName(tx, server.string("loginKeyName"));
            if (key != null) tx.refer(server, NcpNetwork.LOGIN_KEY, key.id());
            String script = server.string("initScriptNo");
            if (!script.isEmpty() && tx.get(NcpNetwork.PROVIDER, NcpNetwork.INIT_SCRIPT, script) != null) {
                tx.refer(server, NcpNetwork.INIT_SCRIPT, script);
            }
        }
    }

    /**
     * What a server shows of its interfaces, from the interfaces attached to it: their numbers in device order
     * (eth0 first, reference 6.3), their addresses (getServerInstanceList ip=), and the ACGs they apply, which the
     * server refers to so an ACG it uses cannot be deleted. Called whenever an interface comes or goes.
     */
    static void relist(Account.Tx tx, Resource server) { relist(tx, server, null); }

    /** As {@link #relist(Account.Tx, Resource)}, counting {@code joining}, an interface about to be added. */
    static void relist(Account.Tx tx, Resource server, Resource joining) {
        List<Resource> attached = tx.referrers(server, NcpNetwork.NIC);
        if (joining != null && !attached.contains(joining)) attached.add(joining);
        attached.sort(java.util.Comparator.comparing((Resource n) -> n.string("deviceName")));
        List<String> nos = new ArrayList<>();
        List<Object> records = new ArrayList<>();
        Set<String> acgs = new LinkedHashSet<>();
        for (Resource nic : attached) {
            nos.add(nic.id());
            // a compact map (its two keys a shape shared by every server) and immutable lists: 100,000 servers
            // carried a linked map and two array lists each, about 300 bytes
            Map<String, Object> rec = new CompactMap<>();
            rec.put("networkInterfaceNo", nic.id());
            rec.put("ip", nic.string("ip"));
            records.add(rec);
            acgs.addAll(nic.references(NcpNetwork.ACG));
        }
        server.fields().put("networkInterfaceNoList", List.copyOf(nos));
        server.fields().put("networkInterfaces", List.copyOf(records));
        tx.refer(server, NcpNetwork.ACG, new ArrayList<>(acgs));
    }

    /** Checks vpcNo, subnetNo and every interface against the account (reference 6.1 #1, #2, #5, #7). */
    static Plan plan(Account.Tx tx, NcpCall r, NcpParams p, List<Asked> nics, int count) {
        String region = r.regionCode();
        String vpcNo = NcpNetworkActions.number(p.require("vpcNo"), "vpcNo");
        String subnetNo = NcpNetworkActions.number(p.require("subnetNo"), "subnetNo");
        Resource vpc = NcpNetwork.get(tx, NcpNetwork.VPC, vpcNo, region);
        if (vpc == null) throw new NcpException(NcpError.VPC_NOT_FOUND, vpcNo);
        if (!vpc.state().equals("RUN")) throw new NcpException(NcpError.VPC_STATE_CONFLICT, vpc.state());
        Resource subnet = subnetOf(tx, vpc, subnetNo, region);
        Map<Asked, Resource> nicSubnets = new LinkedHashMap<>();
        Map<Asked, Resource> existing = new LinkedHashMap<>();
        for (Asked a : nics) {
            if (a.existingNo() != null) {
                Resource nic = NcpNetwork.get(tx, NcpNetwork.NIC, a.existingNo(), region);
                Resource nicSubnet = nic == null ? null : tx.get(NcpNetwork.PROVIDER, NcpNetwork.SUBNET, nic.string("subnetNo"));
                if (nic == null || nicSubnet == null || !nicSubnet.string("vpcNo").equals(vpcNo)) {
                    throw new NcpException(NcpError.NIC_NOT_FOUND, a.existingNo());
                }
                if (!nic.state().equals("NOTUSED")) throw new NcpException(NcpError.INVALID_PARAMETER, "networkInterfaceNo", a.existingNo());
                existing.put(a, nic);
                continue;
            }
            for (String acgNo : a.acgs()) {
                Resource acg = NcpNetwork.get(tx, NcpNetwork.ACG, acgNo, region);
                if (acg == null) throw new NcpException(NcpError.ACG_NOT_FOUND);
                if (!acg.string("vpcNo").equals(vpcNo)) throw new NcpException(NcpError.ACG_OTHER_VPC, acgNo);
            }
            nicSubnets.put(a, a.subnetNo() == null ? subnet : subnetOf(tx, vpc, a.subnetNo(), region));
        }
        List<List<String>> ips = new ArrayList<>();
        Map<Resource, Set<String>> chosen = new LinkedHashMap<>();
        for (int k = 0; k < count; k++) {
            List<String> mine = new ArrayList<>();
            for (Asked a : nics) {
                Resource sub = nicSubnets.get(a);
                if (sub == null) {
                    mine.add(null);
                    continue;
                }
                Set<String> taken = chosen.computeIfAbsent(sub, s -> new HashSet<>());
                String ip = NcpNetwork.allocateIp(tx, sub, a.ip(), taken);
                taken.add(ip);
                mine.add(ip);
            }
            ips.add(mine);
        }
        return new Plan(vpc, subnet, nics, nicSubnets, existing, ips, r.model().ids());
    }

    /** A subnet of the VPC that takes servers: RUN and of usage GEN (reference 6.1 #1, #2). */
    private static Resource subnetOf(Account.Tx tx, Resource vpc, String subnetNo, String region) {
        Resource subnet = NcpNetwork.get(tx, NcpNetwork.SUBNET, subnetNo, region);
        if (subnet == null || !subnet.string("vpcNo").equals(vpc.id())) throw new NcpException(NcpError.SUBNET_NOT_FOUND, subnetNo);
        tx.allowed(NcpNetworkTransitions.USE_SUBNET, subnet);
        if (!subnet.string("usageTypeCode").equals("GEN")) throw new NcpException(NcpError.SUBNET_USAGE_CONFLICT, subnetNo);
        return subnet;
    }

    /** {@code initScriptNo} names a script of the region whose OS type fits the image (reference 6.1 #9). */
    static void checkInitScript(Account.Tx tx, String initScriptNo, NcpCatalog.Image image, String region) {
        if (initScriptNo == null || initScriptNo.isEmpty()) return;
        NcpNetworkActions.number(initScriptNo, "initScriptNo");
        Resource script = NcpNetwork.get(tx, NcpNetwork.INIT_SCRIPT, initScriptNo, region);
        if (script == null) throw new NcpException(NcpError.INIT_SCRIPT_NOT_FOUND, initScriptNo);
        if (script.string("osTypeCode").equals("WND") != image.windows()) {
            throw new NcpException(NcpError.INIT_SCRIPT_OS_MISMATCH, initScriptNo);
        }
    }

    /**
     * The login key a server gets: the one named (10406 when the account has none of that name), or without a name
     * the most recently created one, as the Classic documentation says (reference 6.1 #8); "" when there is none.
     */
    static String loginKey(Account.Tx tx, String name) {
        if (name != null) {
            if (NcpLoginKeyActions.byName(tx, name) == null) throw new NcpException(NcpError.LOGIN_KEY_NOT_FOUND);
            return name;
        }
        List<Resource> keys = tx.list(NcpNetwork.PROVIDER, NcpNetwork.LOGIN_KEY);
        return keys.isEmpty() ? "" : keys.get(keys.size() - 1).string("keyName");
    }

    /**
     * A VPC server made by the control API or a seed: in the subnet its references name (its VPC and the VPC's
     * default ACG follow), or else in the account's ready network, made on first need; with a default interface
     * (eth0) in that subnet.
     */
    static void prepareControl(Account.Tx tx, Ids ids, Resource server) {
        String subnetNo = server.reference(NcpNetwork.SUBNET);
        Resource subnet;
        if (subnetNo != null) {
            subnet = tx.get(NcpNetwork.PROVIDER, NcpNetwork.SUBNET, subnetNo);
        } else {
            Resource ready = NcpNetwork.readyVpc(tx, ids, server.since());
            String zone = server.string("zoneCode");
            subnet = null;
            for (Resource s : tx.referrers(ready, NcpNetwork.SUBNET)) {
                if (subnet == null || s.string("zoneCode").equals(zone) && !subnet.string("zoneCode").equals(zone)) subnet = s;
            }
            if (subnet == null) throw new IllegalArgumentException("the ready network of account " + tx.account() + " has no subnet left");
        }
        Resource vpc = tx.get(NcpNetwork.PROVIDER, NcpNetwork.VPC, subnet.string("vpcNo"));
        String given = server.reference(NcpNetwork.VPC);
        if (given != null && !given.equals(vpc.id())) {
            throw new IllegalArgumentException("subnet " + subnet.id() + " is in VPC " + vpc.id() + ", not " + given);
        }
        List<String> acgs = new ArrayList<>(server.references(NcpNetwork.ACG));
        for (String a : acgs) {
            if (!tx.get(NcpNetwork.PROVIDER, NcpNetwork.ACG, a).string("vpcNo").equals(vpc.id())) {
                throw new IllegalArgumentException("acg " + a + " is not an ACG of VPC " + vpc.id());
            }
        }
        if (acgs.isEmpty()) acgs.add(NcpNetwork.defaultOf(tx, vpc, NcpNetwork.ACG).id());
        Asked eth0 = new Asked(0, acgs, null, null, null);
        String ip = NcpNetwork.allocateIp(tx, subnet, null, Set.of());
        server.fields().put("regionCode", subnet.string("regionCode"));
        server.fields().put("zoneCode", subnet.string("zoneCode"));
        server.fields().put("vpcNo", vpc.id());
        server.fields().put("subnetNo", subnet.id());
        Map<Asked, Resource> subnets = new LinkedHashMap<>();
        subnets.put(eth0, subnet);
        new Plan(vpc, subnet, List.of(eth0), subnets, Map.of(), List.of(List.of(ip)), ids).attach(tx, server, 0, server.since());
        // a server made settled has a settled interface
        for (String no : NcpServerView.strings(server, "networkInterfaceNoList")) {
            Resource nic = tx.get(NcpNetwork.PROVIDER, NcpNetwork.NIC, no);
            if (nic != null && !server.inTransition()) nic.force("USED", server.since());
        }
    }

    /**
     * Terminating a server detaches the interfaces it did not create (deleteOnTermination false, reference 6.4); the
     * ones it created go with it (the nic kind cascades on its server).
     */
    static void releaseKept(Account.Tx tx, Resource server) {
        for (Resource nic : tx.referrers(server, NcpNetwork.NIC)) {
            if (NcpServerView.bool(nic, "deleteOnTermination")) continue;
            tx.refer(nic, NcpModel.KIND, (String) null);
            nic.fields().put("deviceName", "");
            nic.fields().put("isDefault", false);
            nic.force("NOTUSED", server.since());
        }
    }
}
