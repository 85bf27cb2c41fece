package io.cloudmock.ncp;

import io.cloudmock.core.Account;
import io.cloudmock.core.Resource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The VPC network lookups the Terraform provider makes around {@code ncloud_server}: {@code vpc/v2/getSubnetDetail},
 * {@code vserver/v2/getAccessControlGroupList} and {@code vserver/v2/getNetworkInterfaceDetail}.
 *
 * <p>cloudmock keeps no VPCs, subnets or ACGs of their own: they are views derived from the account's VPC servers,
 * so what these actions answer always agrees with what the servers show. Any numeric subnet exists (in the VPC of the
 * servers that use it, else in the default VPC {@value #DEFAULT_VPC}); every VPC has one default ACG; a network
 * interface is the one a server lists in {@code networkInterfaceNoList}. The numbering rules are in
 * docs/terraform-ncp.md.
 */
final class NcpNetworkActions {
    /** The VPC of a subnet no server uses yet (the VPC the control API gives servers created without one). */
    static final String DEFAULT_VPC = "1";
    /** The default ACG of VPC {@code v} is number {@code v + DEFAULT_ACG_OFFSET}. */
    static final long DEFAULT_ACG_OFFSET = 1_000_000L;
    /** The network ACL of VPC {@code v} is number {@code v + NETWORK_ACL_OFFSET}. */
    static final long NETWORK_ACL_OFFSET = 2_000_000L;
    private static final Set<String> ACG_STATUS_FILTER = Set.of("INIT", "SET", "RUN", "TERMTING");
    private static final String PROVIDER = NcpFlavour.VPC.provider;

    private NcpNetworkActions() {}

    // ---- what createServerInstances keeps of each network interface

    /** One record per interface: its number, order (device ethN), the ACGs and the ip asked for ("" = assigned). */
    static List<Map<String, Object>> nicRecords(List<String> nicNos, List<NcpParams> asked) {
        List<Map<String, Object>> out = new ArrayList<>(nicNos.size());
        for (int n = 0; n < nicNos.size(); n++) {
            NcpParams p = n < asked.size() ? asked.get(n) : null;
            Integer order = p == null ? null : p.integer("networkInterfaceOrder", 0, 9);
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("networkInterfaceNo", nicNos.get(n));
            rec.put("networkInterfaceOrder", order == null ? n : order);
            rec.put("accessControlGroupNoList", p == null ? List.of() : p.list("accessControlGroupNoList"));
            rec.put("ip", p == null ? "" : p.get("ip", ""));
            out.add(rec);
        }
        return out;
    }

    // ---- vpc/v2/getSubnetDetail

    static Map<String, Object> subnetDetail(NcpCall r) {
        String subnetNo = number(r.params().require("subnetNo"), "subnetNo");
        String region = r.regionCode();
        String now = NcpModel.date(r.clock().now());
        return r.account().atomically(tx -> {
            // the subnet lies where the first server on it lies; with none, in the default VPC and first zone
            Resource first = null;
            for (Resource i : servers(tx, region)) {
                if (i.string("subnetNo").equals(subnetNo)) {
                    first = i;
                    break;
                }
            }
            String vpcNo = first == null ? DEFAULT_VPC : first.string("vpcNo");
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("subnetNo", subnetNo);
            s.put("vpcNo", vpcNo);
            s.put("zoneCode", first == null ? NcpCatalog.zones(region).get(0).zoneCode() : first.string("zoneCode"));
            s.put("subnetName", "subnet-" + subnetNo);
            s.put("subnet", subnetCidr(subnetNo));
            s.put("subnetStatus", NcpCodes.code("RUN", "run"));
            s.put("createDate", first == null ? now : first.string("createDate"));
            s.put("subnetType", NcpCodes.code("PUBLIC", "Public"));
            s.put("usageType", NcpCodes.code("GEN", "General"));
            s.put("networkAclNo", offset(vpcNo, NETWORK_ACL_OFFSET));
            return NcpList.payload("subnetList", "subnet", List.of(s), 1);
        });
    }

    // ---- vserver/v2/getAccessControlGroupList

    static Map<String, Object> accessControlGroups(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String vpcNo = p.has("vpcNo") ? number(p.get("vpcNo"), "vpcNo") : null;
        List<String> wanted = p.idList("accessControlGroupNoList");
        String name = p.get("accessControlGroupName");
        String status = p.get("accessControlGroupStatusCode");
        if (status != null && !ACG_STATUS_FILTER.contains(status)) {
            throw new NcpException(NcpError.INVALID_PARAMETER, "accessControlGroupStatusCode", status);
        }
        Integer pageNo = p.integer("pageNo", 0, Integer.MAX_VALUE);
        Integer pageSize = p.integer("pageSize", 0, Integer.MAX_VALUE);
        return r.account().atomically(tx -> {
            // every VPC the account knows has its default ACG; ACGs servers were created with belong to their VPC
            TreeMap<String, Map<String, Object>> groups = new TreeMap<>(BY_NUMBER);
            addDefault(groups, DEFAULT_VPC);
            if (vpcNo != null) addDefault(groups, vpcNo);
            List<Resource> servers = servers(tx, region);
            for (Resource i : servers) addDefault(groups, i.string("vpcNo"));
            for (Resource i : servers) {
                for (Map<String, Object> nic : nics(i)) {
                    for (Object acgNo : (List<?>) nic.get("accessControlGroupNoList")) {
                        String no = acgNo.toString();
                        groups.computeIfAbsent(no, k -> acg(no, "acg-" + no, false, i.string("vpcNo"), ""));
                    }
                }
            }
            List<Object> matching = new ArrayList<>();
            for (Map<String, Object> g : groups.values()) {
                if (vpcNo != null && !vpcNo.equals(g.get("vpcNo"))) continue;
                if (!wanted.isEmpty() && !wanted.contains(g.get("accessControlGroupNo").toString())) continue;
                if (name != null && !name.equals(g.get("accessControlGroupName"))) continue;
                if (status != null && !status.equals("RUN")) continue;
                matching.add(g);
            }
            return NcpList.payload("accessControlGroupList", "accessControlGroup", NcpList.page(matching, pageNo, pageSize),
                    matching.size());
        });
    }

    private static void addDefault(TreeMap<String, Map<String, Object>> groups, String vpcNo) {
        String no = offset(vpcNo, DEFAULT_ACG_OFFSET);
        groups.put(no, acg(no, "vpc-" + vpcNo + "-default-acg", true, vpcNo, "Default AccessControlGroup"));
    }

    /** An ACG as the Go SDK's vserver.AccessControlGroup has it, in that order. */
    private static Map<String, Object> acg(String no, String name, boolean isDefault, String vpcNo, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accessControlGroupNo", no);
        m.put("accessControlGroupName", name);
        m.put("isDefault", isDefault);
        m.put("vpcNo", vpcNo);
        m.put("accessControlGroupStatus", NcpCodes.code("RUN", "run"));
        m.put("accessControlGroupDescription", description);
        return m;
    }

    // ---- vserver/v2/getNetworkInterfaceDetail

    /** An interface no live server of the region lists: 200 with totalRows 0, as for a server. */
    static Map<String, Object> networkInterfaceDetail(NcpCall r) {
        String no = r.params().require("networkInterfaceNo");
        String region = r.regionCode();
        return r.account().atomically(tx -> {
            for (Resource i : servers(tx, region)) {
                for (Map<String, Object> nic : nics(i)) {
                    if (no.equals(nic.get("networkInterfaceNo"))) {
                        return NcpList.payload("networkInterfaceList", "networkInterface", List.of(nicView(i, nic)), 1);
                    }
                }
            }
            return NcpList.payload("networkInterfaceList", "networkInterface", List.of(), 0);
        });
    }

    /** A network interface as the Go SDK's vserver.NetworkInterface has it, in that order. */
    private static Map<String, Object> nicView(Resource server, Map<String, Object> nic) {
        String no = nic.get("networkInterfaceNo").toString();
        int order = ((Number) nic.get("networkInterfaceOrder")).intValue();
        String subnetNo = server.string("subnetNo");
        String ip = nic.get("ip").toString();
        List<?> acgs = (List<?>) nic.get("accessControlGroupNoList");
        List<Object> acgNos = new ArrayList<>(acgs.isEmpty()
                ? List.of(offset(server.string("vpcNo"), DEFAULT_ACG_OFFSET)) : acgs);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("networkInterfaceNo", no);
        m.put("networkInterfaceName", "nic-" + no);
        m.put("subnetNo", subnetNo);
        m.put("deleteOnTermination", true);
        m.put("isDefault", order == 0);
        m.put("deviceName", "eth" + order);
        m.put("networkInterfaceStatus", NcpCodes.code("USED", "used"));
        m.put("instanceType", NcpCodes.code("VSVR", "Server (VPC)"));
        m.put("instanceNo", server.id());
        m.put("ip", ip.isEmpty() ? hostIp(subnetNo, no) : ip);  // as privateIps() gives it
        m.put("macAddress", mac(no));
        m.put("accessControlGroupNoList", new NcpList("accessControlGroupNo", acgNos));
        m.put("networkInterfaceDescription", "");
        m.put("secondaryIpList", new NcpList("secondaryIp", List.of()));
        return m;
    }

    /**
     * The interfaces of a VPC server: the records createServerInstances kept, or for a server made through the control
     * API (which has only {@code networkInterfaceNoList}) one record per number, in order, with the VPC's default ACG.
     */
    static List<Map<String, Object>> nics(Resource server) {
        Object kept = server.fields().get("networkInterfaces");
        List<Map<String, Object>> out = new ArrayList<>();
        if (kept instanceof List<?> list && !list.isEmpty()) {
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> m)) continue;
                Map<String, Object> rec = new LinkedHashMap<>();
                rec.put("networkInterfaceNo", String.valueOf(m.get("networkInterfaceNo")));
                Object order = m.get("networkInterfaceOrder");
                rec.put("networkInterfaceOrder", order instanceof Number n ? n.intValue() : out.size());
                rec.put("accessControlGroupNoList", m.get("accessControlGroupNoList") instanceof List<?> l ? l : List.of());
                rec.put("ip", m.get("ip") == null ? "" : m.get("ip").toString());
                out.add(rec);
            }
            return out;
        }
        List<String> nos = NcpServerView.strings(server, "networkInterfaceNoList");
        for (int n = 0; n < nos.size(); n++) {
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("networkInterfaceNo", nos.get(n));
            rec.put("networkInterfaceOrder", n);
            rec.put("accessControlGroupNoList", List.of());
            rec.put("ip", "");
            out.add(rec);
        }
        return out;
    }

    /** The private addresses of a VPC server's interfaces, as getNetworkInterfaceDetail shows them. */
    static List<String> privateIps(Resource server) {
        String subnetNo = server.string("subnetNo");
        List<String> ips = new ArrayList<>();
        for (Map<String, Object> nic : nics(server)) {
            String ip = nic.get("ip").toString();
            ips.add(ip.isEmpty() ? hostIp(subnetNo, nic.get("networkInterfaceNo").toString()) : ip);
        }
        return ips;
    }

    // ---- numbering

    /** Subnet N is the /24 {@code 10.(N/256 mod 256).(N mod 256).0}. */
    static String subnetCidr(String subnetNo) {
        long n = Long.parseLong(subnetNo);
        return "10." + (n / 256 % 256) + "." + (n % 256) + ".0/24";
    }

    /** An interface's address in its subnet: hosts .6 to .255 (NCP keeps the first addresses of a subnet). */
    static String hostIp(String subnetNo, String nicNo) {
        long s = parseOr(subnetNo, 0);
        long host = 6 + parseOr(nicNo, 0) % 250;
        return "10." + (s / 256 % 256) + "." + (s % 256) + "." + host;
    }

    /** A locally administered MAC address made from the interface number. */
    private static String mac(String nicNo) {
        long n = parseOr(nicNo, 0);
        return String.format("F2:20:%02X:%02X:%02X:%02X", (n >> 24) & 0xFF, (n >> 16) & 0xFF, (n >> 8) & 0xFF, n & 0xFF);
    }

    static String offset(String no, long offset) { return Long.toString(parseOr(no, 0) + offset); }

    /** Numbers in numeric order; anything else a client sent as a number after them, in text order. */
    static final Comparator<String> BY_NUMBER =
            Comparator.comparingLong((String no) -> parseOr(no, Long.MAX_VALUE)).thenComparing(Comparator.naturalOrder());

    private static long parseOr(String s, long fallback) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String number(String value, String name) {
        if (value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            throw new NcpException(NcpError.INVALID_PARAMETER, name, value);
        }
        return value;
    }

    static List<Resource> servers(Account.Tx tx, String region) {
        List<Resource> out = new ArrayList<>();
        for (Resource i : tx.view(PROVIDER, NcpModel.KIND)) if (i.string("regionCode").equals(region)) out.add(i);
        return out;
    }
}
