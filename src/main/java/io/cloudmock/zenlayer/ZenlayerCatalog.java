package io.cloudmock.zenlayer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in catalogue of zones, public images and instance types. DescribeZones, DescribeImages and
 * DescribeZoneInstanceConfigInfos list it, and CreateInstances / ResetInstance check against it, so what a
 * client discovers is exactly what it may use. Holds the ids that appear in the reference (HKG-A, SEL-A,
 * FRA-A, c.1c2g).
 */
public final class ZenlayerCatalog {
    public record Zone(String zoneId, String zoneName, boolean supportIpv6, Set<String> internetChargeTypes) {}

    public record Image(String imageId, String imageName, String category, String osType, String imageVersion,
                        int imageSize, String imageDescription) {}

    public record InstanceType(String instanceType, String instanceTypeName, int cpuCount, int memory,
                               int internetMaxBandwidthOutLimit, String frequency) {}

    /** Every internetChargeType value clients send (CLI enum plus Terraform's ByInstanceBandwidth95). */
    public static final Set<String> INTERNET_CHARGE_TYPES =
            Set.of("ByBandwidth", "ByTrafficPackage", "ByClusterBandwidth95", "BandwidthCluster", "ByInstanceBandwidth95");
    public static final Set<String> INSTANCE_CHARGE_TYPES = Set.of("PREPAID", "POSTPAID");
    public static final Set<String> DISK_CATEGORIES = Set.of("STANDARD", "SSD");

    private static final Set<String> BASIC_NETWORK = Set.of("ByBandwidth", "ByTrafficPackage");
    private static final Set<String> FULL_NETWORK = Set.of("ByBandwidth", "ByTrafficPackage", "ByClusterBandwidth95", "BandwidthCluster");

    public static final Map<String, Zone> ZONES = index(List.of(
            new Zone("HKG-A", "Hong Kong A", true, FULL_NETWORK),
            new Zone("SEL-A", "Seoul A", true, FULL_NETWORK),
            new Zone("TYO-A", "Tokyo A", false, BASIC_NETWORK),
            new Zone("SIN-A", "Singapore A", false, BASIC_NETWORK),
            new Zone("FRA-A", "Frankfurt A", false, BASIC_NETWORK),
            new Zone("LAX-A", "Los Angeles A", true, BASIC_NETWORK)), Zone::zoneId);

    public static final Map<String, Image> IMAGES = index(List.of(
            new Image("img-ubuntu-2204-x64", "Ubuntu 22.04 64bit", "Ubuntu", "linux", "22.04", 20, "Ubuntu Server 22.04 LTS"),
            new Image("img-ubuntu-2004-x64", "Ubuntu 20.04 64bit", "Ubuntu", "linux", "20.04", 20, "Ubuntu Server 20.04 LTS"),
            new Image("img-debian-12-x64", "Debian 12 64bit", "Debian", "linux", "12", 20, "Debian 12 (bookworm)"),
            new Image("img-centos-79-x64", "CentOS 7.9 64bit", "CentOS", "linux", "7.9", 20, "CentOS 7.9"),
            new Image("img-windows-2022-x64", "Windows Server 2022 Datacenter 64bit", "Windows", "windows", "2022", 40,
                    "Windows Server 2022 Datacenter")), Image::imageId);

    public static final Map<String, InstanceType> INSTANCE_TYPES = index(List.of(
            new InstanceType("c.1c1g", "1 vCPU 1 GiB", 1, 1, 100, "2.5GHz"),
            new InstanceType("c.1c2g", "1 vCPU 2 GiB", 1, 2, 100, "2.5GHz"),
            new InstanceType("c.2c4g", "2 vCPU 4 GiB", 2, 4, 200, "2.5GHz"),
            new InstanceType("c.4c8g", "4 vCPU 8 GiB", 4, 8, 500, "2.5GHz"),
            new InstanceType("c.8c16g", "8 vCPU 16 GiB", 8, 16, 1000, "2.5GHz"),
            new InstanceType("m.2c8g", "2 vCPU 8 GiB", 2, 8, 200, "2.5GHz")), InstanceType::instanceType);

    /** Defaults used when the control API creates an instance without saying where or what. */
    public static final String DEFAULT_ZONE = "SEL-A";
    public static final String DEFAULT_IMAGE = "img-ubuntu-2204-x64";
    public static final String DEFAULT_INSTANCE_TYPE = "c.1c2g";
    public static final String DEFAULT_RESOURCE_GROUP_ID = "rg-default";
    public static final String DEFAULT_RESOURCE_GROUP_NAME = "Default Resource Group";

    private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> key) {
        Map<String, T> m = new LinkedHashMap<>();
        for (T t : items) m.put(key.apply(t), t);
        return java.util.Collections.unmodifiableMap(m);
    }

    public static Zone zone(String id) {
        Zone z = ZONES.get(id);
        if (z == null) throw ZenlayerError.INVALID_ZONE_NOT_FOUND.with(id);
        return z;
    }

    public static Image image(String id) {
        Image i = IMAGES.get(id);
        if (i == null) throw ZenlayerError.INVALID_IMAGE_NOT_FOUND.with(id);
        return i;
    }

    public static InstanceType instanceType(String id) {
        InstanceType t = INSTANCE_TYPES.get(id);
        if (t == null) throw ZenlayerError.INVALID_INSTANCE_TYPE_NOT_FOUND.with(id);
        return t;
    }

    private ZenlayerCatalog() {}
}
