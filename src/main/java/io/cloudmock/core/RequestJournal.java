package io.cloudmock.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * The last {@code --journal-size} cloud requests, oldest first, for {@code GET /_cloudmock/requests}.
 *
 * <p>A fixed ring of slots written without locks: each request takes the next sequence number and stores its
 * entry in slot {@code seq % size}, so memory stays flat however many requests come and concurrent requests
 * never wait for each other. A reader keeps only entries whose sequence number is the one it expects in that
 * slot, which skips slots being overwritten at that moment. Size 0 turns the journal off.
 */
public final class RequestJournal implements ExchangeListener {

    /** One journal line; {@code authDetail} is the string a failed signature check signed, or empty. */
    public record Entry(long seq, Instant time, String provider, String account, String action, String method,
                        String path, int status, String errorCode, long durationMs, String authDetail,
                        Object parameters) {}

    private final int size;
    private final AtomicReferenceArray<Entry> slots;
    private final AtomicLong next = new AtomicLong();
    /** Entries numbered below this were cleared. */
    private volatile long floor;

    public RequestJournal(int size) {
        if (size < 0) throw new IllegalArgumentException("journal size must be 0 or more");
        this.size = size;
        this.slots = new AtomicReferenceArray<>(Math.max(size, 1));
    }

    public int size() { return size; }

    public boolean enabled() { return size > 0; }

    @Override
    public void completed(Exchange ex, String method, String path, int status) {
        if (size == 0) return;
        long durationMs = (System.nanoTime() - ex.startNanos) / 1_000_000L;
        long seq = next.getAndIncrement();
        store(new Entry(seq, ex.time, ex.provider, ex.account, ex.action, method, path,
                status, ex.errorCode, durationMs, ex.authDetail == null ? "" : ex.authDetail, ex.parameters));
    }

    /**
     * Puts an entry in its slot unless a newer one is there already: a writer overtaken by one a whole ring later
     * (easy with a small journal under parallel load) must not replace the newer entry with its older one.
     */
    void store(Entry e) {
        int i = (int) (e.seq() % size);
        for (;;) {
            Entry current = slots.get(i);
            if (current != null && current.seq() > e.seq()) return;
            if (slots.compareAndSet(i, current, e)) return;
        }
    }

    /** Every kept entry accepted by {@code filter}, oldest first. */
    public List<Entry> entries(Predicate<Entry> filter) {
        if (size == 0) return List.of();
        long end = next.get();
        long start = Math.max(floor, end - size);
        List<Entry> out = new ArrayList<>((int) Math.min(end - start, size));
        for (long seq = start; seq < end; seq++) {
            Entry e = slots.get((int) (seq % size));
            if (e != null && e.seq() == seq && filter.test(e)) out.add(e);
        }
        return out;
    }

    public List<Entry> entries() { return entries(e -> true); }

    /** Forgets every entry recorded so far. */
    public void clear() {
        floor = next.get();
    }
}
