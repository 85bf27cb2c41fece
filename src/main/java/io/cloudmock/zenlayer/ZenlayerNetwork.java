package io.cloudmock.zenlayer;

import io.cloudmock.core.Account;
import io.cloudmock.core.Ids;
import io.cloudmock.core.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.cloudmock.zenlayer.ZenlayerNetworkKinds.INSTANCE;
import static io.cloudmock.zenlayer.ZenlayerNetworkKinds.KEY_PAIR;
import static io.cloudmock.zenlayer.ZenlayerNetworkKinds.SECURITY_GROUP;
import static io.cloudmock.zenlayer.ZenlayerNetworkKinds.SUBNET;

/**
 * What every account has from the start and what instances join: a default subnet per zone
 * ({@code subnet-default-<zone>}, in 10.(100+n).0.0/16, outside the ranges CreateSubnet accepts, so it never
 * overlaps a subnet of the user's), the one default security group ({@code sg-default}: ingress tcp 22 and 3389,
 * egress all), the ready network of {@code POST /_cloudmock/networks}, CIDR arithmetic and address allocation.
 */
final class ZenlayerNetwork {
    static final String DEFAULT_SECURITY_GROUP = "sg-default";
    static final String READY_PREFIX = "cloudmock-ready";
    /** "You can apply at most 2 security groups on an instance." */
    static final int MAX_GROUPS_PER_INSTANCE = 2;

    private ZenlayerNetwork() {}

    static String defaultSubnetId(String zoneId) { return ZenlayerModel.defaultSubnet(zoneId); }

    /** Makes the defaults of the account if it does not have them yet (they cannot be deleted, only reset). */
    static void ensureDefaults(Account.Tx tx, Instant now) {
        int n = 0;
        for (ZenlayerCatalog.Zone zone : ZenlayerCatalog.ZONES.values()) {
            n++;
            String id = defaultSubnetId(zone.zoneId());
            if (tx.find(ZenlayerModel.PROVIDER, id) != null) continue;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("zoneId", zone.zoneId());
            f.put("subnetName", "Subnet " + zone.zoneId() + "-Default");
            f.put("cidrBlock", "10." + (100 + n) + ".0.0/16");
            f.put("subnetDescription", "");
            f.put("createTime", ZenlayerModel.TIME.format(now));
            f.put("isDefault", true);
            tx.add(new Resource(ZenlayerModel.PROVIDER, SUBNET, tx.account(), id, ZenlayerNetworkTransitions.SUBNET_AVAILABLE, now, f));
        }
        if (tx.find(ZenlayerModel.PROVIDER, DEFAULT_SECURITY_GROUP) == null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("securityGroupName", "Default Security Group");
            f.put("createTime", ZenlayerModel.TIME.format(now));
            f.put("description", "System default security group");
            List<Object> rules = new ArrayList<>();
            rules.add(SecurityGroupRules.rule("ingress", "tcp", "22/22", "0.0.0.0/0", 1, "SSH"));
            rules.add(SecurityGroupRules.rule("ingress", "tcp", "3389/3389", "0.0.0.0/0", 1, "RDP"));
            rules.add(SecurityGroupRules.rule("egress", "all", "-1/-1", "0.0.0.0/0", 1, ""));
            f.put("ruleInfos", rules);
            f.put("isDefault", true);
            tx.add(new Resource(ZenlayerModel.PROVIDER, SECURITY_GROUP, tx.account(), DEFAULT_SECURITY_GROUP,
                    ZenlayerNetworkTransitions.AVAILABLE, now, f));
        }
    }

    /**
     * The ready network: a subnet per zone ({@code cloudmock-ready-<zone>}, a free /24 of 172.16.0.0/16) and a
     * security group ({@code cloudmock-ready}: ssh in, all out). Made once per account; asking again answers
     * the same resources (and makes any that were deleted since).
     */
    static List<Resource> readyNetwork(Account.Tx tx, Instant now, Ids ids) {
        ensureDefaults(tx, now);
        List<Resource> out = new ArrayList<>();
        for (ZenlayerCatalog.Zone zone : ZenlayerCatalog.ZONES.values()) out.add(readySubnet(tx, zone.zoneId(), now, ids));
        out.add(readyGroup(tx, now, ids));
        return out;
    }

