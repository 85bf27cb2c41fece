package io.cloudmock.zenlayer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Zenlayer's one action table: the services cloudmock serves under {@code POST /api/v2/<service>} and, for each,
 * the implemented actions with their handlers. Actions that walk the transition table are named by
 * {@link ZenlayerTransitions}' constants. An action of the real API that is not here answers "not implemented"
 * naming it (docs/coverage.md lists both, kept in step by a unit test); one the version does not have answers
 * "does not exist".
 * <p>
 * An enum with one switch rather than a map of method references: each reference would be spun into a class of
 * its own at the first Zenlayer call, loading and verifying every handler's class; the switch loads a handler's
 * class when its action is first called.
 */
enum ZenlayerActions implements ZenlayerAction {
    // ---- the implemented actions; every other action of reference section 6 answers "not implemented"
    CREATE_INSTANCES(ZenlayerTransitions.CREATE),
    DESCRIBE_INSTANCES("DescribeInstances"),
    DESCRIBE_INSTANCES_STATUS("DescribeInstancesStatus"),
    START_INSTANCES(ZenlayerTransitions.START),
    STOP_INSTANCES(ZenlayerTransitions.STOP),
    REBOOT_INSTANCES(ZenlayerTransitions.REBOOT_ACTION),
    TERMINATE_INSTANCE(ZenlayerTransitions.TERMINATE),
    RELEASE_INSTANCES(ZenlayerTransitions.RELEASE),
    MODIFY_INSTANCES_ATTRIBUTE("ModifyInstancesAttribute"),
    MODIFY_INSTANCES_RESOURCE_GROUP("ModifyInstancesResourceGroup"),
    RESET_INSTANCES_PASSWORD(ZenlayerTransitions.RESET_PASSWORD),
    RESET_INSTANCE(ZenlayerTransitions.RESET),
    DESCRIBE_ZONES("DescribeZones"),
    DESCRIBE_IMAGES("DescribeImages"),
    DESCRIBE_ZONE_INSTANCE_CONFIG_INFOS("DescribeZoneInstanceConfigInfos"),
    DESCRIBE_INSTANCE_INTERNET_STATUS("DescribeInstanceInternetStatus"),
    MODIFY_INSTANCE_BANDWIDTH(ZenlayerTransitions.MODIFY_BANDWIDTH),
    MODIFY_INSTANCE_TRAFFIC_PACKAGE(ZenlayerTransitions.MODIFY_TRAFFIC_PACKAGE),
    DESCRIBE_DISKS("DescribeDisks"),
    DESCRIBE_DISK_CATEGORY("DescribeDiskCategory"),
    CREATE_DISKS(ZenlayerNetworkTransitions.CREATE_DISKS),
    ATTACH_DISKS(ZenlayerNetworkTransitions.ATTACH_DISKS),
    DETACH_DISKS(ZenlayerNetworkTransitions.DETACH_DISKS),
    CHANGE_DISKS_ATTACH(ZenlayerNetworkTransitions.CHANGE_DISKS_ATTACH),
    MODIFY_DISKS_ATTRIBUTES(ZenlayerNetworkTransitions.MODIFY_DISKS),
    MODIFY_DISKS_RESOURCE_GROUP("ModifyDisksResourceGroup"),
    RESIZE_DISK(ZenlayerNetworkTransitions.RESIZE_DISK),
    TERMINATE_DISK(ZenlayerNetworkTransitions.TERMINATE_DISK),
    RELEASE_DISK(ZenlayerNetworkTransitions.RELEASE_DISK),
    CREATE_SUBNET(ZenlayerNetworkTransitions.CREATE_SUBNET),
    DESCRIBE_SUBNETS("DescribeSubnets"),
    MODIFY_SUBNETS_ATTRIBUTE(ZenlayerNetworkTransitions.MODIFY_SUBNETS),
    DELETE_SUBNET(ZenlayerNetworkTransitions.DELETE_SUBNET),
    CREATE_SECURITY_GROUP(ZenlayerNetworkTransitions.CREATE_SECURITY_GROUP),
    DESCRIBE_SECURITY_GROUPS("DescribeSecurityGroups"),
    MODIFY_SECURITY_GROUPS_ATTRIBUTE(ZenlayerNetworkTransitions.EDIT_SECURITY_GROUP),
    DELETE_SECURITY_GROUP("DeleteSecurityGroup"),
    AUTHORIZE_SECURITY_GROUP_RULE("AuthorizeSecurityGroupRule"),
    AUTHORIZE_SECURITY_GROUP_RULES("AuthorizeSecurityGroupRules"),
    CONFIGURE_SECURITY_GROUP_RULES("ConfigureSecurityGroupRules"),
    REVOKE_SECURITY_GROUP_RULES("RevokeSecurityGroupRules"),
    ASSOCIATE_SECURITY_GROUP_INSTANCE("AssociateSecurityGroupInstance"),
    UN_ASSOCIATE_SECURITY_GROUP_INSTANCE("UnAssociateSecurityGroupInstance"),
    DESCRIBE_INSTANCE_AVAILABLE_SECURITY_GROUP_RESOURCES("DescribeInstanceAvailableSecurityGroupResources"),
    // VM 2023-03-13 only (the version check answers "does not exist" to 2026 callers)
    IMPORT_KEY_PAIR(ZenlayerNetworkTransitions.IMPORT_KEY_PAIR),
    DESCRIBE_KEY_PAIRS("DescribeKeyPairs"),
    MODIFY_KEY_PAIR_ATTRIBUTE("ModifyKeyPairAttribute"),
    DELETE_KEY_PAIRS("DeleteKeyPairs");

