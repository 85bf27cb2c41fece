package io.cloudmock.zenlayer;

import io.cloudmock.core.Ids;
import io.cloudmock.core.ResourceKind;
import io.cloudmock.core.TransitionTable;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zenlayer VM instances as the provider-neutral parts see them, and the one place that knows every
 * {@code InstanceInfo} field (reference section 8) and its default. Fields are kept under their wire names,
 * with wire types (Integer, String, List, Map, null), so rendering is a copy. {@code instanceId} and
 * {@code instanceStatus} are not kept: they are the instance's id and state.
 */
public final class ZenlayerModel implements ResourceKind {
    /** The kind name of Zenlayer VM instances in the control API and the store. */
    public static final String KIND = "instance";

    public static final String PROVIDER = "zenlayer";

    /** Every InstanceInfo field, in the order the SDK models declare them. */
    public static final List<String> FIELDS = List.of("instanceId", "zoneId", "instanceName", "instanceType",
            "cpuCount", "memory", "imageId", "imageName", "instanceChargeType", "internetMaxBandwidthOut",
            "internetChargeType", "period", "publicIpAddresses", "publicIpv6Addresses", "privateIpAddresses",
            "subnetId", "createTime", "expiredTime", "resourceGroupId", "resourceGroupName", "instanceStatus",
            "trafficPackageSize", "securityGroupIds", "systemDisk", "dataDisks", "autoRenew", "keyId", "nic", "tags");

    /** ISO 8601 UTC to the second, as {@code createTime} and {@code expiredTime} are written. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    public static final String DEFAULT_INSTANCE_NAME = "instance";
    public static final int DEFAULT_SYSTEM_DISK_SIZE = 20;

    private final Ids ids;

    public ZenlayerModel(Ids ids) { this.ids = ids; }

    @Override public String provider() { return PROVIDER; }
    @Override public String kind() { return KIND; }
    @Override public boolean isInstance() { return true; }
    @Override public TransitionTable table() { return ZenlayerTransitions.INSTANCE; }
    @Override public String defaultState() { return ZenlayerTransitions.RUNNING; }
    @Override public String newId() { return ids.nextNumber(); }

    /** A fresh disk id (disks share the instance number space, as on the wire both are decimal strings). */
    public String newDiskId() { return ids.nextNumber(); }

    /**
     * The fields of a new instance in {@code zone} from {@code image} of {@code type}, with every other field at
     * its default: postpaid, 1 Mbps by bandwidth, one public and one private IPv4 address, a system disk.
     */
    public Map<String, Object> baseFields(String id, ZenlayerCatalog.Zone zone, ZenlayerCatalog.Image image,
                                          ZenlayerCatalog.InstanceType type, Instant now) {
        long n = number(id);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("zoneId", zone.zoneId());
        f.put("instanceName", DEFAULT_INSTANCE_NAME);
        f.put("instanceType", type.instanceType());
        f.put("cpuCount", type.cpuCount());
        f.put("memory", type.memory());
        f.put("imageId", image.imageId());
        f.put("imageName", image.imageName());
        f.put("instanceChargeType", "POSTPAID");
        f.put("internetMaxBandwidthOut", 1);
        f.put("internetChargeType", "ByBandwidth");
        f.put("period", null);
        f.put("publicIpAddresses", new ArrayList<>(List.of(publicIpv4(n))));
        f.put("publicIpv6Addresses", new ArrayList<>());
        f.put("privateIpAddresses", new ArrayList<>(List.of(privateIpv4(n))));
        f.put("subnetId", defaultSubnet(zone.zoneId()));
        f.put("createTime", TIME.format(now));
        f.put("expiredTime", null);
        f.put("resourceGroupId", ZenlayerCatalog.DEFAULT_RESOURCE_GROUP_ID);
        f.put("resourceGroupName", ZenlayerCatalog.DEFAULT_RESOURCE_GROUP_NAME);
        f.put("trafficPackageSize", null);
        f.put("securityGroupIds", new ArrayList<>(List.of(ZenlayerNetwork.DEFAULT_SECURITY_GROUP)));
        f.put("systemDisk", disk(newDiskId(), null, Math.max(DEFAULT_SYSTEM_DISK_SIZE, image.imageSize()), "STANDARD", null));
        f.put("dataDisks", new ArrayList<>());
        f.put("autoRenew", false);
        f.put("keyId", null);
        f.put("nic", nic("eth0", "eth1"));
        f.put("tags", tags(new ArrayList<>()));
        return f;
    }

