package io.cloudmock.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Every account's resources, in memory. An account springs into being on first use. */
public final class ResourceStore {
    public static final String DEFAULT_ACCOUNT = "default";

    private final Lifecycle lifecycle;
    private final Kinds kinds;
    private final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();
    private final HeldValues held = new HeldValues();
    /** Bumped on every change; persistence watches it to know when to save. */
    private final AtomicLong version = new AtomicLong();
    /**
     * Shared by every account transaction, exclusive for a whole-state swap ({@link #exclusively}): an import
     * or a reset is seen all at once or not at all, never half done.
     */
    private final java.util.concurrent.locks.ReentrantReadWriteLock gate = new java.util.concurrent.locks.ReentrantReadWriteLock();

    /**
     * Where committed changes go ({@code --state-file}'s change log), or null. Called under the account lock (or
     * the exclusive gate), so the changes of one account arrive in the order they were made.
     */
    public interface Changes {
        /** One committed transaction: the live resources it changed and the ids it removed (provider, id). */
        void committed(String account, List<Resource> changed, List<String[]> removed);

        /** Every account emptied ({@code account} null) or one account forgotten. */
        void reset(String account);
    }

    private volatile Changes changes;

    public ResourceStore(Lifecycle lifecycle, Kinds kinds) {
        this.lifecycle = lifecycle;
        this.kinds = kinds;
    }

    public Account account(String name) {
        String key = name == null || name.isEmpty() ? DEFAULT_ACCOUNT : name;
        return accounts.computeIfAbsent(key, k -> new Account(k, lifecycle, kinds, version::incrementAndGet, gate.readLock(), () -> changes, held));
    }

    /** Accounts that have been used, sorted by name for stable output. */
    public List<Account> accounts() {
        List<Account> out = new ArrayList<>(accounts.values());
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    public Collection<String> accountNames() { return accounts.keySet(); }

    /** Starts (or, with null, stops) handing every committed change to {@code sink}. */
    public void changes(Changes sink) { changes = sink; }

    public void reset() {
        exclusively(() -> {
            for (Account a : accounts.values()) a.clear();
            accounts.clear();
            version.incrementAndGet();
            Changes c = changes;
            if (c != null) c.reset(null);
        });
    }

    /** Runs {@code work} while no account transaction runs: what it changes appears to every reader at once. */
    public void exclusively(Runnable work) {
        gate.writeLock().lock();
        try {
            work.run();
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** Runs {@code work} while no {@link #exclusively} change can start: several accounts read as one state. */
    public <T> T consistently(java.util.function.Supplier<T> work) {
        gate.readLock().lock();
        try {
            return work.get();
        } finally {
            gate.readLock().unlock();
        }
    }

    /**
     * Empties every account but keeps it (inside {@link #exclusively}): a request that already holds an account
     * then writes into the new state, not into one that no reader sees.
     */
    public void clearAccounts() {
        for (Account a : accounts.values()) a.clear();
        version.incrementAndGet();
        Changes c = changes;
        if (c != null) c.reset(null);
    }

    public void reset(String account) {
        // under the gate, so the change log sees the reset between this account's transactions, not inside one
        consistently(() -> {
            Account a = accounts.remove(account);
            if (a != null) {
                synchronized (a) {
                    a.retire();
                    Changes c = changes;
                    if (c != null) c.reset(account);
                }
            }
            version.incrementAndGet();
            return null;
        });
    }

    public long version() { return version.get(); }
}
