package io.cloudmock.core;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --state-file}: loaded at start if it exists, saved after changes and at shutdown.
 *
 * <p>Saving is atomic: the snapshot goes to a temporary file in the same directory, is forced to disk, and is
 * renamed over the file, so a reader (or a restart after {@code kill -9}) sees the old file or the new one,
 * never half of one. One background thread watches {@link ResourceStore#version()} (and the manual clock) and
 * saves at most every {@link #INTERVAL_MS} ms, so a burst of requests costs one write.
 *
 * <p>One server per file: {@link #load()} takes an exclusive lock on {@code .NAME.lock} beside the file (held
 * until {@link #close()}, released by the OS if the process dies), so a second server on the same file refuses
 * to start instead of silently overwriting the first one's saves. A save that fails is kept as
 * {@link #failure()} (health reports it) until a later save succeeds.
 */
public final class StateFile implements AutoCloseable {
    static final long INTERVAL_MS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(StateFile.class);

    private final Backend backend;
    private final Path file;
    private final Path dir;
    private volatile ScheduledExecutorService saver;
    private long savedVersion = -1;
    private Instant savedClock;
    private boolean failing;
    private FileChannel lockChannel;
    private java.nio.channels.FileLock lock;
    /** Lets go of the file without saving (a server that failed to start after {@link #load()}). */
    public void release() { unlock(); }

    /** Why the last save failed; null while saves succeed. */
    private volatile String failure;

    public StateFile(Backend backend, Path file) {
        this.backend = backend;
        this.file = file.toAbsolutePath();
        this.dir = this.file.getParent();
    }

    public Path path() { return file; }

    /**
     * Restores the saved state if the file exists (true), or leaves the state empty (false). A file that
     * cannot be read or understood is a StartupException naming it: it is never silently replaced.
     */
    public boolean load() {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new StartupException("--state-file " + file + ": the directory " + dir + " does not exist");
        }
        lock();
        try {
            return loadLocked();
        } catch (RuntimeException e) {
            unlock(); // a server that does not start must not keep the file from the next one
            throw e;
        }
    }

    private boolean loadLocked() {
        removeLeftovers();
        checkWritable();
        if (!Files.exists(file)) return false;
        JsonNode root;
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) throw new StartupException("cannot load --state-file " + file + ": the file is empty");
            root = Json.MAPPER.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new StartupException("cannot load --state-file " + file + ": not valid JSON (" + e.getOriginalMessage()
                    + "); fix or remove the file", e);
        } catch (IOException e) {
            throw new StartupException("cannot read --state-file " + file + ": " + IoProblem.describe(e), e);
        }
        try {
            StateSnapshot.restore(backend, root);
        } catch (IllegalArgumentException e) {
            throw new StartupException("cannot load --state-file " + file + ": " + e.getMessage(), e);
        }
        savedVersion = backend.store().version();
        savedClock = manualNow();
        return true;
    }

    /** The lock file beside the state file (hidden, like the temporary files of a save). */
    public Path lockPath() { return dir.resolve("." + file.getFileName() + ".lock"); }

    private void lock() {
        Path path = lockPath();
        try {
            lockChannel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = lockChannel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null; // held by another server in this same JVM
            }
        } catch (IOException e) {
            unlock();
            throw new StartupException("--state-file " + file + ": cannot write its lock file " + path + " (" + e + ")", e);
        }
        if (lock == null) {
            unlock();
            throw new StartupException("--state-file " + file + " is in use by another cloudmock (it holds " + path
                    + "); stop that one or give this one another file");
        }
    }

    private synchronized void unlock() {
        try {
            if (lock != null) lock.release();
            if (lockChannel != null) lockChannel.close();
        } catch (IOException ignored) {
            // the OS drops the lock when the process ends anyway
        }
        lock = null;
        lockChannel = null;
    }

    /** Why the last save failed ({@code --state-file} is then "degraded"), or null when it succeeded. */
    public String failure() { return failure; }

    /**
     * Saving writes a temporary file in the directory and renames it over the file: both must be possible now,
     * or every change would be lost behind a "will retry" warning.
     */
    private void checkWritable() {
        try {
            Files.delete(Files.createTempFile(dir, tmpPrefix(), ".tmp"));
        } catch (IOException | RuntimeException e) {
            throw new StartupException("--state-file " + file + ": cannot write in the directory " + dir + " (" + e + ")", e);
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new StartupException("--state-file " + file + ": cannot write the file (it is read-only)");
        }
    }

    /** Starts the background saver (after {@link #load()} and any seeding). */
    public void startSaving() {
        if (saver != null) return;
        saver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cloudmock-state-saver");
            t.setDaemon(true);
            return t;
        });
        saver.scheduleWithFixedDelay(this::saveIfChanged, 0, INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    private void saveIfChanged() {
        long version = backend.store().version();
        Instant clock = manualNow();
        if (version == savedVersion && Objects.equals(clock, savedClock)) return;
        try {
            save();
            savedVersion = version;
            savedClock = clock;
            if (failing) LOG.info("--state-file {} saved again", file);
            failing = false;
        } catch (IOException | RuntimeException e) {
            if (!failing) LOG.warn("cannot save --state-file {}: {} (will retry)", file, IoProblem.describe(e));
            failing = true;
        }
    }

    private Instant manualNow() { return backend.clock().isManual() ? backend.clock().now() : null; }

    /** Writes the current state atomically (temporary file, fsync, rename, fsync of the directory). */
    public synchronized void save() throws IOException {
        try {
            write();
            failure = null;
        } catch (IOException | RuntimeException e) {
            failure = "cannot save --state-file " + file + ": " + e;
            throw e;
        }
    }

    private void write() throws IOException {
        byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(StateSnapshot.export(backend));
        Path tmp = Files.createTempFile(dir, tmpPrefix(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true); // makes the rename itself durable; not possible on every platform
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }

    private String tmpPrefix() { return "." + file.getFileName() + "."; }

    /** Temporary files left by a process killed in the middle of a save. */
    private void removeLeftovers() {
        // a filter, not a glob: the file name may hold glob characters such as { or [
        String prefix = tmpPrefix();
        DirectoryStream.Filter<Path> leftover = p -> {
            String name = p.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(".tmp");
        };
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, leftover)) {
            for (Path p : stream) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // harmless: a leftover only takes space
        }
    }

    /** Stops the saver and saves one last time (shutdown, SIGTERM). */
    @Override
    public void close() {
        ScheduledExecutorService s = saver;
        saver = null;
        if (s != null) {
            s.shutdown();
            try {
                s.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            save();
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot save --state-file {} at shutdown: {}", file, IoProblem.describe(e));
        } finally {
            unlock();
        }
    }
}
