package io.cloudmock.zenlayer;

import io.cloudmock.Config;
import io.cloudmock.core.Verdict;
import io.cloudmock.core.ResourceStore;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who is calling. The account is the access key id: {@code Credential=<AK>} of a {@code ZC2-HMAC-SHA256}
 * Authorization header, or the token of {@code Authorization: Bearer <token>}; neither gives {@code default}.
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
    public static Verdict verify(Context ctx, byte[] rawBody, Config config) {
        ZenlayerSignature.Result result = ZenlayerSignature.verify(config.credentials(), ctx::header, rawBody, Instant.now());
        if (result.ok()) return Verdict.passed(result.accessKey());
        return Verdict.failed(result.accessKey(), result.outcome().code(), result.detail(),
                ZenlayerError.valueOf(result.outcome().code()).with());
    }

    /** The account named by the Authorization header, without any check. */
    public static String account(Context ctx) {
        return accountOf(ctx.header("Authorization"));
    }

    static String accountOf(String authorization) {
        if (authorization == null) return ResourceStore.DEFAULT_ACCOUNT;
        String a = authorization.trim();
        if (a.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = a.substring(7).trim();
            return token.isEmpty() ? ResourceStore.DEFAULT_ACCOUNT : token;
        }
        if (a.startsWith(SIGNATURE_METHOD)) {
            Matcher m = CREDENTIAL.matcher(a);
            if (m.find()) return m.group(1);
        }
        return ResourceStore.DEFAULT_ACCOUNT;
    }
}
