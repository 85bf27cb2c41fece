package io.cloudmock;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * For the command line only (an embedding application's JVM is its own business): plain {@code java -jar} lets G1
 * keep up to 70 % of its heap free and never hand memory back while idle, so 100,000 servers (about 250 MB live)
 * held 650-750 MB resident. The JVM's manageable flags are set, unless the user set them: at most 20 % free after a
 * collection, and one periodic collection after 5 s without any, which returns what a burst of creates or
 * requests left committed (measured: 644 MB to 259 MB resident at 40,000 servers with 30 %; at 100,000 servers,
 * about 165 MB live, 30 % left 403 MB resident and 20 % 304-315 MB). The JVM checks the interval only once per
 * interval, so the collection comes one to two intervals after the last one: with 10 s, a server measured 15 s
 * after a burst was still at 2.7 GB in some runs (shrunk at 12 s in others); with 5 s it has shrunk by 9 s. An idle
 * server pays one concurrent cycle per 5-10 s (milliseconds at a small heap). The heap still grows as it needs:
 * the ratio only bounds what a collection leaves committed.
 *
 * <p>Then, once the start is over, the memory the start itself used is handed back: one collection (the start
 * allocates about 100 MB that G1 keeps committed, for a live heap of about 10 MB) and a trim of the C heap, where
 * class loading and the JIT compiler leave tens of MB freed but still resident. The C heap is trimmed again 6 s later
 * and then every 5 s, as the JIT keeps compiling under load. Measured on idle servers (load 8 to 11): 113 to 116 MB
 * resident 2 s after the first answer before, 89 to 98 MB after; 15 s after it, 95 to 105 MB before, 77 to 83 MB
 * after.
 *
 * <p>All of it on a background thread, {@link #SETTLE_AFTER_MS} after the server listens, so that neither the
 * management classes nor the collection compete with the first requests.
 */
final class HeapSizing {
    /** How long after listening the start's memory is handed back: past the first requests of a test suite. */
    static final long SETTLE_AFTER_MS = 1000;
    /**
     * How often the C heap is trimmed afterwards (each trim takes a few ms): as often as an idle server's periodic
     * collection, so what a burst of load left behind is returned within about 10 s of its end.
     */
    static final long TRIM_EVERY_MS = 5_000;

    private HeapSizing() {}

    static void startInBackground() {
        Thread t = new Thread(HeapSizing::run, "cloudmock-heap-sizing");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try {
            Thread.sleep(SETTLE_AFTER_MS);
            if (!setFlags()) return;
            System.gc();
            if (!trimNativeHeap()) return;
            // the JIT's freed arenas reach the C heap only when its chunk pool is cleaned, every 5 s
            Thread.sleep(6000);
            while (trimNativeHeap()) Thread.sleep(TRIM_EVERY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean setFlags() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            // Min before Max: each step keeps MinHeapFreeRatio <= MaxHeapFreeRatio, as the JVM requires
            setIfDefault(vm, "MinHeapFreeRatio", "10");
            setIfDefault(vm, "MaxHeapFreeRatio", "20");
            setIfDefault(vm, "G1PeriodicGCInterval", "5000");
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false; // a JVM without these flags (or without jdk.management) keeps its own sizing
        }
    }

    private static void setIfDefault(HotSpotDiagnosticMXBean vm, String flag, String value) {
        try {
            if (vm.getVMOption(flag).getOrigin() == VMOption.Origin.DEFAULT) vm.setVMOption(flag, value);
        } catch (IllegalArgumentException e) {
            // not a flag of this JVM, or not settable with the user's other flags (e.g. MinHeapFreeRatio above 20)
        }
    }

    /**
     * The diagnostic command {@code System.trim_native_heap} (glibc's {@code malloc_trim}), as {@code jcmd} would
     * run it; false where this JVM has no such command (before 17.0.9, or not on glibc), so it is not tried again.
     */
    private static boolean trimNativeHeap() {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "systemTrimNativeHeap", new Object[] {null}, new String[] {String[].class.getName()});
            return true;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