    /**
     * For the control API and state files: the defaults of {@link #baseFields} in the given (or default) zone,
     * image and type, with {@code given} on top. cpuCount, memory and imageName follow the given type and image
     * unless given themselves.
     */
    @Override
    public Map<String, Object> completeFields(String id, Map<String, Object> given, Instant now) {
        try {
            ZenlayerCatalog.Zone zone = ZenlayerCatalog.zone(text(given, "zoneId", ZenlayerCatalog.DEFAULT_ZONE));
            ZenlayerCatalog.Image image = ZenlayerCatalog.image(text(given, "imageId", ZenlayerCatalog.DEFAULT_IMAGE));
            ZenlayerCatalog.InstanceType type = ZenlayerCatalog.instanceType(
                    text(given, "instanceType", ZenlayerCatalog.DEFAULT_INSTANCE_TYPE));
            Map<String, Object> f = baseFields(id, zone, image, type, now);
            for (Map.Entry<String, Object> e : given.entrySet()) {
                if (e.getKey().equals("instanceId") || e.getKey().equals("instanceStatus")) continue;
                checkWireType(e.getKey(), e.getValue());
                f.put(e.getKey(), e.getValue());
            }
            return f;
        } catch (ZenlayerException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Addresses handed out to instances prepared in one transaction but not added yet (a control-API count). */
    private final Map<io.cloudmock.core.Account.Tx, java.util.Set<String>> pending =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * A control-API or seed instance joins what its references name (a {@code subnet} of its zone, 1 or 2
     * {@code security-group}s, a {@code key-pair}) and otherwise the account's ready network (made on first
     * need): the zone's ready subnet and the ready security group. A {@code fields.keyId} of an existing key
     * becomes a reference too.
     */
    @Override
    public void prepare(io.cloudmock.core.Account.Tx tx, io.cloudmock.core.Resource r) {
        try {
            ZenlayerNetwork.ensureDefaults(tx, r.since());
            String zoneId = r.string("zoneId");
            ZenlayerCatalog.zone(zoneId);
            io.cloudmock.core.Resource subnet = r.reference(ZenlayerNetworkKinds.SUBNET) != null
                    ? tx.get(PROVIDER, ZenlayerNetworkKinds.SUBNET, r.reference(ZenlayerNetworkKinds.SUBNET))
                    : ZenlayerNetwork.readySubnet(tx, zoneId, r.since(), ids);
            if (!subnet.string("zoneId").equals(zoneId)) throw ZenlayerError.INVALID_SUBNET_ZONE_MISMATCH.with(subnet.id(), zoneId);
            List<io.cloudmock.core.Resource> groups = new ArrayList<>();
            for (String g : r.references(ZenlayerNetworkKinds.SECURITY_GROUP)) groups.add(tx.get(PROVIDER, ZenlayerNetworkKinds.SECURITY_GROUP, g));
            if (groups.size() > ZenlayerNetwork.MAX_GROUPS_PER_INSTANCE) {
                throw ZenlayerError.OPERATION_DENIED_INSTANCE_SECURITY_GROUP_EXCEED_LIMIT.with(ZenlayerNetwork.MAX_GROUPS_PER_INSTANCE, r.id());
            }
            if (groups.isEmpty()) groups.add(ZenlayerNetwork.readyGroup(tx, r.since(), ids));
            String keyId = r.reference(ZenlayerNetworkKinds.KEY_PAIR) != null ? r.reference(ZenlayerNetworkKinds.KEY_PAIR) : r.string("keyId");
            io.cloudmock.core.Resource key = keyId.isEmpty() ? null : tx.get(PROVIDER, ZenlayerNetworkKinds.KEY_PAIR, keyId);
            ZenlayerNetwork.join(tx, r, subnet, groups, key, pending.computeIfAbsent(tx, t -> new java.util.HashSet<>()));
        } catch (ZenlayerException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static final java.util.Set<String> INT_FIELDS = java.util.Set.of("cpuCount", "memory", "internetMaxBandwidthOut", "period");
    private static final java.util.Set<String> STRING_LIST_FIELDS = java.util.Set.of("publicIpAddresses", "publicIpv6Addresses",
            "privateIpAddresses", "securityGroupIds");
    private static final java.util.Set<String> OBJECT_FIELDS = java.util.Set.of("systemDisk", "nic");

    /**
     * A field given through the control API or a seed must have its InstanceInfo type (reference section 8), or
     * DescribeInstances would hand the SDKs a value they cannot read. Null is allowed (rendered as null); fields
     * that are not InstanceInfo fields are kept as given.
     */
    private static void checkWireType(String field, Object v) {
        if (v == null || !FIELDS.contains(field)) return;
        boolean ok;
        String want;
        if (INT_FIELDS.contains(field)) {
            ok = v instanceof Integer || v instanceof Long;
            want = "an integer";
        } else if (field.equals("trafficPackageSize")) {
            ok = v instanceof Number;
            want = "a number";
        } else if (field.equals("autoRenew")) {
            ok = v instanceof Boolean;
            want = "a boolean";
        } else if (STRING_LIST_FIELDS.contains(field)) {
            ok = v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String);
            want = "an array of strings";
        } else if (OBJECT_FIELDS.contains(field)) {
            ok = v instanceof Map;
            want = "an object";
        } else if (field.equals("dataDisks")) {
            ok = v instanceof List<?> l && l.stream().allMatch(x -> x instanceof Map);
            want = "an array of objects";
        } else if (field.equals("tags")) {
            ok = v instanceof Map<?, ?> m && (m.get("tags") == null || m.get("tags") instanceof List<?> l
                    && l.stream().allMatch(x -> x instanceof Map));
            want = "the wrapper object {\"tags\":[{\"key\",\"value\"}]}";
        } else {
            ok = v instanceof String;
            want = "a string";
        }
        if (!ok) throw new IllegalArgumentException("fields." + field + " must be " + want + " (its InstanceInfo type)");
    }

    private static String text(Map<String, Object> given, String key, String fallback) {
        Object v = given.get(key);
        return v == null ? fallback : v.toString();
    }

    public static Map<String, Object> disk(String diskId, String diskName, int diskSize, String category, Boolean portable) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("diskId", diskId);
        if (diskName != null) d.put("diskName", diskName);
        d.put("diskSize", diskSize);
        if (portable != null) d.put("portable", portable);
        d.put("diskCategory", category);
        return d;
    }

    public static Map<String, Object> nic(String wanName, String lanName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wanName", wanName);
        m.put("lanName", lanName);
        return m;
    }

    /** The {@code tags} wrapper object: {@code {"tags":[{"key","value"}]}}. */
    public static Map<String, Object> tags(List<Map<String, Object>> list) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tags", list);
        return m;
    }

