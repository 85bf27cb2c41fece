package io.cloudmock.ncp;

import io.cloudmock.core.Account;
import io.cloudmock.core.Ids;
import io.cloudmock.core.Resource;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Block storage as resources (ncp-network-api.md 5.5): the kind, the basic (root) storage every VPC server is
 * made with, device names, and the wire view. A storage attached to a server (or being attached) refers to it;
 * the basic one goes with its server (the kind cascades on {@code server}), the additional ones are detached by
 * the server's termination first. {@code serverInstanceNo} and {@code deviceName} stay in the fields after a
 * detach call, because the service still shows them while detaching; the view hides them once detached.
 */
final class NcpBlockStorages {
    static final String KIND = "block-storage";
    static final String BASIC = "BASIC";
    static final String SVRBS = "SVRBS";
    static final long GIB = 1024L * 1024 * 1024;
    /** Storages a server may hold, its basic one included (the VPC number is not public; Classic's text, 23001). */
    static final int PER_SERVER = 16;
    private static final String PROVIDER = NcpNetwork.PROVIDER;

    private NcpBlockStorages() {}

    static void register(io.cloudmock.core.Backend backend) {
        backend.register(new NcpNetworkKind(KIND, NcpStorageTransitions.BLOCK_STORAGE, "CREAT",
                backend.ids(), (id, now) -> fields("bst" + NcpNetwork.hex(id), SVRBS, 10, "SSD", "SSD", "XEN", NcpNetwork.firstZone(), "", now),
                Set.of(NcpModel.KIND), NcpBlockStorages::prepare));
    }

    /** Every wire field but the number and the state, in the Go SDK's order. */
    static Map<String, Object> fields(String name, String type, long sizeGb, String detailType, String volumeType, String hypervisor,
                                      String zone, String description, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("serverInstanceNo", "");
        f.put("blockStorageName", name);
        f.put("blockStorageType", type);
        f.put("blockStorageSize", sizeGb * GIB);
        f.put("deviceName", "");
        f.put("blockStorageProductCode", type.equals(BASIC) ? "SPBSTBSTBS000005" : detailType.equals("HDD") ? "SPBSTBSTAD000002" : "SPBSTBSTAD000006");
        f.put("createDate", NcpModel.date(now));
        f.put("blockStorageDescription", description);
        f.put("blockStorageDiskType", "NET");
        f.put("blockStorageDiskDetailType", detailType);
        f.put("isEncryptedVolume", false);
        f.put("zoneCode", zone);
        f.put("regionCode", NcpNetwork.region(zone));
        f.put("isReturnProtection", false);
        f.put("blockStorageVolumeType", volumeType);
        f.put("hypervisorType", hypervisor);
        return f;
    }

    /** The server's basic storage, INIT then attached (before the server is RUN); named after the server. */
    static Resource createBasic(Account.Tx tx, Ids ids, Resource server, Instant now, boolean settled) {
        String detail = server.string("baseBlockStorageDiskDetailType");
        String hypervisor = server.string("hypervisorType");
        String id = ids.nextNumber();
        Map<String, Object> f = fields(server.string("serverName"), BASIC, baseSizeGb(server), detail.isEmpty() ? "SSD" : detail,
                detail.isEmpty() ? "SSD" : detail, hypervisor.isEmpty() ? "XEN" : hypervisor, server.string("zoneCode"), "", now);
        f.put("createDate", server.string("createDate"));
        Resource bs = new Resource(PROVIDER, KIND, tx.account(), id, "INIT", now, f);
        attachFields(tx, bs, server);
        tx.add(bs);
        if (settled) bs.force("ATTAC", now);
        else tx.begin(NcpStorageTransitions.CREATE_BASIC, bs);
        return bs;
    }

    /** A server of an older state file has no storage resource: its basic one is made, attached. */
    static void adoptLegacy(Account.Tx tx, Ids ids, Resource server) {
        for (Resource bs : tx.referrers(server, KIND)) if (bs.string("blockStorageType").equals(BASIC)) return;
        createBasic(tx, ids, server, server.since(), true);
    }

    /** The reference to the server, its number and the next free device name (the basic one takes the first). */
    static void attachFields(Account.Tx tx, Resource bs, Resource server) {
        boolean kvm = server.string("hypervisorType").equals("KVM");
        Set<String> used = new HashSet<>();
        for (Resource other : tx.referrers(server, KIND)) used.add(other.string("deviceName"));
        String prefix = kvm ? "/dev/vd" : "/dev/xvd";
        String device = prefix + "a";
        for (char c = bs.string("blockStorageType").equals(BASIC) ? 'a' : 'b'; c <= 'z'; c++) {
            device = prefix + c;
            if (!used.contains(device)) break;
        }
        bs.fields().put("serverInstanceNo", server.id());
        bs.fields().put("deviceName", device);
        tx.refer(bs, NcpModel.KIND, server.id());
    }

