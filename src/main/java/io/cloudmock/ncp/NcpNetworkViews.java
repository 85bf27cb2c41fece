package io.cloudmock.ncp;

import io.cloudmock.core.Resource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the VPC network kinds look on the wire: the Go SDK's field order and types (ncp-network-api.md sections 4
 * and 5: ids as strings, flags as booleans, codes as {code, codeName}), codeNames as the service writes them,
 * including its quirks (a NIC in use is {@code "used "}, with a trailing blank).
 */
final class NcpNetworkViews {
    private NcpNetworkViews() {}

    private static final Map<String, String> LIFE = Map.of("INIT", "init", "CREATING", "creating", "RUN", "run",
            "TERMTING", "terminating", "SET", "set");
    private static final Map<String, String> NIC_STATUS = Map.of("SET", "set", "UNSET", "unset", "USED", "used ",
            "NOTUSED", "not used");
    private static final Map<String, String> SUBNET_TYPE = Map.of("PUBLIC", "Public", "PRIVATE", "Private");
    private static final Map<String, String> USAGE = Map.of("GEN", "General", "LOADB", "Load Balancer",
            "BM", "BareMetal", "NATGW", "NAT Gateway");

    static Map<String, Object> status(String code) { return NcpCodes.code(code, LIFE.getOrDefault(code, code.toLowerCase())); }

    static Map<String, Object> vpc(Resource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vpcNo", r.id());
        m.put("vpcName", r.string("vpcName"));
        m.put("ipv4CidrBlock", r.string("ipv4CidrBlock"));
        m.put("vpcStatus", status(r.state()));
        m.put("regionCode", r.string("regionCode"));
        m.put("createDate", r.string("createDate"));
        return m;
    }

    static Map<String, Object> subnet(Resource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subnetNo", r.id());
        m.put("vpcNo", r.string("vpcNo"));
        m.put("zoneCode", r.string("zoneCode"));
        m.put("subnetName", r.string("subnetName"));
        m.put("subnet", r.string("subnet"));
        m.put("subnetStatus", status(r.state()));
        m.put("createDate", r.string("createDate"));
        String type = r.string("subnetTypeCode");
        m.put("subnetType", NcpCodes.code(type, SUBNET_TYPE.getOrDefault(type, type)));
        String usage = r.string("usageTypeCode");
        m.put("usageType", NcpCodes.code(usage, USAGE.getOrDefault(usage, usage)));
        m.put("networkAclNo", r.string("networkAclNo"));
        return m;
    }

    static Map<String, Object> networkAcl(Resource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("networkAclNo", r.id());
        m.put("networkAclName", r.string("networkAclName"));
        m.put("vpcNo", r.string("vpcNo"));
        m.put("networkAclStatus", status(r.state()));
        m.put("networkAclDescription", r.string("networkAclDescription"));
        m.put("createDate", r.string("createDate"));
        m.put("isDefault", NcpServerView.bool(r, "isDefault"));
        return m;
    }

    static Map<String, Object> routeTable(Resource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("routeTableNo", r.id());
        m.put("routeTableName", r.string("routeTableName"));
        m.put("regionCode", r.string("regionCode"));
        m.put("vpcNo", r.string("vpcNo"));
        String type = r.string("supportedSubnetTypeCode");
        m.put("supportedSubnetType", NcpCodes.code(type, SUBNET_TYPE.getOrDefault(type, type)));
        m.put("isDefault", NcpServerView.bool(r, "isDefault"));
        m.put("routeTableStatus", status(r.state()));
        m.put("routeTableDescription", r.string("routeTableDescription"));
        return m;
    }

    static Map<String, Object> acg(Resource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accessControlGroupNo", r.id());
        m.put("accessControlGroupName", r.string("accessControlGroupName"));
        m.put("isDefault", NcpServerView.bool(r, "isDefault"));
        m.put("vpcNo", r.string("vpcNo"));
        m.put("accessControlGroupStatus", status(r.state()));
        m.put("accessControlGroupDescription", r.string("accessControlGroupDescription"));
        return m;
    }

    /** The Go SDK's vserver.NetworkInterface; instanceType only while attached (Terraform tolerates its absence). */
    static Map<String, Object> nic(Resource r) {
        String server = r.reference(NcpModel.KIND);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("networkInterfaceNo", r.id());
        m.put("networkInterfaceName", r.string("networkInterfaceName"));
        m.put("subnetNo", r.string("subnetNo"));
        m.put("deleteOnTermination", NcpServerView.bool(r, "deleteOnTermination"));
        m.put("isDefault", NcpServerView.bool(r, "isDefault"));
        m.put("deviceName", server == null ? "" : r.string("deviceName"));
        m.put("networkInterfaceStatus", NcpCodes.code(r.state(), NIC_STATUS.getOrDefault(r.state(), r.state())));
        if (server != null) m.put("instanceType", NcpCodes.code("VSVR", "Server (VPC)"));
        m.put("instanceNo", server == null ? "" : server);
        m.put("ip", r.string("ip"));
        m.put("macAddress", r.string("macAddress"));
        m.put("accessControlGroupNoList", new NcpList("accessControlGroupNo", r.references(NcpNetwork.ACG)));
        m.put("networkInterfaceDescription", r.string("networkInterfaceDescription"));
        m.put("secondaryIpList", new NcpList("secondaryIp", NcpServerView.strings(r, "secondaryIpList")));
        m.put("enableFlowLog", false);
        return m;
    }
}
