package io.cloudmock.control;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A headless Chromium for the dashboard tests, driven through the system's chromedriver (Debian's
 * {@code chromium-driver}; {@code .ci/run} installs it). Never downloads a browser or a driver: without one the
 * tests fail and say what to install, since a dashboard test that skipped would pass CI untested.
 * Also the extension that saves a screenshot and the page's HTML under target/ when a test fails: right after the
 * test method, before any {@code @AfterEach} could navigate away (a TestWatcher would see the page too late).
 */
final class Browser implements AfterTestExecutionCallback, AutoCloseable {
    /** Flags for a quiet, sandbox-free (CI runs as root) headless browser that talks to nothing but the page. */
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1400,1000");

    private ChromeDriver driver;
    private Path profile;

    ChromeDriver driver() {
        if (driver == null) driver = start();
        return driver;
    }

    private ChromeDriver start() {
        String driverPath = find("cloudmock.chromedriver", "CHROMEWEBDRIVER", "chromedriver", "/usr/bin/chromedriver")
                .orElseGet(() -> fail("no chromedriver: install Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver; .ci/run does), or set -Dcloudmock.chromedriver=PATH"));
        ChromeOptions options = new ChromeOptions();
        // Debian's browser; elsewhere (a GitHub runner's Chrome) chromedriver finds its own
        find("cloudmock.chromium", null, null, "/usr/bin/chromium").ifPresent(options::setBinary);
        try {
            profile = Files.createTempDirectory("cloudmock-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driverPath)).usingAnyFreePort()
                // a machine shared by several builds can take its time to start a process
                .withTimeout(Duration.ofSeconds(60)).build();
        return new ChromeDriver(service, options);
    }

    /** A system property, else {@code $ENV/file}, else a fixed path; only an executable file counts. */
    private static Optional<String> find(String property, String envDir, String file, String fixed) {
        Stream<String> candidates = Stream.of(System.getProperty(property),
                envDir == null || System.getenv(envDir) == null ? null : System.getenv(envDir) + File.separator + file,
                fixed);
        return candidates.filter(p -> p != null && !p.isBlank() && new File(p).canExecute()).findFirst();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (driver == null || context.getExecutionException().isEmpty()) return;
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        try {
            Path dir = Files.createDirectories(Path.of("target", "dashboard-failures"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            System.err.println("dashboard screenshot: " + dir.resolve(name + ".png").toAbsolutePath());
        } catch (RuntimeException | IOException e) {
            System.err.println("could not save the dashboard screenshot: " + e);
        }
    }

    @Override
    public void close() throws IOException {
        if (driver != null) driver.quit();
        driver = null;
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