    /** Asked for every zone on every call ({@code ZenlayerNetwork.ensureDefaults}): made once per zone. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> DEFAULT_SUBNETS = new java.util.concurrent.ConcurrentHashMap<>();

    public static String defaultSubnet(String zoneId) {
        String known = DEFAULT_SUBNETS.get(zoneId);
        if (known != null) return known;
        String id = "subnet-default-" + zoneId.toLowerCase(java.util.Locale.ROOT);
        if (ZenlayerCatalog.ZONES.containsKey(zoneId)) DEFAULT_SUBNETS.put(zoneId, id); // a zone a client names is not kept
        return id;
    }

    public static String defaultSecurityGroup(String zoneId) { return "sg-default-" + zoneId.toLowerCase(java.util.Locale.ROOT); }

    /** The number behind an id (ids are decimal strings), or a stable stand-in for other ids. */
    static long number(String id) {
        try {
            return Math.abs(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return id.hashCode() & 0x7fffffffL;
        }
    }

    /** A distinct address per instance number in 198.18.0.0/15 (addresses that never route on the internet). */
    static String publicIpv4(long n) {
        long k = n % (2L * 256 * 254);
        return "198." + (18 + k / (256 * 254)) + "." + (k / 254 % 256) + "." + (k % 254 + 1);
    }

    static String privateIpv4(long n) {
        long k = n % (256L * 256 * 254);
        return "10." + (k / (256 * 254)) + "." + (k / 254 % 256) + "." + (k % 254 + 1);
    }

    /** An address of the documentation prefix 2001:db8::/32. */
    static String publicIpv6(long n) { return "2001:db8::" + Long.toHexString(n & 0xffffL) + ":" + Long.toHexString((n >> 16) & 0xffffL); }
}
