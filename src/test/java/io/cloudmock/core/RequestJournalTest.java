package io.cloudmock.core;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestJournalTest {

    static void record(RequestJournal j, String action) {
        Exchange ex = new Exchange(Instant.now());
        ex.provider = "test";
        ex.action = action;
        j.completed(ex, "POST", "/test/" + action, 200);
    }

    @Test
    void keepsOnlyTheLastSizeEntriesOldestFirst() {
        RequestJournal j = new RequestJournal(3);
        for (int i = 0; i < 10; i++) record(j, "a" + i);
        assertEquals(List.of("a7", "a8", "a9"), j.entries().stream().map(RequestJournal.Entry::action).toList());
    }

    @Test
    void sizeZeroIsOff() {
        RequestJournal j = new RequestJournal(0);
        record(j, "a");
        assertTrue(j.entries().isEmpty());
    }

    @Test
    void clearForgetsOnlyWhatCameBefore() {
        RequestJournal j = new RequestJournal(5);
        record(j, "old");
        j.clear();
        record(j, "new");
        assertEquals(List.of("new"), j.entries().stream().map(RequestJournal.Entry::action).toList());
    }

    /**
     * Two requests finishing together: the one numbered earlier may store its entry last. It used to overwrite
     * the newer entry of the same slot, so with --journal-size 1 the journal then showed nothing at all.
     */
    @Test
    void aWriterOvertakenByANewerOneDoesNotOverwriteIt() {
        RequestJournal j = new RequestJournal(1);
        record(j, "first");
        record(j, "second");
        j.store(new RequestJournal.Entry(0, Instant.now(), "test", "default", "first", "POST", "/test/first", 200, "",
                0, "", java.util.Map.of()));
        assertEquals(List.of("second"), j.entries().stream().map(RequestJournal.Entry::action).toList());
    }

    @Test
    void concurrentWritersNeitherLoseOrderNorGrow() throws Exception {
        RequestJournal j = new RequestJournal(100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> { for (int i = 0; i < 10_000; i++) record(j, "x"); });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        List<RequestJournal.Entry> kept = j.entries();
        assertEquals(100, kept.size());
        for (int i = 1; i < kept.size(); i++) assertEquals(kept.get(i - 1).seq() + 1, kept.get(i).seq());
        assertEquals(79_999, kept.get(99).seq());
    }
}
