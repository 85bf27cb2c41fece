package io.cloudmock.ncp;

import io.cloudmock.core.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * createServerInstances: every parameter is checked before anything is created, then all servers of the
 * request are created together (INIT, then CREAT/booting, then RUN).
 */
final class NcpCreate {
    private NcpCreate() {}

    /** How many servers one account may hold (the service has a per-account limit; its value varies). */
    static final int LIMIT = 500;

    static Map<String, Object> handle(NcpCall r) {
        NcpParams p = r.params();
        boolean classic = r.flavour().classic();
        NcpCatalog.Image image = image(p, classic);
        NcpCatalog.Product product = product(p, image, classic);

        Integer requested = p.integer("serverCreateCount", 1, 20);
        int count = requested == null ? 1 : requested;
        Integer startNo = p.integer("serverCreateStartNo", 0, 1000);
        if (startNo != null && startNo + count > 1000) {
            throw new NcpException(NcpError.INVALID_PARAMETER, "serverCreateStartNo", startNo);
        }
        String baseName = p.get("serverName");
        String description = p.get("serverDescription", "");
        if (description.length() > 1000) throw new NcpException(NcpError.INVALID_PARAMETER, "serverDescription", "(longer than 1000)");
        Boolean protect = p.bool("isProtectServerTermination");
        String loginKey = p.get("loginKeyName");
        String initScriptNo = p.get("initScriptNo", "");
        String userData = p.get("userData", "");

        Map<String, Object> place = classic ? classicPlace(p) : Map.of();
        List<NcpServerNics.Asked> nicsAsked = classic ? List.of() : NcpServerNics.asked(p, count);
        boolean publicIp = !classic && Boolean.TRUE.equals(p.bool("associateWithPublicIp"));
        // "Public Subnet + single-instance creation only" (ncp-network-api.md 6.1 #10)
        if (publicIp && count > 1) throw new NcpException(NcpError.PUBLIC_IP_ONE_SERVER);

        List<String> names = new ArrayList<>(count);
        if (baseName != null) {
            for (int k = 0; k < count; k++) {
                String name = count == 1 && startNo == null ? baseName : baseName + "-" + ((startNo == null ? 1 : startNo) + k);
                NcpNames.check(name);
                names.add(name);
            }
        }

        Instant now = r.clock().now();
        return r.account().atomically(tx -> {
            int existingCount = tx.count(r.flavour().provider, NcpModel.KIND);
            if (existingCount + count > LIMIT) {
                throw new NcpException(NcpError.CREATE_LIMIT, LIMIT, existingCount + count);
            }
            for (String name : names) {
                if (!tx.withField(r.flavour().provider, NcpModel.KIND, "serverName", name).isEmpty()) {
                    throw new NcpException(NcpError.NAME_IN_USE);
                }
            }
            // every reference and address is checked and chosen before anything is made
            NcpServerNics.Plan plan = classic ? null : NcpServerNics.plan(tx, r, p, nicsAsked, count);
            String keyName = classic ? (loginKey == null ? "cloudmock-key" : loginKey) : NcpServerNics.loginKey(tx, loginKey);
            if (!classic) NcpServerNics.checkInitScript(tx, initScriptNo, image, r.regionCode());
            if (publicIp && !plan.subnet().string("subnetTypeCode").equals("PUBLIC")) {
                throw new NcpException(NcpError.PUBLIC_IP_PRIVATE_SUBNET, "(new)");
            }
            if (publicIp) NcpPublicIps.allocate(tx, r.regionCode()); // the pool has an address: checked before anything is made

            List<Resource> created = new ArrayList<>(count);
            int mark = tx.mark();
            try {
                for (int k = 0; k < count; k++) {
                    String id = r.model().newId();
                    Map<String, Object> f = r.model().base(id, image, product, now);
                    if (!names.isEmpty()) f.put("serverName", names.get(k));
                    f.put("serverDescription", description);
                    f.put("loginKeyName", keyName);
                    f.put("isProtectServerTermination", Boolean.TRUE.equals(protect));
                    f.put("initScriptNo", initScriptNo);
                    f.put("userData", userData);
                    f.putAll(place);
                    if (!classic) f.putAll(plan.place());
                    Resource instance = new Resource(r.flavour().provider, NcpModel.KIND, tx.account(), id, NcpStates.INIT.name(), now, f);
                    if (!classic) plan.attach(tx, instance, k, now);
                    tx.add(instance);
                    tx.begin(NcpTransitions.CREATE, instance);
                    if (!classic) {
                        // its basic storage, and a real public IP when asked for (reference 6.2)
                        NcpBlockStorages.createBasic(tx, r.model().ids(), instance, now, false);
                        if (publicIp) NcpPublicIps.create(tx, r.model().ids(), r.regionCode(), "", instance, now);
                    }
                    created.add(instance);
                }
            } catch (RuntimeException e) {
                // another account may take the pool's last addresses while this batch is made: all or nothing
                tx.removeAddedSince(mark);
                throw e;
            }
            return NcpServerView.payload(created, r.flavour());
        });
    }

