package io.cloudmock.ncp;

import io.cloudmock.core.Account;
import io.cloudmock.core.Backend;
import io.cloudmock.core.Ids;
import io.cloudmock.core.Resource;
import io.cloudmock.core.ReferrerValues;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The NCP VPC network as resources (ncp-network-api.md section 2): VPCs with their default network ACL, default ACG
 * and two default route tables; subnets; ACGs; network interfaces; login keys. Their kinds, how each is made (by
 * the API actions and by the control API alike), and the ready network of {@code POST /_cloudmock/networks}.
 *
 * <p>Fields hold the wire fields under NCP's names; the state is the status code. References follow the
 * graph: subnet, ACG, network ACL and route table refer to their {@code vpc}; a subnet to its {@code network-acl};
 * a server to its {@code vpc}, {@code subnet}, {@code acg}s, {@code login-key} and {@code init-script}; a
 * network interface to its {@code server}, {@code subnet} and {@code acg}s.
 */
final class NcpNetwork {
    static final String PROVIDER = NcpNetworkKind.PROVIDER;
    static final String VPC = "vpc";
    static final String SUBNET = "subnet";
    static final String NETWORK_ACL = "network-acl";
    static final String ROUTE_TABLE = "route-table";
    static final String ACG = "acg";
    static final String NIC = "nic";
    static final String LOGIN_KEY = "login-key";
    static final String INIT_SCRIPT = "init-script";
    /** Field marking the VPC of the ready network (never on the wire: views pick their fields by name). */
    static final String READY_MARK = "cloudmockReadyNetwork";
    static final String READY_CIDR = "10.0.0.0/16";

    private NcpNetwork() {}

    /** Registers the kinds and the ready network; called once from NcpRoutes' constructor. */
    static void register(Backend backend) {
        Ids ids = backend.ids();
        backend.register(new NcpNetworkKind(VPC, NcpNetworkTransitions.VPC, "RUN", ids,
                (id, now) -> vpcFields(id, "vpc" + hex(id), READY_CIDR, region(), now), Set.of(),
                (tx, r) -> addDefaults(tx, ids, r, r.since())));
        backend.register(new NcpNetworkKind(SUBNET, NcpNetworkTransitions.SUBNET, "RUN", ids,
                (id, now) -> subnetFields(id, "sbn" + hex(id), "", "", firstZone(), "PUBLIC", "GEN", "", now),
                Set.of(VPC), NcpNetwork::prepareSubnet));
        backend.register(new NcpNetworkKind(NETWORK_ACL, NcpNetworkTransitions.NETWORK_ACL, "RUN", ids,
                (id, now) -> naclFields(id, "nacl" + hex(id), "", false, now), Set.of(VPC), needsVpc("networkAcl")));
        backend.register(new NcpNetworkKind(ROUTE_TABLE, NcpNetworkTransitions.ROUTE_TABLE, "RUN", ids,
                (id, now) -> routeTableFields(id, "rtb" + hex(id), "", "PUBLIC", false), Set.of(VPC), needsVpc("routeTable")));
        backend.register(new NcpNetworkKind(ACG, NcpNetworkTransitions.ACG, "RUN", ids,
                (id, now) -> acgFields(id, "acg" + hex(id), "", false, "", List.of()), Set.of(VPC), needsVpc("accessControlGroup")));
        backend.register(new NcpNetworkKind(LOGIN_KEY, NcpNetworkTransitions.LOGIN_KEY, "RUN", ids,
                (id, now) -> NcpLoginKeys.fields("key" + hex(id), NcpLoginKeys.generate().publicKey(), now), Set.of(), (tx, r) -> {}));
        backend.register(new NcpNetworkKind(INIT_SCRIPT, NcpNetworkTransitions.LOGIN_KEY, "RUN", ids,
                (id, now) -> NcpInitScriptActions.fields("init" + hex(id), "", "#!/bin/bash\n", "LNX", region(), now), Set.of(),
                (tx, r) -> {}));
        backend.register(new NcpNetworkKind(NIC, NcpNetworkTransitions.NIC, "NOTUSED", ids,
                (id, now) -> nicFields(id, "nic" + hex(id), "", "", false, false, ""), Set.of(NcpModel.KIND, SUBNET),
                NcpNetwork::prepareNic).unique(NcpNetwork::nicAddresses));
        backend.registerReadyNetwork(PROVIDER, tx -> readyNetwork(tx, ids, backend.clock().now()));
    }

