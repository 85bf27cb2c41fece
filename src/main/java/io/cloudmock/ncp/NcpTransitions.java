package io.cloudmock.ncp;

import io.cloudmock.core.Transition;
import io.cloudmock.core.TransitionTable;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * NCP's state machines as tables run by the core lifecycle engine: the server's (reference section 6, states in
 * {@link NcpStates}), keyed by the API action each row serves. A row names the error the API answers for a server
 * in a state it does not start from; the batch engine throws it.
 */
public final class NcpTransitions {
    public static final String CREATE = "createServerInstances";
    public static final String START_ACTION = "startServerInstances";
    public static final String STOP = "stopServerInstances";
    public static final String REBOOT = "rebootServerInstances";
    public static final String TERMINATE = "terminateServerInstances";
    public static final String CHANGE_SPEC = "changeServerInstanceSpec";
    public static final String INTERRUPT = "interruptServerInstance";
    public static final String NIC_ATTACH = "attachNetworkInterface";
    public static final String NIC_DETACH = "detachNetworkInterface";
    /** Guards: a public IP or a block storage is attached to, or detached from, a server in a settled state only. */
    static final String TAKE_PUBLIC_IP = "takePublicIp";
    static final String TAKE_STORAGE = "takeBlockStorage";
    /** Guard: an attached storage changes size only while its server is stopped (reference 5.5.8). */
    static final String RESIZE_STORAGE = "resizeAttachedBlockStorage";

    private static Transition row(String action, Set<String> from, NcpError refusal, String... path) {
        return Transition.of(action, from, path).refusedWith(r -> new NcpException(refusal));
    }

    /** The server table: from-states, the path each action walks, and the error for a wrong state. */
    public static final TransitionTable SERVER = new TransitionTable(
            Arrays.stream(NcpStates.values()).map(Enum::name).collect(Collectors.toSet()),
            List.of(
                    row(CREATE, Set.of(), NcpError.SERVER_STATE_CONFLICT, "INIT", "CREAT", "RUN"),
                    row(STOP, Set.of("RUN", "RS_FL", "SD_FL"), NcpError.SERVER_STATE_CONFLICT, "SHTDN", "NSTOP"),
                    row(START_ACTION, Set.of("NSTOP", "FSTOP", "ST_FL"), NcpError.SERVER_STATE_CONFLICT, "START", "RUN"),
                    row(REBOOT, Set.of("RUN", "RS_FL"), NcpError.SERVER_STATE_CONFLICT, "RESTA", "RUN"),
                    row(TERMINATE, Set.of("NSTOP", "FSTOP", "ST_FL"), NcpError.TERMINATE_STATE_CONFLICT, "TERMT", Transition.GONE),
                    row(CHANGE_SPEC, Set.of("NSTOP"), NcpError.SERVER_STATE_CONFLICT, "CHNG", "NSTOP"),
                    // a diagnostic interrupt makes Windows write a dump and restart
                    row(INTERRUPT, Set.of("RUN"), NcpError.SERVER_STATE_CONFLICT, "RESTA", "RUN"),
                    // network interfaces: guards, a server takes or gives one while running or stopped (network 5.3.6)
                    row(NIC_ATTACH, Set.of("RUN", "NSTOP"), NcpError.SERVER_STATE_CONFLICT),
                    row(NIC_DETACH, Set.of("RUN", "NSTOP"), NcpError.SERVER_STATE_CONFLICT),
                    // public IPs and block storage (ncp-network-api.md 5.4.5, 5.5.5, 5.5.8)
                    row(TAKE_PUBLIC_IP, Set.of("RUN", "NSTOP"), NcpError.PUBLIC_IP_BUSY),
                    row(TAKE_STORAGE, Set.of("RUN", "NSTOP"), NcpError.SERVER_STATE_CONFLICT),
                    row(RESIZE_STORAGE, Set.of("NSTOP"), NcpError.STORAGE_SERVER_NOT_STOPPED)));

    private NcpTransitions() {}
}
