package io.cloudmock.zenlayer;

import java.util.Map;

/**
 * Zenlayer's one action table: the services cloudmock serves under {@code POST /api/v2/<service>} and, for each,
 * the implemented actions with their handlers. Actions that walk the transition table are named by
 * {@link ZenlayerTransitions}' constants. An action of the real API that is not here answers "not implemented"
 * naming it (docs/coverage.md lists both, kept in step by a unit test); one the version does not have answers
 * "does not exist".
 */
final class ZenlayerActions {
    private ZenlayerActions() {}

    /** The implemented actions; every other action of reference section 6 answers "not implemented". */
    static final Map<String, ZenlayerAction> ACTIONS = Map.ofEntries(
            Map.entry(ZenlayerTransitions.CREATE, InstanceCreation::create),
            Map.entry("DescribeInstances", InstanceQueries::describe),
            Map.entry("DescribeInstancesStatus", InstanceQueries::describeStatus),
            Map.entry(ZenlayerTransitions.START, InstanceOperations::start),
            Map.entry(ZenlayerTransitions.STOP, InstanceOperations::stop),
            Map.entry(ZenlayerTransitions.REBOOT_ACTION, InstanceOperations::reboot),
            Map.entry(ZenlayerTransitions.TERMINATE, InstanceOperations::terminate),
            Map.entry(ZenlayerTransitions.RELEASE, InstanceOperations::release),
            Map.entry("ModifyInstancesAttribute", InstanceOperations::modifyAttribute),
            Map.entry("ModifyInstancesResourceGroup", InstanceOperations::modifyResourceGroup),
            Map.entry(ZenlayerTransitions.RESET_PASSWORD, InstanceOperations::resetPassword),
            Map.entry(ZenlayerTransitions.RESET, InstanceOperations::reset),
            Map.entry("DescribeZones", CatalogQueries::zones),
            Map.entry("DescribeImages", CatalogQueries::images),
            Map.entry("DescribeZoneInstanceConfigInfos", CatalogQueries::instanceConfigs),
            Map.entry("DescribeInstanceInternetStatus", InternetOperations::describeStatus),
            Map.entry(ZenlayerTransitions.MODIFY_BANDWIDTH, InternetOperations::modifyBandwidth),
            Map.entry(ZenlayerTransitions.MODIFY_TRAFFIC_PACKAGE, InternetOperations::modifyTrafficPackage),
            Map.entry("DescribeDisks", DiskQueries::describe),
            Map.entry("DescribeDiskCategory", DiskActions::category),
            Map.entry(ZenlayerNetworkTransitions.CREATE_DISKS, DiskActions::create),
            Map.entry(ZenlayerNetworkTransitions.ATTACH_DISKS, DiskActions::attach),
            Map.entry(ZenlayerNetworkTransitions.DETACH_DISKS, DiskActions::detach),
            Map.entry(ZenlayerNetworkTransitions.CHANGE_DISKS_ATTACH, DiskActions::changeAttach),
            Map.entry(ZenlayerNetworkTransitions.MODIFY_DISKS, DiskActions::modify),
            Map.entry("ModifyDisksResourceGroup", DiskActions::modifyResourceGroup),
            Map.entry(ZenlayerNetworkTransitions.RESIZE_DISK, DiskActions::resize),
            Map.entry(ZenlayerNetworkTransitions.TERMINATE_DISK, DiskActions::terminate),
            Map.entry(ZenlayerNetworkTransitions.RELEASE_DISK, DiskActions::release),
            Map.entry(ZenlayerNetworkTransitions.CREATE_SUBNET, SubnetActions::create),
            Map.entry("DescribeSubnets", SubnetActions::describe),
            Map.entry(ZenlayerNetworkTransitions.MODIFY_SUBNETS, SubnetActions::modify),
            Map.entry(ZenlayerNetworkTransitions.DELETE_SUBNET, SubnetActions::delete),
            Map.entry(ZenlayerNetworkTransitions.CREATE_SECURITY_GROUP, SecurityGroupActions::create),
            Map.entry("DescribeSecurityGroups", SecurityGroupActions::describe),
            Map.entry(ZenlayerNetworkTransitions.EDIT_SECURITY_GROUP, SecurityGroupActions::modify),
            Map.entry("DeleteSecurityGroup", SecurityGroupActions::delete),
            Map.entry("AuthorizeSecurityGroupRule", SecurityGroupActions::authorizeOne),
            Map.entry("AuthorizeSecurityGroupRules", SecurityGroupActions::authorize),
            Map.entry("ConfigureSecurityGroupRules", SecurityGroupActions::configure),
            Map.entry("RevokeSecurityGroupRules", SecurityGroupActions::revoke),
            Map.entry("AssociateSecurityGroupInstance", SecurityGroupActions::associate),
            Map.entry("UnAssociateSecurityGroupInstance", SecurityGroupActions::unassociate),
            Map.entry("DescribeInstanceAvailableSecurityGroupResources", SecurityGroupActions::available),
            // VM 2023-03-13 only (the version check answers "does not exist" to 2026 callers)
            Map.entry(ZenlayerNetworkTransitions.IMPORT_KEY_PAIR, KeyPairActions::importKey),
            Map.entry("DescribeKeyPairs", KeyPairActions::describe),
            Map.entry("ModifyKeyPairAttribute", KeyPairActions::modify),
            Map.entry("DeleteKeyPairs", KeyPairActions::delete));

    /** CCS, the key pairs of every service: {@code POST /api/v2/ccs}, {@code X-ZC-Version: 2025-09-01}. */
    static final String CCS_VERSION = "2025-09-01";
    static final Map<String, ZenlayerAction> CCS_ACTIONS = Map.of(
            ZenlayerNetworkTransitions.IMPORT_KEY_PAIR, KeyPairActions::importKey,
            "DescribeKeyPairs", KeyPairActions::describe,
            "ModifyKeyPairAttribute", KeyPairActions::modify,
            "DeleteKeyPairs", KeyPairActions::delete);

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

}
