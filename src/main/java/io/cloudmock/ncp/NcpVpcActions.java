package io.cloudmock.ncp;

import io.cloudmock.core.Resource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The VPC API ({@code /vpc/v2}, ncp-network-api.md section 4): VPCs, subnets, and the read side of network ACLs and
 * route tables. Detail calls for a number that does not exist answer 200 with totalRows 0 (reference 1.3: Terraform's
 * delete waiters depend on it); mutating calls refuse it.
 */
final class NcpVpcActions {
    private static final Set<String> VPC_STATUS = Set.of("INIT", "CREATING", "RUN", "TERMTING");
    private static final Set<String> NACL_STATUS = Set.of("INIT", "SET", "RUN", "TERMTING");
    private static final Set<String> SUBNET_TYPES = Set.of("PUBLIC", "PRIVATE");
    private static final Set<String> USAGE_TYPES = Set.of("GEN", "LOADB", "BM", "NATGW");

    private NcpVpcActions() {}

    // ---- VPCs

    static Map<String, Object> createVpc(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String cidr = p.require("ipv4CidrBlock");
        if (NcpCidr.parse(cidr) == null) throw new NcpException(NcpError.VPC_CIDR_INVALID, cidr);
        String name = p.get("vpcName");
        if (name != null) NcpNames.check(name);
        Instant now = r.clock().now();
        return r.account().atomically(tx -> {
            for (Resource v : NcpNetwork.inRegion(tx, NcpNetwork.VPC, region)) {
                if (name != null && v.string("vpcName").equals(name)) throw new NcpException(NcpError.VPC_NAME_IN_USE);
            }
            List<Resource> made = NcpNetwork.newVpc(tx, r.model().ids(), name, cidr, region, now, "INIT");
            Resource vpc = made.get(0);
            tx.begin(NcpNetworkTransitions.CREATE_VPC, vpc);
            return NcpList.payload("vpcList", "vpc", List.of(NcpNetworkViews.vpc(vpc)));
        });
    }

    static Map<String, Object> vpcList(NcpCall r) {
        String region = r.regionCode();
        NcpQuery q = new NcpQuery(r.params(), false).numbers("vpcNoList").field("vpcName", "vpcName")
                .status("vpcStatusCode", VPC_STATUS);
        return r.account().atomically(tx -> q.items(NcpNetwork.inRegion(tx, NcpNetwork.VPC, region),
                "vpcList", "vpc", NcpNetworkViews::vpc));
    }

    static Map<String, Object> vpcDetail(NcpCall r) {
        return detail(r, "vpcNo", NcpNetwork.VPC, "vpcList", "vpc", NcpNetworkViews::vpc);
    }

    static Map<String, Object> deleteVpc(NcpCall r) {
        String vpcNo = NcpNetworkActions.number(r.params().require("vpcNo"), "vpcNo");
        String region = r.regionCode();
        return r.account().atomically(tx -> {
            Resource vpc = NcpNetwork.get(tx, NcpNetwork.VPC, vpcNo, region);
            if (vpc == null) throw new NcpException(NcpError.VPC_NOT_FOUND, vpcNo);
            if (!tx.referrers(vpc, NcpNetwork.SUBNET).isEmpty()) throw new NcpException(NcpError.VPC_IN_USE);
            for (String kind : List.of(NcpNetwork.ACG, NcpNetwork.NETWORK_ACL, NcpNetwork.ROUTE_TABLE)) {
                for (Resource child : tx.referrers(vpc, kind)) {
                    if (!NcpServerView.bool(child, "isDefault")) throw new NcpException(NcpError.VPC_IN_USE);
                }
            }
            tx.begin(NcpNetworkTransitions.DELETE_VPC, vpc);
            return NcpList.payload("vpcList", "vpc", List.of(NcpNetworkViews.vpc(vpc)));
        });
    }

    // ---- subnets

    static Map<String, Object> createSubnet(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String zone = p.require("zoneCode");
        String vpcNo = NcpNetworkActions.number(p.require("vpcNo"), "vpcNo");
        String cidrText = p.require("subnet");
        String naclNo = NcpNetworkActions.number(p.require("networkAclNo"), "networkAclNo");
        String type = p.require("subnetTypeCode");
        if (NcpCatalog.zones(region).stream().noneMatch(z -> z.zoneCode().equals(zone))) {
            throw new NcpException(NcpError.INVALID_REGION_OR_ZONE, "zoneCode", zone);
        }
        if (!SUBNET_TYPES.contains(type)) throw new NcpException(NcpError.INVALID_PARAMETER, "subnetTypeCode", type);
        String usage = p.get("usageTypeCode", "GEN");
        if (!USAGE_TYPES.contains(usage)) throw new NcpException(NcpError.INVALID_PARAMETER, "usageTypeCode", usage);
        String name = p.get("subnetName");
        if (name != null) NcpNames.check(name);
        NcpCidr cidr = NcpCidr.parse(cidrText);
        if (cidr == null) throw new NcpException(NcpError.SUBNET_CIDR_INVALID, cidrText);
        Instant now = r.clock().now();
        return r.account().atomically(tx -> {
            Resource vpc = NcpNetwork.get(tx, NcpNetwork.VPC, vpcNo, region);
            if (vpc == null) throw new NcpException(NcpError.VPC_NOT_FOUND, vpcNo);
            if (vpc.state().equals("INIT") || vpc.state().equals("CREATING")) throw new NcpException(NcpError.VPC_NOT_READY);
            if (!vpc.state().equals("RUN")) throw new NcpException(NcpError.VPC_STATE_CONFLICT, vpc.state());
            Resource nacl = NcpNetwork.get(tx, NcpNetwork.NETWORK_ACL, naclNo, region);
            if (nacl == null || !nacl.string("vpcNo").equals(vpcNo)) throw new NcpException(NcpError.NETWORK_ACL_NOT_FOUND);
            NcpCidr vpcCidr = NcpCidr.parse(vpc.string("ipv4CidrBlock"));
            if (vpcCidr == null || !vpcCidr.contains(cidr)) throw new NcpException(NcpError.SUBNET_OUTSIDE_VPC);
            for (Resource s : tx.referrers(vpc, NcpNetwork.SUBNET)) {
                NcpCidr other = NcpCidr.parse(s.string("subnet"));
                if (other != null && other.overlaps(cidr)) throw new NcpException(NcpError.SUBNET_OVERLAP);
                if (name != null && s.string("subnetName").equals(name)) throw new NcpException(NcpError.SUBNET_NAME_IN_USE);
            }
            Resource subnet = NcpNetwork.newSubnet(tx, r.model().ids(), vpc, name, cidr.toString(), zone, type, usage, nacl,
                    now, "INIT");
            tx.begin(NcpNetworkTransitions.CREATE_SUBNET, subnet);
            return NcpList.payload("subnetList", "subnet", List.of(NcpNetworkViews.subnet(subnet)));
        });
    }

