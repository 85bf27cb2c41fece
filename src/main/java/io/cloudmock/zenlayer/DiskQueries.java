package io.cloudmock.zenlayer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Resource;
import io.cloudmock.core.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * DescribeDisks: the disks made with an instance, as a view of it (every instance's {@code systemDisk}, diskType
 * SYSTEM, and its non-portable {@code dataDisks}, DATA), and the stand-alone disks of CreateDisks (kind
 * {@code disk}, portable), filtered alike and listed in creation order (ids come from one counter). Disks made
 * with an instance share its life: CREATING while it is created, IN_USE while it lives, RECYCLING / RECYCLED
 * with it in the recycle bin, DELETING while it is released, then gone with it.
 */
final class DiskQueries {
    static final Set<String> DISK_STATUSES = Set.of("CREATING", "IN_USE", "AVAILABLE", "CHANGING", "ATTACHING",
            "DETACHING", "DELETING", "RECYCLED", "RECYCLING");
    static final Set<String> DISK_TYPES = Set.of("SYSTEM", "DATA");

    /** One disk with the instance it belongs to, before rendering. */
    private record Disk(Resource instance, String type, Map<?, ?> fields, Resource standalone) {
        Disk(Resource instance, String type, Map<?, ?> fields) { this(instance, type, fields, null); }

        String id() { return standalone != null ? standalone.id() : String.valueOf(fields.get("diskId")); }

        String name() {
            Object n = fields.get("diskName");
            return n != null ? n.toString() : instance.string("instanceName") + "-" + type.toLowerCase(java.util.Locale.ROOT);
        }

        boolean portable() { return standalone != null || Boolean.TRUE.equals(fields.get("portable")); }

        String instanceId() { return instance == null ? null : instance.id(); }

        String zoneId() { return standalone != null ? standalone.string("zoneId") : instance.string("zoneId"); }

        String resourceGroupId() { return standalone != null ? standalone.string("resourceGroupId") : instance.string("resourceGroupId"); }

        String status() {
            if (standalone != null) return standalone.state();
            return switch (instance.state()) {
                case ZenlayerTransitions.PENDING, ZenlayerTransitions.DEPLOYING -> "CREATING";
                case ZenlayerTransitions.RECYCLING -> "RECYCLING";
                case ZenlayerTransitions.RECYCLE -> "RECYCLED";
                case ZenlayerTransitions.RELEASING -> "DELETING";
                default -> "IN_USE";
            };
        }
    }

    private DiskQueries() {}

    static void describe(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        Predicate<Disk> filter = filter(b);
        b.pageSize();
        b.pageNum();
        call.account().atomically(tx -> {
            List<Disk> matched = new ArrayList<>();
            for (Resource i : tx.view(ZenlayerModel.PROVIDER, ZenlayerModel.KIND)) {
                for (Disk d : disks(i)) if (filter.test(d)) matched.add(d);
            }
            for (Resource r : tx.list(ZenlayerModel.PROVIDER, ZenlayerNetworkKinds.DISK)) {
                Resource on = r.reference(ZenlayerNetworkKinds.INSTANCE) == null ? null
                        : tx.get(ZenlayerModel.PROVIDER, ZenlayerModel.KIND, r.reference(ZenlayerNetworkKinds.INSTANCE));
                Disk d = new Disk(on, "DATA", r.fields(), r);
                if (filter.test(d)) matched.add(d);
            }
            matched.sort(java.util.Comparator.comparingLong(d -> ZenlayerModel.number(d.id())));
            response.put("totalCount", matched.size());
            ArrayNode data = response.putArray("dataSet");
            for (Disk d : b.page(matched)) data.add(d.standalone() == null ? render(d) : renderStandalone(d));
            return null;
        });
    }

    private static List<Disk> disks(Resource i) {
        List<Disk> out = new ArrayList<>();
        if (i.fields().get("systemDisk") instanceof Map<?, ?> sys) out.add(new Disk(i, "SYSTEM", sys));
        if (i.fields().get("dataDisks") instanceof List<?> list) {
            // attached stand-alone disks (portable) are listed from their own kind
            for (Object o : list) if (o instanceof Map<?, ?> m && !Boolean.TRUE.equals(m.get("portable"))) out.add(new Disk(i, "DATA", m));
        }
        return out;
    }

    /** Every DiskInfo field of the Go SDK models ({@code vm20230313} and {@code vm20260401} agree). */
    private static ObjectNode render(Disk d) {
        Resource i = d.instance();
        Map<String, Object> f = i.fields();
        ObjectNode o = Json.MAPPER.createObjectNode()
                .put("diskId", d.id())
                .put("diskName", d.name())
                .put("zoneId", i.string("zoneId"))
                .put("diskType", d.type())
                .put("portable", d.portable());
        o.set("diskCategory", Json.MAPPER.valueToTree(d.fields().get("diskCategory")));
        o.set("diskSize", Json.MAPPER.valueToTree(d.fields().get("diskSize")));
        o.put("diskStatus", d.status())
                .put("instanceId", i.id())
                .put("instanceName", i.string("instanceName"))
                .put("chargeType", i.string("instanceChargeType"))
                .put("createTime", i.string("createTime"));
        o.set("expiredTime", Json.MAPPER.valueToTree(f.get("expiredTime")));
        o.set("period", Json.MAPPER.valueToTree(f.get("period")));
        o.put("autoRenew", Boolean.TRUE.equals(f.get("autoRenew")));
        // disks made with an instance carry no tags of their own
        o.putObject("tags").putArray("tags");
        return o;
    }

