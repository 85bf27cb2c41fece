package io.cloudmock.ncp;

import io.cloudmock.core.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code vserver/v2/getBlockStorageInstanceList} and {@code getBlockStorageInstanceDetail}, as far as the Terraform
 * provider needs them for {@code ncloud_server}: every VPC server has its basic (root) block storage, attached, and
 * cloudmock has no additional block storage. The basic storage is derived from its server (number
 * {@code serverInstanceNo + BASIC_STORAGE_OFFSET}); it lives and goes away with the server.
 */
final class NcpBlockStorageActions {
    static final long BASIC_STORAGE_OFFSET = 50_000_000L;
    private static final long GIB = 1024L * 1024 * 1024;
    private static final Set<String> TYPE_FILTER = Set.of("BASIC", "SVRBS");
    private static final Set<String> STATUS_FILTER = Set.of("INIT", "CREAT", "ATTAC");

    private NcpBlockStorageActions() {}

    static Map<String, Object> list(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String serverNo = p.get("serverInstanceNo");
        List<String> wanted = p.idList("blockStorageInstanceNoList");
        List<String> types = p.list("blockStorageTypeCodeList");
        for (String t : types) {
            if (!TYPE_FILTER.contains(t)) throw new NcpException(NcpError.INVALID_PARAMETER, "blockStorageTypeCodeList", t);
        }
        String status = p.get("blockStorageInstanceStatusCode");
        if (status != null && !STATUS_FILTER.contains(status)) {
            throw new NcpException(NcpError.INVALID_PARAMETER, "blockStorageInstanceStatusCode", status);
        }
        String zone = p.get("zoneCode");
        String diskType = p.get("blockStorageDiskTypeCode");
        String diskDetail = p.get("blockStorageDiskDetailTypeCode");
        String name = p.get("blockStorageName");
        Integer pageNo = p.integer("pageNo", 0, Integer.MAX_VALUE);
        Integer pageSize = p.integer("pageSize", 0, Integer.MAX_VALUE);
        return r.account().atomically(tx -> {
            List<Object> matching = new ArrayList<>();
            if (types.isEmpty() || types.contains("BASIC")) {
                for (Resource i : NcpNetworkActions.servers(tx, region)) {
                    if (serverNo != null && !serverNo.equals(i.id())) continue;
                    if (!wanted.isEmpty() && !wanted.contains(basicNo(i))) continue;
                    if (status != null && !status.equals("ATTAC")) continue;
                    if (zone != null && !zone.equals(i.string("zoneCode"))) continue;
                    if (diskType != null && !diskType.equals(i.string("baseBlockStorageDiskType"))) continue;
                    if (diskDetail != null && !diskDetail.equals(i.string("baseBlockStorageDiskDetailType"))) continue;
                    if (name != null && !name.equals(i.string("serverName"))) continue;
                    matching.add(basic(i));
                }
            }
            return NcpList.payload("blockStorageInstanceList", "blockStorageInstance",
                    NcpList.page(matching, pageNo, pageSize), matching.size());
        });
    }

    /** An unknown number (or one whose server is gone): 200 with totalRows 0, as getServerInstanceDetail. */
    static Map<String, Object> detail(NcpCall r) {
        String no = r.params().require("blockStorageInstanceNo");
        String region = r.regionCode();
        return r.account().atomically(tx -> {
            List<Object> found = new ArrayList<>(1);
            String serverNo = serverOf(no);
            Resource i = serverNo == null ? null : tx.get(NcpFlavour.VPC.provider, NcpModel.KIND, serverNo);
            if (i != null && i.string("regionCode").equals(region)) found.add(basic(i));
            return NcpList.payload("blockStorageInstanceList", "blockStorageInstance", found, found.size());
        });
    }

    static String basicNo(Resource server) {
        return NcpNetworkActions.offset(server.id(), BASIC_STORAGE_OFFSET);
    }

    private static String serverOf(String storageNo) {
        try {
            long server = Long.parseLong(storageNo) - BASIC_STORAGE_OFFSET;
            return server > 0 ? Long.toString(server) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The server's basic storage, as the Go SDK's vserver.BlockStorageInstance has it, in that order. */
    private static Map<String, Object> basic(Resource i) {
        boolean kvm = i.string("hypervisorType").equals("KVM");
        String detailType = i.string("baseBlockStorageDiskDetailType");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blockStorageInstanceNo", basicNo(i));
        m.put("serverInstanceNo", i.id());
        m.put("blockStorageName", i.string("serverName"));
        m.put("blockStorageType", NcpCodes.code("BASIC", "Basic BS"));
        m.put("blockStorageSize", size(i));
        m.put("deviceName", kvm ? "/dev/vda" : "/dev/xvda");
        m.put("blockStorageProductCode", "SPBSTBSTBS000005");
        m.put("blockStorageInstanceStatus", NcpCodes.code("ATTAC", "Block storage ATTACHED state"));
        m.put("blockStorageInstanceOperation", NcpCodes.code("NULL", "Block storage NULL OP"));
        m.put("blockStorageInstanceStatusName", "attached");
        m.put("createDate", i.string("createDate"));
        m.put("blockStorageDescription", "");
        m.put("blockStorageDiskType", NcpCodes.diskType(i.string("baseBlockStorageDiskType")));
        m.put("blockStorageDiskDetailType", NcpCodes.diskDetail(detailType));
        m.put("maxIopsThroughput", detailType.equals("HDD") ? 1000 : 4000);
        m.put("isEncryptedVolume", false);
        m.put("zoneCode", i.string("zoneCode"));
        m.put("regionCode", i.string("regionCode"));
        m.put("isReturnProtection", false);
        m.put("blockStorageVolumeType", NcpCodes.diskDetail(detailType));
        m.put("hypervisorType", NcpCodes.hypervisor(i.string("hypervisorType")));
        return m;
    }

    /** The image's base storage: 10 GiB for KVM (G3) images, 50 GiB for the older ones (getServerImageProductList). */
    private static long size(Resource i) {
        return NcpCatalog.image(i.string("serverImageProductCode"), false)
                .map(img -> img.generation().equals("G3") ? 10 * GIB : 50 * GIB)
                .orElse(i.string("hypervisorType").equals("KVM") ? 10 * GIB : 50 * GIB);
    }
}
