package io.cloudmock.ncp;

import io.cloudmock.core.Resource;
import io.cloudmock.core.Transition;
import io.cloudmock.core.TransitionTable;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The state machines of public IPs (ncp-network-api.md 5.4.2) and block storage (5.5.2). As for servers
 * ({@link NcpStates}), NCP shows a state as a status, an operation and a status name; each combination cloudmock
 * uses is one named state. Transient block storage states stay inside Terraform's waiter sets.
 */
final class NcpStorageTransitions {
    private NcpStorageTransitions() {}

    /** How one named state shows: status, operation (each a code and its codeName) and the status name. */
    record Shown(String status, String statusName, String operation, String operationName, String label) {}

    /**
     * A public IP's states. RUN and USED both show RUN / NULL: the service tells an associated IP only by its
     * serverInstanceNo, cloudmock also by the state, so that the table refuses what a state does not allow.
     */
    static final Map<String, Shown> IP_STATES = Map.of(
            "INIT", new Shown("INIT", "init", "CREAT", "CREATE OP", "Creating"),
            "RUN", new Shown("RUN", "run", "NULL", "NULL OP", "Running"),
            "USED", new Shown("RUN", "run", "NULL", "NULL OP", "Running"),
            "USE", new Shown("RUN", "run", "USE", "USE OP", "Configuring"),
            "DISUS", new Shown("RUN", "run", "DISUS", "DISUSE OP", "Configuring"),
            "TERMT", new Shown("RUN", "run", "TERMT", "TERMINATE OP", "Deleting"));

    private static final String CREATED = "Block Storage CREATED State";
    private static final String ATTACHED = "Block storage ATTACHED state";

    /** A block storage's states (codeNames as the 2024 captures write them, reference 1.2 and 5.5.1). */
    static final Map<String, Shown> VOLUME_STATES = Map.of(
            "INIT", new Shown("INIT", "Block Storage INIT State", "NULL", "Block Storage NULL OP", "initialized"),
            "ATTACHING", new Shown("CREAT", CREATED, "ATTAC", "Block Storage  STOP OP", "attaching"),
            "ATTAC", new Shown("ATTAC", ATTACHED, "NULL", "Block Storage NULL OP", "attached"),
            "DETACHING", new Shown("ATTAC", ATTACHED, "DETAC", "Block Storage RESTART OP", "detaching"),
            "CREAT", new Shown("CREAT", CREATED, "NULL", "Block Storage NULL OP", "detached"),
            "TERMINATING", new Shown("CREAT", CREATED, "TERMT", "Block Storage TERMINATE OP", "terminating"),
            "RESIZING", new Shown("CREAT", CREATED, "CHNG", "Block Storage Resize OP", "detached"),
            "RESIZING_ATTACHED", new Shown("ATTAC", ATTACHED, "CHNG", "Block Storage Resize OP", "attached"));

    /** A server is shown on a storage from the attach call until its detach is done. */
    static final Set<String> SHOWS_SERVER = Set.of("INIT", "ATTACHING", "ATTAC", "DETACHING", "RESIZING_ATTACHED");
    /** The device name appears once the attach is done and stays while detaching (2024 captures). */
    static final Set<String> SHOWS_DEVICE = Set.of("ATTAC", "DETACHING", "RESIZING_ATTACHED");

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

    static final TransitionTable PUBLIC_IP = new TransitionTable(IP_STATES.keySet(), List.of(
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
        return r -> new NcpException(NcpError.STORAGE_BUSY, VOLUME_STATES.get(r.state()).label());
    }

    static final TransitionTable BLOCK_STORAGE = new TransitionTable(VOLUME_STATES.keySet(), List.of(
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
