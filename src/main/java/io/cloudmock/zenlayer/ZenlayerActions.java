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
            Map.entry("DescribeDisks", DiskQueries::describe));

    /** The VM service, and the sliver of zrm (tags) that the Terraform provider's VM resource calls. */
    static final ZenlayerService VM = new ZenlayerService("vm", ZenlayerVersions.ACTIONS, ACTIONS);
    static final Map<String, ZenlayerService> SERVICES = Map.of(VM.name(), VM, ZrmTags.SERVICE.name(), ZrmTags.SERVICE);

}
