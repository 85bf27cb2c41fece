package io.cloudmock.ncp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * NCP's one action table: every action cloudmock serves, by API, with its handler. The server actions that walk
 * the transition table are named by {@link NcpTransitions}' constants. An action not here answers the gateway's
 * 404 naming it; docs/coverage.md lists these and the ones that are not served (a unit test keeps the two in step).
 * <p>
 * An enum with one switch rather than a map of method references: each reference would be spun into a class of
 * its own while the server starts (about 80 of them), loading and verifying its handler's class right then; the
 * switch loads a handler's class when its action is first called.
 */
enum NcpActions implements NcpAction {
    // ---- the Server API of both flavours
    GET_REGION_LIST("getRegionList", Api.BOTH),
    GET_ZONE_LIST("getZoneList", Api.BOTH),
    GET_SERVER_IMAGE_PRODUCT_LIST("getServerImageProductList", Api.BOTH),
    GET_SERVER_PRODUCT_LIST("getServerProductList", Api.BOTH),
    CREATE_SERVER_INSTANCES(NcpTransitions.CREATE, Api.BOTH),
    GET_SERVER_INSTANCE_LIST("getServerInstanceList", Api.BOTH),
    START_SERVER_INSTANCES(NcpTransitions.START_ACTION, Api.BOTH),
    STOP_SERVER_INSTANCES(NcpTransitions.STOP, Api.BOTH),
    REBOOT_SERVER_INSTANCES(NcpTransitions.REBOOT, Api.BOTH),
    TERMINATE_SERVER_INSTANCES(NcpTransitions.TERMINATE, Api.BOTH),
    CHANGE_SERVER_INSTANCE_SPEC(NcpTransitions.CHANGE_SPEC, Api.BOTH),
    // ---- the VPC flavour's Server API only
    GET_SERVER_INSTANCE_DETAIL("getServerInstanceDetail", Api.VPC),
    SET_PROTECT_SERVER_TERMINATION("setProtectServerTermination", Api.VPC),
    CHANGE_SERVER_INSTANCE_NAME("changeServerInstanceName", Api.VPC),
    INTERRUPT_SERVER_INSTANCE(NcpTransitions.INTERRUPT, Api.VPC),
    // login keys (ncp-network-api.md 5.1)
    CREATE_LOGIN_KEY("createLoginKey", Api.VPC),
    IMPORT_LOGIN_KEY("importLoginKey", Api.VPC),
    GET_LOGIN_KEY_LIST("getLoginKeyList", Api.VPC),
    DELETE_LOGIN_KEYS("deleteLoginKeys", Api.VPC),
    // ACGs and their rules (5.2)
    CREATE_ACCESS_CONTROL_GROUP("createAccessControlGroup", Api.VPC),
    GET_ACCESS_CONTROL_GROUP_LIST("getAccessControlGroupList", Api.VPC),
    GET_ACCESS_CONTROL_GROUP_DETAIL("getAccessControlGroupDetail", Api.VPC),
    DELETE_ACCESS_CONTROL_GROUP("deleteAccessControlGroup", Api.VPC),
    GET_ACCESS_CONTROL_GROUP_RULE_LIST("getAccessControlGroupRuleList", Api.VPC),
    ADD_ACCESS_CONTROL_GROUP_INBOUND_RULE("addAccessControlGroupInboundRule", Api.VPC),
    ADD_ACCESS_CONTROL_GROUP_OUTBOUND_RULE("addAccessControlGroupOutboundRule", Api.VPC),
    REMOVE_ACCESS_CONTROL_GROUP_INBOUND_RULE("removeAccessControlGroupInboundRule", Api.VPC),
    REMOVE_ACCESS_CONTROL_GROUP_OUTBOUND_RULE("removeAccessControlGroupOutboundRule", Api.VPC),
    // init scripts (5.6)
    CREATE_INIT_SCRIPT("createInitScript", Api.VPC),
    GET_INIT_SCRIPT_LIST("getInitScriptList", Api.VPC),
    GET_INIT_SCRIPT_DETAIL("getInitScriptDetail", Api.VPC),
    DELETE_INIT_SCRIPTS("deleteInitScripts", Api.VPC),
    // network interfaces (5.3)
    GET_NETWORK_INTERFACE_LIST("getNetworkInterfaceList", Api.VPC),
    GET_NETWORK_INTERFACE_DETAIL("getNetworkInterfaceDetail", Api.VPC),
    // network interface changes (5.3.3, 5.3.5-5.3.7)
    CREATE_NETWORK_INTERFACE(NcpNetworkTransitions.CREATE_NIC, Api.VPC),
    DELETE_NETWORK_INTERFACE(NcpNetworkTransitions.DELETE_NIC, Api.VPC),
    ATTACH_NETWORK_INTERFACE(NcpNetworkTransitions.ATTACH_NIC, Api.VPC),
    DETACH_NETWORK_INTERFACE(NcpNetworkTransitions.DETACH_NIC, Api.VPC),
    ADD_NETWORK_INTERFACE_ACCESS_CONTROL_GROUP("addNetworkInterfaceAccessControlGroup", Api.VPC),
    REMOVE_NETWORK_INTERFACE_ACCESS_CONTROL_GROUP("removeNetworkInterfaceAccessControlGroup", Api.VPC),
    // ---- public IPs (5.4) and block storage (5.5)
    CREATE_PUBLIC_IP_INSTANCE(NcpStorageTransitions.CREATE_IP, Api.VPC),
    GET_PUBLIC_IP_INSTANCE_LIST("getPublicIpInstanceList", Api.VPC),
    GET_PUBLIC_IP_INSTANCE_DETAIL("getPublicIpInstanceDetail", Api.VPC),
    ASSOCIATE_PUBLIC_IP_WITH_SERVER_INSTANCE(NcpStorageTransitions.ASSOCIATE_IP, Api.VPC),
    DISASSOCIATE_PUBLIC_IP_FROM_SERVER_INSTANCE(NcpStorageTransitions.DISASSOCIATE_IP, Api.VPC),
    DELETE_PUBLIC_IP_INSTANCE(NcpStorageTransitions.DELETE_IP, Api.VPC),
    CREATE_BLOCK_STORAGE_INSTANCE(NcpStorageTransitions.CREATE_VOLUME, Api.VPC),
    GET_BLOCK_STORAGE_INSTANCE_LIST("getBlockStorageInstanceList", Api.VPC),
    GET_BLOCK_STORAGE_INSTANCE_DETAIL("getBlockStorageInstanceDetail", Api.VPC),
    ATTACH_BLOCK_STORAGE_INSTANCE(NcpStorageTransitions.ATTACH, Api.VPC),
    DETACH_BLOCK_STORAGE_INSTANCES(NcpStorageTransitions.DETACH, Api.VPC),
    CHANGE_BLOCK_STORAGE_VOLUME_SIZE(NcpStorageTransitions.RESIZE, Api.VPC),
    CHANGE_BLOCK_STORAGE_INSTANCE("changeBlockStorageInstance", Api.VPC),
    SET_BLOCK_STORAGE_RETURN_PROTECTION("setBlockStorageReturnProtection", Api.VPC),
    DELETE_BLOCK_STORAGE_INSTANCES(NcpStorageTransitions.DELETE_VOLUME, Api.VPC),
    // the data sources of images, specs and the root password
    GET_SERVER_IMAGE_LIST("getServerImageList", Api.VPC),
    GET_SERVER_SPEC_LIST("getServerSpecList", Api.VPC),
    GET_ROOT_PASSWORD("getRootPassword", Api.VPC),
    // ---- the VPC API: VPCs, subnets, network ACLs, route tables
    CREATE_VPC(NcpNetworkTransitions.CREATE_VPC, Api.NETWORK),
    GET_VPC_LIST("getVpcList", Api.NETWORK),
    GET_VPC_DETAIL("getVpcDetail", Api.NETWORK),
    DELETE_VPC(NcpNetworkTransitions.DELETE_VPC, Api.NETWORK),
    CREATE_SUBNET(NcpNetworkTransitions.CREATE_SUBNET, Api.NETWORK),
    GET_SUBNET_LIST("getSubnetList", Api.NETWORK),
    GET_SUBNET_DETAIL("getSubnetDetail", Api.NETWORK),
    DELETE_SUBNET(NcpNetworkTransitions.DELETE_SUBNET, Api.NETWORK),
    GET_NETWORK_ACL_LIST("getNetworkAclList", Api.NETWORK),
    GET_NETWORK_ACL_DETAIL("getNetworkAclDetail", Api.NETWORK),
    // network ACL changes and rules (4.13, 4.14)
    CREATE_NETWORK_ACL(NcpNetworkTransitions.CREATE_NETWORK_ACL, Api.NETWORK),
    DELETE_NETWORK_ACL(NcpNetworkTransitions.DELETE_NETWORK_ACL, Api.NETWORK),
    SET_SUBNET_NETWORK_ACL("setSubnetNetworkAcl", Api.NETWORK),
    SET_NETWORK_ACL_DESCRIPTION(NcpNetworkTransitions.DESCRIBE_NETWORK_ACL, Api.NETWORK),
    GET_NETWORK_ACL_RULE_LIST("getNetworkAclRuleList", Api.NETWORK),
    ADD_NETWORK_ACL_INBOUND_RULE("addNetworkAclInboundRule", Api.NETWORK),
    ADD_NETWORK_ACL_OUTBOUND_RULE("addNetworkAclOutboundRule", Api.NETWORK),
    REMOVE_NETWORK_ACL_INBOUND_RULE("removeNetworkAclInboundRule", Api.NETWORK),
    REMOVE_NETWORK_ACL_OUTBOUND_RULE("removeNetworkAclOutboundRule", Api.NETWORK),
    GET_ROUTE_TABLE_LIST("getRouteTableList", Api.NETWORK),
    GET_ROUTE_TABLE_DETAIL("getRouteTableDetail", Api.NETWORK);

