package io.cloudmock;

import io.cloudmock.core.Durations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The command line. Every option also reads {@code CLOUDMOCK_<NAME>} from the environment (the option wins).
 * A bad value exits with status 2 and one line naming the option.
 */
@Command(name = "cloudmock", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Local emulator of the NAVER Cloud Platform Server API and the Zenlayer Cloud VM API.",
        footer = "%nEvery option can also be set with the environment variable shown, e.g. CLOUDMOCK_PORT=0.")
public final class Main implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "${env:CLOUDMOCK_HOST:-127.0.0.1}",
            description = "bind address (default: ${DEFAULT-VALUE}; env CLOUDMOCK_HOST)")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:CLOUDMOCK_PORT:-8080}",
            description = "port, 0 for any free one (default: ${DEFAULT-VALUE}; env CLOUDMOCK_PORT)")
    int port;

    @Option(names = "--transition-delay", paramLabel = "DURATION", defaultValue = "${env:CLOUDMOCK_TRANSITION_DELAY:-2s}",
            converter = DurationConverter.class,
            description = "how long a transient state lasts: 0, 500ms, 2s, 1m (default: 2s; env CLOUDMOCK_TRANSITION_DELAY)")
    Duration transitionDelay;

    @Option(names = "--clock", paramLabel = "system|manual", defaultValue = "${env:CLOUDMOCK_CLOCK:-system}",
            converter = ClockConverter.class,
            description = "manual: transitions follow a clock moved only by POST /_cloudmock/clock/advance (default: system; env CLOUDMOCK_CLOCK)")
    Config.ClockMode clock;

    @Option(names = "--auth", paramLabel = "off|log|verify", defaultValue = "${env:CLOUDMOCK_AUTH:-off}",
            converter = AuthConverter.class,
            description = "signature checks: verify rejects failures, log only logs them, off accepts any (default: off; env CLOUDMOCK_AUTH)")
    Config.AuthMode auth;

    @Option(names = "--credentials", paramLabel = "AK:SK[,AK:SK...]|@FILE", defaultValue = "${env:CLOUDMOCK_CREDENTIALS}",
            description = "access keys and secrets for --auth, or @file with one AK:SK per line (default: none; env CLOUDMOCK_CREDENTIALS)")
    String credentials;

    @Option(names = "--state-file", paramLabel = "FILE", defaultValue = "${env:CLOUDMOCK_STATE_FILE}",
            description = "load state from FILE at start if it exists, save it on change and at shutdown (default: none; env CLOUDMOCK_STATE_FILE)")
    Path stateFile;

    @Option(names = "--seed", paramLabel = "FILE", defaultValue = "${env:CLOUDMOCK_SEED}",
            description = "JSON file of instances to create at start (default: none; env CLOUDMOCK_SEED)")
    Path seed;

    @Option(names = "--journal-size", paramLabel = "N", defaultValue = "${env:CLOUDMOCK_JOURNAL_SIZE:-1000}",
            description = "requests kept by the journal, 0 turns it off (default: 1000; env CLOUDMOCK_JOURNAL_SIZE)")
    int journalSize;

    @Option(names = "--control-token", paramLabel = "TOKEN", defaultValue = "${env:CLOUDMOCK_CONTROL_TOKEN}",
            description = "require Authorization: Bearer TOKEN on /_cloudmock/ (default: none; env CLOUDMOCK_CONTROL_TOKEN)")
    String controlToken;

    @Option(names = "--bearer-tokens", paramLabel = "TOKEN[=ACCOUNT][,...]|@FILE", defaultValue = "${env:CLOUDMOCK_BEARER_TOKENS}",
            description = "Zenlayer Authorization: Bearer tokens that --auth accepts; =ACCOUNT names the account a token acts as, "
                    + "or @file with one per line (default: none; env CLOUDMOCK_BEARER_TOKENS)")
    String bearerTokens;

    @Option(names = "--allowed-hosts", paramLabel = "HOST[,HOST...]|*", defaultValue = "${env:CLOUDMOCK_ALLOWED_HOSTS:-localhost,127.0.0.1,[::1]}",
            description = "Host names the control API answers (DNS-rebinding guard); * allows any, e.g. behind a published "
                    + "Docker port (default: ${DEFAULT-VALUE}; env CLOUDMOCK_ALLOWED_HOSTS)")
    String allowedHosts;

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "${env:CLOUDMOCK_LOG_FORMAT:-text}",
            converter = LogFormatConverter.class,
            description = "log lines as text, or json for one JSON object per line (default: text; env CLOUDMOCK_LOG_FORMAT)")
    Config.LogFormat logFormat;

    @Option(names = "--log-level", paramLabel = "error|warn|info|debug", defaultValue = "${env:CLOUDMOCK_LOG_LEVEL:-info}",
            converter = LogLevelConverter.class,
            description = "the least severe log lines shown; info has one line per request and per control call that changes something (default: info; env CLOUDMOCK_LOG_LEVEL)")
    Logging.LogLevel logLevel;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The options typed on the command line, when {@link QuickArgs} parsed it (picocli's parse result otherwise). */
    java.util.Set<String> typed;

    public static void main(String[] args) {
        Main quick = QuickArgs.parse(args, System.getenv());
        int code = quick != null ? quick.callAsPicocliWould() : picocli(args);
        if (code != 0) System.exit(code);
    }

    /** {@link #call()} with what {@link #picocli}'s execution-exception handler makes of a failure. */
    private int callAsPicocliWould() {
        try {
            return call();
        } catch (Exception ex) {
            System.err.println("cloudmock: " + ex.getMessage());
            return ex instanceof BadOption ? 2 : 1;
        }
    }

    private static int picocli(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        // "@FILE" is ours to read (--credentials @FILE): picocli would otherwise splice the file's lines in as
        // arguments, and a second line becomes "Unmatched argument"
        cli.setExpandAtFiles(false);
        cli.setParameterExceptionHandler((ex, a) -> {
            String first = ex.getMessage().lines().findFirst().orElse("bad arguments");
            String option = ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o ? o.longestName() : null;
            String variable = option == null ? null : fromEnvironment(option, a);
            System.err.println("cloudmock: " + (variable == null ? first
                    : first.replace("option '" + option + "'", variable + " (the environment twin of " + option + ")"))
                    + " (see --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            System.err.println("cloudmock: " + ex.getMessage());
            return ex instanceof BadOption ? 2 : 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new BadOption(named("--port") + " must be between 0 and 65535, not " + port);
        if (journalSize < 0) throw new BadOption(named("--journal-size") + " must be 0 or more, not " + journalSize);
        if (controlToken != null && controlToken.isBlank()) {
            // e.g. -e CLOUDMOCK_CONTROL_TOKEN=$UNSET: looks protected, would be open
            throw new BadOption(named("--control-token") + " is blank; give a token, or leave it unset for an open control API");
        }
        Config config = new Config(host, port, transitionDelay, clock, auth, parseCredentials(credentials, named("--credentials")),
                stateFile, seed, journalSize, controlToken, logFormat, parseBearerTokens(bearerTokens),
                parseAllowedHosts(allowedHosts));
        Logging.configure(config.logFormat(), logLevel);
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Main.class);
        if (config.auth() != Config.AuthMode.OFF && config.credentials().isEmpty()) {
            log.warn("--auth {} without --credentials: no access key is known, so every signature check fails",
                    config.auth().name().toLowerCase(Locale.ROOT));
        }
        if (config.auth() == Config.AuthMode.OFF && !config.credentials().isEmpty()) {
            log.warn("--credentials without --auth: signatures are not checked (--auth is off); "
                    + "add --auth verify to reject bad ones, or --auth log to log them");
        }
        CloudMock.prepareInBackground();
        CloudMock mock = CloudMock.create(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mock.close();
            String failure = mock.persistenceFailure();
            if (failure != null) {
                // SIGTERM would end with 143 as if all were well: the last state was not saved, so say so
                System.err.println("cloudmock: " + failure);
                System.err.flush();
                Runtime.getRuntime().halt(1);
            }
            stopped.countDown();
        }, "cloudmock-shutdown"));
        try {
            mock.start();
        } catch (io.cloudmock.core.StartupException e) {
            throw e; // names the state or seed file already
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + listenFailure(e), e);
        }
        System.out.println("cloudmock listening on " + mock.baseUrl());
        System.out.flush();
        warmUpJson();
        HeapSizing.startInBackground();
        stopped.await();
        return 0;
    }

    /**
     * Builds the JSON mapper (about 600 of Jackson's classes, its date format and the locale data that loads) once
     * listening, so that the first API call does not wait for it. Not before: the start is CPU-bound on two cores,
     * and the health probe polled meanwhile needs no mapper (JsonTrees).
     */
    private static void warmUpJson() {
        Thread t = new Thread(() -> {
            try {
                io.cloudmock.core.Json.MAPPER.writeValueAsBytes(io.cloudmock.core.Json.MAPPER.createObjectNode()
                        .put("status", "ok").put("uptimeSeconds", 0L));
            } catch (java.io.IOException | RuntimeException e) {
                // only a warm-up: the real answer reports its own failure
            }
        }, "cloudmock-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Why the server could not listen, as a sentence (the JDK's exceptions often have no message but their name). */
    private String listenFailure(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        if (t instanceof java.nio.channels.UnresolvedAddressException) return "the host name " + host + " does not resolve";
        if (t instanceof java.net.BindException && t.getMessage() != null) {
            return t.getMessage().toLowerCase(Locale.ROOT).contains("in use") ? "the port is already in use"
                    : "cannot bind there (" + t.getMessage() + ")";
        }
        if (t.getMessage() != null && !t.getMessage().isBlank()) return t.getMessage();
        return "the address cannot be used";
    }

    /**
     * How to name an option in a message: as the user gave it, the option when typed, the environment variable
     * when the value came from there.
     */
    private String named(String option) {
        if (typed != null ? typed.contains(option)
                : spec == null || spec.commandLine().getParseResult().hasMatchedOption(option)) return option;
        String variable = variableOf(option);
        return System.getenv(variable) != null ? variable + " (the environment twin of " + option + ")" : option;
    }

    /** The variable behind an option whose value came from the environment, or null when it was typed. */
    static String fromEnvironment(String option, String[] args) {
        for (String a : args) if (a.equals(option) || a.startsWith(option + "=")) return null;
        String variable = variableOf(option);
        return System.getenv(variable) != null ? variable : null;
    }

    static String variableOf(String option) {
        return "CLOUDMOCK_" + option.substring(2).replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /**
     * {@code TOKEN[=ACCOUNT],...} or {@code @file} (one per line, or comma-separated; # starts a comment): token
     * to the account it acts as, a hash of the token when no account is named (a token is never an account name).
     */
    static Map<String, String> parseBearerTokens(String spec) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) return out;
        String text = spec;
        if (spec.startsWith("@")) {
            Path file = Path.of(spec.substring(1));
            if (!Files.isReadable(file)) throw new BadOption("--bearer-tokens: cannot read " + file);
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        int n = 0;
        for (String line : text.split("[,\\n]")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) continue;
            n++;
            int eq = entry.indexOf('=');
            String token = (eq < 0 ? entry : entry.substring(0, eq)).strip();
            String account = eq < 0 ? io.cloudmock.core.Secrets.tokenAccount(token) : entry.substring(eq + 1).strip();
            // the entry itself is never echoed: it is a secret
            if (token.isEmpty() || account.isEmpty() || token.contains(" ")) {
                throw new BadOption("--bearer-tokens: entry " + n + " is not TOKEN or TOKEN=ACCOUNT");
            }
            out.put(token, account);
        }
        return out;
    }

    /** {@code HOST[,HOST...]}; {@code *} allows any. */
    static java.util.List<String> parseAllowedHosts(String spec) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (spec != null) {
            for (String h : spec.split(",")) if (!h.isBlank()) out.add(h.strip().toLowerCase(Locale.ROOT));
        }
        if (out.isEmpty()) throw new BadOption("--allowed-hosts is empty; give host names, or * to allow any");
        return out;
    }

    /** {@code AK:SK,AK:SK} or {@code @file} (one pair per line, or comma-separated; # starts a comment). */
    static Map<String, String> parseCredentials(String spec, String option) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) return out;
        String text = spec;
        if (spec.startsWith("@")) {
            Path file = Path.of(spec.substring(1));
            if (Files.isDirectory(file)) throw new BadOption(option + ": " + file + " is a directory, not a file");
            if (!Files.exists(file)) throw new BadOption(option + ": the file " + file + " does not exist");
            if (!Files.isReadable(file)) throw new BadOption(option + ": the file " + file + " cannot be read (permission denied)");
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        for (String line : text.split("[,\\n]")) {
            String pair = line.strip();
            if (pair.isEmpty() || pair.startsWith("#")) continue;
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new BadOption(option + ": expected ACCESS_KEY:SECRET, got '" + pair + "'");
            }
            out.put(pair.substring(0, colon), pair.substring(colon + 1));
        }
        return out;
    }

    /** A value that parsed but makes no sense; exits 2 like a parse error. */
    static final class BadOption extends RuntimeException {
        BadOption(String message) { super(message); }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() { return new String[] {"cloudmock " + Version.VALUE}; }
    }

    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * A choice, trimmed and in any case. The picocli types are kept out of {@link Main}'s own methods: verifying
     * one that throws a picocli exception would load picocli's classes even when {@link QuickArgs} parses.
     */
    abstract static class ChoiceConverter<E extends Enum<E>> implements CommandLine.ITypeConverter<E> {
        private final Class<E> type;
        private final String allowed;

        ChoiceConverter(Class<E> type, String allowed) {
            this.type = type;
            this.allowed = allowed;
        }

        @Override public E convert(String value) {
            try {
                return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not one of " + allowed);
            }
        }
    }

    static final class ClockConverter extends ChoiceConverter<Config.ClockMode> {
        ClockConverter() { super(Config.ClockMode.class, "system, manual"); }
    }

    static final class AuthConverter extends ChoiceConverter<Config.AuthMode> {
        AuthConverter() { super(Config.AuthMode.class, "off, log, verify"); }
    }

    static final class LogLevelConverter extends ChoiceConverter<Logging.LogLevel> {
        LogLevelConverter() { super(Logging.LogLevel.class, "error, warn, info, debug"); }
    }

    static final class LogFormatConverter extends ChoiceConverter<Config.LogFormat> {
        LogFormatConverter() { super(Config.LogFormat.class, "text, json"); }
    }
}
