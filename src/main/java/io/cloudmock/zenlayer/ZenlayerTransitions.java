package io.cloudmock.zenlayer;

import io.cloudmock.core.Transition;
import io.cloudmock.core.TransitionTable;

import java.util.List;
import java.util.Set;

/**
 * The VM state machine (reference section 9) as rows run by the core lifecycle engine. Every state of a path
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

    public static final TransitionTable TABLE = new TransitionTable(STATES, List.of(
            // "the status will be PENDING or DEPLOYING during the creation", then RUNNING
            Transition.of("CreateInstances", Set.of(), PENDING, DEPLOYING, RUNNING),
            Transition.of("StartInstances", Set.of(STOPPED), BOOTING, RUNNING),
            Transition.of("StopInstances", Set.of(RUNNING), STOPPING, STOPPED),
            Transition.of("RebootInstances", Set.of(RUNNING), REBOOT, RUNNING),
            Transition.of("ResetInstance", Set.of(STOPPED), REBUILDING, RUNNING),
            // English doc: stopped first, "automatically restarted" after the reset; the transient status is
            // undocumented, BOOTING is what a restart shows elsewhere
            Transition.of("ResetInstancesPassword", Set.of(STOPPED), BOOTING, RUNNING),
            // any state but creating and the recycle bin; a transition under way is cut short
            Transition.of("TerminateInstance", Set.of(RUNNING, STOPPED, STOPPING, BOOTING, REBOOT, REBUILDING,
                    IMAGING, CREATE_FAILED), RECYCLING, RECYCLE),
            Transition.of("ReleaseInstances", Set.of(RECYCLE), RELEASING, Transition.GONE)));

    private ZenlayerTransitions() {}
}
