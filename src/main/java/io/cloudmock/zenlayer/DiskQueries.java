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
 * DescribeDisks as a view of the instances: every instance's {@code systemDisk} (diskType SYSTEM) and
 * {@code dataDisks} (DATA), with the same ids, sizes and categories DescribeInstances shows. Disks are created
 * with their instance and are not portable, so they share its life: CREATING while it is created, IN_USE while
 * it lives, RECYCLING / RECYCLED with it in the recycle bin, DELETING while it is released, then gone with it.
 * There are no stand-alone disks (CreateDisks is not implemented).
 */
final class DiskQueries {
    static final Set<String> DISK_STATUSES = Set.of("CREATING", "IN_USE", "AVAILABLE", "CHANGING", "ATTACHING",
            "DETACHING", "DELETING", "RECYCLED", "RECYCLING");
    static final Set<String> DISK_TYPES = Set.of("SYSTEM", "DATA");

    /** One disk with the instance it belongs to, before rendering. */
    private record Disk(Resource instance, String type, Map<?, ?> fields) {
        String id() { return String.valueOf(fields.get("diskId")); }

        String name() {
            Object n = fields.get("diskName");
            return n != null ? n.toString() : instance.string("instanceName") + "-" + type.toLowerCase(java.util.Locale.ROOT);
        }

        boolean portable() { return Boolean.TRUE.equals(fields.get("portable")); }

        String status() {
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
            response.put("totalCount", matched.size());
            ArrayNode data = response.putArray("dataSet");
            for (Disk d : b.page(matched)) data.add(render(d));
            return null;
        });
    }

    private static List<Disk> disks(Resource i) {
        List<Disk> out = new ArrayList<>();
        if (i.fields().get("systemDisk") instanceof Map<?, ?> sys) out.add(new Disk(i, "SYSTEM", sys));
        if (i.fields().get("dataDisks") instanceof List<?> list) {
            for (Object o : list) if (o instanceof Map<?, ?> m) out.add(new Disk(i, "DATA", m));
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
        if (instanceId != null) all.add(d -> instanceId.equals(d.instance().id()));
        String zoneId = b.string("zoneId");
        if (zoneId != null) all.add(d -> zoneId.equals(d.instance().string("zoneId")));
        String group = b.string("resourceGroupId");
        if (group != null) all.add(d -> group.equals(d.instance().string("resourceGroupId")));
        // disks have no tags of their own: any tag filter matches none of them
        List<String> tagKeys = b.strings("tagKeys", InstanceQueries.MAX_TAG_FILTERS);
        List<ZenlayerRequest> tags = b.objects("tags");
        if (tags != null) {
            if (tags.size() > InstanceQueries.MAX_TAG_FILTERS) {
                throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with("tags", InstanceQueries.MAX_TAG_FILTERS);
            }
            for (ZenlayerRequest t : tags) {
                t.requiredString("key");
                t.string("value");
            }
        }
        if ((tagKeys != null && !tagKeys.isEmpty()) || (tags != null && !tags.isEmpty())) all.add(d -> false);
        return d -> {
            for (Predicate<Disk> p : all) if (!p.test(d)) return false;
            return true;
        };
    }
}
