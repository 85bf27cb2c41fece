package io.cloudmock.ncp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in catalogue: regions, zones, server images and server products, holding every code of the seeds
 * and the reference so that cpuCount, memorySize and platformType of created servers are real.
 */
public final class NcpCatalog {
    private static final long GIB = 1024L * 1024 * 1024;

    public record Region(String regionNo, String regionCode, String regionName) {}

    public record Zone(String zoneNo, String zoneCode, String zoneName, String zoneDescription, String regionCode) {}

    /**
     * A server image. {@code generation}: G1/G2 (XEN, B050 images) or G3 (KVM). {@code osType}: the OS code
     * getServerImageList shows and filters on ({@code osTypeCodeList}: CENTOS, UBUNTU, ROCKY, WINDOWS).
     */
    public record Image(String code, String imageNo, String name, String description, String platformCode,
                        String platformName, String osInformation, String osType, String productTypeCode,
                        String productTypeName, String generation, boolean classic) {
        public boolean windows() { return platformCode.startsWith("WND"); }

        /** KVM for the G3 images, XEN for the older ones (the server's hypervisorType). */
        public String hypervisor() { return generation.equals("G3") ? "KVM" : "XEN"; }
    }

    /**
     * A server product (spec). {@code specCode} and {@code limits} are what getServerSpecList shows of the G3
     * (KVM) products; the older products have neither ("" and {@link SpecLimits#NONE}).
     */
    public record Product(String code, String name, String description, String typeCode, String typeName,
                          int cpuCount, long memorySize, long baseBlockStorageSize, String diskDetailType,
                          String generation, String specCode, boolean classic, SpecLimits limits) {}

    /**
     * What a KVM spec allows (getServerSpecList): block storage count, IOPS and throughput (bytes/s), network
     * performance (bit/s), network interfaces. ci2-g3, s2-g3 and s4-g3 carry the values of real answers; the
     * others are chosen alike (docs/ncp.md).
     */
    public record SpecLimits(int blockStorageMaxCount, int blockStorageMaxIops, int blockStorageMaxThroughput,
                             long networkPerformance, int networkInterfaceMaxCount) {
        public static final SpecLimits NONE = new SpecLimits(0, 0, 0, 0, 0);
    }

    public static final List<Region> VPC_REGIONS = List.of(
            new Region("1", "KR", "Korea"),
            new Region("7", "SGN", "Singapore(New)"),
            new Region("8", "JPN", "Japan(New)"));

    public static final List<Region> CLASSIC_REGIONS = List.of(
            new Region("1", "KR", "Korea"),
            new Region("2", "USW", "US West"),
            new Region("3", "HK", "HongKong"),
            new Region("6", "DE", "Germany"),
            new Region("7", "SGN", "Singapore(New)"),
            new Region("8", "JPN", "Japan(New)"),
            new Region("9", "USWN", "US West(New)"),
            new Region("10", "DEN", "Germany(New)"));

    public static final List<Zone> ZONES = List.of(
            new Zone("2", "KR-1", "KR-1", "KR-1 zone", "KR"),
            new Zone("3", "KR-2", "KR-2", "KR-2 zone", "KR"),
            new Zone("74", "SGN-4", "SGN-4", "SGN-4 zone", "SGN"),
            new Zone("75", "SGN-5", "SGN-5", "SGN-5 zone", "SGN"),
            new Zone("81", "JPN-4", "JPN-4", "JPN-4 zone", "JPN"),
            new Zone("82", "JPN-5", "JPN-5", "JPN-5 zone", "JPN"),
            new Zone("4", "USW-1", "USW-1", "USW-1 zone", "USW"),
            new Zone("6", "HK-1", "HK-1", "HK-1 zone", "HK"),
            new Zone("8", "DE-1", "DE-1", "DE-1 zone", "DE"),
            new Zone("91", "USWN-1", "USWN-1", "USWN-1 zone", "USWN"),
            new Zone("101", "DEN-1", "DEN-1", "DEN-1 zone", "DEN"));

