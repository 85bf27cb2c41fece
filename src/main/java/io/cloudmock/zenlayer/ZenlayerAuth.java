package io.cloudmock.zenlayer;

import io.cloudmock.Config;
import io.cloudmock.core.Verdict;
import io.cloudmock.core.ResourceStore;
import io.cloudmock.core.Secrets;
import io.cloudmock.core.http.HttpCall;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who is calling. The account is the access key id: {@code Credential=<AK>} of a {@code ZC2-HMAC-SHA256}
 * Authorization header; for {@code Authorization: Bearer <token>} the account {@code --bearer-tokens} names for
 * it, or a hash of the token ({@link Secrets#tokenAccount}): a token is a secret, never an account name that logs
 * and state files show. Neither header gives {@code default}.
 */
public final class ZenlayerAuth {
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^,\\s]+)");
    private static final String SIGNATURE_METHOD = "ZC2-HMAC-SHA256";

    private ZenlayerAuth() {}

    /**
     * The signature check of {@code --auth log|verify} (reference sections 3 and 12.2), over the raw body bytes
     * because the signature covers their hash. The verdict names the key's account, passed or not (a refused call
     * is still the key's), and for a failure what cloudmock signed and the AUTHFAILURE_* error to answer.
     */
    public static Verdict verify(HttpCall ctx, byte[] rawBody, Config config) {
        ZenlayerSignature.Result result = ZenlayerSignature.verify(config.credentials(), config.bearerTokens(),
                ctx::header, rawBody, Instant.now());
        if (result.ok()) return Verdict.passed(result.accessKey());
        return Verdict.failed(result.accessKey(), result.outcome().code(), result.detail(),
                ZenlayerError.valueOf(result.outcome().code()).with());
    }

    /** The account named by the Authorization header, without any check. */
    public static String account(HttpCall ctx, Config config) {
        return accountOf(ctx.header("Authorization"), config.bearerTokens());
    }

    static String accountOf(String authorization) { return accountOf(authorization, java.util.Map.of()); }

    static String accountOf(String authorization, java.util.Map<String, String> bearerTokens) {
        if (authorization == null) return ResourceStore.DEFAULT_ACCOUNT;
        String a = authorization.trim();
        if (a.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = a.substring(7).trim();
            if (token.isEmpty()) return ResourceStore.DEFAULT_ACCOUNT;
            String named = bearerTokens.get(token);
            return named != null ? named : Secrets.tokenAccount(token);
        }
        if (a.startsWith(SIGNATURE_METHOD)) {
            Matcher m = CREDENTIAL.matcher(a);
            if (m.find()) return m.group(1);
        }
        return ResourceStore.DEFAULT_ACCOUNT;
    }
}
