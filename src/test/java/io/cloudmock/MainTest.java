package io.cloudmock;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line as a user meets it: {@code Main} run in its own JVM (it calls {@code System.exit}), with no
 * {@code CLOUDMOCK_*} variable inherited from this machine.
 */
class MainTest {
    record Run(int exit, String out, String err) {}

    static Run cloudmock(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("CLOUDMOCK_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        // all of these exit at once; the bound keeps a broken build from hanging the suite
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("cloudmock " + String.join(" ", args) + " did not exit");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    static Run cloudmock(String... args) throws IOException, InterruptedException {
        return cloudmock(Map.of(), args);
    }

    /** Every {@code --name} option of {@link Main}, read from its annotations so a new option is checked too. */
    static List<String> options() {
        List<String> names = new ArrayList<>();
        for (Field f : Main.class.getDeclaredFields()) {
            Option o = f.getAnnotation(Option.class);
            if (o != null) names.add(o.names()[0]);
        }
        return names;
    }

    @Test
    void helpListsEveryOptionWithItsDefaultAndVariable() throws Exception {
        Run run = cloudmock("--help");
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        String help = run.out().replaceAll("\\s+", " ");
        List<String> names = options();
        assertEquals(13, names.size(), "DESIGN.md lists 13 options: " + names);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int at = help.indexOf(" " + name + "=");
            assertTrue(at >= 0, name + " missing from --help:\n" + run.out());
            int end = i + 1 < names.size() ? help.indexOf(" " + names.get(i + 1) + "=", at) : help.indexOf(" -h, --help", at);
            String entry = help.substring(at, end);
            String variable = "CLOUDMOCK_" + name.substring(2).replace('-', '_').toUpperCase(Locale.ROOT);
            assertTrue(entry.contains("(default: "), name + " has no default in: " + entry);
            assertTrue(entry.contains("env " + variable + ")"), name + " does not name " + variable + " in: " + entry);
        }
        assertTrue(help.contains("(default: 127.0.0.1; env CLOUDMOCK_HOST)"), help);
        assertTrue(help.contains("(default: 8080; env CLOUDMOCK_PORT)"), help);
        assertTrue(help.contains("-h, --help") && help.contains("-V, --version"), help);
    }

    @Test
    void versionIsTheBuildsVersion() throws Exception {
        assertTrue(Version.VALUE.matches("\\d+\\.\\d+\\.\\d+([-.].+)?"), "stamped at build time: " + Version.VALUE);
        Run run = cloudmock("--version");
        assertEquals(0, run.exit(), run.err());
        assertEquals("cloudmock " + Version.VALUE + System.lineSeparator(), run.out());
    }

    private static void rejected(Run run, String option) {
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals("", run.out());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), "one line: " + run.err());
        assertTrue(lines.get(0).startsWith("cloudmock: ") && lines.get(0).contains(option), lines.get(0));
    }

    @Test
    void aBadValueExits2WithOneLineNamingTheOption() throws Exception {
        rejected(cloudmock("--port", "eighty"), "--port");
        rejected(cloudmock("--clock", "sometimes"), "--clock");
        rejected(cloudmock("--port", "70000"), "--port");
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheOptionToo() throws Exception {
        rejected(cloudmock(Map.of("CLOUDMOCK_TRANSITION_DELAY", "soon")), "--transition-delay");
        rejected(cloudmock(Map.of("CLOUDMOCK_LOG_FORMAT", "xml")), "--log-format");
    }

    @Test
    void aPortInUseIsOneLineAndExit1WithoutJavalinsOwnError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Run run = cloudmock("--port", Integer.toString(port));
            assertEquals(1, run.exit(), run.err());
            assertEquals("", run.out());
            List<String> lines = run.err().lines().toList();
            assertEquals(1, lines.size(), "one line: " + run.err());
            assertTrue(lines.get(0).startsWith("cloudmock: cannot listen on 127.0.0.1:" + port + ": "), lines.get(0));
        }
    }

    /** A blank token looks set but would leave the control API open (e.g. -e CLOUDMOCK_CONTROL_TOKEN=$UNSET). */
    @Test
    void aBlankControlTokenIsAStartupError() throws Exception {
        rejected(cloudmock("--control-token", ""), "--control-token");
        rejected(cloudmock("--control-token", "  "), "--control-token");
        rejected(cloudmock(Map.of("CLOUDMOCK_CONTROL_TOKEN", "")), "--control-token");
    }

    @Test
    void aBadBearerTokenEntryIsRejectedWithoutEchoingIt() throws Exception {
        Run run = cloudmock("--bearer-tokens", "good=ci,s3cr3t-x=");
        rejected(run, "--bearer-tokens");
        assertTrue(!run.err().contains("s3cr3t-x"), run.err());
        rejected(cloudmock(Map.of("CLOUDMOCK_BEARER_TOKENS", "@/no/such/file")), "--bearer-tokens");
        rejected(cloudmock("--allowed-hosts", ","), "--allowed-hosts");
    }

    @Test
    void anUnknownOptionExits2() throws Exception {
        rejected(cloudmock("--colour"), "--colour");
    }
}
