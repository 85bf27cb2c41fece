package io.cloudmock.zenlayer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Zenlayer Cloud API 2.0 authentication (reference: zenlayer-vm-api.md section 3), as the Java, Go and Python
 * SDKs compute it:
 * <pre>
 *   CanonicalRequest = "POST\n/\n\n" + "content-type:" + ContentType + "\n" + "host:" + Host + "\n" + "\n"
 *                      + "content-type;host" + "\n" + hex(SHA256(raw body))
 *   StringToSign     = "ZC2-HMAC-SHA256\n" + X-ZC-Timestamp + "\n" + hex(SHA256(CanonicalRequest))
 *   Signature        = hex(HMAC-SHA256(key = secret, StringToSign))
 *   Authorization    = "ZC2-HMAC-SHA256 Credential=" + accessKeyId + ", SignedHeaders=content-type;host, Signature=" + Signature
 * </pre>
 * Header values are used raw, as received (the SDKs do not lower-case them; a Host with a port keeps it), and
 * the body hash is over the exact bytes received. The headers named in {@code SignedHeaders} are used in the
 * order given (the SDKs always send {@code content-type;host}). {@code X-ZC-Timestamp} (seconds) must be within
 * 5 minutes of the WALL clock.
 *
 * <p>{@code Authorization: Bearer TOKEN} (personal access tokens, supported by every SDK) is accepted when the
 * token is one of {@code --bearer-tokens}. An access key id never is one: key ids are not secret (every log line
 * prints them), so accepting them as tokens would let anyone who read a log act as that key.
 *
 * <p>Outcomes map to the documented 401 codes: a header that cannot be parsed (or no timestamp)
 * {@code AUTHFAILURE_INVALID_AUTHORIZATION}; an unknown key or token, or a wrong signature
 * {@code AUTHFAILURE_SIGNATURE_FAILURE}; a stale timestamp {@code AUTHFAILURE_SIGNATURE_EXPIRED}.
 * Pure: no I/O, no state.
 */
public final class ZenlayerSignature {
    public static final String ALGORITHM = "ZC2-HMAC-SHA256";
    public static final String TIMESTAMP_HEADER = "X-ZC-Timestamp";
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final HexFormat HEX = HexFormat.of();

    /** What the check found, with the documented code (HTTP 401 for each failure). */
    public enum Outcome {
        OK(null),
        INVALID_AUTHORIZATION("AUTHFAILURE_INVALID_AUTHORIZATION"),
        SIGNATURE_FAILURE("AUTHFAILURE_SIGNATURE_FAILURE"),
        SIGNATURE_EXPIRED("AUTHFAILURE_SIGNATURE_EXPIRED");

        private final String code;

        Outcome(String code) { this.code = code; }

        /** The wire code, null for OK. */
        public String code() { return code; }
    }

    /**
     * @param outcome   what the check found
     * @param accessKey the account: the {@code Credential=} access key, or the account a Bearer token acts as
     *                  (never the token itself); null when none was readable
     * @param bearer    true when a Bearer token was used
     * @param detail    for a failure, a sentence for the log and the journal; for a signature mismatch it holds
     *                  the exact canonical request and string to sign cloudmock used (newlines shown as \n) and
     *                  the signature received, never the one expected (it could be replayed)
     */
    public record Result(Outcome outcome, String accessKey, boolean bearer, String detail) {
        public boolean ok() { return outcome == Outcome.OK; }
    }

    private ZenlayerSignature() {}

    public static String canonicalRequest(String signedHeaders, Function<String, String> header, byte[] body) {
        StringBuilder b = new StringBuilder("POST\n/\n\n");
        for (String name : signedHeaders.split(";")) {
            String value = header.apply(name);
            b.append(name).append(':').append(value == null ? "" : value).append('\n');
        }
        return b.append('\n').append(signedHeaders).append('\n').append(sha256Hex(body)).toString();
    }

    public static String stringToSign(String timestamp, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex HMAC-SHA256 of {@code stringToSign} under {@code secret}. */
    public static String sign(String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java 17 runtime", e);
        }
    }

