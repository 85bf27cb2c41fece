package io.cloudmock;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

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
 * the ratio only bounds what a collection leaves committed. Done on a background thread once the server listens, so the
 * management classes cost nothing before the first request.
 */
final class HeapSizing {
    private HeapSizing() {}

    static void startInBackground() {
        Thread t = new Thread(HeapSizing::apply, "cloudmock-heap-sizing");
        t.setDaemon(true);
        t.start();
    }

    private static void apply() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            // Min before Max: each step keeps MinHeapFreeRatio <= MaxHeapFreeRatio, as the JVM requires
            setIfDefault(vm, "MinHeapFreeRatio", "10");
            setIfDefault(vm, "MaxHeapFreeRatio", "20");
            setIfDefault(vm, "G1PeriodicGCInterval", "5000");
        } catch (RuntimeException | LinkageError e) {
            // a JVM without these flags (or without jdk.management) keeps its own sizing
        }
    }

    private static void setIfDefault(HotSpotDiagnosticMXBean vm, String flag, String value) {
        try {
            if (vm.getVMOption(flag).getOrigin() == VMOption.Origin.DEFAULT) vm.setVMOption(flag, value);
        } catch (IllegalArgumentException e) {
            // not a flag of this JVM, or not settable with the user's other flags (e.g. MinHeapFreeRatio above 20)
        }
    }
}
