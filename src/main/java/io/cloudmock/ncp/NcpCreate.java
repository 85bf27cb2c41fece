package io.cloudmock.ncp;

import io.cloudmock.core.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * createServerInstances: every parameter is checked before anything is created, then all servers of the
 * request are created together (INIT, then CREAT/booting, then RUN).
 */
final class NcpCreate {
    private NcpCreate() {}

    /** How many servers one account may hold (the service has a per-account limit; its value varies). */
    static final int LIMIT = 500;

    /**
     * Numbers of what a server brings along are derived from its own number (which the id maker keeps unique,
     * also after a state import): interface N is server + 40,000,000 + N * 1,000,000; its public IP is
     * server + 70,000,000. No second counter, so nothing to restore.
     */
    static String nicNo(String serverNo, int index) {
        return Long.toString(Long.parseLong(serverNo) + 40_000_000L + index * 1_000_000L);
    }

    static String publicIpNo(String serverNo) { return Long.toString(Long.parseLong(serverNo) + 70_000_000L); }

    static Map<String, Object> handle(NcpCall r) {
        NcpParams p = r.params();
        boolean classic = r.flavour().classic();
        NcpCatalog.Image image = image(p, classic);
        NcpCatalog.Product product = product(p, image, classic);

        Integer requested = p.integer("serverCreateCount", 1, 20);
        int count = requested == null ? 1 : requested;
        Integer startNo = p.integer("serverCreateStartNo", 0, 1000);
        if (startNo != null && startNo + count > 1000) {
            throw new NcpException(NcpError.INVALID_PARAMETER, "serverCreateStartNo", startNo);
        }
        String baseName = p.get("serverName");
        String description = p.get("serverDescription", "");
        if (description.length() > 1000) throw new NcpException(NcpError.INVALID_PARAMETER, "serverDescription", "(longer than 1000)");
        Boolean protect = p.bool("isProtectServerTermination");
        String loginKey = p.get("loginKeyName", "cloudmock-key");
        String initScriptNo = p.get("initScriptNo", "");
        String userData = p.get("userData", "");

        Map<String, Object> place = classic ? classicPlace(p) : vpcPlace(r, p);
        Boolean publicIp = classic ? null : p.bool("associateWithPublicIp");

        List<String> names = new ArrayList<>(count);
        if (baseName != null) {
            for (int k = 0; k < count; k++) {
                String name = count == 1 && startNo == null ? baseName : baseName + "-" + ((startNo == null ? 1 : startNo) + k);
                NcpNames.check(name);
                names.add(name);
            }
        }

        Instant now = r.clock().now();
        return r.account().atomically(tx -> {
            int existingCount = tx.count(r.flavour().provider, NcpModel.KIND);
            if (existingCount + count > LIMIT) {
                throw new NcpException(NcpError.CREATE_LIMIT, LIMIT, existingCount + count);
            }
            java.util.Collection<Resource> existing = tx.view(r.flavour().provider, NcpModel.KIND);
            Set<String> taken = new HashSet<>();
            for (Resource i : existing) taken.add(i.string("serverName"));
            for (String name : names) if (taken.contains(name)) throw new NcpException(NcpError.NAME_IN_USE);

            List<Resource> created = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                String id = r.model().newId();
                Map<String, Object> f = r.model().base(id, image, product, now);
                if (!names.isEmpty()) f.put("serverName", names.get(k));
                f.put("serverDescription", description);
                f.put("loginKeyName", loginKey);
                f.put("isProtectServerTermination", Boolean.TRUE.equals(protect));
                f.put("initScriptNo", initScriptNo);
                f.put("userData", userData);
                f.putAll(place);
                if (!classic) {
                    List<String> nics = new ArrayList<>();
                    List<NcpParams> nicParams = p.structList("networkInterfaceList");
                    int nicCount = Math.max(1, nicParams.size());
                    for (int n = 0; n < nicCount; n++) nics.add(nicNo(id, n));
                    f.put("networkInterfaceNoList", nics);
                    // what getNetworkInterfaceDetail shows of each interface (order, ACGs, ip asked for)
                    f.put("networkInterfaces", NcpNetworkActions.nicRecords(nics, nicParams));
                    if (Boolean.TRUE.equals(publicIp)) {
                        f.put("publicIpInstanceNo", publicIpNo(id));
                        f.put("publicIp", publicIpFor(id));
                    }
                }
                Resource instance = new Resource(r.flavour().provider, NcpModel.KIND, tx.account(), id, NcpStates.INIT.name(), now, f);
                tx.add(instance);
                tx.begin(NcpTransitions.CREATE, instance);
                created.add(instance);
            }
            return NcpServerView.payload(created, r.flavour());
        });
    }

    private static NcpCatalog.Image image(NcpParams p, boolean classic) {
        String code = p.get("serverImageProductCode");
        if (classic) {
            if (code == null) {
                if (p.has("memberServerImageNo")) throw new NcpException(NcpError.PRODUCT_NOT_FOUND);
                throw new NcpException(NcpError.MISSING_PARAMETER, "serverImageProductCode or memberServerImageNo");
            }
            return NcpCatalog.image(code, true).orElseThrow(() -> new NcpException(NcpError.PRODUCT_NOT_FOUND));
        }
        if (code != null) return NcpCatalog.image(code, false).orElseThrow(() -> new NcpException(NcpError.PRODUCT_NOT_FOUND));
        String imageNo = p.get("serverImageNo");
        if (imageNo != null) return NcpCatalog.imageByNo(imageNo).orElseThrow(() -> new NcpException(NcpError.PRODUCT_NOT_FOUND));
        // cloudmock keeps no member (custom) server images
        if (p.has("memberServerImageInstanceNo")) throw new NcpException(NcpError.PRODUCT_NOT_FOUND);
        throw new NcpException(NcpError.MISSING_PARAMETER, "memberServerImageInstanceNo or serverImageProductCode or serverSpecCode");
    }

    private static NcpCatalog.Product product(NcpParams p, NcpCatalog.Image image, boolean classic) {
        String code = p.get("serverProductCode");
        String spec = classic ? null : p.get("serverSpecCode");
        NcpCatalog.Product product;
        if (code != null) {
            product = NcpCatalog.product(code, classic).orElseThrow(() -> new NcpException(NcpError.PRODUCT_NOT_FOUND));
        } else if (spec != null) {
            product = NcpCatalog.productBySpec(spec).orElseThrow(() -> new NcpException(NcpError.PRODUCT_NOT_FOUND));
        } else {
            return NcpCatalog.minimumProduct(image);
        }
        if (!NcpCatalog.compatible(image, product)) throw new NcpException(NcpError.PRODUCT_NOT_FOUND);
        return product;
    }

    /** VPC placement: vpcNo, subnetNo and the network interfaces are required; zone = the region's first. */
    private static Map<String, Object> vpcPlace(NcpCall r, NcpParams p) {
        String region = r.regionCode();
        String vpcNo = NcpNetworkActions.number(p.require("vpcNo"), "vpcNo");
        String subnetNo = NcpNetworkActions.number(p.require("subnetNo"), "subnetNo");
        List<NcpParams> nics = p.structList("networkInterfaceList");
        if (nics.isEmpty()) throw new NcpException(NcpError.MISSING_PARAMETER, "networkInterfaceList.1.networkInterfaceOrder");
        Set<String> orders = new HashSet<>();
        for (int n = 0; n < nics.size(); n++) {
            NcpParams nic = nics.get(n);
            String where = "networkInterfaceList." + (n + 1) + ".";
            Integer order = nic.integer("networkInterfaceOrder", 0, 9);
            if (order == null) throw new NcpException(NcpError.MISSING_PARAMETER, where + "networkInterfaceOrder");
            if (!orders.add(order.toString())) throw new NcpException(NcpError.DUPLICATED_PARAMETER, where + "networkInterfaceOrder");
            if (nic.list("accessControlGroupNoList").isEmpty()) {
                throw new NcpException(NcpError.MISSING_PARAMETER, where + "accessControlGroupNoList.1");
            }
        }
        String zone = NcpCatalog.zones(region).get(0).zoneCode();
        return Map.of("regionCode", region, "zoneCode", zone, "vpcNo", vpcNo, "subnetNo", subnetNo,
                "placementGroupNo", p.get("placementGroupNo", ""));
    }

    private static Map<String, Object> classicPlace(NcpParams p) {
        String zoneNo = p.get("zoneNo");
        if (zoneNo != null && NcpCatalog.zone(zoneNo).filter(z -> z.zoneNo().equals(zoneNo)).isEmpty()) {
            throw new NcpException(NcpError.INVALID_REGION_OR_ZONE, "zoneNo", zoneNo);
        }
        List<String> acgs = p.idList("accessControlGroupConfigurationNoList");
        return Map.of("zoneNo", zoneNo == null ? "2" : zoneNo,
                "accessControlGroupConfigurationNoList", acgs.isEmpty() ? List.of(NcpModel.DEFAULT_ACG) : acgs);
    }

    /** A documentation-range address (RFC 5737) per server, never a real one. */
    private static String publicIpFor(String id) {
        long n = Long.parseLong(id);
        return "203.0.113." + (n % 254 + 1);
    }
}
