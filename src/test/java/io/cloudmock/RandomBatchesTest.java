package io.cloudmock;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Json;
import io.cloudmock.core.Resource;
import io.cloudmock.core.ResourceStore;
import io.cloudmock.core.Transition;
import io.cloudmock.core.TransitionTable;
import io.cloudmock.ncp.NcpTransitions;
import io.cloudmock.zenlayer.ZenlayerTransitions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The invariants under concurrency, both providers at once: 16 threads send seeded random batches (NCP
 * start/stop/reboot/terminate, Zenlayer Start/Stop/Reboot/Release and Terminate to fill the recycle bin), reads,
 * and batches naming an id that does not exist, over 200 NCP servers and 200 Zenlayer instances in one account,
 * while another thread moves the manual clock. Every committed transaction is recorded as the store hands it to
 * the change log (its resources' states as committed), and then:
 * <ul>
 *   <li>each batch applied to all of its resources or none: the transactions that start a transition are exactly
 *       the batches answered 2xx, each with all of that batch's resources and nothing else;</li>
 *   <li>only legal transitions: each resource's successive states are a settling step along its path or a row of
 *       {@link NcpTransitions#SERVER} / {@link ZenlayerTransitions#INSTANCE}, and it goes away only at GONE;</li>
 *   <li>each resource exactly once in the export, the NCP list and the Zenlayer list (and in every list read
 *       during the run);</li>
 *   <li>no 5xx.</li>
 * </ul>
 * NcpConcurrencyTest proves the pairwise case (two overlapping batches, one wins) for NCP alone.
 */
class RandomBatchesTest {
    static final int THREADS = 16;
    static final int BATCHES_PER_THREAD = 40;
    static final int EACH = 200;
    static final String MISSING = "99999999";

    static CloudMock mock;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() {
        mock = CloudMock.builder().port(0).manualClock().transitionDelay(Duration.ofSeconds(2)).start();
    }

    @AfterAll
    static void stop() {
        if (mock != null) mock.close();
    }

    /** A resource's lifecycle position as one transaction committed it (removed: it went away there). */
    record Seen(String key, String provider, String state, List<String> path, boolean removed) {}

    /** A batch answered 2xx: the path it starts (its action's row) and its ids. */
    record Applied(String provider, List<String> path, Set<String> ids) {}

    static List<String> rowPath(TransitionTable table, String action) { return table.row(action).path(); }

    record Answer(int status, JsonNode body) {}

    static Answer post(String path, Map<String, String> headers, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(mock.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 500, path + " " + body + " answered " + r.statusCode() + ": " + r.body());
        return new Answer(r.statusCode(), Json.MAPPER.readTree(r.body()));
    }

    static Answer ncp(String action, String form) throws Exception {
        return post("/vserver/v2/" + action, Map.of(), "application/x-www-form-urlencoded", "responseFormatType=json" + form);
    }

    static Answer zenlayer(String action, String json) throws Exception {
        return post("/api/v2/vm", Map.of("x-zc-action", action, "x-zc-version", "2026-04-01", "x-zc-service", "vm"),
                "application/json", json);
    }

    static List<String> create(String provider) throws Exception {
        Answer a = post("/_cloudmock/instances", Map.of(), "application/json",
                "{\"provider\":\"" + provider + "\",\"count\":" + EACH + "}");
        assertEquals(201, a.status(), a.body().toString());
        List<String> ids = new ArrayList<>();
        for (JsonNode i : a.body().get("instances")) ids.add(i.get("id").asText());
        return ids;
    }

    @Test
    void sixteenThreadsOfRandomBatchesKeepEveryInvariant() throws Exception {
        List<String> ncpIds = create("ncp");
        List<String> zenIds = create("zenlayer");
        mock.control().advanceSeconds(60); // both sets settled in their running state

        List<List<Seen>> commits = Collections.synchronizedList(new ArrayList<>());
        mock.store().changes(new ResourceStore.Changes() {
            @Override
            public void committed(String account, List<Resource> changed, List<String[]> removed) {
                List<Seen> tx = new ArrayList<>();
                for (Resource r : changed) {
                    if (r.kind().equals("server") || r.kind().equals("instance")) {
                        tx.add(new Seen(r.provider() + "/" + r.id(), r.provider(), r.state(), List.copyOf(r.path()), false));
                    }
                }
                for (String[] k : removed) tx.add(new Seen(k[0] + "/" + k[1], k[0], null, List.of(), true));
                if (!tx.isEmpty()) commits.add(tx);
            }

            @Override
            public void reset(String account) {
                throw new AssertionError("nothing resets the state during the run");
            }
        });

        List<Applied> applied = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        Random seeds = new Random(16_200_200L);
        Thread clock = new Thread(() -> {
            Random r = new Random(seeds.nextLong());
            while (!done.get()) {
                mock.control().advanceSeconds(1 + r.nextInt(3));
                Thread.onSpinWait();
                try {
                    Thread.sleep(3); // pacing of the clock mover, not a wait for a transition
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        clock.setDaemon(true);
        clock.start();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = seeds.nextLong();
            futures.add(pool.submit(() -> {
                Random r = new Random(seed);
                for (int b = 0; b < BATCHES_PER_THREAD; b++) batch(r, ncpIds, zenIds, applied);
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) f.get();
        } finally {
            done.set(true);
            pool.shutdownNow();
            clock.join(10_000);
        }
        mock.control().advanceSeconds(60); // every transition under way finishes
        mock.control().exportState(); // and is settled (a read settles what has fallen due)
        mock.store().changes(null);

        checkTransitions(commits);
        checkAllOrNone(commits, applied);
        checkEachOnce();
        assertTrue(applied.size() > THREADS * BATCHES_PER_THREAD / 10, "too few batches were applied: " + applied.size());
    }

    /** One random batch (or read) of one thread. */
    static void batch(Random r, List<String> ncpIds, List<String> zenIds, List<Applied> applied) throws Exception {
        boolean ncp = r.nextBoolean();
        List<String> pool = ncp ? ncpIds : zenIds;
        int n = 1 + r.nextInt(4);
        Set<String> ids = new TreeSet<>();
        while (ids.size() < n) ids.add(pool.get(r.nextInt(pool.size())));
        boolean invalid = r.nextInt(8) == 0;
        List<String> sent = new ArrayList<>(ids);
        if (invalid) sent.add(r.nextInt(sent.size() + 1), MISSING);
        int kind = r.nextInt(10);
        if (kind < 2) { // a read: every resource once in the page
            if (ncp) ncpList(1, 100);
            else zenlayerList(1, 100);
            return;
        }
        Answer a;
        List<String> path;
        if (ncp) {
            String action = switch (kind % 4) {
                case 0 -> NcpTransitions.START_ACTION;
                case 1 -> NcpTransitions.STOP;
                case 2 -> NcpTransitions.REBOOT;
                default -> NcpTransitions.TERMINATE;
            };
            StringBuilder form = new StringBuilder();
            for (int k = 0; k < sent.size(); k++) form.append("&serverInstanceNoList.").append(k + 1).append('=').append(sent.get(k));
            a = ncp(action, form.toString());
            path = rowPath(NcpTransitions.SERVER, action);
        } else {
            String action = switch (kind % 5) {
                case 0 -> ZenlayerTransitions.START;
                case 1 -> ZenlayerTransitions.STOP;
                case 2 -> ZenlayerTransitions.REBOOT_ACTION;
                case 3 -> ZenlayerTransitions.RELEASE;
                default -> ZenlayerTransitions.TERMINATE;
            };
            if (action.equals(ZenlayerTransitions.TERMINATE)) {
                String id = sent.get(0);
                sent = List.of(id);
                ids = id.equals(MISSING) ? Set.of() : Set.of(id);
                a = zenlayer(action, "{\"instanceId\":\"" + id + "\"}");
            } else {
                a = zenlayer(action, "{\"instanceIds\":" + Json.MAPPER.writeValueAsString(sent) + "}");
            }
            path = rowPath(ZenlayerTransitions.INSTANCE, action);
        }
        if (a.status() / 100 == 2) {
            assertTrue(!sent.contains(MISSING), "a batch naming a missing id was applied: " + sent + " " + a.body());
            applied.add(new Applied(ncp ? "ncp" : "zenlayer", path, new TreeSet<>(ids)));
        } else {
            assertTrue(a.status() >= 400 && a.status() < 500, a.status() + " " + a.body());
        }
    }

    /** Every successive position of a resource is a settling step or a table row, and it goes only at GONE. */
    static void checkTransitions(List<List<Seen>> commits) {
        Map<String, Seen> last = new HashMap<>();
        int transitions = 0;
        for (List<Seen> tx : commits) {
            for (Seen s : tx) {
                Seen before = last.get(s.key());
                last.put(s.key(), s);
                if (before == null) continue; // first seen: its earlier position is from the setup
                assertTrue(!before.removed(), s.key() + " changed after it went away");
                TransitionTable table = s.provider().equals("ncp") ? NcpTransitions.SERVER : ZenlayerTransitions.INSTANCE;
                if (s.removed()) {
                    assertTrue(before.path().contains(Transition.GONE), s.key() + " went away from " + before + ", not at GONE");
                    continue;
                }
                if (!legal(table, before, s)) {
                    throw new AssertionError(s.key() + ": " + before.state() + before.path() + " -> " + s.state() + s.path()
                            + " is neither a settling step nor a row of its table");
                }
                transitions++;
            }
        }
        assertTrue(transitions > 0, "no transition was recorded");
    }

    static boolean legal(TransitionTable table, Seen before, Seen after) {
        if (before.state().equals(after.state()) && before.path().equals(after.path())) return true; // fields only
        List<String> reachable = new ArrayList<>();
        reachable.add(before.state());
        for (String p : before.path()) if (!p.equals(Transition.GONE)) reachable.add(p);
        // settled along the path
        for (int k = 0; k < before.path().size(); k++) {
            if (before.path().get(k).equals(after.state()) && before.path().subList(k + 1, before.path().size()).equals(after.path())) return true;
        }
        List<String> walked = new ArrayList<>();
        walked.add(after.state());
        walked.addAll(after.path());
        for (String action : table.actions()) {
            Transition row = table.row(action);
            if (row.path().isEmpty() || row.from().isEmpty()) continue;
            if (!row.path().equals(walked)) continue;
            for (String from : reachable) if (row.allows(from)) return true;
        }
        return false;
    }

    /** The transactions that started a row are exactly the batches answered 2xx, each whole. */
    static void checkAllOrNone(List<List<Seen>> commits, List<Applied> applied) {
        Map<String, Integer> expected = new HashMap<>();
        for (Applied a : applied) expected.merge(a.provider() + " " + a.path() + " " + a.ids(), 1, Integer::sum);
        Map<String, Integer> found = new HashMap<>();
        for (List<Seen> tx : commits) {
            Map<List<String>, Set<String>> started = new HashMap<>();
            String provider = null;
            for (Seen s : tx) {
                if (s.removed() || s.path().isEmpty()) continue;
                List<String> walked = new ArrayList<>();
                walked.add(s.state());
                walked.addAll(s.path());
                TransitionTable table = s.provider().equals("ncp") ? NcpTransitions.SERVER : ZenlayerTransitions.INSTANCE;
                boolean isRow = table.actions().stream().anyMatch(a -> table.row(a).path().equals(walked));
                if (!isRow) continue; // a step along a path already under way
                started.computeIfAbsent(walked, k -> new TreeSet<>()).add(s.key().substring(s.key().indexOf('/') + 1));
                provider = s.provider();
            }
            if (started.isEmpty()) continue;
            assertEquals(1, started.size(), "one transaction started two kinds of transition: " + started);
            Map.Entry<List<String>, Set<String>> e = started.entrySet().iterator().next();
            found.merge(provider + " " + e.getKey() + " " + e.getValue(), 1, Integer::sum);
        }
        Map<String, Integer> missing = new HashMap<>(expected);
        found.forEach((k, v) -> missing.merge(k, -v, Integer::sum));
        missing.values().removeIf(v -> v == 0);
        assertTrue(missing.isEmpty(), "transactions that started a transition but no batch answered 2xx (negative), or "
                + "batches answered 2xx with no transaction of all of their resources (positive): " + missing);
    }

    /** Each resource once in the export, in the NCP list and in the Zenlayer list, and the same ones in each. */
    static void checkEachOnce() throws Exception {
        JsonNode state = mock.control().exportState();
        Set<String> ncpLive = new HashSet<>();
        Set<String> zenLive = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (JsonNode a : state.get("accounts")) {
            for (JsonNode i : a.get("instances")) {
                String key = i.get("provider").asText() + "/" + i.get("id").asText();
                assertTrue(all.add(key), key + " is twice in the export");
                if (i.get("kind").asText().equals("server")) ncpLive.add(i.get("id").asText());
                if (i.get("kind").asText().equals("instance")) zenLive.add(i.get("id").asText());
            }
        }
        Set<String> ncpListed = new HashSet<>();
        for (int page = 1; ; page++) {
            List<String> ids = ncpList(page, 50);
            for (String id : ids) assertTrue(ncpListed.add(id), "server " + id + " is on two pages");
            if (ids.size() < 50) break;
        }
        assertEquals(ncpLive, ncpListed);
        Set<String> zenListed = new HashSet<>();
        for (int page = 1; ; page++) {
            List<String> ids = zenlayerList(page, 50);
            for (String id : ids) assertTrue(zenListed.add(id), "instance " + id + " is on two pages");
            if (ids.size() < 50) break;
        }
        assertEquals(zenLive, zenListed);
    }

    static List<String> ncpList(int page, int size) throws Exception {
        Answer a = ncp("getServerInstanceList", "&pageNo=" + page + "&pageSize=" + size);
        assertEquals(200, a.status(), a.body().toString());
        List<String> ids = new ArrayList<>();
        for (JsonNode s : a.body().at("/getServerInstanceListResponse/serverInstanceList")) ids.add(s.get("serverInstanceNo").asText());
        assertEquals(new HashSet<>(ids).size(), ids.size(), "a server twice in one page: " + ids);
        return ids;
    }

    static List<String> zenlayerList(int page, int size) throws Exception {
        Answer a = zenlayer("DescribeInstances", "{\"pageNum\":" + page + ",\"pageSize\":" + size + "}");
        assertEquals(200, a.status(), a.body().toString());
        List<String> ids = new ArrayList<>();
        for (JsonNode s : a.body().at("/response/dataSet")) ids.add(s.get("instanceId").asText());
        assertEquals(new HashSet<>(ids).size(), ids.size(), "an instance twice in one page: " + ids);
        return ids;
    }
}
