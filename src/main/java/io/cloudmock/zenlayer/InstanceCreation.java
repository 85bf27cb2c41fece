package io.cloudmock.zenlayer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Resource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.cloudmock.zenlayer.ZenlayerTransitions.INSTANCE;

/**
 * CreateInstances (reference section 7): every parameter is checked (types, enums, limits, then the catalogue),
 * then all instances are created at once, each going PENDING, DEPLOYING, RUNNING.
 */
final class InstanceCreation {
    static final int MAX_COUNT = 100;
    static final int MAX_DATA_DISKS = 10;
    static final int MAX_TAGS = 20;
    static final int MAX_INIT_SCRIPT = 32 * 1024;
    static final int MAX_DISK_SIZE = 16_384;
    static final int MAX_PERIOD = 36;
    static final Set<String> NETWORK_MODES = Set.of("Virtio", "Vf");

    private InstanceCreation() {}

    private record DataDisk(String name, int size, int amount, String category) {}

    static void create(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        // --- the request's own consistency ---
        String zoneId = b.requiredString("zoneId");
        String imageId = b.requiredString("imageId");
        String typeId = b.requiredString("instanceType");
        String chargeType = b.requiredEnum("instanceChargeType", ZenlayerCatalog.INSTANCE_CHARGE_TYPES);
        String internetChargeType = b.requiredEnum("internetChargeType", ZenlayerCatalog.INTERNET_CHARGE_TYPES);
        Integer countGiven = b.integer("instanceCount", 1, MAX_COUNT);
        int count = countGiven == null ? 1 : countGiven;
        String subnetId = b.string("subnetId");
        String rawName = b.string("instanceName");
        String password = b.string("password");
        String keyId = b.string("keyId");
        String resourceGroupId = b.string("resourceGroupId");
        Integer period = null;
        ZenlayerRequest prepaid = b.object("instanceChargePrepaid");
        if (prepaid != null) period = prepaid.integer("period", 1, MAX_PERIOD);
        ZenlayerRequest postpaid = b.object("instanceChargePostpaid");
        if (postpaid != null) postpaid.integer("period", 1, MAX_PERIOD);
        if ("PREPAID".equals(chargeType) && period == null) throw ZenlayerError.MISSING_PARAMETER.with("instanceChargePrepaid.period");
        Double trafficPackageSize = b.number("trafficPackageSize");
        if (trafficPackageSize != null && trafficPackageSize < 0) {
            throw ZenlayerError.INVALID_PARAMETER_LESS_MINIMUM.with("trafficPackageSize", 0);
        }
        Integer bandwidthGiven = b.integer("internetMaxBandwidthOut", 0, Integer.MAX_VALUE);
        int bandwidth = bandwidthGiven == null ? 1 : bandwidthGiven;

        ZenlayerRequest systemDisk = b.object("systemDisk");
        Integer systemDiskSize = systemDisk == null ? null : systemDisk.integer("diskSize", 1, MAX_DISK_SIZE);
        String systemDiskCategory = systemDisk == null ? null : systemDisk.enumValue("diskCategory", ZenlayerCatalog.DISK_CATEGORIES);
        List<DataDisk> dataDisks = dataDisks(b);

        Boolean enableIpv6 = b.bool("enableIpv6");
        Boolean enableIpv4 = b.bool("enableIpv4");
        b.bool("cpuPassThrough");
        b.bool("diskPreAllocated");
        String initScript = b.string("initScript");
        if (initScript != null && initScript.length() > MAX_INIT_SCRIPT) {
            throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with("initScript", MAX_INIT_SCRIPT);
        }
        b.enumValue("networkMode", NETWORK_MODES);
        String wanName = "eth0";
        String lanName = "eth1";
        ZenlayerRequest nic = b.object("nic");
        if (nic != null) {
            if (nic.string("wanName") != null) wanName = ZenlayerNames.nicName(nic.string("wanName"));
            if (nic.string("lanName") != null) lanName = ZenlayerNames.nicName(nic.string("lanName"));
            if (wanName.equals(lanName)) throw ZenlayerError.INVALID_PARAMETER_NIC_NAME_CONFLICT.with();
        }
        String securityGroupId = b.string("securityGroupId");
        b.string("clusterId");
        b.string("cidrBlockId");
        b.string("startCidrIpv4");
        ZenlayerRequest marketing = b.object("marketingOptions");
        if (marketing != null) {
            marketing.string("discountCode");
            marketing.bool("usePocVoucher");
        }
        List<Map<String, Object>> tags = tags(b);
        if ((password == null) == (keyId == null)) throw ZenlayerError.INVALID_PARAMETER_INSTANCE_LOGIN_CONFLICT.with();
        if (password != null) ZenlayerNames.password(password);
        List<String> names = ZenlayerNames.instanceNames("instanceName", rawName, count);

        // --- against the catalogue ---
        ZenlayerCatalog.Zone zone = ZenlayerCatalog.zone(zoneId);
        ZenlayerCatalog.Image image = ZenlayerCatalog.image(imageId);
        ZenlayerCatalog.InstanceType type = ZenlayerCatalog.instanceType(typeId);
        if (!zone.internetChargeTypes().contains(internetChargeType)) {
            throw ZenlayerError.OPERATION_FILED_INTERNET_CHARGE_TYPE_NOT_SUPPORT.with(internetChargeType, typeId, zoneId);
        }
        if (bandwidth > type.internetMaxBandwidthOutLimit()) {
            throw ZenlayerError.INVALID_BANDWIDTH_VALUE_EXCEED_MAXIMUM.with(bandwidth, type.internetMaxBandwidthOutLimit(), typeId);
        }
        int minSystemDisk = Math.max(ZenlayerModel.DEFAULT_SYSTEM_DISK_SIZE, image.imageSize());
        if (systemDiskSize != null && systemDiskSize < minSystemDisk) {
            throw ZenlayerError.INVALID_PARAMETER_LESS_MINIMUM.with("systemDisk.diskSize", minSystemDisk);
        }
        if (keyId != null && "windows".equals(image.osType())) {
            throw ZenlayerError.INVALID_PARAMETER_VALUE.with(keyId, "keyId", "none: SSH key pairs are not supported for Windows operating system");
        }
        for (DataDisk d : dataDisks) {
            if (!DiskActions.categories(zoneId).contains(d.category())) throw ZenlayerError.INVALID_DISK_CATEGORY_ZONE_NOT_SUPPORT.with(d.category(), zoneId);
        }
        if (systemDiskCategory != null && !DiskActions.categories(zoneId).contains(systemDiskCategory)) {
            throw ZenlayerError.INVALID_DISK_CATEGORY_ZONE_NOT_SUPPORT.with(systemDiskCategory, zoneId);
        }
        if (Boolean.TRUE.equals(enableIpv6) && !zone.supportIpv6()) {
            throw ZenlayerError.INVALID_PARAMETER_VALUE.with("true", "enableIpv6", "false (zone " + zoneId + " has no IPv6)");
        }

        // --- create all of them ---
        ZenlayerModel model = call.model();
        Instant now = call.now();
        List<Resource> created = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String id = model.newId();
            Map<String, Object> f = model.baseFields(id, zone, image, type, now);
            f.put("instanceName", names.get(n));
            f.put("instanceChargeType", chargeType);
            f.put("internetChargeType", internetChargeType);
            f.put("internetMaxBandwidthOut", bandwidth);
            if ("PREPAID".equals(chargeType)) {
                f.put("period", period);
                f.put("expiredTime", ZenlayerModel.TIME.format(now.atZone(ZoneOffset.UTC).plusMonths(period)));
            }
            if (trafficPackageSize != null) f.put("trafficPackageSize", trafficPackageSize);
            if (resourceGroupId != null) {
                f.put("resourceGroupId", resourceGroupId);
                if (!resourceGroupId.equals(ZenlayerCatalog.DEFAULT_RESOURCE_GROUP_ID)) f.put("resourceGroupName", resourceGroupId);
            }
            if (Boolean.FALSE.equals(enableIpv4)) f.put("publicIpAddresses", new ArrayList<>());
            if (Boolean.TRUE.equals(enableIpv6)) {
                f.put("publicIpv6Addresses", new ArrayList<>(List.of(ZenlayerModel.publicIpv6(ZenlayerModel.number(id)))));
            }
            if (systemDisk != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> sys = (Map<String, Object>) f.get("systemDisk");
                if (systemDiskSize != null) sys.put("diskSize", systemDiskSize);
                if (systemDiskCategory != null) sys.put("diskCategory", systemDiskCategory);
            }
            List<Object> disks = new ArrayList<>();
            int k = 0;
            for (DataDisk d : dataDisks) {
                for (int a = 0; a < d.amount(); a++) {
                    k++;
                    String diskName = d.name() != null ? d.name() : names.get(n) + "-data-" + k;
                    disks.add(ZenlayerModel.disk(model.newDiskId(), diskName, d.size(), d.category(), false));
                }
            }
            f.put("dataDisks", disks);
            f.put("nic", ZenlayerModel.nic(wanName, lanName));
            f.put("tags", ZenlayerModel.tags(new ArrayList<>(tags)));
            created.add(new Resource(ZenlayerModel.PROVIDER, ZenlayerModel.KIND, call.account().name(), id, ZenlayerTransitions.PENDING, now, f));
        }
        call.account().atomically(tx -> {
            // against the account: subnet, security group, key (network reference 9.1), then all join at once
            Resource subnet = ZenlayerNetwork.subnetFor(tx, subnetId, zoneId, count);
            Resource group = ZenlayerNetwork.groupFor(tx, securityGroupId);
            Resource key = ZenlayerNetwork.keyFor(tx, keyId);
            Set<String> taken = new java.util.HashSet<>();
            for (Resource i : created) ZenlayerNetwork.join(tx, i, subnet, List.of(group), key, taken);
            for (Resource i : created) tx.add(i);
            tx.beginAll(ZenlayerTransitions.CREATE, created);
            return null;
        });

