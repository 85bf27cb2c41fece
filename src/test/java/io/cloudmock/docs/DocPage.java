package io.cloudmock.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A documentation page read as a script. In a {@code ```sh} block, a line {@code $ command} (continued by a
 * trailing backslash, a single quote left open, or a here-document) is an example, and the lines after it, up to the next {@code $}
 * line or the end of the block, are its output as the page shows it. A block without {@code $} lines is
 * set-up when it starts cloudmock ({@code java -jar target/cloudmock.jar ...}: the server the page is replayed
 * against) or defines something for later examples (its first line is {@code NAME=...}, {@code export NAME=...}
 * or {@code NAME() {...}}); any other block is prose and is not run, and a {@code curl} in one is an example
 * that escaped the harness (the test says so).
 */
record DocPage(String name, String text, List<String> serverArgs, List<Step> steps, List<Integer> unreplayedCurls) {
    static final String JAR = "java -jar target/cloudmock.jar";

    /** A set-up script (expected null) or an example with the output the page shows. */
    record Step(int line, String script, String expected, int outputStart, int outputEnd) {
        boolean isExample() { return expected != null; }
    }

    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    /** A curl of cloudmock (not, say, a download from a release page): an example that must replay. */
    static boolean aimsAtCloudmock(String line) {
        return line.startsWith("curl ") && (line.contains("127.0.0.1") || line.contains("localhost") || line.contains("$CM"));
    }

    /** {@code NAME=value} alone (not {@code NAME=value command}), or the start of {@code NAME() { ... }}. */
    private static final Pattern DEFINITION = Pattern.compile(
            "^((export\\s+)?[A-Za-z_][A-Za-z0-9_]*=(\"[^\"]*\"|'[^']*'|\\S*)\\s*(#.*)?|[A-Za-z_][A-Za-z0-9_]*\\(\\)\\s*\\{.*)$");

    static DocPage parse(String name, String text) {
        List<String> lines = List.of(text.split("\n", -1));
        List<Step> steps = new ArrayList<>();
        List<String> serverArgs = null;
        List<Integer> unreplayed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches() || open.group(1).isEmpty()) continue;
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).startsWith("```")) end++;
            if (open.group(1).equals("sh")) {
                List<String> body = lines.subList(i + 1, end);
                boolean examples = body.stream().anyMatch(l -> l.startsWith("$ "));
                if (examples) {
                    examples(body, i + 1, steps);
                } else {
                    String jar = body.stream().filter(l -> l.contains(JAR)).findFirst().orElse(null);
                    if (jar != null && serverArgs == null) serverArgs = args(jar);
                    List<String> setup = new ArrayList<>();
                    for (String l : body) if (!l.contains(JAR) && !l.startsWith("mvn ")) setup.add(l);
                    if (onlyDefinitions(setup)) {
                        steps.add(new Step(i + 2, String.join("\n", setup), null, -1, -1));
                    } else {
                        for (int k = 0; k < body.size(); k++) if (aimsAtCloudmock(body.get(k))) unreplayed.add(i + 2 + k);
                    }
                }
            }
            i = end;
        }
        return new DocPage(name, text, serverArgs == null ? List.of() : serverArgs, steps, unreplayed);
    }

    /**
     * Whether a block only defines things (variables, functions) and so may run as set-up: a block that also runs
     * a program ({@code go run}, {@code terraform apply}) shows how to use a client and is not run.
     */
    static boolean onlyDefinitions(List<String> block) {
        int depth = 0;
        boolean continued = false;
        boolean any = false;
        for (String line : block) {
            String l = line.strip();
            boolean inside = depth > 0 || continued;
            if (!inside && (l.isEmpty() || l.startsWith("#"))) continue;
            if (!inside) {
                if (!DEFINITION.matcher(l).matches()) return false;
                any = true;
            }
            for (char c : l.toCharArray()) {
                if (c == '{') depth++;
                else if (c == '}') depth--;
            }
            continued = l.endsWith("\\");
        }
        return any;
    }

    /** {@code java -jar target/cloudmock.jar --port 18181 --clock manual &  # comment} gives the options. */
    static List<String> args(String line) {
        String rest = line.substring(line.indexOf(JAR) + JAR.length());
        int cut = rest.length();
        for (String stop : new String[] {"#", "&", ";"}) {
            int at = rest.indexOf(stop);
            if (at >= 0) cut = Math.min(cut, at);
        }
        String a = rest.substring(0, cut).strip();
        return a.isEmpty() ? List.of() : List.of(a.split("\\s+"));
    }

    private static void examples(List<String> body, int firstLine, List<Step> steps) {
        int k = 0;
        while (k < body.size()) {
            if (!body.get(k).startsWith("$ ")) { k++; continue; }
            int start = k;
            StringBuilder script = new StringBuilder(body.get(k).substring(2));
            String heredoc = heredocEnd(body.get(k));
            while ((script.toString().endsWith("\\") || heredoc != null || openQuote(script)) && k + 1 < body.size()) {
                k++;
                script.append('\n').append(body.get(k));
                if (heredoc != null && body.get(k).strip().equals(heredoc)) heredoc = null;
                else if (heredoc == null) heredoc = heredocEnd(body.get(k));
            }
            k++;
            int out = k;
            while (k < body.size() && !body.get(k).startsWith("$ ")) k++;
            steps.add(new Step(firstLine + start + 1, script.toString(), String.join("\n", body.subList(out, k)),
                    firstLine + out, firstLine + k));
        }
    }

    /** A single-quoted argument still open at the end of the line (a JSON body over several lines). */
    private static boolean openQuote(CharSequence script) {
        return script.chars().filter(c -> c == '\'').count() % 2 == 1;
    }

    private static String heredocEnd(String line) {
        Matcher m = Pattern.compile("<<-?\\s*'?\"?(\\w+)'?\"?").matcher(line);
        return m.find() ? m.group(1) : null;
    }
}
