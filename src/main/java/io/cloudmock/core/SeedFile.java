package io.cloudmock.core;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --seed FILE}: instances to create at start, each object shaped like a {@code POST /_cloudmock/instances}
 * body; the file is a JSON array of them or {@code {"instances": [...]}}. Every object is checked before any
 * instance is made; a problem is a StartupException naming the file and the object.
 */
public final class SeedFile {
    private SeedFile() {}

    /** Creates the file's instances; returns how many. */
    public static int load(Backend backend, Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new StartupException("cannot load --seed " + file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new StartupException("cannot read --seed " + file + ": " + IoProblem.describe(e), e);
        }
        JsonNode list = root != null && root.isObject() ? root.get("instances") : root;
        if (list == null || !list.isArray()) {
            throw new StartupException("cannot load --seed " + file
                    + ": expected a JSON array of instances or {\"instances\": [...]}");
        }
        List<ResourceSpec> specs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                specs.add(ResourceSpec.fromJson(list.get(i), backend));
            } catch (IllegalArgumentException e) {
                throw new StartupException("cannot load --seed " + file + ": instances[" + i + "]: " + e.getMessage(), e);
            }
        }
        int made = 0;
        for (int i = 0; i < specs.size(); i++) {
            try {
                made += specs.get(i).create(backend).size();
            } catch (IllegalArgumentException e) {
                throw new StartupException("cannot load --seed " + file + ": instances[" + i + "]: " + e.getMessage(), e);
            }
        }
        return made;
    }
}
