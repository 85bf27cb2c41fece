package io.cloudmock.docs;

import java.util.List;
import java.util.regex.Pattern;

/** How a page's output and cloudmock's answer are compared: only what no fresh server can repeat is hidden. */
final class Normalise {
    private Normalise() {}

    private static final String ELIDED = "…";

    private static final List<String[]> RULES = List.of(
            // request ids and any other random UUID
            new String[] {"(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>"},
            // the HTTP Date header
            new String[] {"(?m)^Date: .*$", "Date: <date>"},
            // instants and NCP dates: the clock starts at the wall-clock time of start-up
            new String[] {"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:?\\d\\d)?", "<time>"},
            // a log line's time of day
            new String[] {"\\b\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\b", "<clock>"},
            // what cloudmock measures: request durations and its uptime
            new String[] {"(\"(?:durationMs|uptimeSeconds)\"\\s*:\\s*)\\d+", "$1<n>"},
            new String[] {"durationMs=\\d+", "durationMs=<n>"});

    static String normalise(String s) {
        String out = s.replace("\r\n", "\n").replaceAll("(?m)[ \\t]+$", "").strip();
        for (String[] rule : RULES) out = Pattern.compile(rule[0]).matcher(out).replaceAll(rule[1]);
        return out;
    }

    /** Whether the answer is what the page shows, {@code …} standing for any text. */
    static boolean matches(String expected, String actual) {
        String e = normalise(expected);
        String a = normalise(actual);
        if (!e.contains(ELIDED)) return e.equals(a);
        StringBuilder regex = new StringBuilder();
        String[] parts = e.split("[ \\t]*" + ELIDED, -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) regex.append("[\\s\\S]*?");
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString()).matcher(a).matches();
    }

    /** The answer as the page should show it: whole, or its head when the page showed only a head. */
    static String trimLike(String expected, String actual) {
        List<String> e = expected.strip().lines().toList();
        if (e.isEmpty() || !e.get(e.size() - 1).strip().equals(ELIDED)) return actual;
        List<String> a = actual.lines().toList();
        int keep = e.size() - 1;
        if (a.size() <= keep + 1) return actual;
        return String.join("\n", a.subList(0, keep)) + "\n" + e.get(e.size() - 1);
    }
}
