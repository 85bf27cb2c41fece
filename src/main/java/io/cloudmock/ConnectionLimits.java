package io.cloudmock;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.LifeCycle;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What one client may hold of the server, set in Jetty's own terms so a slow or greedy client cannot make it
 * unreachable for the others:
 * <ul>
 *   <li>{@code idleTimeout}: a connection with no bytes moving for this long is closed (Jetty's idle timeout);</li>
 *   <li>{@code headerDeadline}: a request whose line and headers are still arriving after this long is closed,
 *       even if a byte trickles in now and then (the idle timeout alone never fires on a slowloris client);</li>
 *   <li>{@code maxConnections}: beyond this many open connections Jetty stops accepting, and the idle ones are
 *       then closed after {@code idleAtLimit}, so the backlog moves and new clients get in;</li>
 *   <li>{@code minBodyRate}: a request body arriving slower than this many bytes a second (averaged from its
 *       first read) fails its next read (Jetty's {@code MinimumDataRateHandler}), so a client trickling a byte
 *       a second, never idle, does not hold a server thread for the length of its body.</li>
 * </ul>
 */
public record ConnectionLimits(int maxConnections, Duration headerDeadline, Duration idleTimeout, Duration idleAtLimit,
                               long minBodyRate) {
    /** Bytes a second: far below any real client on a local network or in CI, far above a slowloris one. */
    public static final long MIN_BODY_RATE = 1024;
    public static final ConnectionLimits DEFAULT =
            new ConnectionLimits(1000, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(1), MIN_BODY_RATE);

    /** With the default minimum body rate. */
    public ConnectionLimits(int maxConnections, Duration headerDeadline, Duration idleTimeout, Duration idleAtLimit) {
        this(maxConnections, headerDeadline, idleTimeout, idleAtLimit, MIN_BODY_RATE);
    }

    public ConnectionLimits {
        if (minBodyRate < 0) throw new IllegalArgumentException("minBodyRate must be 0 (none) or more");
        if (maxConnections < 1) throw new IllegalArgumentException("maxConnections must be 1 or more");
        if (headerDeadline.isNegative() || headerDeadline.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()
                || idleAtLimit.isNegative() || idleAtLimit.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** Installs the limits on a Jetty server before it starts (its connectors exist once it is starting). */
    void install(Server server) {
        NetworkConnectionLimit limit = new NetworkConnectionLimit(maxConnections, server);
        limit.setEndPointIdleTimeout(idleAtLimit.toMillis());
        server.addBean(limit);
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (minBodyRate > 0 && !(server.getHandler() instanceof MinimumDataRateHandler)) {
                    server.setHandler(new MinimumDataRateHandler(server.getHandler(), minBodyRate, 0));
                }
                for (Connector c : server.getConnectors()) {
                    if (c instanceof AbstractConnector connector) {
                        connector.setIdleTimeout(idleTimeout.toMillis());
                        connector.addEventListener(new HeaderDeadline(connector));
                    }
                }
            }
        });
    }

    /**
     * Looks at each connection every second (or sooner for a shorter deadline): one still inside the same
     * request's line or headers after {@code headerDeadline} is closed; while the connector is at the limit
     * (Jetty stopped accepting) an idle one gets the short {@code idleAtLimit}, and its own timeout back after.
     */
    private final class HeaderDeadline implements Connection.Listener {
        private final AbstractConnector connector;
        private final long tickMillis = Math.max(50, Math.min(1000, headerDeadline.toMillis() / 2));

        HeaderDeadline(AbstractConnector connector) { this.connector = connector; }

        @Override
        public void onOpened(Connection connection) {
            if (connection instanceof HttpConnection http) schedule(http, -1, 0);
        }

        private void schedule(HttpConnection http, long requestsInHeaders, long headersSince) {
            connector.getScheduler().schedule(() -> look(http, requestsInHeaders, headersSince), tickMillis, TimeUnit.MILLISECONDS);
        }

        private void look(HttpConnection http, long requestsInHeaders, long headersSince) {
            org.eclipse.jetty.io.EndPoint endPoint = http.getEndPoint();
            if (!endPoint.isOpen()) return;
            // read from another thread: a stale value only delays the verdict by one look
            boolean inHeaders = !http.getParser().isStart() && http.getParser().inHeaderState();
            long requests = http.getMessagesIn();
            long now = System.nanoTime();
            if (inHeaders && requests == requestsInHeaders) {
                if (now - headersSince >= headerDeadline.toNanos()) {
                    endPoint.close();
                    return;
                }
            } else if (inHeaders) {
                headersSince = now;
            }
            long idle = connector.isAccepting() ? idleTimeout.toMillis() : Math.min(idleTimeout.toMillis(), idleAtLimit.toMillis());
            if (endPoint.getIdleTimeout() != idle) endPoint.setIdleTimeout(idle);
            schedule(http, inHeaders ? requests : -1, headersSince);
        }
    }
}
