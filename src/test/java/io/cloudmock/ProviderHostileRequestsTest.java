package io.cloudmock;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 3,000 hostile requests to the cloud APIs from a fixed seed (the control API's 5,000 are
 * control/ControlHostileRequestsTest): NCP and Zenlayer calls with unknown actions and paths, ids that do not
 * exist or are not ids, batches mixing a real resource with a missing one or one in the wrong state, bodies that
 * are not JSON, are 3,000 levels deep, hold the wrong types or are over the size limit. Every answer is a 4xx in
 * the provider's own envelope (NCP's {@code responseError} or gateway {@code error}, Zenlayer's
 * {@code {requestId, code, message}}), and the exported state is byte for byte what it was.
 */
class ProviderHostileRequestsTest {
    static final long SEED = 20261203L;
    static final int REQUESTS = 3_000;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static CloudMock mock;
    static final List<String> NCP_IDS = new ArrayList<>();
    static final List<String> ZEN_IDS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        mock = CloudMock.builder().port(0).manualClock().start();
        for (String provider : List.of("ncp", "zenlayer")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/_cloudmock/instances"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"provider\":\"" + provider + "\",\"count\":5}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, r.statusCode(), r.body());
            for (JsonNode i : Json.MAPPER.readTree(r.body()).get("instances")) {
                (provider.equals("ncp") ? NCP_IDS : ZEN_IDS).add(i.get("id").asText());
            }
        }
        mock.control().advanceSeconds(60); // running, settled
    }

    @AfterAll
    static void stop() { mock.close(); }

    record Hostile(String what, HttpRequest request, boolean ncp) {}

    static final String[] NOT_IDS = {"99999999", "0", "-1", "abc", "1e9", "10000001'--", "%zz", "\u0000", "１２３",
            "9".repeat(40), "null"};

    static String junk(Random r) { return NOT_IDS[r.nextInt(NOT_IDS.length)]; }

    static String enc(String s) { return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8); }

    static Hostile ncp(Random r) {
        String base = mock.baseUrl();
        String form;
        String path;
        String what;
        switch (r.nextInt(7)) {
            case 0 -> {
                path = "/vserver/v2/" + (char) ('a' + r.nextInt(26)) + Long.toString(r.nextLong() & Long.MAX_VALUE, 36) + "Instances";
                form = "";
                what = "an unknown action";
            }
            case 1 -> {
                path = List.of("/vserver/v3/", "/vserver/v1/", "/server/v3/", "/vpc/v9/").get(r.nextInt(4)) + "getServerInstanceList";
                form = "";
                what = "a path of no API cloudmock serves";
            }
            case 2 -> {
                // stop and reboot are allowed from RUN: a missing id in the batch must refuse all of it
                String action = List.of("stopServerInstances", "rebootServerInstances", "startServerInstances", "terminateServerInstances").get(r.nextInt(4));
                List<String> ids = new ArrayList<>();
                int n = 1 + r.nextInt(3);
                for (int k = 0; k < n; k++) ids.add(NCP_IDS.get(r.nextInt(NCP_IDS.size())));
                ids.add(r.nextInt(ids.size() + 1), junk(r));
                StringBuilder b = new StringBuilder();
                for (int k = 0; k < ids.size(); k++) b.append("&serverInstanceNoList.").append(k + 1).append('=').append(enc(ids.get(k)));
                path = "/vserver/v2/" + action;
                form = b.toString();
                what = "a batch with a missing id";
            }
            case 3 -> {
                // running servers: start and terminate are refused by the table
                String action = r.nextBoolean() ? "startServerInstances" : "terminateServerInstances";
                path = "/vserver/v2/" + action;
                form = "&serverInstanceNoList.1=" + NCP_IDS.get(r.nextInt(NCP_IDS.size()));
                what = "a running server started or terminated";
            }
            case 4 -> {
                path = "/vserver/v2/createServerInstances";
                form = List.of("", "&serverImageProductCode=" + enc(junk(r)), "&subnetNo=" + enc(junk(r)) + "&vpcNo=" + enc(junk(r)),
                        "&serverCreateCount=" + enc(List.of("0", "-3", "abc", "100000", "1.5").get(r.nextInt(5)))).get(r.nextInt(4));
                what = "a create without what it needs";
            }
            case 5 -> {
                path = "/vserver/v2/stopServerInstances";
                form = "&serverInstanceNoList." + List.of("0", "-1", "x", "999999999999").get(r.nextInt(4)) + "=" + enc(junk(r));
                what = "an id list with a bad index";
            }
            default -> {
                path = "/vserver/v2/terminateServerInstances";
                form = "&serverInstanceNoList.1=" + enc(junk(r)) + "&" + "p=" + "x".repeat(r.nextInt(16) == 0 ? 1_100_000 : 10);
                what = "a missing id, sometimes in a body over 1 MiB";
            }
        }
        // the format in the query: a body over the limit is refused unread, in the format asked for
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path + "?responseFormatType=json")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.isEmpty() ? "" : form.substring(1))).build();
        return new Hostile("NCP " + what + ": POST " + path + " " + abbreviate(form), req, true);
    }

    static Hostile zenlayer(Random r) {
        String action;
        String body;
        String what;
        String version = "2026-04-01";
        switch (r.nextInt(7)) {
            case 0 -> {
                action = "Describe" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
                body = "{}";
                what = "an unknown action";
            }
            case 1 -> {
                action = "DescribeInstances";
                version = List.of("1999-01-01", "", "2026-04-01x", "latest").get(r.nextInt(4));
                body = "{}";
                what = "a version that does not exist";
            }
            case 2 -> {
                action = List.of("StartInstances", "StopInstances", "RebootInstances", "ReleaseInstances").get(r.nextInt(4));
                List<String> ids = new ArrayList<>();
                int n = 1 + r.nextInt(3);
                for (int k = 0; k < n; k++) ids.add(ZEN_IDS.get(r.nextInt(ZEN_IDS.size())));
                ids.add(r.nextInt(ids.size() + 1), junk(r));
                body = "{\"instanceIds\":" + json(ids) + "}";
                what = "a batch with a missing id";
            }
            case 3 -> {
                action = List.of("StartInstances", "ReleaseInstances").get(r.nextInt(2));
                body = "{\"instanceIds\":[\"" + ZEN_IDS.get(r.nextInt(ZEN_IDS.size())) + "\"]}";
                what = "a running instance started or released";
            }
            case 4 -> {
                action = List.of("StartInstances", "StopInstances", "RebootInstances", "TerminateInstance").get(r.nextInt(4));
                body = List.of("{\"instanceIds\":\"x\"}", "{\"instanceIds\":5}", "{\"instanceIds\":[1,2]}", "{\"instanceIds\":{}}",
                        "{\"instanceIds\":[]}", "{}", "{\"instanceId\":[\"a\"]}", "{\"instanceIds\":[null]}").get(r.nextInt(8));
                what = "ids of the wrong type or none";
            }
            case 5 -> {
                action = List.of("StopInstances", "DescribeInstances", "CreateInstances").get(r.nextInt(3));
                body = List.of("not json", "{", "[1,2]", "\"x\"", "{\"pageSize\":1e99999999}", "{\"a\":\"\u0001\u0002\"", "[".repeat(3000) + "]".repeat(3000),
                        "{\"a\":" + "{\"b\":".repeat(3000) + "1" + "}".repeat(3001)).get(r.nextInt(8));
                what = "a body that is no usable JSON object";
            }
            default -> {
                action = "StopInstances";
                body = "{\"instanceIds\":[\"" + junk(r).replace("\\", "") .replace("\"", "") + "\"],\"pad\":\""
                        + "x".repeat(r.nextInt(16) == 0 ? 1_100_000 : 10) + "\"}";
                what = "a missing id, sometimes in a body over 1 MiB";
            }
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/api/v2/vm")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("x-zc-service", "vm")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!action.isEmpty()) b.header("x-zc-action", action);
        if (!version.isEmpty()) b.header("x-zc-version", version);
        return new Hostile("Zenlayer " + what + ": " + action + " " + version + " " + abbreviate(body), b.build(), false);
    }

    static String json(List<String> ids) {
        try {
            return Json.MAPPER.writeValueAsString(ids);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String s) { return s.length() > 200 ? s.substring(0, 200) + "... (" + s.length() + " chars)" : s; }

    @Test
    void everyHostileProviderRequestIsA4xxInTheProvidersEnvelopeAndChangesNothing() throws Exception {
        String before = mock.control().exportState().toString();
        Random r = new Random(SEED);
        Set<String> kinds = new TreeSet<>();
        for (int n = 0; n < REQUESTS; n++) {
            Hostile h = r.nextBoolean() ? ncp(r) : zenlayer(r);
            HttpResponse<String> a = HTTP.send(h.request(), HttpResponse.BodyHandlers.ofString());
            String where = "request " + n + " (" + h.what() + ") answered " + a.statusCode() + ": " + abbreviate(a.body());
            assertTrue(a.statusCode() >= 400 && a.statusCode() < 500, where);
            assertTrue(a.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), where);
            JsonNode body = Json.MAPPER.readTree(a.body());
            if (h.ncp()) {
                JsonNode service = body.get("responseError");
                JsonNode gateway = body.get("error");
                assertTrue(body.size() == 1 && (service != null && service.hasNonNull("returnCode") && service.hasNonNull("returnMessage")
                        || gateway != null && gateway.hasNonNull("errorCode") && gateway.hasNonNull("message")), where);
                kinds.add("ncp " + a.statusCode() + " " + (service != null ? service.get("returnCode").asText() : gateway.get("errorCode").asText()));
            } else {
                assertTrue(body.size() == 3 && body.hasNonNull("requestId") && body.hasNonNull("code") && body.hasNonNull("message"), where);
                kinds.add("zenlayer " + a.statusCode() + " " + body.get("code").asText());
            }
        }
        assertEquals(before, mock.control().exportState().toString(), "a hostile request changed the state");
        assertTrue(kinds.size() >= 10, "the requests met too few distinct refusals: " + kinds);
    }
}
