package io.cloudmock.zenlayer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Security-group rules (network reference 5.1 and 5.2): parsing and checking a RuleInfo, its identity
 * (direction, ipProtocol, portRange, cidrIp after a single port {@code p} is stored as {@code p/p}), and the
 * limit of 20 ingress plus 20 egress rules. {@code cidrIp}, {@code ipProtocol} and {@code direction} are kept
 * byte for byte: Terraform matches them on read-back.
 */
final class SecurityGroupRules {
    static final int MAX_PER_DIRECTION = 20;
    static final Set<String> DIRECTIONS = Set.of("ingress", "egress");
    static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "all");

    private SecurityGroupRules() {}

    /** A RuleInfo in go26 field order. */
    static Map<String, Object> rule(String direction, String protocol, String portRange, String cidrIp, int priority, String description) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("direction", direction);
        r.put("policy", "accept");
        r.put("priority", priority);
        r.put("ipProtocol", protocol);
        r.put("portRange", portRange);
        r.put("cidrIp", cidrIp);
        r.put("description", description);
        return r;
    }

    /** One rule of a request (flat fields of AuthorizeSecurityGroupRule, or an element of ruleInfos). */
    static Map<String, Object> parse(ZenlayerRequest r) {
        if (r.has("ruleId")) throw ZenlayerError.INVALID_PARAMETER_SECURITY_GROUP_RULE_ID_NOT_ALLOW.with(r.node().get("ruleId").asText());
        String direction = r.requiredString("direction");
        if (!DIRECTIONS.contains(direction)) throw ZenlayerError.INVALID_PARAMETER_VALUE.with(direction, r.path("direction"), "egress, ingress");
        String protocol = r.requiredString("ipProtocol");
        if (!PROTOCOLS.contains(protocol)) throw ZenlayerError.INVALID_PARAMETER_VALUE.with(protocol, r.path("ipProtocol"), "all, icmp, tcp, udp");
        String portRange = portRange(r.requiredString("portRange"), protocol);
        String cidrIp = r.requiredString("cidrIp");
        if (!validCidrIp(cidrIp)) throw ZenlayerError.INVALID_PARAMETER_SECURITY_GROUP_SOURCE_CIDR_IP.with(cidrIp);
        String policy = r.string("policy");
        if (policy != null && !policy.equals("accept")) throw ZenlayerError.INVALID_PARAMETER_SECURITY_GROUP_POLICY.with(policy);
        // an integer beyond 32 bits is out of range too, with the same code, not of the wrong type
        com.fasterxml.jackson.databind.JsonNode given = r.node().get("priority");
        if (given != null && given.isIntegralNumber() && !given.canConvertToInt()) {
            throw ZenlayerError.INVALID_PARAMETER_SECURITY_GROUP_PRIORITY.with(given.asText());
        }
        Integer priority = r.integer("priority");
        if (priority != null && (priority < 1 || priority > 100)) throw ZenlayerError.INVALID_PARAMETER_SECURITY_GROUP_PRIORITY.with(priority);
        String description = r.string("description");
        return rule(direction, protocol, portRange, cidrIp, priority == null ? 1 : priority, description == null ? "" : description);
    }

    static List<Map<String, Object>> parseAll(List<ZenlayerRequest> given) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (given != null) for (ZenlayerRequest r : given) out.add(parse(r));
        return out;
    }

    /** tcp/udp: {@code start/end} with 1 <= start <= end <= 65535, or one port (stored as p/p); icmp and all: -1/-1. */
    static String portRange(String given, String protocol) {
        if (protocol.equals("icmp") || protocol.equals("all")) {
            if (!given.equals("-1/-1")) throw ZenlayerError.INVALID_PARAMETER_SECURITY_GROUP_PORT_RANGE.with(given, protocol);
            return given;
        }
        String[] parts = given.split("/", -1);
        if (parts.length > 2 || !parts[0].matches("[0-9]{1,5}") || (parts.length == 2 && !parts[1].matches("[0-9]{1,5}"))) {
            throw ZenlayerError.INVALID_PARAMETER_SECURITY_GROUP_PORT_RANGE.with(given, protocol);
        }
        int start = Integer.parseInt(parts[0]);
        int end = parts.length == 2 ? Integer.parseInt(parts[1]) : start;
        if (start < 1 || end > 65535 || start > end) throw ZenlayerError.INVALID_PARAMETER_SECURITY_GROUP_PORT_RANGE.with(given, protocol);
        return start + "/" + end;
    }

    /** "CIDR format or IPv4 address". */
    static boolean validCidrIp(String s) {
        if (s.contains("/")) return ZenlayerNetwork.parseCidr(s) != null;
        return ZenlayerNetwork.parseIp(s) != null;
    }

    static boolean same(Map<?, ?> a, Map<?, ?> b) {
        for (String k : List.of("direction", "ipProtocol", "portRange", "cidrIp")) if (!Objects.equals(a.get(k), b.get(k))) return false;
        return true;
    }

    static String describe(Map<?, ?> r) {
        return r.get("direction") + " " + r.get("ipProtocol") + " " + r.get("portRange") + " " + r.get("cidrIp");
    }

    /** The rule set a group would have: no duplicates (within it), at most 20 per direction. */
    static void checkSet(List<Map<String, Object>> rules) {
        for (int i = 0; i < rules.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (same(rules.get(i), rules.get(j))) throw ZenlayerError.OPERATION_DENIED_SECURITY_GROUP_EXIST_REPEAT_RULE.with(describe(rules.get(i)));
            }
        }
        for (String d : DIRECTIONS) {
            long n = rules.stream().filter(r -> d.equals(r.get("direction"))).count();
            if (n > MAX_PER_DIRECTION) throw ZenlayerError.OPERATION_DENIED_SECURITY_GROUP_RULE_EXCEED_LIMIT.with(MAX_PER_DIRECTION, d);
        }
    }
}
