package io.cloudmock.zenlayer;

import io.cloudmock.core.Transition;
import io.cloudmock.core.TransitionTable;

import java.util.List;
import java.util.Set;

/**
 * The state machines of the resources around an instance (network reference section 2.2): subnets (mixed-case
 * statuses, as Terraform's waiter compares them), security groups (always {@code Available}), stand-alone data
 * disks (upper-case, the CLI enum) and key pairs (no status on the wire; {@code Available} inside cloudmock).
 */
public final class ZenlayerNetworkTransitions {
    // subnet statuses
    public static final String SUBNET_CREATING = "Creating";
    public static final String SUBNET_AVAILABLE = "Available";
    public static final String SUBNET_FAILED = "Failed";

    // security groups and key pairs
    public static final String AVAILABLE = "Available";

    // disk statuses (CLI describe-disks enum)
    public static final String DISK_CREATING = "CREATING";
    public static final String DISK_IN_USE = "IN_USE";
    public static final String DISK_AVAILABLE = "AVAILABLE";
    public static final String DISK_CHANGING = "CHANGING";
    public static final String DISK_ATTACHING = "ATTACHING";
    public static final String DISK_DETACHING = "DETACHING";
    public static final String DISK_DELETING = "DELETING";
    public static final String DISK_RECYCLED = "RECYCLED";
    public static final String DISK_RECYCLING = "RECYCLING";
    public static final Set<String> DISK_STATES = Set.of(DISK_CREATING, DISK_IN_USE, DISK_AVAILABLE, DISK_CHANGING,
            DISK_ATTACHING, DISK_DETACHING, DISK_DELETING, DISK_RECYCLED, DISK_RECYCLING);

    // actions, as X-ZC-Action names them; the two internal rows say which settled state a disk comes back to
    public static final String CREATE_SUBNET = "CreateSubnet";
    public static final String MODIFY_SUBNETS = "ModifySubnetsAttribute";
    public static final String DELETE_SUBNET = "DeleteSubnet";
    public static final String CREATE_SECURITY_GROUP = "CreateSecurityGroup";
    public static final String EDIT_SECURITY_GROUP = "ModifySecurityGroupsAttribute";
    public static final String CREATE_DISKS = "CreateDisks";
    /** CreateDisks with an instanceId: the disks attach as they are made. */
    public static final String CREATE_DISKS_ATTACHED = "CreateDisks+instanceId";
    public static final String ATTACH_DISKS = "AttachDisks";
    public static final String DETACH_DISKS = "DetachDisks";
    public static final String CHANGE_DISKS_ATTACH = "ChangeDisksAttach";
    public static final String RESIZE_DISK = "ResizeDisk";
    /** ResizeDisk of an attached disk: CHANGING, then IN_USE again. */
    public static final String RESIZE_ATTACHED_DISK = "ResizeDisk+attached";
    public static final String TERMINATE_DISK = "TerminateDisk";
    public static final String RELEASE_DISK = "ReleaseDisk";
    public static final String MODIFY_DISKS = "ModifyDisksAttributes";
    public static final String IMPORT_KEY_PAIR = "ImportKeyPair";

    public static final TransitionTable SUBNET = new TransitionTable(Set.of(SUBNET_CREATING, SUBNET_AVAILABLE, SUBNET_FAILED), List.of(
            // "Creating" first: Terraform's waiter must see it or Available, never another spelling
            Transition.of(CREATE_SUBNET, Set.of(), SUBNET_CREATING, SUBNET_AVAILABLE),
            // "Any operations on the subnets are not allowed while creating."
            Transition.of(MODIFY_SUBNETS, Set.of(SUBNET_AVAILABLE, SUBNET_FAILED))
                    .refusedWith(r -> ZenlayerError.OPERATION_DENIED_UNSUPPORTED_SUBNET.with(r.id(), r.state())),
            // "Only operations on subnets in the status of Available or Failed are supported."
            Transition.of(DELETE_SUBNET, Set.of(SUBNET_AVAILABLE, SUBNET_FAILED))
                    .refusedWith(r -> ZenlayerError.UNSUPPORTED_OPERATION_SUBNET_STATUS_ERROR.with(r.id(), r.state()))));

    public static final TransitionTable SECURITY_GROUP = new TransitionTable(Set.of(AVAILABLE), List.of(
            Transition.of(CREATE_SECURITY_GROUP, Set.of(), AVAILABLE),
            // every edit (name, rules, members) and the delete: "Status of security group should be Available"
            Transition.of(EDIT_SECURITY_GROUP, Set.of(AVAILABLE))
                    .refusedWith(r -> ZenlayerError.OPERATION_DENIED_SECURITY_GROUP_STATUS_NOT_AVAILABLE.with(r.id(), r.state()))));

    private static Transition disk(String action, Set<String> from, ZenlayerError refusal, String... path) {
        return Transition.of(action, from, path).refusedWith(r -> refusal.with(r.id(), r.state()));
    }

    public static final TransitionTable DISK = new TransitionTable(DISK_STATES, List.of(
            disk(CREATE_DISKS, Set.of(), ZenlayerError.UNSUPPORTED_OPERATION_DISK_STATUS, DISK_CREATING, DISK_AVAILABLE),
            disk(CREATE_DISKS_ATTACHED, Set.of(), ZenlayerError.UNSUPPORTED_OPERATION_DISK_STATUS,
                    DISK_CREATING, DISK_ATTACHING, DISK_IN_USE),
            disk(ATTACH_DISKS, Set.of(DISK_AVAILABLE), ZenlayerError.UNSUPPORTED_OPERATION_DISK_STATUS, DISK_ATTACHING, DISK_IN_USE),
            disk(DETACH_DISKS, Set.of(DISK_IN_USE), ZenlayerError.UNSUPPORTED_OPERATION_DISK_STATUS, DISK_DETACHING, DISK_AVAILABLE),
            disk(CHANGE_DISKS_ATTACH, Set.of(DISK_IN_USE), ZenlayerError.UNSUPPORTED_OPERATION_DISK_STATUS,
                    DISK_DETACHING, DISK_ATTACHING, DISK_IN_USE),
            disk(RESIZE_DISK, Set.of(DISK_AVAILABLE), ZenlayerError.UNSUPPORTED_OPERATION_DISK_STATUS, DISK_CHANGING, DISK_AVAILABLE),
            disk(RESIZE_ATTACHED_DISK, Set.of(DISK_IN_USE), ZenlayerError.UNSUPPORTED_OPERATION_DISK_STATUS, DISK_CHANGING, DISK_IN_USE),
            disk(MODIFY_DISKS, Set.of(DISK_CREATING, DISK_IN_USE, DISK_AVAILABLE, DISK_CHANGING, DISK_ATTACHING, DISK_DETACHING),
                    ZenlayerError.UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE),
            // an attached disk is refused (Terraform destroys the attachment first)
            disk(TERMINATE_DISK, Set.of(DISK_AVAILABLE), ZenlayerError.UNSUPPORTED_OPERATION_DISK_STATUS, DISK_RECYCLING, DISK_RECYCLED),
            disk(RELEASE_DISK, Set.of(DISK_RECYCLED), ZenlayerError.UNSUPPORTED_OPERATION_DISK_NOT_BEING_RECYCLE,
                    DISK_DELETING, Transition.GONE)));

    public static final TransitionTable KEY_PAIR = new TransitionTable(Set.of(AVAILABLE), List.of(
            Transition.of(IMPORT_KEY_PAIR, Set.of(), AVAILABLE)));

    private ZenlayerNetworkTransitions() {}
}
