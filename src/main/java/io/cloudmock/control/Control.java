package io.cloudmock.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The control API as one interface: every {@code /_cloudmock/} call, with the objects of DESIGN.md section 1.
 * {@link LocalControl} implements it in-process over the backend, and the HTTP routes ({@link ControlRoutes}) are
 * a thin map onto that; {@link io.cloudmock.junit.CloudMockControl} implements it over HTTP for any running
 * cloudmock. A call that cannot be served throws {@link ControlError} (status, code, message) either way. The
 * default methods are the conveniences tests use, so they behave the same in-process and remote.
 */
public interface Control {
    /** {@code GET /_cloudmock/health}: {@code {"status", "version", "uptimeSeconds", ...}}. */
    JsonNode health();

    /** {@code POST /_cloudmock/reset}: forgets every resource, journal entry and fault rule; the manual clock goes back to its start. */
    void reset();

    /** {@code POST /_cloudmock/reset?account=KEY}: forgets one account's resources only. */
    void reset(String account);

    /** {@code POST /_cloudmock/clock/advance}: every transition that falls due completes. Returns the new time. */
    Instant advance(Duration by);

    /** {@code GET /_cloudmock/resources?provider=&account=&kind=} (null = any): the array of resources. */
    JsonNode resources(String provider, String account, String kind);

    /** {@code GET /_cloudmock/instances?provider=&account=} (null = any): the servers and instances. */
    JsonNode instances(String provider, String account);

    /** {@code POST /_cloudmock/resources} with one resource object (and optional count): the array created. */
    JsonNode createResources(JsonNode resource);

    /** {@code POST /_cloudmock/networks}: the provider's ready network in the account (null = default), as created. */
    JsonNode createNetwork(String provider, String account);

    /** {@code PUT /_cloudmock/instances/{provider}/{id}/state} (account null = whichever holds it): the resource. */
    JsonNode forceState(String provider, String account, String id, String state);

    /** {@code POST /_cloudmock/faults}: adds a rule ({@code provider, action, instanceId, httpStatus, code, message, delayMs, times, probability, seed}); returns its id. */
    String addFault(Map<String, ?> rule);

    /** {@code GET /_cloudmock/faults}: the rules, each with {@code remaining} and {@code fired}. */
    JsonNode faults();

    /** {@code DELETE /_cloudmock/faults/{id}}. */
    void removeFault(String id);

    /** {@code DELETE /_cloudmock/faults}. */
    void clearFaults();

    /** {@code GET /_cloudmock/requests?provider=&account=&action=} (null = any): the journal, oldest first. */
    JsonNode requests(String provider, String account, String action);

    /** {@code DELETE /_cloudmock/requests}. */
    void clearRequests();

    /**
     * {@code GET /_cloudmock/unserved}: what clients asked for that cloudmock does not serve, most asked first, each
     * {@code {provider, method, path, action, userAgent, reason, count}}.
     */
    JsonNode unserved();

    /** {@code GET /_cloudmock/state}. */
    JsonNode exportState();

    /** {@code PUT /_cloudmock/state}: replaces the whole state atomically. */
    void importState(JsonNode state);

    // ---- conveniences

    default Instant advanceSeconds(long seconds) { return advance(Duration.ofSeconds(seconds)); }

    /**
     * Creates {@code count} instances directly (state null = the provider's default, account null = default).
     * Returns the array created ({@code provider, account, kind, id, state, fields, references}).
     */
    default JsonNode createInstances(String provider, String account, String state, Map<String, ?> fields, int count) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", provider);
        if (account != null) body.put("account", account);
        if (state != null) body.put("state", state);
        if (fields != null) body.put("fields", fields);
        body.put("count", count);
        return createResources(Json.MAPPER.valueToTree(body));
    }

    /** Creates one instance in the default account; returns it. */
    default JsonNode createInstance(String provider, String state, Map<String, ?> fields) {
        return createInstances(provider, null, state, fields, 1).get(0);
    }

    /** Every instance of every provider and account. */
    default JsonNode instances() { return instances(null, null); }

    /** Forces a resource, found in any account, into {@code state}; returns it. */
    default JsonNode forceState(String provider, String id, String state) { return forceState(provider, null, id, state); }

    /**
     * The next {@code times} calls of {@code action} fail with {@code httpStatus} and {@code code} (null = the
     * provider's generic code for the status); returns the rule id.
     */
    default String failNext(String provider, String action, int times, int httpStatus, String code) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("provider", provider);
        rule.put("action", action);
        rule.put("times", times);
        rule.put("httpStatus", httpStatus);
        if (code != null) rule.put("code", code);
        return addFault(rule);
    }

    /** The whole journal, oldest first. */
    default JsonNode requests() { return requests(null, null, null); }
}