    // ---- field makers: every wire field of a kind, in the Go SDK's order

    static Map<String, Object> vpcFields(String id, String name, String cidr, String region, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("vpcName", name);
        f.put("ipv4CidrBlock", cidr);
        f.put("regionCode", region);
        f.put("createDate", NcpModel.date(now));
        return f;
    }

    static Map<String, Object> subnetFields(String id, String name, String vpcNo, String cidr, String zone, String type,
                                            String usage, String naclNo, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("vpcNo", vpcNo);
        f.put("zoneCode", zone);
        f.put("subnetName", name);
        f.put("subnet", cidr);
        f.put("createDate", NcpModel.date(now));
        f.put("subnetTypeCode", type);
        f.put("usageTypeCode", usage);
        f.put("networkAclNo", naclNo);
        f.put("regionCode", region(zone));
        return f;
    }

    static Map<String, Object> naclFields(String id, String name, String vpcNo, boolean isDefault, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("networkAclName", name);
        f.put("vpcNo", vpcNo);
        f.put("networkAclDescription", isDefault ? "default network ACL" : "");
        f.put("createDate", NcpModel.date(now));
        f.put("isDefault", isDefault);
        f.put("regionCode", region());
        return f;
    }

    static Map<String, Object> routeTableFields(String id, String name, String vpcNo, String type, boolean isDefault) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("routeTableName", name);
        f.put("regionCode", region());
        f.put("vpcNo", vpcNo);
        f.put("supportedSubnetTypeCode", type);
        f.put("isDefault", isDefault);
        f.put("routeTableDescription", isDefault ? "default route table" : "");
        return f;
    }

    static Map<String, Object> acgFields(String id, String name, String vpcNo, boolean isDefault, String description,
                                         List<Map<String, Object>> rules) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("accessControlGroupName", name);
        f.put("isDefault", isDefault);
        f.put("vpcNo", vpcNo);
        f.put("accessControlGroupDescription", description);
        f.put("rules", new ArrayList<>(rules));
        f.put("regionCode", region());
        return f;
    }

    static Map<String, Object> nicFields(String id, String name, String subnetNo, String ip, boolean isDefault,
                                         boolean deleteOnTermination, String deviceName) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("networkInterfaceName", name);
        f.put("subnetNo", subnetNo);
        f.put("deleteOnTermination", deleteOnTermination);
        f.put("isDefault", isDefault);
        f.put("deviceName", deviceName);
        f.put("ip", ip);
        f.put("macAddress", mac(id));
        f.put("networkInterfaceDescription", "");
        f.put("regionCode", region());
        return f;
    }

    // ---- making a VPC and its defaults, a subnet, the ready network

    /** A new VPC in {@code state}, with the four defaults of reference 2.1 (RUN, isDefault). */
    static List<Resource> newVpc(Account.Tx tx, Ids ids, String name, String cidr, String region, Instant now, String state) {
        String id = ids.nextNumber();
        Resource vpc = new Resource(PROVIDER, VPC, tx.account(), id, state, now,
                vpcFields(id, name == null ? "vpc" + hex(id) : name, cidr, region, now));
        List<Resource> made = new ArrayList<>();
        made.add(vpc);
        tx.add(vpc);
        made.addAll(addDefaults(tx, ids, vpc, now));
        return made;
    }

    /** The default network ACL, ACG and route tables of a VPC (names as reference 2.1 gives them). */
    static List<Resource> addDefaults(Account.Tx tx, Ids ids, Resource vpc, Instant now) {
        String name = vpc.string("vpcName");
        List<Resource> made = new ArrayList<>();
        String naclNo = ids.nextNumber();
        made.add(child(tx, vpc, NETWORK_ACL, naclNo, now, naclFields(naclNo, name + "-default-network-acl", vpc.id(), true, now)));
        String acgNo = ids.nextNumber();
        made.add(child(tx, vpc, ACG, acgNo, now, acgFields(acgNo, name + "-default-acg", vpc.id(), true,
                "default ACG", NcpAcgRules.defaults(acgNo))));
        String pub = ids.nextNumber();
        made.add(child(tx, vpc, ROUTE_TABLE, pub, now, routeTableFields(pub, name + "-default-public-table", vpc.id(), "PUBLIC", true)));
        String priv = ids.nextNumber();
        made.add(child(tx, vpc, ROUTE_TABLE, priv, now, routeTableFields(priv, name + "-default-private-table", vpc.id(), "PRIVATE", true)));
        return made;
    }

    private static Resource child(Account.Tx tx, Resource vpc, String kind, String id, Instant now, Map<String, Object> f) {
        f.put("regionCode", vpc.string("regionCode"));
        Resource r = new Resource(PROVIDER, kind, tx.account(), id, "RUN", now, f);
        tx.refer(r, VPC, vpc.id());
        tx.add(r);
        return r;
    }

    static Resource newSubnet(Account.Tx tx, Ids ids, Resource vpc, String name, String cidr, String zone, String type,
                              String usage, Resource nacl, Instant now, String state) {
        String id = ids.nextNumber();
        Resource s = new Resource(PROVIDER, SUBNET, tx.account(), id, state, now,
                subnetFields(id, name == null ? "sbn" + hex(id) : name, vpc.id(), cidr, zone, type, usage, nacl.id(), now));
        tx.refer(s, VPC, vpc.id());
        tx.refer(s, NETWORK_ACL, nacl.id());
        tx.add(s);
        return s;
    }

    /**
     * The ready network: VPC {@value #READY_CIDR} ("cloudmock-vpc") with its defaults and a public GEN subnet per zone of
     * the first region ({@code 10.0.N.0/24} for zone N), everything RUN at once.
     */
    static List<Resource> readyNetwork(Account.Tx tx, Ids ids, Instant now) {
        String region = region();
        List<Resource> made = newVpc(tx, ids, "cloudmock-vpc", READY_CIDR, region, now, "RUN");
        Resource vpc = made.get(0);
        vpc.fields().put(READY_MARK, true);
        Resource nacl = defaultOf(tx, vpc, NETWORK_ACL);
        int n = 1;
        for (NcpCatalog.Zone z : NcpCatalog.zones(region)) {
            made.add(newSubnet(tx, ids, vpc, "cloudmock-" + z.zoneCode().toLowerCase(java.util.Locale.ROOT),
                    "10.0." + n++ + ".0/24", z.zoneCode(), "PUBLIC", "GEN", nacl, now, "RUN"));
        }
        return made;
    }

    /** The account's ready network (made now if it has none): its VPC. */
    static Resource readyVpc(Account.Tx tx, Ids ids, Instant now) {
        for (Resource v : tx.list(PROVIDER, VPC)) if (Boolean.TRUE.equals(v.fields().get(READY_MARK))) return v;
        return readyNetwork(tx, ids, now).get(0);
    }

    // ---- lookups

    /** The VPC's default resource of a kind (network-acl, acg), or null. */
    static Resource defaultOf(Account.Tx tx, Resource vpc, String kind) {
        for (Resource r : tx.referrers(vpc, kind)) if (Boolean.TRUE.equals(r.fields().get("isDefault"))) return r;
        return null;
    }

    /** Resources of a kind in one region, in creation order. */
    static List<Resource> inRegion(Account.Tx tx, String kind, String region) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : tx.list(PROVIDER, kind)) if (r.string("regionCode").equals(region)) out.add(r);
        return out;
    }

    /** A resource of a kind by its number, in a region, or null. */
    static Resource get(Account.Tx tx, String kind, String id, String region) {
        Resource r = id == null ? null : tx.get(PROVIDER, kind, id);
        return r != null && (region == null || r.string("regionCode").equals(region)) ? r : null;
    }

    /**
     * The next free address of a subnet from .6 on, or {@code wanted} when it is usable and free: unique among the
     * primary and secondary addresses of the live network interfaces of the subnet and {@code alsoTaken}.
     */
    static String allocateIp(Account.Tx tx, Resource subnet, String wanted, Set<String> alsoTaken) {
        NcpCidr cidr = NcpCidr.parse(subnet.string("subnet"));
        // the subnet's addresses in use, kept by the account: no walk over every interface of a large subnet
        ReferrerValues used = tx.referrerValues(subnet, NIC, "ip");
        ReferrerValues secondary = tx.referrerValues(subnet, NIC, "secondaryIpList");
        if (wanted != null) {
            Long ip = NcpCidr.ip(wanted);
            if (ip == null || cidr == null || !cidr.usable(ip)) throw new NcpException(NcpError.NIC_IP_INVALID, wanted);
            if (used.contains(wanted) || secondary.contains(wanted) || alsoTaken.contains(wanted)) {
                throw new NcpException(NcpError.NIC_IP_IN_USE, wanted);
            }
            return wanted;
        }
        if (cidr != null) {
            // below the floor every address is in use (the floor is forgotten when an address is released)
            boolean floorSet = false;
            for (long ip = Math.max(cidr.base() + 6, used.floor()); ip < cidr.last(); ip++) {
                String text = NcpCidr.dotted(ip);
                if (used.contains(text)) continue;
                if (!floorSet) {
                    used.floor(ip);
                    floorSet = true;
                }
                if (!alsoTaken.contains(text) && !secondary.contains(text)) return text;
            }
        }
        throw new NcpException(NcpError.SUBNET_FULL, subnet.id());
    }

    /** A subnet's address is one interface's, primary or secondary (allocateIp keeps it so). */
    private static List<String> nicAddresses(Resource nic) {
        String subnet = nic.reference(SUBNET);
        if (subnet == null) return List.of();
        List<String> out = new ArrayList<>();
        if (!nic.string("ip").isEmpty()) out.add("address " + nic.string("ip") + " of subnet " + subnet);
        for (String ip : NcpServerView.strings(nic, "secondaryIpList")) out.add("address " + ip + " of subnet " + subnet);
        return out;
    }

    // ---- control API preparation

    private static java.util.function.BiConsumer<Account.Tx, Resource> needsVpc(String what) {
        return (tx, r) -> {
            String vpcNo = r.reference(VPC);
            if (vpcNo == null) throw new IllegalArgumentException("a " + r.kind() + " needs references.vpc");
            r.fields().put("vpcNo", vpcNo);
        };
    }

    private static void prepareSubnet(Account.Tx tx, Resource s) {
        String vpcNo = s.reference(VPC);
        if (vpcNo == null) throw new IllegalArgumentException("a subnet needs references.vpc");
        Resource vpc = tx.get(PROVIDER, VPC, vpcNo);
        s.fields().put("vpcNo", vpcNo);
        s.fields().put("regionCode", vpc.string("regionCode"));
        if (s.reference(NETWORK_ACL) == null) {
            Resource nacl = defaultOf(tx, vpc, NETWORK_ACL);
            if (nacl != null) tx.refer(s, NETWORK_ACL, nacl.id());
        } else if (!tx.get(PROVIDER, NETWORK_ACL, s.reference(NETWORK_ACL)).string("vpcNo").equals(vpcNo)) {
            throw new IllegalArgumentException("network-acl " + s.reference(NETWORK_ACL) + " is not a network ACL of VPC " + vpcNo);
        }
        s.fields().put("networkAclNo", s.reference(NETWORK_ACL) == null ? "" : s.reference(NETWORK_ACL));
        NcpCidr vpcCidr = NcpCidr.parse(vpc.string("ipv4CidrBlock"));
        List<NcpCidr> others = new ArrayList<>();
        for (Resource o : tx.referrers(vpc, SUBNET)) if (o != s) others.add(NcpCidr.parse(o.string("subnet")));
        String given = s.string("subnet");
        if (!given.isEmpty()) {
            NcpCidr c = NcpCidr.parse(given);
            if (c == null || vpcCidr == null || !vpcCidr.contains(c)) {
                throw new IllegalArgumentException("fields.subnet " + given + " is not a block inside the VPC's " + vpc.string("ipv4CidrBlock"));
            }
            for (NcpCidr o : others) if (o != null && o.overlaps(c)) throw new IllegalArgumentException("fields.subnet " + given + " overlaps " + o);
            return;
        }
        // no block given: the first free /24 (or the VPC's own block when it is smaller)
        int prefix = vpcCidr == null ? 24 : Math.max(24, vpcCidr.prefix());
        for (long base = vpcCidr == null ? 0 : vpcCidr.base(); vpcCidr != null && base < vpcCidr.last(); base += 1L << (32 - prefix)) {
            NcpCidr c = new NcpCidr(base, prefix);
            boolean free = true;
            for (NcpCidr o : others) if (o != null && o.overlaps(c)) free = false;
            if (free) {
                s.fields().put("subnet", c.toString());
                return;
            }
        }
        throw new IllegalArgumentException("the VPC " + vpcNo + " has no free block left for a subnet");
    }

    /**
     * A network interface of the control API: in its subnet, with the VPC's default ACG unless it names 1 to 3 of
     * that VPC, a free address (or the one given, if usable and free), and when it names a server (of the subnet's
     * VPC and zone) the next device of that server, which then lists it.
     */
    private static void prepareNic(Account.Tx tx, Resource nic) {
        String subnetNo = nic.reference(SUBNET);
        if (subnetNo == null) throw new IllegalArgumentException("a nic needs references.subnet");
        Resource subnet = tx.get(PROVIDER, SUBNET, subnetNo);
        String vpcNo = subnet.string("vpcNo");
        nic.fields().put("subnetNo", subnetNo);
        nic.fields().put("regionCode", subnet.string("regionCode"));
        if (nic.references(ACG).isEmpty()) {
            Resource acg = defaultOf(tx, tx.get(PROVIDER, VPC, vpcNo), ACG);
            if (acg != null) tx.refer(nic, ACG, acg.id());
        }
        if (nic.references(ACG).size() > NcpNicActions.MAX_ACGS) throw new IllegalArgumentException("a nic takes 1 to 3 ACGs");
        for (String a : nic.references(ACG)) {
            if (!tx.get(PROVIDER, ACG, a).string("vpcNo").equals(vpcNo)) throw new IllegalArgumentException("acg " + a + " is not an ACG of VPC " + vpcNo);
        }
        String ip = nic.string("ip");
        try {
            nic.fields().put("ip", allocateIp(tx, subnet, ip.isEmpty() ? null : ip, Set.of()));
        } catch (NcpException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Resource server = nic.reference(NcpModel.KIND) == null ? null : tx.get(PROVIDER, NcpModel.KIND, nic.reference(NcpModel.KIND));
        if (server == null) {
            nic.fields().put("deviceName", "");
            nic.fields().put("isDefault", false);
            nic.force("NOTUSED", nic.since());
            return;
        }
        if (!server.string("vpcNo").equals(vpcNo) || !server.string("zoneCode").equals(subnet.string("zoneCode"))) {
            throw new IllegalArgumentException("server " + server.id() + " is not in the VPC and zone of subnet " + subnetNo);
        }
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Resource n : tx.referrers(server, NIC)) used.add(n.string("deviceName"));
        String device = null;
        for (int k = 1; k < NcpNicActions.MAX_PER_SERVER && device == null; k++) if (!used.contains("eth" + k)) device = "eth" + k;
        if (device == null) throw new IllegalArgumentException("server " + server.id() + " has 3 network interfaces already");
        nic.fields().put("deviceName", device);
        nic.fields().put("isDefault", false);
        nic.force("USED", nic.since());
        NcpServerNics.relist(tx, server, nic);
    }

    // ---- small things

    static String region() { return NcpCatalog.VPC_REGIONS.get(0).regionCode(); }

    static String region(String zone) {
        for (NcpCatalog.Region r : NcpCatalog.VPC_REGIONS) {
            for (NcpCatalog.Zone z : NcpCatalog.zones(r.regionCode())) if (z.zoneCode().equals(zone)) return r.regionCode();
        }
        return region();
    }

    static String firstZone() { return NcpCatalog.zones(region()).get(0).zoneCode(); }

    /** An auto name's 11 lower-case hex digits (reference 1.5: {@code bst1901b0c4823}), from the number. */
    static String hex(String id) {
        long mixed = Long.parseLong(id) * 0x9E3779B97F4A7C15L;
        return String.format("%011x", (mixed >>> 20) & 0xFFFFFFFFFFFL);
    }

    /** A locally administered MAC address made from the interface number, upper case as the service shows it. */
    static String mac(String id) {
        long n = Long.parseLong(id);
        return String.format("F2:20:%02X:%02X:%02X:%02X", (n >> 24) & 0xFF, (n >> 16) & 0xFF, (n >> 8) & 0xFF, n & 0xFF);
    }
}
