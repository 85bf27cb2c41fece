package io.cloudmock.ncp;

import io.cloudmock.core.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Access control groups and their rules ({@code /vserver/v2}, ncp-network-api.md 5.2). An ACG is RUN from creation
 * and deleted at once (Terraform's delete waiter knows only RUN); a rule change puts it in SET for one transition
 * delay, during which another change answers 1007009, as the service does (Terraform retries that code).
 */
final class NcpAcgActions {
    private static final Set<String> STATUS = Set.of("INIT", "SET", "RUN", "TERMTING");
    static final int PER_VPC = 500;

    private NcpAcgActions() {}

    static Map<String, Object> create(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String vpcNo = NcpNetworkActions.number(p.require("vpcNo"), "vpcNo");
        String name = p.get("accessControlGroupName");
        if (name != null) NcpNames.check(name);
        String description = description(p, "accessControlGroupDescription");
        Instant now = r.clock().now();
        return r.account().atomically(tx -> {
            Resource vpc = NcpNetwork.get(tx, NcpNetwork.VPC, vpcNo, region);
            if (vpc == null) throw new NcpException(NcpError.VPC_NOT_FOUND, vpcNo);
            if (!vpc.state().equals("RUN")) throw new NcpException(NcpError.VPC_STATE_CONFLICT, vpc.state());
            List<Resource> acgs = tx.referrers(vpc, NcpNetwork.ACG);
            if (acgs.size() >= PER_VPC) throw new NcpException(NcpError.ACG_LIMIT, PER_VPC + " per VPC");
            for (Resource a : acgs) {
                if (name != null && a.string("accessControlGroupName").equals(name)) throw new NcpException(NcpError.ACG_NAME_IN_USE);
            }
            String id = r.model().ids().nextNumber();
            Resource acg = new Resource(NcpNetwork.PROVIDER, NcpNetwork.ACG, tx.account(), id, "RUN", now,
                    NcpNetwork.acgFields(id, name == null ? "acg" + NcpNetwork.hex(id) : name, vpcNo, false, description, List.of()));
            acg.fields().put("regionCode", region);
            tx.refer(acg, NcpNetwork.VPC, vpcNo);
            tx.add(acg);
            return payload(List.of(acg));
        });
    }

    static Map<String, Object> list(NcpCall r) {
        String region = r.regionCode();
        NcpQuery q = new NcpQuery(r.params(), true).field("vpcNo", "vpcNo").numbers("accessControlGroupNoList")
                .field("accessControlGroupName", "accessControlGroupName").status("accessControlGroupStatusCode", STATUS);
        return r.account().atomically(tx -> q.items(NcpNetwork.inRegion(tx, NcpNetwork.ACG, region),
                "accessControlGroupList", "accessControlGroup", NcpNetworkViews::acg));
    }

    static Map<String, Object> detail(NcpCall r) {
        return NcpVpcActions.detail(r, "accessControlGroupNo", NcpNetwork.ACG, "accessControlGroupList", "accessControlGroup",
                NcpNetworkViews::acg);
    }

    static Map<String, Object> delete(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String vpcNo = NcpNetworkActions.number(p.require("vpcNo"), "vpcNo");
        String acgNo = NcpNetworkActions.number(p.require("accessControlGroupNo"), "accessControlGroupNo");
        return r.account().atomically(tx -> {
            Resource acg = find(tx, acgNo, vpcNo, region);
            if (NcpServerView.bool(acg, "isDefault")) throw new NcpException(NcpError.ACG_DEFAULT);
            if (!tx.referrers(acg, NcpNetwork.NIC).isEmpty() || !tx.referrers(acg, NcpModel.KIND).isEmpty()) {
                throw new NcpException(NcpError.ACG_IN_USE, acgNo);
            }
            for (Resource other : tx.referrers(tx.get(NcpNetwork.PROVIDER, NcpNetwork.VPC, vpcNo), NcpNetwork.ACG)) {
                if (other == acg) continue;
                for (Map<?, ?> rule : rules(other)) {
                    if (acgNo.equals(String.valueOf(rule.get("sequence")))) throw new NcpException(NcpError.ACG_IN_USE, acgNo);
                }
            }
            tx.allowed(NcpNetworkTransitions.CHANGE_ACG, acg);  // not while its rules change
            Map<String, Object> payload = payload(List.of(acg));
            tx.remove(acg);
            return payload;
        });
    }

    // ---- rules

    static Map<String, Object> ruleList(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String acgNo = NcpNetworkActions.number(p.require("accessControlGroupNo"), "accessControlGroupNo");
        String type = NcpAcgRules.direction(p, "accessControlGroupRuleTypeCode");
        return r.account().atomically(tx -> {
            Resource acg = NcpNetwork.get(tx, NcpNetwork.ACG, acgNo, region);
            if (acg == null) throw new NcpException(NcpError.ACG_NOT_FOUND);
            return rulePayload(acg, type);
        });
    }

    static Map<String, Object> addInbound(NcpCall r) { return change(r, NcpAcgRules.INBOUND, true); }
    static Map<String, Object> addOutbound(NcpCall r) { return change(r, NcpAcgRules.OUTBOUND, true); }
    static Map<String, Object> removeInbound(NcpCall r) { return change(r, NcpAcgRules.INBOUND, false); }
    static Map<String, Object> removeOutbound(NcpCall r) { return change(r, NcpAcgRules.OUTBOUND, false); }

    /**
     * Adds or removes rules of one direction: every rule is checked first, then the ACG goes SET for one delay.
     * The answer lists all the ACG's rules of both directions (reference 5.2.9; Terraform ignores it).
     */
    private static Map<String, Object> change(NcpCall r, String type, boolean add) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String vpcNo = NcpNetworkActions.number(p.require("vpcNo"), "vpcNo");
        String acgNo = NcpNetworkActions.number(p.require("accessControlGroupNo"), "accessControlGroupNo");
        List<Map<String, Object>> given = NcpAcgRules.parseEach(p, "accessControlGroupRuleList", "protocolTypeCode",
                (rule, where) -> parseRule(rule, where, type, add));
        return r.account().atomically(tx -> {
            Resource acg = find(tx, acgNo, vpcNo, region);
            tx.allowed(NcpNetworkTransitions.CHANGE_ACG, acg);
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Map<?, ?> m : rules(acg)) rules.add(new LinkedHashMap<>(castMap(m)));
            for (Map<String, Object> rule : given) {
                String source = String.valueOf(rule.get("sequence"));
                if (!source.isEmpty()) {
                    Resource src = NcpNetwork.get(tx, NcpNetwork.ACG, source, region);
                    if (add && (src == null || !src.string("vpcNo").equals(vpcNo))) {
                        throw new NcpException(NcpError.ACG_RULE_INVALID, "source ACG " + source + " is not an ACG of VPC " + vpcNo);
                    }
                }
                if (add) {
                    for (Map<String, Object> have : rules) if (NcpAcgRules.same(have, rule)) throw new NcpException(NcpError.ACG_RULE_DUPLICATE);
                    rules.add(rule);
                } else {
                    // a rule that is not there: nothing to remove (the real answer is not known, reference 5.2.10)
                    rules.removeIf(have -> NcpAcgRules.same(have, rule));
                }
            }
            long inDirection = rules.stream().filter(m -> type.equals(m.get("type"))).count();
            if (inDirection > NcpAcgRules.PER_DIRECTION) {
                throw new NcpException(NcpError.ACG_LIMIT, NcpAcgRules.PER_DIRECTION + " rules per direction");
            }
            acg.fields().put("rules", rules);
            tx.begin(NcpNetworkTransitions.CHANGE_ACG, acg);
            return rulePayload(acg, null);
        });
    }

    /** One rule of a request, checked as reference 5.2.9 says (all but the source ACG, which needs the account). */
    private static Map<String, Object> parseRule(NcpParams rule, String where, String type, boolean add) {
        String code = rule.get("protocolTypeCode");
        if (code == null) throw new NcpException(NcpError.MISSING_PARAMETER, where + "protocolTypeCode");
        String protocol = NcpAcgRules.protocol(code);
        if (protocol == null) throw new NcpException(NcpError.INVALID_PARAMETER, where + "protocolTypeCode", code);
        String ipBlock = rule.get("ipBlock", "");
        String sequence = rule.get("accessControlGroupSequence", "");
        if (ipBlock.isEmpty() == sequence.isEmpty()) {
            throw new NcpException(NcpError.ACG_RULE_INVALID, "exactly one of ipBlock and accessControlGroupSequence is required");
        }
        if (!ipBlock.isEmpty() && NcpAcgRules.ipBlock(ipBlock) == null) {
            throw new NcpException(NcpError.INVALID_PARAMETER, where + "ipBlock", ipBlock);
        }
        if (!sequence.isEmpty()) NcpNetworkActions.number(sequence, where + "accessControlGroupSequence");
        String ports = NcpAcgRules.ports(rule, where, protocol, NcpError.ACG_RULE_INVALID);
        String description = add ? description(rule, "accessControlGroupRuleDescription", where) : "";
        return NcpAcgRules.rule(type, protocol, ipBlock, sequence, ports, description);
    }

    /** The ACG of a VPC: 1007000 when unknown, 1007001 when it is another VPC's. */
    private static Resource find(io.cloudmock.core.Account.Tx tx, String acgNo, String vpcNo, String region) {
        Resource acg = NcpNetwork.get(tx, NcpNetwork.ACG, acgNo, region);
        if (acg == null) throw new NcpException(NcpError.ACG_NOT_FOUND);
        if (!acg.string("vpcNo").equals(vpcNo)) throw new NcpException(NcpError.ACG_OTHER_VPC, acgNo);
        return acg;
    }

    static List<Map<?, ?>> rules(Resource acg) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (acg.fields().get("rules") instanceof List<?> l) for (Object o : l) if (o instanceof Map<?, ?> m) out.add(m);
        return out;
    }

    private static Map<String, Object> rulePayload(Resource acg, String type) {
        List<Object> views = new ArrayList<>();
        for (Map<?, ?> rule : rules(acg)) {
            if (type == null || type.equals(rule.get("type"))) views.add(NcpAcgRules.view(acg.id(), rule));
        }
        return NcpList.payload("accessControlGroupRuleList", "accessControlGroupRule", views);
    }

    private static Map<String, Object> payload(List<Resource> acgs) {
        List<Object> views = new ArrayList<>();
        for (Resource a : acgs) views.add(NcpNetworkViews.acg(a));
        return NcpList.payload("accessControlGroupList", "accessControlGroup", views);
    }

    static String description(NcpParams p, String name) { return description(p, name, ""); }

    /** A description of at most 1000 bytes (reference 3); {@code where} is the prefix of a list element's parameter. */
    static String description(NcpParams p, String name, String where) {
        String d = p.get(name, "");
        if (d.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 1000) {
            throw new NcpException(NcpError.INVALID_PARAMETER, where + name, "(longer than 1000 bytes)");
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) { return (Map<String, Object>) m; }
}