    static Resource readySubnet(Account.Tx tx, String zoneId, Instant now, Ids ids) {
        String name = READY_PREFIX + "-" + zoneId.toLowerCase(Locale.ROOT);
        for (Resource s : tx.list(ZenlayerModel.PROVIDER, SUBNET)) {
            if (name.equals(s.string("subnetName")) && s.string("zoneId").equals(zoneId)) return s;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("zoneId", zoneId);
        f.put("subnetName", name);
        f.put("cidrBlock", freeCidr(tx, zoneId));
        f.put("subnetDescription", "cloudmock ready network");
        f.put("createTime", ZenlayerModel.TIME.format(now));
        f.put("isDefault", false);
        Resource s = new Resource(ZenlayerModel.PROVIDER, SUBNET, tx.account(), ids.nextNumber(), ZenlayerNetworkTransitions.SUBNET_AVAILABLE, now, f);
        tx.add(s);
        return s;
    }

    static Resource readyGroup(Account.Tx tx, Instant now, Ids ids) {
        for (Resource g : tx.list(ZenlayerModel.PROVIDER, SECURITY_GROUP)) {
            if (READY_PREFIX.equals(g.string("securityGroupName"))) return g;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("securityGroupName", READY_PREFIX);
        f.put("createTime", ZenlayerModel.TIME.format(now));
        f.put("description", "cloudmock ready network");
        List<Object> rules = new ArrayList<>();
        rules.add(SecurityGroupRules.rule("ingress", "tcp", "22/22", "0.0.0.0/0", 1, ""));
        rules.add(SecurityGroupRules.rule("egress", "all", "-1/-1", "0.0.0.0/0", 1, ""));
        f.put("ruleInfos", rules);
        f.put("isDefault", false);
        Resource g = new Resource(ZenlayerModel.PROVIDER, SECURITY_GROUP, tx.account(), ids.nextNumber(), ZenlayerNetworkTransitions.AVAILABLE, now, f);
        tx.add(g);
        return g;
    }

    /** The first /24 of 172.16.0.0/16 that overlaps no subnet of the zone. */
    static String freeCidr(Account.Tx tx, String zoneId) {
        for (int k = 0; k < 256; k++) {
            String c = "172.16." + k + ".0/24";
            if (overlapping(tx, zoneId, c, null) == null) return c;
        }
        throw ZenlayerError.OPERATION_DENIED_SUBNET_CIDR_CONFLICT.with("172.16.0.0/16", "(all)", "172.16.0.0/16", zoneId);
    }

    // --- CIDR arithmetic ---

    /** {network address, prefix} of a canonical IPv4 CIDR, or null when it is not one. */
    static long[] parseCidr(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) return null;
        Long ip = parseIp(cidr.substring(0, slash));
        String p = cidr.substring(slash + 1);
        if (ip == null || !p.matches("[0-9]{1,2}")) return null;
        int prefix = Integer.parseInt(p);
        if (prefix > 32) return null;
        return new long[]{ip, prefix};
    }

    static Long parseIp(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) return null;
        long v = 0;
        for (String part : parts) {
            if (!part.matches("0|[1-9][0-9]{0,2}")) return null;
            int b = Integer.parseInt(part);
            if (b > 255) return null;
            v = v * 256 + b;
        }
        return v;
    }