    public static final List<Image> IMAGES = List.of(
            // VPC, G3 (KVM)
            new Image("SW.VSVR.OS.LNX64.UBNTU.SVR24.G003", "104630229", "ubuntu-24.04", "Ubuntu Server 24.04 (64-bit)",
                    "UBD64", "Ubuntu Desktop 64 Bit", "Ubuntu Server 24.04 (64-bit)", "UBUNTU", "LINUX", "Linux", "G3", false),
            new Image("SW.VSVR.OS.LNX64.UBNTU.SVR2204.G003", "104630230", "ubuntu-22.04", "Ubuntu Server 22.04 (64-bit)",
                    "UBD64", "Ubuntu Desktop 64 Bit", "Ubuntu Server 22.04 (64-bit)", "UBUNTU", "LINUX", "Linux", "G3", false),
            new Image("SW.VSVR.OS.LNX64.ROCKY.0810.G003", "104630231", "rocky-8.10", "Rocky Linux 8.10 (64-bit)",
                    "LNX64", "Linux 64 Bit", "Rocky Linux 8.10 (64-bit)", "ROCKY", "LINUX", "Linux", "G3", false),
            new Image("SW.VSVR.OS.WND64.WND.SVR2022EN.G003", "104630232", "win-2022-en", "Windows Server 2022 (64-bit) English Edition",
                    "WND64", "Windows 64 Bit", "Windows Server 2022 (64-bit) English Edition", "WINDOWS", "WINNT", "Windows NT", "G3", false),
            // VPC, G1/G2 (XEN)
            new Image("SW.VSVR.OS.LNX64.CNTOS.0703.B050", "17552318", "centos-7.3-64", "CentOS 7.3 (64-bit)",
                    "LNX64", "Linux 64 Bit", "CentOS 7.3 (64-bit)", "CENTOS", "LINUX", "Linux", "G2", false),
            new Image("SW.VSVR.OS.LNX64.UBNTU.SVR1804.B050", "17552319", "ubuntu-18.04", "Ubuntu Server 18.04 (64-bit)",
                    "UBS64", "Ubuntu Server 64 Bit", "Ubuntu Server 18.04 (64-bit)", "UBUNTU", "LINUX", "Linux", "G2", false),
            new Image("SW.VSVR.OS.WND64.WND.SVR2019EN.B100", "17552320", "win-2019-64-en", "Windows Server 2019 (64-bit) English Edition",
                    "WND64", "Windows 64 Bit", "Windows Server 2019 (64-bit) English Edition", "WINDOWS", "WINNT", "Windows NT", "G2", false),
            // Classic
            new Image("SPSW0LINUX000032", "", "centos-6.3-32", "CentOS 6.3(32bit)",
                    "LNX32", "Linux 32 Bit", "CentOS 6.3 (32-bit)", "CENTOS", "LINUX", "Linux", "G1", true),
            new Image("SPSW0LINUX000046", "", "centos-7.3-64", "CentOS 7.3 (64-bit)",
                    "LNX64", "Linux 64 Bit", "CentOS 7.3 (64-bit)", "CENTOS", "LINUX", "Linux", "G1", true),
            new Image("SPSW0LINUX000130", "", "ubuntu-18.04", "Ubuntu Server 18.04 (64-bit)",
                    "UBS64", "Ubuntu Server 64 Bit", "Ubuntu Server 18.04 (64-bit)", "UBUNTU", "LINUX", "Linux", "G1", true),
            new Image("SPSW0WINNTEN0043", "", "win-2016-64-en", "Windows Server 2016 (64-bit) English Edition",
                    "WND64", "Windows 64 Bit", "Windows Server 2016 (64-bit) English Edition", "WINDOWS", "WINNT", "Windows NT", "G1", true));

