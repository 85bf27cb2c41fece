package io.cloudmock.zenlayer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Account;
import io.cloudmock.core.Json;
import io.cloudmock.core.Resource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.cloudmock.zenlayer.ZenlayerNetworkKinds.SECURITY_GROUP;

/**
 * Security groups (network reference section 5), both versions. Groups are Available at once; the default group
 * cannot be edited or deleted; rule edits are all or none; an instance holds 1 to 2 groups, and a group's
 * {@code instanceIds} are the instances that refer to it (the recycle bin included, until release).
 */
final class SecurityGroupActions {
    /** The user guide's 2 per team looks stale (network reference 13); a number that test suites do not hit. */
    static final int MAX_GROUPS = 50;
    private static final String NAME_PATTERN = "[A-Za-z0-9.-]+";

    private SecurityGroupActions() {}

    private static String name(ZenlayerRequest b) {
        String name = b.requiredString("securityGroupName");
        if (name.length() > 64) throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with("securityGroupName", 64);
        if (!name.matches(NAME_PATTERN)) throw ZenlayerError.INVALID_PARAMETER_PATTERN_ERROR.with("securityGroupName", "letters, digits, - and .");
        return name;
    }

    /** "" is accepted (Terraform always sends it on modify); otherwise 2 to 256 characters. */
    private static String description(ZenlayerRequest b) {
        String d = b.string("description");
        if (d == null || d.isEmpty()) return d;
        if (d.length() < 2) throw ZenlayerError.INVALID_PARAMETER_LESS_LENGTH.with("description", 2);
        if (d.length() > 256) throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with("description", 256);
        return d;
    }

    static void create(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        String name = name(b);
        String description = description(b);
        List<Map<String, Object>> rules = SecurityGroupRules.parseAll(b.objects("ruleInfos"));
        SecurityGroupRules.checkSet(rules);
        String id = call.backend().ids().nextNumber();
        call.account().atomically(tx -> {
            ZenlayerNetwork.ensureDefaults(tx, call.now());
            int own = 0;
            for (Resource g : tx.list(ZenlayerModel.PROVIDER, SECURITY_GROUP)) if (!isDefault(g)) own++;
            if (own >= MAX_GROUPS) throw ZenlayerError.OPERATION_DENIED_SECURITY_GROUP_TEAM_EXCEED_LIMIT.with(MAX_GROUPS);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("securityGroupName", name);
            f.put("createTime", ZenlayerModel.TIME.format(call.now()));
            f.put("description", description == null || description.isEmpty() ? null : description);
            f.put("ruleInfos", new ArrayList<>(rules));
            f.put("isDefault", false);
            Resource g = new Resource(ZenlayerModel.PROVIDER, SECURITY_GROUP, tx.account(), id, ZenlayerNetworkTransitions.AVAILABLE, call.now(), f);
            tx.add(g);
            return null;
        });
        response.put("securityGroupId", id);
    }

    static void describe(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        List<String> ids = b.strings("securityGroupIds", ZenlayerRequest.MAX_IDS);
        Set<String> wanted = ids == null || ids.isEmpty() ? null : new HashSet<>(ids);
        String name = b.string("securityGroupName");
        b.pageSize();
        b.pageNum();
        call.account().atomically(tx -> {
            ZenlayerNetwork.ensureDefaults(tx, call.now());
            List<Resource> matched = new ArrayList<>();
            for (Resource g : tx.list(ZenlayerModel.PROVIDER, SECURITY_GROUP)) {
                if (wanted != null && !wanted.contains(g.id())) continue;
                if (name != null && !g.string("securityGroupName").contains(name)) continue;
                matched.add(g);
            }
            response.put("totalCount", matched.size());
            ArrayNode data = response.putArray("dataSet");
            for (Resource g : b.page(matched)) data.add(view(tx, g));
            return null;
        });
    }

    /** One SecurityGroupInfo, in go26 field order. */
    static ObjectNode view(Account.Tx tx, Resource g) {
        ObjectNode o = Json.MAPPER.createObjectNode()
                .put("securityGroupId", g.id())
                .put("securityGroupName", g.string("securityGroupName"))
                .put("securityGroupStatus", g.state())
                .put("createTime", g.string("createTime"));
        Object d = g.fields().get("description");
        if (d == null) o.putNull("description");
        else o.put("description", d.toString());
        ArrayNode members = o.putArray("instanceIds");
        for (Resource i : ZenlayerNetwork.members(tx, g)) members.add(i.id());
        o.set("ruleInfos", Json.MAPPER.valueToTree(rules(g)));
        o.put("isDefault", isDefault(g));
        return o;
    }

