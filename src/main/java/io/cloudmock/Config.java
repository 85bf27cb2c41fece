package io.cloudmock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Everything cloudmock can be told at start-up (DESIGN.md section 1). Built by {@link CloudMock.Builder} or {@link Main}. */
public record Config(
        String host,
        int port,
        Duration transitionDelay,
        ClockMode clock,
        AuthMode auth,
        Map<String, String> credentials,
        Path stateFile,
        Path seed,
        int journalSize,
        String controlToken,
        LogFormat logFormat,
        Map<String, String> bearerTokens,
        java.util.List<String> allowedHosts) {

    public enum ClockMode { SYSTEM, MANUAL }

    /** {@code verify}: reject bad signatures; {@code log}: check and log, never reject; {@code off}: accept any. */
    public enum AuthMode { OFF, LOG, VERIFY }

    public enum LogFormat { TEXT, JSON }

    /** What {@code --allowed-hosts} is when not given: the loopback names only. */
    public static final java.util.List<String> DEFAULT_ALLOWED_HOSTS = java.util.List.of("localhost", "127.0.0.1", "[::1]");

    /**
     * {@code bearerTokens} maps each {@code --bearer-tokens} token to the account it acts as (its {@code =ACCOUNT}
     * name, or {@link io.cloudmock.core.Secrets#tokenAccount} of it). A blank control token is refused: it would
     * look set and leave the control API open.
     */
    public Config {
        credentials = Map.copyOf(credentials);
        bearerTokens = Map.copyOf(bearerTokens);
        allowedHosts = java.util.List.copyOf(allowedHosts);
        if (controlToken != null && controlToken.isBlank()) {
            throw new IllegalArgumentException("--control-token must not be blank (leave it unset for an open control API)");
        }
    }

    /** The configuration of earlier releases' shape: no bearer tokens, the default allowed hosts. */
    public Config(String host, int port, Duration transitionDelay, ClockMode clock, AuthMode auth,
                  Map<String, String> credentials, Path stateFile, Path seed, int journalSize, String controlToken,
                  LogFormat logFormat) {
        this(host, port, transitionDelay, clock, auth, credentials, stateFile, seed, journalSize, controlToken,
                logFormat, Map.of(), DEFAULT_ALLOWED_HOSTS);
    }
}
