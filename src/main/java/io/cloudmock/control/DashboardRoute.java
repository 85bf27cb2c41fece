package io.cloudmock.control;

import io.cloudmock.Version;
import io.cloudmock.core.http.Routes;
import io.cloudmock.core.http.HttpCall;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /_cloudmock/ui}: the dashboard, three static files from the jar (page, script, style sheet) that
 * talk to the control API over HTTP like any other client. The files themselves carry no state, so they are
 * served without the control token (a browser cannot send one on navigation); the script asks for the token
 * when the API answers 401.
 *
 * <p>The Content-Security-Policy is why the script and style are files of their own and not inline: only this
 * server's own scripts run, fetches may go to this origin alone ({@code connect-src 'self'}), and no other site
 * may frame the page (its buttons reset state, so a framing page must not be able to trick clicks onto them).
 */
final class DashboardRoute {
    static final String PATH = ControlRoutes.PREFIX + "/ui";
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private record Asset(String contentType, byte[] body) {}

    private final Map<String, Asset> assets = Map.of(
            PATH, load("dashboard.html", "text/html; charset=utf-8"),
            PATH + "/dashboard.js", load("dashboard.js", "text/javascript; charset=utf-8"),
            PATH + "/dashboard.css", load("dashboard.css", "text/css; charset=utf-8"));

    /** The page, its script and its style sheet: served to anyone the Host and Origin rules let through. */
    static boolean isAsset(String path) {
        return path.equals(PATH) || path.equals(PATH + "/dashboard.js") || path.equals(PATH + "/dashboard.css");
    }

    void register(Routes routes) {
        for (String path : assets.keySet()) routes.get(path, this::serve);
    }

    private void serve(HttpCall ctx) {
        Asset a = assets.get(ctx.path());
        secure(ctx);
        ctx.status(200).contentType(a.contentType()).result(a.body());
    }

    private static void secure(HttpCall ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        // a new jar may bring a new script: never run yesterday's against today's API
        ctx.header("Cache-Control", "no-cache");
    }

    private static Asset load(String name, String contentType) {
        try (InputStream in = DashboardRoute.class.getResourceAsStream("/io/cloudmock/dashboard/" + name)) {
            if (in == null) throw new IllegalStateException("dashboard file missing from the jar: " + name);
            return new Asset(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
