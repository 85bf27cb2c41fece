package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Json;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Batches that overlap, sent at the same moment: each is all-or-nothing, so exactly one of two batches sharing a
 * server wins and the loser leaves its other servers untouched, in every interleaving.
 */
class NcpConcurrencyTest extends NcpApi {
    private static final int ROUNDS = 25;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Answer(int status, JsonNode body) {}

    /** Sends every form body to the action at the same moment (POST, as the Go SDK does). */
    private static List<Answer> together(String action, String... bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bodies.length);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (String body : bodies) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/vserver/v2/" + action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("responseFormatType=json&" + body)).build();
                futures.add(pool.submit(() -> {
                    go.await();
                    HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    return new Answer(r.statusCode(), Json.MAPPER.readTree(r.body()));
                }));
            }
            go.countDown();
            List<Answer> out = new ArrayList<>();
            for (Future<Answer> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String ids(String... ids) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < ids.length; k++) b.append(k == 0 ? "" : "&").append("serverInstanceNoList.").append(k + 1).append('=').append(ids[k]);
        return b.toString();
    }

    @Test
    void twoStopBatchesSharingAServerNeverHalfApply() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            given().post("/_cloudmock/reset").then().statusCode(200);
            String a = createVpc(), b = createVpc(), c = createVpc();
            advance(4);
            List<Answer> answers = together("stopServerInstances", ids(a, b), ids(b, c));
            Set<Integer> statuses = new HashSet<>();
            for (Answer x : answers) statuses.add(x.status());
            assertEquals(Set.of(200, 400), statuses, "round " + round + ": exactly one batch wins");
            boolean firstWon = answers.get(0).status() == 200;
            Answer loser = answers.get(firstWon ? 1 : 0);
            assertEquals("25041", loser.body().path("responseError").path("returnCode").asText());
            assertEquals("RUN/SHTDN/shutting down", stateOf(b));
            assertEquals(firstWon ? "RUN/SHTDN/shutting down" : "RUN/NULL/running", stateOf(a), "round " + round);
            assertEquals(firstWon ? "RUN/NULL/running" : "RUN/SHTDN/shutting down", stateOf(c), "round " + round);
        }
    }

    @Test
    void terminateAndStartRacingOnStoppedServersNeverHalfApply() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            given().post("/_cloudmock/reset").then().statusCode(200);
            String a = createVpc(), b = createVpc(), c = createVpc();
            advance(4);
            vpc("stopServerInstances", "serverInstanceNoList.1", a, "serverInstanceNoList.2", b,
                    "serverInstanceNoList.3", c).then().statusCode(200);
            advance(2);
            List<Answer> answers = new ArrayList<>();
            // the two actions differ, so send them from two threads at once by hand
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<List<Answer>> t = pool.submit(() -> together("terminateServerInstances", ids(a, b)));
                Future<List<Answer>> s = pool.submit(() -> together("startServerInstances", ids(b, c)));
                answers.addAll(t.get());
                answers.addAll(s.get());
            } finally {
                pool.shutdownNow();
            }
            boolean terminateWon = answers.get(0).status() == 200;
            assertEquals(terminateWon ? 400 : 200, answers.get(1).status(), "round " + round + ": exactly one wins");
            assertEquals(terminateWon ? "NSTOP/TERMT/terminating" : "NSTOP/NULL/stopped", stateOf(a), "round " + round);
            assertEquals(terminateWon ? "NSTOP/NULL/stopped" : "NSTOP/START/booting", stateOf(c), "round " + round);
        }
    }

    @Test
    void twoCreatesOfTheSameNameMakeOneServer() throws Exception {
        Net n = net();
        String body = "vpcNo=" + n.vpcNo() + "&subnetNo=" + n.subnetNo() + "&networkInterfaceList.1.networkInterfaceOrder=0"
                + "&networkInterfaceList.1.accessControlGroupNoList.1=" + n.acgNo() + "&serverImageProductCode=" + UBUNTU + "&serverName=twin";
        List<Answer> answers = together("createServerInstances", body, body, body);
        long won = answers.stream().filter(x -> x.status() == 200).count();
        assertEquals(1, won);
        for (Answer x : answers) {
            if (x.status() != 200) assertEquals("10300", x.body().path("responseError").path("returnCode").asText());
        }
        vpc("getServerInstanceList", "serverName", "twin").then().statusCode(200)
                .body("getServerInstanceListResponse.totalRows", org.hamcrest.Matchers.equalTo(1));
    }
}
