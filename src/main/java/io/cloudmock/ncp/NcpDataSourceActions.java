package io.cloudmock.ncp;

import io.cloudmock.core.Resource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The VPC reads Terraform's data sources and SDK users make around servers: {@code getServerImageList} and
 * {@code getServerSpecList} (the KVM/G3-era catalogue, {@code ncloud_server_image_numbers} /
 * {@code ncloud_server_specs}) and {@code getRootPassword} ({@code ncloud_root_password}).
 *
 * <p>Images and specs are views of {@link NcpCatalog}: an image number or spec code listed here is one that
 * createServerInstances accepts as {@code serverImageNo} / {@code serverSpecCode}. Field names, order and JSON
 * types are those of ncloud-sdk-go-v2 {@code vserver.ServerImage} and {@code vserver.ServerSpec}.
 */
final class NcpDataSourceActions {
    /** The values real answers show for every NCP-provided image (English codeNames where the capture is Korean). */
    private static final Map<String, Object> IMAGE_TYPE = fixed(NcpCodes.code("NCP", "NCP Server Image"));
    private static final Map<String, Object> X86_64 = fixed(NcpCodes.code("X86_64", "x86 64bit"));
    private static final Map<String, Object> IMAGE_STATUS = fixed(NcpCodes.code("CREAT", "NSI CREATED state"));
    private static final Map<String, Object> IMAGE_OPERATION = fixed(NcpCodes.code("NULL", "NSI NULL OP"));
    private static final Map<String, Object> SHARE_STATUS = fixed(NcpCodes.code("NULL", "NSI Share NULL State"));
    /** CHOSEN: one creation date for all public images (the service shows each image's own). */
    private static final String IMAGE_CREATE_DATE = "2024-03-21T18:22:55+0900";
    /** The root volume of a KVM image: a "Common BlockStorage 1" snapshot (real answer); of a XEN image: CHOSEN. */
    private static final Map<String, Object> KVM_VOLUME = fixed(NcpCodes.code("CB1", "Common BlockStorage 1"));
    private static final Map<String, Object> XEN_VOLUME = fixed(NcpCodes.code("SSD", "SSD"));
    /** The image's root snapshot number: the image number plus this (CHOSEN; the service numbers it apart). */
    private static final long SNAPSHOT_OFFSET = 100_000_000L;
    private static final Set<String> IMAGE_STATUS_FILTER = Set.of("INIT", "CREAT", "CREFL");
    /** The fake root password: drawn from these, a fixed pattern of classes so it passes any complexity rule. */
    private static final String[] PASSWORD_CLASSES = {
            "ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789", "!#$%*+-=?@^_"};
    private static final int[] PASSWORD_PATTERN = {0, 2, 0, 3, 0, 0, 2, 2, 3, 1, 1, 2};

    private NcpDataSourceActions() {}

    /** A {code, codeName} pair shared by every answer, so read-only. */
    private static Map<String, Object> fixed(Map<String, Object> pair) { return Collections.unmodifiableMap(pair); }

    // ---- getServerImageList

