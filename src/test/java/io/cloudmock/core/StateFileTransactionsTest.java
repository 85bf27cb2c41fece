package io.cloudmock.core;

import io.cloudmock.CloudMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A transaction reaches {@code --state-file}'s change log whole or not at all, however the writer's appends fall
 * between its records. Split, a kill between two appends left a server's basic storage logged without the server
 * it refers to, and the next start refused the whole file (found by StateFileKillLoopTest, once in three runs).
 * Here the writer's turn is made to come while the transaction's second record is still being written out.
 */
class StateFileTransactionsTest {
    /** A field value whose serialization waits, so an append can be made to fall inside the transaction. */
    public static final class Slow {
        private final CountDownLatch rendering;
        private final CountDownLatch release;

        Slow(CountDownLatch rendering, CountDownLatch release) {
            this.rendering = rendering;
            this.release = release;
        }

        public String getValue() throws InterruptedException {
            rendering.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "rendered";
        }
    }

    @Test
    void anAppendInTheMiddleOfATransactionWritesNoneOfIt(@TempDir Path dir) throws Exception {
        try (CloudMock mock = CloudMock.builder().manualClock().port(0).stateFile(dir.resolve("state.json")).build().start()) {
            StateFile file = mock.stateFile();
            CountDownLatch rendering = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Resource storage = new Resource("ncp", "block-storage", "tx-test", "902", "ATTAC", Instant.EPOCH,
                    Map.of("serverInstanceNo", "901"));
            Resource server = new Resource("ncp", "server", "tx-test", "901", "RUN", Instant.EPOCH,
                    Map.of("slow", new Slow(rendering, release)));
            Thread committer = new Thread(() -> file.committed("tx-test", List.of(storage, server), List.of()));
            committer.start();
            assertTrue(rendering.await(10, TimeUnit.SECONDS), "the server's record is being written out");
            file.flush(); // the writer's turn, between the storage's record and the server's
            String during = Files.readString(file.logPath());
            release.countDown();
            committer.join(10_000);
            file.flush();
            String after = Files.readString(file.logPath());

            assertFalse(during.contains("tx-test"), "half a transaction reached the log:\n" + during);
            assertTrue(after.contains("\"id\":\"901\"") && after.contains("\"id\":\"902\""), after);
        }
    }
}
