package io.cloudmock.junit;

import io.cloudmock.CloudMock;
import io.cloudmock.core.Clock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs cloudmock in-process for a JUnit 5 test class:
 * <pre>{@code
 * @RegisterExtension
 * static final CloudMockExtension cloud = new CloudMockExtension();
 *
 * @Test
 * void stopsAServer() {
 *     String endpoint = cloud.baseUrl();                  // NCLOUD_API_GW, the Zenlayer endpoint...
 *     cloud.control().createInstance("ncp", "RUN", Map.of("serverName", "web"));
 *     cloud.control().advanceSeconds(2);                   // or cloud.clock().advance(Duration.ofSeconds(2))
 * }
 * }</pre>
 * One server per test class, on a free port of 127.0.0.1, with the manual clock and a 2 s transition delay
 * (change either with {@code new CloudMockExtension(b -> b.transitionDelay(...))}); everything is reset before
 * each test (instances, journal, fault rules, clock). Registered on an instance field instead of a static one,
 * it starts a server per test.
 */
public final class CloudMockExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final Consumer<CloudMock.Builder> customizer;
    private CloudMock mock;
    private CloudMockControl control;
    private int classDepth;
    private boolean perTest;

    public CloudMockExtension() { this(b -> { }); }

    /** @param customizer adjusts the builder (already set to port 0, manual clock, 2 s delay) before the start */
    public CloudMockExtension(Consumer<CloudMock.Builder> customizer) { this.customizer = customizer; }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (classDepth++ == 0) start(); // @Nested classes share the outer class's server
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classDepth == 0) stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (mock == null) {
            perTest = true;
            start();
        }
        mock.control().reset(); // in-process, through the same control interface as over HTTP
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
            perTest = false;
        }
    }

    private void start() {
        CloudMock.Builder b = CloudMock.builder().port(0).manualClock().transitionDelay(Duration.ofSeconds(2));
        customizer.accept(b);
        mock = b.start();
        control = new CloudMockControl(mock.baseUrl(), mock.config().controlToken());
    }

    private void stop() {
        if (mock != null) mock.close();
        mock = null;
        control = null;
    }

    private CloudMock running() {
        if (mock == null) throw new IllegalStateException("cloudmock is not running: register CloudMockExtension with @RegisterExtension");
        return mock;
    }

    /** {@code http://127.0.0.1:PORT}: where SDKs and HTTP clients point. */
    public String baseUrl() { return running().baseUrl(); }

    /** A client of the control API of this server. */
    public CloudMockControl control() {
        running();
        return control;
    }

    /** The server's clock (manual unless customized): {@code clock().advance(Duration)} moves it directly. */
    public Clock clock() { return running().clock(); }

    /** The server itself, for anything else. */
    public CloudMock cloudMock() { return running(); }
}
