package io.cloudmock.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --state-file}: a snapshot of the whole state (the file itself, {@link StateSnapshot}'s JSON) and, beside
 * it, a change log ({@code FILE.log}, {@link ChangeLog}) that every committed change is appended to. Start-up
 * loads the snapshot and replays the log over it.
 *
 * <p>Why a log: rewriting the whole state after each change made the loss window grow with the state (seconds
 * at 200 MB). A change costs its own bytes: the store hands each committed transaction's resources to
 * {@link #committed} under the account lock (so an account's records are in order); one thread appends what
 * came in every {@link #FLUSH_MS} ms and forces it to disk. When the log passes a bound (the snapshot's size, at
 * least {@link #MIN_COMPACT_BYTES}), it is renamed {@code FILE.log.old}, a new log starts, and another thread
 * writes a new snapshot (temporary file, fsync, rename, fsync of the directory) and then deletes the old log;
 * appends go on meanwhile. Records hold whole resources, so a snapshot that already holds some of the new log's
 * records replays to the same state.
 *
 * <p>A failed append (disk full, the log replaced) puts the file in a failed mode: {@link #failure()} (health
 * says "degraded") and every tick tries a full save (a snapshot of everything, then a fresh log of a new epoch,
 * so records of the failed log are never replayed over it) until one lands. SIGTERM and {@link #close()} flush
 * the log and write a last snapshot; the state is lost only when neither lands (then {@link #failure()} is set
 * and Main exits 1).
 *
 * <p>One server per file: {@link #load()} takes an exclusive lock on {@code .NAME.lock} beside the file (held
 * until {@link #close()}, released by the OS if the process dies), so a second server on the same file refuses
 * to start instead of silently overwriting the first one's saves.
 */
public final class StateFile implements AutoCloseable, ResourceStore.Changes {
    /** How often the log is appended to and forced to disk. */
    static final long FLUSH_MS = 100;
    /** The log is compacted into the snapshot once it is this big, or as big as the snapshot if that is bigger. */
    static final long MIN_COMPACT_BYTES = 8L << 20;
    private static final long RETRY_MS = 1000;
    /** A full save is retried this often while saving fails (each one exports the whole state). */
    private static final long FAILED_RETRY_MS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(StateFile.class);

    private final Backend backend;
    private final Path file;
    private final Path dir;
    private final Path log;
    private final Path oldLog;
    private final long minCompactBytes;
    private FileChannel lockChannel;
    private java.nio.channels.FileLock lock;

    private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile ScheduledExecutorService writer;
    private volatile java.util.concurrent.ExecutorService compactor;
    /** Held while a snapshot is exported and written (the compactor's, a full save's): one at a time. */
    private final Object snapshots = new Object();
    // the writer thread's (and, before saving starts or after it stops, the caller's)
    private FileChannel channel;
    private Object channelKey;
    private long logBytes;
    private volatile long epoch;
    private boolean failedMode;
    private boolean fullSaveNeeded;
    private long loggedNextId = -1;
    private Instant loggedClock;
    private volatile long retryAt;
    private volatile long snapshotBytes;
    private volatile boolean compacting;

    private volatile String logFailure;
    private volatile String snapshotFailure;
    /** After close: the state reached the disk neither through the log nor through the last snapshot. */
    private volatile String finalFailure;
    private volatile boolean closed;

    /** Lets go of the file without saving (a server that failed to start after {@link #load()}). */
    public void release() { unlock(); }

    public StateFile(Backend backend, Path file) {
        this(backend, file, Long.getLong("cloudmock.stateFile.compactBytes", MIN_COMPACT_BYTES));
    }

    /** With another compaction bound (tests make it small to compact often). */
    public StateFile(Backend backend, Path file, long minCompactBytes) {
        this.backend = backend;
        this.file = file.toAbsolutePath();
        this.dir = this.file.getParent();
        this.log = this.file.resolveSibling(this.file.getFileName() + ".log");
        this.oldLog = this.file.resolveSibling(this.file.getFileName() + ".log.old");
        this.minCompactBytes = minCompactBytes;
    }

    public Path path() { return file; }

    /** The change log beside the snapshot. */
    public Path logPath() { return log; }

    /**
     * Restores the saved state if the file or its log exists (true), or leaves the state empty (false). A file
     * that cannot be read or understood is a StartupException naming it: it is never silently replaced.
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
        JsonNode snapshot = Files.exists(file) ? readSnapshot(file) : null;
        List<ChangeLog.Log> logs = readLogs(log, oldLog);
        if (snapshot == null && logs.isEmpty()) {
            fullSaveNeeded = true;
            return false;
        }
        ObjectNode state;
        try {
            state = ChangeLog.replay(snapshot, logs);
            StateSnapshot.restore(backend, state);
        } catch (IllegalArgumentException e) {
            throw new StartupException("cannot load --state-file " + file + (logs.isEmpty() ? "" : " with its change log")
                    + ": " + e.getMessage(), e);
        }
        long maxEpoch = snapshot == null ? 0 : snapshot.path("logEpoch").asLong(0);
        for (ChangeLog.Log l : logs) maxEpoch = Math.max(maxEpoch, l.epoch());
        epoch = maxEpoch;
        // after a crash (any log left) the next log starts from a fresh snapshot, never after a torn line
        fullSaveNeeded = !logs.isEmpty();
        try {
            snapshotBytes = Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            snapshotBytes = 0;
        }
        return true;
    }

    private static JsonNode readSnapshot(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) throw new StartupException("cannot load --state-file " + file + ": the file is empty");
            return Json.MAPPER.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new StartupException("cannot load --state-file " + file + ": not valid JSON (" + e.getOriginalMessage()
                    + "); fix or remove the file", e);
        } catch (IOException e) {
            throw new StartupException("cannot read --state-file " + file + ": " + IoProblem.describe(e), e);
        }
    }

    private static List<ChangeLog.Log> readLogs(Path... paths) {
        List<ChangeLog.Log> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) continue;
            try {
                ChangeLog.Log l = ChangeLog.read(p);
                if (l.tornTail()) LOG.warn("--state-file change log {}: its last record was cut short (a crash) and is ignored", p);
                if (l.epoch() >= 0) out.add(l);
            } catch (IOException e) {
                throw new StartupException("cannot load the --state-file change log " + p + ": " + IoProblem.describe(e)
                        + "; fix or remove the file", e);
            }
        }
        return out;
    }

    /**
     * The state a server started on {@code file} would load (the snapshot with its change log replayed), read
     * without taking the lock: for tests and tools looking at a running server's file.
     */
    public static JsonNode read(Path file) throws IOException {
        Path f = file.toAbsolutePath();
        JsonNode snapshot = Files.exists(f) ? Json.MAPPER.readTree(f.toFile()) : null;
        List<ChangeLog.Log> logs = new ArrayList<>();
        for (String suffix : List.of(".log", ".log.old")) {
            Path p = f.resolveSibling(f.getFileName() + suffix);
            if (Files.exists(p)) logs.add(ChangeLog.read(p));
        }
        return ChangeLog.replay(snapshot, logs);
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

    /** Why the state is not safely on disk ({@code --state-file} is then "degraded"), or null. */
    public String failure() {
        if (closed) return finalFailure;
        String f = logFailure;
        return f != null ? f : snapshotFailure;
    }

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
        for (Path p : List.of(file, log)) {
            if (Files.exists(p) && !Files.isWritable(p)) {
                throw new StartupException("--state-file " + file + ": cannot write " + p + " (it is read-only)");
            }
        }
    }

    /**
     * Starts logging changes (after {@link #load()} and any seeding): a first snapshot when there is none or a
     * crash left a log, else a fresh log after the snapshot; then the writer thread.
     */
    public void startSaving() {
        if (writer != null) return;
        backend.store().changes(this);
        try {
            if (fullSaveNeeded) {
                fullSave(true);
            } else {
                openNewLog(epoch);
            }
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
        compactor = Executors.newSingleThreadExecutor(daemon("cloudmock-state-compactor"));
        writer = Executors.newSingleThreadScheduledExecutor(daemon("cloudmock-state-log"));
        writer.scheduleWithFixedDelay(this::tick, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * One transaction is one entry of the queue: the writer polls while transactions commit, and a transaction's
     * records queued one by one could be split across two appends. A kill between them left, for example, a
     * server's basic storage logged without its server, and the next start refused the whole file.
     */
    @Override
    public void committed(String account, List<Resource> changed, List<String[]> removed) {
        java.io.ByteArrayOutputStream records = new java.io.ByteArrayOutputStream();
        for (Resource r : changed) records.writeBytes(ChangeLog.put(account, r));
        for (String[] k : removed) records.writeBytes(ChangeLog.remove(account, k[0], k[1]));
        queue.add(records.toByteArray());
    }

    @Override
    public void reset(String account) { queue.add(ChangeLog.reset(account)); }

    /** The writer thread's turn: append what came in, or (failing) try a full save; compact when due. */
    private synchronized void tick() {
        try {
            if (failedMode) {
                if (System.currentTimeMillis() >= retryAt) fullSave(true);
                return;
            }
            if (append()) maybeCompact();
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    /** Appends what is queued now, as the writer thread would (tests compare the file with the state after it). */
    public void flush() { tick(); }

    /** Appends every queued record (and the clock and id counter if they moved); false when there was none. */
    private boolean append() throws IOException {
        java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream();
        for (byte[] r; (r = queue.poll()) != null; ) batch.writeBytes(r);
        // after the records: every id they hold was handed out before they were queued
        long next = backend.ids().peek();
        if (next != loggedNextId) batch.writeBytes(ChangeLog.nextId(next));
        Instant clock = manualNow();
        if (clock != null && !clock.equals(loggedClock)) batch.writeBytes(ChangeLog.clock(clock));
        if (batch.size() == 0) return false;
        checkLogStillOurs();
        ByteBuffer buf = ByteBuffer.wrap(batch.toByteArray());
        while (buf.hasRemaining()) channel.write(buf);
        channel.force(false);
        logBytes += batch.size();
        loggedNextId = next;
        loggedClock = clock;
        if (logFailure != null) LOG.info("--state-file {} saved again", file);
        logFailure = null;
        return true;
    }

    /** A log deleted or replaced under a running server would take every later change with it, unseen. */
    private void checkLogStillOurs() throws IOException {
        if (channel == null) throw new IOException("the change log " + log + " is not open");
        Object key;
        try {
            key = Files.readAttributes(log, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            throw new IOException("the change log " + log + " is gone (" + e.getMessage() + ")", e);
        }
        if (channelKey != null && !channelKey.equals(key)) throw new IOException("the change log " + log + " was replaced");
    }

    private void failed(Exception e) {
        String reason = "cannot save --state-file " + file + ": " + IoProblem.describe(e);
        if (!failedMode) LOG.warn("{} (will retry)", reason);
        failedMode = true;
        logFailure = reason;
        retryAt = System.currentTimeMillis() + FAILED_RETRY_MS;
        closeChannel();
    }

    /** A log past its bound becomes the old log and a new one starts; the compactor folds it into the snapshot. */
    private void maybeCompact() throws IOException {
        if (compacting) return;
        boolean old = Files.exists(oldLog);
        if (old) {
            if (System.currentTimeMillis() < retryAt) return; // a compaction failed: its old log is still needed
        } else {
            if (logBytes < Math.max(minCompactBytes, snapshotBytes)) return;
            closeChannel();
            Files.move(log, oldLog, StandardCopyOption.ATOMIC_MOVE);
            openNewLog(epoch + 1);
        }
        compacting = true;
        long logEpoch = epoch;
        compactor.execute(() -> compact(logEpoch));
    }

    /** The compactor thread: a snapshot of the state now (it holds the whole old log), then the old log goes. */
    private void compact(long logEpoch) {
        try {
            synchronized (snapshots) {
                // a full save of the failed mode may have started a later epoch meanwhile: never name an older one
                writeSnapshot(Math.max(logEpoch, epoch));
                Files.deleteIfExists(oldLog);
            }
            if (snapshotFailure != null) LOG.info("--state-file {} saved again", file);
            snapshotFailure = null;
        } catch (IOException | RuntimeException e) {
            String reason = "cannot save --state-file " + file + ": " + IoProblem.describe(e);
            if (snapshotFailure == null) LOG.warn("{} (will retry)", reason);
            snapshotFailure = reason;
            retryAt = System.currentTimeMillis() + RETRY_MS;
        } finally {
            compacting = false;
        }
    }

    /**
     * Everything at once: a snapshot of a new epoch, then (unless closing) a fresh log of that epoch; the
     * records queued before the export are in the snapshot and dropped, the failed log's are never replayed.
     */
    private void fullSave(boolean newLog) throws IOException {
        synchronized (snapshots) {
            closeChannel();
            queue.clear();
            long next = epoch + 1;
            writeSnapshot(next);
            if (newLog) {
                openNewLog(next);
            } else {
                Files.deleteIfExists(log);
            }
            Files.deleteIfExists(oldLog);
        }
        if (failedMode) LOG.info("--state-file {} saved again", file);
        failedMode = false;
        logFailure = null;
        snapshotFailure = null;
    }

    /** A new, empty log of {@code e} (its header written through a temporary file, so it is whole or absent). */
    private void openNewLog(long e) throws IOException {
        byte[] header = ChangeLog.header(e);
        writeAtomically(log, header);
        logBytes = header.length;
        channel = FileChannel.open(log, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        channelKey = Files.readAttributes(log, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        epoch = e;
        loggedNextId = -1;
        loggedClock = null;
    }

    private void closeChannel() {
        FileChannel ch = channel;
        channel = null;
        channelKey = null;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // it is replaced or given up
            }
        }
    }

    private Instant manualNow() { return backend.clock().isManual() ? backend.clock().now() : null; }

    /** Writes the current state as the snapshot now (a full save), with the log to be replayed after it. */
    public void save() throws IOException {
        synchronized (this) {
            fullSave(writer != null && !closed);
        }
    }

    /** The snapshot, atomically (temporary file, fsync, rename, fsync of the directory), naming its log epoch. */
    private void writeSnapshot(long logEpoch) throws IOException {
        ObjectNode state = StateSnapshot.export(backend);
        state.put("logEpoch", logEpoch);
        byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
        writeAtomically(file, bytes);
        snapshotBytes = bytes.length;
    }

    /** {@code bytes} as {@code target}, whole or not at all: temporary file, fsync, rename, fsync of the directory. */
    private void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(dir, tmpPrefix(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDir();
    }

    private void syncDir() {
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

    /**
     * Stops the threads, flushes the log and writes a last snapshot (shutdown, SIGTERM). The state is lost only
     * when neither lands: then {@link #failure()} says why.
     */
    @Override
    public void close() {
        ScheduledExecutorService w = writer;
        java.util.concurrent.ExecutorService c = compactor;
        for (java.util.concurrent.ExecutorService s : new java.util.concurrent.ExecutorService[] {w, c}) {
            if (s == null) continue;
            s.shutdown();
            try {
                s.awaitTermination(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String logged = null;
        synchronized (this) {
            try {
                if (failedMode || channel == null) throw new IOException(logFailure != null ? logFailure : "no change log");
                append();
            } catch (IOException | RuntimeException e) {
                logged = "cannot save --state-file " + file + ": " + IoProblem.describe(e);
            }
            try {
                fullSave(false);
                finalFailure = null;
            } catch (IOException | RuntimeException e) {
                String reason = "cannot save --state-file " + file + ": " + IoProblem.describe(e);
                if (logged == null) {
                    LOG.warn("{} at shutdown; every change is in the change log {}", reason, log);
                    finalFailure = null;
                } else {
                    LOG.error("{} at shutdown", reason);
                    finalFailure = reason;
                }
            } finally {
                closed = true;
                closeChannel();
                backend.store().changes(null);
                unlock();
            }
        }
    }
}
