package io.cloudmock.zenlayer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Account;
import io.cloudmock.core.Json;
import io.cloudmock.core.Resource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static io.cloudmock.zenlayer.ZenlayerNetworkKinds.SUBNET;

/**
 * The classic VM subnets (network reference section 3), both versions: CreateSubnet (Creating, then Available
 * after one transition delay), DescribeSubnets, ModifySubnetsAttribute (the name, all or none), DeleteSubnet
 * (at once; refused while an instance is in it, the recycle bin included, or for a default subnet).
 */
final class SubnetActions {
    /** No number is documented ("quota is limited"); the user guide's VPC limit is 3, too few for test suites. */
    static final int MAX_SUBNETS_PER_ZONE = 20;
    private static final String NAME_PATTERN = "[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?";

    private SubnetActions() {}

    static void create(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        String zoneId = b.requiredString("zoneId");
        String cidr = b.requiredString("cidrBlock");
        String name = b.requiredString("subnetName");
        if (name.length() < 2) throw ZenlayerError.INVALID_PARAMETER_LESS_LENGTH.with("subnetName", 2);
        if (name.length() > 63) throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with("subnetName", 63);
        if (!name.matches(NAME_PATTERN)) {
            throw ZenlayerError.INVALID_PARAMETER_PATTERN_ERROR.with("subnetName",
                    "letters, digits, - and ., starting and ending with a letter or digit");
        }
        String description = b.string("subnetDescription");
        if (description != null && description.length() > 255) throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with("subnetDescription", 255);
        ZenlayerCatalog.zone(zoneId);
        String id = call.backend().ids().nextNumber();
        call.account().atomically(tx -> {
            ZenlayerNetwork.ensureDefaults(tx, call.now());
            ZenlayerNetwork.checkCidr(tx, zoneId, cidr);
            int inZone = 0;
            for (Resource s : tx.list(ZenlayerModel.PROVIDER, SUBNET)) {
                if (s.string("zoneId").equals(zoneId) && !Boolean.TRUE.equals(s.fields().get("isDefault"))) inZone++;
            }
            if (inZone >= MAX_SUBNETS_PER_ZONE) throw ZenlayerError.OPERATION_DENIED_SUBNET_EXCEED_LIMIT.with(zoneId, MAX_SUBNETS_PER_ZONE);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("zoneId", zoneId);
            f.put("subnetName", name);
            f.put("cidrBlock", cidr);
            f.put("subnetDescription", description == null ? "" : description);
            f.put("createTime", ZenlayerModel.TIME.format(call.now()));
            f.put("isDefault", false);
            Resource s = new Resource(ZenlayerModel.PROVIDER, SUBNET, tx.account(), id, ZenlayerNetworkTransitions.SUBNET_CREATING, call.now(), f);
            tx.add(s);
            tx.begin(ZenlayerNetworkTransitions.CREATE_SUBNET, s);
            return null;
        });
        response.put("subnetId", id);
    }

    static void describe(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        List<Predicate<Resource>> all = new ArrayList<>();
        List<String> ids = b.strings("subnetIds", ZenlayerRequest.MAX_IDS);
        if (ids != null && !ids.isEmpty()) {
            Set<String> wanted = new HashSet<>(ids);
            all.add(s -> wanted.contains(s.id()));
        }
        String zoneId = b.string("zoneId");
        if (zoneId != null) all.add(s -> zoneId.equals(s.string("zoneId")));
        // "Fuzzy query is supported": a substring
        String cidr = b.string("cidrBlock");
        if (cidr != null) all.add(s -> s.string("cidrBlock").contains(cidr));
        String status = b.string("subnetStatus");
        if (status != null) all.add(s -> status.equals(s.state()));
        String name = b.string("subnetName");
        if (name != null) all.add(s -> s.string("subnetName").contains(name));
        // go23 and java23 send these; subnets here have no resource group or network, so they are read and ignored
        b.string("resourceGroupId");
        b.string("networkId");
        Boolean desc = b.bool("isCreateTimeDesc");
        b.pageSize();
        b.pageNum();
        call.account().atomically(tx -> {
            ZenlayerNetwork.ensureDefaults(tx, call.now());
            List<Resource> matched = new ArrayList<>();
            for (Resource s : tx.list(ZenlayerModel.PROVIDER, SUBNET)) if (all.stream().allMatch(p -> p.test(s))) matched.add(s);
            if (Boolean.TRUE.equals(desc)) java.util.Collections.reverse(matched);
            response.put("totalCount", matched.size());
            ArrayNode data = response.putArray("dataSet");
            for (Resource s : b.page(matched)) data.add(view(tx, s));
            return null;
        });
    }