    static Map<String, Object> images(NcpCall r) {
        NcpParams p = r.params();
        r.regionCode(); // the catalogue is the same in every region; an unknown one is still refused
        String name = p.get("serverImageName");
        String status = p.get("serverImageStatusCode");
        if (status != null && !IMAGE_STATUS_FILTER.contains(status)) {
            throw new NcpException(NcpError.INVALID_PARAMETER, "serverImageStatusCode", status);
        }
        List<String> numbers = p.list("serverImageNoList");
        // the Go SDK sends hypervisorCodeList.N, the API documentation names it hypervisorTypeCodeList.N
        List<String> hypervisors = new ArrayList<>(p.list("hypervisorCodeList"));
        hypervisors.addAll(p.list("hypervisorTypeCodeList"));
        List<String> types = p.list("serverImageTypeCodeList");
        List<String> osTypes = p.list("osTypeCodeList");
        List<String> categories = p.list("platformCategoryCodeList");
        Integer pageNo = p.integer("pageNo", 0, Integer.MAX_VALUE);
        Integer pageSize = p.integer("pageSize", 0, Integer.MAX_VALUE);
        Comparator<NcpCatalog.Image> order = imageOrder(p);

        List<NcpCatalog.Image> matching = new ArrayList<>();
        for (NcpCatalog.Image i : NcpCatalog.IMAGES) {
            if (i.classic() || i.imageNo().isEmpty()) continue;
            if (name != null && !name.equals(i.name())) continue;
            if (status != null && !status.equals("CREAT")) continue;
            if (!numbers.isEmpty() && !numbers.contains(i.imageNo())) continue;
            if (!hypervisors.isEmpty() && !hypervisors.contains(i.hypervisor())) continue;
            if (!types.isEmpty() && !types.contains("NCP")) continue;
            if (!osTypes.isEmpty() && !osTypes.contains(i.osType())) continue;
            if (!categories.isEmpty() && !categories.contains("OS")) continue;
            matching.add(i);
        }
        if (order != null) matching.sort(order);
        List<Object> items = new ArrayList<>();
        for (NcpCatalog.Image i : NcpList.page(matching, pageNo, pageSize)) items.add(image(i));
        return NcpList.payload("serverImageList", "serverImage", items, matching.size());
    }

    /** sortedBy: serverImageName | serverImageNo (any case), as the other image lists; sortingOrder as everywhere. */
    private static Comparator<NcpCatalog.Image> imageOrder(NcpParams p) {
        String sortedBy = p.get("sortedBy");
        String sortingOrder = p.get("sortingOrder");
        if (sortingOrder != null && !sortingOrder.equalsIgnoreCase("ascending") && !sortingOrder.equalsIgnoreCase("descending")) {
            throw new NcpException(NcpError.INVALID_PARAMETER, "sortingOrder", sortingOrder);
        }
        if (sortedBy == null) return null;
        Comparator<NcpCatalog.Image> c = switch (sortedBy.toLowerCase(Locale.ROOT)) {
            case "serverimagename" -> Comparator.comparing(NcpCatalog.Image::name);
            case "serverimageno" -> Comparator.comparingLong(i -> Long.parseLong(i.imageNo()));
            default -> throw new NcpException(NcpError.INVALID_PARAMETER, "sortedBy", sortedBy);
        };
        return sortingOrder != null && sortingOrder.equalsIgnoreCase("descending") ? c.reversed() : c;
    }


    /** One vserver.ServerImage, in the Go SDK's field order. */
    private static Map<String, Object> image(NcpCatalog.Image i) {
        boolean kvm = i.hypervisor().equals("KVM");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serverImageNo", i.imageNo());
        m.put("serverImageName", i.name());
        m.put("serverImageDescription", i.description());
        m.put("serverImageProductCode", i.code());
        m.put("serverImageType", IMAGE_TYPE);
        m.put("hypervisorType", NcpCodes.hypervisor(i.hypervisor()));
        m.put("cpuArchitectureType", X86_64);
        String category = i.windows() ? "WINDOWS" : "LINUX";
        m.put("osCategoryType", NcpCodes.code(category, category));
        m.put("osType", NcpCodes.code(i.osType(), i.osType()));
        m.put("serverImageStatus", IMAGE_STATUS);
        m.put("serverImageOperation", IMAGE_OPERATION);
        m.put("serverImageStatusName", "created");
        m.put("createDate", IMAGE_CREATE_DATE);
        m.put("shareStatus", SHARE_STATUS);
        m.put("sharedLoginIdList", new NcpList("sharedLoginId", List.of()));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("order", 0);
        // int32 in the Go SDK: a JSON number, unlike every other number of an instance
        root.put("blockStorageSnapshotInstanceNo", (int) (Long.parseLong(i.imageNo()) + SNAPSHOT_OFFSET));
        root.put("blockStorageSnapshotName", "snapshot of " + i.name());
        root.put("blockStorageSize", kvm ? 10_737_418_240L : 53_687_091_200L);
        root.put("blockStorageVolumeType", kvm ? KVM_VOLUME : XEN_VOLUME);
        root.put("iops", 100);
        root.put("throughput", 104_857_600L);
        root.put("isEncryptedVolume", false);
        m.put("blockStorageMappingList", new NcpList("blockStorageMapping", List.of(root)));
        return m;
    }

