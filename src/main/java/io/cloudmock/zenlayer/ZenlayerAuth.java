package io.cloudmock.zenlayer;

import io.cloudmock.core.InstanceStore;
import io.javalin.http.Context;

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
     * The account of a request, checked: the single place where signature verification ({@code --auth
     * verify|log}, reference section 3 and 12.2) plugs in. It gets the raw body bytes because the signature
     * covers their hash. Today every request is accepted and only the account is read.
     *
     * @throws ZenlayerException an AUTHFAILURE_* error when verification rejects the request
     */
    public static String authenticate(Context ctx, byte[] rawBody) {
        return account(ctx);
    }

    /** The account named by the Authorization header, without any check. */
    public static String account(Context ctx) {
        return accountOf(ctx.header("Authorization"));
    }

    static String accountOf(String authorization) {
        if (authorization == null) return InstanceStore.DEFAULT_ACCOUNT;
        String a = authorization.trim();
        if (a.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = a.substring(7).trim();
            return token.isEmpty() ? InstanceStore.DEFAULT_ACCOUNT : token;
        }
        if (a.startsWith(SIGNATURE_METHOD)) {
            Matcher m = CREDENTIAL.matcher(a);
            if (m.find()) return m.group(1);
        }
        return InstanceStore.DEFAULT_ACCOUNT;
    }
}
