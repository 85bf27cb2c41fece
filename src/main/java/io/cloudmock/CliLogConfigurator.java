package io.cloudmock;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Stops logback's own start-up configuration when, and only when, the command line is about to configure logging
 * in code ({@link Logging#configure}): logback would otherwise look for {@code logback-test.xml},
 * {@code logback.xml} and a serialized model, load its configuration machinery and build a default console
 * appender, all thrown away a moment later by our reset (about a tenth of the start to the first answer).
 * Found through {@code META-INF/services}, so it is also found where the jar is embedded: there the property is
 * never set and it stays {@code NEUTRAL}, leaving the application's own configuration to logback.
 */
public final class CliLogConfigurator extends ContextAwareBase implements Configurator {
    /** Set by {@link Logging#configure} around the first touch of SLF4J, and cleared right after. */
    static final String PROPERTY = "io.cloudmock.cli.logging";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        return Boolean.getBoolean(PROPERTY) ? ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY : ExecutionStatus.NEUTRAL;
    }
}
