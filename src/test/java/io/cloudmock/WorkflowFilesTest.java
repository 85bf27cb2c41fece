package io.cloudmock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GitHub workflows and docker/compose.yaml run only on GitHub or a Docker engine, neither of which this
 * build has: here they are parsed as YAML and their key structure is checked, so a broken indentation, a lost
 * trigger or a release that stopped attaching its checksum fails {@code mvn verify}, not the next tag.
 * (The workflows are also linted with actionlint in ci.yml's lint job.)
 */
class WorkflowFilesTest {
    static final Path WORKFLOWS = Path.of(".github", "workflows");
    static final YAMLMapper YAML = new YAMLMapper();

    static JsonNode read(Path file) throws IOException {
        JsonNode n = YAML.readTree(file.toFile());
        assertTrue(n != null && n.isObject(), file + " is a YAML mapping");
        return n;
    }

    static JsonNode workflow(String name) throws IOException { return read(WORKFLOWS.resolve(name)); }

    /** Every {@code run:} script of a workflow, joined. */
    static String runs(JsonNode job) {
        StringBuilder b = new StringBuilder();
        for (JsonNode step : job.path("steps")) b.append(step.path("run").asText("")).append('\n');
        return b.toString();
    }

    static JsonNode step(JsonNode job, String usesPrefix) {
        for (JsonNode step : job.path("steps")) if (step.path("uses").asText("").startsWith(usesPrefix)) return step;
        throw new AssertionError("no step uses " + usesPrefix);
    }

    static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list.isTextual()) out.add(list.asText());
        for (JsonNode n : list) out.add(n.asText());
        return out;
    }

    @Test
    void everyWorkflowHasATriggerAndJobsMadeOfSteps() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(WORKFLOWS)) {
            files = s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        }
        Set<String> names = new TreeSet<>();
        for (Path f : files) names.add(f.getFileName().toString());
        assertTrue(names.containsAll(Set.of("ci.yml", "release.yml", "conformance.yml")), names.toString());
        for (Path f : files) {
            JsonNode w = read(f);
            assertTrue(w.path("name").isTextual(), f + ": name");
            // Jackson reads the key `on` as written (YAML 1.1 would make it `true`; GitHub reads `on`)
            assertTrue(w.has("on") && !w.get("on").isNull(), f + ": on");
            assertTrue(w.path("jobs").isObject() && w.path("jobs").size() > 0, f + ": jobs");
            for (var job : w.get("jobs").properties()) {
                String where = f + " job " + job.getKey();
                JsonNode j = job.getValue();
                assertTrue(j.path("runs-on").isTextual(), where + ": runs-on");
                assertTrue(j.path("timeout-minutes").isInt(), where + ": timeout-minutes (a hung step must not hold a runner for 6 h)");
                assertTrue(j.path("steps").isArray() && j.path("steps").size() > 0, where + ": steps");
                for (var needed : texts(j.path("needs"))) assertTrue(w.get("jobs").has(needed), where + " needs unknown job " + needed);
                for (JsonNode s : j.get("steps")) {
                    assertTrue(s.has("uses") ^ s.has("run"), where + ": a step either uses an action or runs a script: " + s);
                }
                // repository scripts a step runs exist and are executable
                Matcher m = Pattern.compile("(?:^|\\s|\\.\\./)((?:docker|\\.github/conformance|bench)/[\\w./-]+\\.sh)").matcher(runs(j));
                while (m.find()) {
                    Path script = Path.of(m.group(1));
                    assertTrue(Files.isExecutable(script), where + " runs " + script + ", which must exist and be executable");
                }
            }
        }
    }

    @Test
    void releaseTestsThenAttachesTheJarAndChecksumAndPushesAMultiArchImage() throws IOException {
        JsonNode w = workflow("release.yml");
        assertEquals(List.of("v*"), texts(w.path("on").path("push").path("tags")));
        JsonNode jobs = w.get("jobs");
        assertTrue(runs(jobs.get("test")).contains("mvn -B verify"), "the README's test command");

        JsonNode release = jobs.get("github-release");
        assertEquals(List.of("test"), texts(release.path("needs")));
        assertEquals("write", release.path("permissions").path("contents").asText());
        String script = runs(release);
        assertTrue(script.contains("sha256sum cloudmock.jar"), script);
        assertTrue(script.contains("gh release create") && script.contains("cloudmock.jar cloudmock.jar.sha256"), script);

        JsonNode image = jobs.get("image");
        assertEquals(List.of("test"), texts(image.path("needs")));
        assertEquals("write", image.path("permissions").path("packages").asText());
        assertTrue(w.path("env").path("IMAGE").asText().startsWith("ghcr.io/"), "the GitHub container registry");
        JsonNode build = step(image, "docker/build-push-action@").path("with");
        assertEquals(Set.of("linux/amd64", "linux/arm64"), Set.of(build.path("platforms").asText().split(",")));
        assertTrue(build.path("push").asBoolean(), "push");
        assertEquals("docker/Dockerfile", build.path("file").asText());
        String tags = step(image, "docker/metadata-action@").path("with").path("tags").asText();
        assertTrue(tags.contains("type=semver,pattern={{version}}") && tags.contains("value=latest"), tags);
        step(image, "docker/setup-qemu-action@");
    }

    @Test
    void conformanceRunsTheProvidersOwnAcceptanceTestsNightlyAndPublishesAMatrix() throws IOException {
        JsonNode w = workflow("conformance.yml");
        assertTrue(w.path("on").path("schedule").get(0).path("cron").isTextual(), "nightly");
        assertTrue(w.path("on").has("workflow_dispatch"), "on demand");
        JsonNode jobs = w.get("jobs");
        assertTrue(runs(jobs.get("image")).contains("docker build -f docker/Dockerfile"));

        JsonNode ncloud = jobs.get("ncloud");
        assertEquals(List.of("image"), texts(ncloud.path("needs")));
        Set<String> suites = new TreeSet<>();
        for (JsonNode m : ncloud.path("strategy").path("matrix").path("include")) {
            suites.add(m.path("suite").asText());
            assertTrue(m.path("run").asText().matches("\\^TestAccResourceNcloud(Server|LoginKey|Vpc|Subnet)_"), m.toString());
        }
        assertEquals(Set.of("ncloud_server", "ncloud_vpc", "ncloud_subnet", "ncloud_login_key"), suites);
        assertFalse(ncloud.path("strategy").path("fail-fast").asBoolean(true), "one failing suite must not cancel the others");
        assertEquals("NaverCloudPlatform/terraform-provider-ncloud", findCheckout(ncloud).path("with").path("repository").asText());
        JsonNode tests = null;
        for (JsonNode s : ncloud.get("steps")) if ("tests".equals(s.path("id").asText())) tests = s;
        assertTrue(tests != null, "the acceptance test step");
        assertEquals("1", tests.path("env").path("TF_ACC").asText());
        assertEquals("${{ env.CLOUDMOCK }}", tests.path("env").path("NCLOUD_API_GW").asText());
        assertTrue(w.path("env").path("CLOUDMOCK").asText().startsWith("http://127.0.0.1:"));
        assertTrue(tests.path("run").asText().contains("go test -json"));

        JsonNode zenlayer = jobs.get("zenlayer");
        String script = runs(zenlayer);
        assertTrue(script.contains("terraform apply") && script.contains("terraform destroy"), script);
        assertTrue(Files.isRegularFile(Path.of(".github/conformance/zenlayer/main.tf")));
        assertTrue(Files.readString(Path.of(".github/conformance/zenlayer/main.tf")).contains("resource \"zenlayercloud_zvm_instance\""));

        JsonNode matrix = jobs.get("matrix");
        assertEquals(Set.of("ncloud", "zenlayer"), new TreeSet<>(texts(matrix.path("needs"))));
        assertEquals("always()", matrix.path("if").asText());
        assertTrue(runs(matrix).contains("GITHUB_STEP_SUMMARY"));
    }

    static JsonNode findCheckout(JsonNode job) {
        for (JsonNode s : job.path("steps")) {
            if (s.path("uses").asText("").startsWith("actions/checkout@") && s.path("with").has("repository")) return s;
        }
        throw new AssertionError("no checkout of another repository");
    }

    @Test
    void composeRunsCloudmockHealthyWithAStateVolumeAndATokenBesideAnApp() throws IOException {
        JsonNode c = read(Path.of("docker", "compose.yaml"));
        JsonNode cm = c.path("services").path("cloudmock");
        JsonNode build = cm.path("build");
        Path context = Path.of("docker").resolve(build.path("context").asText()).normalize();
        assertTrue(Files.isRegularFile(context.resolve(build.path("dockerfile").asText())), "the Dockerfile the build names");

        JsonNode env = cm.path("environment");
        assertTrue(env.path("CLOUDMOCK_CONTROL_TOKEN").asText().startsWith("${CLOUDMOCK_CONTROL_TOKEN"), env.toString());
        String stateFile = env.path("CLOUDMOCK_STATE_FILE").asText();
        String volume = null;
        for (String v : texts(cm.path("volumes"))) {
            String[] parts = v.split(":");
            if (stateFile.startsWith(parts[1] + "/")) volume = parts[0];
        }
        assertTrue(volume != null && c.path("volumes").has(volume), "the state file lies on a named volume: " + stateFile);

        List<String> test = texts(cm.path("healthcheck").path("test"));
        assertEquals("CMD-SHELL", test.get(0));
        assertTrue(test.get(1).contains("/_cloudmock/health") && test.get(1).contains("Authorization: Bearer $${CLOUDMOCK_CONTROL_TOKEN}"),
                test.get(1));
        for (String port : texts(cm.path("ports"))) assertTrue(port.startsWith("127.0.0.1:"), "loopback only: " + port);

        JsonNode app = c.path("services").path("app");
        assertEquals("service_healthy", app.path("depends_on").path("cloudmock").path("condition").asText());
        assertEquals("http://cloudmock:8080", app.path("environment").path("NCLOUD_API_GW").asText());
        assertEquals(env.path("CLOUDMOCK_CONTROL_TOKEN").asText(), app.path("environment").path("CLOUDMOCK_CONTROL_TOKEN").asText());
    }
}
