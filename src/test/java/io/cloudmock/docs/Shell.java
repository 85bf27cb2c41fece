package io.cloudmock.docs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One bash for a page, as a reader's terminal: variables and functions of earlier steps stay defined. Each
 * step's stdout and stderr are read up to a marker line that also carries the exit status.
 */
final class Shell implements AutoCloseable {
    private static final String MARK = "__cloudmock_doc_step_done__";

    record Result(String output, int exit) {}

    private final Process bash;
    private final Writer in;
    private final BufferedReader out;

    Shell(Path dir, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc").directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("CLOUDMOCK_"));
        pb.environment().put("HOME", dir.toString());
        pb.environment().putAll(env);
        bash = pb.start();
        in = new java.io.OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8);
        out = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Runs one step; every curl of the docs answers at once, so a step that hangs is a broken page. */
    Result run(String script) throws IOException {
        in.write("{\n" + script + "\n} < /dev/null 2>&1\nprintf '\\n%s %d\\n' " + MARK + " $?\n");
        in.flush();
        StringBuilder b = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(MARK + " ")) {
                String text = b.toString();
                // the marker's leading newline, added so that output without a final newline still ends
                if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
                return new Result(text, Integer.parseInt(line.substring(MARK.length() + 1).strip()));
            }
            b.append(line).append('\n');
        }
        throw new IOException("bash ended during: " + script + "\n" + b);
    }

    @Override
    public void close() throws InterruptedException {
        bash.destroy();
        if (!bash.waitFor(10, TimeUnit.SECONDS)) bash.destroyForcibly();
    }
}
