package io.cloudmock.core.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's routes, matched in the order they were added (the first that matches wins, so a catch-all is
 * added after what it falls back from). A path is literal segments, {@code {name}} (one non-empty segment, read
 * with {@link HttpCall#pathParam}) and, last, {@code <rest>} (one or more characters, slashes included). Paths
 * are matched as sent: a trailing slash is a different path.
 */
public final class Routes {
    /** Every method, for catch-alls: no method of HTTP (or of the future) falls through to a page of Jetty's. */
    public static final Set<String> ANY = Set.of();

    /** The canonical order of methods in an {@code Allow} header. */
    private static final List<String> METHOD_ORDER = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    /** What a route runs; it sets the answer on the call (or throws, for the server's 500). */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpCall call) throws Exception;
    }

    private record Filter(String prefix, Handler handler) {}

    private record Route(Set<String> methods, String pattern, String[] segments, String literalPrefix, boolean rest,
                         Handler handler) {
        boolean hasMethod(String method) { return methods.isEmpty() || methods.contains(method); }

        /** The path's parameters when it matches, else null. */
        Map<String, String> match(String path) {
            if (!path.startsWith(literalPrefix)) return null;
            if (segments == null) return path.length() == literalPrefix.length() ? Map.of() : null;
            Map<String, String> params = Map.of();
            int at = 1; // after the leading slash
            for (int i = 0; i < segments.length; i++) {
                String s = segments[i];
                boolean last = i == segments.length - 1;
                if (rest && last) {
                    return at < path.length() ? params : null;
                }
                int end = path.indexOf('/', at);
                if (end < 0) end = path.length();
                if (s.startsWith("{")) {
                    if (end == at) return null;
                    if (params.isEmpty()) params = new LinkedHashMap<>(2);
                    params.put(s.substring(1, s.length() - 1), path.substring(at, end));
                } else if (!path.regionMatches(at, s, 0, s.length()) || end - at != s.length()) {
                    return null;
                }
                if (last) return end == path.length() ? params : null;
                if (end == path.length()) return null;
                at = end + 1;
            }
            return params;
        }
    }

    private final List<Filter> filters = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();

    /** Runs {@code filter} first for the path {@code prefix} and every path under {@code prefix + "/"}. */
    public Routes before(String prefix, Handler filter) {
        filters.add(new Filter(prefix, filter));
        return this;
    }

    public Routes get(String path, Handler h) { return add(Set.of("GET"), path, h); }
    public Routes head(String path, Handler h) { return add(Set.of("HEAD"), path, h); }
    public Routes post(String path, Handler h) { return add(Set.of("POST"), path, h); }
    public Routes put(String path, Handler h) { return add(Set.of("PUT"), path, h); }
    public Routes delete(String path, Handler h) { return add(Set.of("DELETE"), path, h); }

    /** Every method. */
    public Routes any(String path, Handler h) { return add(ANY, path, h); }

    /** {@code methods} empty ({@link #ANY}) is every method. */
    public Routes add(Set<String> methods, String path, Handler handler) {
        if (!path.startsWith("/")) throw new IllegalArgumentException("a route's path starts with /: " + path);
        int special = firstSpecial(path);
        if (special < 0) {
            routes.add(new Route(Set.copyOf(methods), path, null, path, false, handler));
            return this;
        }
        String[] segments = path.substring(1).split("/", -1);
        boolean rest = segments[segments.length - 1].equals("<rest>");
        for (int i = 0; i < segments.length - (rest ? 1 : 0); i++) {
            if (segments[i].startsWith("<")) throw new IllegalArgumentException("<rest> comes last: " + path);
        }
        routes.add(new Route(Set.copyOf(methods), path, segments, path.substring(0, special), rest, handler));
        return this;
    }

    private static int firstSpecial(String path) {
        int brace = path.indexOf('{');
        int angle = path.indexOf('<');
        if (brace < 0) return angle;
        if (angle < 0) return brace;
        return Math.min(brace, angle);
    }

    /** A matched route: what runs, and the path's parameters. */
    record Match(Handler handler, Map<String, String> params) {}

    Match match(String method, String path) {
        for (Route r : routes) {
            if (!r.hasMethod(method)) continue;
            Map<String, String> params = r.match(path);
            if (params != null) return new Match(r.handler(), params);
        }
        return null;
    }

    List<Handler> filtersFor(String path) {
        List<Handler> out = List.of();
        for (Filter f : filters) {
            if (path.equals(f.prefix()) || (path.startsWith(f.prefix()) && path.charAt(f.prefix().length()) == '/')) {
                if (out.isEmpty()) out = new ArrayList<>(2);
                out.add(f.handler());
            }
        }
        return out;
    }

    /**
     * The methods that routes of their own (not catch-alls for every method) serve at {@code path} among those
     * whose pattern starts with {@code under}, in the order of an {@code Allow} header: a wrong method can be
     * told from a wrong path.
     */
    public List<String> allowedMethods(String path, String under) {
        java.util.Set<String> found = new java.util.HashSet<>();
        for (Route r : routes) {
            if (r.methods().isEmpty() || !r.pattern().startsWith(under)) continue;
            if (r.match(path) != null) found.addAll(r.methods());
        }
        List<String> out = new ArrayList<>();
        for (String m : METHOD_ORDER) if (found.remove(m)) out.add(m);
        found.stream().sorted().forEach(out::add);
        return out;
    }
}
