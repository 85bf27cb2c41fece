package io.cloudmock.zenlayer;

import io.cloudmock.core.Transition;
import io.cloudmock.core.TransitionTable;

import java.util.List;
import java.util.Set;

/**
 * The VM state machine (reference section 9) as rows, keyed by action, run by the core lifecycle engine. Every state of a path
 * but the last is transient and lasts one transition delay.
 */
public final class ZenlayerTransitions {
    public static final String PENDING = "PENDING";
    public static final String DEPLOYING = "DEPLOYING";
    public static final String RUNNING = "RUNNING";
    public static final String STOPPING = "STOPPING";
    public static final String STOPPED = "STOPPED";
    public static final String BOOTING = "BOOTING";
    public static final String REBOOT = "REBOOT";
    public static final String REBUILDING = "REBUILDING";
    public static final String RECYCLING = "RECYCLING";
    public static final String RECYCLE = "RECYCLE";
    public static final String RELEASING = "RELEASING";
    public static final String CREATE_FAILED = "CREATE_FAILED";
    public static final String IMAGING = "IMAGING";

    /** Every instanceStatus of the VM enum (reference section 9). */
    public static final Set<String> STATES = Set.of(PENDING, DEPLOYING, RUNNING, STOPPING, STOPPED, BOOTING, REBOOT,
            REBUILDING, RECYCLING, RECYCLE, RELEASING, CREATE_FAILED, IMAGING);

    /** "Operations on instances in recycle bin are not supported": the bin, and the ways into and out of it. */
    public static final Set<String> IN_RECYCLE_BIN = Set.of(RECYCLING, RECYCLE, RELEASING);

    /** "Any operations on the instances are not allowed while creating." */
    public static final Set<String> CREATING = Set.of(PENDING, DEPLOYING);

    // the actions of the table, as X-ZC-Action names them
    public static final String CREATE = "CreateInstances";
    public static final String START = "StartInstances";
    public static final String STOP = "StopInstances";
    public static final String REBOOT_ACTION = "RebootInstances";
    public static final String RESET = "ResetInstance";
    public static final String RESET_PASSWORD = "ResetInstancesPassword";
    public static final String TERMINATE = "TerminateInstance";
    public static final String RELEASE = "ReleaseInstances";
    public static final String MODIFY_BANDWIDTH = "ModifyInstanceBandwidth";
    public static final String MODIFY_TRAFFIC_PACKAGE = "ModifyInstanceTrafficPackage";

    private static Transition row(String action, Set<String> from, ZenlayerError refusal, String... path) {
        return Transition.of(action, from, path).refusedWith(r -> refusal.with(r.id(), r.state()));
    }

    /** The instance table; each row names the documented error for an instance in a state it does not start from. */
    public static final TransitionTable INSTANCE = new TransitionTable(STATES, List.of(
            // "the status will be PENDING or DEPLOYING during the creation", then RUNNING
            row(CREATE, Set.of(), ZenlayerError.OPERATION_DENIED_INSTANCE_STATUS, PENDING, DEPLOYING, RUNNING),
            row(START, Set.of(STOPPED), ZenlayerError.OPERATION_DENIED_INSTANCE_NOT_STOPPED, BOOTING, RUNNING),
            row(STOP, Set.of(RUNNING), ZenlayerError.OPERATION_DENIED_INSTANCE_NOT_RUNNING, STOPPING, STOPPED),
            row(REBOOT_ACTION, Set.of(RUNNING), ZenlayerError.OPERATION_DENIED_INSTANCE_STATUS, REBOOT, RUNNING),
            row(RESET, Set.of(STOPPED), ZenlayerError.OPERATION_DENIED_INSTANCE_NOT_STOPPED, REBUILDING, RUNNING),
            // English doc: stopped first, "automatically restarted" after the reset; the transient status is
            // undocumented, BOOTING is what a restart shows elsewhere
            row(RESET_PASSWORD, Set.of(STOPPED), ZenlayerError.OPERATION_DENIED_INSTANCE_NOT_STOPPED_PASSWORD, BOOTING, RUNNING),
            // any state but creating and the recycle bin (checked before, with its own code); a transition under
            // way is cut short
            row(TERMINATE, Set.of(RUNNING, STOPPED, STOPPING, BOOTING, REBOOT, REBUILDING, IMAGING, CREATE_FAILED),
                    ZenlayerError.OPERATION_DENIED_INSTANCE_CREATING, RECYCLING, RECYCLE),
            row(RELEASE, Set.of(RECYCLE), ZenlayerError.OPERATION_DENIED_INSTANCE_NOT_RECYCLED, RELEASING, Transition.GONE),
            // changes in place, allowed only from these states (no path: the state stays as it is)
            row(MODIFY_BANDWIDTH, Set.of(RUNNING), ZenlayerError.OPERATION_DENIED_INSTANCE_NOT_RUNNING),
            row(MODIFY_TRAFFIC_PACKAGE, Set.of(RUNNING, STOPPED), ZenlayerError.OPERATION_DENIED_INSTANCE_NOT_RUNNING_OR_STOPPED)));

    private ZenlayerTransitions() {}
}
