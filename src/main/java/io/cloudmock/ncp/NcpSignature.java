package io.cloudmock.ncp;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;

/**
 * The NCP API Gateway signature, as every NCP SDK computes it (reference: ncp-server-api.md section 2):
 * <pre>
 *   stringToSign = METHOD + " " + path[?query] + "\n" + timestamp + "\n" + accessKey
 *   signature    = base64(HMAC-SHA256(key = secret, stringToSign))
 * </pre>
 * sent in {@code x-ncp-apigw-signature-v2} (Java SDK, Go v1) or {@code x-ncp-apigw-signature-v1} (Go v2 /
 * Terraform, Python, JS); both are accepted, v2 first. The timestamp ({@code x-ncp-apigw-timestamp}, ms since
 * the epoch) must be within 5 minutes of the WALL clock (never the manual clock: clients sign with real time).
 * {@code path[?query]} is the request target exactly as received (raw, still percent-encoded).
 *
 * <p>Pure: no I/O, no state; the route decides what to do with a {@link Result} under {@code --auth}.
 */
public final class NcpSignature {
    public static final String ACCESS_KEY_HEADER = "x-ncp-iam-access-key";
    public static final String TIMESTAMP_HEADER = "x-ncp-apigw-timestamp";
    public static final String SIGNATURE_V2_HEADER = "x-ncp-apigw-signature-v2";
    public static final String SIGNATURE_V1_HEADER = "x-ncp-apigw-signature-v1";
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    /** Why a request failed (all of them answer 401, gateway errorCode 200, at the gateway). */
    public enum Outcome {
        OK,
        /** access key, timestamp or signature header absent. */
        MISSING_HEADER,
        /** the access key is not in {@code --credentials}. */
        UNKNOWN_ACCESS_KEY,
        /** the timestamp is not a number of milliseconds. */
        INVALID_TIMESTAMP,
        /** the timestamp is more than 5 minutes away from the wall clock. */
        EXPIRED_TIMESTAMP,
        /** the signature is not the one computed. */
        SIGNATURE_MISMATCH
    }

    /**
     * @param outcome   what the check found
     * @param accessKey the access key sent (the account), or null when absent
     * @param detail    for a failure, a sentence for the log and the journal; for a mismatch it holds the exact
     *                  string cloudmock signed (newlines shown as \n) and the signature received, never the one
     *                  expected: anyone who can read the journal or the log could replay that one
     */
    public record Result(Outcome outcome, String accessKey, String detail) {
        public boolean ok() { return outcome == Outcome.OK; }
    }

    private NcpSignature() {}

    /** {@code METHOD SP pathAndQuery LF timestamp LF accessKey}. */
    public static String stringToSign(String method, String pathAndQuery, String timestamp, String accessKey) {
        return method + " " + pathAndQuery + "\n" + timestamp + "\n" + accessKey;
    }

    /** base64(HMAC-SHA256(secret, stringToSign)), standard alphabet with padding. */
    public static String sign(String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    /**
     * Checks one request.
     *
     * @param credentials  access key to secret ({@code Config.credentials()})
     * @param method       HTTP method as sent ({@code GET}, {@code POST})
     * @param pathAndQuery raw path, plus {@code ?} and the raw query when the request has one
     * @param header       header lookup, case-insensitive (e.g. {@code ctx::header})
     * @param wallNow      the wall-clock time
     */
    public static Result verify(Map<String, String> credentials, String method, String pathAndQuery,
                                Function<String, String> header, Instant wallNow) {
        String accessKey = blankToNull(header.apply(ACCESS_KEY_HEADER));
        String timestamp = blankToNull(header.apply(TIMESTAMP_HEADER));
        String signature = blankToNull(header.apply(SIGNATURE_V2_HEADER));
        if (signature == null) signature = blankToNull(header.apply(SIGNATURE_V1_HEADER));
        if (accessKey == null) return fail(Outcome.MISSING_HEADER, null, "header " + ACCESS_KEY_HEADER + " is missing");
        if (timestamp == null) return fail(Outcome.MISSING_HEADER, accessKey, "header " + TIMESTAMP_HEADER + " is missing");
        if (signature == null) {
            return fail(Outcome.MISSING_HEADER, accessKey,
                    "header " + SIGNATURE_V2_HEADER + " (or " + SIGNATURE_V1_HEADER + ") is missing");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return fail(Outcome.INVALID_TIMESTAMP, accessKey,
                    TIMESTAMP_HEADER + " '" + timestamp + "' is not milliseconds since the epoch");
        }
        long skew = Math.abs(wallNow.toEpochMilli() - millis);
        if (skew > MAX_SKEW.toMillis()) {
            return fail(Outcome.EXPIRED_TIMESTAMP, accessKey, TIMESTAMP_HEADER + " " + timestamp + " is " + skew
                    + " ms away from the server time " + wallNow.toEpochMilli() + " (at most 5 minutes allowed)");
        }
        String secret = credentials.get(accessKey);
        if (secret == null) {
            return fail(Outcome.UNKNOWN_ACCESS_KEY, accessKey, "access key " + accessKey + " is not among --credentials");
        }
        String toSign = stringToSign(method, pathAndQuery, timestamp, accessKey);
        String expected = sign(secret, toSign);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
            return fail(Outcome.SIGNATURE_MISMATCH, accessKey, "signature mismatch: cloudmock signed \""
                    + toSign.replace("\n", "\\n") + "\" with the secret of " + accessKey
                    + "; the signature received, " + signature + ", does not match (compare the string your client signed)");
        }
        return new Result(Outcome.OK, accessKey, "");
    }

    private static Result fail(Outcome outcome, String accessKey, String detail) {
        return new Result(outcome, accessKey, detail);
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
