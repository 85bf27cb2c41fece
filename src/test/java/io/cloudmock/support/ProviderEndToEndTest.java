package io.cloudmock.support;

import io.cloudmock.CloudMock;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;

/** {@link EndToEndTest} with the {@link FakeProvider} installed, for tests of the provider-neutral parts. */
public abstract class ProviderEndToEndTest extends EndToEndTest {
    @BeforeAll
    static void startCloudMock() {
        mock = CloudMock.builder().port(0).manualClock().transitionDelay(Duration.ofSeconds(2))
                .provider(FakeProvider::install).start();
    }
}
