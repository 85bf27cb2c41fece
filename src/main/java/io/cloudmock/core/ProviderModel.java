package io.cloudmock.core;

import java.time.Instant;
import java.util.Map;

/**
 * What the provider-neutral parts (control API, state file, seed) need to know of a provider's instances:
 * its name, its state machine, and how to make a complete instance from a few given fields.
 */
public interface ProviderModel {
    /** {@code ncp}, {@code ncp-classic} or {@code zenlayer}: the name used by the control API. */
    String name();

    TransitionTable table();

    /** The state a new instance settles in when none is asked for (e.g. {@code RUN}, {@code RUNNING}). */
    String defaultState();

    /** A fresh instance id, unique across accounts. */
    String newId();

    /**
     * Every field a new instance of this provider has, under the provider's own names, with {@code given}
     * (the control API's {@code fields}) applied on top. Throws IllegalArgumentException for a given value
     * the provider cannot accept (unknown image code...).
     */
    Map<String, Object> completeFields(String id, Map<String, Object> given, Instant now);

    /**
     * The field no two live instances of one account may share (NCP: {@code serverName}, "already in use"),
     * checked by the control API as the provider's create action checks it; null when names may repeat.
     */
    default String uniqueField() { return null; }
}
