package io.cloudmock.ncp;

import io.cloudmock.core.Account;
import io.cloudmock.core.Order;
import io.cloudmock.core.Resource;
import io.cloudmock.core.Transition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The server-instance actions other than create. Batches are checked whole (existence, then protection, then
 * state) before any instance changes, inside the account lock, so a failed batch changes nothing.
 */
final class NcpServerActions {
    private static final Set<String> STATUS_FILTER = Set.of("INIT", "CREAT", "RUN", "NSTOP");

    private NcpServerActions() {}

    // ---- reads

    static Map<String, Object> list(NcpCall r) {
        NcpParams p = r.params();
        List<String> ids = p.list("serverInstanceNoList");
        String status = p.get("serverInstanceStatusCode");
        if (status != null && !STATUS_FILTER.contains(status)) {
            throw new NcpException(NcpError.INVALID_PARAMETER, "serverInstanceStatusCode", status);
        }
        Integer pageNo = p.integer("pageNo", 0, Integer.MAX_VALUE);
        Integer pageSize = p.integer("pageSize", 0, Integer.MAX_VALUE);
        Order<?> order = order(p);
        Predicate<Resource> filter = r.flavour().classic() ? classicFilter(r) : vpcFilter(r);
        Set<String> wanted = ids.isEmpty() ? null : new HashSet<>(ids);
        Predicate<Resource> test = i -> (wanted == null || wanted.contains(i.id()))
                && (status == null || NcpStates.of(i.state()).status.equals(status))
                && filter.test(i);
        // everything the matches depend on but the page: the same filter paged through, or polled while servers
        // change, walks the servers once (the account keeps its matches up to date)
        java.util.TreeMap<String, String> query = new java.util.TreeMap<>(p.asMap());
        query.remove("pageNo");
        query.remove("pageSize");
        query.remove("responseFormatType");
        String provider = r.flavour().provider;
        String key = "server " + provider + " " + r.regionCode() + " " + query;
        String name = r.flavour().classic() ? null : p.get("serverName");
        return r.account().atomically(tx -> {
            List<Resource> all;
            if (wanted != null && wanted.size() == 1) {
                // one server by its number (how Terraform and the SDKs read a server back): no walk, nothing kept
                Resource one = tx.get(provider, NcpModel.KIND, wanted.iterator().next());
                all = one != null && test.test(one) ? List.of(one) : List.of();
            } else {
                // servers by number, or by their exact name (the account's name index): only those are looked at
                java.util.Collection<Resource> from = wanted != null ? tx.getAll(provider, NcpModel.KIND, wanted)
                        : name != null ? tx.withField(provider, NcpModel.KIND, "serverName", name) : null;
                all = tx.matches(provider, NcpModel.KIND, key, from, test, order);
            }
            return NcpServerView.payload(NcpList.page(all, pageNo, pageSize), all.size(), r.flavour());
        });
    }

    private static List<Resource> one(Resource r) { return r == null ? List.of() : List.of(r); }

    private static Predicate<Resource> vpcFilter(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String vpcNo = p.get("vpcNo");
        String name = p.get("serverName");
        String diskType = p.get("baseBlockStorageDiskTypeCode");
        String diskDetail = p.get("baseBlockStorageDiskDetailTypeCode");
        String ip = p.get("ip");
        List<String> placementGroups = p.list("placementGroupNoList");
        List<String> hypervisors = p.list("hypervisorTypeCodeList");
        // cloudmock's servers belong to no fabric cluster (NcpServerView shows "" for it): any such filter finds none
        boolean fabricFilter = p.has("fabricClusterPoolNo") || p.has("fabricClusterNo") || p.has("fabricClusterMode");
        return i -> !fabricFilter && i.string("regionCode").equals(region)
                && (vpcNo == null || vpcNo.equals(i.string("vpcNo")))
                && (name == null || name.equals(i.string("serverName")))
                && (diskType == null || diskType.equals(i.string("baseBlockStorageDiskType")))
                && (diskDetail == null || diskDetail.equals(i.string("baseBlockStorageDiskDetailType")))
                && (ip == null || ip.equals(i.string("publicIp")) || NcpNetworkActions.hasPrivateIp(i, ip))
                && (placementGroups.isEmpty() || placementGroups.contains(i.string("placementGroupNo")))
                && (hypervisors.isEmpty() || hypervisors.contains(i.string("hypervisorType")));
    }

