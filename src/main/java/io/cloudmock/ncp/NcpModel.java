package io.cloudmock.ncp;

import io.cloudmock.core.Ids;
import io.cloudmock.core.ResourceKind;
import io.cloudmock.core.TransitionTable;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an NCP server instance holds, under NCP's own field names (codes of CommonCode fields, e.g.
 * {@code "platformType": "WND64"}), for one flavour. Used by createServerInstances and by the control API.
 */
public final class NcpModel implements ResourceKind {
    /** The kind name of NCP servers in the control API and the store. */
    public static final String KIND = "server";

    /** NCP dates: {@code 2024-01-23T00:08:42+0900}, in Korea time as the service shows them. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
            .withZone(ZoneOffset.ofHours(9));
    static final String DEFAULT_ACG = "1038";

    private final NcpFlavour flavour;
    private final Ids ids;

    public NcpModel(NcpFlavour flavour, Ids ids) {
        this.flavour = flavour;
        this.ids = ids;
    }

    public NcpFlavour flavour() { return flavour; }

    /** The id maker, for what a server action makes besides servers (network interfaces, storage). */
    Ids ids() { return ids; }

    @Override public String provider() { return flavour.provider; }
    @Override public String kind() { return KIND; }
    @Override public boolean isInstance() { return true; }
    @Override public TransitionTable table() { return NcpTransitions.SERVER; }
    @Override public String defaultState() { return NcpStates.RUN.name(); }
    @Override public String newId() { return ids.nextNumber(); }
    @Override public String uniqueField() { return "serverName"; }

    static String date(Instant t) { return DATE.format(t); }

    /** A VPC server made by the control API lands in the subnet it names, or in the account's ready network. */
    @Override
    public void prepare(io.cloudmock.core.Account.Tx tx, io.cloudmock.core.Resource resource) {
        if (flavour.classic()) return;
        NcpServerNics.prepareControl(tx, ids, resource);
        NcpBlockStorages.createBasic(tx, ids, resource, resource.since(), true);
    }

    /** A VPC server of an older state has no storage or public IP resources: they are made for it. */
    @Override
    public void restored(io.cloudmock.core.Account.Tx tx, io.cloudmock.core.Resource resource) {
        if (flavour.classic()) return;
        NcpBlockStorages.adoptLegacy(tx, ids, resource);
        NcpPublicIps.adoptLegacy(tx, ids, resource);
    }

    /**
     * The fields of a new server from an image and a product of the catalogue; {@code given} (control API) may
     * name {@code serverImageProductCode} / {@code serverProductCode} and override any field.
     */
    @Override
    public Map<String, Object> completeFields(String id, Map<String, Object> given, Instant now) {
        boolean classic = flavour.classic();
        String imageCode = stringOr(given.get("serverImageProductCode"),
                classic ? "SPSW0LINUX000046" : "SW.VSVR.OS.LNX64.UBNTU.SVR24.G003");
        NcpCatalog.Image image = NcpCatalog.image(imageCode, classic).orElseThrow(
                () -> new IllegalArgumentException("unknown serverImageProductCode " + imageCode));
        String productCode = stringOr(given.get("serverProductCode"), NcpCatalog.minimumProduct(image).code());
        NcpCatalog.Product product = NcpCatalog.product(productCode, classic)
                .filter(p -> NcpCatalog.compatible(image, p))
                .orElseThrow(() -> new IllegalArgumentException("unknown or incompatible serverProductCode " + productCode));
        Object name = given.get("serverName");
        if (name != null) {
            if (!(name instanceof String s)) throw new IllegalArgumentException("serverName must be a string");
            try {
                NcpNames.check(s);
            } catch (NcpException e) {
                throw new IllegalArgumentException("serverName '" + s + "': " + e.getMessage());
            }
        }
        Map<String, Object> f = base(id, image, product, now);
        f.putAll(given);
        return f;
    }

    /** Every field of a server of {@code image} on {@code product}, created {@code now}. */
    Map<String, Object> base(String id, NcpCatalog.Image image, NcpCatalog.Product product, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("serverName", defaultName(id));
        f.put("serverDescription", "");
        f.put("loginKeyName", "cloudmock-key");
        f.put("serverImageProductCode", image.code());
        f.put("serverProductCode", product.code());
        f.put("isProtectServerTermination", false);
        String created = date(now);   // one string for both: 100,000 servers need not carry two copies
        f.put("createDate", created);
        f.put("uptime", created);
        f.put("initScriptNo", "");
        f.put("userData", "");
        f.put("publicIp", "");
        applyProduct(f, product);
        f.put("platformType", image.platformCode());
        f.put("baseBlockStorageDiskType", "NET");
        if (flavour.classic()) {
            f.put("serverImageName", image.name());
            f.put("isFeeChargingMonitoring", false);
            f.put("privateIp", privateIp(id));
            f.put("portForwardingPublicIp", "");
            f.put("zoneNo", "2");
            f.put("accessControlGroupConfigurationNoList", List.of(DEFAULT_ACG));
            f.put("internetLineType", "PUBLC");
        } else {
            f.put("publicIpInstanceNo", "");
            f.put("zoneCode", "KR-1");
            f.put("regionCode", "KR");
            // the network is filled in by createServerInstances, or by prepare for the control API
            f.put("vpcNo", "");
            f.put("subnetNo", "");
            f.put("networkInterfaceNoList", List.of());
            f.put("placementGroupNo", "");
            f.put("placementGroupName", "");
            f.put("memberServerImageInstanceNo", "");
            f.put("hypervisorType", image.generation().equals("G3") ? "KVM" : "XEN");
            f.put("serverImageNo", image.imageNo());
        }
        return f;
    }

    /** The fields a product decides (also on a spec change). */
    void applyProduct(Map<String, Object> f, NcpCatalog.Product product) {
        f.put("serverProductCode", product.code());
        f.put("cpuCount", product.cpuCount());
        f.put("memorySize", product.memorySize());
        f.put("serverInstanceType", product.typeCode());
        f.put("baseBlockStorageDiskDetailType", product.diskDetailType());
        if (flavour.classic()) {
            f.put("baseBlockStorageSize", product.baseBlockStorageSize());
        } else {
            f.put("serverSpecCode", product.specCode());
        }
    }

    /** The name NCP gives a server created without one, e.g. {@code svr-9b467c9f6c75360}. */
    static String defaultName(String id) {
        long mixed = Long.parseLong(id) * 0x9E3779B97F4A7C15L;
        return "svr-" + String.format("%015x", mixed >>> 4);
    }

    static String privateIp(String id) {
        long n = Long.parseLong(id);
        return "10." + (100 + n / 65536 % 100) + "." + (n / 256 % 256) + "." + (n % 254 + 1);
    }

    private static String stringOr(Object v, String fallback) {
        return v == null || v.toString().isEmpty() ? fallback : v.toString();
    }
}
