package io.cloudmock.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per cloud request, on the logger {@code cloudmock.requests}, once its response is written:
 * {@code GET /vserver/v2/getRegionList 200 provider=ncp action=getRegionList account=default error=- durationMs=3}.
 * When a signature check failed, {@code auth=...} (what cloudmock computed) ends the line.
 * The same facts travel as SLF4J key-value pairs, so the JSON layout ({@code --log-format json}) writes them as
 * typed fields. The control API is not logged here (the backend calls listeners only when a provider claimed
 * the request).
 */
public final class RequestLog implements ExchangeListener {
    public static final String LOGGER = "cloudmock.requests";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void completed(Exchange exchange, String method, String path, int status) {
        if (!LOG.isInfoEnabled()) return;
        long durationMs = (System.nanoTime() - exchange.startNanos) / 1_000_000L;
        String error = exchange.errorCode.isEmpty() ? "-" : exchange.errorCode;
        org.slf4j.spi.LoggingEventBuilder line = LOG.atInfo()
                .addKeyValue("method", method)
                .addKeyValue("path", path)
                .addKeyValue("provider", exchange.provider)
                .addKeyValue("action", exchange.action)
                .addKeyValue("account", exchange.account)
                .addKeyValue("status", status)
                .addKeyValue("errorCode", exchange.errorCode)
                .addKeyValue("durationMs", durationMs);
        String auth = "";
        if (!exchange.authDetail.isEmpty()) { // what a failed signature check computed (--auth verify or log)
            line = line.addKeyValue("authDetail", exchange.authDetail);
            // a string-to-sign has line breaks; the text line stays one line
            auth = " auth=" + exchange.authDetail.replace("\r", "\\r").replace("\n", "\\n");
        }
        line.log("{} {} {} provider={} action={} account={} error={} durationMs={}{}",
                method, path, status, exchange.provider, value(orDash(exchange.action)), value(exchange.account), error,
                durationMs, auth);
    }

    private static String orDash(String s) { return s == null || s.isEmpty() ? "-" : s; }

    /**
     * A value the client chose (its access key, a Zenlayer action header) as one field of the text line: quoted,
     * with {@code "} and {@code \} escaped, when it holds a space, {@code =} or {@code "}, so it cannot write fields
     * of its own into the line ({@code account=AK error=- status=200}); any other value as it is.
     */
    static String value(String s) {
        if (s == null) return null;
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c > ' ' && c != '=' && c != '"';
        }
        if (plain) return s;
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