    private static Predicate<Resource> classicFilter(NcpCall r) {
        NcpParams p = r.params();
        String regionNo = p.get("regionNo");
        if (regionNo != null && NcpCatalog.regionByNo(regionNo).isEmpty()) {
            throw new NcpException(NcpError.INVALID_REGION_OR_ZONE, "regionNo", regionNo);
        }
        String zoneNo = p.get("zoneNo");
        if (zoneNo != null && NcpCatalog.zoneByNo(zoneNo).isEmpty()) {
            throw new NcpException(NcpError.INVALID_REGION_OR_ZONE, "zoneNo", zoneNo);
        }
        String filterName = p.get("searchFilterName");
        String filterValue = p.get("searchFilterValue");
        if (filterName != null && !filterName.equalsIgnoreCase("serverName") && !filterName.equalsIgnoreCase("ip")) {
            throw new NcpException(NcpError.INVALID_PARAMETER, "searchFilterName", filterName);
        }
        String needle = filterValue == null ? null : filterValue.toLowerCase(Locale.ROOT);
        String diskType = p.get("baseBlockStorageDiskTypeCode");
        String diskDetail = p.get("baseBlockStorageDiskDetailTypeCode");
        List<String> types = p.list("serverInstanceTypeCodeList");
        // cloudmock's Classic servers carry no instance tags: a tag filter finds none
        boolean tagFilter = !p.list("tagKeyList").isEmpty() || !p.list("tagValueList").isEmpty();
        return i -> {
            if (tagFilter) return false;
            if (regionNo != null || zoneNo != null) {
                String[] place = CLASSIC_PLACES.computeIfAbsent(i.string("zoneNo"), NcpServerActions::classicPlace);
                if (regionNo != null && !regionNo.equals(place[0])) return false;
                if (zoneNo != null && !zoneNo.equals(place[1])) return false;
            }
            if (needle != null && filterName != null) {
                // "searchFilterValue" is a case-insensitive partial match (Classic docs)
                boolean byIp = filterName.equalsIgnoreCase("ip");
                String hay = byIp ? i.string("privateIp") + " " + i.string("publicIp") : i.string("serverName");
                if (!hay.toLowerCase(Locale.ROOT).contains(needle)) return false;
            }
            return (diskType == null || diskType.equals(i.string("baseBlockStorageDiskType")))
                    && (diskDetail == null || diskDetail.equals(i.string("baseBlockStorageDiskDetailType")))
                    && (types.isEmpty() || types.contains(i.string("serverInstanceType")));
        };
    }

    /**
     * A Classic server's region number and zone number, by the zone number (or code) it holds: the catalogue's
     * lookups cost a stream each, twice a server, and a filter by region or zone tests every server.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, String[]> CLASSIC_PLACES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String[] classicPlace(String zoneNoOrCode) {
        NcpCatalog.Zone zone = NcpCatalog.zone(zoneNoOrCode).orElse(NcpCatalog.ZONES.get(0));
        String regionNo = NcpCatalog.region(zone.regionCode(), true).map(NcpCatalog.Region::regionNo).orElse("");
        return new String[] {regionNo, zone.zoneNo()};
    }

    /**
     * sortedBy: serverName | serverInstanceNo | createDate (any case); sortingOrder: ascending | descending. Ties
     * (equal names) stay in creation order either way. Numbers compare as {@link NcpNetworkActions#BY_NUMBER} does,
     * parsed once a server ({@link SortKey}).
     */
    private static Order<?> order(NcpParams p) {
        String sortedBy = p.get("sortedBy");
        String sortingOrder = p.get("sortingOrder");
        if (sortingOrder != null && !sortingOrder.equalsIgnoreCase("ascending") && !sortingOrder.equalsIgnoreCase("descending")) {
            throw new NcpException(NcpError.INVALID_PARAMETER, "sortingOrder", sortingOrder);
        }
        if (sortedBy == null) return null;
        Order<?> o = switch (sortedBy.toLowerCase(Locale.ROOT)) {
            case "servername" -> Order.by(i -> i.string("serverName"));
            case "serverinstanceno" -> Order.by(i -> new SortKey("", i.id()));
            case "createdate" -> Order.by(i -> new SortKey(i.string("createDate"), i.id()));
            default -> throw new NcpException(NcpError.INVALID_PARAMETER, "sortedBy", sortedBy);
        };
        return sortingOrder != null && sortingOrder.equalsIgnoreCase("descending") ? o.reversed() : o;
    }

