package io.cloudmock.core.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The route table: first match in the order added, {@code {name}} and {@code <rest>} segments, methods. */
class RoutesTest {
    private final Routes.Handler action = call -> {};
    private final Routes.Handler prefix = call -> {};
    private final Routes.Handler rest = call -> {};
    private final Routes.Handler other = call -> {};
    private final Routes routes = new Routes()
            .add(Set.of("GET", "POST"), "/vserver/v2/{action}", action)
            .any("/vserver/v2", prefix)
            .any("/vserver/v2/", prefix)
            .any("/vserver/v2/<rest>", rest)
            .any("/vserver/<rest>", other)
            .put("/_cloudmock/instances/{provider}/{id}/state", action)
            .get("/_cloudmock/health", action)
            .head("/_cloudmock/health", action)
            .any("/_cloudmock/<rest>", rest);

    @Test
    void aParameterIsOneNonEmptySegment() {
        Routes.Match m = routes.match("GET", "/vserver/v2/getServerInstanceList");
        assertSame(action, m.handler());
        assertEquals(Map.of("action", "getServerInstanceList"), m.params());
        assertSame(rest, routes.match("GET", "/vserver/v2/a/b").handler());
        assertSame(prefix, routes.match("GET", "/vserver/v2/").handler(), "an empty segment is not an action");
        assertSame(prefix, routes.match("GET", "/vserver/v2").handler());
    }

    @Test
    void anotherMethodFallsToTheNextRouteThatTakesIt() {
        assertSame(rest, routes.match("DELETE", "/vserver/v2/getServerInstanceList").handler());
        assertSame(rest, routes.match("TRACE", "/vserver/v2/x").handler(), "catch-alls take every method, even unusual ones");
    }

    @Test
    void theFirstMatchInOrderWins() {
        assertSame(other, routes.match("GET", "/vserver/v1/getServerInstanceList").handler());
        assertSame(other, routes.match("GET", "/vserver/v2x").handler(), "a literal segment matches whole, not as a prefix");
        assertNull(routes.match("GET", "/vserver"), "<rest> needs at least one character");
        assertNull(routes.match("GET", "/vserver/"), "<rest> needs at least one character");
        assertNull(routes.match("GET", "/elsewhere"));
    }

    @Test
    void severalParametersAndLiteralsBetween() {
        Routes.Match m = routes.match("PUT", "/_cloudmock/instances/ncp/10000001/state");
        assertSame(action, m.handler());
        assertEquals(Map.of("provider", "ncp", "id", "10000001"), m.params());
        assertSame(rest, routes.match("PUT", "/_cloudmock/instances/ncp/10000001/state/").handler(),
                "a trailing slash is another path");
        assertSame(rest, routes.match("PUT", "/_cloudmock/instances/ncp//state").handler());
    }

    @Test
    void allowedMethodsNameOnlyRoutesOfTheirOwn() {
        assertEquals(List.of("GET", "HEAD"), routes.allowedMethods("/_cloudmock/health", "/_cloudmock/"));
        assertEquals(List.of("PUT"), routes.allowedMethods("/_cloudmock/instances/ncp/1/state", "/_cloudmock/"));
        assertEquals(List.of(), routes.allowedMethods("/_cloudmock/nothing", "/_cloudmock/"));
        assertEquals(List.of(), routes.allowedMethods("/vserver/v2/x", "/_cloudmock/"), "only routes under the prefix");
    }

    @Test
    void filtersRunForThePrefixAndBelowItOnly() {
        Routes.Handler guard = call -> {};
        Routes r = new Routes().before("/_cloudmock", guard);
        assertEquals(List.of(guard), r.filtersFor("/_cloudmock"));
        assertEquals(List.of(guard), r.filtersFor("/_cloudmock/health"));
        assertEquals(List.of(), r.filtersFor("/_cloudmockx"));
        assertEquals(List.of(), r.filtersFor("/"));
    }

    @Test
    void aRestSegmentComesLast() {
        assertThrows(IllegalArgumentException.class, () -> new Routes().any("/a/<rest>/b", rest));
        assertThrows(IllegalArgumentException.class, () -> new Routes().any("a", rest));
    }
}
