package io.cloudmock.testcontainers;

import io.cloudmock.Config;
import io.cloudmock.junit.CloudMockControl;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.HttpWaitStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * cloudmock's Docker image as a Testcontainers container: ready once {@code GET /_cloudmock/health} answers 200,
 * with the endpoints to point clients at and a {@link CloudMockControl} for the control API.
 *
 * <pre>{@code
 * @Container
 * static CloudMockContainer cloud = new CloudMockContainer("ghcr.io/OWNER/cloudmock:0.1.0").withManualClock();
 * // NCLOUD_API_GW = cloud.ncpEndpoint(); Zenlayer: domain cloud.zenlayerDomain(), scheme "http"
 * cloud.control().advanceSeconds(2);
 * }</pre>
 *
 * Every option is the image's {@code CLOUDMOCK_*} variable (the image reads them, and so does its HEALTHCHECK).
 * Testcontainers is an optional dependency of cloudmock: add {@code org.testcontainers:testcontainers} to your
 * test dependencies to use this class.
 */
public class CloudMockContainer extends GenericContainer<CloudMockContainer> {
    /** The port cloudmock listens on inside the container. */
    public static final int PORT = 8080;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final Map<String, String> credentials = new LinkedHashMap<>();
    private String controlToken;

    public CloudMockContainer(String image) { this(DockerImageName.parse(image)); }

    public CloudMockContainer(DockerImageName image) {
        super(image);
        withExposedPorts(PORT);
        withEnv("CLOUDMOCK_PORT", Integer.toString(PORT));
        // the published port is reached as the Docker host's address, which need not be localhost: the control
        // API's DNS-rebinding guard must accept it (the container is a test's own, nothing else reaches it)
        withEnv("CLOUDMOCK_ALLOWED_HOSTS", "*");
    }

    /** {@code --clock manual}: transitions move only through {@code control().advance(...)}. */
    public CloudMockContainer withManualClock() { return withClock(Config.ClockMode.MANUAL); }

    public CloudMockContainer withClock(Config.ClockMode clock) {
        return withEnv("CLOUDMOCK_CLOCK", clock.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code --transition-delay}, to the millisecond. */
    public CloudMockContainer withTransitionDelay(Duration delay) {
        if (delay.isNegative()) throw new IllegalArgumentException("a transition delay cannot be negative: " + delay);
        long ms = delay.toMillis();
        return withEnv("CLOUDMOCK_TRANSITION_DELAY", ms == 0 ? "0" : ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms");
    }

    /** {@code --auth off | log | verify}; the keys it checks come from {@link #withCredential}. */
    public CloudMockContainer withAuth(Config.AuthMode auth) {
        return withEnv("CLOUDMOCK_AUTH", auth.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** One {@code --credentials} pair; call it again for more. */
    public CloudMockContainer withCredential(String accessKey, String secret) {
        if (accessKey.contains(":") || accessKey.contains(",") || secret.contains(",")) {
            throw new IllegalArgumentException("an access key has no ':' or ',' and a secret no ','");
        }
        credentials.put(accessKey, secret);
        StringJoiner all = new StringJoiner(",");
        credentials.forEach((k, s) -> all.add(k + ":" + s));
        return withEnv("CLOUDMOCK_CREDENTIALS", all.toString());
    }

    /** {@code --control-token}: {@link #control()} and the health wait send it. */
    public CloudMockContainer withControlToken(String token) {
        if (token == null || token.isBlank()) throw new IllegalArgumentException("a control token cannot be blank");
        controlToken = token;
        return withEnv("CLOUDMOCK_CONTROL_TOKEN", token);
    }

    /** {@code --journal-size}. */
    public CloudMockContainer withJournalSize(int size) {
        return withEnv("CLOUDMOCK_JOURNAL_SIZE", Integer.toString(size));
    }

    /** {@code --log-format text | json}. */
    public CloudMockContainer withLogFormat(Config.LogFormat format) {
        return withEnv("CLOUDMOCK_LOG_FORMAT", format.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code --seed}: a JSON file of instances on this machine, copied into the container and loaded at start. */
    public CloudMockContainer withSeed(Path seedFile) {
        withCopyFileToContainer(MountableFile.forHostPath(seedFile), "/data/seed.json");
        return withEnv("CLOUDMOCK_SEED", "/data/seed.json");
    }

    @Override
    protected void configure() {
        super.configure();
        HttpWaitStrategy health = Wait.forHttp("/_cloudmock/health").forPort(PORT).forStatusCode(200);
        if (controlToken != null) health = health.withHeader("Authorization", "Bearer " + controlToken);
        waitingFor(health.withStartupTimeout(STARTUP_TIMEOUT));
    }

    /** {@code http://HOST:PORT} as this machine reaches the container. */
    public String baseUrl() { return "http://" + getHost() + ":" + getMappedPort(PORT); }

    /** The value for {@code NCLOUD_API_GW} (the NCP SDKs and Terraform provider add {@code /vserver/v2}...). */
    public String ncpEndpoint() { return baseUrl(); }

    /** The Zenlayer SDKs' endpoint / domain, {@code HOST:PORT}, to use with the scheme {@code http}. */
    public String zenlayerDomain() { return getHost() + ":" + getMappedPort(PORT); }

    /** The Zenlayer VM API's URL, {@code http://HOST:PORT/api/v2/vm}. */
    public String zenlayerVmUrl() { return baseUrl() + "/api/v2/vm"; }

    /** The control API ({@code /_cloudmock/}) of this container, with its control token if one was set. */
    public CloudMockControl control() { return new CloudMockControl(baseUrl(), controlToken); }
}
