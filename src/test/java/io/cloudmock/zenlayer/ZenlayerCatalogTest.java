package io.cloudmock.zenlayer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;

/** DescribeZones, DescribeImages, DescribeZoneInstanceConfigInfos, and their consistency with CreateInstances. */
class ZenlayerCatalogTest extends ZenlayerTestBase {

    @Test
    void zonesListTheReferenceZones() {
        ok("DescribeZones", "{}").body("response.zoneSet.zoneId", hasItems("HKG-A", "SEL-A", "FRA-A"))
                .body("response.zoneSet[0].zoneName", instanceOf(String.class))
                .body("response.zoneSet[0].supportIpv6", instanceOf(Boolean.class))
                .body("response.zoneSet[0].supportSecurityGroup", equalTo(true))
                .body("response.zoneSet.supportNetworkType", everyItem(equalTo("VPC")));
        ok("DescribeZones", "{\"zoneIds\":[\"SEL-A\",\"NOPE\"]}").body("response.zoneSet", hasSize(1))
                .body("response.zoneSet[0].zoneId", equalTo("SEL-A"));
        fails("DescribeZones", "{\"zoneIds\":\"SEL-A\"}", 400, "INVALID_PARAMETER_TYPE");
    }

    @Test
    void imagesAreFilteredAndPaged() {
        ok("DescribeImages", "{\"zoneId\":\"SEL-A\"}").body("response.totalCount", equalTo(ZenlayerCatalog.IMAGES.size()))
                .body("response.dataSet.imageId", hasItem("img-ubuntu-2204-x64"))
                .body("response.dataSet[0].imageSize", instanceOf(String.class))
                .body("response.dataSet.imageType", everyItem(equalTo("PUBLIC_IMAGE")))
                .body("response.dataSet.imageStatus", everyItem(equalTo("AVAILABLE")));
        ok("DescribeImages", "{\"category\":\"Ubuntu\"}").body("response.totalCount", equalTo(2));
        ok("DescribeImages", "{\"osType\":\"windows\"}").body("response.totalCount", equalTo(1))
                .body("response.dataSet[0].imageId", equalTo("img-windows-2022-x64"));
        ok("DescribeImages", "{\"imageIds\":[\"img-debian-12-x64\"]}").body("response.dataSet[0].imageName", equalTo("Debian 12 64bit"));
        ok("DescribeImages", "{\"imageName\":\"Debian 12 64bit\"}").body("response.totalCount", equalTo(1));
        ok("DescribeImages", "{\"imageType\":\"CUSTOM_IMAGE\"}").body("response.totalCount", equalTo(0));
        ok("DescribeImages", "{\"pageSize\":2,\"pageNum\":2}").body("response.totalCount", equalTo(5)).body("response.dataSet", hasSize(2));
        fails("DescribeImages", "{\"osType\":\"mac\"}", 400, "INVALID_PARAMETER_VALUE");
        fails("DescribeImages", "{\"imageType\":\"SHARED\"}", 400, "INVALID_PARAMETER_VALUE");
        fails("DescribeImages", "{\"imageStatus\":\"BROKEN\"}", 400, "INVALID_PARAMETER_VALUE");
        fails("DescribeImages", "{\"zoneId\":\"SEL--A\"}", 404, "INVALID_ZONE_NOT_FOUND");
    }

    @Test
    void instanceConfigInfosCoverEveryZoneAndType() {
        int all = ZenlayerCatalog.ZONES.size() * ZenlayerCatalog.INSTANCE_TYPES.size();
        ok("DescribeZoneInstanceConfigInfos", "{}").body("response.instanceTypeQuotaSet", hasSize(all));
        ok("DescribeZoneInstanceConfigInfos", "{\"zoneId\":\"SEL-A\",\"instanceType\":\"c.1c2g\",\"instanceChargeType\":\"POSTPAID\"}")
                .body("response.instanceTypeQuotaSet", hasSize(1))
                .body("response.instanceTypeQuotaSet[0].zoneId", equalTo("SEL-A"))
                .body("response.instanceTypeQuotaSet[0].instanceType", equalTo("c.1c2g"))
                .body("response.instanceTypeQuotaSet[0].cpuCount", equalTo(1))
                .body("response.instanceTypeQuotaSet[0].memory", equalTo(2))
                .body("response.instanceTypeQuotaSet[0].internetMaxBandwidthOutLimit", equalTo(100))
                .body("response.instanceTypeQuotaSet[0].frequency", instanceOf(String.class))
                .body("response.instanceTypeQuotaSet[0].instanceTypeName", instanceOf(String.class))
                .body("response.instanceTypeQuotaSet[0].internetChargeTypes", hasItems("ByBandwidth", "BandwidthCluster"));
        ok("DescribeZoneInstanceConfigInfos", V2023, "{\"zoneId\":\"FRA-A\"}")
                .body("response.instanceTypeQuotaSet[0].internetChargeTypes", equalTo(List.of("ByBandwidth", "ByTrafficPackage")));
        fails("DescribeZoneInstanceConfigInfos", "{\"instanceChargeType\":\"FREE\"}", 400, "INVALID_PARAMETER_VALUE");
    }

    @Test
    void everyCatalogueCombinationCanBeCreated() {
        // what the describe actions offer is exactly what CreateInstances accepts
        List<String> zones = ok("DescribeZones", "{}").extract().path("response.zoneSet.zoneId");
        List<String> images = ok("DescribeImages", "{\"pageSize\":1000}").extract().path("response.dataSet.imageId");
        List<java.util.Map<String, Object>> configs = ok("DescribeZoneInstanceConfigInfos", "{}").extract().path("response.instanceTypeQuotaSet");
        for (java.util.Map<String, Object> c : configs) {
            @SuppressWarnings("unchecked")
            List<String> charges = (List<String>) c.get("internetChargeTypes");
            ok("CreateInstances", "{\"zoneId\":\"" + c.get("zoneId") + "\",\"imageId\":\"" + images.get(configs.indexOf(c) % images.size())
                    + "\",\"instanceType\":\"" + c.get("instanceType") + "\",\"instanceChargeType\":\"POSTPAID\",\"internetChargeType\":\""
                    + charges.get(charges.size() - 1) + "\",\"internetMaxBandwidthOut\":" + c.get("internetMaxBandwidthOutLimit")
                    + "," + LOGIN + "}");
        }
        ok("DescribeInstances", "{}").body("response.totalCount", equalTo(configs.size()));
        org.junit.jupiter.api.Assertions.assertTrue(zones.containsAll(List.of("HKG-A", "SEL-A")));
    }
}
