package io.cloudmock;

import io.cloudmock.core.Durations;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command line's common case without picocli: every argument one of {@link Main}'s options in the form
 * {@code --name value} or {@code --name=value}, each at most once, and every value, typed or from its
 * {@code CLOUDMOCK_*} twin, one that converts plainly. Anything else (help, version, an unknown or repeated
 * option, a value that does not convert, anything unusual) answers null and picocli parses the command line as
 * before, with its own messages. Why: picocli builds its model from the annotations by reflection, and its 170
 * classes are Java 5 class files, verified by the slow old verifier; that was about a fifth of the start to the
 * first answer. {@code QuickArgsTest} checks that both give the same values, and that this table matches the
 * annotations.
 */
final class QuickArgs {
    /** Option, its default when neither typed nor in the environment (null: none). Same order as in {@link Main}. */
    static final String[][] OPTIONS = {
            {"--host", "127.0.0.1"},
            {"--port", "8080"},
            {"--transition-delay", "2s"},
            {"--clock", "system"},
            {"--auth", "off"},
            {"--credentials", null},
            {"--state-file", null},
            {"--seed", null},
            {"--journal-size", "1000"},
            {"--control-token", null},
            {"--bearer-tokens", null},
            {"--allowed-hosts", "localhost,127.0.0.1,[::1]"},
            {"--log-format", "text"},
            {"--log-level", "info"},
    };

    private QuickArgs() {}

    /** A {@link Main} filled from {@code args} and {@code env}, or null when picocli is to parse them. */
    static Main parse(String[] args, Map<String, String> env) {
        Map<String, String> typed = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!a.startsWith("--") || index(name) < 0 || typed.containsKey(name)) return null;
            String value;
            if (eq >= 0) value = a.substring(eq + 1);
            else if (i + 1 < args.length) value = args[++i];
            else return null;
            // picocli may read a value that looks like an option as one, and a blank or "${...}" in its own way
            if (value.isEmpty() || value.startsWith("-") || value.indexOf('$') >= 0) return null;
            typed.put(name, value);
        }
        Main main = new Main();
        main.typed = new HashSet<>(typed.keySet());
        try {
            for (String[] option : OPTIONS) {
                String name = option[0];
                String value = typed.get(name);
                if (value == null) {
                    value = env.get(Main.variableOf(name));
                    if (value != null && (value.isEmpty() || value.indexOf('$') >= 0)) return null;
                    if (value == null) value = option[1];
                }
                if (!set(main, name, value)) return null;
            }
        } catch (RuntimeException e) {
            return null; // a value that does not convert: picocli says why
        }
        return main;
    }

    private static int index(String name) {
        for (int i = 0; i < OPTIONS.length; i++) if (OPTIONS[i][0].equals(name)) return i;
        return -1;
    }

    private static boolean set(Main main, String name, String v) {
        switch (name) {
            case "--host" -> main.host = v;
            case "--port" -> { if (!digits(v)) return false; main.port = Integer.parseInt(v); }
            case "--transition-delay" -> main.transitionDelay = Durations.parse(v);
            case "--clock" -> main.clock = choice(Config.ClockMode.class, v);
            case "--auth" -> main.auth = choice(Config.AuthMode.class, v);
            case "--credentials" -> main.credentials = v;
            case "--state-file" -> main.stateFile = path(v);
            case "--seed" -> main.seed = path(v);
            case "--journal-size" -> { if (!digits(v)) return false; main.journalSize = Integer.parseInt(v); }
            case "--control-token" -> main.controlToken = v;
            case "--bearer-tokens" -> main.bearerTokens = v;
            case "--allowed-hosts" -> main.allowedHosts = v;
            case "--log-format" -> main.logFormat = choice(Config.LogFormat.class, v);
            case "--log-level" -> main.logLevel = choice(Logging.LogLevel.class, v);
            default -> { return false; }
        }
        return true;
    }

    /** 0 to 999,999,999 in plain digits: what {@code Integer.valueOf} (picocli's conversion) reads the same. */
    private static boolean digits(String v) {
        if (v == null || v.isEmpty() || v.length() > 9) return false;
        for (int i = 0; i < v.length(); i++) if (v.charAt(i) < '0' || v.charAt(i) > '9') return false;
        return true;
    }

    private static Path path(String v) {
        if (v == null) return null;
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** As {@link Main}'s converters read a choice: trimmed, any case. */
    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    }

    static Set<String> names() {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String[] option : OPTIONS) out.add(option[0]);
        return out;
    }
}