    static void modify(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        List<String> ids = SubnetActions.ids(b, "securityGroupIds");
        String name = name(b);
        boolean hasDescription = b.has("description");
        String description = description(b);
        call.account().atomically(tx -> {
            List<Resource> found = editable(tx, ids);
            for (Resource g : found) {
                g.fields().put("securityGroupName", name);
                if (hasDescription) g.fields().put("description", description.isEmpty() ? null : description);
            }
            tx.touched();
            return null;
        });
    }

    static void delete(ZenlayerCall call, ObjectNode response) {
        String id = call.body().requiredString("securityGroupId");
        call.account().atomically(tx -> {
            // not found, default, status, instances being created, any instance
            Resource g = editable(tx, List.of(id)).get(0);
            List<Resource> members = ZenlayerNetwork.members(tx, g);
            for (Resource i : members) {
                if (ZenlayerTransitions.CREATING.contains(i.state())) throw ZenlayerError.OPERATION_DENIED_SECURITY_GROUP_EXIST_PRE_PRODUCT_INSTANCE.with(id);
            }
            if (!members.isEmpty()) throw ZenlayerError.OPERATION_DENIED_SECURITY_GROUP_EXIST_INSTANCE.with(id, members.size() + " instance(s)");
            tx.remove(g);
            return null;
        });
    }

    /** AuthorizeSecurityGroupRule: one rule in flat fields (2023 clients send no priority: 1). */
    static void authorizeOne(ZenlayerCall call, ObjectNode response) {
        String id = call.body().requiredString("securityGroupId");
        addRules(call, id, List.of(SecurityGroupRules.parse(call.body())));
    }

    static void authorize(ZenlayerCall call, ObjectNode response) {
        String id = call.body().requiredString("securityGroupId");
        List<ZenlayerRequest> given = call.body().objects("ruleInfos");
        if (given == null || given.isEmpty()) throw ZenlayerError.MISSING_PARAMETER.with("ruleInfos");
        addRules(call, id, SecurityGroupRules.parseAll(given));
    }

    /** The group's rules and then {@code rules}, checked as a whole by {@link #changeRules}. */
    private static void addRules(ZenlayerCall call, String id, List<Map<String, Object>> rules) {
        changeRules(call, id, current -> {
            List<Map<String, Object>> next = new ArrayList<>(current);
            next.addAll(rules);
            return next;
        });
    }

    /** "Configure full rules": the given set replaces every rule; none given clears them. */
    static void configure(ZenlayerCall call, ObjectNode response) {
        String id = call.body().requiredString("securityGroupId");
        List<Map<String, Object>> rules = SecurityGroupRules.parseAll(call.body().objects("ruleInfos"));
        changeRules(call, id, current -> rules);
    }

    /** Removes the matching rules; one that matches nothing fails the whole call. */
    static void revoke(ZenlayerCall call, ObjectNode response) {
        String id = call.body().requiredString("securityGroupId");
        List<ZenlayerRequest> given = call.body().objects("ruleInfos");
        if (given == null || given.isEmpty()) throw ZenlayerError.MISSING_PARAMETER.with("ruleInfos");
        List<Map<String, Object>> rules = SecurityGroupRules.parseAll(given);
        changeRules(call, id, current -> {
            List<Map<String, Object>> next = new ArrayList<>(current);
            for (Map<String, Object> r : rules) {
                if (!next.removeIf(have -> SecurityGroupRules.same(have, r))) {
                    throw ZenlayerError.INVALID_SECURITY_GROUP_RULE_NOT_FOUND.with(SecurityGroupRules.describe(r));
                }
            }
            return next;
        });
    }

    private interface RuleChange {
        List<Map<String, Object>> apply(List<Map<String, Object>> current);
    }

    private static void changeRules(ZenlayerCall call, String id, RuleChange change) {
        call.account().atomically(tx -> {
            Resource g = editable(tx, List.of(id)).get(0);
            List<Map<String, Object>> next = change.apply(rules(g));
            SecurityGroupRules.checkSet(next);
            g.fields().put("ruleInfos", new ArrayList<>(next));
            tx.touched();
            return null;
        });
    }

