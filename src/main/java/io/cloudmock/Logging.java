package io.cloudmock;

/** Chooses the log layout at start-up (text or one JSON object per line). */
final class Logging {
    private Logging() {}

    static void configure(Config.LogFormat format) {
        // the packaging issue switches logback to JSON here; text is logback.xml's default
    }
}
