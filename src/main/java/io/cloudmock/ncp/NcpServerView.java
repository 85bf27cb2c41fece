package io.cloudmock.ncp;

import io.cloudmock.core.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a server instance looks on the wire: the VPC shape (reference 5.1, field order of the real JSON) and the
 * Classic shape (reference 5.2 and seed 002, including the service's own spelling
 * {@code baseBlockStroageDiskDetailType}). Types follow the Go SDK: ids and empty values are strings, counts and
 * sizes numbers, flags booleans.
 */
final class NcpServerView {
    private NcpServerView() {}

    static NcpList list(List<Resource> instances, NcpFlavour flavour) {
        List<Object> items = new ArrayList<>(instances.size());
        for (Resource i : instances) {
            items.add(flavour.classic() ? new NcpFormat.Item(i, "classic server", () -> classic(i))
                    : new NcpFormat.Item(i, "vpc server", () -> vpc(i)));
        }
        return new NcpList("serverInstance", items);
    }

    /** totalRows + serverInstanceList, the payload of every server action. */
    static Map<String, Object> payload(List<Resource> page, int totalRows, NcpFlavour flavour) {
        return NcpList.payload("serverInstanceList", "serverInstance", list(page, flavour).items(), totalRows);
    }

    static Map<String, Object> payload(List<Resource> instances, NcpFlavour flavour) {
        return payload(instances, instances.size(), flavour);
    }

    private static Map<String, Object> vpc(Resource i) {
        NcpStates s = NcpStates.of(i.state());
        Map<String, Object> m = new LinkedHashMap<>();
        putIdentity(m, i);
        m.put("platformType", NcpCodes.platform(str(i, "platformType")));
        m.put("loginKeyName", str(i, "loginKeyName"));
        m.put("publicIpInstanceNo", str(i, "publicIpInstanceNo"));
        m.put("publicIp", str(i, "publicIp"));
        putLife(m, i, s);
        m.put("zoneCode", str(i, "zoneCode"));
        m.put("regionCode", str(i, "regionCode"));
        m.put("vpcNo", str(i, "vpcNo"));
        m.put("subnetNo", str(i, "subnetNo"));
        m.put("networkInterfaceNoList", new NcpList("networkInterfaceNo", strings(i, "networkInterfaceNoList")));
        m.put("initScriptNo", str(i, "initScriptNo"));
        m.put("serverInstanceType", NcpCodes.serverType(str(i, "serverInstanceType")));
        m.put("baseBlockStorageDiskType", NcpCodes.diskType(str(i, "baseBlockStorageDiskType")));
        m.put("baseBlockStorageDiskDetailType", NcpCodes.diskDetail(str(i, "baseBlockStorageDiskDetailType")));
        m.put("placementGroupNo", str(i, "placementGroupNo"));
        m.put("placementGroupName", str(i, "placementGroupName"));
        m.put("memberServerImageInstanceNo", str(i, "memberServerImageInstanceNo"));
        m.put("hypervisorType", NcpCodes.hypervisor(str(i, "hypervisorType")));
        m.put("serverImageNo", str(i, "serverImageNo"));
        m.put("serverSpecCode", str(i, "serverSpecCode"));
        m.put("eventList", new NcpList("event", List.of()));
        m.put("fabricClusterPoolNo", "");
        m.put("fabricClusterPoolName", "");
        m.put("fabricClusterMode", "");
        m.put("fabricClusterNo", "");
        m.put("fabricClusterName", "");
        return m;
    }

