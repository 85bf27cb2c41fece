package io.cloudmock.ncp;

import io.cloudmock.core.Account;
import io.cloudmock.core.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Block storage ({@code /vserver/v2}, ncp-network-api.md 5.5): every VPC server's basic storage and the additional
 * (SVRBS) ones: create, list, detail, attach, detach, resize, return protection, delete. Batches check every
 * storage first and change all or none; states are checked by the block storage table
 * ({@link NcpStorageTransitions#BLOCK_STORAGE}) and the server table's guards.
 */
final class NcpBlockStorageActions {
    private static final Set<String> TYPE_FILTER = Set.of(NcpBlockStorages.BASIC, NcpBlockStorages.SVRBS);
    private static final Set<String> STATUS_FILTER = Set.of("INIT", "CREAT", "ATTAC");
    private static final Set<String> XEN_VOLUMES = Set.of("SSD", "HDD");
    private static final Set<String> KVM_VOLUMES = Set.of("FB1", "CB1", "FB2", "CB2");
    private static final String LIST = "blockStorageInstanceList";
    private static final String ITEM = "blockStorageInstance";

    private NcpBlockStorageActions() {}

    // ---- reads

    static Map<String, Object> list(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        List<String> types = p.list("blockStorageTypeCodeList");
        for (String t : types) if (!TYPE_FILTER.contains(t)) throw new NcpException(NcpError.INVALID_PARAMETER, "blockStorageTypeCodeList", t);
        String status = p.get("blockStorageInstanceStatusCode");
        if (status != null && !STATUS_FILTER.contains(status)) {
            throw new NcpException(NcpError.INVALID_PARAMETER, "blockStorageInstanceStatusCode", status);
        }
        String serverNo = p.get("serverInstanceNo");
        String serverName = p.get("serverName");
        Integer maxGb = p.integer("blockStorageSize", 0, Integer.MAX_VALUE);
        String device = p.get("connectionInfo");
        List<String> volumeTypes = p.list("blockStorageVolumeTypeCodeList");
        List<String> hypervisors = p.list("hypervisorTypeCodeList");
        NcpQuery q = new NcpQuery(p, true).numbers("blockStorageInstanceNoList").field("zoneCode", "zoneCode")
                .field("blockStorageName", "blockStorageName").field("blockStorageDiskTypeCode", "blockStorageDiskType")
                .field("blockStorageDiskDetailTypeCode", "blockStorageDiskDetailType")
                .test(bs -> types.isEmpty() || types.contains(bs.string("blockStorageType")))
                .test(bs -> status == null || NcpStorageTransitions.VOLUME_STATES.get(bs.state()).status().equals(status))
                .test(bs -> serverNo == null || serverNo.equals(NcpBlockStorages.shownServer(bs)))
                // "less than the inputted GB": the storages of at most that size
                .test(bs -> maxGb == null || NcpBlockStorages.sizeGb(bs) <= maxGb)
                .test(bs -> device == null || device.equals(NcpBlockStorages.shownDevice(bs)))
                .test(bs -> volumeTypes.isEmpty() || volumeTypes.contains(bs.string("blockStorageVolumeType")))
                .test(bs -> hypervisors.isEmpty() || hypervisors.contains(bs.string("hypervisorType")));
        return r.account().atomically(tx -> {
            List<Resource> candidates = new ArrayList<>();
            for (Resource bs : NcpBlockStorages.inRegion(tx, region)) {
                if (serverName != null) {
                    Resource server = tx.get(NcpNetwork.PROVIDER, NcpModel.KIND, NcpBlockStorages.shownServer(bs));
                    if (server == null || !server.string("serverName").equals(serverName)) continue;
                }
                candidates.add(bs);
            }
            return q.items(candidates, LIST, ITEM, NcpBlockStorages::view);
        });
    }

    /** An unknown number: 200 with totalRows 0, as getServerInstanceDetail (Terraform's delete waiter). */
    static Map<String, Object> detail(NcpCall r) {
        return NcpVpcActions.detail(r, "blockStorageInstanceNo", NcpBlockStorages.KIND, LIST, ITEM, NcpBlockStorages::view);
    }

    // ---- create

    /**
     * XEN storage is made for a server ({@code serverInstanceNo} required, attached at once); KVM storage is made
     * detached in a zone, with a KVM volume type ("KVM block storage can't be assigned to a server at creation
     * time", reference 5.5.3). The server's zone and hypervisor decide the storage's.
     */
    static Map<String, Object> create(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String serverNo = p.get("serverInstanceNo");
        String zone = p.get("zoneCode");
        String volumeType = p.get("blockStorageVolumeTypeCode");
        String detailType = p.get("blockStorageDiskDetailTypeCode");
        if (detailType != null && !XEN_VOLUMES.contains(detailType)) {
            throw new NcpException(NcpError.INVALID_PARAMETER, "blockStorageDiskDetailTypeCode", detailType);
        }
        if (volumeType != null && !XEN_VOLUMES.contains(volumeType) && !KVM_VOLUMES.contains(volumeType)) {
            throw new NcpException(NcpError.INVALID_PARAMETER, "blockStorageVolumeTypeCode", volumeType);
        }
        String sizeText = p.require("blockStorageSize");
        Integer size = p.integer("blockStorageSize", Integer.MIN_VALUE, Integer.MAX_VALUE);
        String name = p.get("blockStorageName");
        if (name != null) NcpNames.check(name);
        String description = NcpAcgActions.description(p, "blockStorageDescription");
        Boolean protect = p.bool("isReturnProtection");
        String snapshot = p.get("blockStorageSnapshotInstanceNo");
        if (snapshot != null) throw new NcpException(NcpError.INVALID_PARAMETER, "blockStorageSnapshotInstanceNo", snapshot);
        if (zone != null && NcpCatalog.zones(region).stream().noneMatch(z -> z.zoneCode().equals(zone))) {
            throw new NcpException(NcpError.INVALID_REGION_OR_ZONE, "zoneCode", zone);
        }
        Instant now = r.clock().now();
        return r.account().atomically(tx -> {
            Resource server = serverNo == null ? null : NcpServerActions.existing(r, tx, List.of(serverNo)).get(0);
            String hypervisor;
            String storageZone;
            String volume;
            if (server != null) {
                hypervisor = server.string("hypervisorType");
                if (hypervisor.equals("KVM")) {
                    throw new NcpException(NcpError.STORAGE_HYPERVISOR_RULE, "KVM block storage can't be assigned to a server at creation time");
                }
                storageZone = server.string("zoneCode");
                if (zone != null && !zone.equals(storageZone)) {
                    throw new NcpException(NcpError.STORAGE_SERVER_MISMATCH, "zone " + zone + ", server zone " + storageZone);
                }
                volume = volumeType != null ? volumeType : detailType != null ? detailType : "SSD";
                if (!XEN_VOLUMES.contains(volume)) {
                    throw new NcpException(NcpError.STORAGE_HYPERVISOR_RULE, "XEN block storage takes volume type SSD or HDD, not " + volume);
                }
            } else {
                hypervisor = "KVM";
                if (zone == null) throw new NcpException(NcpError.MISSING_PARAMETER, "zoneCode");
                if (volumeType == null) throw new NcpException(NcpError.MISSING_PARAMETER, "blockStorageVolumeTypeCode");
                if (!KVM_VOLUMES.contains(volumeType)) {
                    throw new NcpException(NcpError.STORAGE_HYPERVISOR_RULE,
                            "XEN block storage needs serverInstanceNo; KVM block storage takes volume type FB1, CB1, FB2 or CB2");
                }
                storageZone = zone;
                volume = volumeType;
            }
            long gb = checkSize(size, sizeText, hypervisor, 0);
            if (name != null) {
                for (Resource other : NcpBlockStorages.inRegion(tx, region)) {
                    if (other.string("blockStorageName").equals(name)) throw new NcpException(NcpError.NAME_IN_USE);
                }
            }
            if (server != null) NcpBlockStorages.checkServer(tx, placeholder(hypervisor, storageZone), server);
            String id = r.model().ids().nextNumber();
            String detail = XEN_VOLUMES.contains(volume) ? volume : "SSD";
            Resource bs = new Resource(NcpNetwork.PROVIDER, NcpBlockStorages.KIND, tx.account(), id,
                    "INIT", now, NcpBlockStorages.fields(name == null ? "bst" + NcpNetwork.hex(id) : name,
                    NcpBlockStorages.SVRBS, gb, detail, volume, hypervisor, storageZone, description, now));
            bs.fields().put("isReturnProtection", Boolean.TRUE.equals(protect));
            if (server != null) NcpBlockStorages.attachFields(tx, bs, server);
            tx.add(bs);
            tx.begin(server != null ? NcpStorageTransitions.CREATE_VOLUME_ATTACHED : NcpStorageTransitions.CREATE_VOLUME, bs);
            return NcpList.payload(LIST, ITEM, views(List.of(bs)));
        });
    }

    /** What the zone and hypervisor checks of {@link NcpBlockStorages#checkServer} read, before the storage exists. */
    private static Resource placeholder(String hypervisor, String zone) {
        return new Resource(NcpNetwork.PROVIDER, NcpBlockStorages.KIND, "", "0", "CREAT", Instant.EPOCH,
                Map.of("hypervisorType", hypervisor, "zoneCode", zone, "blockStorageType", NcpBlockStorages.SVRBS));
    }

    /** GB: XEN 10-2000, KVM 10-16380, in steps of 10, larger than {@code currentGb} (reference 3, 5.5.3, 5.5.8). */
    private static long checkSize(Integer size, String text, String hypervisor, long currentGb) {
        int max = hypervisor.equals("KVM") ? 16380 : 2000;
        if (size == null) throw new NcpException(NcpError.INVALID_PARAMETER, "blockStorageSize", text);
        if (size < 10 || size > max || size % 10 != 0) {
            throw new NcpException(NcpError.STORAGE_SIZE_INVALID, hypervisor + " block storage is 10 to " + max
                    + " GB in steps of 10 GB, not " + size);
        }
        if (size <= currentGb) {
            throw new NcpException(NcpError.STORAGE_SIZE_INVALID, "the size can only grow, from " + currentGb + " GB; not " + size);
        }
        return size;
    }

    // ---- attach, detach

    static Map<String, Object> attach(NcpCall r) {
        NcpParams p = r.params();
        String serverNo = p.require("serverInstanceNo");
        String no = NcpNetworkActions.number(p.require("blockStorageInstanceNo"), "blockStorageInstanceNo");
        return r.account().atomically(tx -> {
            Resource server = NcpServerActions.existing(r, tx, List.of(serverNo)).get(0);
            Resource bs = existing(r, tx, List.of(no)).get(0);
            tx.allowed(NcpStorageTransitions.ATTACH, bs);
            NcpBlockStorages.checkServer(tx, bs, server);
            NcpBlockStorages.attachFields(tx, bs, server);
            tx.begin(NcpStorageTransitions.ATTACH, bs);
            return NcpList.payload(LIST, ITEM, views(List.of(bs)));
        });
    }

    /** The whole list or none; a basic storage cannot be detached. */
    static Map<String, Object> detach(NcpCall r) {
        List<String> nos = numbers(r);
        return r.account().atomically(tx -> {
            List<Resource> targets = additional(r, tx, nos);
            for (Resource bs : targets) {
                tx.allowed(NcpStorageTransitions.DETACH, bs);
                Resource server = tx.get(NcpNetwork.PROVIDER, NcpModel.KIND, bs.string("serverInstanceNo"));
                if (server != null) tx.allowed(NcpTransitions.TAKE_STORAGE, server);
            }
            tx.beginAll(NcpStorageTransitions.DETACH, targets, bs -> tx.refer(bs, NcpModel.KIND, (String) null));
            return NcpList.payload(LIST, ITEM, views(targets));
        });
    }

    // ---- size and protection

    /**
     * changeBlockStorageVolumeSize and changeBlockStorageInstance (its KVM flavour, as Terraform uses them): grows
     * only; an attached storage only while its server is stopped (reference 5.5.8); op CHNG, then NULL.
     */
    static Map<String, Object> resize(NcpCall r) {
        NcpParams p = r.params();
        String no = NcpNetworkActions.number(p.require("blockStorageInstanceNo"), "blockStorageInstanceNo");
        String sizeText = p.require("blockStorageSize");
        Integer size = p.integer("blockStorageSize", Integer.MIN_VALUE, Integer.MAX_VALUE);
        return r.account().atomically(tx -> {
            Resource bs = existing(r, tx, List.of(no)).get(0);
            Resource server = bs.reference(NcpModel.KIND) == null ? null : tx.get(NcpNetwork.PROVIDER, NcpModel.KIND, bs.reference(NcpModel.KIND));
            String action = server == null ? NcpStorageTransitions.RESIZE : NcpStorageTransitions.RESIZE_ATTACHED;
            tx.allowed(action, bs);
            if (server != null) tx.allowed(NcpTransitions.RESIZE_STORAGE, server);
            long gb = checkSize(size, sizeText, bs.string("hypervisorType"), NcpBlockStorages.sizeGb(bs));
            bs.fields().put("blockStorageSize", gb * NcpBlockStorages.GIB);
            tx.begin(action, bs);
            return NcpList.payload(LIST, ITEM, views(List.of(bs)));
        });
    }

    /** Synchronous: the answer shows the new value (reference 5.5.9). */
    static Map<String, Object> setReturnProtection(NcpCall r) {
        NcpParams p = r.params();
        String no = NcpNetworkActions.number(p.require("blockStorageInstanceNo"), "blockStorageInstanceNo");
        Boolean protect = p.bool("isReturnProtection");
        if (protect == null) throw new NcpException(NcpError.MISSING_PARAMETER, "isReturnProtection");
        return r.account().atomically(tx -> {
            Resource bs = existing(r, tx, List.of(no)).get(0);
            bs.fields().put("isReturnProtection", protect);
            tx.touched();
            return NcpList.payload(LIST, ITEM, views(List.of(bs)));
        });
    }

    // ---- delete

    /**
     * The whole list or none: refused for a basic storage and a protected one; an attached additional storage is
     * detached by its delete (Terraform deletes without detaching, reference 2.3). Terminating, then gone.
     */
    static Map<String, Object> delete(NcpCall r) {
        List<String> nos = numbers(r);
        return r.account().atomically(tx -> {
            List<Resource> targets = additional(r, tx, nos);
            for (Resource bs : targets) {
                if (NcpServerView.bool(bs, "isReturnProtection")) throw new NcpException(NcpError.STORAGE_PROTECTED, bs.id());
            }
            tx.beginAll(NcpStorageTransitions.DELETE_VOLUME, targets, bs -> tx.refer(bs, NcpModel.KIND, (String) null));
            return NcpList.payload(LIST, ITEM, views(targets));
        });
    }

    // ---- server termination

    /** terminateServerInstances, before anything changes: its additional storages must be settled (25014). */
    static List<Resource> checkRelease(Account.Tx tx, List<Resource> servers) {
        List<Resource> out = new ArrayList<>();
        for (Resource server : servers) {
            for (Resource bs : tx.referrers(server, NcpBlockStorages.KIND)) {
                if (bs.string("blockStorageType").equals(NcpBlockStorages.BASIC)) continue;
                tx.allowed(NcpStorageTransitions.RELEASE_VOLUME, bs);
                out.add(bs);
            }
        }
        return out;
    }

    /** They are detached at once; the basic storage goes with the server. */
    static void release(Account.Tx tx, List<Resource> storages) {
        tx.beginAll(NcpStorageTransitions.RELEASE_VOLUME, storages, bs -> tx.refer(bs, NcpModel.KIND, (String) null));
    }

    // ---- lookups

    private static List<String> numbers(NcpCall r) {
        // "It can't be duplicated" (reference 5.5.7): idList refuses a number given twice
        List<String> nos = r.params().idList("blockStorageInstanceNoList");
        if (nos.isEmpty()) throw new NcpException(NcpError.MISSING_PARAMETER, "blockStorageInstanceNoList.1");
        for (String no : nos) NcpNetworkActions.number(no, "blockStorageInstanceNoList");
        return nos;
    }

    /** Every number must name a storage of the account in the request's region (24121 otherwise). */
    private static List<Resource> existing(NcpCall r, Account.Tx tx, List<String> nos) {
        List<Resource> out = new ArrayList<>(nos.size());
        for (String no : nos) {
            Resource bs = NcpNetwork.get(tx, NcpBlockStorages.KIND, no, r.regionCode());
            if (bs == null) throw new NcpException(NcpError.STORAGE_NOT_FOUND);
            out.add(bs);
        }
        return out;
    }

    /** As {@link #existing}, refusing a basic storage (1005003): it is detached and deleted only with its server. */
    private static List<Resource> additional(NcpCall r, Account.Tx tx, List<String> nos) {
        List<Resource> out = existing(r, tx, nos);
        for (Resource bs : out) {
            if (bs.string("blockStorageType").equals(NcpBlockStorages.BASIC)) throw new NcpException(NcpError.STORAGE_BASIC, bs.id());
        }
        return out;
    }

    private static List<Object> views(List<Resource> storages) {
        List<Object> out = new ArrayList<>(storages.size());
        for (Resource bs : storages) out.add(NcpBlockStorages.view(bs));
        return out;
    }
}