        ArrayNode idSet = response.putArray("instanceIdSet");
        for (Resource i : created) idSet.add(i.id());
        response.put("orderNumber", model.newId());
        if (call.isV2026()) {
            ArrayNode instances = response.putArray("instances");
            for (Resource i : created) {
                ObjectNode o = instances.addObject().put("instanceId", i.id());
                ArrayNode diskIds = o.putArray("diskIdSet");
                diskIds.add(String.valueOf(((Map<?, ?>) i.fields().get("systemDisk")).get("diskId")));
                for (Object d : (List<?>) i.fields().get("dataDisks")) diskIds.add(String.valueOf(((Map<?, ?>) d).get("diskId")));
            }
        }
    }

    private static List<DataDisk> dataDisks(ZenlayerRequest b) {
        List<ZenlayerRequest> given = b.objects("dataDisks");
        if (given == null) return List.of();
        if (given.size() > MAX_DATA_DISKS) throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with("dataDisks", MAX_DATA_DISKS);
        List<DataDisk> out = new ArrayList<>();
        int total = 0;
        for (ZenlayerRequest d : given) {
            // data disks: 20 to 2000 GB, as CreateDisks (network reference 9.1)
            Integer size = d.integer("diskSize", DiskActions.MIN_SIZE, DiskActions.MAX_SIZE);
            if (size == null) throw ZenlayerError.MISSING_PARAMETER.with(d.path("diskSize"));
            Integer amount = d.integer("diskAmount", 1, MAX_DATA_DISKS);
            String category = d.enumValue("diskCategory", ZenlayerCatalog.DISK_CATEGORIES);
            String name = d.string("diskName");
            if (name != null) ZenlayerNames.name(d.path("diskName"), name);
            int a = amount == null ? 1 : amount;
            total += a;
            out.add(new DataDisk(name, size, a, category == null ? "STANDARD" : category));
        }
        if (total > MAX_DATA_DISKS) throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with("dataDisks", MAX_DATA_DISKS);
        return out;
    }

    /** The {@code tags} wrapper: {@code {"tags":[{"key":..,"value":..}]}}, at most 20. */
    static List<Map<String, Object>> tags(ZenlayerRequest b) {
        ZenlayerRequest wrapper = b.object("tags");
        List<Map<String, Object>> out = new ArrayList<>();
        if (wrapper == null) return out;
        List<ZenlayerRequest> list = wrapper.objects("tags");
        if (list == null) return out;
        if (list.size() > MAX_TAGS) throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with("tags.tags", MAX_TAGS);
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (ZenlayerRequest t : list) {
            // the resource tags of zrm: key and value 1-64 characters, one value per key
            String key = ZrmTags.tagText(t, "key", true);
            if (!keys.add(key)) throw ZenlayerError.INVALID_PARAMETER_VALUE.with(key, t.path("key"), "a key not given before");
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("key", key);
            tag.put("value", ZrmTags.tagText(t, "value", false));
            out.add(tag);
        }
        return out;
    }
}
