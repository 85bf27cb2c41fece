package io.cloudmock.core;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdsTest {
    @Test
    void requestIdsAreDistinctVersionFourUuidsInTheirUsualForm() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Ids.uuid();
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
            UUID parsed = UUID.fromString(id);
            assertEquals(4, parsed.version());
            assertEquals(2, parsed.variant());
            assertTrue(seen.add(id), "repeated: " + id);
        }
    }
}
