package io.cloudmock.junit;

import io.cloudmock.support.FakeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The extension's control client carries the control token of the server it started. */
class CloudMockExtensionTokenTest {
    @RegisterExtension
    static final CloudMockExtension cloud = new CloudMockExtension(b -> b.controlToken("t0ken").provider(FakeProvider::install));

    @Test
    void controlClientUsesTheToken() {
        cloud.control().createInstance("test", "STOPPED", null);
        assertEquals("STOPPED", cloud.control().instances().get(0).get("state").asText());
        CloudMockControl anonymous = new CloudMockControl(cloud.baseUrl());
        assertEquals(401, assertThrows(CloudMockControl.Failure.class, anonymous::instances).status());
    }
}
