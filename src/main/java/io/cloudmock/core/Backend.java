package io.cloudmock.core;

import io.cloudmock.Config;

/**
 * What every part of a running cloudmock shares: its configuration, clock, lifecycle engine, store and id
 * makers, the kinds of resources. One per {@code CloudMock}; providers and the control API receive it at construction.
 */
public final class Backend {
    private final Config config;
    private final Clock clock;
    private final Lifecycle lifecycle;
    private final Kinds kinds = new Kinds();
    private final ResourceStore store;
    private final Ids ids;
    private final java.time.Instant startedAt = java.time.Instant.now();
    private final java.util.List<ExchangeListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final RequestJournal journal;
    private final FaultRules faults = new FaultRules();
    /** Why persistence is failing (health shows "degraded"), or null; set by the state file once it saves. */
    private volatile java.util.function.Supplier<String> persistenceFailure = () -> null;
    private final Pipeline pipeline = new Pipeline(this);
    private final Unserved unserved = new Unserved();
    /** Request ids of the providers' answers; tests may fix them to compare golden payloads. */
    private volatile java.util.function.Supplier<String> requestIds = Ids::uuid;

    public Backend(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.lifecycle = new Lifecycle(clock, config.transitionDelay());
        this.store = new ResourceStore(lifecycle, kinds);
        this.ids = new Ids(10_000_001L);
        this.journal = new RequestJournal(config.journalSize());
    }

    public Config config() { return config; }
    /** The one request pipeline every provider's routes hand their calls to. */
    public Pipeline pipeline() { return pipeline; }
    /** What clients asked for that no provider serves ({@code GET /_cloudmock/unserved}). */
    public Unserved unserved() { return unserved; }
    public java.util.function.Supplier<String> requestIds() { return requestIds; }
    public void requestIds(java.util.function.Supplier<String> source) { requestIds = source; }
    public Clock clock() { return clock; }
    public Lifecycle lifecycle() { return lifecycle; }
    public ResourceStore store() { return store; }
    public Ids ids() { return ids; }
    public java.time.Instant startedAt() { return startedAt; }
    /** The request journal ({@code GET /_cloudmock/requests}); CloudMock registers it as a listener. */
    public RequestJournal journal() { return journal; }
    /** The fault rules; providers call {@code faults().match(...)} once per request. */
    public FaultRules faults() { return faults; }

    /** Where health reads why persistence fails ({@code --state-file}). */
    public void persistenceFailure(java.util.function.Supplier<String> source) { persistenceFailure = source; }

    /** Why the last save of the state failed, or null when it did not (or nothing is saved). */
    public String persistenceFailure() { return persistenceFailure.get(); }

    /** Every kind of resource the providers registered at construction. */
    public Kinds kinds() { return kinds; }

    /** Each provider registers its kinds (and with them their transition tables) at construction. */
    public void register(ResourceKind kind) { kinds.register(kind); }

    private final java.util.Map<String, ReadyNetwork> networks = new java.util.concurrent.ConcurrentHashMap<>();

    /** A provider's {@code POST /_cloudmock/networks}. */
    public void registerReadyNetwork(String provider, ReadyNetwork factory) { networks.put(provider, factory); }

    public ReadyNetwork readyNetwork(String provider) { return networks.get(provider); }

    public java.util.List<String> readyNetworkProviders() { return new java.util.ArrayList<>(new java.util.TreeSet<>(networks.keySet())); }

    public void addListener(ExchangeListener listener) { listeners.add(listener); }

    /** Called once per request after the response is written (never for the control API). */
    public void completed(Exchange exchange, String method, String path, int status) {
        for (ExchangeListener l : listeners) l.completed(exchange, method, path, status);
    }

    /** Forget everything (instances, journal, fault rules) and put the manual clock back to its start. */
    public void reset() {
        unserved.clear();
        store.reset();
        journal.clear();
        faults.clear();
        clock.reset();
    }
}