    /**
     * The checks of attaching to a server (reference 5.5.5): a settled server of the same zone and hypervisor,
     * holding fewer than {@link #PER_SERVER} storages.
     */
    static void checkServer(Account.Tx tx, Resource bs, Resource server) {
        tx.allowed(NcpTransitions.TAKE_STORAGE, server);
        if (!server.string("zoneCode").equals(bs.string("zoneCode"))) {
            throw new NcpException(NcpError.STORAGE_SERVER_MISMATCH, "zone " + bs.string("zoneCode") + ", server zone " + server.string("zoneCode"));
        }
        if (!server.string("hypervisorType").equals(bs.string("hypervisorType"))) {
            throw new NcpException(NcpError.STORAGE_SERVER_MISMATCH,
                    "hypervisor " + bs.string("hypervisorType") + ", server hypervisor " + server.string("hypervisorType"));
        }
        if (tx.referrers(server, KIND).size() >= PER_SERVER) {
            boolean windows = server.string("platformType").startsWith("WND");
            throw new NcpException(windows ? NcpError.STORAGE_LIMIT_WINDOWS : NcpError.STORAGE_LIMIT_LINUX, PER_SERVER);
        }
    }

    /** The server number the service shows: from the attach call until the detach is done. */
    static String shownServer(Resource bs) {
        return NcpStorageTransitions.SHOWS_SERVER.contains(bs.state()) ? bs.string("serverInstanceNo") : "";
    }

    static String shownDevice(Resource bs) {
        return NcpStorageTransitions.SHOWS_DEVICE.contains(bs.state()) ? bs.string("deviceName") : "";
    }

    static long sizeGb(Resource bs) { return number(bs.fields().get("blockStorageSize")) / GIB; }

    private static long number(Object v) {
        if (v instanceof Number n) return n.longValue();
        try {
            return v == null ? 0 : Long.parseLong(v.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The Go SDK's vserver.BlockStorageInstance, in its order (no snapshot number: there are no snapshots). */
    static Map<String, Object> view(Resource bs) {
        NcpStorageTransitions.Shown s = NcpStorageTransitions.VOLUME_STATES.get(bs.state());
        String detail = bs.string("blockStorageDiskDetailType");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blockStorageInstanceNo", bs.id());
        m.put("serverInstanceNo", shownServer(bs));
        m.put("blockStorageName", bs.string("blockStorageName"));
        m.put("blockStorageType", NcpCodes.code(bs.string("blockStorageType"), bs.string("blockStorageType").equals(BASIC) ? "Basic BS" : "Server BS"));
        m.put("blockStorageSize", number(bs.fields().get("blockStorageSize")));
        m.put("deviceName", shownDevice(bs));
        m.put("blockStorageProductCode", bs.string("blockStorageProductCode"));
        m.put("blockStorageInstanceStatus", NcpCodes.code(s.status(), s.statusName()));
        m.put("blockStorageInstanceOperation", NcpCodes.code(s.operation(), s.operationName()));
        m.put("blockStorageInstanceStatusName", s.label());
        m.put("createDate", bs.string("createDate"));
        m.put("blockStorageDescription", bs.string("blockStorageDescription"));
        m.put("blockStorageDiskType", NcpCodes.diskType(bs.string("blockStorageDiskType")));
        m.put("blockStorageDiskDetailType", NcpCodes.diskDetail(detail));
        m.put("maxIopsThroughput", detail.equals("HDD") ? 1000 : 4000);
        m.put("isEncryptedVolume", NcpServerView.bool(bs, "isEncryptedVolume"));
        m.put("zoneCode", bs.string("zoneCode"));
        m.put("regionCode", bs.string("regionCode"));
        m.put("isReturnProtection", NcpServerView.bool(bs, "isReturnProtection"));
        m.put("blockStorageVolumeType", NcpCodes.code(bs.string("blockStorageVolumeType"), bs.string("blockStorageVolumeType")));
        m.put("hypervisorType", NcpCodes.hypervisor(bs.string("hypervisorType")));
        return m;
    }

    /** The image's base storage: 10 GiB for KVM (G3) images, 50 GiB for the older ones (getServerImageProductList). */
    private static long baseSizeGb(Resource server) {
        return NcpCatalog.image(server.string("serverImageProductCode"), false)
                .map(img -> img.generation().equals("G3") ? 10L : 50L)
                .orElse(server.string("hypervisorType").equals("KVM") ? 10L : 50L);
    }

    /**
     * A storage made by the control API: with {@code references.server} attached to it (its zone and hypervisor
     * follow the server's), detached otherwise. Made settled, as every control-API resource.
     */
    private static void prepare(Account.Tx tx, Resource bs) {
        String serverNo = bs.reference(NcpModel.KIND);
        if (serverNo == null) {
            bs.fields().put("serverInstanceNo", "");
            bs.fields().put("deviceName", "");
            bs.force("CREAT", bs.since());
            return;
        }
        Resource server = tx.get(PROVIDER, NcpModel.KIND, serverNo);
        if (tx.referrers(server, KIND).size() >= PER_SERVER) {
            throw new IllegalArgumentException("server " + serverNo + " holds " + PER_SERVER + " storages already");
        }
        bs.fields().put("zoneCode", server.string("zoneCode"));
        bs.fields().put("regionCode", server.string("regionCode"));
        bs.fields().put("hypervisorType", server.string("hypervisorType"));
        tx.refer(bs, NcpModel.KIND, (String) null);
        attachFields(tx, bs, server);
        bs.force("ATTAC", bs.since());
    }

    /** Storages of the account in a region, in creation order. */
    static List<Resource> inRegion(Account.Tx tx, String region) { return NcpNetwork.inRegion(tx, KIND, region); }
}
