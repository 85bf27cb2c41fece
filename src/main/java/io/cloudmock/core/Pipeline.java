package io.cloudmock.core;

import io.cloudmock.Config;
import io.cloudmock.core.http.HttpCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one request pipeline every provider call goes through, in this order:
 * <ol>
 *   <li>size limit: the body is read up to {@link Limits#PROVIDER_BODY_BYTES} and no further;</li>
 *   <li>decode ({@link ProviderApi#decode});</li>
 *   <li>account: the access key the call claims;</li>
 *   <li>route: which of the provider's APIs it is for (an unknown one is answered before any signature check,
 *       as the gateways do);</li>
 *   <li>signature, by {@code --auth}: {@code off} trusts the claim, {@code log} checks and logs, {@code verify}
 *       refuses a failure in the provider's envelope;</li>
 *   <li>action lookup (unknown actions answer the provider's own error naming them);</li>
 *   <li>parse what needs the action, then fault rules: an error in the provider's envelope, or a delay that holds
 *       no server thread;</li>
 *   <li>the handler, then the rendering; the journal and request log read the {@link Exchange} filled here.</li>
 * </ol>
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final Backend backend;
    /** Fault delays wait here, not on a server thread, so the control API keeps answering. */
    private final ScheduledThreadPoolExecutor delays = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "cloudmock-fault-delays");
        t.setDaemon(true);
        return t;
    });

    /** The secrets the configuration holds (made on first use: the backend builds its pipeline before its config is set). */
    private volatile java.util.Set<String> secrets;

    public Pipeline(Backend backend) { this.backend = backend; }

    /** Stops the delay timer; calls still waiting on a fault delay are answered now, so shutdown never waits for them. */
    public void close() {
        for (Runnable pending : delays.shutdownNow()) pending.run();
    }

    /** How many calls are waiting on a fault rule's delay now. */
    public int waitingOnDelays() { return delays.getQueue().size(); }

    /** Handles one call of {@code api}'s provider on {@code ctx}. */
    public <C> void handle(HttpCall ctx, ProviderApi<C> api) {
        Exchange exchange = exchange(ctx);
        byte[] body;
        try {
            body = readBody(ctx);
        } catch (IOException e) {
            C partial = api.decode(ctx, new byte[0]);
            exchange.provider = api.provider(partial);
            send(ctx, exchange, api.unreadableBody(ctx, e instanceof TooLarge));
            return;
        }
        C call = api.decode(ctx, body);
        exchange.provider = api.provider(call);
        try {
            String action = api.action(call);
            if (action != null) exchange.action = action;
            exchange.account = notASecret(api.account(call));
            record(exchange, api, call, ctx, body);
            routeOrRecord(ctx, api, call, exchange, true);
            authenticate(ctx, api, call, body, exchange);
            ProviderApi.Action<C> handler = routeOrRecord(ctx, api, call, exchange, false);
            call = api.parse(call);
            record(exchange, api, call, ctx, body);
            Optional<Fault> fault = backend.faults().match(exchange.provider, exchange.action, api.targetIds(call));
            if (fault.isPresent() && fault.get().delayMs() > 0) {
                delayed(ctx, api, call, handler, fault.get(), exchange);
                return;
            }
            finish(ctx, api, call, handler, fault.orElse(null), exchange);
        } catch (RuntimeException e) {
            send(ctx, exchange, failure(api, call, e, exchange));
        }
    }

    /** Step 4 or 6; a call for something not served is counted for {@code /_cloudmock/unserved} before it is answered. */
    private <C> ProviderApi.Action<C> routeOrRecord(HttpCall ctx, ProviderApi<C> api, C call, Exchange exchange, boolean route) {
        try {
            if (route) {
                api.route(call);
                return null;
            }
            return api.lookup(call);
        } catch (RuntimeException e) {
            if (api.notServed(call, e)) {
                backend.unserved().record(new Unserved.Key(exchange.provider, ctx.method(), ctx.path(),
                        exchange.action, "", userAgent(ctx), e.getMessage()));
            }
            throw e;
        }
    }

    /** Runs the rest of a call after a fault rule's delay, on the timer's completion, holding no server thread. */
    private <C> void delayed(HttpCall ctx, ProviderApi<C> api, C call, ProviderApi.Action<C> handler, Fault fault,
                             Exchange exchange) {
        ctx.later();
        delays.schedule(() -> {
            try {
                finish(ctx, api, call, handler, fault, exchange);
            } catch (RuntimeException e) {
                send(ctx, exchange, failure(api, call, e, exchange));
            } finally {
                ctx.send();
            }
        }, fault.delayMs(), TimeUnit.MILLISECONDS);
    }

    private <C> void finish(HttpCall ctx, ProviderApi<C> api, C call, ProviderApi.Action<C> handler, Fault fault,
                            Exchange exchange) {
        if (fault != null && fault.isError()) {
            send(ctx, exchange, api.fault(call, fault));
            return;
        }
        Object payload = handler.handle(call, backend.store().account(exchange.account));
        for (String parameter : api.unreadParameters(call)) {
            backend.unserved().record(new Unserved.Key(exchange.provider, ctx.method(), ctx.path(), exchange.action,
                    parameter, userAgent(ctx), IGNORED));
        }
        send(ctx, exchange, api.success(call, payload));
    }

    private static final String IGNORED = "cloudmock answered the call without reading this parameter, as if it had not"
            + " been sent; the real service may act on it (see docs/coverage.md)";

    private static String userAgent(HttpCall ctx) {
        String agent = ctx.header("User-Agent");
        return agent == null ? "" : agent;
    }

    private <C> Reply failure(ProviderApi<C> api, C call, RuntimeException e, Exchange exchange) {
        Reply r = api.error(call, e);
        if (r != null) return r;
        // a bug of cloudmock's, never the client's: the provider's 500 envelope, and the stack trace in the log
        LOG.error("{} {} failed", exchange.provider, exchange.action, e);
        return api.internalError(call);
    }

    private java.util.Set<String> secrets() {
        java.util.Set<String> s = secrets;
        if (s == null) {
            java.util.Set<String> all = new java.util.HashSet<>(backend.config().credentials().values());
            all.addAll(backend.config().bearerTokens().keySet());
            secrets = s = java.util.Set.copyOf(all);
        }
        return s;
    }

    /**
     * The account a call claims, unless it is one of the configured secrets (a client that swapped its access key
     * and secret key sends the secret where the access key goes): then its {@link Secrets#secretAccount} name, so
     * the secret reaches no log line, journal entry or state file.
     */
    private String notASecret(String account) {
        if (account == null || !secrets().contains(account)) return account;
        return Secrets.secretAccount(account);
    }

    private <C> void authenticate(HttpCall ctx, ProviderApi<C> api, C call, byte[] body, Exchange exchange) {
        Config.AuthMode mode = backend.config().auth();
        if (mode == Config.AuthMode.OFF) return;
        Verdict v = api.verify(ctx, call, body);
        if (v.account() != null) exchange.account = notASecret(v.account());
        if (v.ok()) return;
        exchange.authDetail = Secrets.scrub(v.detail(), secrets());
        LOG.warn("{} signature check failed ({}{}): {}", exchange.provider, v.outcome(),
                mode == Config.AuthMode.LOG ? ", --auth log lets it through" : "", exchange.authDetail);
        if (mode == Config.AuthMode.VERIFY) throw v.refusal();
    }

    private static <C> void record(Exchange exchange, ProviderApi<C> api, C call, HttpCall ctx, byte[] body) {
        Object parameters = api.parameters(call);
        if (parameters == null) return;
        String query = ctx.queryString();
        exchange.parameters(parameters, (query == null ? 0 : query.length()) + (long) body.length);
    }

    private static void send(HttpCall ctx, Exchange exchange, Reply reply) {
        exchange.errorCode = reply.errorCode();
        ctx.status(reply.status()).contentType(reply.contentType()).result(reply.parts());
    }

    private static Exchange exchange(HttpCall ctx) { return ctx.exchange(); }

    /** A body over the provider limit. */
    private static final class TooLarge extends IOException {
        TooLarge() { super("body over " + Limits.PROVIDER_BODY_BYTES + " bytes"); }
    }

    /**
     * The body, kept up to the provider limit and no further: a declared length over what the server accepts at all
     * is refused before a byte is read; a body over the provider limit is read and forgotten (not kept) up to that,
     * then refused. A truncated body (the client went away,
     * a malformed chunk) is an IOException.
     */
    static byte[] readBody(HttpCall ctx) throws IOException {
        long declared = ctx.contentLength();
        if (declared > Limits.SERVER_BODY_BYTES) throw new TooLarge(); // answered at once, never waited for
        InputStream in = ctx.bodyStream();
        if (declared > Limits.PROVIDER_BODY_BYTES) {
            drain(in);
            throw new TooLarge();
        }
        if (declared == 0) return NO_BODY;
        // no length declared: a chunked body, or (most GETs) none at all, which a small first buffer answers
        byte[] buf = new byte[declared > 0 ? (int) declared : 512];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (buf.length > Limits.PROVIDER_BODY_BYTES) {
                    drain(in);
                    throw new TooLarge();
                }
                buf = java.util.Arrays.copyOf(buf, Math.min(buf.length * 2, Limits.PROVIDER_BODY_BYTES + 1));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) break;
            n += r;
        }
        return n == buf.length ? buf : n == 0 ? NO_BODY : java.util.Arrays.copyOf(buf, n);
    }

    private static final byte[] NO_BODY = new byte[0];

    /**
     * Reads and forgets the rest of an over-limit body, up to what the server accepts at all, so a client still
     * sending it gets the 413 rather than a broken pipe; nothing of it is kept in memory.
     */
    private static void drain(InputStream in) {
        byte[] sink = new byte[16 * 1024];
        long left = Limits.SERVER_BODY_BYTES;
        try {
            for (int r; left > 0 && (r = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0; ) left -= r;
        } catch (IOException e) {
            // the client went away: the answer is still the too-large one
        }
    }

}
