package io.cloudmock.ncp;

import io.cloudmock.core.Account;
import io.cloudmock.core.Ids;
import io.cloudmock.core.Resource;
import io.cloudmock.core.ResourceKind;
import io.cloudmock.core.TransitionTable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * One kind of the NCP VPC network (vpc, subnet, network-acl, route-table, acg, nic, login-key): its table, its
 * fields with defaults, the references whose loss takes it along (a VPC's default ACG goes with the VPC), and what
 * the control API must check or fill in ({@link #prepare}).
 */
final class NcpNetworkKind implements ResourceKind {
    static final String PROVIDER = NcpFlavour.VPC.provider;

    private final String kind;
    private final TransitionTable table;
    private final String defaultState;
    private final Ids ids;
    private final BiFunction<String, Instant, Map<String, Object>> defaults;
    private final Set<String> cascadeOn;
    private final BiConsumer<Account.Tx, Resource> prepare;
    private java.util.function.Function<Resource, String> held = r -> null;
    private java.util.function.Function<Resource, java.util.List<String>> unique = r -> java.util.List.of();

    NcpNetworkKind(String kind, TransitionTable table, String defaultState, Ids ids,
                   BiFunction<String, Instant, Map<String, Object>> defaults, Set<String> cascadeOn,
                   BiConsumer<Account.Tx, Resource> prepare) {
        this.kind = kind;
        this.table = table;
        this.defaultState = defaultState;
        this.ids = ids;
        this.defaults = defaults;
        this.cascadeOn = Set.copyOf(cascadeOn);
        this.prepare = prepare;
    }

    @Override public String provider() { return PROVIDER; }
    @Override public String kind() { return kind; }
    @Override public TransitionTable table() { return table; }
    @Override public String defaultState() { return defaultState; }
    @Override public String newId() { return ids.nextNumber(); }

    @Override
    public Map<String, Object> completeFields(String id, Map<String, Object> given, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>(defaults.apply(id, now));
        f.putAll(given);
        return f;
    }

    /** This kind with {@link ResourceKind#heldValue} (set once, before it is registered). */
    NcpNetworkKind holding(java.util.function.Function<Resource, String> held) {
        this.held = held;
        return this;
    }

    /** This kind with {@link ResourceKind#uniqueKeys} (set once, before it is registered). */
    NcpNetworkKind unique(java.util.function.Function<Resource, java.util.List<String>> unique) {
        this.unique = unique;
        return this;
    }

    @Override
    public java.util.List<String> uniqueKeys(Resource r) { return unique.apply(r); }

    @Override
    public void prepare(Account.Tx tx, Resource resource) { prepare.accept(tx, resource); }

    @Override
    public String heldValue(Resource r) { return held.apply(r); }

    @Override
    public OnGone onReferenceGone(String reference) {
        return cascadeOn.contains(reference) ? OnGone.CASCADE : OnGone.DETACH;
    }
}
