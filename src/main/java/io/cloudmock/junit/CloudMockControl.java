package io.cloudmock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small client of the {@code /_cloudmock/} control API (plain {@code java.net.http}, JSON through Jackson),
 * for tests: against the server of a {@link CloudMockExtension}, or any running cloudmock
 * ({@code new CloudMockControl("http://127.0.0.1:8080", token)}). Every call throws {@link Failure} on a non-2xx
 * answer, with the status and cloudmock's error code and message.
 */
public final class CloudMockControl implements io.cloudmock.control.Control {
    private final String baseUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public CloudMockControl(String baseUrl) { this(baseUrl, null); }

    /** @param token the {@code --control-token}, or null when there is none */
    public CloudMockControl(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    /** A control call that answered something other than 2xx. */
    public static final class Failure extends io.cloudmock.control.ControlError {
        Failure(int status, String code, String message) {
            super(status, code, "HTTP " + status + " " + code + ": " + message);
        }
    }

    // ---- clock and reset

    /** Moves the manual clock forward; every transition that falls due completes. Returns the new time. */
    public Instant advance(Duration by) {
        JsonNode r = call("POST", "/clock/advance", Map.of("seconds", by.toMillis() / 1000.0));
        return Instant.parse(r.get("now").asText());
    }


    /** Forgets every instance, journal entry and fault rule; the manual clock goes back to its start. */
    public void reset() { call("POST", "/reset", null); }

    /** Forgets one account's instances only. */
    public void reset(String account) { call("POST", "/reset?account=" + encode(account), null); }

    public JsonNode health() { return call("GET", "/health", null); }

    // ---- instances

    @Override
    public JsonNode resources(String provider, String account, String kind) {
        StringBuilder q = new StringBuilder("/resources?");
        if (provider != null) q.append("provider=").append(encode(provider)).append('&');
        if (account != null) q.append("account=").append(encode(account)).append('&');
        if (kind != null) q.append("kind=").append(encode(kind));
        return call("GET", q.toString(), null).get("resources");
    }

    @Override
    public JsonNode createResources(JsonNode resource) { return call("POST", "/resources", resource).get("resources"); }

    @Override
    public JsonNode createNetwork(String provider, String account) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", provider);
        if (account != null) body.put("account", account);
        return call("POST", "/networks", body).get("resources");
    }

    /** Instances of one provider and/or account (null = any). */
    @Override
    public JsonNode instances(String provider, String account) {
        StringBuilder q = new StringBuilder("/instances?");
        if (provider != null) q.append("provider=").append(encode(provider)).append('&');
        if (account != null) q.append("account=").append(encode(account));
        return call("GET", q.toString(), null).get("instances");
    }

    public JsonNode forceState(String provider, String account, String id, String state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state);
        if (account != null) body.put("account", account);
        return call("PUT", "/instances/" + encode(provider) + "/" + encode(id) + "/state", body);
    }

    // ---- faults

    /** Adds a fault rule ({@code provider, action, instanceId, httpStatus, code, message, delayMs, times, probability, seed}); returns its id. */
    public String addFault(Map<String, ?> rule) { return call("POST", "/faults", rule).get("id").asText(); }

    /** The rules, each with {@code remaining} and {@code fired}. */
    public JsonNode faults() { return call("GET", "/faults", null).get("faults"); }

    public void removeFault(String id) { call("DELETE", "/faults/" + encode(id), null); }

    public void clearFaults() { call("DELETE", "/faults", null); }

    // ---- journal

    /** The journal entries of one provider, account and/or action (null = any). */
    public JsonNode requests(String provider, String account, String action) {
        StringBuilder q = new StringBuilder("/requests?");
        if (provider != null) q.append("provider=").append(encode(provider)).append('&');
        if (account != null) q.append("account=").append(encode(account)).append('&');
        if (action != null) q.append("action=").append(encode(action));
        return call("GET", q.toString(), null).get("requests");
    }

    public void clearRequests() { call("DELETE", "/requests", null); }

    // ---- whole state

    public JsonNode unserved() { return call("GET", "/unserved", null).get("unserved"); }

    @Override
    public JsonNode exportState() { return call("GET", "/state", null); }

    public void importState(JsonNode state) { call("PUT", "/state", state); }

    // ----

    /** Any control call: {@code path} is relative to {@code /_cloudmock}, {@code body} anything Jackson can write. */
    public JsonNode call(String method, String path, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/_cloudmock" + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            if (token != null) b.header("Authorization", "Bearer " + token);
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = r.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(r.body());
            if (r.statusCode() / 100 != 2) {
                JsonNode err = json.path("error");
                throw new Failure(r.statusCode(), err.path("code").asText(""), err.path("message").asText(""));
            }
            return json;
        } catch (IOException e) {
            throw new IllegalStateException("control call " + method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during control call " + method + " " + path, e);
        }
    }

    private static String encode(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }
}
