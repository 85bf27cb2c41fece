package io.cloudmock.zenlayer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The part of the resource-manager service ({@code POST /api/v2/zrm}, version 2025-10-14, Go SDK
 * {@code zrm20251014}) that the Terraform provider needs for VM instances: ModifyResourceTags, which it calls
 * when a {@code zenlayercloud_zvm_instance}'s {@code tags} change. The resources are the account's VM
 * instances (their {@code tags} field, the one DescribeInstances shows and CreateInstances fills); other zrm
 * actions answer "not implemented".
 */
final class ZrmTags {
    static final String VERSION = "2025-10-14";
    /** zrm {@code Tag}: "key 1-64 characters", "value 1-64 characters". */
    static final int MAX_TAG_LENGTH = 64;

    /** Every action of zrm 2025-10-14 (Go SDK client). */
    static final Set<String> ACTIONS_2025 = Set.of("CreateTags", "DeleteTags", "DescribeTags", "TagBindResources",
            "TagUnbindResources", "DescribeResourceTags", "ModifyResourceTags");

    static final ZenlayerService SERVICE = new ZenlayerService("zrm", Map.of(VERSION, ACTIONS_2025),
            Map.of("ModifyResourceTags", ZrmTags::modifyResourceTags));

    private ZrmTags() {}

    /**
     * {@code {resourceUuid, replaceTags:[{key,value}], deleteTagKeys:[key]}}: removes the listed keys, then sets
     * each replaced key's value (adding the keys not yet there, after the others). At most 20 tags remain, as
     * CreateInstances allows. Answers only {@code requestId}.
     */
    static void modifyResourceTags(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        String uuid = b.requiredString("resourceUuid");
        Map<String, String> replace = new LinkedHashMap<>();
        List<ZenlayerRequest> given = b.objects("replaceTags");
        if (given != null) {
            for (ZenlayerRequest t : given) {
                String key = tagText(t, "key", true);
                replace.put(key, tagText(t, "value", false));
            }
        }
        List<String> delete = b.strings("deleteTagKeys");
        call.account().atomically(tx -> {
            // instances, and the stand-alone disks whose tags Terraform's zvm_disk changes here too
            Resource i = tx.get(ZenlayerModel.PROVIDER, ZenlayerModel.KIND, uuid);
            if (i == null) i = tx.get(ZenlayerModel.PROVIDER, ZenlayerNetworkKinds.DISK, uuid);
            if (i == null) throw ZenlayerError.OPERATION_FAILED_RESOURCE_NOT_FOUND.with(uuid);
            Map<String, String> tags = new LinkedHashMap<>();
            if (i.fields().get("tags") instanceof Map<?, ?> wrapper && wrapper.get("tags") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> t && t.get("key") != null) tags.put(t.get("key").toString(), Objects.toString(t.get("value"), null));
                }
            }
            if (delete != null) delete.forEach(tags::remove);
            tags.putAll(replace);
            if (tags.size() > InstanceCreation.MAX_TAGS) {
                throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with("tags", InstanceCreation.MAX_TAGS);
            }
            List<Map<String, Object>> out = new ArrayList<>(tags.size());
            tags.forEach((k, v) -> {
                Map<String, Object> tag = new LinkedHashMap<>();
                tag.put("key", k);
                tag.put("value", v);
                out.add(tag);
            });
            i.fields().put("tags", ZenlayerModel.tags(out));
            tx.touched();
            return null;
        });
    }

    static String tagText(ZenlayerRequest t, String name, boolean required) {
        String v = required ? t.requiredString(name) : t.string(name);
        if (v != null && v.length() > MAX_TAG_LENGTH) throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with(t.path(name), MAX_TAG_LENGTH);
        return v;
    }
}
