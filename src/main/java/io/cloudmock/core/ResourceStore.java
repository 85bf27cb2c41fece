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
    /** Bumped on every change; persistence watches it to know when to save. */
    private final AtomicLong version = new AtomicLong();

    public ResourceStore(Lifecycle lifecycle, Kinds kinds) {
        this.lifecycle = lifecycle;
        this.kinds = kinds;
    }

    public Account account(String name) {
        String key = name == null || name.isEmpty() ? DEFAULT_ACCOUNT : name;
        return accounts.computeIfAbsent(key, k -> new Account(k, lifecycle, kinds, version::incrementAndGet));
    }

    /** Accounts that have been used, sorted by name for stable output. */
    public List<Account> accounts() {
        List<Account> out = new ArrayList<>(accounts.values());
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    public Collection<String> accountNames() { return accounts.keySet(); }

    public void reset() {
        for (Account a : accounts.values()) a.clear();
        accounts.clear();
        version.incrementAndGet();
    }

    public void reset(String account) {
        Account a = accounts.remove(account);
        if (a != null) a.clear();
        version.incrementAndGet();
    }

    public long version() { return version.get(); }
}
