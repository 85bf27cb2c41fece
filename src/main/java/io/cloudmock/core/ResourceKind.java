package io.cloudmock.core;

import java.time.Instant;
import java.util.Map;

/**
 * One kind of resource of one provider (NCP servers, NCP VPCs, Zenlayer disks...), as the provider-neutral parts
 * (lifecycle engine, control API, state file, seed) need to know it: its name, its state machine, how to make a
 * complete resource from a few given fields, and what happens to it when a resource it refers to goes away.
 */
public interface ResourceKind {
    /** {@code ncp}, {@code ncp-classic} or {@code zenlayer}: the name used by the control API. */
    String provider();

    /** {@code server}, {@code vpc}, {@code subnet}, {@code instance}, {@code disk}... (DESIGN.md section 1). */
    String kind();

    TransitionTable table();

    /** The state a new resource settles in when none is asked for (e.g. {@code RUN}, {@code RUNNING}). */
    String defaultState();

    /** A fresh id, unique per provider across accounts. */
    String newId();

    /**
     * Every field a new resource of this kind has, under the provider's own names, with {@code given} (the
     * control API's {@code fields}) applied on top. Throws IllegalArgumentException for a given value the provider
     * cannot accept (unknown image code...).
     */
    Map<String, Object> completeFields(String id, Map<String, Object> given, Instant now);

    /**
     * True for the kind {@code /_cloudmock/instances} lists: the provider's servers (NCP) or instances (Zenlayer).
     */
    default boolean isInstance() { return false; }

    /**
     * The field no two live resources of this kind in one account may share (NCP servers: {@code serverName},
     * "already in use"), checked by the control API as the provider's create action checks it; null when names
     * may repeat.
     */
    default String uniqueField() { return null; }

    /**
     * What no two live resources of this kind in one account share, as the provider's actions keep it (NCP: a
     * server's name, an interface's addresses in its subnet), as keys that say what they are: an import holding two
     * alike is refused, since the live server could never have reached it. By default the unique field's value.
     */
    default java.util.List<String> uniqueKeys(Resource r) {
        Object v = uniqueField() == null ? null : r.fields().get(uniqueField());
        return v == null ? java.util.List.of() : java.util.List.of(uniqueField() + " '" + v + "'");
    }

    /**
     * The key of a value that no two live resources hold at once across every account (an NCP public IP's address
     * in its region: the real cloud gives an address to one account at a time), or null. Claimed when the resource
     * is added ({@link Account.Tx#claim} first, to choose a free one) and given back when it goes; it must not
     * change while the resource lives.
     */
    default String heldValue(Resource r) { return null; }

    /**
     * The fields each account indexes for this kind (value to resources, kept with every write:
     * {@link Account.Tx#withField}), so that finding the resources with one value does not walk them all; by
     * default the unique field, which every create checks. Each index costs a map entry a resource (about 50
     * bytes); fields that hold strings only.
     */
    default java.util.List<String> indexedFields() {
        return uniqueField() == null ? java.util.List.of() : java.util.List.of(uniqueField());
    }

    /**
     * Called under the account lock before a resource made by the control API, a seed or an import is added: check
     * its references as the provider checks them (IllegalArgumentException with a message for the test author), and
     * fill in missing ones (a server without a subnet lands in the account's ready network). Imports call it too.
     */
    default void prepare(Account.Tx tx, Resource resource) {}

    /**
     * Called under the account lock for each resource of an import or a state file, once all of them are in: a
     * kind whose model has grown since the state was written adds what an older state lacks (NCP: a server's
     * basic block storage). Must change nothing when nothing is missing.
     */
    default void restored(Account.Tx tx, Resource resource) {}

    /**
     * What becomes of a resource of this kind when one it refers to under {@code reference} goes away: it forgets
     * the reference ({@link OnGone#DETACH}, a disk whose server was released) or goes too ({@link OnGone#CASCADE},
     * a server's default network interface). Deletes that the provider refuses while a resource is referred to are
     * checked by the handler first ({@link Account.Tx#referrers}).
     */
    default OnGone onReferenceGone(String reference) { return OnGone.DETACH; }

    enum OnGone { DETACH, CASCADE }
}
