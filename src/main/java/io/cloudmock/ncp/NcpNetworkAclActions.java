package io.cloudmock.ncp;

import io.cloudmock.core.Account;
import io.cloudmock.core.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The changes of network ACLs ({@code /vpc/v2}, ncp-network-api.md 4.13, 4.14): create, delete, apply to a subnet,
 * describe, and their rules. A new ACL is INIT for one delay, then RUN; a rule change or a subnet association
 * puts it in SET for one delay, during which another change answers 1012005 (Terraform retries it); deleting
 * walks TERMTING. The default ACL of a VPC and one a subnet uses cannot be deleted.
 */
final class NcpNetworkAclActions {
    /** Network ACLs per VPC (reference 3). */
    static final int PER_VPC = 200;

    private NcpNetworkAclActions() {}

    static Map<String, Object> create(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String vpcNo = NcpNetworkActions.number(p.require("vpcNo"), "vpcNo");
        String name = p.get("networkAclName");
        if (name != null) NcpNames.check(name);
        String description = NcpAcgActions.description(p, "networkAclDescription");
        Instant now = r.clock().now();
        return r.account().atomically(tx -> {
            Resource vpc = NcpNetwork.get(tx, NcpNetwork.VPC, vpcNo, region);
            if (vpc == null) throw new NcpException(NcpError.VPC_NOT_FOUND, vpcNo);
            if (!vpc.state().equals("RUN")) throw new NcpException(NcpError.VPC_STATE_CONFLICT, vpc.state());
            List<Resource> acls = tx.referrers(vpc, NcpNetwork.NETWORK_ACL);
            if (acls.size() >= PER_VPC) throw new NcpException(NcpError.NETWORK_ACL_LIMIT, PER_VPC + " per VPC");
            for (Resource a : acls) {
                if (name != null && a.string("networkAclName").equals(name)) throw new NcpException(NcpError.NETWORK_ACL_NAME_IN_USE);
            }
            String id = r.model().ids().nextNumber();
            Map<String, Object> f = NcpNetwork.naclFields(id, name == null ? "nacl" + NcpNetwork.hex(id) : name, vpcNo, false, now);
            f.put("networkAclDescription", description);
            f.put("regionCode", region);
            Resource acl = new Resource(NcpNetwork.PROVIDER, NcpNetwork.NETWORK_ACL, tx.account(), id, "INIT", now, f);
            tx.refer(acl, NcpNetwork.VPC, vpcNo);
            tx.add(acl);
            tx.begin(NcpNetworkTransitions.CREATE_NETWORK_ACL, acl);
            return payload(acl);
        });
    }

    static Map<String, Object> delete(NcpCall r) {
        String aclNo = aclNo(r.params());
        String region = r.regionCode();
        return r.account().atomically(tx -> {
            Resource acl = find(tx, aclNo, region);
            if (NcpServerView.bool(acl, "isDefault")) throw new NcpException(NcpError.NETWORK_ACL_DEFAULT);
            if (!tx.referrers(acl, NcpNetwork.SUBNET).isEmpty()) throw new NcpException(NcpError.NETWORK_ACL_IN_USE, aclNo);
            tx.begin(NcpNetworkTransitions.DELETE_NETWORK_ACL, acl);
            return payload(acl);
        });
    }

    /** The subnet takes the ACL at once (its networkAclNo); the ACL is SET for one delay (reference 4.13). */
    static Map<String, Object> setSubnet(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String aclNo = aclNo(p);
        String subnetNo = NcpNetworkActions.number(p.require("subnetNo"), "subnetNo");
        return r.account().atomically(tx -> {
            Resource subnet = NcpNetwork.get(tx, NcpNetwork.SUBNET, subnetNo, region);
            if (subnet == null) throw new NcpException(NcpError.SUBNET_NOT_FOUND, subnetNo);
            Resource acl = find(tx, aclNo, region);
            if (!acl.string("vpcNo").equals(subnet.string("vpcNo"))) throw new NcpException(NcpError.NETWORK_ACL_OTHER_VPC, aclNo);
            tx.allowed(NcpNetworkTransitions.USE_SUBNET, subnet);
            tx.begin(NcpNetworkTransitions.CHANGE_NETWORK_ACL, acl);
            tx.refer(subnet, NcpNetwork.NETWORK_ACL, aclNo);
            subnet.fields().put("networkAclNo", aclNo);
            return payload(acl);
        });
    }

