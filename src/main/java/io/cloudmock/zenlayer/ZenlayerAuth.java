package io.cloudmock.zenlayer;

import io.cloudmock.Config;
import io.cloudmock.core.Exchange;
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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ZenlayerAuth.class);

    private ZenlayerAuth() {}

    /**
     * The account of a request, checked: the single place where signature verification ({@code --auth
     * verify|log}, reference section 3 and 12.2) plugs in. It gets the raw body bytes because the signature
     * covers their hash. {@code off} reads the account only; {@code log} checks and logs but lets the request
     * through; {@code verify} rejects a failure. A failure's detail (what cloudmock signed) goes to the journal.
     *
     * @throws ZenlayerException an AUTHFAILURE_* error when verification rejects the request
     */
    public static String authenticate(Context ctx, byte[] rawBody, Config config, Exchange exchange) {
        if (config.auth() == Config.AuthMode.OFF) return account(ctx);
        ZenlayerSignature.Result result = ZenlayerSignature.verify(config.credentials(), ctx::header, rawBody, Instant.now());
        if (result.ok()) return result.accessKey();
        exchange.authDetail = result.detail();
        if (result.accessKey() != null) exchange.account = result.accessKey();  // a refused call is still the key's
        LOG.warn("Zenlayer signature check failed ({}{}): {}", result.outcome().code(),
                config.auth() == Config.AuthMode.LOG ? ", --auth log lets it through" : "", result.detail());
        if (config.auth() == Config.AuthMode.LOG) return result.accessKey() != null ? result.accessKey() : account(ctx);
        throw ZenlayerError.valueOf(result.outcome().code()).with();
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