    /** The action's name on the wire ({@code X-ZC-Action}). */
    final String action;

    ZenlayerActions(String action) { this.action = action; }

    @Override
    public void handle(ZenlayerCall call, ObjectNode response) {
        switch (this) {
            case CREATE_INSTANCES -> InstanceCreation.create(call, response);
            case DESCRIBE_INSTANCES -> InstanceQueries.describe(call, response);
            case DESCRIBE_INSTANCES_STATUS -> InstanceQueries.describeStatus(call, response);
            case START_INSTANCES -> InstanceOperations.start(call, response);
            case STOP_INSTANCES -> InstanceOperations.stop(call, response);
            case REBOOT_INSTANCES -> InstanceOperations.reboot(call, response);
            case TERMINATE_INSTANCE -> InstanceOperations.terminate(call, response);
            case RELEASE_INSTANCES -> InstanceOperations.release(call, response);
            case MODIFY_INSTANCES_ATTRIBUTE -> InstanceOperations.modifyAttribute(call, response);
            case MODIFY_INSTANCES_RESOURCE_GROUP -> InstanceOperations.modifyResourceGroup(call, response);
            case RESET_INSTANCES_PASSWORD -> InstanceOperations.resetPassword(call, response);
            case RESET_INSTANCE -> InstanceOperations.reset(call, response);
            case DESCRIBE_ZONES -> CatalogQueries.zones(call, response);
            case DESCRIBE_IMAGES -> CatalogQueries.images(call, response);
            case DESCRIBE_ZONE_INSTANCE_CONFIG_INFOS -> CatalogQueries.instanceConfigs(call, response);
            case DESCRIBE_INSTANCE_INTERNET_STATUS -> InternetOperations.describeStatus(call, response);
            case MODIFY_INSTANCE_BANDWIDTH -> InternetOperations.modifyBandwidth(call, response);
            case MODIFY_INSTANCE_TRAFFIC_PACKAGE -> InternetOperations.modifyTrafficPackage(call, response);
            case DESCRIBE_DISKS -> DiskQueries.describe(call, response);
            case DESCRIBE_DISK_CATEGORY -> DiskActions.category(call, response);
            case CREATE_DISKS -> DiskActions.create(call, response);
            case ATTACH_DISKS -> DiskActions.attach(call, response);
            case DETACH_DISKS -> DiskActions.detach(call, response);
            case CHANGE_DISKS_ATTACH -> DiskActions.changeAttach(call, response);
            case MODIFY_DISKS_ATTRIBUTES -> DiskActions.modify(call, response);
            case MODIFY_DISKS_RESOURCE_GROUP -> DiskActions.modifyResourceGroup(call, response);
            case RESIZE_DISK -> DiskActions.resize(call, response);
            case TERMINATE_DISK -> DiskActions.terminate(call, response);
            case RELEASE_DISK -> DiskActions.release(call, response);
            case CREATE_SUBNET -> SubnetActions.create(call, response);
            case DESCRIBE_SUBNETS -> SubnetActions.describe(call, response);
            case MODIFY_SUBNETS_ATTRIBUTE -> SubnetActions.modify(call, response);
            case DELETE_SUBNET -> SubnetActions.delete(call, response);
            case CREATE_SECURITY_GROUP -> SecurityGroupActions.create(call, response);
            case DESCRIBE_SECURITY_GROUPS -> SecurityGroupActions.describe(call, response);
            case MODIFY_SECURITY_GROUPS_ATTRIBUTE -> SecurityGroupActions.modify(call, response);
            case DELETE_SECURITY_GROUP -> SecurityGroupActions.delete(call, response);
            case AUTHORIZE_SECURITY_GROUP_RULE -> SecurityGroupActions.authorizeOne(call, response);
            case AUTHORIZE_SECURITY_GROUP_RULES -> SecurityGroupActions.authorize(call, response);
            case CONFIGURE_SECURITY_GROUP_RULES -> SecurityGroupActions.configure(call, response);
            case REVOKE_SECURITY_GROUP_RULES -> SecurityGroupActions.revoke(call, response);
            case ASSOCIATE_SECURITY_GROUP_INSTANCE -> SecurityGroupActions.associate(call, response);
            case UN_ASSOCIATE_SECURITY_GROUP_INSTANCE -> SecurityGroupActions.unassociate(call, response);
            case DESCRIBE_INSTANCE_AVAILABLE_SECURITY_GROUP_RESOURCES -> SecurityGroupActions.available(call, response);
            case IMPORT_KEY_PAIR -> KeyPairActions.importKey(call, response);
            case DESCRIBE_KEY_PAIRS -> KeyPairActions.describe(call, response);
            case MODIFY_KEY_PAIR_ATTRIBUTE -> KeyPairActions.modify(call, response);
            case DELETE_KEY_PAIRS -> KeyPairActions.delete(call, response);
        }
    }

