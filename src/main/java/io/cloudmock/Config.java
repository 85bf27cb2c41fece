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
        LogFormat logFormat) {

    public enum ClockMode { SYSTEM, MANUAL }

    /** {@code verify}: reject bad signatures; {@code log}: check and log, never reject; {@code off}: accept any. */
    public enum AuthMode { OFF, LOG, VERIFY }

    public enum LogFormat { TEXT, JSON }

    public Config {
        credentials = Map.copyOf(credentials);
    }
}
