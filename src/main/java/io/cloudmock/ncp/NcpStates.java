package io.cloudmock.ncp;

import java.util.Arrays;
import java.util.Map;
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
}