    public static final List<Product> PRODUCTS = List.of(
            // VPC, G3
            new Product("SVR.VSVR.CPU.C002.M004.G003", "vCPU 2EA, Memory 4GB", "vCPU 2EA, Memory 4GB", "CPU", "CPU Intensive",
                    2, 4 * GIB, 0, "SSD", "G3", "ci2-g3", false, new SpecLimits(20, 5250, 84934656, 1_000_000_000L, 3)),
            new Product("SVR.VSVR.CPU.C004.M008.G003", "vCPU 4EA, Memory 8GB", "vCPU 4EA, Memory 8GB", "CPU", "CPU Intensive",
                    4, 8 * GIB, 0, "SSD", "G3", "ci4-g3", false, new SpecLimits(20, 7875, 150994944, 1_000_000_000L, 3)),
            new Product("SVR.VSVR.STAND.C002.M008.G003", "vCPU 2EA, Memory 8GB", "vCPU 2EA, Memory 8GB", "STAND", "Standard",
                    2, 8 * GIB, 0, "SSD", "G3", "s2-g3", false, new SpecLimits(20, 4725, 84934656, 1_000_000_000L, 3)),
            new Product("SVR.VSVR.STAND.C004.M016.G003", "vCPU 4EA, Memory 16GB", "vCPU 4EA, Memory 16GB", "STAND", "Standard",
                    4, 16 * GIB, 0, "SSD", "G3", "s4-g3", false, new SpecLimits(20, 7875, 150994944, 1_000_000_000L, 3)),
            new Product("SVR.VSVR.HIMEM.C002.M016.G003", "vCPU 2EA, Memory 16GB", "vCPU 2EA, Memory 16GB", "HIMEM", "High Memory",
                    2, 16 * GIB, 0, "SSD", "G3", "m2-g3", false, new SpecLimits(20, 4725, 84934656, 1_000_000_000L, 3)),
            // VPC, G1/G2
            new Product("SVR.VSVR.STAND.C002.M004.NET.SSD.B050.G001", "vCPU 2EA, Memory 4GB, [SSD]Disk 50GB",
                    "vCPU 2EA, Memory 4GB, [SSD]Disk 50GB", "STAND", "Standard", 2, 4 * GIB, 50 * GIB, "SSD", "G1", "", false, SpecLimits.NONE),
            new Product("SVR.VSVR.STAND.C002.M008.NET.SSD.B050.G002", "vCPU 2EA, Memory 8GB, [SSD]Disk 50GB",
                    "vCPU 2EA, Memory 8GB, [SSD]Disk 50GB", "STAND", "Standard", 2, 8 * GIB, 50 * GIB, "SSD", "G2", "", false, SpecLimits.NONE),
            new Product("SVR.VSVR.STAND.C004.M016.NET.SSD.B050.G002", "vCPU 4EA, Memory 16GB, [SSD]Disk 50GB",
                    "vCPU 4EA, Memory 16GB, [SSD]Disk 50GB", "STAND", "Standard", 4, 16 * GIB, 50 * GIB, "SSD", "G2", "", false, SpecLimits.NONE),
            new Product("SVR.VSVR.HICPU.C004.M008.NET.SSD.B050.G002", "vCPU 4EA, Memory 8GB, [SSD]Disk 50GB",
                    "vCPU 4EA, Memory 8GB, [SSD]Disk 50GB", "HICPU", "High CPU", 4, 8 * GIB, 50 * GIB, "SSD", "G2", "", false, SpecLimits.NONE),
            new Product("SVR.VSVR.STAND.C002.M004.NET.HDD.B050.G002", "vCPU 2EA, Memory 4GB, [HDD]Disk 50GB",
                    "vCPU 2EA, Memory 4GB, [HDD]Disk 50GB", "STAND", "Standard", 2, 4 * GIB, 50 * GIB, "HDD", "G2", "", false, SpecLimits.NONE),
            // Classic
            new Product("SPSVRSTAND000056", "vCPU 1EA, Memory 1GB, Disk 50GB", "vCPU 1EA, Memory 1GB, Disk 50GB",
                    "STAND", "Standard", 1, GIB, 50 * GIB, "HDD", "G1", "", true, SpecLimits.NONE),
            new Product("SPSVRSTAND000004", "vCPU 2EA, Memory 4GB, Disk 50GB", "vCPU 2EA, Memory 4GB, Disk 50GB",
                    "STAND", "Standard", 2, 4 * GIB, 50 * GIB, "HDD", "G1", "", true, SpecLimits.NONE),
            new Product("SPSVRSTAND000005", "vCPU 2EA, Memory 8GB, Disk 50GB", "vCPU 2EA, Memory 8GB, Disk 50GB",
                    "STAND", "Standard", 2, 8 * GIB, 50 * GIB, "HDD", "G1", "", true, SpecLimits.NONE),
            new Product("SPSVRSSD00000003", "vCPU 2EA, Memory 4GB, [SSD]Disk 50GB", "vCPU 2EA, Memory 4GB, [SSD]Disk 50GB",
                    "STAND", "Standard", 2, 4 * GIB, 50 * GIB, "SSD", "G1", "", true, SpecLimits.NONE));

