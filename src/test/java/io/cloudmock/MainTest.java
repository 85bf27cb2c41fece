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
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertEquals(14, names.size(), "DESIGN.md lists 14 options: " + names);
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

    /** A server started from the command line, until {@link #close()}: stdout's first line has been read. */
    static final class Served implements AutoCloseable {
        final Process process;
        final String baseUrl;
        private final java.util.concurrent.CompletableFuture<String> err;

        Served(Process process, String baseUrl, java.util.concurrent.CompletableFuture<String> err) {
            this.process = process;
            this.baseUrl = baseUrl;
            this.err = err;
        }

        /** Stops the server (SIGTERM, as Ctrl-C) and answers everything it wrote to stderr. */
        String stopAndReadStderr() throws Exception {
            close();
            return err.get(30, TimeUnit.SECONDS);
        }

        @Override public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }

    static Served serve(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("CLOUDMOCK_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        java.util.concurrent.CompletableFuture<String> err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        java.util.concurrent.CompletableFuture<String> first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = first.get(60, TimeUnit.SECONDS); // a bound so that a broken build cannot hang the suite
        } catch (java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw new AssertionError("cloudmock " + String.join(" ", args) + " printed no line");
        }
        if (line == null || !line.startsWith("cloudmock listening on ")) {
            p.waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("cloudmock " + String.join(" ", args) + " did not start: " + err.get(30, TimeUnit.SECONDS));
        }
        return new Served(p, line.substring("cloudmock listening on ".length()), err);
    }

    static int get(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void credentialsFromAFileOfSeveralLinesAreReadByCloudmockNotSplicedIntoTheArguments(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("keys.txt");
        java.nio.file.Files.writeString(file, "# two accounts\nAK1:secret1\nAK2:secret2\n");
        assertEquals(Map.of("AK1", "secret1", "AK2", "secret2"), Main.parseCredentials("@" + file, "--credentials"));
        for (String[] form : new String[][] {{"--credentials", "@" + file}, {"--credentials=@" + file}}) {
            List<String> args = new ArrayList<>(List.of("--port", "0", "--auth", "verify"));
            args.addAll(List.of(form));
            try (Served s = serve(Map.of(), args.toArray(String[]::new))) {
                assertEquals(401, get(s.baseUrl + "/vserver/v2/getRegionList"), "unsigned, so refused by --auth verify");
                String err = s.stopAndReadStderr();
                assertFalse(err.contains("no access key is known"), err);
            }
        }
        rejected(cloudmock("--credentials", "@" + dir.resolve("missing.txt")), "--credentials");
        Run missing = cloudmock("--credentials", "@" + dir.resolve("missing.txt"));
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    @Test
    void aBadCloudmockPortIsBlamedOnTheVariableNotOnTheOption() throws Exception {
        Run notANumber = cloudmock(Map.of("CLOUDMOCK_PORT", "eighty"));
        rejected(notANumber, "CLOUDMOCK_PORT");
        Run outOfRange = cloudmock(Map.of("CLOUDMOCK_PORT", "70000"));
        rejected(outOfRange, "CLOUDMOCK_PORT");
        assertTrue(outOfRange.err().contains("between 0 and 65535"), outOfRange.err());
        Run typed = cloudmock(Map.of("CLOUDMOCK_PORT", "8080"), "--port", "eighty");
        rejected(typed, "--port");
        assertFalse(typed.err().contains("CLOUDMOCK_PORT"), "the option was typed, so it is to blame: " + typed.err());
        rejected(cloudmock(Map.of("CLOUDMOCK_JOURNAL_SIZE", "-1")), "CLOUDMOCK_JOURNAL_SIZE");
    }

    @Test
    void credentialsWithoutAuthWarnAtStartUp() throws Exception {
        try (Served s = serve(Map.of(), "--port", "0", "--credentials", "AK1:secret1")) {
            String err = s.stopAndReadStderr();
            assertTrue(err.contains("WARN") && err.contains("--credentials without --auth"), err);
        }
        try (Served s = serve(Map.of(), "--port", "0", "--credentials", "AK1:secret1", "--auth", "verify")) {
            assertFalse(s.stopAndReadStderr().contains("WARN"));
        }
    }

    @Test
    void logLevelWarnDropsTheRequestLinesAndTheVariableWorksToo() throws Exception {
        try (Served s = serve(Map.of(), "--port", "0")) {
            assertEquals(200, get(s.baseUrl + "/vserver/v2/getRegionList"));
            assertTrue(s.stopAndReadStderr().contains("INFO  requests - GET /vserver/v2/getRegionList 200"));
        }
        try (Served s = serve(Map.of(), "--port", "0", "--log-level", "warn")) {
            assertEquals(200, get(s.baseUrl + "/vserver/v2/getRegionList"));
            assertEquals("", s.stopAndReadStderr());
        }
        try (Served s = serve(Map.of("CLOUDMOCK_LOG_LEVEL", "error"), "--port", "0", "--auth", "verify")) {
            assertEquals("", s.stopAndReadStderr(), "the warning about missing credentials is below error");
        }
        rejected(cloudmock("--log-level", "loud"), "--log-level");
        rejected(cloudmock(Map.of("CLOUDMOCK_LOG_LEVEL", "loud")), "CLOUDMOCK_LOG_LEVEL");
    }

    @Test
    void failuresAreSentencesNotJavaClassNames(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Run host = cloudmock("--port", "0", "--host", "no-such-host.invalid");
        assertEquals(1, host.exit(), host.err());
        assertEquals("cloudmock: cannot listen on no-such-host.invalid:0: the host name no-such-host.invalid does not resolve"
                + System.lineSeparator(), host.err());
        Run seed = cloudmock("--port", "0", "--seed", dir.resolve("seed.json").toString());
        assertEquals(1, seed.exit(), seed.err());
        assertEquals("cloudmock: cannot read --seed " + dir.resolve("seed.json") + ": the file does not exist"
                + System.lineSeparator(), seed.err());
        for (Run r : new Run[] {host, seed}) {
            assertFalse(r.err().matches("(?s).*(Exception|java\\.).*"), "names a Java class: " + r.err());
        }
    }
}