    private static Map<String, Object> classic(Resource i) {
        NcpStates s = NcpStates.of(i.state());
        Map<String, Object> m = new LinkedHashMap<>();
        putIdentity(m, i);
        m.put("baseBlockStorageSize", number(i, "baseBlockStorageSize"));
        m.put("platformType", NcpCodes.platform(str(i, "platformType")));
        m.put("loginKeyName", str(i, "loginKeyName"));
        m.put("isFeeChargingMonitoring", bool(i, "isFeeChargingMonitoring"));
        m.put("publicIp", str(i, "publicIp"));
        m.put("privateIp", str(i, "privateIp"));
        m.put("serverImageName", str(i, "serverImageName"));
        putLife(m, i, s);
        m.put("portForwardingPublicIp", str(i, "portForwardingPublicIp"));
        NcpCatalog.Zone zone = NcpCatalog.zone(str(i, "zoneNo")).orElse(NcpCatalog.ZONES.get(0));
        NcpCatalog.Region region = NcpCatalog.region(zone.regionCode(), true).orElse(NcpCatalog.CLASSIC_REGIONS.get(0));
        Map<String, Object> z = new LinkedHashMap<>();
        z.put("zoneNo", zone.zoneNo());
        z.put("zoneName", zone.zoneName());
        z.put("zoneCode", zone.zoneCode());
        z.put("zoneDescription", zone.zoneDescription());
        z.put("regionNo", region.regionNo());
        m.put("zone", z);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("regionNo", region.regionNo());
        r.put("regionCode", region.regionCode());
        r.put("regionName", region.regionName());
        m.put("region", r);
        m.put("baseBlockStorageDiskType", NcpCodes.diskType(str(i, "baseBlockStorageDiskType")));
        // sic: the Classic service spells it "Stroage" (seed 002, reference 5.2)
        m.put("baseBlockStroageDiskDetailType", NcpCodes.diskDetail(str(i, "baseBlockStorageDiskDetailType")));
        m.put("serverInstanceType", NcpCodes.serverType(str(i, "serverInstanceType")));
        m.put("internetLineType", NcpCodes.code(str(i, "internetLineType"), "Public"));
        m.put("userData", str(i, "userData"));
        m.put("initScriptNo", str(i, "initScriptNo"));
        List<Object> acgs = new ArrayList<>();
        for (String no : strings(i, "accessControlGroupConfigurationNoList")) {
            boolean isDefault = no.equals(NcpModel.DEFAULT_ACG);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("accessControlGroupConfigurationNo", no);
            a.put("accessControlGroupName", isDefault ? "ncloud-default-acg" : "acg-" + no);
            a.put("accessControlGroupDescription", isDefault ? "Default AccessControlGroup" : "");
            a.put("isDefaultGroup", isDefault);
            a.put("createDate", str(i, "createDate"));
            acgs.add(a);
        }
        m.put("accessControlGroupList", new NcpList("accessControlGroup", acgs));
        return m;
    }

    /** The fields both flavours open with, in the same order. */
    private static void putIdentity(Map<String, Object> m, Resource i) {
        m.put("serverInstanceNo", i.id());
        m.put("serverName", str(i, "serverName"));
        m.put("serverDescription", str(i, "serverDescription"));
        m.put("cpuCount", integer(i, "cpuCount"));
        m.put("memorySize", number(i, "memorySize"));
    }

    /** State, dates, image, product and protection: the same run in both flavours. */
    private static void putLife(Map<String, Object> m, Resource i, NcpStates s) {
        putState(m, s);
        m.put("createDate", str(i, "createDate"));
        m.put("uptime", uptime(i, s));
        m.put("serverImageProductCode", str(i, "serverImageProductCode"));
        m.put("serverProductCode", str(i, "serverProductCode"));
        m.put("isProtectServerTermination", bool(i, "isProtectServerTermination"));
    }

    private static void putState(Map<String, Object> m, NcpStates s) {
        m.put("serverInstanceStatus", NcpCodes.code(s.status, s.statusName));
        m.put("serverInstanceOperation", NcpCodes.code(s.operation, s.operationName));
        m.put("serverInstanceStatusName", s.label);
    }

    /** The last time the server entered RUN: when it is settled there, that is the moment it did. */
    private static String uptime(Resource i, NcpStates s) {
        return s == NcpStates.RUN ? NcpModel.date(i.since()) : str(i, "uptime");
    }

    static String str(Resource i, String field) { return i.string(field); }

    private static int integer(Resource i, String field) { return (int) number(i, field); }

    private static long number(Resource i, String field) {
        Object v = i.fields().get(field);
        if (v instanceof Number n) return n.longValue();
        try {
            return v == null ? 0 : Long.parseLong(v.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static boolean bool(Resource i, String field) {
        Object v = i.fields().get(field);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
    }

    static List<String> strings(Resource i, String field) {
        Object v = i.fields().get(field);
        if (!(v instanceof List<?> list)) return List.of();
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) out.add(String.valueOf(o));
        return out;
    }
}
