package io.cloudmock.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One access key's world. Every read and change goes through {@link #atomically}, under this account's lock,
 * so a batch checks all of its instances and then changes all or none, and concurrent requests never
 * half-apply. Accounts do not share locks, so parallel test suites with different keys do not contend.
 */
public final class Account {
    private final String name;
    private final Lifecycle lifecycle;
    private final Runnable onChange;
    /** The store's shared side: held by every transaction, so a whole-state swap waits for them and they for it. */
    private final java.util.concurrent.locks.Lock gate;
    /** provider -> id -> instance, in creation order. */
    private final Map<String, LinkedHashMap<String, Instance>> instances = new LinkedHashMap<>();

    Account(String name, Lifecycle lifecycle, Runnable onChange, java.util.concurrent.locks.Lock gate) {
        this.gate = gate;
        this.name = name;
        this.lifecycle = lifecycle;
        this.onChange = onChange;
    }

    public String name() { return name; }

    /** Runs {@code work} under the account lock. */
    public <T> T atomically(Function<Tx, T> work) {
        gate.lock();
        try {
            synchronized (this) {
                Tx tx = new Tx();
                try {
                    return work.apply(tx);
                } finally {
                    if (tx.changed) onChange.run();
                }
            }
        } finally {
            gate.unlock();
        }
    }

    synchronized void clear() {
        if (!instances.isEmpty()) {
            instances.clear();
            onChange.run();
        }
    }

    /** A view of the account inside its lock; instances it hands out are settled to the current time. */
    public final class Tx {
        private boolean changed;

        private LinkedHashMap<String, Instance> of(String provider) {
            return instances.computeIfAbsent(provider, p -> new LinkedHashMap<>());
        }

        /** The instance, or null when it does not exist (or has just finished going away). */
        public Instance get(String provider, String id) {
            LinkedHashMap<String, Instance> m = of(provider);
            Instance i = m.get(id);
            if (i == null) return null;
            if (!lifecycle.settle(i)) {
                m.remove(id);
                changed = true;
                return null;
            }
            return i;
        }

        /** Every live instance of the provider, in creation order. */
        public List<Instance> list(String provider) {
            LinkedHashMap<String, Instance> m = of(provider);
            List<Instance> out = new ArrayList<>(m.size());
            for (Iterator<Instance> it = m.values().iterator(); it.hasNext(); ) {
                Instance i = it.next();
                if (lifecycle.settle(i)) {
                    out.add(i);
                } else {
                    it.remove();
                    changed = true;
                }
            }
            return out;
        }

        public void add(Instance instance) {
            of(instance.provider()).put(instance.id(), instance);
            changed = true;
        }

        public void remove(String provider, String id) {
            if (of(provider).remove(id) != null) changed = true;
        }

        /** Starts a transition on the instance (the caller has checked that it is allowed). */
        public void begin(Instance instance, Transition row) {
            lifecycle.begin(instance, row);
            changed = true;
        }

        /** Records a change to an instance's fields. */
        public void touched() { changed = true; }

        public String account() { return name; }
    }
}