    /** A stand-alone disk's DiskInfo: its own fields, the instance it is attached to (or nulls). */
    private static ObjectNode renderStandalone(Disk d) {
        Resource r = d.standalone();
        ObjectNode o = Json.MAPPER.createObjectNode()
                .put("diskId", r.id())
                .put("diskName", r.string("diskName"))
                .put("zoneId", r.string("zoneId"))
                .put("diskType", "DATA")
                .put("portable", true)
                .put("diskCategory", r.string("diskCategory"));
        o.set("diskSize", Json.MAPPER.valueToTree(r.fields().get("diskSize")));
        o.put("diskStatus", r.state());
        if (d.instance() == null) {
            o.putNull("instanceId");
            o.putNull("instanceName");
        } else {
            o.put("instanceId", d.instance().id()).put("instanceName", d.instance().string("instanceName"));
        }
        o.put("chargeType", r.string("chargeType")).put("createTime", r.string("createTime"));
        o.set("expiredTime", Json.MAPPER.valueToTree(r.fields().get("expiredTime")));
        o.set("period", Json.MAPPER.valueToTree(r.fields().get("period")));
        o.put("autoRenew", Boolean.TRUE.equals(r.fields().get("autoRenew")));
        Object tags = r.fields().get("tags");
        if (tags instanceof Map) o.set("tags", Json.MAPPER.valueToTree(tags));
        else o.putObject("tags").putArray("tags");
        return o;
    }

    private static Map<String, String> tagsOf(Disk d) {
        Map<String, String> out = new java.util.HashMap<>();
        if (d.standalone() != null && d.standalone().fields().get("tags") instanceof Map<?, ?> w && w.get("tags") instanceof List<?> l) {
            for (Object o : l) if (o instanceof Map<?, ?> t && t.get("key") != null) out.put(t.get("key").toString(), java.util.Objects.toString(t.get("value"), null));
        }
        return out;
    }

    /** SYSTEM or DATA when {@code id} is a disk made with one of the account's instances; null otherwise. */
    static String instanceDiskType(io.cloudmock.core.Account.Tx tx, String id) {
        for (Resource i : tx.list(ZenlayerModel.PROVIDER, ZenlayerModel.KIND)) {
            for (Disk d : disks(i)) if (d.id().equals(id)) return d.type();
        }
        return null;
    }

    /** The DescribeDisks filters, type- and enum-checked; absent filters match everything. */
    private static Predicate<Disk> filter(ZenlayerRequest b) {
        List<Predicate<Disk>> all = new ArrayList<>();
        List<String> ids = b.strings("diskIds", ZenlayerRequest.MAX_IDS);
        if (ids != null && !ids.isEmpty()) {
            Set<String> wanted = new HashSet<>(ids);
            all.add(d -> wanted.contains(d.id()));
        }
        String name = b.string("diskName");
        if (name != null) all.add(d -> name.equals(d.name()));
        String status = b.enumValue("diskStatus", DISK_STATUSES);
        if (status != null) all.add(d -> status.equals(d.status()));
        String type = b.enumValue("diskType", DISK_TYPES);
        if (type != null) all.add(d -> type.equals(d.type()));
        Integer size = b.integer("diskSize");
        if (size != null) all.add(d -> d.fields().get("diskSize") instanceof Number n && n.intValue() == size);
        String category = b.string("diskCategory");
        if (category != null) all.add(d -> category.equals(d.fields().get("diskCategory")));
        Boolean portable = b.bool("portable");
        if (portable != null) all.add(d -> portable == d.portable());
        String instanceId = b.string("instanceId");
        if (instanceId != null) all.add(d -> instanceId.equals(d.instanceId()));
        String zoneId = b.string("zoneId");
        if (zoneId != null) all.add(d -> zoneId.equals(d.zoneId()));
        String group = b.string("resourceGroupId");
        if (group != null) all.add(d -> group.equals(d.resourceGroupId()));
        // disks made with an instance carry no tags of their own, so a tag filter matches only stand-alone disks
        List<String> tagKeys = b.strings("tagKeys", InstanceQueries.MAX_TAG_FILTERS);
        if (tagKeys != null && !tagKeys.isEmpty()) all.add(d -> tagsOf(d).keySet().containsAll(tagKeys));
        List<ZenlayerRequest> tags = b.objects("tags");
        if (tags != null) {
            if (tags.size() > InstanceQueries.MAX_TAG_FILTERS) {
                throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with("tags", InstanceQueries.MAX_TAG_FILTERS);
            }
            for (ZenlayerRequest t : tags) {
                String key = t.requiredString("key");
                String value = t.string("value");
                all.add(d -> tagsOf(d).containsKey(key) && (value == null || value.equals(tagsOf(d).get(key))));
            }
        }
        return d -> {
            for (Predicate<Disk> p : all) if (!p.test(d)) return false;
            return true;
        };
    }
}
