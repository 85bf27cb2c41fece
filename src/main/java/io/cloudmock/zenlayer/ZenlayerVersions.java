package io.cloudmock.zenlayer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The VM API versions and the actions each one has (reference sections 1 and 6). An action of the version
 * that cloudmock does not implement answers AUTHFAILURE_UNAUTHORIZED_OPERATION naming it; docs/coverage.md
 * lists the same sets.
 */
public final class ZenlayerVersions {
    public static final String V2023 = "2023-03-13";
    public static final String V2026 = "2026-04-01";

    /** The 62 actions of vm 2026-04-01 (Go and Java SDK {@code vm20260401}). */
    public static final List<String> ACTIONS_2026 = List.of(
            // zones, pricing, capacity
            "DescribeZones", "InquiryPriceCreateInstance", "DescribeZoneInstanceConfigInfos", "DescribeVmInventoryCapacity",
            // instance lifecycle
            "CreateInstances", "ResetInstancesPassword", "ResetInstance", "ModifyInstancesResourceGroup",
            "DescribeInstances", "DescribeInstancesStatus", "StartInstances", "DescribeVncUrl",
            "ModifyInstancesAttribute", "StopInstances", "RebootInstances", "ModifyInstanceType",
            "DescribeInstanceTypeStatus", "TerminateInstance", "ReleaseInstances", "CancelInstanceDowngrade",
            // network billing
            "InquiryPriceInstanceTrafficPackage", "ModifyInstanceTrafficPackage", "CancelInstanceTrafficPackageDowngrade",
            "ModifyInstanceBandwidth", "CancelInstanceBandwidthDowngrade", "DescribeInstanceInternetStatus",
            "InquiryPriceInstanceBandwidth",
            // monitoring
            "DescribeInstanceTraffic", "DescribeInstanceCpuMonitor",
            // disks
            "DescribeDiskCategory", "InquiryPriceCreateDisks", "DescribeDisks", "CreateDisks", "ModifyDisksAttributes",
            "AttachDisks", "DetachDisks", "ChangeDisksAttach", "TerminateDisk", "ModifyDisksResourceGroup", "ResizeDisk",
            "ReleaseDisk", "RenewDisk",
            // images
            "DescribeImageQuota", "DescribeImages", "CreateImage", "ModifyImagesAttributes", "DeleteImages",
            // subnets
            "DescribeSubnets", "CreateSubnet", "ModifySubnetsAttribute", "DeleteSubnet",
            // security groups
            "DescribeSecurityGroups", "CreateSecurityGroup", "ModifySecurityGroupsAttribute", "DeleteSecurityGroup",
            "ConfigureSecurityGroupRules", "RevokeSecurityGroupRules", "AssociateSecurityGroupInstance",
            "UnAssociateSecurityGroupInstance", "DescribeInstanceAvailableSecurityGroupResources",
            "AuthorizeSecurityGroupRules", "AuthorizeSecurityGroupRule");

    /** vm 2023-03-13 lacks these two of 2026-04-01 ... */
    public static final Set<String> ONLY_2026 = Set.of("DescribeVmInventoryCapacity", "DescribeVncUrl");

    /** ... and has these in addition (Go SDK {@code vm20230313}). */
    public static final List<String> ONLY_2023 = List.of("DescribeImage", "CreateVpc", "DeleteVpc", "ModifyVpcsAttribute",
            "DescribeVpcs", "CreateVpcSubnet", "DeleteVpcSubnet", "ModifyVpcSubnetsAttribute", "DescribeVpcSubnets",
            "DescribeKeyPairs", "ModifyKeyPairAttribute", "DeleteKeyPairs", "ImportKeyPair");

    public static final Map<String, Set<String>> ACTIONS = Map.of(V2026, Set.copyOf(ACTIONS_2026), V2023, actions2023());

    private static Set<String> actions2023() {
        Set<String> s = new LinkedHashSet<>(ACTIONS_2026);
        s.removeAll(ONLY_2026);
        s.addAll(ONLY_2023);
        return Set.copyOf(s);
    }



    /** True when {@code action} exists in the real API at {@code version}. */
    public static boolean exists(String version, String action) { return ACTIONS.get(version).contains(action); }

    private ZenlayerVersions() {}
}