    static Map<String, Object> subnetList(NcpCall r) {
        String region = r.regionCode();
        NcpQuery q = new NcpQuery(r.params(), true).numbers("subnetNoList").field("subnetName", "subnetName")
                .field("subnet", "subnet").code("subnetTypeCode", "subnetTypeCode", SUBNET_TYPES)
                .code("usageTypeCode", "usageTypeCode", USAGE_TYPES).field("networkAclNo", "networkAclNo")
                .status("subnetStatusCode", VPC_STATUS).field("vpcNo", "vpcNo").field("zoneCode", "zoneCode");
        return r.account().atomically(tx -> q.items(NcpNetwork.inRegion(tx, NcpNetwork.SUBNET, region),
                "subnetList", "subnet", NcpNetworkViews::subnet));
    }

    static Map<String, Object> subnetDetail(NcpCall r) {
        return detail(r, "subnetNo", NcpNetwork.SUBNET, "subnetList", "subnet", NcpNetworkViews::subnet);
    }

    static Map<String, Object> deleteSubnet(NcpCall r) {
        String subnetNo = NcpNetworkActions.number(r.params().require("subnetNo"), "subnetNo");
        String region = r.regionCode();
        return r.account().atomically(tx -> {
            Resource subnet = NcpNetwork.get(tx, NcpNetwork.SUBNET, subnetNo, region);
            if (subnet == null) throw new NcpException(NcpError.SUBNET_NOT_FOUND, subnetNo);
            if (!tx.referrers(subnet, NcpModel.KIND).isEmpty() || !tx.referrers(subnet, NcpNetwork.NIC).isEmpty()) {
                throw new NcpException(NcpError.SUBNET_IN_USE);
            }
            tx.begin(NcpNetworkTransitions.DELETE_SUBNET, subnet);
            return NcpList.payload("subnetList", "subnet", List.of(NcpNetworkViews.subnet(subnet)));
        });
    }

    // ---- network ACLs and route tables (read side)

    static Map<String, Object> networkAclList(NcpCall r) {
        String region = r.regionCode();
        NcpQuery q = new NcpQuery(r.params(), true).numbers("networkAclNoList").field("networkAclName", "networkAclName")
                .status("networkAclStatusCode", NACL_STATUS).field("vpcNo", "vpcNo");
        return r.account().atomically(tx -> q.items(NcpNetwork.inRegion(tx, NcpNetwork.NETWORK_ACL, region),
                "networkAclList", "networkAcl", NcpNetworkViews::networkAcl));
    }

    static Map<String, Object> networkAclDetail(NcpCall r) {
        return detail(r, "networkAclNo", NcpNetwork.NETWORK_ACL, "networkAclList", "networkAcl", NcpNetworkViews::networkAcl);
    }

    static Map<String, Object> routeTableList(NcpCall r) {
        String region = r.regionCode();
        NcpQuery q = new NcpQuery(r.params(), true).numbers("routeTableNoList").field("routeTableName", "routeTableName")
                .code("supportedSubnetTypeCode", "supportedSubnetTypeCode", SUBNET_TYPES).field("vpcNo", "vpcNo");
        return r.account().atomically(tx -> q.items(NcpNetwork.inRegion(tx, NcpNetwork.ROUTE_TABLE, region),
                "routeTableList", "routeTable", NcpNetworkViews::routeTable));
    }

    static Map<String, Object> routeTableDetail(NcpCall r) {
        return detail(r, "routeTableNo", NcpNetwork.ROUTE_TABLE, "routeTableList", "routeTable", NcpNetworkViews::routeTable);
    }

    /** A detail call: the resource, or totalRows 0 when there is none (reference 1.3). */
    static Map<String, Object> detail(NcpCall r, String param, String kind, String listName, String itemName,
                                      java.util.function.Function<Resource, Object> view) {
        String no = NcpNetworkActions.number(r.params().require(param), param);
        String region = r.regionCode();
        return r.account().atomically(tx -> {
            Resource found = NcpNetwork.get(tx, kind, no, region);
            return NcpList.payload(listName, itemName, found == null ? List.of() : List.of(view.apply(found)));
        });
    }

}