    /** One SubnetInfo, in go26 field order. */
    static ObjectNode view(Account.Tx tx, Resource s) {
        List<Resource> members = ZenlayerNetwork.members(tx, s);
        ObjectNode o = Json.MAPPER.createObjectNode()
                .put("subnetId", s.id())
                .put("zoneId", s.string("zoneId"))
                .put("subnetName", s.string("subnetName"))
                .put("subnetStatus", s.state());
        o.putArray("cidrBlockList").add(s.string("cidrBlock"));
        o.put("usageIpCount", members.size())
                .put("totalIpCount", ZenlayerNetwork.totalIps(s))
                .put("createTime", s.string("createTime"));
        ArrayNode list = o.putArray("instanceIdList");
        for (Resource i : members) list.add(i.id());
        o.put("subnetDescription", s.string("subnetDescription"))
                .put("cidrBlock", s.string("cidrBlock"))
                .put("isDefault", Boolean.TRUE.equals(s.fields().get("isDefault")));
        return o;
    }

    static void modify(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        List<String> ids = ids(b, "subnetIds");
        String name = b.requiredString("subnetName");
        if (name.length() > 64) throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with("subnetName", 64);
        if (!name.matches("[A-Za-z0-9.-]+")) throw ZenlayerError.INVALID_PARAMETER_PATTERN_ERROR.with("subnetName", "letters, digits, - and .");
        call.account().atomically(tx -> {
            ZenlayerNetwork.ensureDefaults(tx, call.now());
            List<Resource> found = new ArrayList<>();
            for (String id : ids) found.add(find(tx, id));
            for (Resource s : found) {
                if (Boolean.TRUE.equals(s.fields().get("isDefault"))) throw ZenlayerError.OPERATION_DENIED_UNSUPPORTED_SUBNET.with(s.id(), "a default subnet");
            }
            tx.beginAll(ZenlayerNetworkTransitions.MODIFY_SUBNETS, found);
            for (Resource s : found) s.fields().put("subnetName", name);
            tx.touched();
            return null;
        });
    }

    static void delete(ZenlayerCall call, ObjectNode response) {
        String id = call.body().requiredString("subnetId");
        call.account().atomically(tx -> {
            ZenlayerNetwork.ensureDefaults(tx, call.now());
            Resource s = find(tx, id);
            if (Boolean.TRUE.equals(s.fields().get("isDefault"))) throw ZenlayerError.OPERATION_DENIED_UNSUPPORTED_SUBNET.with(id, "a default subnet");
            List<Resource> members = ZenlayerNetwork.members(tx, s);
            for (Resource i : members) {
                if (ZenlayerTransitions.CREATING.contains(i.state())) throw ZenlayerError.UNSUPPORTED_OPERATION_SUBNET_HAS_PRE_PRODUCT_INSTANCE.with(id);
            }
            if (!members.isEmpty()) throw ZenlayerError.UNSUPPORTED_OPERATION_SUBNET_HAS_INSTANCE.with(id, members.size() + " instance(s)");
            tx.allowed(ZenlayerNetworkTransitions.DELETE_SUBNET, s);
            // the VM page mentions no DELETING status and Terraform does not poll: gone at once
            tx.remove(s);
            return null;
        });
    }

    private static Resource find(Account.Tx tx, String id) {
        Resource s = tx.get(ZenlayerModel.PROVIDER, SUBNET, id);
        if (s == null) throw ZenlayerError.INVALID_SUBNET_NOT_FOUND.with(id);
        return s;
    }

    /** A required id list of 1 to 100, duplicates folded. */
    static List<String> ids(ZenlayerRequest b, String name) {
        List<String> ids = b.strings(name, ZenlayerRequest.MAX_IDS);
        if (ids == null || ids.isEmpty()) throw ZenlayerError.MISSING_PARAMETER.with(b.path(name));
        for (String id : ids) if (id.isEmpty()) throw ZenlayerError.MISSING_PARAMETER.with(b.path(name));
        return new ArrayList<>(new LinkedHashSet<>(ids));
    }
}
