package io.cloudmock;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.LoggerFactory;

import java.util.Iterator;

/**
 * Chooses the log layout at start-up. Text is what {@code logback.xml} sets up; {@code json} keeps the same
 * appenders (and so the same destination, stderr) and swaps their encoder for {@link JsonLogLayout}, so every
 * log line, request log or not, is one JSON object. Done in code rather than with a second logback file so
 * there is one place that says where logs go.
 */
final class Logging {
    private Logging() {}

    static void configure(Config.LogFormat format) {
        if (format != Config.LogFormat.JSON) return;
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return; // another SLF4J backend
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) useJson(context, appender);
            }
        }
    }

    private static void useJson(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender) {
        if (appender.getEncoder() instanceof LayoutWrappingEncoder<ILoggingEvent> e && e.getLayout() instanceof JsonLogLayout) {
            return;
        }
        JsonLogLayout layout = new JsonLogLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(java.nio.charset.StandardCharsets.UTF_8);
        encoder.start();
        // stop/start around the swap as logback's own reconfiguration does; stopping a console appender
        // leaves System.err open
        appender.stop();
        appender.setEncoder(encoder);
        appender.start();
    }
}
