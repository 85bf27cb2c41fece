package io.cloudmock.ncp;

import io.cloudmock.core.Transition;
import io.cloudmock.core.TransitionTable;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The NCP server state machine (reference section 6). NCP shows a state as a pair (serverInstanceStatus,
 * serverInstanceOperation) plus a serverInstanceStatusName; each pair cloudmock uses is one named state here.
 * Settled states are named by their status code (RUN, NSTOP...), transient ones by their operation code
 * (SHTDN = RUN + SHUTDOWN OP, START = NSTOP + START OP...). These names are what the control API shows.
 *
 * <p>Transient states keep the status Terraform's waiters expect: RUN while shutting down, NSTOP while
 * booting from stopped and while terminating, INIT/CREAT while creating.
 */
public enum NcpStates {
    INIT("INIT", "Server init state", "NULL", "Server NULL OP", "init"),
    CREAT("CREAT", "Server Created State", "START", "Server START OP", "booting"),
    RUN("RUN", "Server run state", "NULL", "Server NULL OP", "running"),
    SETUP("RUN", "Server run state", "SETUP", "Server SETUP OP", "setting up"),
    SHTDN("RUN", "Server run state", "SHTDN", "Server SHUTDOWN OP", "shutting down"),
    RESTA("RUN", "Server run state", "RESTA", "Server RESTART OP", "rebooting"),
    NSTOP("NSTOP", "Server normal stopped state", "NULL", "Server NULL OP", "stopped"),
    START("NSTOP", "Server normal stopped state", "START", "Server START OP", "booting"),
    TERMT("NSTOP", "Server normal stopped state", "TERMT", "Server TERMINATE OP", "terminating"),
    CHNG("NSTOP", "Server normal stopped state", "CHNG", "Server SPEC CHANGE OP", "changingSpec"),
    FSTOP("FSTOP", "Server failure stopped state", "NULL", "Server NULL OP", "stopped"),
    ST_FL("ST_FL", "Server start failure state", "NULL", "Server NULL OP", "stopped"),
    RS_FL("RS_FL", "Server restart failure state", "NULL", "Server NULL OP", "running"),
    SD_FL("SD_FL", "Server shutdown failure state", "NULL", "Server NULL OP", "running");

    public final String status;
    public final String statusName;
    public final String operation;
    public final String operationName;
    /** serverInstanceStatusName. */
    public final String label;

    NcpStates(String status, String statusName, String operation, String operationName, String label) {
        this.status = status;
        this.statusName = statusName;
        this.operation = operation;
        this.operationName = operationName;
        this.label = label;
    }

    private static final Map<String, NcpStates> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    public static NcpStates of(String name) {
        NcpStates s = BY_NAME.get(name);
        if (s == null) throw new IllegalArgumentException("not an NCP state: " + name);
        return s;
    }

    // action names of the table (the API action each serves)
    public static final String CREATE = "createServerInstances";
    public static final String START_ACTION = "startServerInstances";
    public static final String STOP = "stopServerInstances";
    public static final String REBOOT = "rebootServerInstances";
    public static final String TERMINATE = "terminateServerInstances";
    public static final String CHANGE_SPEC = "changeServerInstanceSpec";
    public static final String INTERRUPT = "interruptServerInstance";

    /** The transition table: from-states and the path each action walks. */
    public static final TransitionTable TABLE = new TransitionTable(
            Arrays.stream(values()).map(Enum::name).collect(Collectors.toSet()),
            List.of(
                    Transition.of(CREATE, Set.of(), "INIT", "CREAT", "RUN"),
                    Transition.of(STOP, Set.of("RUN", "RS_FL", "SD_FL"), "SHTDN", "NSTOP"),
                    Transition.of(START_ACTION, Set.of("NSTOP", "FSTOP", "ST_FL"), "START", "RUN"),
                    Transition.of(REBOOT, Set.of("RUN", "RS_FL"), "RESTA", "RUN"),
                    Transition.of(TERMINATE, Set.of("NSTOP", "FSTOP", "ST_FL"), "TERMT", Transition.GONE),
                    Transition.of(CHANGE_SPEC, Set.of("NSTOP"), "CHNG", "NSTOP"),
                    // a diagnostic interrupt makes Windows write a dump and restart
                    Transition.of(INTERRUPT, Set.of("RUN"), "RESTA", "RUN")));
}
