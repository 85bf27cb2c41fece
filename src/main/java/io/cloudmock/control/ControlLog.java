package io.cloudmock.control;

import io.cloudmock.core.http.HttpCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One info line per control call that changed something (reset, clock, fault rules, state import, created or
 * forced instances, a cleared journal), on the logger {@code cloudmock.control}: when a test run goes wrong,
 * the server's log shows what the test did to it, between the cloud requests. Reads are not logged.
 */
final class ControlLog {
    static final String LOGGER = "cloudmock.control";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private ControlLog() {}

    static void changed(HttpCall ctx, String what) {
        LOG.atInfo()
                .addKeyValue("method", ctx.method())
                .addKeyValue("path", ctx.path())
                .addKeyValue("status", ctx.statusCode())
                .log("{} {} {}: {}", ctx.method(), ctx.path(), ctx.statusCode(), what);
    }
}
