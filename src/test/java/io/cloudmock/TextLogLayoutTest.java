package io.cloudmock;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link TextLogLayout} writes, byte for byte, what logback's {@code PatternLayout} writes for
 * {@link Logging#TEXT_PATTERN}: the command line's text lines did not change when the pattern stopped being
 * compiled at start. And {@link CliLogConfigurator} stands aside unless the command line asks.
 */
class TextLogLayoutTest {
    private final LoggerContext context = new LoggerContext();

    private LoggingEvent event(String logger, Level level, long time, String message, Throwable thrown, Object... args) {
        LoggingEvent e = new LoggingEvent("x", context.getLogger(logger), level, message, thrown, args);
        e.setTimeStamp(time);
        return e;
    }

    @Test
    void theSameLinesAsThePattern() {
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern(Logging.TEXT_PATTERN);
        pattern.start();
        TextLogLayout text = new TextLogLayout();
        text.setContext(context);
        text.start();

        Exception nested = new IllegalStateException("outer", new java.io.IOException("inner \"cause\""));
        nested.addSuppressed(new RuntimeException("suppressed"));
        long noon = 1_764_676_800_123L;
        List<LoggingEvent> events = List.of(
                event("cloudmock.requests", Level.INFO, noon, "GET /vserver/v2/getRegionList 200", null),
                event("io.cloudmock.Main", Level.WARN, noon + 5, "--auth {} without --credentials", null, "verify"),
                event("io.cloudmock.CloudMock", Level.ERROR, noon + 50, "unexpected failure on {} {}", nested, "GET", "/x"),
                event("io.cloudmock.core.Backend", Level.DEBUG, 0L, "midnight, UTC ünïcödé \n second line", null),
                event("plain", Level.TRACE, noon + 86_399_999L, "", null),
                event("org.eclipse.jetty.server.Server$Inner", Level.INFO, 999L, "{}", null, (Object) null));
        for (LoggingEvent e : events) assertEquals(pattern.doLayout(e), text.doLayout(e), e.getMessage());
    }

    @Test
    void theConfiguratorActsOnlyWhenTheCommandLineAsks() {
        CliLogConfigurator configurator = new CliLogConfigurator();
        assertEquals(Configurator.ExecutionStatus.NEUTRAL, configurator.configure(context));
        System.setProperty(CliLogConfigurator.PROPERTY, "true");
        try {
            assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configurator.configure(context));
        } finally {
            System.clearProperty(CliLogConfigurator.PROPERTY);
        }
        assertEquals(Configurator.ExecutionStatus.NEUTRAL, configurator.configure(context));
    }
}
