package io.cloudmock.core;

import io.javalin.http.Context;

/**
 * The request target (path and query) exactly as the client sent it, for signatures computed over it. The
 * servlet view loses a bare trailing {@code ?} (its query string is then empty or null), which the NCP Java SDK
 * sends and signs for a call without parameters ({@code GET /vserver/v2/getRegionList?}); Jetty's own URI of
 * the request keeps it.
 */
public final class RequestTarget {
    private RequestTarget() {}

    /** Raw path, plus {@code ?} and the raw query whenever the request line had a {@code ?}. */
    public static String raw(Context ctx) {
        org.eclipse.jetty.ee10.servlet.ServletContextRequest jetty =
                org.eclipse.jetty.ee10.servlet.ServletContextRequest.getServletContextRequest(ctx.req());
        if (jetty != null) {
            org.eclipse.jetty.http.HttpURI uri = jetty.getHttpURI();
            String query = uri.getQuery();
            return uri.getPath() + (query == null ? "" : "?" + query);
        }
        String query = ctx.queryString(); // not under Jetty (never in cloudmock itself)
        return ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}