    /** What Terraform's ncloud_network_acl calls on update (reference 4.14). */
    static Map<String, Object> setDescription(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String aclNo = aclNo(p);
        String description = NcpAcgActions.description(p, "networkAclDescription");
        return r.account().atomically(tx -> {
            Resource acl = find(tx, aclNo, region);
            tx.allowed(NcpNetworkTransitions.DESCRIBE_NETWORK_ACL, acl);
            acl.fields().put("networkAclDescription", description);
            tx.touched();
            return payload(acl);
        });
    }

    // ---- rules

    static Map<String, Object> ruleList(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String aclNo = aclNo(p);
        String type = NcpAcgRules.direction(p, "networkAclRuleTypeCode");
        return r.account().atomically(tx -> rulePayload(find(tx, aclNo, region), type));
    }

    static Map<String, Object> addInbound(NcpCall r) { return change(r, NcpAcgRules.INBOUND, true); }
    static Map<String, Object> addOutbound(NcpCall r) { return change(r, NcpAcgRules.OUTBOUND, true); }
    static Map<String, Object> removeInbound(NcpCall r) { return change(r, NcpAcgRules.INBOUND, false); }
    static Map<String, Object> removeOutbound(NcpCall r) { return change(r, NcpAcgRules.OUTBOUND, false); }

    /**
     * Adds or removes rules of one direction, every rule checked first; a priority is unique in its direction, 20
     * rules per ACL (reference 3). A rule to remove is matched on every field Terraform sends (all but the
     * description); one that is not there is a no-op, as for ACG rules. The answer lists all the ACL's rules.
     */
    private static Map<String, Object> change(NcpCall r, String type, boolean add) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String aclNo = aclNo(p);
        List<Map<String, Object>> given = NcpAcgRules.parseEach(p, "networkAclRuleList", "priority",
                (rule, where) -> NcpNetworkAclRules.parse(rule, where, type, add));
        Instant now = r.clock().now();
        return r.account().atomically(tx -> {
            Resource acl = find(tx, aclNo, region);
            tx.allowed(NcpNetworkTransitions.CHANGE_NETWORK_ACL, acl);
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Map<?, ?> m : NcpAcgActions.rules(acl)) rules.add(NcpNetworkAclRules.copy(m));
            for (Map<String, Object> rule : given) {
                if (add) {
                    for (Map<String, Object> have : rules) {
                        if (NcpNetworkAclRules.samePlace(have, rule)) {
                            throw new NcpException(NcpError.NETWORK_ACL_RULE_DUPLICATE, rule.get("priority"));
                        }
                    }
                    rule.put("createDate", NcpModel.date(now));
                    rules.add(rule);
                } else {
                    rules.removeIf(have -> NcpNetworkAclRules.same(have, rule));
                }
            }
            if (rules.size() > NcpNetworkAclRules.PER_ACL) {
                throw new NcpException(NcpError.NETWORK_ACL_LIMIT, NcpNetworkAclRules.PER_ACL + " rules per network ACL");
            }
            acl.fields().put("rules", rules);
            tx.begin(NcpNetworkTransitions.CHANGE_NETWORK_ACL, acl);
            return rulePayload(acl, null);
        });
    }

    // ---- small things

    private static String aclNo(NcpParams p) { return NcpNetworkActions.number(p.require("networkAclNo"), "networkAclNo"); }

    /** The ACL, or 1011002, the code Terraform reads as "gone" (reference 1.3). */
    private static Resource find(Account.Tx tx, String aclNo, String region) {
        Resource acl = NcpNetwork.get(tx, NcpNetwork.NETWORK_ACL, aclNo, region);
        if (acl == null) throw new NcpException(NcpError.NETWORK_ACL_NOT_FOUND);
        return acl;
    }

    private static Map<String, Object> rulePayload(Resource acl, String type) {
        List<Object> views = new ArrayList<>();
        for (Map<?, ?> rule : NcpAcgActions.rules(acl)) {
            if (type == null || type.equals(rule.get("type"))) views.add(NcpNetworkAclRules.view(acl.id(), rule));
        }
        return NcpList.payload("networkAclRuleList", "networkAclRule", views);
    }

    private static Map<String, Object> payload(Resource acl) {
        return NcpList.payload("networkAclList", "networkAcl", List.of(NcpNetworkViews.networkAcl(acl)));
    }
}
