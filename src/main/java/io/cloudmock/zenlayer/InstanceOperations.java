package io.cloudmock.zenlayer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Account;
import io.cloudmock.core.Instance;
import io.cloudmock.core.Transition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static io.cloudmock.zenlayer.ZenlayerTransitions.TABLE;

/**
 * The actions on existing instances. Each one, under the account lock, checks every id for existence (404),
 * then the recycle bin (403 RECYCLED), then the state (403), and only then changes all of them: all or none.
 * Every one answers only {@code requestId} (reference section 7).
 */
final class InstanceOperations {
    private InstanceOperations() {}

    static void start(ZenlayerCall call, ObjectNode response) {
        transition(call, call.body().instanceIds(), "StartInstances", ZenlayerError.OPERATION_DENIED_INSTANCE_NOT_STOPPED);
    }

    static void stop(ZenlayerCall call, ObjectNode response) {
        List<String> ids = call.body().instanceIds();
        call.body().bool("forceShutdown"); // accepted (type-checked); a forced stop takes the same path here
        transition(call, ids, "StopInstances", ZenlayerError.OPERATION_DENIED_INSTANCE_NOT_RUNNING);
    }

    static void reboot(ZenlayerCall call, ObjectNode response) {
        transition(call, call.body().instanceIds(), "RebootInstances", ZenlayerError.OPERATION_DENIED_INSTANCE_STATUS);
    }

    /** Into the recycle bin: postpaid only, not while creating. */
    static void terminate(ZenlayerCall call, ObjectNode response) {
        String id = call.body().requiredString("instanceId");
        Transition row = TABLE.row("TerminateInstance");
        batch(call, List.of(id), true, i -> {
            if (ZenlayerTransitions.CREATING.contains(i.state())) {
                return ZenlayerError.OPERATION_DENIED_INSTANCE_CREATING.with(i.id(), i.state());
            }
            if ("PREPAID".equals(i.fields().get("instanceChargeType"))) {
                return ZenlayerError.OPERATION_DENIED_INSTANCE_SUBSCRIPTION.with(i.id());
            }
            // the row's from-set is every status but creating and the recycle bin (checked above), so this
            // only matters if a status is ever added to the enum without a decision for it
            return row.from().contains(i.state()) ? null : ZenlayerError.OPERATION_DENIED_INSTANCE_CREATING.with(i.id(), i.state());
        }, (tx, i) -> tx.begin(i, row));
    }

    /** Out of the recycle bin for good: RECYCLE only, then gone. */
    static void release(ZenlayerCall call, ObjectNode response) {
        List<String> ids = call.body().instanceIds();
        Transition row = TABLE.row("ReleaseInstances");
        batch(call, ids, false, i -> row.from().contains(i.state()) ? null
                : ZenlayerError.OPERATION_DENIED_INSTANCE_NOT_RECYCLED.with(i.id(), i.state()), (tx, i) -> tx.begin(i, row));
    }

    /** Only the display name can be changed; any unknown id fails the whole call. */
    static void modifyAttribute(ZenlayerCall call, ObjectNode response) {
        List<String> ids = call.body().instanceIds();
        String name = ZenlayerNames.name("instanceName", call.body().requiredString("instanceName"));
        batch(call, ids, true, i -> null, (tx, i) -> {
            i.fields().put("instanceName", name);
            tx.touched();
        });
    }

    /** Moves instances to another resource group (any id; groups are not modelled). */
    static void modifyResourceGroup(ZenlayerCall call, ObjectNode response) {
        List<String> ids = call.body().instanceIds();
        String group = call.body().requiredString("resourceGroupId");
        String groupName = group.equals(ZenlayerCatalog.DEFAULT_RESOURCE_GROUP_ID) ? ZenlayerCatalog.DEFAULT_RESOURCE_GROUP_NAME : group;
        batch(call, ids, true, i -> null, (tx, i) -> {
            i.fields().put("resourceGroupId", group);
            i.fields().put("resourceGroupName", groupName);
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
        Transition row = TABLE.row("ResetInstancesPassword");
        batch(call, ids, true, i -> row.from().contains(i.state()) || ZenlayerTransitions.RUNNING.equals(i.state()) ? null
                : ZenlayerError.OPERATION_DENIED_INSTANCE_NOT_STOPPED_PASSWORD.with(i.id(), i.state()), (tx, i) -> {
            if (row.from().contains(i.state())) tx.begin(i, row);
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
        Transition row = TABLE.row("ResetInstance");
        batch(call, List.of(id), true, i -> {
            if (!row.from().contains(i.state())) return ZenlayerError.OPERATION_DENIED_INSTANCE_NOT_STOPPED.with(i.id(), i.state());
            if (wanName != null || lanName != null) {
                @SuppressWarnings("unchecked")
                java.util.Map<String, Object> nic = (java.util.Map<String, Object>) i.fields().get("nic");
                String wan = wanName != null ? wanName : nic == null ? "eth0" : String.valueOf(nic.get("wanName"));
                String lan = lanName != null ? lanName : nic == null ? "eth1" : String.valueOf(nic.get("lanName"));
                if (wan.equals(lan)) return ZenlayerError.INVALID_PARAMETER_NIC_NAME_CONFLICT.with();
            }
            return null;
        }, (tx, i) -> {
            if (image != null) {
                i.fields().put("imageId", image.imageId());
                i.fields().put("imageName", image.imageName());
            }
            i.fields().put("keyId", keyId);
            if (name != null) i.fields().put("instanceName", name);
            if (wanName != null || lanName != null) {
                @SuppressWarnings("unchecked")
                java.util.Map<String, Object> old = (java.util.Map<String, Object>) i.fields().get("nic");
                i.fields().put("nic", ZenlayerModel.nic(
                        wanName != null ? wanName : old == null ? "eth0" : String.valueOf(old.get("wanName")),
                        lanName != null ? lanName : old == null ? "eth1" : String.valueOf(old.get("lanName"))));
            }
            tx.begin(i, row);
        });
    }

    private static void transition(ZenlayerCall call, List<String> ids, String action, ZenlayerError denial) {
        Transition row = TABLE.row(action);
        batch(call, ids, true, i -> row.from().contains(i.state()) ? null : denial.with(i.id(), i.state()),
                (tx, i) -> tx.begin(i, row));
    }

    interface Change {
        void apply(Account.Tx tx, Instance instance);
    }

    /**
     * The batch discipline: existence of every id, then (if {@code recycleBinDenied}) none in the recycle bin,
     * then {@code stateCheck} for every one (null = allowed), then {@code change} for all.
     */
    static void batch(ZenlayerCall call, List<String> ids, boolean recycleBinDenied,
                      Function<Instance, ZenlayerException> stateCheck, Change change) {
        call.account().atomically(tx -> {
            List<Instance> found = new ArrayList<>(ids.size());
            for (String id : ids) {
                Instance i = tx.get(ZenlayerModel.PROVIDER, id);
                if (i == null) throw ZenlayerError.INVALID_INSTANCE_NOT_FOUND.with(id);
                found.add(i);
            }
            if (recycleBinDenied) {
                for (Instance i : found) {
                    if (ZenlayerTransitions.IN_RECYCLE_BIN.contains(i.state())) {
                        throw ZenlayerError.OPERATION_DENIED_INSTANCE_RECYCLED.with(i.id());
                    }
                }
            }
            for (Instance i : found) {
                ZenlayerException denied = stateCheck.apply(i);
                if (denied != null) throw denied;
            }
            for (Instance i : found) change.apply(tx, i);
            return null;
        });
    }
}