    /** A text, then a server number as {@link NcpNetworkActions#BY_NUMBER} orders it (numeric, then as text). */
    private record SortKey(String text, long number, String no) implements Comparable<SortKey> {
        SortKey(String text, String no) { this(text, NcpNetworkActions.numberOr(no, Long.MAX_VALUE), no); }

        @Override
        public int compareTo(SortKey o) {
            int c = text.compareTo(o.text);
            if (c == 0) c = Long.compare(number, o.number);
            return c != 0 ? c : no.compareTo(o.no);
        }
    }

    /** VPC only. Unknown, terminated or other-region numbers: 200 with totalRows 0 (Terraform reads that as gone). */
    static Map<String, Object> detail(NcpCall r) {
        String id = r.params().require("serverInstanceNo");
        String region = r.regionCode();
        return r.account().atomically(tx -> {
            Resource i = tx.get(r.flavour().provider, NcpModel.KIND, id);
            List<Resource> found = i != null && i.string("regionCode").equals(region) ? List.of(i) : List.of();
            return NcpServerView.payload(found, r.flavour());
        });
    }

    // ---- batch lifecycle actions

    static Map<String, Object> start(NcpCall r) { return batch(r, NcpTransitions.START_ACTION); }

    static Map<String, Object> stop(NcpCall r) { return batch(r, NcpTransitions.STOP); }

    static Map<String, Object> reboot(NcpCall r) { return batch(r, NcpTransitions.REBOOT); }

    static Map<String, Object> terminate(NcpCall r) { return batch(r, NcpTransitions.TERMINATE); }

    private static Map<String, Object> batch(NcpCall r, String action) {
        List<String> ids = r.params().idList("serverInstanceNoList");
        if (ids.isEmpty()) throw new NcpException(NcpError.MISSING_PARAMETER, "serverInstanceNoList");
        return r.account().atomically(tx -> {
            List<Resource> targets = existing(r, tx, ids);
            if (action.equals(NcpTransitions.TERMINATE)) {
                for (Resource i : targets) {
                    if (NcpServerView.bool(i, "isProtectServerTermination")) {
                        throw new NcpException(NcpError.TERMINATION_PROTECTED, i.string("serverName"));
                    }
                }
            }
            boolean vpcTerminate = action.equals(NcpTransitions.TERMINATE) && !r.flavour().classic();
            // what a terminated server lets go of is checked with the servers, before anything changes
            List<Resource> ips = vpcTerminate ? NcpPublicIpActions.checkRelease(tx, targets) : List.of();
            List<Resource> storages = vpcTerminate ? NcpBlockStorageActions.checkRelease(tx, targets) : List.of();
            tx.beginAll(action, targets, NcpServerActions::rememberUptime);
            if (vpcTerminate) {
                for (Resource i : targets) NcpServerNics.releaseKept(tx, i);
                NcpPublicIpActions.release(tx, ips, r.clock().now());
                NcpBlockStorageActions.release(tx, storages);
            }
            return NcpServerView.payload(targets, r.flavour());
        });
    }