    static void associate(ZenlayerCall call, ObjectNode response) { membership(call, true); }

    static void unassociate(ZenlayerCall call, ObjectNode response) { membership(call, false); }

    /** Associate / UnAssociate: idempotent; at most 2 groups on an instance and at least 1 kept. */
    private static void membership(ZenlayerCall call, boolean join) {
        String groupId = call.body().requiredString("securityGroupId");
        String instanceId = call.body().requiredString("instanceId");
        call.account().atomically(tx -> {
            ZenlayerNetwork.ensureDefaults(tx, call.now());
            Resource g = find(tx, groupId);
            tx.allowed(ZenlayerNetworkTransitions.EDIT_SECURITY_GROUP, g);
            Resource i = tx.get(ZenlayerModel.PROVIDER, ZenlayerModel.KIND, instanceId);
            if (i == null) throw ZenlayerError.INVALID_INSTANCE_NOT_FOUND.with(instanceId);
            if (!ZenlayerTransitions.RUNNING.equals(i.state()) && !ZenlayerTransitions.STOPPED.equals(i.state())) {
                throw ZenlayerError.OPERATION_DENIED_INSTANCE_SECURITY_GROUP_STATUS.with(instanceId, "is " + i.state());
            }
            List<String> groups = new ArrayList<>(i.references(SECURITY_GROUP));
            if (join == groups.contains(groupId)) return null;
            if (join) {
                if (groups.size() >= ZenlayerNetwork.MAX_GROUPS_PER_INSTANCE) {
                    throw ZenlayerError.OPERATION_DENIED_INSTANCE_SECURITY_GROUP_EXCEED_LIMIT.with(ZenlayerNetwork.MAX_GROUPS_PER_INSTANCE, instanceId);
                }
                groups.add(groupId);
            } else {
                if (groups.size() <= 1) {
                    throw ZenlayerError.OPERATION_DENIED_INSTANCE_SECURITY_GROUP_STATUS.with(instanceId, "must keep at least one security group");
                }
                groups.remove(groupId);
            }
            ZenlayerNetwork.setGroups(tx, i, groups);
            return null;
        });
    }

    /** Every Available group not already on the instance, the default included. */
    static void available(ZenlayerCall call, ObjectNode response) {
        String instanceId = call.body().requiredString("instanceId");
        call.account().atomically(tx -> {
            ZenlayerNetwork.ensureDefaults(tx, call.now());
            Resource i = tx.get(ZenlayerModel.PROVIDER, ZenlayerModel.KIND, instanceId);
            if (i == null) throw ZenlayerError.INVALID_INSTANCE_NOT_FOUND.with(instanceId);
            ArrayNode out = response.putArray("instanceAvailableSecurityGroups");
            for (Resource g : tx.list(ZenlayerModel.PROVIDER, SECURITY_GROUP)) {
                if (i.references(SECURITY_GROUP).contains(g.id()) || !ZenlayerNetworkTransitions.AVAILABLE.equals(g.state())) continue;
                out.addObject().put("securityGroupId", g.id()).put("securityGroupName", g.string("securityGroupName"))
                        .put("isDefault", isDefault(g));
            }
            return null;
        });
    }

    /** The groups, each existing (404), not the default (403) and Available (403): checked for all before any changes. */
    private static List<Resource> editable(Account.Tx tx, List<String> ids) {
        List<Resource> found = new ArrayList<>();
        for (String id : ids) found.add(find(tx, id));
        for (Resource g : found) if (isDefault(g)) throw ZenlayerError.OPERATION_DENIED_DEFAULT_SECURITY_GROUP_NOT_SUPPORT.with(g.id());
        tx.beginAll(ZenlayerNetworkTransitions.EDIT_SECURITY_GROUP, found);
        return found;
    }

    private static Resource find(Account.Tx tx, String id) {
        Resource g = tx.get(ZenlayerModel.PROVIDER, SECURITY_GROUP, id);
        if (g == null) throw ZenlayerError.INVALID_SECURITY_GROUP_NOT_FOUND.with(id);
        return g;
    }

    static boolean isDefault(Resource g) { return Boolean.TRUE.equals(g.fields().get("isDefault")); }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules(Resource g) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (g.fields().get("ruleInfos") instanceof List<?> l) for (Object o : l) if (o instanceof Map<?, ?> m) out.add((Map<String, Object>) m);
        return out;
    }
}
