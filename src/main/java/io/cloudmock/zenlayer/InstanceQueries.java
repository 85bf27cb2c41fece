package io.cloudmock.zenlayer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Resource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * DescribeInstances and DescribeInstancesStatus: filters (reference section 7), then paging (pageSize 1-1000,
 * default 20; pageNum from 1); {@code totalCount} counts every match. Unknown ids simply match nothing.
 */
final class InstanceQueries {
    static final int MAX_TAG_FILTERS = 20;

    private InstanceQueries() {}

    static void describe(ZenlayerCall call, ObjectNode response) {
        Predicate<Resource> filter = filter(call.body());
        ZenlayerRequest b = call.body();
        List<String> ids = b.strings("instanceIds", ZenlayerRequest.MAX_IDS);
        b.pageSize();
        b.pageNum();
        // everything the filter depends on: the body but its page (polled while instances change, the account
        // keeps the matches up to date instead of walking every instance again)
        com.fasterxml.jackson.databind.node.ObjectNode query = b.node().deepCopy();
        query.remove("pageSize");
        query.remove("pageNum");
        String key = "instance " + query;
        call.account().atomically(tx -> {
            // instances by id (how Terraform reads them back): only those are looked at
            java.util.Collection<Resource> from = ids == null || ids.isEmpty() ? null
                    : tx.getAll(ZenlayerModel.PROVIDER, ZenlayerModel.KIND, ids);
            List<Resource> matched = tx.matches(ZenlayerModel.PROVIDER, ZenlayerModel.KIND, key, from, filter, null);
            response.put("totalCount", matched.size());
            response.putRawValue("dataSet", ZenlayerJson.instancesRaw(b.page(matched)));
            return null;
        });
    }

    static void describeStatus(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        List<String> ids = b.strings("instanceIds", ZenlayerRequest.MAX_IDS);
        b.pageSize();
        b.pageNum();
        Set<String> wanted = ids == null || ids.isEmpty() ? null : new HashSet<>(ids);
        call.account().atomically(tx -> {
            // by id when asked (no walk of every instance), else all of them, in creation order either way
            List<Resource> matched = wanted == null ? new ArrayList<>(tx.view(ZenlayerModel.PROVIDER, ZenlayerModel.KIND))
                    : tx.getAll(ZenlayerModel.PROVIDER, ZenlayerModel.KIND, wanted);
            response.put("totalCount", matched.size());
            ArrayNode data = response.putArray("dataSet");
            for (Resource i : b.page(matched)) data.addObject().put("instanceId", i.id()).put("instanceStatus", i.state());
            return null;
        });
    }

    /** Every DescribeInstances filter, checked for type and enum values; absent filters match everything. */
    static Predicate<Resource> filter(ZenlayerRequest b) {
        List<Predicate<Resource>> all = new ArrayList<>();
        List<String> ids = b.strings("instanceIds", ZenlayerRequest.MAX_IDS);
        if (ids != null && !ids.isEmpty()) {
            Set<String> wanted = new HashSet<>(ids);
            all.add(i -> wanted.contains(i.id()));
        }
        equal(all, "zoneId", b.string("zoneId"));
        equal(all, "internetChargeType", b.enumValue("internetChargeType", ZenlayerCatalog.INTERNET_CHARGE_TYPES));
        equal(all, "imageId", b.string("imageId"));
        equal(all, "instanceType", b.string("instanceType"));
        equal(all, "keyId", b.string("keyId"));
        equal(all, "subnetId", b.string("subnetId"));
        equal(all, "resourceGroupId", b.string("resourceGroupId"));
        anyOf(all, "publicIpAddresses", b.strings("publicIpAddresses"));
        anyOf(all, "privateIpAddresses", b.strings("privateIpAddresses"));
        String securityGroupId = b.string("securityGroupId");
        if (securityGroupId != null) all.add(i -> list(i, "securityGroupIds").contains(securityGroupId));
        String status = b.enumValue("instanceStatus", ZenlayerTransitions.STATES);
        if (status != null) all.add(i -> i.state().equals(status));
        String name = b.string("instanceName");
        if (name != null) {
            // "If the value ends with *, a fuzzy match will be performed": the rest must occur in the name
            if (name.endsWith("*")) {
                String part = name.substring(0, name.length() - 1);
                all.add(i -> i.string("instanceName").contains(part));
            } else {
                all.add(i -> i.string("instanceName").equals(name));
            }
        }
        List<String> tagKeys = b.strings("tagKeys", MAX_TAG_FILTERS);
        if (tagKeys != null) all.add(i -> tagsOf(i).keySet().containsAll(tagKeys));
        List<ZenlayerRequest> tags = b.objects("tags");
        if (tags != null) {
            if (tags.size() > MAX_TAG_FILTERS) throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with("tags", MAX_TAG_FILTERS);
            for (ZenlayerRequest t : tags) {
                String key = t.requiredString("key");
                String value = t.string("value");
                all.add(i -> {
                    Map<String, String> have = tagsOf(i);
                    return have.containsKey(key) && (value == null || value.equals(have.get(key)));
                });
            }
        }
        return i -> {
            for (Predicate<Resource> p : all) if (!p.test(i)) return false;
            return true;
        };
    }

    private static void equal(List<Predicate<Resource>> all, String field, String wanted) {
        if (wanted != null) all.add(i -> wanted.equals(i.fields().get(field)));
    }

    private static void anyOf(List<Predicate<Resource>> all, String field, List<String> wanted) {
        if (wanted != null && !wanted.isEmpty()) all.add(i -> list(i, field).stream().anyMatch(wanted::contains));
    }

    private static List<?> list(Resource i, String field) {
        Object v = i.fields().get(field);
        return v instanceof List<?> l ? l : List.of();
    }

    private static Map<String, String> tagsOf(Resource i) {
        Map<String, String> out = new java.util.HashMap<>();
        if (i.fields().get("tags") instanceof Map<?, ?> wrapper && wrapper.get("tags") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> t && t.get("key") != null) out.put(t.get("key").toString(), Objects.toString(t.get("value"), null));
            }
        }
        return out;
    }
}
