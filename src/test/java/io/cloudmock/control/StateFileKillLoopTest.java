package io.cloudmock.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The loss window of {@code --state-file} under {@code kill -9}: the real command line in a child JVM, clients
 * creating NCP and Zenlayer instances and moving their states through the control API, each acknowledged change
 * recorded with the moment its answer came; SIGKILL at a seeded random moment; restart. Every change
 * acknowledged longer than {@link #WINDOW_MS} before the kill must be there (the change or a later one sent to the
 * same resource), and the file must always load. The compaction bound is tiny, so kills land during compactions
 * too.
 */
class StateFileKillLoopTest {
    /** The loss window docs/reliability.md promises. */
    static final long WINDOW_MS = 1000;
    static final int KILLS = 20;
    static final int CLIENTS = 3;

    @TempDir Path dir;

    /** What was sent to one resource, in order: the state asked for, and when its answer came (0: none yet). */
    static final class History {
        final String provider;
        final List<String> states = new ArrayList<>();
        final List<Long> acked = new ArrayList<>();

        History(String provider) { this.provider = provider; }

        synchronized void sent(String state) {
            states.add(state);
            acked.add(0L);
        }

        synchronized void ack(long at) { acked.set(acked.size() - 1, at); }

        /** The states the resource may be in after a kill at {@code kill}, or null when it may not exist yet. */
        synchronized List<String> allowed(long kill) {
            int last = -1;
            for (int k = 0; k < states.size(); k++) {
                long a = acked.get(k);
                if (a != 0 && a < kill - TimeUnit.MILLISECONDS.toNanos(WINDOW_MS)) last = k;
            }
            return last < 0 ? null : new ArrayList<>(states.subList(last, states.size()));
        }

        /** Forget what the killed process may or may not have had, keeping what the restart shows. */
        synchronized void restartedAs(String state) {
            states.clear();
            acked.clear();
            states.add(state);
            acked.add(1L);
        }
    }

    private static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    private Process start(Path file, String[] base) throws Exception {
        Process p = new ProcessBuilder(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dcloudmock.stateFile.compactBytes=65536", "-cp", System.getProperty("java.class.path"),
                "io.cloudmock.Main", "--port", "0", "--state-file", file.toString())
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("cloudmock listening on ")) {
                base[0] = line.substring("cloudmock listening on ".length());
                Thread drain = new Thread(() -> { try { out.transferTo(java.io.Writer.nullWriter()); } catch (Exception ignored) { } });
                drain.setDaemon(true);
                drain.start();
                return p;
            }
            seen.append(line).append('\n');
        }
        p.waitFor(10, TimeUnit.SECONDS);
        fail("the server did not start on its state file (exit " + p.exitValue() + "):\n" + seen);
        return p;
    }

    private static HttpResponse<String> send(HttpClient http, String method, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyChangeAcknowledgedBeforeTheWindowSurvivesKillDashNine() throws Exception {
        Path file = dir.resolve("state.json");
        Random random = new Random(20261202L);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, History> histories = new ConcurrentHashMap<>();
        int checked = 0;
        for (int round = 0; round <= KILLS; round++) {
            String[] base = new String[1];
            Process p = start(file, base);
            try {
                // the restarted server holds every change acknowledged long enough before the kill
                JsonNode listed = Json.MAPPER.readTree(send(http, "GET", base[0] + "/_cloudmock/instances", "").body()).get("instances");
                Map<String, String> now = new HashMap<>();
                for (JsonNode i : listed) now.put(i.get("provider").asText() + "/" + i.get("id").asText(), i.get("state").asText());
                long kill = lastKill;
                for (Map.Entry<String, History> e : histories.entrySet()) {
                    List<String> allowed = e.getValue().allowed(kill);
                    String state = now.get(e.getKey());
                    if (allowed != null) {
                        checked++;
                        assertTrue(state != null && allowed.contains(state), "round " + round + ": " + e.getKey()
                                + " is " + state + " after the kill, but one of " + allowed + " was acknowledged "
                                + WINDOW_MS + " ms or more before it");
                    }
                }
                histories.entrySet().removeIf(e -> !now.containsKey(e.getKey()));
                histories.forEach((k, h) -> h.restartedAs(now.get(k)));
                if (round == KILLS) break;

                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    long seed = random.nextLong();
                    Thread t = new Thread(() -> drive(http, base[0], new Random(seed), histories, stop));
                    t.setDaemon(true);
                    t.start();
                    clients.add(t);
                }
                Thread.sleep(400 + random.nextInt(1600)); // the seeded moment of the kill, not a wait for a result
                lastKill = System.nanoTime();
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no last save
                assertTrue(p.waitFor(20, TimeUnit.SECONDS));
                stop.set(true);
                for (Thread t : clients) t.join(30_000);
            } finally {
                p.destroyForcibly();
            }
        }
        assertTrue(checked >= KILLS, "too few acknowledged changes were old enough to check: " + checked);
    }

    private volatile long lastKill;

    /** One client: creates an instance now and then, and flips the states of its own instances. */
    private static void drive(HttpClient http, String base, Random random, Map<String, History> histories, AtomicBoolean stop) {
        List<String> mine = new ArrayList<>();
        while (!stop.get()) {
            try {
                if (mine.isEmpty() || random.nextInt(4) == 0) {
                    String provider = random.nextBoolean() ? "ncp" : "zenlayer";
                    HttpResponse<String> r = send(http, "POST", base + "/_cloudmock/instances", "{\"provider\":\"" + provider + "\"}");
                    long at = System.nanoTime();
                    if (r.statusCode() != 201) throw new AssertionError("create answered " + r.statusCode() + ": " + r.body());
                    JsonNode made = Json.MAPPER.readTree(r.body()).get("instances").get(0);
                    History h = new History(provider);
                    h.sent(made.get("state").asText());
                    h.ack(at);
                    String key = provider + "/" + made.get("id").asText();
                    histories.put(key, h);
                    mine.add(key);
                } else {
                    String key = mine.get(random.nextInt(mine.size()));
                    History h = histories.get(key);
                    if (h == null) continue;
                    boolean ncp = h.provider.equals("ncp");
                    String state = random.nextBoolean() ? (ncp ? "RUN" : "RUNNING") : (ncp ? "NSTOP" : "STOPPED");
                    h.sent(state);
                    HttpResponse<String> r = send(http, "PUT", base + "/_cloudmock/instances/" + key + "/state", "{\"state\":\"" + state + "\"}");
                    long at = System.nanoTime();
                    assertEquals(200, r.statusCode(), r.body());
                    h.ack(at);
                }
            } catch (java.io.IOException | InterruptedException e) {
                return; // killed: the answer never came, so the change was never acknowledged
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
