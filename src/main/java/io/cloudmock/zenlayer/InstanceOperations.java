package io.cloudmock.zenlayer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Account;
import io.cloudmock.core.Resource;

import java.util.ArrayList;
import java.util.List;

/**
 * The actions on existing instances. Each one, under the account lock, checks every id for existence (404),
 * then the recycle bin (403 RECYCLED), then the state (the transition table's own refusal, through the core batch
 * engine), and only then changes all of them: all or none.
 * Every one answers only {@code requestId} (reference section 7).
 */
final class InstanceOperations {
    private InstanceOperations() {}

    static void start(ZenlayerCall call, ObjectNode response) {
        transition(call, call.body().instanceIds(), ZenlayerTransitions.START);
    }

    static void stop(ZenlayerCall call, ObjectNode response) {
        List<String> ids = call.body().instanceIds();
        call.body().bool("forceShutdown"); // accepted (type-checked); a forced stop takes the same path here
        transition(call, ids, ZenlayerTransitions.STOP);
    }

    static void reboot(ZenlayerCall call, ObjectNode response) {
        transition(call, call.body().instanceIds(), ZenlayerTransitions.REBOOT_ACTION);
    }

    /** Into the recycle bin: postpaid only, not while creating. */
    static void terminate(ZenlayerCall call, ObjectNode response) {
        String id = call.body().requiredString("instanceId");
        batch(call, List.of(id), true, (tx, found) -> {
            for (Resource i : found) {
                // the row refuses creating instances (its from-set is every status but creating and the bin)
                tx.allowed(ZenlayerTransitions.TERMINATE, i);
                if ("PREPAID".equals(i.fields().get("instanceChargeType"))) {
                    throw ZenlayerError.OPERATION_DENIED_INSTANCE_SUBSCRIPTION.with(i.id());
                }
            }
            tx.beginAll(ZenlayerTransitions.TERMINATE, found);
        });
    }

    /** Out of the recycle bin for good: RECYCLE only, then gone. */
    static void release(ZenlayerCall call, ObjectNode response) {
        List<String> ids = call.body().instanceIds();
        batch(call, ids, false, (tx, found) -> {
            tx.beginAll(ZenlayerTransitions.RELEASE, found);
            // portable disks "will not be deleted while deleting its attached instance and becomes AVAILABLE":
            // detached at release (they stay IN_USE while the instance is in the recycle bin)
            for (Resource i : found) {
                for (Resource d : tx.referrers(i, ZenlayerNetworkKinds.DISK)) {
                    tx.refer(d, ZenlayerNetworkKinds.INSTANCE, (String) null);
                    InstanceDisks.detach(i, d);
                    d.force(ZenlayerNetworkTransitions.DISK_AVAILABLE, call.now());
                }
            }
        });
    }

    /** Only the display name can be changed; any unknown id fails the whole call. */
    static void modifyAttribute(ZenlayerCall call, ObjectNode response) {
        List<String> ids = call.body().instanceIds();
        String name = ZenlayerNames.name("instanceName", call.body().requiredString("instanceName"));
        batch(call, ids, true, (tx, found) -> {
            for (Resource i : found) i.fields().put("instanceName", name);
            tx.touched();
        });
    }

    /** Moves instances to another resource group (any id; groups are not modelled). */
    static void modifyResourceGroup(ZenlayerCall call, ObjectNode response) {
        List<String> ids = call.body().instanceIds();
        String group = call.body().requiredString("resourceGroupId");
        String groupName = group.equals(ZenlayerCatalog.DEFAULT_RESOURCE_GROUP_ID) ? ZenlayerCatalog.DEFAULT_RESOURCE_GROUP_NAME : group;
        batch(call, ids, true, (tx, found) -> {
            for (Resource i : found) {
                i.fields().put("resourceGroupId", group);
                i.fields().put("resourceGroupName", groupName);
            }
            tx.touched();
        });
    }

    /**
     * STOPPED or RUNNING (HTTP 400 otherwise, the documented code). The English page says "shut down the instance
     * before resetting the password" and a STOPPED instance then restarts by itself; the Chinese page says the
     * instance must be powered on and "may" restart, and the Terraform provider resets the password of a RUNNING
     * instance without stopping it, so RUNNING is accepted too and the password is set in place (no restart, so
     * the provider's next step, e.g. a stop for an image change, still finds it RUNNING).
     */
    static void resetPassword(ZenlayerCall call, ObjectNode response) {
        List<String> ids = call.body().instanceIds();
        ZenlayerNames.password(call.body().requiredString("password"));
        batch(call, ids, true, (tx, found) -> {
            // a RUNNING instance has its password set in place; every other one walks the table's row
            List<Resource> restarting = new ArrayList<>();
            for (Resource i : found) if (!ZenlayerTransitions.RUNNING.equals(i.state())) restarting.add(i);
            tx.beginAll(ZenlayerTransitions.RESET_PASSWORD, restarting);
        });
    }

