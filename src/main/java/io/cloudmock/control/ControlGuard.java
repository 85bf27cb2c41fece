package io.cloudmock.control;

import io.cloudmock.Config;
import io.cloudmock.core.http.HttpCall;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;

/**
 * The rules of every control call (DESIGN.md section 1), in one place: a before-handler of {@code /_cloudmock/*}.
 * A local server must not be steerable by a web page the developer has open, so, in this order:
 * <ol>
 *   <li>a {@code Host} outside {@code --allowed-hosts} is 403 (DNS rebinding: the page's own name, resolved to
 *       127.0.0.1, would otherwise read {@code /_cloudmock/state} as same-origin);</li>
 *   <li>an {@code Origin} other than this server's own is 403 (a cross-site {@code fetch} or form POST);</li>
 *   <li>with {@code --control-token}, a missing or wrong {@code Authorization: Bearer} is 401 (not for the
 *       dashboard's static files, {@link DashboardRoute});</li>
 *   <li>a body that is not JSON as {@code application/json} (or curl's default form type) is 415:
 *       {@code text/plain} and {@code multipart/form-data} are what a page may POST without a preflight.</li>
 * </ol>
 */
final class ControlGuard {
    private final Config config;

    ControlGuard(Config config) { this.config = config; }

    /** The before-handler: answers the refusal and skips the route, or lets the request through. */
    void check(HttpCall ctx) {
        ControlError refusal = refusal(ctx);
        if (refusal == null) return;
        ControlRoutes.replyError(ctx, refusal);
        ctx.skipRemainingHandlers();
    }

    private ControlError refusal(HttpCall ctx) {
        String host = ctx.header("Host");
        if (host != null && !hostAllowed(hostName(host))) {
            return new ControlError(403, "FORBIDDEN_HOST", "the control API answers the Host names of --allowed-hosts ("
                    + String.join(",", config.allowedHosts()) + "), not '" + hostName(host)
                    + "'; start cloudmock with --allowed-hosts to add it, or * to allow any");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !sameOrigin(origin, host)) {
            return new ControlError(403, "FORBIDDEN_ORIGIN",
                    "the control API refuses requests from another origin (" + origin + ")");
        }
        String token = config.controlToken();
        // the dashboard's own files hold no state and a browser cannot send a header on navigation: the page
        // loads, and its script asks for the token when the API answers 401
        if (token != null && !DashboardRoute.isAsset(ctx.path()) && !tokenMatches(token, ctx.header("Authorization"))) {
            return new ControlError(401, "UNAUTHORIZED", "the control API needs Authorization: Bearer <control token>");
        }
        if (hasBody(ctx) && !jsonType(ctx.header("Content-Type"))) {
            String type = ctx.header("Content-Type");
            return new ControlError(415, "UNSUPPORTED_MEDIA_TYPE", "the control API takes JSON bodies sent as "
                    + "application/json, not " + (type == null ? "a body without Content-Type" : "'" + type + "'"));
        }
        return null;
    }

    /** {@code name}, {@code name:port}, {@code [v6]} or {@code [v6]:port}, as the name alone, lower case. */
    static String hostName(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private boolean hostAllowed(String name) {
        List<String> allowed = config.allowedHosts();
        if (allowed.contains("*") || allowed.contains(name)) return true;
        // the address it was told to bind (not a wildcard one) is its own name too
        String bound = config.host() == null ? "" : config.host().toLowerCase(Locale.ROOT);
        if (bound.contains(":")) bound = "[" + bound + "]";
        return !bound.equals("0.0.0.0") && !bound.equals("[::]") && bound.equals(name);
    }

    /** The dashboard's own pages send {@code Origin: http://<the Host they were loaded from>}. */
    private static boolean sameOrigin(String origin, String host) {
        if (host == null) return false;
        String o = origin.strip();
        return o.equalsIgnoreCase("http://" + host.strip()) || o.equalsIgnoreCase("https://" + host.strip());
    }

    /** Constant-time comparison, so the token cannot be guessed from response times. */
    private static boolean tokenMatches(String token, String authorization) {
        if (authorization == null) return false;
        return MessageDigest.isEqual(("Bearer " + token).getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean hasBody(HttpCall ctx) {
        long length = ctx.contentLength();
        return length > 0 || (length < 0 && ctx.header("Transfer-Encoding") != null);
    }

    /** JSON, or curl's default for {@code -d} (the body is read as JSON whatever the form type says). */
    private static boolean jsonType(String contentType) {
        if (contentType == null) return false;
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"))
                || media.equals("application/x-www-form-urlencoded");
    }
}
