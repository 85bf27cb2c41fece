package io.cloudmock.ncp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Network ACL rules (ncp-network-api.md 4.14; the Go SDK's AddNetworkAclRuleParameter and NetworkAclRule): kept in
 * the ACL's {@code rules} field as flat records ({@code type, priority, protocol, ipBlock, denyAllowGroupNo,
 * ruleAction, portRange, description, createDate}), checked as the add/remove actions take them (Terraform's
 * schema: priority 0 to 199, TCP/UDP/ICMP, ALLOW/DROP), shown in the SDK's field order.
 */
final class NcpNetworkAclRules {
    /** Rules per network ACL (reference 3). */
    static final int PER_ACL = 20;
    private static final Map<String, String> PROTOCOL = Map.of("TCP", "tcp", "UDP", "udp", "ICMP", "icmp");
    private static final Map<String, String> ACTION = Map.of("ALLOW", "Allow", "DROP", "Drop");
    private static final List<String> MATCHED = List.of("type", "priority", "protocol", "ipBlock", "denyAllowGroupNo",
            "ruleAction", "portRange");

    private NcpNetworkAclRules() {}

    /** One rule of a request; everything but the ACL is checked here, before the account is locked. */
    static Map<String, Object> parse(NcpParams rule, String where, String type, boolean add) {
        Integer priority = rule.integer("priority", 0, 199);
        if (priority == null) throw new NcpException(NcpError.MISSING_PARAMETER, where + "priority");
        String protocol = rule.get("protocolTypeCode");
        if (protocol == null) throw new NcpException(NcpError.MISSING_PARAMETER, where + "protocolTypeCode");
        if (!PROTOCOL.containsKey(protocol)) throw new NcpException(NcpError.INVALID_PARAMETER, where + "protocolTypeCode", protocol);
        String action = rule.get("ruleActionCode");
        if (action == null) throw new NcpException(NcpError.MISSING_PARAMETER, where + "ruleActionCode");
        if (!ACTION.containsKey(action)) throw new NcpException(NcpError.INVALID_PARAMETER, where + "ruleActionCode", action);
        String ipBlock = rule.get("ipBlock", "");
        String group = rule.get("denyAllowGroupNo", "");
        if (!group.isEmpty()) {
            // deny-allow groups are not emulated: accepting an unchecked number would pass what the service may refuse
            throw new NcpException(NcpError.NETWORK_ACL_RULE_INVALID, "denyAllowGroupNo is not supported by cloudmock; use ipBlock");
        }
        if (ipBlock.isEmpty()) throw new NcpException(NcpError.NETWORK_ACL_RULE_INVALID, "ipBlock is required");
        if (NcpAcgRules.ipBlock(ipBlock) == null) throw new NcpException(NcpError.INVALID_PARAMETER, where + "ipBlock", ipBlock);
        String ports = NcpAcgRules.ports(rule, where, protocol, NcpError.NETWORK_ACL_RULE_INVALID);
        String description = add ? NcpAcgActions.description(rule, "networkAclRuleDescription", where) : "";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("priority", priority);
        m.put("protocol", protocol);
        m.put("ipBlock", ipBlock);
        m.put("denyAllowGroupNo", group);
        m.put("ruleAction", action);
        m.put("portRange", ports);
        m.put("description", description);
        return m;
    }

    /** A stored rule as a fresh record (the priority as a number, whatever a state file made of it). */
    static Map<String, Object> copy(Map<?, ?> stored) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : stored.entrySet()) m.put(String.valueOf(e.getKey()), e.getValue());
        m.put("priority", Integer.parseInt(String.valueOf(stored.get("priority"))));
        return m;
    }

    /** The same direction and priority: the slot a rule takes. */
    static boolean samePlace(Map<?, ?> a, Map<?, ?> b) {
        return text(a, "type").equals(text(b, "type")) && text(a, "priority").equals(text(b, "priority"));
    }

    /** The same rule in every field a remove names. */
    static boolean same(Map<?, ?> a, Map<?, ?> b) {
        for (String k : MATCHED) if (!text(a, k).equals(text(b, k))) return false;
        return true;
    }

    /** The Go SDK's vpc.NetworkAclRule, in its order. */
    static Map<String, Object> view(String aclNo, Map<?, ?> rule) {
        String protocol = text(rule, "protocol");
        String action = text(rule, "ruleAction");
        String type = text(rule, "type");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("networkAclNo", aclNo);
        m.put("priority", Integer.parseInt(text(rule, "priority")));
        m.put("protocolType", NcpCodes.code(protocol, PROTOCOL.getOrDefault(protocol, protocol)));
        m.put("portRange", text(rule, "portRange"));
        m.put("ruleAction", NcpCodes.code(action, ACTION.getOrDefault(action, action)));
        m.put("createDate", text(rule, "createDate"));
        m.put("ipBlock", text(rule, "ipBlock"));
        m.put("denyAllowGroupNo", text(rule, "denyAllowGroupNo"));
        m.put("networkAclRuleType", NcpCodes.code(type, type.equals(NcpAcgRules.INBOUND) ? "Inbound" : "Outbound"));
        m.put("networkAclRuleDescription", text(rule, "description"));
        return m;
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString();
    }
}
