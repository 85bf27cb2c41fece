package io.cloudmock;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * {@code --log-format text}: the line logback's {@code PatternLayout} would write for
 * {@link Logging#TEXT_PATTERN} ({@code %d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n}, and the stack trace of a
 * logged exception after it, as {@code PatternLayout} appends one on its own), written directly: compiling the
 * pattern loads about 90 classes of logback's pattern parser at every start of the command line.
 */
final class TextLogLayout extends LayoutBase<ILoggingEvent> {
    private final ZoneRules zone = ZoneId.systemDefault().getRules();
    private ThrowableProxyConverter thrown;

    @Override
    public void start() {
        thrown = new ThrowableProxyConverter();
        thrown.setContext(getContext());
        thrown.start();
        super.start();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        long millis = event.getTimeStamp();
        long local = millis + zone.getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds() * 1000L;
        long ofDay = Math.floorMod(local, 86_400_000L);
        two(line, (int) (ofDay / 3_600_000)).append(':');
        two(line, (int) (ofDay / 60_000 % 60)).append(':');
        two(line, (int) (ofDay / 1000 % 60)).append('.');
        int ms = (int) (ofDay % 1000);
        if (ms < 100) line.append('0');
        two(line, ms).append(' ');
        String level = event.getLevel().toString();
        line.append(level);
        for (int i = level.length(); i < 5; i++) line.append(' ');
        line.append(' ');
        String logger = event.getLoggerName();
        line.append(logger, logger.lastIndexOf('.') + 1, logger.length());
        line.append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        if (event.getThrowableProxy() != null) line.append(thrown.convert(event));
        return line.toString();
    }

    private static StringBuilder two(StringBuilder out, int n) {
        if (n < 10) out.append('0');
        return out.append(n);
    }
}
