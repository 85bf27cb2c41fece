package io.cloudmock;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The command line's logging, set up in code by {@link Main} only. No logback file ships in the jar: the jar
 * {@code mvn install} publishes is embedded in other projects' test suites, and a {@code logback.xml} of ours
 * there would fight theirs (logback warns about the duplicate and may pick ours). Everything goes to stderr,
 * so stdout carries only the "listening" line.
 */
final class Logging {
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    private Logging() {}

    /** {@code --log-level}: the level of cloudmock's own loggers. */
    enum LogLevel {
        ERROR(Level.ERROR), WARN(Level.WARN), INFO(Level.INFO), DEBUG(Level.DEBUG);

        final Level level;

        LogLevel(Level level) { this.level = level; }

        @Override public String toString() { return name().toLowerCase(Locale.ROOT); }
    }

    static void configure(Config.LogFormat format, LogLevel level) {
        if (!(firstTouch() instanceof LoggerContext context)) return; // another SLF4J backend
        context.reset();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(format == Config.LogFormat.JSON ? json(context) : text(context));
        stderr.start();

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(level.level);
        root.addAppender(stderr);
        // the server library's own chatter (Jetty's start-up INFO lines) is not cloudmock's log; its warnings are
        Level libraries = level.level.isGreaterOrEqual(Level.WARN) ? level.level : Level.WARN;
        context.getLogger("org.eclipse.jetty").setLevel(libraries);
    }

    /**
     * SLF4J's factory, telling {@link CliLogConfigurator} to spare logback its own configuration if this is what
     * starts logback (it is, on the command line; where logback runs already, nothing is configured again).
     */
    private static ILoggerFactory firstTouch() {
        System.setProperty(CliLogConfigurator.PROPERTY, "true");
        try {
            return LoggerFactory.getILoggerFactory();
        } finally {
            // a later reconfiguration in this JVM (a test's, an embedding application's) is logback's usual one
            System.clearProperty(CliLogConfigurator.PROPERTY);
        }
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        return encoder(context, new TextLogLayout());
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        return encoder(context, new JsonLogLayout());
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, Layout<ILoggingEvent> layout) {
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }
}
