package io.cloudmock.ncp;

import io.cloudmock.core.Resource;
import io.cloudmock.core.Transition;
import io.cloudmock.core.TransitionTable;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The state machines of public IPs (ncp-network-api.md 5.4.2) and block storage (5.5.2). As for servers
 * ({@link NcpStates}), NCP shows a state as a status, an operation and a status name; each combination cloudmock
 * uses is one named state. Transient block storage states stay inside Terraform's waiter sets.
 */
final class NcpStorageTransitions {
    private NcpStorageTransitions() {}

    /**
     * A public IP's states. RUN and USED both show RUN / NULL: the service tells an associated IP only by its
     * serverInstanceNo, cloudmock also by the state, so that the table refuses what a state does not allow.
     */
    enum Ip {
        INIT("INIT", "init", "CREAT", "CREATE OP", "Creating"),
        RUN("RUN", "run", "NULL", "NULL OP", "Running"),
        USED("RUN", "run", "NULL", "NULL OP", "Running"),
        USE("RUN", "run", "USE", "USE OP", "Configuring"),
        DISUS("RUN", "run", "DISUS", "DISUSE OP", "Configuring"),
        TERMT("RUN", "run", "TERMT", "TERMINATE OP", "Deleting");

        final String status;
        final String statusName;
        final String operation;
        final String operationName;
        /** publicIpInstanceStatusName. */
        final String label;

        Ip(String status, String statusName, String operation, String operationName, String label) {
            this.status = status;
            this.statusName = statusName;
            this.operation = operation;
            this.operationName = operationName;
            this.label = label;
        }
    }

    /** A block storage's states (codeNames as the 2024 captures write them, reference 1.2 and 5.5.1). */
    enum Volume {
        INIT("INIT", "Block Storage INIT State", "NULL", "Block Storage NULL OP", "initialized"),
        ATTACHING("CREAT", "Block Storage CREATED State", "ATTAC", "Block Storage  STOP OP", "attaching"),
        ATTAC("ATTAC", "Block storage ATTACHED state", "NULL", "Block Storage NULL OP", "attached"),
        DETACHING("ATTAC", "Block storage ATTACHED state", "DETAC", "Block Storage RESTART OP", "detaching"),
        CREAT("CREAT", "Block Storage CREATED State", "NULL", "Block Storage NULL OP", "detached"),
        TERMINATING("CREAT", "Block Storage CREATED State", "TERMT", "Block Storage TERMINATE OP", "terminating"),
        RESIZING("CREAT", "Block Storage CREATED State", "CHNG", "Block Storage Resize OP", "detached"),
        RESIZING_ATTACHED("ATTAC", "Block storage ATTACHED state", "CHNG", "Block Storage Resize OP", "attached");

        final String status;
        final String statusName;
        final String operation;
        final String operationName;
        /** blockStorageInstanceStatusName. */
        final String label;

        Volume(String status, String statusName, String operation, String operationName, String label) {
            this.status = status;
            this.statusName = statusName;
            this.operation = operation;
            this.operationName = operationName;
            this.label = label;
        }

        /** While a server is shown on the storage: from the attach call until the end of its detach. */
        boolean showsServer() { return this != CREAT && this != TERMINATING && this != RESIZING; }

        /** The device name appears once the attach is done and stays while detaching (2024 captures). */
        boolean showsDevice() { return this == ATTAC || this == DETACHING || this == RESIZING_ATTACHED; }
    }

    // ---- public IP actions
    static final String CREATE_IP = "createPublicIpInstance";
    /** createPublicIpInstance with serverInstanceNo, and createServerInstances' associateWithPublicIp. */
    static final String CREATE_IP_ASSOCIATED = "createAssociatedPublicIpInstance";
    static final String ASSOCIATE_IP = "associatePublicIpWithServerInstance";
    static final String DISASSOCIATE_IP = "disassociatePublicIpFromServerInstance";
    static final String DELETE_IP = "deletePublicIpInstance";
    /** terminateServerInstances: the IP stays, unassociated (reference 5.4.7, 6.4). */
    static final String RELEASE_IP = "releasePublicIpOfTerminatedServer";

