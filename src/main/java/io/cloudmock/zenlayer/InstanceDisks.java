package io.cloudmock.zenlayer;

import io.cloudmock.core.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An instance's {@code dataDisks} as DescribeInstances shows them: the disks made with it ({@code portable:
 * false}) and, while attached, the stand-alone disks ({@code portable: true}, network reference 9.3), kept in
 * step with the disks' {@code instance} reference.
 */
final class InstanceDisks {
    private InstanceDisks() {}

    static void attach(Resource instance, Resource disk) {
        List<Object> list = list(instance);
        list.removeIf(o -> o instanceof Map<?, ?> m && disk.id().equals(m.get("diskId")));
        list.add(entry(disk));
        instance.fields().put("dataDisks", list);
    }

    static void detach(Resource instance, Resource disk) {
        List<Object> list = list(instance);
        list.removeIf(o -> o instanceof Map<?, ?> m && disk.id().equals(m.get("diskId")));
        instance.fields().put("dataDisks", list);
    }

    /** After a rename or a resize: the instance's entry shows the disk as it is now. */
    static void refresh(Resource instance, Resource disk) {
        List<Object> list = list(instance);
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k) instanceof Map<?, ?> m && disk.id().equals(m.get("diskId"))) list.set(k, entry(disk));
        }
        instance.fields().put("dataDisks", list);
    }

    /** Data disks on the instance, portable or not (the cap of AttachDisks counts both). */
    static int count(Resource instance) { return list(instance).size(); }

    private static Map<String, Object> entry(Resource disk) {
        return ZenlayerModel.disk(disk.id(), disk.string("diskName"), ((Number) disk.fields().get("diskSize")).intValue(),
                disk.string("diskCategory"), true);
    }

    private static List<Object> list(Resource instance) {
        return instance.fields().get("dataDisks") instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
    }
}
