package io.cloudmock.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.support.EndToEndTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kept list matches ({@link KeptMatches}) and the name index ({@link KindIndex}) never go stale: seeded random
 * histories over three accounts, NCP VPC and Classic servers and Zenlayer instances (creates through the API and the
 * control API, renames, starts, stops, reboots, terminations, releases, forced states, the manual clock, a reset
 * of one account), and after every step each filter of a working set (every filter getServerInstanceList and
 * DescribeInstances have, sorts both ways, pages) is answered twice: as served, from the kept matches brought up to
 * date, and as a plain walk of every server would answer it ({@link KeptMatches#plainWalks}); the two answers must
 * be the same bytes (ids, order, totalRows / totalCount). The working set changes every few steps and each of its
 * filters is asked for only now and then, so kept queries fall behind by several steps, get evicted and walk again.
 * The name index is held against a walk of every server's name after every step too.
 */
class KeptMatchesHistoryTest extends EndToEndTest {
    private static final String[] ACCOUNTS = {"default", "acct-b", "acct-c"};
    private static final String[] NAMES = {"alpha", "beta", "gamma", "alpha-1", "alpha-2", "beta-1"};
    private static final int STEPS = 120;
    private Supplier<String> ids;

    @BeforeEach
    void fixedRequestIds() {
        ids = mock.backend().requestIds();
        mock.backend().requestIds(() -> "00000000-0000-0000-0000-00000000c0de");
    }

    @AfterEach
    void realRequestIds() {
        KeptMatches.plainWalks = false;
        mock.backend().requestIds(ids);
    }

    /** A list call: the flavour's path (or Zenlayer's), its filter, as the account. */
    private record Query(String provider, String filter) {
        @Override
        public String toString() { return provider + " " + filter; }
    }

    private static List<Query> queries(String vpcNo, List<String> vpcIds) {
        List<Query> out = new ArrayList<>();
        String[] vpc = {"", "serverInstanceStatusCode=RUN", "serverInstanceStatusCode=NSTOP", "serverInstanceStatusCode=INIT",
                "serverName=alpha", "serverName=beta-1", "sortedBy=serverName", "sortedBy=serverName&sortingOrder=DESCENDING",
                "sortedBy=serverInstanceNo&sortingOrder=descending", "sortedBy=createDate&sortingOrder=DESCENDING",
                "sortedBy=createdate", "serverInstanceStatusCode=RUN&sortedBy=serverName&sortingOrder=DESCENDING",
                "pageNo=2&pageSize=3&sortedBy=serverName", "pageNo=2&pageSize=2", "baseBlockStorageDiskTypeCode=NET",
                "baseBlockStorageDiskDetailTypeCode=SSD", "hypervisorTypeCodeList.1=KVM", "hypervisorTypeCodeList.1=XEN",
                "vpcNo=" + vpcNo, "vpcNo=" + vpcNo + "&serverName=gamma", "ip=10.0.1.8", "placementGroupNoList.1=1"};
        for (String f : vpc) out.add(new Query("ncp", f));
        if (vpcIds.size() >= 2) {
            out.add(new Query("ncp", "serverInstanceNoList.1=" + vpcIds.get(0)));
            out.add(new Query("ncp", "serverInstanceNoList.1=" + vpcIds.get(1) + "&serverInstanceNoList.2=" + vpcIds.get(0)
                    + "&sortedBy=serverName"));
        }
        String[] classic = {"", "serverInstanceStatusCode=RUN", "regionNo=1", "zoneNo=3", "zoneNo=2&sortedBy=serverName",
                "searchFilterName=serverName&searchFilterValue=ALP", "searchFilterName=ip&searchFilterValue=10.",
                "sortedBy=serverName&sortingOrder=DESCENDING", "sortedBy=createDate", "pageNo=3&pageSize=1",
                "serverInstanceTypeCodeList.1=STAND", "baseBlockStorageDiskTypeCode=LOCAL"};
        for (String f : classic) out.add(new Query("ncp-classic", f));
        String[] zenlayer = {"{}", "{\"instanceStatus\":\"RUNNING\"}", "{\"instanceStatus\":\"STOPPED\"}",
                "{\"instanceName\":\"alpha\"}", "{\"instanceName\":\"alpha*\"}", "{\"pageSize\":2,\"pageNum\":2}",
                "{\"zoneId\":\"SEL-A\"}", "{\"instanceName\":\"beta\",\"instanceStatus\":\"RUNNING\"}"};
        for (String f : zenlayer) out.add(new Query("zenlayer", f));
        return out;
    }

    private static RequestSpecification ncp(String account) {
        RequestSpecification r = given();
        return account.equals("default") ? r : r.header("x-ncp-iam-access-key", account);
    }

    private static RequestSpecification zenlayer(String account, String action) {
        RequestSpecification r = given().contentType("application/json").header("x-zc-action", action)
                .header("x-zc-version", "2026-04-01").header("x-zc-service", "vm");
        return account.equals("default") ? r
                : r.header("Authorization", "ZC2-HMAC-SHA256 Credential=" + account + ", SignedHeaders=content-type, Signature=00");
    }

    private static Response ncpCall(String account, String provider, String action, String query) {
        String path = provider.equals("ncp") ? "/vserver/v2/" : "/server/v2/";
        return ncp(account).get(path + action + "?responseFormatType=json" + (query.isEmpty() ? "" : "&" + query));
    }

    private static String answer(String account, Query q) {
        Response r = q.provider().equals("zenlayer")
                ? zenlayer(account, "DescribeInstances").body(q.filter()).post("/api/v2/vm")
                : ncpCall(account, q.provider(), "getServerInstanceList", q.filter());
        assertEquals(200, r.statusCode(), q + ": " + r.asString());
        return r.asString();
    }

    private static List<String> idsOf(String provider, String account) {
        List<String> out = new ArrayList<>();
        for (JsonNode i : mock.control().instances(provider, account)) out.add(i.get("id").asText());
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void keptAnswersAreWalkedAnswers(long seed) {
        Random random = new Random(seed);
        Map<String, String> vpcOf = new HashMap<>();
        for (String a : ACCOUNTS) {
            given().contentType("application/json").body("{\"provider\":\"ncp\",\"account\":\"" + a + "\"}")
                    .post("/_cloudmock/networks").then().statusCode(201);
            vpcOf.put(a, mock.control().resources("ncp", a, "vpc").get(0).get("id").asText());
            mock.control().createInstances("ncp", a, "RUN", null, 3);
            mock.control().createInstances("ncp-classic", a, "RUN", null, 2);
            mock.control().createInstances("zenlayer", a, "RUNNING", Map.of("instanceName", "alpha"), 2);
        }
        long patchesBefore = KeptMatches.PATCHES.sum();
        Map<String, List<Query>> working = new HashMap<>();
        List<String> history = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            String account = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
            String did = change(random, account, vpcOf.get(account));
            history.add(step + " " + account + ": " + did);
            vpcOf.put(account, mock.control().resources("ncp", account, "vpc").get(0).get("id").asText());
            for (String a : List.of(account, ACCOUNTS[random.nextInt(ACCOUNTS.length)])) {
                if (step % 20 == 0 || !working.containsKey(a)) {
                    List<Query> all = queries(vpcOf.get(a), idsOf("ncp", a));
                    java.util.Collections.shuffle(all, random);
                    working.put(a, new ArrayList<>(all.subList(0, 7)));
                }
                for (Query q : working.get(a)) {
                    if (random.nextInt(3) == 0) continue; // asked now and then: its kept matches fall behind
                    String served = answer(a, q);
                    KeptMatches.plainWalks = true;
                    String walked;
                    try {
                        walked = answer(a, q);
                    } finally {
                        KeptMatches.plainWalks = false;
                    }
                    String where = "seed " + seed + ", step " + step + " (" + did + "), account " + a + ": " + q;
                    assertEquals(summary(walked), summary(served), where + "\n" + String.join("\n", history));
                    assertEquals(walked, served, where);
                }
                namesIndexed(a);
            }
        }
        assertTrue(KeptMatches.PATCHES.sum() - patchesBefore > 50, "the kept matches were patched, not only walked");
    }

    private static final java.util.regex.Pattern ID_OR_TOTAL =
            java.util.regex.Pattern.compile("\"(serverInstanceNo|instanceId|totalRows|totalCount)\" *: *\"?([^\",]+)");

    /** The ids and the total of an answer, in order: what a failure shows first. */
    private static String summary(String answer) {
        StringBuilder b = new StringBuilder();
        java.util.regex.Matcher m = ID_OR_TOTAL.matcher(answer);
        while (m.find()) b.append(m.group(1).startsWith("total") ? "total " : "").append(m.group(2)).append(' ');
        return b.toString();
    }

    /** Every server's name is found by the index, and the index finds nothing else. */
    private static void namesIndexed(String account) {
        mock.store().account(account).atomically(tx -> {
            for (String provider : List.of("ncp", "ncp-classic")) {
                Map<String, List<Resource>> walked = new LinkedHashMap<>();
                for (Resource r : tx.view(provider, "server")) walked.computeIfAbsent(r.string("serverName"), k -> new ArrayList<>()).add(r);
                for (Map.Entry<String, List<Resource>> e : walked.entrySet()) {
                    assertEquals(e.getValue(), tx.withField(provider, "server", "serverName", e.getKey()), account + " " + provider);
                }
                for (String name : NAMES) {
                    assertEquals(walked.getOrDefault(name, List.of()), tx.withField(provider, "server", "serverName", name),
                            account + " " + provider + " by name " + name);
                }
            }
            return null;
        });
    }

    /** One random change in {@code account}; what it was, for the failure message. */
    private static String change(Random random, String account, String vpcNo) {
        String name = NAMES[random.nextInt(NAMES.length)];
        List<String> vpc = idsOf("ncp", account);
        List<String> classic = idsOf("ncp-classic", account);
        List<String> zl = idsOf("zenlayer", account);
        String v = vpc.isEmpty() ? "0" : vpc.get(random.nextInt(vpc.size()));
        String c = classic.isEmpty() ? "0" : classic.get(random.nextInt(classic.size()));
        String z = zl.isEmpty() ? "none" : zl.get(random.nextInt(zl.size()));
        int pick = random.nextInt(100);
        String did;
        if (pick < 10) {
            String subnet = mock.control().resources("ncp", account, "subnet").get(0).get("id").asText();
            String acg = mock.control().resources("ncp", account, "acg").get(0).get("id").asText();
            int count = 1 + random.nextInt(3);
            did = "createServerInstances " + count + " " + name;
            ncpCall(account, "ncp", "createServerInstances", "serverImageProductCode=SW.VSVR.OS.LNX64.UBNTU.SVR24.G003&vpcNo=" + vpcNo
                    + "&subnetNo=" + subnet + "&networkInterfaceList.1.networkInterfaceOrder=0"
                    + "&networkInterfaceList.1.accessControlGroupNoList.1=" + acg + "&serverCreateCount=" + count
                    + (random.nextBoolean() ? "&serverName=" + name : ""));
        } else if (pick < 16) {
            did = "control: ncp servers";
            mock.control().createInstances("ncp", account, random.nextBoolean() ? "NSTOP" : null, null, 1 + random.nextInt(2));
        } else if (pick < 30) {
            did = "changeServerInstanceName " + v + " " + name;
            ncpCall(account, "ncp", "changeServerInstanceName", "serverInstanceNo=" + v + "&serverName=" + name);
        } else if (pick < 42) {
            String action = List.of("stopServerInstances", "startServerInstances", "rebootServerInstances", "terminateServerInstances")
                    .get(random.nextInt(4));
            boolean onClassic = random.nextInt(3) == 0;
            did = action + " " + (onClassic ? c : v);
            ncpCall(account, onClassic ? "ncp-classic" : "ncp", action, "serverInstanceNoList.1=" + (onClassic ? c : v));
        } else if (pick < 48) {
            did = "classic createServerInstances " + name;
            ncpCall(account, "ncp-classic", "createServerInstances", "serverImageProductCode=SPSW0LINUX000046"
                    + (random.nextBoolean() ? "&serverName=" + name : "") + (random.nextBoolean() ? "&zoneNo=3" : ""));
        } else if (pick < 54) {
            did = "control: zenlayer instance " + name;
            mock.control().createInstances("zenlayer", account, random.nextBoolean() ? "STOPPED" : null, Map.of("instanceName", name), 1);
        } else if (pick < 62) {
            did = "ModifyInstancesAttribute " + z + " " + name;
            zenlayer(account, "ModifyInstancesAttribute").body("{\"instanceIds\":[\"" + z + "\"],\"instanceName\":\"" + name + "\"}")
                    .post("/api/v2/vm");
        } else if (pick < 72) {
            String action = List.of("StartInstances", "StopInstances", "RebootInstances", "ReleaseInstances").get(random.nextInt(4));
            did = action + " " + z;
            zenlayer(account, action).body("{\"instanceIds\":[\"" + z + "\"]}").post("/api/v2/vm");
        } else if (pick < 75) {
            did = "TerminateInstance " + z;
            zenlayer(account, "TerminateInstance").body("{\"instanceId\":\"" + z + "\"}").post("/api/v2/vm");
        } else if (pick < 84) {
            String[] target = switch (random.nextInt(3)) {
                case 0 -> new String[] {"ncp", v, random.nextBoolean() ? "RUN" : "NSTOP"};
                case 1 -> new String[] {"ncp-classic", c, random.nextBoolean() ? "RUN" : "NSTOP"};
                default -> new String[] {"zenlayer", z, random.nextBoolean() ? "RUNNING" : "STOPPED"};
            };
            did = "force " + String.join(" ", target);
            try {
                mock.control().forceState(target[0], account, target[1], target[2]);
            } catch (io.cloudmock.control.ControlError e) {
                did += " (refused: " + e.getMessage() + ")";
            }
        } else if (pick < 99) {
            int seconds = 1 + random.nextInt(5);
            did = "advance " + seconds;
            advance(seconds);
        } else {
            did = "reset " + account;
            mock.control().reset(account);
            given().contentType("application/json").body("{\"provider\":\"ncp\",\"account\":\"" + account + "\"}")
                    .post("/_cloudmock/networks").then().statusCode(201);
        }
        return did;
    }
}
