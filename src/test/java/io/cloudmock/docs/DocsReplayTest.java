package io.cloudmock.docs;

import io.cloudmock.Main;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Docs are tests: every page of docs/ and the README is replayed top to bottom, as a reader would, against a
 * fresh cloudmock started as the page starts it (its options; on a free port instead of the page's, which is
 * put back in the answers), each {@code $ command} run by bash in order (see {@link DocPage} for how a page
 * is read), and its answer compared with the output the page shows. Only what differs from run to run is
 * normalised, on both sides: request ids and other UUIDs, times and dates, and the durations and uptimes
 * cloudmock measures. {@code …} on the page stands for text left out.
 *
 * <p>{@code -Ddocs.rewrite=true} writes the answers into the pages instead of failing (a trimmed output keeps
 * its head): how an example is written, by running it.
 */
class DocsReplayTest {
    static final Path DOCS = Path.of("docs");
    static final boolean REWRITE = Boolean.getBoolean("docs.rewrite");

    /** Pages that are not replayed, each with the reason; every other page is. */
    static final Map<String, String> EXCLUDED = Map.of();

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyPageReplaysTopToBottom() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("README.md"));
        try (Stream<Path> s = Files.list(DOCS)) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        for (String excluded : EXCLUDED.keySet()) {
            assertTrue(pages.contains(Path.of(excluded)), "EXCLUDED names a page that does not exist: " + excluded);
        }
        String only = System.getProperty("docs.page"); // -Ddocs.page=zenlayer.md while writing one page
        return pages.stream().filter(p -> only == null || p.toString().endsWith(only)).map(page -> DynamicTest.dynamicTest(page.toString(), () -> {
            String reason = EXCLUDED.get(page.toString());
            // naming a page (-Ddocs.page) replays it even when excluded: how an excluded page is worked on
            org.junit.jupiter.api.Assumptions.assumeTrue(reason == null || only != null, page + " is excluded: " + reason);
            assertTimeoutPreemptively(Duration.ofMinutes(3), () -> replay(page));
        }));
    }

    private void replay(Path page) throws Exception {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        DocPage doc = DocPage.parse(page.toString(), text);
        if (!doc.unreplayedCurls().isEmpty()) {
            fail(page + " has curl examples the harness cannot check (no \"$ \" and no output), at lines "
                    + doc.unreplayedCurls() + ": write them as \"$ curl ...\" followed by the answer");
        }
        if (doc.steps().stream().noneMatch(DocPage.Step::isExample)) return; // prose only: nothing to replay
        String pagePort = pagePort(doc.serverArgs());
        Path dir = Files.createDirectories(work.resolve(page.getFileName().toString()));
        List<String> problems = new ArrayList<>();
        List<String[]> rewrites = new ArrayList<>(); // {start, end, text}
        try (Server server = Server.start(doc.serverArgs()); Shell shell = new Shell(dir, Map.of())) {
            String port = Integer.toString(server.port);
            for (DocPage.Step step : doc.steps()) {
                String script = step.script().replace("127.0.0.1:" + pagePort, "127.0.0.1:" + port)
                        .replace("localhost:" + pagePort, "localhost:" + port);
                Shell.Result r = shell.run(script);
                String actual = stripTrailing(r.output().replace("127.0.0.1:" + port, "127.0.0.1:" + pagePort)
                        .replace("localhost:" + port, "localhost:" + pagePort));
                if (!step.isExample()) {
                    if (r.exit() != 0) problems.add(page + ":" + step.line() + ": set-up failed (exit " + r.exit() + "):\n" + actual);
                    continue;
                }
                if (!Normalise.matches(step.expected(), actual)) {
                    problems.add(page + ":" + step.line() + ": $ " + step.script() + "\n--- the page shows:\n"
                            + step.expected().strip() + "\n--- cloudmock answered:\n" + actual);
                    rewrites.add(new String[] {Integer.toString(step.outputStart()), Integer.toString(step.outputEnd()),
                            Normalise.trimLike(step.expected(), actual)});
                }
            }
        }
        if (REWRITE && !rewrites.isEmpty()) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            for (int k = rewrites.size() - 1; k >= 0; k--) {
                int start = Integer.parseInt(rewrites.get(k)[0]);
                int end = Integer.parseInt(rewrites.get(k)[1]);
                boolean blankAfter = end - 1 >= start && lines.get(end - 1).isBlank();
                List<String> replacement = new ArrayList<>(rewrites.get(k)[2].isEmpty() ? List.of() : List.of(rewrites.get(k)[2].split("\n", -1)));
                if (blankAfter) replacement.add("");
                for (int n = end - 1; n >= start; n--) lines.remove(n);
                lines.addAll(start, replacement);
            }
            Files.writeString(page, String.join("\n", lines), StandardCharsets.UTF_8);
            return;
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " example(s) of " + page + " do not replay (fix the page, or run with "
                    + "-Ddocs.rewrite=true and review the diff):\n\n" + String.join("\n\n", problems));
        }
    }

    private static String stripTrailing(String s) {
        return s.replaceAll("(?m)[ \\t\\r]+$", "").replaceAll("\\s+$", "");
    }

    static String pagePort(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--port") && i + 1 < args.size()) return args.get(i + 1);
            if (args.get(i).startsWith("--port=")) return args.get(i).substring(7);
        }
        return "8080";
    }

    /** cloudmock from the command line, on a free port, with no CLOUDMOCK_* variable of this machine. */
    static final class Server implements AutoCloseable {
        final Process process;
        final int port;

        private Server(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Server start(List<String> pageArgs) throws Exception {
            List<String> command = new ArrayList<>(List.of(
                    System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            for (int i = 0; i < pageArgs.size(); i++) {
                String a = pageArgs.get(i);
                if (a.equals("--port")) { i++; continue; }
                if (!a.startsWith("--port=")) command.add(a);
            }
            command.addAll(List.of("--port", "0"));
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().keySet().removeIf(k -> k.startsWith("CLOUDMOCK_"));
            Process p = pb.start();
            p.getOutputStream().close();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try { return out.readLine(); } catch (IOException e) { return null; }
            }).get(60, TimeUnit.SECONDS);
            Matcher m = line == null ? null : Pattern.compile("cloudmock listening on http://\\S+:(\\d+)").matcher(line);
            if (m == null || !m.matches()) {
                p.destroyForcibly();
                throw new AssertionError("cloudmock " + pageArgs + " did not start: " + line);
            }
            return new Server(p, Integer.parseInt(m.group(1)));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }

    @org.junit.jupiter.api.Test
    void theNormalisationNamesWhatItHides() {
        assertTrue(Normalise.matches("{\"requestId\": \"e0153375-cf17-4d14-96c5-95a2eab25d20\"}",
                "{\"requestId\": \"11111111-2222-4333-8444-555555555555\"}"));
        assertTrue(Normalise.matches("Date: Mon, 23 Nov 2026 11:04:22 GMT\n\"createDate\": \"2026-11-23T20:05:55+0900\"",
                "Date: Tue, 01 Dec 2026 01:02:03 GMT\n\"createDate\": \"2026-12-01T10:02:03+0900\""));
        assertTrue(Normalise.matches("{\n  \"a\": 1,\n  …\n}", "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}"));
        assertTrue(!Normalise.matches("\"serverInstanceNo\": \"10000001\"", "\"serverInstanceNo\": \"10000002\""),
                "ids are not normalised: a fresh server gives the same ones every time");
        assertTrue(!Normalise.matches("Content-Length: 434", "Content-Length: 435"));
        String actual = "{\n  \"a\": {\n    \"code\": \"RUN\"\n  },\n  \"b\": 1,\n  \"c\": 2,\n  \"d\": 3\n}";
        String kept = Normalise.trimLike("{\n  \"a\": {\"code\": \"INIT\"},\n  …\n}", actual);
        assertTrue(kept.equals("{\n  \"a\": {\n    \"code\": \"RUN\"\n  },\n  …\n}"), kept);
        assertTrue(Normalise.matches(kept, actual));
    }
}
