package io.cloudmock.zenlayer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Account;
import io.cloudmock.core.Resource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.cloudmock.zenlayer.ZenlayerNetworkKinds.DISK;
import static io.cloudmock.zenlayer.ZenlayerNetworkKinds.INSTANCE;
import static io.cloudmock.zenlayer.ZenlayerNetworkTransitions.*;

/**
 * Stand-alone data disks (network reference section 6): made by CreateDisks, {@code DATA} and portable, with their
 * own life. Every transition is visible at once (ATTACHING, DETACHING, RECYCLING...) and settles after one
 * transition delay, as Terraform's waiters need. The disks made with an instance stay part of it (DiskQueries).
 */
final class DiskActions {
    static final int MIN_SIZE = 20;
    static final int MAX_SIZE = 2000;
    static final int MAX_AMOUNT = 50;
    /** "A maximum of 10 disks can be attached to an instance in one request." */
    static final int MAX_PER_REQUEST = 10;
    /** "usually 15 disks" (the API page; the user guide says 10). */
    static final int MAX_PER_INSTANCE = 15;
    /** The zh texts and go26 say SSD; the en texts say Standard. Every zone here sells both. */
    static final String DEFAULT_CATEGORY = "SSD";
    private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9.-]{0,63}";

    private DiskActions() {}

    static Map<String, Object> baseFields(String zoneId, String name, int size, String category, String chargeType,
                                          Integer period, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("diskName", name);
        f.put("zoneId", zoneId);
        f.put("diskType", "DATA");
        f.put("portable", true);
        f.put("diskCategory", category);
        f.put("diskSize", size);
        f.put("chargeType", chargeType);
        f.put("createTime", ZenlayerModel.TIME.format(now));
        f.put("expiredTime", period == null ? null : ZenlayerModel.TIME.format(now.atZone(ZoneOffset.UTC).plusMonths(period)));
        f.put("period", period);
        f.put("autoRenew", false);
        f.put("resourceGroupId", ZenlayerCatalog.DEFAULT_RESOURCE_GROUP_ID);
        f.put("tags", ZenlayerModel.tags(new ArrayList<>()));
        return f;
    }

    /** The categories each zone sells (DescribeDiskCategory, CreateDisks, CreateInstances' disks). */
    static Set<String> categories(String zoneId) {
        ZenlayerCatalog.zone(zoneId);
        return new TreeSet<>(ZenlayerCatalog.DISK_CATEGORIES);
    }

    static void category(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        b.enumValue("instanceChargeType", ZenlayerCatalog.INSTANCE_CHARGE_TYPES);
        String zoneId = b.string("zoneId");
        String wanted = b.string("diskCategory");
        if (zoneId != null) ZenlayerCatalog.zone(zoneId);
        ArrayNode set = response.putArray("categoryZoneSet");
        for (ZenlayerCatalog.Zone z : ZenlayerCatalog.ZONES.values()) {
            if (zoneId != null && !zoneId.equals(z.zoneId())) continue;
            Set<String> sold = categories(z.zoneId());
            if (wanted != null && !sold.contains(wanted)) continue;
            ObjectNode o = set.addObject().put("zoneId", z.zoneId());
            ArrayNode c = o.putArray("categorySet");
            sold.forEach(c::add);
        }
    }

    static String name(ZenlayerRequest b, String field) {
        String name = b.requiredString(field);
        if (name.length() > 64) throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with(field, 64);
        if (!name.matches(NAME_PATTERN)) {
            throw ZenlayerError.INVALID_PARAMETER_PATTERN_ERROR.with(field, "letters, digits, - and ., starting with a letter or digit");
        }
        return name;
    }

    static void create(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        String chargeType = b.requiredString("chargeType");
        if (!ZenlayerCatalog.INSTANCE_CHARGE_TYPES.contains(chargeType)) throw ZenlayerError.INVALID_CHARGE_TYPE.with(chargeType);
        Integer period = null;
        ZenlayerRequest prepaid = b.object("chargePrepaid");
        if (prepaid != null) period = prepaid.integer("period", 1, InstanceCreation.MAX_PERIOD);
        if (chargeType.equals("PREPAID") && period == null) throw ZenlayerError.INVALID_CHARGE_PREPAID_CAN_NOT_BE_NULL.with();
        Integer months = chargeType.equals("POSTPAID") ? null : period;
        String name = name(b, "diskName");
        Integer size = b.integer("diskSize", MIN_SIZE, MAX_SIZE);
        if (size == null) throw ZenlayerError.MISSING_PARAMETER.with("diskSize");
        String category = b.enumValue("diskCategory", ZenlayerCatalog.DISK_CATEGORIES);
        String instanceId = b.string("instanceId");
        String zoneGiven = b.string("zoneId");
        Integer amountGiven = b.integer("diskAmount", 1, MAX_AMOUNT);
        int amount = amountGiven == null ? 1 : amountGiven;
        String group = b.string("resourceGroupId");
        ZenlayerRequest marketing = b.object("marketingOptions");
        if (marketing != null) {
            marketing.string("discountCode");
            marketing.bool("usePocVoucher");
        }
        List<Map<String, Object>> tags = InstanceCreation.tags(b);
        if (instanceId == null && (zoneGiven == null || zoneGiven.isEmpty())) throw ZenlayerError.MISSING_PARAMETER.with("zoneId");
        Instant now = call.now();
        List<String> ids = new ArrayList<>();
        call.account().atomically(tx -> {
            Resource instance = null;
            String zoneId = zoneGiven;
            if (instanceId != null) {
                // "If instanceId is specified, this parameter [zoneId] is invalid."
                instance = attachable(tx, instanceId, amount);
                zoneId = instance.string("zoneId");
            }
            Set<String> sold = categories(zoneId);
            String cat = category == null ? (sold.contains(DEFAULT_CATEGORY) ? DEFAULT_CATEGORY : sold.iterator().next()) : category;
            if (!sold.contains(cat)) throw ZenlayerError.INVALID_DISK_CATEGORY_ZONE_NOT_SUPPORT.with(cat, zoneId);
            List<Resource> made = new ArrayList<>();
            for (int n = 0; n < amount; n++) {
                String id = call.backend().ids().nextNumber();
                Map<String, Object> f = baseFields(zoneId, name, size, cat, chargeType, months, now);
                if (group != null) f.put("resourceGroupId", group);
                f.put("tags", ZenlayerModel.tags(new ArrayList<>(tags)));
                made.add(new Resource(ZenlayerModel.PROVIDER, DISK, tx.account(), id, DISK_CREATING, now, f));
            }
            for (Resource d : made) {
                tx.add(d);
                ids.add(d.id());
                if (instance != null) {
                    tx.refer(d, INSTANCE, instance.id());
                    InstanceDisks.attach(instance, d);
                }
            }
            tx.beginAll(instance == null ? CREATE_DISKS : CREATE_DISKS_ATTACHED, made);
            return null;
        });
        ArrayNode out = response.putArray("diskIds");
        ids.forEach(out::add);
        response.put("orderNumber", call.backend().ids().nextNumber());
    }

    /** An instance that may take {@code more} data disks now: it exists, is RUNNING or STOPPED, has room. */
    private static Resource attachable(Account.Tx tx, String instanceId, int more) {
        Resource i = tx.get(ZenlayerModel.PROVIDER, INSTANCE, instanceId);
        if (i == null) throw ZenlayerError.INVALID_INSTANCE_NOT_FOUND.with(instanceId);
        if (!ZenlayerTransitions.RUNNING.equals(i.state()) && !ZenlayerTransitions.STOPPED.equals(i.state())) {
            throw ZenlayerError.UNSUPPORTED_OPERATION_INSTANCE_STATUS.with(instanceId, i.state());
        }
        int have = InstanceDisks.count(i);
        if (have + more > MAX_PER_INSTANCE) throw ZenlayerError.LIMIT_EXCEEDED_INSTANCE_CAN_ATTACH.with(instanceId, MAX_PER_INSTANCE, have, more);
        return i;
    }

    static void attach(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        List<String> ids = diskIds(b, MAX_PER_REQUEST);
        String instanceId = b.requiredString("instanceId");
        call.account().atomically(tx -> {
            List<Resource> disks = find(tx, ids);
            Resource instance = tx.get(ZenlayerModel.PROVIDER, INSTANCE, instanceId);
            if (instance == null) throw ZenlayerError.INVALID_INSTANCE_NOT_FOUND.with(instanceId);
            for (Resource d : disks) {
                if (d.reference(INSTANCE) != null) throw ZenlayerError.UNSUPPORTED_OPERATION_DISK_ATTACHED.with(d.id(), d.reference(INSTANCE));
                notRecycled(d);
                if (!d.string("zoneId").equals(instance.string("zoneId"))) {
                    throw ZenlayerError.INVALID_DISK_AND_INSTANCE_ZONE_MISMATCHED.with(d.id(), d.string("zoneId"), instanceId, instance.string("zoneId"));
                }
            }
            attachable(tx, instanceId, disks.size());
            tx.beginAll(ATTACH_DISKS, disks, d -> {
                tx.refer(d, INSTANCE, instanceId);
                InstanceDisks.attach(instance, d);
            });
            return null;
        });
    }

    static void detach(ZenlayerCall call, ObjectNode response) {
        List<String> ids = diskIds(call.body(), MAX_PER_REQUEST);
        call.account().atomically(tx -> {
            List<Resource> disks = find(tx, ids);
            String on = null;
            for (Resource d : disks) {
                notRecycled(d);
                String i = d.reference(INSTANCE);
                // Terraform counts this code as success when the attachment is already gone
                if (i == null) throw ZenlayerError.UNSUPPORTED_OPERATION_DISK_NO_ATTACH.with(d.id());
                if (on != null && !on.equals(i)) {
                    throw ZenlayerError.INVALID_PARAMETER_VALUE.with(ids.toString(), "diskIds", "disks attached to one instance");
                }
                on = i;
            }
            Resource instance = tx.get(ZenlayerModel.PROVIDER, INSTANCE, on);
            if (instance != null && !ZenlayerTransitions.RUNNING.equals(instance.state()) && !ZenlayerTransitions.STOPPED.equals(instance.state())) {
                throw ZenlayerError.UNSUPPORTED_OPERATION_INSTANCE_STATUS.with(instance.id(), instance.state());
            }
            tx.beginAll(DETACH_DISKS, disks, d -> {
                tx.refer(d, INSTANCE, (String) null);
                if (instance != null) InstanceDisks.detach(instance, d);
            });
            return null;
        });
    }

    /** DetachDisks then AttachDisks in one: every disk IN_USE on one other instance of the zone. */
    static void changeAttach(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        List<String> ids = diskIds(b, MAX_PER_REQUEST);
        String instanceId = b.requiredString("instanceId");
        call.account().atomically(tx -> {
            List<Resource> disks = find(tx, ids);
            Resource target = tx.get(ZenlayerModel.PROVIDER, INSTANCE, instanceId);
            if (target == null) throw ZenlayerError.INVALID_INSTANCE_NOT_FOUND.with(instanceId);
            for (Resource d : disks) {
                notRecycled(d);
                if (d.reference(INSTANCE) == null) throw ZenlayerError.UNSUPPORTED_OPERATION_DISK_NO_ATTACH.with(d.id());
                if (d.reference(INSTANCE).equals(instanceId)) throw ZenlayerError.UNSUPPORTED_OPERATION_DISK_ATTACHED.with(d.id(), instanceId);
                if (!d.string("zoneId").equals(target.string("zoneId"))) {
                    throw ZenlayerError.INVALID_DISK_AND_INSTANCE_ZONE_MISMATCHED.with(d.id(), d.string("zoneId"), instanceId, target.string("zoneId"));
                }
            }
            attachable(tx, instanceId, disks.size());
            tx.beginAll(CHANGE_DISKS_ATTACH, disks, d -> {
                Resource old = tx.get(ZenlayerModel.PROVIDER, INSTANCE, d.reference(INSTANCE));
                if (old != null) InstanceDisks.detach(old, d);
                tx.refer(d, INSTANCE, instanceId);
                InstanceDisks.attach(target, d);
            });
            return null;
        });
    }

    static void modify(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        List<String> ids = diskIds(b, ZenlayerRequest.MAX_IDS);
        String name = name(b, "diskName");
        call.account().atomically(tx -> {
            List<Resource> disks = find(tx, ids);
            tx.beginAll(MODIFY_DISKS, disks, d -> {
                d.fields().put("diskName", name);
                refreshOnInstance(tx, d);
            });
            tx.touched();
            return null;
        });
    }

    static void modifyResourceGroup(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        List<String> ids = diskIds(b, ZenlayerRequest.MAX_IDS);
        String group = b.requiredString("resourceGroupId");
        call.account().atomically(tx -> {
            List<Resource> disks = find(tx, ids);
            tx.beginAll(MODIFY_DISKS, disks, d -> d.fields().put("resourceGroupId", group));
            tx.touched();
            return null;
        });
    }

    /** Only growing, up to 2000 GB; CHANGING, then back to AVAILABLE or IN_USE. */
    static void resize(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        String id = b.requiredString("diskId");
        // no lower bound here: a size not above the disk's own is refused below, naming the disk's size + 1
        Integer size = b.integer("diskSize", Integer.MIN_VALUE, MAX_SIZE);
        if (size == null) throw ZenlayerError.MISSING_PARAMETER.with("diskSize");
        call.account().atomically(tx -> {
            Resource d = one(tx, id);
            notRecycled(d);
            int now = ((Number) d.fields().get("diskSize")).intValue();
            if (size <= now) throw ZenlayerError.INVALID_PARAMETER_LESS_MINIMUM.with("diskSize", now + 1);
            String row = DISK_IN_USE.equals(d.state()) ? RESIZE_ATTACHED_DISK : RESIZE_DISK;
            tx.allowed(row, d);
            d.fields().put("diskSize", size);
            refreshOnInstance(tx, d);
            tx.begin(row, d);
            return null;
        });
    }

    /** To the recycle bin: postpaid, unattached (AVAILABLE) data disks only. */
    static void terminate(ZenlayerCall call, ObjectNode response) {
        String id = call.body().requiredString("diskId");
        call.account().atomically(tx -> {
            Resource d = one(tx, id);
            notRecycled(d);
            if ("PREPAID".equals(d.string("chargeType"))) throw ZenlayerError.UNSUPPORTED_OPERATION_INSTANCE_CHARGE_TYPE.with(id);
            tx.begin(TERMINATE_DISK, d);
            return null;
        });
    }

    static void release(ZenlayerCall call, ObjectNode response) {
        String id = call.body().requiredString("diskId");
        call.account().atomically(tx -> {
            Resource d = one(tx, id);
            if (DISK_RECYCLING.equals(d.state())) throw ZenlayerError.UNSUPPORTED_OPERATION_RECYCLE_STATUS.with(id, d.state());
            tx.begin(RELEASE_DISK, d);
            return null;
        });
    }

    private static void refreshOnInstance(Account.Tx tx, Resource d) {
        String on = d.reference(INSTANCE);
        Resource i = on == null ? null : tx.get(ZenlayerModel.PROVIDER, INSTANCE, on);
        if (i != null) InstanceDisks.refresh(i, d);
    }

    private static void notRecycled(Resource d) {
        if (Set.of(DISK_RECYCLING, DISK_RECYCLED, DISK_DELETING).contains(d.state())) {
            throw ZenlayerError.UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE.with(d.id(), d.state());
        }
    }

    /** 1 to {@code max} disk ids, duplicates folded. */
    private static List<String> diskIds(ZenlayerRequest b, int max) {
        List<String> ids = b.strings("diskIds", max);
        if (ids == null || ids.isEmpty()) throw ZenlayerError.MISSING_PARAMETER.with("diskIds");
        for (String id : ids) if (id.isEmpty()) throw ZenlayerError.MISSING_PARAMETER.with("diskIds");
        return new ArrayList<>(new java.util.LinkedHashSet<>(ids));
    }

    private static List<Resource> find(Account.Tx tx, List<String> ids) {
        List<Resource> out = new ArrayList<>();
        for (String id : ids) out.add(one(tx, id));
        return out;
    }

    /**
     * A stand-alone disk; a disk made with an instance is refused with the code of its kind (system, or a
     * non-portable data disk), an unknown id with 404.
     */
    private static Resource one(Account.Tx tx, String id) {
        Resource d = tx.get(ZenlayerModel.PROVIDER, DISK, id);
        if (d != null) return d;
        String type = DiskQueries.instanceDiskType(tx, id);
        if ("SYSTEM".equals(type)) throw ZenlayerError.UNSUPPORTED_OPERATION_DISK_SYSTEM_TYPE.with(id);
        if ("DATA".equals(type)) throw ZenlayerError.INVALID_DISK_NOT_PORTABLE.with(id);
        throw ZenlayerError.INVALID_DISK_NOT_FOUND.with(id);
    }
}
