package io.cloudmock.ncp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * NCP's one action table: every action cloudmock serves, by API path prefix, with its handler. The server actions
 * that walk the transition table are named by {@link NcpTransitions}' constants. An action not here answers the
 * gateway's 404 naming it; docs/coverage.md lists these and the ones that are not served (a unit test keeps the
 * two in step).
 */
final class NcpActions {
    private NcpActions() {}

    /** The VPC network API ({@code NCLOUD_API_GW + /vpc/v2}, the Go SDK's {@code services/vpc}). */
    static final String VPC_NETWORK_PREFIX = "/vpc/v2";

    /** The Server API of one flavour: {@code /vserver/v2} (VPC) or {@code /server/v2} (Classic). */
    static Map<String, NcpAction> server(NcpFlavour flavour) {
        Map<String, NcpAction> m = new LinkedHashMap<>();
        m.put("getRegionList", NcpCatalogActions::regions);
        m.put("getZoneList", NcpCatalogActions::zones);
        m.put("getServerImageProductList", NcpCatalogActions::images);
        m.put("getServerProductList", NcpCatalogActions::products);
        m.put(NcpTransitions.CREATE, NcpCreate::handle);
        m.put("getServerInstanceList", NcpServerActions::list);
        m.put(NcpTransitions.START_ACTION, NcpServerActions::start);
        m.put(NcpTransitions.STOP, NcpServerActions::stop);
        m.put(NcpTransitions.REBOOT, NcpServerActions::reboot);
        m.put(NcpTransitions.TERMINATE, NcpServerActions::terminate);
        m.put(NcpTransitions.CHANGE_SPEC, NcpServerActions::changeSpec);
        if (flavour == NcpFlavour.VPC) {
            // VPC-only actions: the Classic API has none of these (ncloud-sdk-go-v2 services/server)
            m.put("getServerInstanceDetail", NcpServerActions::detail);
            m.put("setProtectServerTermination", NcpServerActions::setProtect);
            m.put("changeServerInstanceName", NcpServerActions::changeName);
            m.put(NcpTransitions.INTERRUPT, NcpServerActions::interrupt);
            // login keys (ncp-network-api.md 5.1)
            m.put("createLoginKey", NcpLoginKeyActions::create);
            m.put("importLoginKey", NcpLoginKeyActions::importKey);
            m.put("getLoginKeyList", NcpLoginKeyActions::list);
            m.put("deleteLoginKeys", NcpLoginKeyActions::delete);
            // ACGs and their rules (5.2)
            m.put("createAccessControlGroup", NcpAcgActions::create);
            m.put("getAccessControlGroupList", NcpAcgActions::list);
            m.put("getAccessControlGroupDetail", NcpAcgActions::detail);
            m.put("deleteAccessControlGroup", NcpAcgActions::delete);
            m.put("getAccessControlGroupRuleList", NcpAcgActions::ruleList);
            m.put("addAccessControlGroupInboundRule", NcpAcgActions::addInbound);
            m.put("addAccessControlGroupOutboundRule", NcpAcgActions::addOutbound);
            m.put("removeAccessControlGroupInboundRule", NcpAcgActions::removeInbound);
            m.put("removeAccessControlGroupOutboundRule", NcpAcgActions::removeOutbound);
            // init scripts (5.6)
            m.put("createInitScript", NcpInitScriptActions::create);
            m.put("getInitScriptList", NcpInitScriptActions::list);
            m.put("getInitScriptDetail", NcpInitScriptActions::detail);
            m.put("deleteInitScripts", NcpInitScriptActions::delete);
            // network interfaces (5.3)
            m.put("getNetworkInterfaceList", NcpNetworkActions::networkInterfaceList);
            m.put("getNetworkInterfaceDetail", NcpNetworkActions::networkInterfaceDetail);
            // network interface changes (5.3.3, 5.3.5-5.3.7)
            m.put(NcpNetworkTransitions.CREATE_NIC, NcpNicActions::create);
            m.put(NcpNetworkTransitions.DELETE_NIC, NcpNicActions::delete);
            m.put(NcpNetworkTransitions.ATTACH_NIC, NcpNicActions::attach);
            m.put(NcpNetworkTransitions.DETACH_NIC, NcpNicActions::detach);
            m.put("addNetworkInterfaceAccessControlGroup", NcpNicActions::addAcgs);
            m.put("removeNetworkInterfaceAccessControlGroup", NcpNicActions::removeAcgs);
            // ---- public IPs (5.4) and block storage (5.5)
            m.put(NcpStorageTransitions.CREATE_IP, NcpPublicIpActions::create);
            m.put("getPublicIpInstanceList", NcpPublicIpActions::list);
            m.put("getPublicIpInstanceDetail", NcpPublicIpActions::detail);
            m.put(NcpStorageTransitions.ASSOCIATE_IP, NcpPublicIpActions::associate);
            m.put(NcpStorageTransitions.DISASSOCIATE_IP, NcpPublicIpActions::disassociate);
            m.put(NcpStorageTransitions.DELETE_IP, NcpPublicIpActions::delete);
            m.put(NcpStorageTransitions.CREATE_VOLUME, NcpBlockStorageActions::create);
            m.put("getBlockStorageInstanceList", NcpBlockStorageActions::list);
            m.put("getBlockStorageInstanceDetail", NcpBlockStorageActions::detail);
            m.put(NcpStorageTransitions.ATTACH, NcpBlockStorageActions::attach);
            m.put(NcpStorageTransitions.DETACH, NcpBlockStorageActions::detach);
            m.put(NcpStorageTransitions.RESIZE, NcpBlockStorageActions::resize);
            m.put("changeBlockStorageInstance", NcpBlockStorageActions::resize);
            m.put("setBlockStorageReturnProtection", NcpBlockStorageActions::setReturnProtection);
            m.put(NcpStorageTransitions.DELETE_VOLUME, NcpBlockStorageActions::delete);
            // ---- end of public IPs and block storage
            // the data sources of images, specs and the root password
            m.put("getServerImageList", NcpDataSourceActions::images);
            m.put("getServerSpecList", NcpDataSourceActions::specs);
            m.put("getRootPassword", NcpDataSourceActions::rootPassword);
        }
        return Map.copyOf(m);
    }

