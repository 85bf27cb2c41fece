package io.cloudmock.zenlayer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** DescribeZones, DescribeImages and DescribeZoneInstanceConfigInfos: views of {@link ZenlayerCatalog}. */
final class CatalogQueries {
    static final Set<String> IMAGE_TYPES = Set.of("PUBLIC_IMAGE", "CUSTOM_IMAGE");
    static final Set<String> OS_TYPES = Set.of("linux", "windows");
    static final Set<String> IMAGE_STATUSES = Set.of("CREATING", "AVAILABLE", "UNAVAILABLE");

    private CatalogQueries() {}

    static void zones(ZenlayerCall call, ObjectNode response) {
        List<String> ids = call.body().strings("zoneIds");
        Set<String> wanted = ids == null || ids.isEmpty() ? null : new HashSet<>(ids);
        ArrayNode set = response.putArray("zoneSet");
        for (ZenlayerCatalog.Zone z : ZenlayerCatalog.ZONES.values()) {
            if (wanted != null && !wanted.contains(z.zoneId())) continue;
            set.addObject()
                    .put("zoneId", z.zoneId())
                    .put("zoneName", z.zoneName())
                    .put("supportSecurityGroup", true)
                    .put("supportNetworkType", "VPC")
                    .put("supportIpv6", z.supportIpv6())
                    .put("supportCpuPassThrough", false)
                    .put("networkLineType", "BGP");
        }
    }

    static void images(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        List<String> ids = b.strings("imageIds", ZenlayerRequest.MAX_IDS);
        String name = b.string("imageName");
        String zoneId = b.string("zoneId");
        String category = b.string("category");
        String imageType = b.enumValue("imageType", IMAGE_TYPES);
        String osType = b.enumValue("osType", OS_TYPES);
        String status = b.enumValue("imageStatus", IMAGE_STATUSES);
        b.pageSize();
        b.pageNum();
        if (zoneId != null) ZenlayerCatalog.zone(zoneId);
        Set<String> wanted = ids == null || ids.isEmpty() ? null : new HashSet<>(ids);
        List<ZenlayerCatalog.Image> matched = new ArrayList<>();
        for (ZenlayerCatalog.Image i : ZenlayerCatalog.IMAGES.values()) {
            // every public image is in every zone and AVAILABLE; there are no custom images
            if (wanted != null && !wanted.contains(i.imageId())) continue;
            if (name != null && !name.equals(i.imageName())) continue;
            if (category != null && !category.equals(i.category())) continue;
            if (imageType != null && !imageType.equals("PUBLIC_IMAGE")) continue;
            if (osType != null && !osType.equals(i.osType())) continue;
            if (status != null && !status.equals("AVAILABLE")) continue;
            matched.add(i);
        }
        response.put("totalCount", matched.size());
        ArrayNode data = response.putArray("dataSet");
        for (ZenlayerCatalog.Image i : b.page(matched)) {
            data.addObject()
                    .put("imageId", i.imageId())
                    .put("imageName", i.imageName())
                    .put("imageType", "PUBLIC_IMAGE")
                    .put("imageSize", Integer.toString(i.imageSize()))
                    .put("imageDescription", i.imageDescription())
                    .put("imageVersion", i.imageVersion())
                    .put("imageStatus", "AVAILABLE")
                    .put("category", i.category())
                    .put("osType", i.osType());
        }
    }

    static void instanceConfigs(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        b.enumValue("instanceChargeType", ZenlayerCatalog.INSTANCE_CHARGE_TYPES);
        String zoneId = b.string("zoneId");
        String typeId = b.string("instanceType");
        ArrayNode set = response.putArray("instanceTypeQuotaSet");
        for (ZenlayerCatalog.Zone z : ZenlayerCatalog.ZONES.values()) {
            if (zoneId != null && !zoneId.equals(z.zoneId())) continue;
            for (ZenlayerCatalog.InstanceType t : ZenlayerCatalog.INSTANCE_TYPES.values()) {
                if (typeId != null && !typeId.equals(t.instanceType())) continue;
                ObjectNode o = set.addObject()
                        .put("zoneId", z.zoneId())
                        .put("instanceType", t.instanceType())
                        .put("instanceTypeName", t.instanceTypeName())
                        .put("cpuCount", t.cpuCount())
                        .put("memory", t.memory())
                        .put("internetMaxBandwidthOutLimit", t.internetMaxBandwidthOutLimit())
                        .put("frequency", t.frequency());
                ArrayNode types = o.putArray("internetChargeTypes");
                for (String c : new TreeSet<>(z.internetChargeTypes())) types.add(c);
            }
        }
    }
}
