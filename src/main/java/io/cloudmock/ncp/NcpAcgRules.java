package io.cloudmock.ncp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ACG rules (ncp-network-api.md 5.2.2, 5.2.9): kept in the ACG's {@code rules} field as flat records
 * ({@code type, protocol, ipBlock, sequence, portRange, description}), shown as the Go SDK's
 * AccessControlGroupRule, checked as the add/remove actions take them.
 */
final class NcpAcgRules {
    static final String INBOUND = "INBND";
    static final String OUTBOUND = "OTBND";
    static final int PER_DIRECTION = 50;

    private NcpAcgRules() {}

    static Map<String, Object> rule(String type, String protocol, String ipBlock, String sequence, String portRange,
                                    String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("protocol", protocol);
        m.put("ipBlock", ipBlock);
        m.put("sequence", sequence);
        m.put("portRange", portRange);
        m.put("description", description);
        return m;
    }

    /**
     * A VPC's default ACG: inbound TCP 22 and 3389 from anywhere (console screenshots), outbound everything (the
     * product page: "all outgoing traffic from the server is allowed"), as TCP, UDP and ICMP rules (reference 5.2.9).
     */
    static List<Map<String, Object>> defaults(String acgNo) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(rule(INBOUND, "TCP", "0.0.0.0/0", "", "22", ""));
        out.add(rule(INBOUND, "TCP", "0.0.0.0/0", "", "3389", ""));
        out.add(rule(OUTBOUND, "TCP", "0.0.0.0/0", "", "1-65535", ""));
        out.add(rule(OUTBOUND, "UDP", "0.0.0.0/0", "", "1-65535", ""));
        out.add(rule(OUTBOUND, "ICMP", "0.0.0.0/0", "", "", ""));
        return out;
    }

    /** A rule as the Go SDK's vserver.AccessControlGroupRule has it, in that order. */
    static Map<String, Object> view(String acgNo, Map<?, ?> rule) {
        String protocol = String.valueOf(rule.get("protocol"));
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("code", protocol);
        type.put("codeName", switch (protocol) {
            case "TCP" -> "tcp";
            case "UDP" -> "udp";
            case "ICMP" -> "icmp";
            default -> protocol;
        });
        type.put("number", number(protocol));
        String direction = String.valueOf(rule.get("type"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accessControlGroupNo", acgNo);
        m.put("protocolType", type);
        m.put("ipBlock", String.valueOf(rule.get("ipBlock")));
        m.put("accessControlGroupSequence", String.valueOf(rule.get("sequence")));
        m.put("portRange", String.valueOf(rule.get("portRange")));
        m.put("accessControlGroupRuleType", NcpCodes.code(direction, direction.equals(INBOUND) ? "Inbound" : "Outbound"));
        m.put("accessControlGroupRuleDescription", String.valueOf(rule.get("description")));
        return m;
    }

    static int number(String protocol) {
        return switch (protocol) {
            case "TCP" -> 6;
            case "UDP" -> 17;
            case "ICMP" -> 1;
            default -> Integer.parseInt(protocol);
        };
    }

    /**
     * {@code TCP}, {@code UDP}, {@code ICMP} or a protocol number 1 to 254 ("Protocol number is allowed from 1 to
     * 254"); 6, 17 and 1 are those three by name. Null when invalid.
     */
    static String protocol(String code) {
        if (code == null) return null;
        switch (code) {
            case "TCP", "UDP", "ICMP": return code;
            default:
        }
        if (code.isEmpty() || code.length() > 3 || !code.chars().allMatch(Character::isDigit)) return null;
        int n = Integer.parseInt(code);
        if (n < 1 || n > 254) return null;
        return n == 6 ? "TCP" : n == 17 ? "UDP" : n == 1 ? "ICMP" : Integer.toString(n);
    }

    /**
     * The port range of one rule of a request ({@code where} is its parameter prefix): required for TCP and UDP,
     * refused with {@code invalid} for other protocols, and well-formed. Shared by ACG and network ACL rules.
     */
    static String ports(NcpParams rule, String where, String protocol, NcpError invalid) {
        String ports = rule.get("portRange", "");
        boolean portProtocol = protocol.equals("TCP") || protocol.equals("UDP");
        if (portProtocol && ports.isEmpty()) throw new NcpException(NcpError.MISSING_PARAMETER, where + "portRange");
        if (!portProtocol && !ports.isEmpty()) throw new NcpException(invalid, "a port range is only allowed for TCP and UDP");
        if (!ports.isEmpty() && portRange(ports) == null) throw new NcpException(NcpError.INVALID_PARAMETER, where + "portRange", ports);
        return ports;
    }

    /** The optional direction filter of a rule list ({@code INBND} or {@code OTBND}), 900 for anything else. */
    static String direction(NcpParams p, String param) {
        String type = p.get(param);
        if (type != null && !type.equals(INBOUND) && !type.equals(OUTBOUND)) throw new NcpException(NcpError.INVALID_PARAMETER, param, type);
        return type;
    }

    /** Every rule of {@code list.N.}, each read by {@code parse} with its prefix, before the account is locked. */
    static List<Map<String, Object>> parseEach(NcpParams p, String list, String firstField,
                                               java.util.function.BiFunction<NcpParams, String, Map<String, Object>> parse) {
        List<NcpParams> asked = p.structList(list);
        if (asked.isEmpty()) throw new NcpException(NcpError.MISSING_PARAMETER, list + ".1." + firstField);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int n = 0; n < asked.size(); n++) out.add(parse.apply(asked.get(n), list + "." + (n + 1) + "."));
        return out;
    }

    /** A port range {@code 22} or {@code 1-65535} (start no greater than end), or null. */
    static String portRange(String text) {
        String[] parts = text.split("-", -1);
        if (parts.length > 2) return null;
        int[] v = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            String p = parts[k];
            if (p.isEmpty() || p.length() > 5 || !p.chars().allMatch(Character::isDigit)) return null;
            v[k] = Integer.parseInt(p);
            if (v[k] < 1 || v[k] > 65535) return null;
        }
        if (v.length == 2 && v[0] > v[1]) return null;
        return text;
    }

    /** An IPv4 block in CIDR form (any address, /0 to /32, network address), or null. */
    static String ipBlock(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) return null;
        Long ip = NcpCidr.ip(text.substring(0, slash));
        String p = text.substring(slash + 1);
        if (ip == null || p.isEmpty() || p.length() > 2 || !p.chars().allMatch(Character::isDigit)) return null;
        int prefix = Integer.parseInt(p);
        if (prefix > 32) return null;
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return (ip & ~mask & 0xFFFFFFFFL) == 0 ? text : null;
    }

    /** Same rule: direction, protocol, source and ports (the description does not count). */
    static boolean same(Map<?, ?> a, Map<?, ?> b) {
        for (String k : List.of("type", "protocol", "ipBlock", "sequence", "portRange")) {
            if (!String.valueOf(a.get(k)).equals(String.valueOf(b.get(k)))) return false;
        }
        return true;
    }
}
