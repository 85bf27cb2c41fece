package io.cloudmock;

import io.cloudmock.control.ControlRoutes;
import io.cloudmock.core.Backend;
import io.cloudmock.core.Clock;
import io.cloudmock.core.ResourceStore;
import io.cloudmock.core.ManualClock;
import io.cloudmock.core.SeedFile;
import io.cloudmock.core.StartupException;
import io.cloudmock.core.StateFile;
import io.cloudmock.ncp.NcpRoutes;
import io.cloudmock.zenlayer.ZenlayerRoutes;
import io.cloudmock.core.http.Dispatcher;
import io.cloudmock.core.http.HttpCall;
import io.cloudmock.core.http.Routes;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embeddable server. {@code CloudMock.builder().clock(MANUAL).port(0).start()} gives a running emulator;
 * {@link #baseUrl()} is where clients point; {@link #close()} stops it.
 */
public final class CloudMock implements AutoCloseable {
    private final Backend backend;
    private final Server server;
    private final ServerConnector connector;
    private final io.cloudmock.control.LocalControl control;
    private volatile boolean closed;
    private volatile StateFile stateFile;

    private CloudMock(Config config) { this(config, java.util.List.of(), ConnectionLimits.DEFAULT, null, null); }

    private CloudMock(Config config, java.util.List<java.util.function.BiConsumer<Backend, Routes>> extraProviders,
                      ConnectionLimits limits, java.time.Instant clockStart, java.util.function.Supplier<String> requestIds) {
        skipJettyMBeanProbe();
        Clock clock = config.clock() != Config.ClockMode.MANUAL ? Clock.system()
                : clockStart != null ? new ManualClock(clockStart, true) : new ManualClock();
        this.backend = new Backend(config, clock);
        if (requestIds != null) backend.requestIds(requestIds);
        backend.addListener(new io.cloudmock.core.RequestLog());
        NcpRoutes ncp = new NcpRoutes(backend);
        ZenlayerRoutes zenlayer = new ZenlayerRoutes(backend);
        ControlRoutes control = new ControlRoutes(backend);
        this.control = control.control();
        backend.addListener(backend.journal());
        Routes routes = new Routes();
        control.register(routes);
        ncp.register(routes);
        zenlayer.register(routes);
        for (var extra : extraProviders) extra.accept(backend, routes);
        Dispatcher dispatcher = new Dispatcher(routes, CloudMock::noSuchPath, call -> {
            if (!call.exchange().provider.isEmpty()) {
                backend.completed(call.exchange(), call.method(), call.path(), call.statusCode());
            }
        });
        this.server = jetty(dispatcher, limits, config.host(), config.port(), java.util.List.of(ncp::refused, zenlayer::refused));
        this.connector = (ServerConnector) server.getConnectors()[0];
    }

    /**
     * The HTTP server around {@code handler}, not started: one connector, gzip, JSON errors (each provider's own
     * envelope on its paths, {@code refusals}), the limits.
     */
    private static Server jetty(org.eclipse.jetty.server.Handler handler, ConnectionLimits limits, String host, int port,
                                java.util.List<io.cloudmock.core.http.Refusal> refusals) {
        Server server = new Server(SharedThreads.POOL, SharedThreads.SCHEDULER, null);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // header values exactly as sent: Jetty's cache would lower-case well-known ones ("charset=UTF-8"), which
        // breaks Zenlayer signatures over the raw Content-Type
        http.setHeaderCacheCaseSensitive(true);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(gzip(handler));
        server.setErrorHandler(new PlainErrorHandler(refusals));
        limits.install(server);
        return server;
    }

    /**
     * One thread pool and one timer for every server of this JVM, started once and never stopped (daemon threads:
     * the command line waits on its own latch). A test suite starts a server per class; each start used to create
     * and each close to join a pool's threads, a good part of a second start's time. Already running when a
     * server adopts them, they are not the server's to stop (Jetty leaves a running bean unmanaged).
     */
    private static final class SharedThreads {
        static final QueuedThreadPool POOL = pool();
        static final org.eclipse.jetty.util.thread.ScheduledExecutorScheduler SCHEDULER = scheduler();

        private static QueuedThreadPool pool() {
            QueuedThreadPool pool = new QueuedThreadPool(250, 4, 60_000);
            pool.setName("cloudmock-http");
            pool.setDaemon(true);
            start(pool);
            return pool;
        }

        private static org.eclipse.jetty.util.thread.ScheduledExecutorScheduler scheduler() {
            var scheduler = new org.eclipse.jetty.util.thread.ScheduledExecutorScheduler("cloudmock-timer", true);
            start(scheduler);
            return scheduler;
        }

        private static void start(org.eclipse.jetty.util.component.LifeCycle c) {
            try {
                c.start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the server's threads", e);
            }
        }
    }

    /**
     * Bodies of 1,500 bytes or more go gzipped to a client that accepts it (the SDKs' HTTP clients all do), GET
     * or POST, as they did under the first version's server.
     */
    private static GzipHandler gzip(org.eclipse.jetty.server.Handler inner) {
        GzipHandler gzip = new GzipHandler(inner);
        gzip.setMinGzipSize(1500);
        gzip.setIncludedMethods("GET", "POST", "PUT", "DELETE", "PATCH");
        gzip.setVary(null); // the headers the first version sent, byte for byte (the docs show them)
        return gzip;
    }

    /**
     * Jetty sizes the padding of its thread pool's queue by asking the platform MBean server whether oops are
     * compressed, unless {@code org.eclipse.jetty.util.referencesPerCacheLine} is set. Starting the MBean server
     * and its ~160 JMX classes was about a tenth of cloudmock's start-up (by {@code -Xlog:class+load}) for an answer
     * that only shapes padding, so give it: compressed oops, 4-byte references, below 32 GiB of heap. A value
     * the user set wins.
     */
    private static void skipJettyMBeanProbe() {
        String key = "org.eclipse.jetty.util.referencesPerCacheLine";
        if (System.getProperty(key) != null) return;
        int referenceBytes = Runtime.getRuntime().maxMemory() < 32L * 1024 * 1024 * 1024 ? 4 : 8;
        System.setProperty(key, Integer.toString(64 / referenceBytes));
    }

    /**
     * Loads and links the HTTP server's classes on another core while this thread builds the providers: the
     * command line's first start spent about as long constructing Jetty's server, connector and gzip handler
     * (some 450 classes, MimeTypes' tables) as everything before it. Builds one server the way the real one is
     * built ({@link #jetty}) and never starts it; the shared threads it adopts are the ones the real server uses.
     * Called once logging is set up, since Jetty's classes open their loggers as they load.
     */
    static void prepareInBackground() {
        Thread t = new Thread(() -> {
            try {
                jetty(new org.eclipse.jetty.server.Handler.Abstract() {
                    @Override
                    public boolean handle(org.eclipse.jetty.server.Request request,
                                          org.eclipse.jetty.server.Response response, org.eclipse.jetty.util.Callback callback) {
                        return false;
                    }
                }, ConnectionLimits.DEFAULT, "127.0.0.1", 0, java.util.List.of());
            } catch (RuntimeException | LinkageError e) {
                // only a warm-up: the real server reports its own failure
            }
        }, "cloudmock-warm-up-server");
        t.setDaemon(true);
        t.start();
    }

    /** Paths no provider owns: a JSON error, never an HTML page. */
    private static void noSuchPath(HttpCall ctx) {
        ctx.status(404).contentType("application/json").result(
                "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"cloudmock serves /vserver/v2/{action}, "
                        + "/server/v2/{action}, /vpc/v2/{action}, /api/v2/vm and /_cloudmock/; nothing at " + jsonSafe(ctx.path()) + "\"}}");
    }

    static String jsonSafe(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    public static Builder builder() { return new Builder(); }

    /** A server for a complete configuration (the command line's way in). */
    public static CloudMock create(Config config) { return new CloudMock(config); }

    /**
     * Loads {@code --state-file} (if it exists) or else {@code --seed}, then listens; saving of the state file
     * starts once listening. Load problems are a {@link StartupException} naming the file. Providers registered
     * on {@link #backend()} between {@link Builder#build()} and this call are known to the loaders.
     */
    public CloudMock start() {
        Config config = backend.config();
        StateFile file = config.stateFile() == null ? null : new StateFile(backend, config.stateFile());
        boolean restored = file != null && file.load();
        try {
            if (!restored && config.seed() != null) SeedFile.load(backend, config.seed());
            listen();
        } catch (RuntimeException e) {
            if (file != null) file.release(); // never saved: a server that failed to start must not overwrite it
            throw e;
        }
        if (file != null) {
            // only now: a server that failed to start must never overwrite the file it could not read
            stateFile = file;
            backend.persistenceFailure(file::failure);
            file.startSaving();
        }
        return this;
    }

    private void listen() {
        try {
            server.start();
        } catch (RuntimeException e) {
            stopQuietly();
            throw e;
        } catch (Exception e) {
            stopQuietly();
            throw new IllegalStateException("cannot listen on " + backend.config().host() + ":" + backend.config().port(), e);
        }
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception ignored) {
            // it never started
        }
    }

    /** The {@code --state-file} being written, or null. */
    public StateFile stateFile() { return stateFile; }

    /** Why the last save of {@code --state-file} failed (the last one of all after {@link #close()}), or null. */
    public String persistenceFailure() { return backend.persistenceFailure(); }

    public int port() { return connector.getLocalPort(); }

    /** {@code http://HOST:PORT}, the value for {@code NCLOUD_API_GW} and the Zenlayer endpoint. */
    public String baseUrl() { return "http://" + displayHost() + ":" + port(); }

    private String displayHost() {
        String h = backend.config().host();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    /** The control API in-process: the same calls, rules and errors as {@code /_cloudmock/} over HTTP. */
    public io.cloudmock.control.Control control() { return control; }

    public Clock clock() { return backend.clock(); }
    public ResourceStore store() { return backend.store(); }
    public Backend backend() { return backend; }
    public Config config() { return backend.config(); }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        backend.pipeline().close(); // calls waiting on a fault delay are answered now
        stopQuietly();
        if (stateFile != null) stateFile.close(); // the last save, after the last request
    }

    /** Builds a {@link CloudMock} with the defaults of the command line (but port 0 is often what tests want). */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private Duration transitionDelay = Duration.ofSeconds(2);
        private Config.ClockMode clock = Config.ClockMode.SYSTEM;
        private Config.AuthMode auth = Config.AuthMode.OFF;
        private final Map<String, String> credentials = new LinkedHashMap<>();
        private Path stateFile;
        private Path seed;
        private int journalSize = 1000;
        private String controlToken;
        private Config.LogFormat logFormat = Config.LogFormat.TEXT;
        private final Map<String, String> bearerTokens = new LinkedHashMap<>();
        private java.util.List<String> allowedHosts = Config.DEFAULT_ALLOWED_HOSTS;
        private final java.util.List<java.util.function.BiConsumer<Backend, Routes>> extraProviders = new java.util.ArrayList<>();
        private java.time.Instant clockStart;
        private java.util.function.Supplier<String> requestIds;
        private ConnectionLimits connectionLimits = ConnectionLimits.DEFAULT;

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder transitionDelay(Duration v) { transitionDelay = v; return this; }
        public Builder clock(Config.ClockMode v) { clock = v; return this; }
        public Builder manualClock() { return clock(Config.ClockMode.MANUAL); }
        public Builder auth(Config.AuthMode v) { auth = v; return this; }
        public Builder credential(String accessKey, String secret) { credentials.put(accessKey, secret); return this; }
        public Builder credentials(Map<String, String> v) { credentials.putAll(v); return this; }
        public Builder stateFile(Path v) { stateFile = v; return this; }
        public Builder seed(Path v) { seed = v; return this; }
        public Builder journalSize(int v) { journalSize = v; return this; }
        public Builder controlToken(String v) { controlToken = v; return this; }
        public Builder logFormat(Config.LogFormat v) { logFormat = v; return this; }
        /** What one client may hold of the server (tests shorten the deadlines). */
        public Builder connectionLimits(ConnectionLimits v) { connectionLimits = v; return this; }
        /** A Zenlayer bearer token that acts as {@code account}. */
        public Builder bearerToken(String token, String account) { bearerTokens.put(token, account); return this; }
        /** A Zenlayer bearer token whose account is a hash of it. */
        public Builder bearerToken(String token) { return bearerToken(token, io.cloudmock.core.Secrets.tokenAccount(token)); }
        /** The {@code Host} names the control API answers; {@code "*"} allows any. */
        public Builder allowedHosts(String... v) { allowedHosts = java.util.List.of(v); return this; }

        public Config config() {
            return new Config(host, port, transitionDelay, clock, auth, credentials, stateFile, seed, journalSize,
                    controlToken, logFormat, bearerTokens, allowedHosts);
        }

        /**
         * Adds a provider of your own (tests use a small fake one): {@code registrar} registers its
         * {@link io.cloudmock.core.ResourceKind}s with {@code backend.register(...)} and its routes, before the
         * fallback 404, so the control API, state file, seed, journal and fault rules serve it like the built-in ones.
         */
        public Builder provider(java.util.function.BiConsumer<Backend, Routes> registrar) {
            extraProviders.add(registrar);
            return this;
        }

        /**
         * The manual clock's start (and where a reset takes it back), instead of the wall-clock time of start-up:
         * with {@link #requestIds}, answers are the same bytes on every run (golden tests).
         */
        public Builder clockStart(java.time.Instant start) { clockStart = start; return this; }

        /** Where the providers' request ids come from (default: random UUIDs). */
        public Builder requestIds(java.util.function.Supplier<String> source) { requestIds = source; return this; }

        public CloudMock build() {
            return new CloudMock(config(), java.util.List.copyOf(extraProviders), connectionLimits, clockStart, requestIds);
        }

        public CloudMock start() { return build().start(); }
    }

    /**
     * Jetty's own errors (malformed request line, bad URI encoding, headers too large...) as JSON, not Jetty's HTML
     * page: under a provider's paths its own error envelope (a client's error parser must read it), elsewhere the
     * control API's.
     */
    private static final class PlainErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {
        private final java.util.List<io.cloudmock.core.http.Refusal> refusals;

        PlainErrorHandler(java.util.List<io.cloudmock.core.http.Refusal> refusals) { this.refusals = refusals; }

        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                              org.eclipse.jetty.util.Callback callback) {
            int status = response.getStatus() < 400 ? 400 : response.getStatus();
            io.cloudmock.core.Reply reply = providerReply(request, status);
            if (reply != null) {
                response.setStatus(reply.status());
                response.getHeaders().put("Content-Type", reply.contentType());
                response.write(true, java.nio.ByteBuffer.wrap(reply.body()), callback);
                return true;
            }
            response.setStatus(status);
            response.getHeaders().put("Content-Type", "application/json");
            byte[] body = ("{\"error\":{\"code\":\"BAD_REQUEST\",\"message\":\"the request could not be read (HTTP "
                    + status + ")\"}}").getBytes(StandardCharsets.UTF_8);
            response.write(true, java.nio.ByteBuffer.wrap(body), callback);
            return true;
        }

        private io.cloudmock.core.Reply providerReply(org.eclipse.jetty.server.Request request, int status) {
            org.eclipse.jetty.http.HttpURI uri = request.getHttpURI();
            if (uri == null) return null;
            for (io.cloudmock.core.http.Refusal r : refusals) {
                io.cloudmock.core.Reply reply = r.answer(uri.getPath(), uri.getQuery(), status);
                if (reply != null) return reply;
            }
            return null;
        }
    }
}