    // ---- getServerSpecList

    static Map<String, Object> specs(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String zone = p.get("zoneCode");
        if (zone != null && NcpCatalog.zone(zone).filter(z -> z.zoneCode().equals(zone)
                && z.regionCode().equals(region)).isEmpty()) {
            throw new NcpException(NcpError.INVALID_REGION_OR_ZONE, "zoneCode", zone);
        }
        String imageNo = p.get("serverImageNo");
        Optional<NcpCatalog.Image> image = Optional.empty();
        if (imageNo != null) {
            // as getServerProductList answers an unknown image
            image = Optional.of(NcpCatalog.imageByNo(imageNo).orElseThrow(() -> new NcpException(NcpError.PRODUCT_NOT_FOUND)));
        }
        List<String> codes = p.list("serverSpecCodeList");
        List<String> hypervisors = new ArrayList<>(p.list("hypervisorCodeList"));
        hypervisors.addAll(p.list("hypervisorTypeCodeList"));

        List<Object> items = new ArrayList<>();
        for (NcpCatalog.Product s : NcpCatalog.PRODUCTS) {
            if (s.classic() || s.specCode().isEmpty()) continue;
            if (image.isPresent() && !NcpCatalog.compatible(image.get(), s)) continue;
            if (!codes.isEmpty() && !codes.contains(s.specCode())) continue;
            if (!hypervisors.isEmpty() && !hypervisors.contains("KVM")) continue;
            items.add(spec(s));
        }
        return NcpList.payload("serverSpecList", "serverSpec", items, items.size());
    }

    /** One vserver.ServerSpec, in the Go SDK's field order. Only G3 products have a spec code: all KVM. */
    private static Map<String, Object> spec(NcpCatalog.Product s) {
        NcpCatalog.SpecLimits l = s.limits();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serverSpecCode", s.specCode());
        m.put("generationCode", s.generation());
        m.put("cpuCount", s.cpuCount());
        m.put("memorySize", s.memorySize());
        m.put("hypervisorType", NcpCodes.hypervisor("KVM"));
        m.put("cpuArchitectureType", X86_64);
        m.put("blockStorageMaxCount", l.blockStorageMaxCount());
        m.put("blockStorageMaxIops", l.blockStorageMaxIops());
        m.put("blockStorageMaxThroughput", l.blockStorageMaxThroughput());
        m.put("networkPerformance", l.networkPerformance());
        m.put("networkInterfaceMaxCount", l.networkInterfaceMaxCount());
        m.put("serverProductCode", s.code());
        m.put("serverSpecDescription", s.description());
        m.put("gpuCount", 0);
        return m;
    }

    // ---- getRootPassword

    /**
     * A fake, deterministic password per server number (Linux root or Windows Administrator alike). cloudmock
     * keeps no login keys, so any non-empty privateKey is accepted.
     */
    static Map<String, Object> rootPassword(NcpCall r) {
        NcpParams p = r.params();
        p.require("serverInstanceNo");
        p.require("privateKey");
        String password = r.account().atomically(tx -> {
            Resource i = NcpServerActions.one(r, tx);
            return fakePassword(i.id());
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rootPassword", password);
        return m;
    }

    static String fakePassword(String serverInstanceNo) {
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-256")
                    .digest(("cloudmock fake root password " + serverInstanceNo).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JRE has SHA-256
        }
        StringBuilder b = new StringBuilder(PASSWORD_PATTERN.length);
        for (int k = 0; k < PASSWORD_PATTERN.length; k++) {
            String pool = PASSWORD_CLASSES[PASSWORD_PATTERN[k]];
            b.append(pool.charAt((h[k] & 0xff) % pool.length()));
        }
        return b.toString();
    }

}