    // ---- block storage actions
    static final String CREATE_VOLUME = "createBlockStorageInstance";
    static final String CREATE_VOLUME_ATTACHED = "createAttachedBlockStorageInstance";
    /** The basic storage createServerInstances makes: attached before the server is RUN (reference 5.5.2). */
    static final String CREATE_BASIC = "createBasicBlockStorageInstance";
    static final String ATTACH = "attachBlockStorageInstance";
    static final String DETACH = "detachBlockStorageInstances";
    static final String DELETE_VOLUME = "deleteBlockStorageInstances";
    static final String RESIZE = "changeBlockStorageVolumeSize";
    static final String RESIZE_ATTACHED = "changeAttachedBlockStorageVolumeSize";
    /** terminateServerInstances detaches the additional storages at once (reference 6.4). */
    static final String RELEASE_VOLUME = "releaseBlockStorageOfTerminatedServer";

    private static <E extends Enum<E>> Set<String> names(E[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    private static Transition row(String action, Set<String> from, Function<Resource, RuntimeException> refusal, String... path) {
        return Transition.of(action, from, path).refusedWith(refusal);
    }

    /** Busy (a transient state) unless the state has its own answer. */
    private static Function<Resource, RuntimeException> ipRefusal(NcpError whenAssociated, NcpError whenFree,
                                                                   NcpError whenInit) {
        return r -> switch (r.state()) {
            case "USED" -> new NcpException(whenAssociated, r.id());
            case "RUN" -> new NcpException(whenFree, r.id());
            case "INIT" -> new NcpException(whenInit, r.id());
            default -> new NcpException(NcpError.PUBLIC_IP_BUSY);
        };
    }

    static final TransitionTable PUBLIC_IP = new TransitionTable(names(Ip.values()), List.of(
            row(CREATE_IP, Set.of(), r -> new IllegalStateException("creation"), "INIT", "RUN"),
            row(CREATE_IP_ASSOCIATED, Set.of(), r -> new IllegalStateException("creation"), "INIT", "USED"),
            row(ASSOCIATE_IP, Set.of("RUN"),
                    ipRefusal(NcpError.PUBLIC_IP_ASSOCIATED, NcpError.PUBLIC_IP_BUSY, NcpError.PUBLIC_IP_BUSY), "USE", "USED"),
            row(DISASSOCIATE_IP, Set.of("USED"),
                    ipRefusal(NcpError.PUBLIC_IP_BUSY, NcpError.PUBLIC_IP_NOT_ASSOCIATED, NcpError.PUBLIC_IP_BUSY), "DISUS", "RUN"),
            row(DELETE_IP, Set.of("RUN"),
                    ipRefusal(NcpError.PUBLIC_IP_DELETE_ASSOCIATED, NcpError.PUBLIC_IP_BUSY, NcpError.PUBLIC_IP_INITIALIZING),
                    "TERMT", Transition.GONE),
            row(RELEASE_IP, Set.of("USED"), r -> new NcpException(NcpError.TERMINATE_PUBLIC_IP_BUSY), "RUN")));

    private static Function<Resource, RuntimeException> volumeBusy() {
        return r -> new NcpException(NcpError.STORAGE_BUSY, Volume.valueOf(r.state()).label);
    }

    static final TransitionTable BLOCK_STORAGE = new TransitionTable(names(Volume.values()), List.of(
            row(CREATE_VOLUME, Set.of(), volumeBusy(), "INIT", "CREAT"),
            row(CREATE_VOLUME_ATTACHED, Set.of(), volumeBusy(), "INIT", "ATTACHING", "ATTAC"),
            row(CREATE_BASIC, Set.of(), volumeBusy(), "INIT", "ATTAC"),
            row(ATTACH, Set.of("CREAT"), volumeBusy(), "ATTACHING", "ATTAC"),
            row(DETACH, Set.of("ATTAC"), volumeBusy(), "DETACHING", "CREAT"),
            // an attached storage is detached by its delete, as Terraform's destroy expects (reference 2.3)
            row(DELETE_VOLUME, Set.of("CREAT", "ATTAC"), volumeBusy(), "TERMINATING", Transition.GONE),
            row(RESIZE, Set.of("CREAT"), volumeBusy(), "RESIZING", "CREAT"),
            row(RESIZE_ATTACHED, Set.of("ATTAC"), volumeBusy(), "RESIZING_ATTACHED", "ATTAC"),
            row(RELEASE_VOLUME, Set.of("ATTAC"), r -> new NcpException(NcpError.TERMINATE_STORAGE_BUSY), "CREAT")));
}