    /** The VPC network API ({@code NCLOUD_API_GW + /vpc/v2}, the Go SDK's {@code services/vpc}). */
    static final String VPC_NETWORK_PREFIX = "/vpc/v2";

    /** Where an action is served. */
    enum Api {
        /** the Server API of both flavours: {@code /vserver/v2} (VPC) and {@code /server/v2} (Classic) */
        BOTH,
        /** the VPC flavour's Server API only: the Classic API has none of these (ncloud-sdk-go-v2 services/server) */
        VPC,
        /** the VPC API, {@link #VPC_NETWORK_PREFIX} */
        NETWORK
    }

    /** The action's name on the wire. */
    final String action;
    final Api api;

    NcpActions(String action, Api api) {
        this.action = action;
        this.api = api;
    }

    @Override
    public Map<String, Object> handle(NcpCall request) {
        return switch (this) {
            case GET_REGION_LIST -> NcpCatalogActions.regions(request);
            case GET_ZONE_LIST -> NcpCatalogActions.zones(request);
            case GET_SERVER_IMAGE_PRODUCT_LIST -> NcpCatalogActions.images(request);
            case GET_SERVER_PRODUCT_LIST -> NcpCatalogActions.products(request);
            case CREATE_SERVER_INSTANCES -> NcpCreate.handle(request);
            case GET_SERVER_INSTANCE_LIST -> NcpServerActions.list(request);
            case START_SERVER_INSTANCES -> NcpServerActions.start(request);
            case STOP_SERVER_INSTANCES -> NcpServerActions.stop(request);
            case REBOOT_SERVER_INSTANCES -> NcpServerActions.reboot(request);
            case TERMINATE_SERVER_INSTANCES -> NcpServerActions.terminate(request);
            case CHANGE_SERVER_INSTANCE_SPEC -> NcpServerActions.changeSpec(request);
            case GET_SERVER_INSTANCE_DETAIL -> NcpServerActions.detail(request);
            case SET_PROTECT_SERVER_TERMINATION -> NcpServerActions.setProtect(request);
            case CHANGE_SERVER_INSTANCE_NAME -> NcpServerActions.changeName(request);
            case INTERRUPT_SERVER_INSTANCE -> NcpServerActions.interrupt(request);
            case CREATE_LOGIN_KEY -> NcpLoginKeyActions.create(request);
            case IMPORT_LOGIN_KEY -> NcpLoginKeyActions.importKey(request);
            case GET_LOGIN_KEY_LIST -> NcpLoginKeyActions.list(request);
            case DELETE_LOGIN_KEYS -> NcpLoginKeyActions.delete(request);
            case CREATE_ACCESS_CONTROL_GROUP -> NcpAcgActions.create(request);
            case GET_ACCESS_CONTROL_GROUP_LIST -> NcpAcgActions.list(request);
            case GET_ACCESS_CONTROL_GROUP_DETAIL -> NcpAcgActions.detail(request);
            case DELETE_ACCESS_CONTROL_GROUP -> NcpAcgActions.delete(request);
            case GET_ACCESS_CONTROL_GROUP_RULE_LIST -> NcpAcgActions.ruleList(request);
            case ADD_ACCESS_CONTROL_GROUP_INBOUND_RULE -> NcpAcgActions.addInbound(request);
            case ADD_ACCESS_CONTROL_GROUP_OUTBOUND_RULE -> NcpAcgActions.addOutbound(request);
            case REMOVE_ACCESS_CONTROL_GROUP_INBOUND_RULE -> NcpAcgActions.removeInbound(request);
            case REMOVE_ACCESS_CONTROL_GROUP_OUTBOUND_RULE -> NcpAcgActions.removeOutbound(request);
            case CREATE_INIT_SCRIPT -> NcpInitScriptActions.create(request);
            case GET_INIT_SCRIPT_LIST -> NcpInitScriptActions.list(request);
            case GET_INIT_SCRIPT_DETAIL -> NcpInitScriptActions.detail(request);
            case DELETE_INIT_SCRIPTS -> NcpInitScriptActions.delete(request);
            case GET_NETWORK_INTERFACE_LIST -> NcpNetworkActions.networkInterfaceList(request);
            case GET_NETWORK_INTERFACE_DETAIL -> NcpNetworkActions.networkInterfaceDetail(request);
            case CREATE_NETWORK_INTERFACE -> NcpNicActions.create(request);
            case DELETE_NETWORK_INTERFACE -> NcpNicActions.delete(request);
            case ATTACH_NETWORK_INTERFACE -> NcpNicActions.attach(request);
            case DETACH_NETWORK_INTERFACE -> NcpNicActions.detach(request);
            case ADD_NETWORK_INTERFACE_ACCESS_CONTROL_GROUP -> NcpNicActions.addAcgs(request);
            case REMOVE_NETWORK_INTERFACE_ACCESS_CONTROL_GROUP -> NcpNicActions.removeAcgs(request);
            case CREATE_PUBLIC_IP_INSTANCE -> NcpPublicIpActions.create(request);
            case GET_PUBLIC_IP_INSTANCE_LIST -> NcpPublicIpActions.list(request);
            case GET_PUBLIC_IP_INSTANCE_DETAIL -> NcpPublicIpActions.detail(request);
            case ASSOCIATE_PUBLIC_IP_WITH_SERVER_INSTANCE -> NcpPublicIpActions.associate(request);
            case DISASSOCIATE_PUBLIC_IP_FROM_SERVER_INSTANCE -> NcpPublicIpActions.disassociate(request);
            case DELETE_PUBLIC_IP_INSTANCE -> NcpPublicIpActions.delete(request);
            case CREATE_BLOCK_STORAGE_INSTANCE -> NcpBlockStorageActions.create(request);
            case GET_BLOCK_STORAGE_INSTANCE_LIST -> NcpBlockStorageActions.list(request);
            case GET_BLOCK_STORAGE_INSTANCE_DETAIL -> NcpBlockStorageActions.detail(request);
            case ATTACH_BLOCK_STORAGE_INSTANCE -> NcpBlockStorageActions.attach(request);
            case DETACH_BLOCK_STORAGE_INSTANCES -> NcpBlockStorageActions.detach(request);
            case CHANGE_BLOCK_STORAGE_VOLUME_SIZE -> NcpBlockStorageActions.resize(request);
            case CHANGE_BLOCK_STORAGE_INSTANCE -> NcpBlockStorageActions.resize(request);
            case SET_BLOCK_STORAGE_RETURN_PROTECTION -> NcpBlockStorageActions.setReturnProtection(request);
            case DELETE_BLOCK_STORAGE_INSTANCES -> NcpBlockStorageActions.delete(request);
            case GET_SERVER_IMAGE_LIST -> NcpDataSourceActions.images(request);
            case GET_SERVER_SPEC_LIST -> NcpDataSourceActions.specs(request);
            case GET_ROOT_PASSWORD -> NcpDataSourceActions.rootPassword(request);
            case CREATE_VPC -> NcpVpcActions.createVpc(request);
            case GET_VPC_LIST -> NcpVpcActions.vpcList(request);
            case GET_VPC_DETAIL -> NcpVpcActions.vpcDetail(request);
            case DELETE_VPC -> NcpVpcActions.deleteVpc(request);
            case CREATE_SUBNET -> NcpVpcActions.createSubnet(request);
            case GET_SUBNET_LIST -> NcpVpcActions.subnetList(request);
            case GET_SUBNET_DETAIL -> NcpVpcActions.subnetDetail(request);
            case DELETE_SUBNET -> NcpVpcActions.deleteSubnet(request);
            case GET_NETWORK_ACL_LIST -> NcpVpcActions.networkAclList(request);
            case GET_NETWORK_ACL_DETAIL -> NcpVpcActions.networkAclDetail(request);
            case CREATE_NETWORK_ACL -> NcpNetworkAclActions.create(request);
            case DELETE_NETWORK_ACL -> NcpNetworkAclActions.delete(request);
            case SET_SUBNET_NETWORK_ACL -> NcpNetworkAclActions.setSubnet(request);
            case SET_NETWORK_ACL_DESCRIPTION -> NcpNetworkAclActions.setDescription(request);
            case GET_NETWORK_ACL_RULE_LIST -> NcpNetworkAclActions.ruleList(request);
            case ADD_NETWORK_ACL_INBOUND_RULE -> NcpNetworkAclActions.addInbound(request);
            case ADD_NETWORK_ACL_OUTBOUND_RULE -> NcpNetworkAclActions.addOutbound(request);
            case REMOVE_NETWORK_ACL_INBOUND_RULE -> NcpNetworkAclActions.removeInbound(request);
            case REMOVE_NETWORK_ACL_OUTBOUND_RULE -> NcpNetworkAclActions.removeOutbound(request);
            case GET_ROUTE_TABLE_LIST -> NcpVpcActions.routeTableList(request);
            case GET_ROUTE_TABLE_DETAIL -> NcpVpcActions.routeTableDetail(request);
        };
    }

    /** The Server API of one flavour: {@code /vserver/v2} (VPC) or {@code /server/v2} (Classic). */
    static Map<String, NcpAction> server(NcpFlavour flavour) {
        return served(a -> a.api == Api.BOTH || a.api == Api.VPC && flavour == NcpFlavour.VPC);
    }

    /** The VPC API: VPCs, subnets, network ACLs, route tables. */
    static Map<String, NcpAction> vpcNetwork() {
        return served(a -> a.api == Api.NETWORK);
    }

    private static Map<String, NcpAction> served(Predicate<NcpActions> where) {
        Map<String, NcpAction> m = new LinkedHashMap<>();
        for (NcpActions a : values()) if (where.test(a)) m.put(a.action, a);
        return Map.copyOf(m);
    }
}
