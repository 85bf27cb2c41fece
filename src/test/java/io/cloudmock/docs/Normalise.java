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

    /**
     * The answer as the page should show it: whole when the page showed it whole; else as many lines of its head
     * and tail as the page kept, and in between the lines of the fields the page showed (a JSON key or an XML
     * element it names, with what they hold), each run of left-out lines becoming one {@code …} line.
     */
    static String trimLike(String expected, String actual) {
        List<String> e = expected.strip().lines().toList();
        int first = -1;
        int last = -1;
        for (int i = 0; i < e.size(); i++) {
            if (!e.get(i).contains(ELIDED)) continue;
            if (first < 0) first = i;
            last = i;
        }
        if (first < 0) return actual;
        List<String> a = actual.lines().toList();
        int head = first;
        int tail = e.size() - 1 - last;
        if (a.size() <= head + tail + 1) return actual;
        java.util.Set<String> shown = new java.util.HashSet<>();
        // the fields at the level of the page's "…" are shown with what they hold; shallower ones are the
        // containers the page walked through (kept as one line); deeper ones come with their field
        int level = Integer.MAX_VALUE;
        for (String line : e) if (line.strip().equals(ELIDED)) { level = indent(line); break; }
        java.util.Set<String> opened = new java.util.HashSet<>();
        for (String line : e) {
            java.util.regex.Matcher m = FIELD.matcher(line);
            if (!m.lookingAt()) continue;
            String key = m.group(1) != null ? m.group(1) : m.group(2);
            if (level == Integer.MAX_VALUE || indent(line) == level) shown.add(key);
            else if (indent(line) < level) opened.add(key);
        }
        boolean[] keep = new boolean[a.size()];
        for (int i = 0; i < a.size(); i++) {
            if (i >= a.size() - tail) { keep[i] = true; continue; }
            java.util.regex.Matcher f = FIELD.matcher(a.get(i));
            String key = f.lookingAt() ? (f.group(1) != null ? f.group(1) : f.group(2)) : null;
            if (key != null && opened.contains(key) && !shown.contains(key)) {
                keep[i] = true;
                continue;
            }
            boolean field = key != null && shown.contains(key);
            if (!field) {
                if (i < head) keep[i] = true;
                continue;
            }
            // the field and, when it opens an object, list or element, everything up to its close
            int depth = 0;
            int j = i;
            do {
                keep[j] = true;
                depth += opens(a.get(j));
                j++;
            } while (depth > 0 && j < a.size());
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < a.size(); i++) {
            if (keep[i]) {
                b.append(a.get(i)).append('\n');
            } else if (i == 0 || keep[i - 1]) {
                String line = a.get(i);
                b.append(line, 0, line.length() - line.stripLeading().length()).append(ELIDED).append('\n');
            }
        }
        return b.toString().stripTrailing();
    }

    /** A line's leading JSON key ({@code "serverInstanceStatus":}) or XML element ({@code <serverInstanceStatus>}). */
    private static final Pattern FIELD = Pattern.compile("\\s*(?:\"(\\w+)\"\\s*:|<(\\w+)>)");

    private static int indent(String line) { return line.length() - line.stripLeading().length(); }

    /** How many brackets or elements a line opens, less those it closes. */
    private static int opens(String line) {
        int d = 0;
        for (char c : line.toCharArray()) {
            if (c == '{' || c == '[') d++;
            else if (c == '}' || c == ']') d--;
        }
        String t = line.strip();
        if (t.matches("<\\w+>")) d++;
        else if (t.matches("</\\w+>")) d--;
        return d;
    }
}