    private static NcpCatalog.Image image(NcpParams p, boolean classic) {
        String code = p.get("serverImageProductCode");
        if (classic) {
            if (code == null) {
                if (p.has("memberServerImageNo")) throw new NcpException(NcpError.PRODUCT_NOT_FOUND);
                throw new NcpException(NcpError.MISSING_PARAMETER, "serverImageProductCode or memberServerImageNo");
            }
            return NcpCatalog.image(code, true).orElseThrow(() -> new NcpException(NcpError.PRODUCT_NOT_FOUND));
        }
        if (code != null) return NcpCatalog.image(code, false).orElseThrow(() -> new NcpException(NcpError.PRODUCT_NOT_FOUND));
        String imageNo = p.get("serverImageNo");
        if (imageNo != null) return NcpCatalog.imageByNo(imageNo).orElseThrow(() -> new NcpException(NcpError.PRODUCT_NOT_FOUND));
        // cloudmock keeps no member (custom) server images
        if (p.has("memberServerImageInstanceNo")) throw new NcpException(NcpError.PRODUCT_NOT_FOUND);
        throw new NcpException(NcpError.MISSING_PARAMETER, "memberServerImageInstanceNo or serverImageProductCode or serverSpecCode");
    }

    private static NcpCatalog.Product product(NcpParams p, NcpCatalog.Image image, boolean classic) {
        String code = p.get("serverProductCode");
        String spec = classic ? null : p.get("serverSpecCode");
        NcpCatalog.Product product;
        if (code != null) {
            product = NcpCatalog.product(code, classic).orElseThrow(() -> new NcpException(NcpError.PRODUCT_NOT_FOUND));
        } else if (spec != null) {
            product = NcpCatalog.productBySpec(spec).orElseThrow(() -> new NcpException(NcpError.PRODUCT_NOT_FOUND));
        } else {
            return NcpCatalog.minimumProduct(image);
        }
        if (!NcpCatalog.compatible(image, product)) throw new NcpException(NcpError.PRODUCT_NOT_FOUND);
        return product;
    }

    private static Map<String, Object> classicPlace(NcpParams p) {
        String zoneNo = p.get("zoneNo");
        if (zoneNo != null && NcpCatalog.zone(zoneNo).filter(z -> z.zoneNo().equals(zoneNo)).isEmpty()) {
            throw new NcpException(NcpError.INVALID_REGION_OR_ZONE, "zoneNo", zoneNo);
        }
        List<String> acgs = p.idList("accessControlGroupConfigurationNoList");
        return Map.of("zoneNo", zoneNo == null ? "2" : zoneNo,
                "accessControlGroupConfigurationNoList", acgs.isEmpty() ? List.of(NcpModel.DEFAULT_ACG) : acgs);
    }

}
