package io.cloudmock.core;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Set;

/**
 * A fault rule as a test author writes it ({@code POST /_cloudmock/faults}), validated.
 *
 * @param provider    {@code ncp}, {@code ncp-classic}, {@code zenlayer}: required
 * @param action      the action it applies to ({@code stopServerInstances}, {@code StopInstances}); null = every action
 * @param instanceId  only calls naming this instance; null = any call
 * @param httpStatus  HTTP status of the error (400..599); null = the provider's status for {@code code}
 * @param code        the provider's error code; null = the provider's generic code for {@code httpStatus}
 * @param message     error message; null = the provider's message for the code
 * @param delayMs     latency added before answering (0..300000)
 * @param times       how many matching calls it fires for; null = every one until deleted
 * @param probability chance to fire on a matching call, in (0, 1]
 * @param seed        seed of the rule's own generator; required when {@code probability < 1}
 */
public record FaultRule(String provider, String action, String instanceId, Integer httpStatus, String code,
                        String message, long delayMs, Integer times, double probability, Long seed) {

    static final long MAX_DELAY_MS = 300_000;
    private static final Set<String> FIELDS = Set.of("provider", "action", "instanceId", "httpStatus", "code",
            "message", "delayMs", "times", "probability", "seed");

    /** True when a firing answers with an error (otherwise it only adds latency). */
    public boolean isError() { return httpStatus != null || code != null; }

    /** Reads and checks a rule; IllegalArgumentException with a message fit for the test author. */
    public static FaultRule fromJson(JsonNode body) {
        if (body == null || !body.isObject()) throw new IllegalArgumentException("a fault rule must be a JSON object");
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + f + "'; a fault rule has provider, action, "
                        + "instanceId, httpStatus, code, message, delayMs, times, probability, seed");
            }
        }
        String provider = text(body, "provider", false);
        if (provider == null) throw new IllegalArgumentException("provider is required (ncp, ncp-classic or zenlayer)");
        String action = text(body, "action", false);
        String instanceId = text(body, "instanceId", true);
        String code = text(body, "code", true);
        String message = text(body, "message", false);
        Long status = integer(body, "httpStatus");
        if (status != null && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("httpStatus must be between 400 and 599, not " + status);
        }
        Long delay = integer(body, "delayMs");
        long delayMs = delay == null ? 0 : delay;
        if (delayMs < 0 || delayMs > MAX_DELAY_MS) {
            throw new IllegalArgumentException("delayMs must be between 0 and " + MAX_DELAY_MS + ", not " + delayMs);
        }
        Long times = integer(body, "times");
        if (times != null && (times < 1 || times > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("times must be 1 or more (leave it out for every matching call), not " + times);
        }
        JsonNode p = body.get("probability");
        double probability = 1.0;
        if (p != null && !p.isNull()) {
            if (!p.isNumber()) throw new IllegalArgumentException("probability must be a number in (0, 1]");
            probability = p.asDouble();
            if (!(probability > 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be in (0, 1], not " + p.asText());
            }
        }
        Long seed = integer(body, "seed");
        if (probability < 1 && seed == null) {
            throw new IllegalArgumentException("a probability below 1 needs a seed, so that a run repeats exactly");
        }
        if (status == null && code == null && delayMs == 0) {
            throw new IllegalArgumentException("a fault rule needs httpStatus, code or delayMs (or several)");
        }
        return new FaultRule(provider, action, instanceId, status == null ? null : status.intValue(), code, message,
                delayMs, times == null ? null : times.intValue(), probability, seed);
    }

    private static String text(JsonNode body, String field, boolean numbersToo) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual() && !(numbersToo && v.isIntegralNumber())) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        String s = v.asText();
        if (s.isEmpty()) throw new IllegalArgumentException(field + " must not be empty (leave it out instead)");
        return s;
    }

    private static Long integer(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw new IllegalArgumentException(field + " must be an integer");
        return v.asLong();
    }
}
