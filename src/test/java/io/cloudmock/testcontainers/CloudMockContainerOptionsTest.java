package io.cloudmock.testcontainers;

import io.cloudmock.Config;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The typed options become the image's CLOUDMOCK_* variables in the forms cloudmock parses (no Docker needed). */
class CloudMockContainerOptionsTest {
    @Test
    void optionsAreTheImagesVariables() {
        try (CloudMockContainer c = new CloudMockContainer("cloudmock:test")
                .withManualClock()
                .withTransitionDelay(Duration.ofMillis(1500))
                .withAuth(Config.AuthMode.VERIFY)
                .withCredential("AK1", "SK1")
                .withCredential("AK2", "SK2")
                .withControlToken("s3cret")
                .withJournalSize(50)
                .withLogFormat(Config.LogFormat.JSON)) {
            Map<String, String> env = c.getEnvMap();
            assertEquals("8080", env.get("CLOUDMOCK_PORT"));
            assertEquals("manual", env.get("CLOUDMOCK_CLOCK"));
            assertEquals("1500ms", env.get("CLOUDMOCK_TRANSITION_DELAY"));
            assertEquals("verify", env.get("CLOUDMOCK_AUTH"));
            assertEquals("AK1:SK1,AK2:SK2", env.get("CLOUDMOCK_CREDENTIALS"));
            assertEquals("s3cret", env.get("CLOUDMOCK_CONTROL_TOKEN"));
            assertEquals("50", env.get("CLOUDMOCK_JOURNAL_SIZE"));
            assertEquals("json", env.get("CLOUDMOCK_LOG_FORMAT"));
            assertEquals("*", env.get("CLOUDMOCK_ALLOWED_HOSTS"));
            assertEquals(java.util.List.of(8080), c.getExposedPorts());
        }
    }

    @Test
    void durationsInTheFormsTheCommandLineTakes() {
        try (CloudMockContainer c = new CloudMockContainer("cloudmock:test")) {
            assertEquals("0", c.withTransitionDelay(Duration.ZERO).getEnvMap().get("CLOUDMOCK_TRANSITION_DELAY"));
            assertEquals("2s", c.withTransitionDelay(Duration.ofSeconds(2)).getEnvMap().get("CLOUDMOCK_TRANSITION_DELAY"));
            assertEquals("120s", c.withTransitionDelay(Duration.ofMinutes(2)).getEnvMap().get("CLOUDMOCK_TRANSITION_DELAY"));
            assertEquals(Duration.ofMillis(250),
                    io.cloudmock.core.Durations.parse(c.withTransitionDelay(Duration.ofMillis(250)).getEnvMap().get("CLOUDMOCK_TRANSITION_DELAY")));
            assertThrows(IllegalArgumentException.class, () -> c.withTransitionDelay(Duration.ofSeconds(-1)));
            assertThrows(IllegalArgumentException.class, () -> c.withControlToken(" "));
            assertThrows(IllegalArgumentException.class, () -> c.withCredential("A:K", "S"));
        }
    }
}
