package io.cloudmock.ncp;

import io.cloudmock.core.Account;
import io.cloudmock.core.Resource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Network interfaces ({@code /vserver/v2}, ncp-network-api.md 5.3) as far as servers make and read them, and the
 * numeric helpers the network actions share.
 */
final class NcpNetworkActions {
    private static final Set<String> NIC_STATUS = Set.of("SET", "UNSET", "USED", "NOTUSED");
    private static final Set<String> DEVICES = Set.of("eth0", "eth1", "eth2");
    private static final String PROVIDER = NcpFlavour.VPC.provider;

    private NcpNetworkActions() {}

    static Map<String, Object> networkInterfaceList(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String subnetName = p.get("subnetName");
        String serverName = p.get("serverName");
        Boolean isDefault = p.bool("isDefault");
        String device = p.get("deviceName");
        if (device != null && !DEVICES.contains(device)) throw new NcpException(NcpError.INVALID_PARAMETER, "deviceName", device);
        NcpQuery q = new NcpQuery(p, true).numbers("networkInterfaceNoList").field("networkInterfaceName", "networkInterfaceName")
                .status("networkInterfaceStatusCode", NIC_STATUS).field("ip", "ip")
                .test(n -> p.get("instanceNo") == null || p.get("instanceNo").equals(n.reference(NcpModel.KIND)))
                .test(n -> isDefault == null || isDefault == NcpServerView.bool(n, "isDefault"))
                .test(n -> device == null || (n.reference(NcpModel.KIND) != null && device.equals(n.string("deviceName"))));
        return r.account().atomically(tx -> {
            List<Resource> candidates = new ArrayList<>();
            for (Resource n : NcpNetwork.inRegion(tx, NcpNetwork.NIC, region)) {
                if (subnetName != null) {
                    Resource s = tx.get(PROVIDER, NcpNetwork.SUBNET, n.string("subnetNo"));
                    if (s == null || !s.string("subnetName").equals(subnetName)) continue;
                }
                if (serverName != null) {
                    Resource s = n.reference(NcpModel.KIND) == null ? null : tx.get(PROVIDER, NcpModel.KIND, n.reference(NcpModel.KIND));
                    if (s == null || !s.string("serverName").equals(serverName)) continue;
                }
                candidates.add(n);
            }
            return q.items(candidates, "networkInterfaceList", "networkInterface", NcpNetworkViews::nic);
        });
    }

    /** An unknown number: 200 with totalRows 0, as for a server (Terraform's delete waiter relies on it). */
    static Map<String, Object> networkInterfaceDetail(NcpCall r) {
        return NcpVpcActions.detail(r, "networkInterfaceNo", NcpNetwork.NIC, "networkInterfaceList", "networkInterface",
                NcpNetworkViews::nic);
    }

    /** The private addresses of a VPC server's interfaces, as createServerInstances kept them. */
    static List<String> privateIps(Resource server) {
        List<String> ips = new ArrayList<>();
        if (server.fields().get("networkInterfaces") instanceof List<?> list) {
            for (Object o : list) if (o instanceof Map<?, ?> m && m.get("ip") != null) ips.add(m.get("ip").toString());
        }
        return ips;
    }

    /** Whether one of the server's interfaces has {@code ip}: {@link #privateIps} without a list a server (a filter tests all). */
    static boolean hasPrivateIp(Resource server, String ip) {
        if (server.fields().get("networkInterfaces") instanceof List<?> list) {
            for (Object o : list) if (o instanceof Map<?, ?> m && m.get("ip") != null && ip.equals(m.get("ip").toString())) return true;
        }
        return false;
    }

    // ---- numbering

    static String offset(String no, long offset) { return Long.toString(parseOr(no, 0) + offset); }

    /** Numbers in numeric order; anything else a client sent as a number after them, in text order. */
    static final Comparator<String> BY_NUMBER =
            Comparator.comparingLong((String no) -> parseOr(no, Long.MAX_VALUE)).thenComparing(Comparator.naturalOrder());

    /** {@code s} as a number, or {@code fallback} when it is not one (the first key of {@link #BY_NUMBER}). */
    static long numberOr(String s, long fallback) { return parseOr(s, fallback); }

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
