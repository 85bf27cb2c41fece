package io.cloudmock.ncp;

import io.cloudmock.CloudMock;
import io.cloudmock.core.Account;
import io.cloudmock.core.Reply;
import io.cloudmock.zenlayer.DescribeLoop;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The list calls' cost above the transport, in one JVM, without HTTP: getServerInstanceList (JSON and XML) and
 * Zenlayer DescribeInstances over 20 resources each, called as the pipeline calls them (handler under the account
 * lock, then the provider's rendering), printing the CPU time of each call (load-resistant on a shared machine)
 * and its wall time. A measuring tool, not a test (docs/benchmark.md):
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.cloudmock.ncp.ListRenderLoop [seconds]
 * </pre>
 */
public final class ListRenderLoop {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (CloudMock cm = CloudMock.builder().port(0).manualClock().start()) {
            cm.control().createInstances("ncp", null, "RUN", Map.of(), 20);
            cm.control().createInstances("zenlayer", null, "RUNNING", Map.of(), 20);
            Account account = cm.store().account("default");
            NcpModel model = new NcpModel(NcpFlavour.VPC, cm.backend().ids());
            Supplier<byte[]> json = () -> ncp(cm, model, account, "json");
            Supplier<byte[]> xml = () -> ncp(cm, model, account, "xml");
            Supplier<byte[]> zl = () -> DescribeLoop.once(cm.backend(), account);
            System.out.printf("bytes: json %d, xml %d, zenlayer %d%n", json.get().length, xml.get().length, zl.get().length);
            for (int round = 0; round < 2; round++) {
                run("getServerInstanceList json", json, seconds);
                run("getServerInstanceList xml", xml, seconds);
                run("DescribeInstances", zl, seconds);
            }
        }
        System.exit(0);
    }

    private static byte[] ncp(CloudMock cm, NcpModel model, Account account, String format) {
        NcpParams params = NcpParams.of(Map.of("responseFormatType", format));
        NcpCall call = new NcpCall(NcpFlavour.VPC, model, params, account, cm.clock());
        Map<String, Object> payload = NcpServerActions.list(call);
        Reply reply = NcpReplies.success(NcpFormat.of(format), "getServerInstanceList", payload, "rid-0000");
        return reply.body();
    }

    private static void run(String name, Supplier<byte[]> call, int seconds) {
        long sink = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        long t0 = System.nanoTime();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        while (System.nanoTime() < end) {
            for (int k = 0; k < 100; k++) sink += call.get().length;
            n += 100;
        }
        double us = (System.nanoTime() - t0) / 1000.0 / n;
        double cpuUs = (cpu.getCurrentThreadCpuTime() - c0) / 1000.0 / n;
        System.out.printf("%-28s %7.1f us CPU/call (%7.1f us wall, %7.0f calls/s) load %s%n", name, cpuUs, us, 1e6 / us, load());
        if (sink == 42) System.out.println();
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