    /**
     * Checks one request.
     *
     * @param credentials access key to secret ({@code Config.credentials()})
     * @param header      header lookup, case-insensitive (e.g. {@code ctx::header})
     * @param body        the raw body bytes, before any parsing
     * @param wallNow     the wall-clock time
     */
    public static Result verify(Map<String, String> credentials, Function<String, String> header, byte[] body,
                                Instant wallNow) {
        return verify(credentials, Map.of(), header, body, wallNow);
    }

    /**
     * Checks one request.
     *
     * @param credentials  access key to secret ({@code Config.credentials()})
     * @param bearerTokens bearer token to the account it acts as ({@code Config.bearerTokens()})
     * @param header       header lookup, case-insensitive (e.g. {@code ctx::header})
     * @param body         the raw body bytes, before any parsing
     * @param wallNow      the wall-clock time
     */
    public static Result verify(Map<String, String> credentials, Map<String, String> bearerTokens,
                                Function<String, String> header, byte[] body, Instant wallNow) {
        String authorization = header.apply("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return new Result(Outcome.INVALID_AUTHORIZATION, null, false, "the Authorization header is missing");
        }
        authorization = authorization.trim();
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            if (token.isEmpty()) return new Result(Outcome.INVALID_AUTHORIZATION, null, true, "the Bearer token is empty");
            String account = bearerTokens.get(token);
            if (account == null) {
                String known = credentials.containsKey(token) ? " (it is an access key id, which is never a token)" : "";
                return new Result(Outcome.SIGNATURE_FAILURE, io.cloudmock.core.Secrets.tokenAccount(token), true,
                        "the Bearer token (" + io.cloudmock.core.Secrets.tokenAccount(token) + ") is not among --bearer-tokens" + known);
            }
            return new Result(Outcome.OK, account, true, "");
        }
        if (!authorization.startsWith(ALGORITHM + " ")) {
            return new Result(Outcome.INVALID_AUTHORIZATION, null, false,
                    "the Authorization header must start with '" + ALGORITHM + " ' or 'Bearer '");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            switch (key) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value.toLowerCase(Locale.ROOT);
                case "Signature" -> signature = value;
                default -> { }
            }
        }
        if (credential == null || credential.isEmpty() || signedHeaders == null || signedHeaders.isEmpty()
                || signature == null || signature.isEmpty()) {
            return new Result(Outcome.INVALID_AUTHORIZATION, credential, false,
                    "the Authorization header needs Credential=, SignedHeaders= and Signature=");
        }
        String timestamp = header.apply(TIMESTAMP_HEADER);
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp.trim());
        } catch (NumberFormatException e) {
            return new Result(Outcome.INVALID_AUTHORIZATION, credential, false,
                    TIMESTAMP_HEADER + " must be seconds since the epoch, got " + (timestamp == null ? "nothing" : "'" + timestamp + "'"));
        }
        long skew = Math.abs(wallNow.getEpochSecond() - seconds);
        if (skew > MAX_SKEW.toSeconds()) {
            return new Result(Outcome.SIGNATURE_EXPIRED, credential, false, TIMESTAMP_HEADER + " " + seconds + " is "
                    + skew + " s away from the server time " + wallNow.getEpochSecond() + " (at most 300 s allowed)");
        }
        String secret = credentials.get(credential);
        if (secret == null) {
            return new Result(Outcome.SIGNATURE_FAILURE, credential, false,
                    "access key " + credential + " is not among --credentials");
        }
        String canonical = canonicalRequest(signedHeaders, header, body);
        String toSign = stringToSign(timestamp.trim(), canonical);
        String expected = sign(secret, toSign);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
            return new Result(Outcome.SIGNATURE_FAILURE, credential, false, "signature mismatch: cloudmock's canonical "
                    + "request was \"" + canonical.replace("\n", "\\n") + "\", string to sign \""
                    + toSign.replace("\n", "\\n") + "\", signed with the secret of " + credential
                    + "; the signature received, " + signature + ", does not match");
        }
        return new Result(Outcome.OK, credential, false, "");
    }
}