    static String ip(long v) { return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255); }

    static long size(int prefix) { return 1L << (32 - prefix); }

    private static final long[][] PRIVATE = {
            {parseIp("10.0.0.0"), 16}, {parseIp("172.16.0.0"), 16}, {parseIp("192.168.0.0"), 16}};

    /**
     * CreateSubnet's rules (reference 3.2, the /16 reading the examples fit): a network address with prefix 16 to
     * 29 inside 10.0.0.0/16, 172.16.0.0/16 or 192.168.0.0/16, overlapping no other subnet of the zone.
     */
    static void checkCidr(Account.Tx tx, String zoneId, String cidr) {
        long[] c = parseCidr(cidr);
        if (c == null || (c[0] & (size((int) c[1]) - 1)) != 0) throw ZenlayerError.INVALID_PARAMETER_SUBNET_CIDR_BLOCK.with(cidr);
        boolean inside = false;
        for (long[] p : PRIVATE) if (c[0] >= p[0] && c[0] < p[0] + size((int) p[1])) inside = true;
        if (!inside) throw ZenlayerError.INVALID_PARAMETER_SUBNET_LAN_IP.with(cidr);
        if (c[1] < 16 || c[1] > 29) throw ZenlayerError.INVALID_PARAMETER_SUBNET_LAN_IP_NETMASK.with(cidr);
        Resource other = overlapping(tx, zoneId, cidr, null);
        if (other != null) {
            throw ZenlayerError.OPERATION_DENIED_SUBNET_CIDR_CONFLICT.with(cidr, other.id(), other.string("cidrBlock"), zoneId);
        }
    }

    /** A subnet of the zone (other than {@code except}) whose range meets {@code cidr}'s, or null. */
    static Resource overlapping(Account.Tx tx, String zoneId, String cidr, Resource except) {
        long[] c = parseCidr(cidr);
        for (Resource s : tx.list(ZenlayerModel.PROVIDER, SUBNET)) {
            if (s == except || !s.string("zoneId").equals(zoneId)) continue;
            long[] o = parseCidr(s.string("cidrBlock"));
            if (o == null) continue;
            if (c[0] < o[0] + size((int) o[1]) && o[0] < c[0] + size((int) c[1])) return s;
        }
        return null;
    }

    /** "The first two and last one IP addresses of each subnet CIDR block are reserved." */
    static long totalIps(Resource subnet) {
        long[] c = parseCidr(subnet.string("cidrBlock"));
        return c == null ? 0 : size((int) c[1]) - 3;
    }

    static List<Resource> members(Account.Tx tx, Resource target) { return tx.referrers(target, INSTANCE); }

    /** The first free host address of the subnet, skipping the reserved ones and {@code taken}. */
    static String allocate(Account.Tx tx, Resource subnet, Set<String> taken) {
        Set<String> used = new HashSet<>(taken);
        for (Resource i : members(tx, subnet)) {
            if (i.fields().get("privateIpAddresses") instanceof List<?> l) for (Object o : l) used.add(String.valueOf(o));
        }
        long[] c = parseCidr(subnet.string("cidrBlock"));
        for (long a = c[0] + 2; a < c[0] + size((int) c[1]) - 1; a++) {
            String s = ip(a);
            if (!used.contains(s)) {
                taken.add(s);
                return s;
            }
        }
        throw ZenlayerError.INVALID_SUBNET_PRIVATE_IP_INSUFFICIENT.with(subnet.id(), 0);
    }

    /**
     * Puts an instance in a subnet, its security groups and (optionally) a key pair: the references and the
     * InstanceInfo fields that show them ({@code subnetId}, {@code privateIpAddresses}, {@code securityGroupIds},
     * {@code keyId}), kept in step.
     */
    static void join(Account.Tx tx, Resource instance, Resource subnet, List<Resource> groups, Resource key, Set<String> taken) {
        String address = allocate(tx, subnet, taken);
        tx.refer(instance, SUBNET, subnet.id());
        instance.fields().put("subnetId", subnet.id());
        instance.fields().put("privateIpAddresses", new ArrayList<>(List.of(address)));
        List<String> groupIds = new ArrayList<>();
        for (Resource g : groups) groupIds.add(g.id());
        setGroups(tx, instance, groupIds);
        if (key != null) {
            tx.refer(instance, KEY_PAIR, key.id());
            instance.fields().put("keyId", key.id());
        }
    }

    static void setGroups(Account.Tx tx, Resource instance, List<String> groupIds) {
        tx.refer(instance, SECURITY_GROUP, groupIds);
        instance.fields().put("securityGroupIds", new ArrayList<>(groupIds));
    }

    /** The subnet for a new instance: the given one, checked, or the zone's default subnet. */
    static Resource subnetFor(Account.Tx tx, String subnetId, String zoneId, int count) {
        Resource s = tx.get(ZenlayerModel.PROVIDER, SUBNET, subnetId == null ? defaultSubnetId(zoneId) : subnetId);
        if (s == null) throw ZenlayerError.INVALID_SUBNET_NOT_FOUND.with(subnetId);
        if (!s.string("zoneId").equals(zoneId)) throw ZenlayerError.INVALID_SUBNET_ZONE_MISMATCH.with(s.id(), zoneId);
        if (!ZenlayerNetworkTransitions.SUBNET_AVAILABLE.equals(s.state())) {
            throw ZenlayerError.OPERATION_DENIED_UNSUPPORTED_SUBNET.with(s.id(), s.state());
        }
        long free = totalIps(s) - members(tx, s).size();
        if (free < count) throw ZenlayerError.INVALID_SUBNET_PRIVATE_IP_INSUFFICIENT.with(s.id(), free);
        return s;
    }

    /** The security group for a new instance: the given one, checked, or the default group. */
    static Resource groupFor(Account.Tx tx, String groupId) {
        Resource g = tx.get(ZenlayerModel.PROVIDER, SECURITY_GROUP, groupId == null ? DEFAULT_SECURITY_GROUP : groupId);
        if (g == null) throw ZenlayerError.INVALID_SECURITY_GROUP_NOT_FOUND.with(groupId);
        if (!ZenlayerNetworkTransitions.AVAILABLE.equals(g.state())) {
            throw ZenlayerError.OPERATION_DENIED_SECURITY_GROUP_STATUS_NOT_AVAILABLE.with(g.id(), g.state());
        }
        return g;
    }

    static Resource keyFor(Account.Tx tx, String keyId) {
        if (keyId == null) return null;
        Resource k = tx.get(ZenlayerModel.PROVIDER, KEY_PAIR, keyId);
        if (k == null) throw ZenlayerError.INVALID_KEY_PAIR_NOT_FOUND.with(keyId);
        return k;
    }
}