    /** Reinstalls the OS of a STOPPED instance, optionally from another image; it comes back RUNNING. */
    static void reset(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        String id = b.requiredString("instanceId");
        String imageId = b.string("imageId");
        String password = b.string("password");
        String keyId = b.string("keyId");
        String name = b.string("instanceName");
        String wanName = b.string("wanName");
        String lanName = b.string("lanName");
        String initScript = b.string("initScript");
        // both is a conflict; neither is allowed: "If no password is specified, you will receive a random code in
        // mailbox" (CLI page), and the Terraform provider sends neither when it resets a password instance's image
        if (password != null && keyId != null) throw ZenlayerError.INVALID_PARAMETER_INSTANCE_LOGIN_CONFLICT.with();
        if (password != null) ZenlayerNames.password(password);
        if (name != null) ZenlayerNames.name("instanceName", name);
        if (wanName != null) ZenlayerNames.nicName(wanName);
        if (lanName != null) ZenlayerNames.nicName(lanName);
        if (initScript != null && initScript.length() > InstanceCreation.MAX_INIT_SCRIPT) {
            throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with("initScript", InstanceCreation.MAX_INIT_SCRIPT);
        }
        ZenlayerCatalog.Image image = imageId == null ? null : ZenlayerCatalog.image(imageId);
        batch(call, List.of(id), true, (tx, found) -> {
            Resource i = found.get(0);
            tx.allowed(ZenlayerTransitions.RESET, i);
            if (wanName != null || lanName != null) {
                @SuppressWarnings("unchecked")
                java.util.Map<String, Object> nic = (java.util.Map<String, Object>) i.fields().get("nic");
                String wan = wanName != null ? wanName : nic == null ? "eth0" : String.valueOf(nic.get("wanName"));
                String lan = lanName != null ? lanName : nic == null ? "eth1" : String.valueOf(nic.get("lanName"));
                if (wan.equals(lan)) throw ZenlayerError.INVALID_PARAMETER_NIC_NAME_CONFLICT.with();
            }
            // the key: it exists, and the image is not Windows
            ZenlayerNetwork.keyFor(tx, keyId);
            if (keyId != null && "windows".equals((image != null ? image : ZenlayerCatalog.image(i.string("imageId"))).osType())) {
                throw ZenlayerError.INVALID_PARAMETER_VALUE.with(keyId, "keyId", "none: SSH key pairs are not supported for Windows operating system");
            }
            if (image != null) {
                i.fields().put("imageId", image.imageId());
                i.fields().put("imageName", image.imageName());
            }
            i.fields().put("keyId", keyId);
            tx.refer(i, ZenlayerNetworkKinds.KEY_PAIR, keyId);
            if (name != null) i.fields().put("instanceName", name);
            if (wanName != null || lanName != null) {
                @SuppressWarnings("unchecked")
                java.util.Map<String, Object> old = (java.util.Map<String, Object>) i.fields().get("nic");
                i.fields().put("nic", ZenlayerModel.nic(
                        wanName != null ? wanName : old == null ? "eth0" : String.valueOf(old.get("wanName")),
                        lanName != null ? lanName : old == null ? "eth1" : String.valueOf(old.get("lanName"))));
            }
            tx.begin(ZenlayerTransitions.RESET, i);
        });
    }

    private static void transition(ZenlayerCall call, List<String> ids, String action) {
        batch(call, ids, true, (tx, found) -> tx.beginAll(action, found));
    }

    interface Change {
        /** Checks what is left to check and changes all of {@code found}, or throws and changes nothing. */
        void apply(Account.Tx tx, List<Resource> found);
    }

    /**
     * The batch discipline: existence of every id, then (if {@code recycleBinDenied}) none in the recycle bin,
     * then {@code change}, whose state checks are the batch engine's ({@code tx.beginAll}).
     */
    static void batch(ZenlayerCall call, List<String> ids, boolean recycleBinDenied, Change change) {
        call.account().atomically(tx -> {
            List<Resource> found = new ArrayList<>(ids.size());
            for (String id : ids) {
                Resource i = tx.get(ZenlayerModel.PROVIDER, ZenlayerModel.KIND, id);
                if (i == null) throw ZenlayerError.INVALID_INSTANCE_NOT_FOUND.with(id);
                found.add(i);
            }
            if (recycleBinDenied) {
                for (Resource i : found) {
                    if (ZenlayerTransitions.IN_RECYCLE_BIN.contains(i.state())) {
                        throw ZenlayerError.OPERATION_DENIED_INSTANCE_RECYCLED.with(i.id());
                    }
                }
            }
            change.apply(tx, found);
            return null;
        });
    }
}