    /** The VPC API: VPCs, subnets, network ACLs, route tables. */
    static Map<String, NcpAction> vpcNetwork() {
        Map<String, NcpAction> m = new LinkedHashMap<>();
        m.put(NcpNetworkTransitions.CREATE_VPC, NcpVpcActions::createVpc);
        m.put("getVpcList", NcpVpcActions::vpcList);
        m.put("getVpcDetail", NcpVpcActions::vpcDetail);
        m.put(NcpNetworkTransitions.DELETE_VPC, NcpVpcActions::deleteVpc);
        m.put(NcpNetworkTransitions.CREATE_SUBNET, NcpVpcActions::createSubnet);
        m.put("getSubnetList", NcpVpcActions::subnetList);
        m.put("getSubnetDetail", NcpVpcActions::subnetDetail);
        m.put(NcpNetworkTransitions.DELETE_SUBNET, NcpVpcActions::deleteSubnet);
        m.put("getNetworkAclList", NcpVpcActions::networkAclList);
        m.put("getNetworkAclDetail", NcpVpcActions::networkAclDetail);
        // network ACL changes and rules (4.13, 4.14)
        m.put(NcpNetworkTransitions.CREATE_NETWORK_ACL, NcpNetworkAclActions::create);
        m.put(NcpNetworkTransitions.DELETE_NETWORK_ACL, NcpNetworkAclActions::delete);
        m.put("setSubnetNetworkAcl", NcpNetworkAclActions::setSubnet);
        m.put(NcpNetworkTransitions.DESCRIBE_NETWORK_ACL, NcpNetworkAclActions::setDescription);
        m.put("getNetworkAclRuleList", NcpNetworkAclActions::ruleList);
        m.put("addNetworkAclInboundRule", NcpNetworkAclActions::addInbound);
        m.put("addNetworkAclOutboundRule", NcpNetworkAclActions::addOutbound);
        m.put("removeNetworkAclInboundRule", NcpNetworkAclActions::removeInbound);
        m.put("removeNetworkAclOutboundRule", NcpNetworkAclActions::removeOutbound);
        m.put("getRouteTableList", NcpVpcActions::routeTableList);
        m.put("getRouteTableDetail", NcpVpcActions::routeTableDetail);
        return Map.copyOf(m);
    }
}
