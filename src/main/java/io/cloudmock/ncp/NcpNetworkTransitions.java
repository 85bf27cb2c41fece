package io.cloudmock.ncp;

import io.cloudmock.core.Transition;
import io.cloudmock.core.TransitionTable;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The state machines of the VPC network kinds (ncp-network-api.md sections 4 and 5), keyed by the API action each
 * row serves. Every transient state is one of those Terraform's waiters list as pending, so a poll never sees a
 * state that makes the provider fail.
 */
final class NcpNetworkTransitions {
    static final String CREATE_VPC = "createVpc";
    static final String DELETE_VPC = "deleteVpc";
    static final String CREATE_SUBNET = "createSubnet";
    static final String DELETE_SUBNET = "deleteSubnet";
    /** Guard: a subnet takes servers and network interfaces only while RUN. */
    static final String USE_SUBNET = "useSubnet";
    static final String CHANGE_ACG = "changeAccessControlGroup";
    static final String ATTACH_NIC = "attachNetworkInterface";
    static final String DETACH_NIC = "detachNetworkInterface";
    static final String DELETE_NIC = "deleteNetworkInterface";
    /** A new interface on a server (of a new server, or createNetworkInterface with serverInstanceNo): SET, then USED. */
    static final String CREATE_SERVER_NIC = "createServerNetworkInterface";
    /** createNetworkInterface without a server: NOTUSED at once (Terraform's test reads NOTUSED right after). */
    static final String CREATE_NIC = "createNetworkInterface";
    /** add/removeNetworkInterfaceAccessControlGroup: SET, then back to USED or NOTUSED (one row for each). */
    static final String CHANGE_USED_NIC_ACG = "changeNetworkInterfaceAccessControlGroup+USED";
    static final String CHANGE_FREE_NIC_ACG = "changeNetworkInterfaceAccessControlGroup+NOTUSED";
    static final String CREATE_NETWORK_ACL = "createNetworkAcl";
    static final String DELETE_NETWORK_ACL = "deleteNetworkAcl";
    /** A rule change or a subnet (re)association: SET, then RUN (reference 4.11). */
    static final String CHANGE_NETWORK_ACL = "changeNetworkAcl";
    /** Guard: a description change, only while RUN. */
    static final String DESCRIBE_NETWORK_ACL = "setNetworkAclDescription";

    private NcpNetworkTransitions() {}

    private static Transition row(String action, Set<String> from, Function<io.cloudmock.core.Resource, RuntimeException> refusal,
                                  String... path) {
        return Transition.of(action, from, path).refusedWith(refusal);
    }

    /** createVpc: INIT, CREATING, RUN; deleteVpc: TERMTING, then gone (reference 4.1). */
    static final TransitionTable VPC = new TransitionTable(Set.of("INIT", "CREATING", "RUN", "TERMTING"), List.of(
            row(CREATE_VPC, Set.of(), r -> new NcpException(NcpError.VPC_STATE_CONFLICT, r.state()), "INIT", "CREATING", "RUN"),
            row(DELETE_VPC, Set.of("RUN"), r -> new NcpException(NcpError.VPC_STATE_CONFLICT, r.state()), "TERMTING", Transition.GONE)));

    /** The same for subnets (reference 4.6). */
    static final TransitionTable SUBNET = new TransitionTable(Set.of("INIT", "CREATING", "RUN", "TERMTING"), List.of(
            row(CREATE_SUBNET, Set.of(), r -> new NcpException(NcpError.SUBNET_STATE_CONFLICT, r.state()), "INIT", "CREATING", "RUN"),
            row(DELETE_SUBNET, Set.of("RUN"), r -> new NcpException(NcpError.SUBNET_STATE_CONFLICT, r.state()), "TERMTING", Transition.GONE),
            row(USE_SUBNET, Set.of("RUN"), r -> new NcpException(NcpError.SUBNET_STATE_CONFLICT, r.state()))));

    /** A network ACL still being made or changed is busy (1012005, which Terraform retries); one being deleted is not. */
    private static RuntimeException naclRefusal(io.cloudmock.core.Resource r) {
        return new NcpException(r.state().equals("TERMTING") ? NcpError.NETWORK_ACL_STATE_CONFLICT : NcpError.NETWORK_ACL_BUSY, r.state());
    }

    /**
     * Network ACLs (reference 4.11, 4.14): created INIT, then RUN; SET for one delay per rule change or subnet
     * association; deleted through TERMTING. A VPC's default one is RUN from the start.
     */
    static final TransitionTable NETWORK_ACL = new TransitionTable(Set.of("INIT", "SET", "RUN", "TERMTING"), List.of(
            row(CREATE_NETWORK_ACL, Set.of(), NcpNetworkTransitions::naclRefusal, "INIT", "RUN"),
            row(CHANGE_NETWORK_ACL, Set.of("RUN"), NcpNetworkTransitions::naclRefusal, "SET", "RUN"),
            row(DESCRIBE_NETWORK_ACL, Set.of("RUN"), NcpNetworkTransitions::naclRefusal),
            row(DELETE_NETWORK_ACL, Set.of("RUN"), NcpNetworkTransitions::naclRefusal, "TERMTING", Transition.GONE)));

    /** Route tables: cloudmock makes only the defaults, which are RUN from the start. */
    static final TransitionTable ROUTE_TABLE = new TransitionTable(Set.of("RUN"), List.of());

    /**
     * ACGs: RUN from creation, SET for one delay while rules change (a second change meanwhile is 1007009), deleted
     * at once: Terraform's delete waiter has only RUN as pending (reference 5.2.3).
     */
    static final TransitionTable ACG = new TransitionTable(Set.of("INIT", "SET", "RUN", "TERMTING"), List.of(
            row(CHANGE_ACG, Set.of("RUN"), r -> new NcpException(NcpError.ACG_BUSY), "SET", "RUN")));

    private static RuntimeException nicRefusal(io.cloudmock.core.Resource r) {
        return new NcpException(NcpError.NIC_STATE_CONFLICT, r.state());
    }

    /** Network interfaces (reference 5.3.2); every transient state is one Terraform's NIC waiters list as pending. */
    static final TransitionTable NIC = new TransitionTable(Set.of("SET", "UNSET", "USED", "NOTUSED"), List.of(
            row(CREATE_SERVER_NIC, Set.of(), NcpNetworkTransitions::nicRefusal, "SET", "USED"),
            row(CREATE_NIC, Set.of(), NcpNetworkTransitions::nicRefusal, "NOTUSED"),
            row(ATTACH_NIC, Set.of("NOTUSED"), NcpNetworkTransitions::nicRefusal, "SET", "USED"),
            row(DETACH_NIC, Set.of("USED"), NcpNetworkTransitions::nicRefusal, "UNSET", "NOTUSED"),
            row(CHANGE_USED_NIC_ACG, Set.of("USED"), NcpNetworkTransitions::nicRefusal, "SET", "USED"),
            row(CHANGE_FREE_NIC_ACG, Set.of("NOTUSED"), NcpNetworkTransitions::nicRefusal, "SET", "NOTUSED"),
            row(DELETE_NIC, Set.of("USED", "NOTUSED"), NcpNetworkTransitions::nicRefusal, "UNSET", Transition.GONE)));

    /** Login keys and init scripts have no status (reference 5.1.1, 5.6.1): one settled pseudo-state. */
    static final TransitionTable LOGIN_KEY = new TransitionTable(Set.of("RUN"), List.of());
}
