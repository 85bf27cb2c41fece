package io.cloudmock.ncp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** getRegionList, getZoneList, getServerImageProductList, getServerProductList: answers from the catalogue. */
final class NcpCatalogActions {
    private NcpCatalogActions() {}

    static Map<String, Object> regions(NcpCall r) {
        List<Object> items = new ArrayList<>();
        for (NcpCatalog.Region region : NcpCatalog.regions(r.flavour().classic())) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (r.flavour().classic()) m.put("regionNo", region.regionNo());
            m.put("regionCode", region.regionCode());
            m.put("regionName", region.regionName());
            items.add(m);
        }
        return NcpList.payload("regionList", "region", items);
    }

    static Map<String, Object> zones(NcpCall r) {
        String regionCode;
        if (r.flavour().classic()) {
            String regionNo = r.params().get("regionNo");
            regionCode = regionNo == null ? "KR" : NcpCatalog.regionByNo(regionNo)
                    .orElseThrow(() -> new NcpException(NcpError.INVALID_REGION_OR_ZONE, "regionNo", regionNo)).regionCode();
        } else {
            regionCode = r.regionCode();
        }
        String regionNo = NcpCatalog.region(regionCode, true).map(NcpCatalog.Region::regionNo).orElse("");
        List<Object> items = new ArrayList<>();
        for (NcpCatalog.Zone zone : NcpCatalog.zones(regionCode)) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (r.flavour().classic()) {
                m.put("zoneNo", zone.zoneNo());
                m.put("zoneName", zone.zoneName());
                m.put("zoneCode", zone.zoneCode());
                m.put("zoneDescription", zone.zoneDescription());
                m.put("regionNo", regionNo);
            } else {
                m.put("zoneName", zone.zoneName());
                m.put("zoneCode", zone.zoneCode());
                m.put("regionCode", zone.regionCode());
                m.put("zoneDescription", zone.zoneDescription());
            }
            items.add(m);
        }
        return NcpList.payload("zoneList", "zone", items);
    }

    static Map<String, Object> images(NcpCall r) {
        boolean classic = r.flavour().classic();
        region(r); // the catalogue is the same in every region; an unknown one is still refused
        String productCode = r.params().get("productCode");
        String exclusion = r.params().get("exclusionProductCode");
        List<String> platforms = r.params().list("platformTypeCodeList");
        List<Object> items = new ArrayList<>();
        for (NcpCatalog.Image image : NcpCatalog.IMAGES) {
            if (image.classic() != classic) continue;
            if (productCode != null && !productCode.equals(image.code())) continue;
            if (exclusion != null && exclusion.equals(image.code())) continue;
            if (!platforms.isEmpty() && !platforms.contains(image.platformCode())) continue;
            items.add(imageProduct(image));
        }
        return NcpList.payload("productList", "product", items);
    }

    static Map<String, Object> products(NcpCall r) {
        boolean classic = r.flavour().classic();
        String imageCode = r.params().get("serverImageProductCode");
        if (imageCode == null) throw new NcpException(NcpError.MISSING_PARAMETER, "serverImageProductCode");
        NcpCatalog.Image image = NcpCatalog.image(imageCode, classic)
                .orElseThrow(() -> new NcpException(NcpError.PRODUCT_NOT_FOUND));
        String productCode = r.params().get("productCode");
        String exclusion = r.params().get("exclusionProductCode");
        String generation = r.params().get("generationCode");
        // Classic names a zone by number, VPC by code, and the zone must be in the request's region
        String region = region(r);
        Optional<String> zone = Optional.ofNullable(r.params().get(classic ? "zoneNo" : "zoneCode"));
        if (zone.isPresent() && (classic ? NcpCatalog.zoneByNo(zone.get()) : NcpCatalog.zone(zone.get())
                .filter(z -> z.zoneCode().equals(zone.get())))
                .filter(z -> region == null || z.regionCode().equals(region)).isEmpty()) {
            throw new NcpException(NcpError.INVALID_REGION_OR_ZONE, classic ? "zoneNo" : "zoneCode", zone.get());
        }
        List<Object> items = new ArrayList<>();
        for (NcpCatalog.Product p : NcpCatalog.PRODUCTS) {
            if (!NcpCatalog.compatible(image, p)) continue;
            if (productCode != null && !productCode.equals(p.code())) continue;
            if (exclusion != null && exclusion.equals(p.code())) continue;
            if (generation != null && !generation.equalsIgnoreCase(p.generation())) continue;
            items.add(serverProduct(p));
        }
        return NcpList.payload("productList", "product", items);
    }

    /**
     * The region code the call names: VPC {@code regionCode} (default the first region), Classic {@code regionNo}
     * (null when absent: the catalogue lists need none). Unknown ones are refused.
     */
    private static String region(NcpCall r) {
        if (!r.flavour().classic()) return r.regionCode();
        String regionNo = r.params().get("regionNo");
        if (regionNo == null) return null;
        return NcpCatalog.regionByNo(regionNo)
                .orElseThrow(() -> new NcpException(NcpError.INVALID_REGION_OR_ZONE, "regionNo", regionNo)).regionCode();
    }

    private static Map<String, Object> imageProduct(NcpCatalog.Image image) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("productCode", image.code());
        m.put("productName", image.name());
        m.put("productType", NcpCodes.productType(image.productTypeCode()));
        m.put("productDescription", image.description());
        m.put("infraResourceType", NcpCodes.infra("SW"));
        m.put("cpuCount", 0);
        m.put("memorySize", 0L);
        m.put("baseBlockStorageSize", image.classic() || !image.generation().equals("G3") ? 53687091200L : 10737418240L);
        m.put("platformType", NcpCodes.platform(image.platformCode()));
        m.put("osInformation", image.osInformation());
        m.put("dbKindCode", "");
        m.put("addBlockStorageSize", 0L);
        m.put("generationCode", image.generation());
        return m;
    }

    private static Map<String, Object> serverProduct(NcpCatalog.Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("productCode", p.code());
        m.put("productName", p.name());
        m.put("productType", NcpCodes.productType(p.typeCode()));
        m.put("productDescription", p.description());
        m.put("infraResourceType", NcpCodes.infra("SVR"));
        m.put("cpuCount", p.cpuCount());
        m.put("memorySize", p.memorySize());
        m.put("baseBlockStorageSize", p.baseBlockStorageSize());
        m.put("osInformation", "");
        m.put("diskType", NcpCodes.diskType("NET"));
        m.put("dbKindCode", "");
        m.put("addBlockStorageSize", 0L);
        m.put("generationCode", p.generation());
        return m;
    }

}