    /** Every id must name a live server of this flavour (and, for VPC, of the request's region). */
    static List<Resource> existing(NcpCall r, Account.Tx tx, List<String> ids) {
        String region = r.flavour().classic() ? null : r.regionCode();
        List<Resource> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Resource i = tx.get(r.flavour().provider, NcpModel.KIND, id);
            if (i == null || (region != null && !i.string("regionCode").equals(region))) {
                throw new NcpException(NcpError.INVALID_SERVER_INSTANCE_NO);
            }
            out.add(i);
        }
        return out;
    }

    static Resource one(NcpCall r, Account.Tx tx) {
        return existing(r, tx, List.of(r.params().require("serverInstanceNo"))).get(0);
    }

    /** Remembers when a running server last came up (its uptime) before it leaves RUN. */
    private static void rememberUptime(Resource i) {
        if (i.state().equals(NcpStates.RUN.name())) i.fields().put("uptime", NcpModel.date(i.since()));
    }

    /** Starts {@code action} on one server, refused as the table says. */
    private static void begin(Account.Tx tx, String action, Resource i) {
        tx.beginAll(action, List.of(i), NcpServerActions::rememberUptime);
    }

    // ---- single-instance actions

    static Map<String, Object> changeSpec(NcpCall r) {
        NcpParams p = r.params();
        boolean classic = r.flavour().classic();
        String productCode = p.get("serverProductCode");
        String specCode = classic ? null : p.get("serverSpecCode");
        if (productCode == null && specCode == null) {
            throw new NcpException(NcpError.MISSING_PARAMETER, classic ? "serverProductCode" : "serverProductCode or serverSpecCode");
        }
        if (productCode != null && specCode != null) {
            throw new NcpException(NcpError.INVALID_PARAMETER, "serverSpecCode", specCode);
        }
        return r.account().atomically(tx -> {
            Resource i = one(r, tx);
            NcpCatalog.Product target = (productCode != null
                    ? NcpCatalog.product(productCode, classic) : NcpCatalog.productBySpec(specCode))
                    .orElseThrow(() -> new NcpException(NcpError.PRODUCT_NOT_FOUND));
            NcpCatalog.Product current = NcpCatalog.product(i.string("serverProductCode"), classic).orElse(null);
            NcpCatalog.Image image = NcpCatalog.image(i.string("serverImageProductCode"), classic).orElse(null);
            if (image != null && !NcpCatalog.compatible(image, target)) throw new NcpException(NcpError.PRODUCT_NOT_FOUND);
            if (current != null && current.code().equals(target.code())) throw new NcpException(NcpError.SAME_SPEC);
            if (current != null && (!current.typeCode().equals(target.typeCode())
                    || !current.diskDetailType().equals(target.diskDetailType()))) {
                throw new NcpException(NcpError.SPEC_MISMATCH);
            }
            tx.allowed(NcpTransitions.CHANGE_SPEC, i);
            r.model().applyProduct(i.fields(), target);
            begin(tx, NcpTransitions.CHANGE_SPEC, i);
            return NcpServerView.payload(List.of(i), r.flavour());
        });
    }

    static Map<String, Object> setProtect(NcpCall r) {
        Boolean protect = r.params().bool("isProtectServerTermination");
        if (protect == null) throw new NcpException(NcpError.MISSING_PARAMETER, "isProtectServerTermination");
        return r.account().atomically(tx -> {
            Resource i = one(r, tx);
            i.fields().put("isProtectServerTermination", protect);
            tx.touched();
            return NcpServerView.payload(List.of(i), r.flavour());
        });
    }

    static Map<String, Object> changeName(NcpCall r) {
        String name = r.params().require("serverName");
        NcpNames.check(name);
        return r.account().atomically(tx -> {
            Resource i = one(r, tx);
            for (Resource other : tx.withField(r.flavour().provider, NcpModel.KIND, "serverName", name)) {
                if (other != i) throw new NcpException(NcpError.NAME_IN_USE);
            }
            i.fields().put("serverName", name);
            tx.touched();
            return NcpServerView.payload(List.of(i), r.flavour());
        });
    }

    /** Windows servers only (seed 003); the server writes a dump and restarts. */
    static Map<String, Object> interrupt(NcpCall r) {
        return r.account().atomically(tx -> {
            Resource i = one(r, tx);
            if (!i.string("platformType").startsWith("WND")) throw new NcpException(NcpError.INTERRUPT_NOT_SUPPORTED);
            begin(tx, NcpTransitions.INTERRUPT, i);
            // the seed's example shows the server list; the Go and Java SDK models read only serverInstanceNoList
            Map<String, Object> answer = new java.util.LinkedHashMap<>(NcpServerView.payload(List.of(i), r.flavour()));
            answer.put("serverInstanceNoList", new NcpList("serverInstanceNo", List.of(i.id())));
            return answer;
        });
    }
}
