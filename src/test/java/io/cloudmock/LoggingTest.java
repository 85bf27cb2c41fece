package io.cloudmock;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line's logging, set up in code ({@link Logging}): {@code --log-format text|json} and
 * {@code --log-level}; the test JVM's own configuration (logback-test.xml) comes back after each test.
 */
class LoggingTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void backToTheTestConfiguration() throws Exception {
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    private List<OutputStreamAppender<ILoggingEvent>> appenders() {
        List<OutputStreamAppender<ILoggingEvent>> out = new ArrayList<>();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(a -> {
            if (a instanceof OutputStreamAppender<ILoggingEvent> o) out.add(o);
        });
        return out;
    }

    private static LoggingEvent requestEvent(String message) {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("cloudmock.requests");
        LoggingEvent event = new LoggingEvent("x", logger, Level.INFO, message, null, null);
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("status", 404));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("provider", "zenlayer"));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("durationMs", 7L));
        return event;
    }

    private static String encode(OutputStreamAppender<ILoggingEvent> appender, ILoggingEvent event) {
        return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void textIsOnePatternedLine() {
        Logging.configure(Config.LogFormat.TEXT, Logging.LogLevel.INFO);
        List<OutputStreamAppender<ILoggingEvent>> appenders = appenders();
        assertFalse(appenders.isEmpty());
        String line = encode(appenders.get(0), requestEvent("POST /api/v2/vm 404"));
        assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  requests - POST /api/v2/vm 404\\R"), line);
    }

    @Test
    void jsonIsOneObjectPerLineWithTypedFields() throws Exception {
        Logging.configure(Config.LogFormat.JSON, Logging.LogLevel.INFO);
        List<OutputStreamAppender<ILoggingEvent>> appenders = appenders();
        assertFalse(appenders.isEmpty());
        String line = encode(appenders.get(0), requestEvent("quote \" and\nnewline"));

        assertTrue(line.endsWith("\n"));
        assertEquals(1, line.strip().lines().count(), "one line: " + line);
        JsonNode json = Json.MAPPER.readTree(line);
        assertEquals("INFO", json.get("level").asText());
        assertEquals("cloudmock.requests", json.get("logger").asText());
        assertEquals("quote \" and\nnewline", json.get("message").asText());
        assertTrue(json.get("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"));
        assertTrue(json.get("status").isIntegralNumber());
        assertEquals(404, json.get("status").asInt());
        assertEquals("zenlayer", json.get("provider").asText());
        assertEquals(7, json.get("durationMs").asLong());
    }

    @Test
    void jsonCarriesTheStackTraceInOneField() throws Exception {
        Logging.configure(Config.LogFormat.JSON, Logging.LogLevel.INFO);
        ch.qos.logback.classic.Logger logger = context.getLogger("io.cloudmock.CloudMock");
        LoggingEvent event = new LoggingEvent("x", logger, Level.ERROR, "unexpected failure on {} {}",
                new IllegalStateException("boom"), new Object[] {"GET", "/x"});
        String line = encode(appenders().get(0), event);
        assertEquals(1, line.strip().lines().count(), line);
        JsonNode json = Json.MAPPER.readTree(line);
        assertEquals("unexpected failure on GET /x", json.get("message").asText());
        assertTrue(json.get("exception").asText().startsWith("java.lang.IllegalStateException: boom"));
    }

    @Test
    void theLevelIsCloudmocksAndJettyStaysAtWarnOrAbove() {
        Logging.configure(Config.LogFormat.TEXT, Logging.LogLevel.WARN);
        assertFalse(LoggerFactory.getLogger("cloudmock.requests").isInfoEnabled());
        assertTrue(LoggerFactory.getLogger("cloudmock.requests").isWarnEnabled());

        Logging.configure(Config.LogFormat.TEXT, Logging.LogLevel.DEBUG);
        assertTrue(LoggerFactory.getLogger("io.cloudmock.core.Backend").isDebugEnabled());
        assertFalse(LoggerFactory.getLogger("org.eclipse.jetty.server.Server").isInfoEnabled(), "Jetty's start-up lines stay out");
        assertTrue(LoggerFactory.getLogger("org.eclipse.jetty.server.Server").isWarnEnabled());

        Logging.configure(Config.LogFormat.TEXT, Logging.LogLevel.ERROR);
        assertFalse(LoggerFactory.getLogger("io.cloudmock.Main").isWarnEnabled());
        assertFalse(LoggerFactory.getLogger("org.eclipse.jetty.server.Server").isWarnEnabled());
        assertTrue(LoggerFactory.getLogger("io.cloudmock.CloudMock").isErrorEnabled());
    }

    @Test
    void theAppenderWritesToStderr() {
        Logging.configure(Config.LogFormat.TEXT, Logging.LogLevel.INFO);
        List<OutputStreamAppender<ILoggingEvent>> appenders = appenders();
        assertEquals(1, appenders.size());
        assertEquals("System.err", ((ch.qos.logback.core.ConsoleAppender<ILoggingEvent>) appenders.get(0)).getTarget());
    }
}