    private static final Map<String, Image> IMAGE_BY_CODE = index(IMAGES.stream().map(i -> Map.entry(i.code(), i)).toList());
    private static final Map<String, Product> PRODUCT_BY_CODE = index(PRODUCTS.stream().map(p -> Map.entry(p.code(), p)).toList());

    private NcpCatalog() {}

    private static <T> Map<String, T> index(List<Map.Entry<String, T>> entries) {
        Map<String, T> m = new LinkedHashMap<>();
        for (Map.Entry<String, T> e : entries) m.put(e.getKey(), e.getValue());
        return Map.copyOf(m);
    }

    public static Optional<Image> image(String code, boolean classic) {
        Image i = IMAGE_BY_CODE.get(code);
        return i != null && i.classic() == classic ? Optional.of(i) : Optional.empty();
    }

    /** A G3 image by its serverImageNo (the KVM-era way of naming an image). */
    public static Optional<Image> imageByNo(String imageNo) {
        return IMAGES.stream().filter(i -> !i.imageNo().isEmpty() && i.imageNo().equals(imageNo)).findFirst()
                .filter(i -> !i.classic());
    }

    /** A VPC product by its serverSpecCode (ci4-g3...). */
    public static Optional<Product> productBySpec(String specCode) {
        return PRODUCTS.stream().filter(p -> !p.specCode().isEmpty() && p.specCode().equals(specCode)).findFirst();
    }

    public static Optional<Product> product(String code, boolean classic) {
        Product p = PRODUCT_BY_CODE.get(code);
        return p != null && p.classic() == classic ? Optional.of(p) : Optional.empty();
    }

    /** Whether a product can run an image: G3 images on G3 products, older images on G1/G2 products. */
    public static boolean compatible(Image image, Product product) {
        return image.classic() == product.classic()
                && image.generation().equals("G3") == product.generation().equals("G3");
    }

    /** The "minimum spec" default of createServerInstances: the smallest compatible product. */
    public static Product minimumProduct(Image image) {
        return PRODUCTS.stream()
                .filter(p -> compatible(image, p))
                .min((a, b) -> a.cpuCount() != b.cpuCount() ? Integer.compare(a.cpuCount(), b.cpuCount())
                        : Long.compare(a.memorySize(), b.memorySize()))
                .orElseThrow();
    }

    public static List<Region> regions(boolean classic) { return classic ? CLASSIC_REGIONS : VPC_REGIONS; }

    public static Optional<Region> region(String code, boolean classic) {
        return regions(classic).stream().filter(r -> r.regionCode().equals(code)).findFirst();
    }

    public static Optional<Region> regionByNo(String no) {
        return CLASSIC_REGIONS.stream().filter(r -> r.regionNo().equals(no)).findFirst();
    }

    public static List<Zone> zones(String regionCode) {
        return ZONES.stream().filter(z -> z.regionCode().equals(regionCode)).toList();
    }

    /** A zone by its Classic number ({@code zoneNo}) only. */
    public static Optional<Zone> zoneByNo(String zoneNo) {
        return ZONES.stream().filter(z -> z.zoneNo().equals(zoneNo)).findFirst();
    }

    public static Optional<Zone> zone(String codeOrNo) {
        return ZONES.stream().filter(z -> z.zoneCode().equals(codeOrNo) || z.zoneNo().equals(codeOrNo)).findFirst();
    }
}