    /** The implemented actions by name. */
    static final Map<String, ZenlayerAction> ACTIONS = byName(values());

    /** CCS, the key pairs of every service: {@code POST /api/v2/ccs}, {@code X-ZC-Version: 2025-09-01}. */
    static final String CCS_VERSION = "2025-09-01";
    static final Map<String, ZenlayerAction> CCS_ACTIONS =
            byName(IMPORT_KEY_PAIR, DESCRIBE_KEY_PAIRS, MODIFY_KEY_PAIR_ATTRIBUTE, DELETE_KEY_PAIRS);

    /** The VM service, CCS's key pairs, and the sliver of zrm (tags) that the Terraform provider's VM resource calls. */
    static final ZenlayerService VM = new ZenlayerService("vm", ZenlayerVersions.ACTIONS, withDefaults(ACTIONS));
    static final ZenlayerService CCS = new ZenlayerService("ccs", Map.of(CCS_VERSION, CCS_ACTIONS.keySet()), CCS_ACTIONS);
    static final Map<String, ZenlayerService> SERVICES = Map.of(VM.name(), VM, CCS.name(), CCS, ZrmTags.SERVICE.name(), ZrmTags.SERVICE);

    /**
     * Every VM call first makes the account's default subnets and security group if it has none yet, so they
     * are there from the first call on, as on the real service (they cannot be deleted, only reset away).
     */
    private static Map<String, ZenlayerAction> withDefaults(Map<String, ZenlayerAction> actions) {
        Map<String, ZenlayerAction> out = new java.util.HashMap<>();
        actions.forEach((name, handler) -> out.put(name, (call, response) -> {
            call.account().atomically(tx -> {
                ZenlayerNetwork.ensureDefaults(tx, call.now());
                return null;
            });
            handler.handle(call, response);
        }));
        return Map.copyOf(out);
    }

    private static Map<String, ZenlayerAction> byName(ZenlayerActions... actions) {
        Map<String, ZenlayerAction> out = new java.util.HashMap<>();
        for (ZenlayerActions a : actions) out.put(a.action, a);
        return Map.copyOf(out);
    }
}
