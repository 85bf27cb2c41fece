package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Account;
import io.cloudmock.core.RenderCache;
import io.cloudmock.core.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lists served from the render caches ({@link RenderCache}, {@link NcpEnvelopes}) are never stale: after each kind
 * of change, the answer served (with the caches warm) is byte for byte the answer rendered from nothing (caches
 * emptied), and it shows the change. Request ids are fixed so that two answers can be compared whole.
 */
class NcpListCacheTest extends NcpApi {
    private Supplier<String> ids;

    @BeforeEach
    void fixedRequestIds() {
        ids = mock.backend().requestIds();
        mock.backend().requestIds(() -> "rid-cache-test");
    }

    @AfterEach
    void realRequestIds() { mock.backend().requestIds(ids); }

    /** Every list under test, in both formats, for the default account. */
    private static List<String> lists() {
        List<String> out = new ArrayList<>();
        for (boolean json : new boolean[] {true, false}) {
            out.add(call(null, "/vserver/v2/", "getServerInstanceList", json).asString());
            out.add(call(null, "/vserver/v2/", "getServerInstanceList", json, "sortedBy", "serverName").asString());
            out.add(call(null, "/server/v2/", "getServerInstanceList", json).asString());
            out.add(call(null, "/vpc/v2/", "getVpcList", json).asString());
            out.add(call(null, "/vpc/v2/", "getSubnetList", json).asString());
            out.add(call(null, "/vserver/v2/", "getNetworkInterfaceList", json).asString());
            out.add(call(null, "/vserver/v2/", "getAccessControlGroupList", json).asString());
            out.add(call(null, "/vserver/v2/", "getBlockStorageInstanceList", json).asString());
        }
        return out;
    }

    /** The lists as served now (caches warm: each asked twice), which must equal the lists rendered afresh. */
    private static List<String> servedAndFresh() {
        lists();
        List<String> served = lists();
        RenderCache.clear();
        NcpEnvelopes.clear();
        List<String> fresh = lists();
        assertEquals(fresh, served, "a cached answer differs from a fresh rendering");
        return served;
    }

    private static Account account() { return mock.store().account("default"); }

    @Test
    void aTransitionSettledByTheClockShows() {
        String id = createVpc("serverName", "clocked");
        classic("createServerInstances", "serverImageProductCode", CENTOS_CLASSIC, "serverName", "old-school");
        List<String> before = servedAndFresh();
        assertTrue(before.get(0).contains("\"code\": \"INIT\""), before.get(0));
        advance(4);
        List<String> after = servedAndFresh();
        assertNotEquals(before.get(0), after.get(0));
        assertNotEquals(before.get(2), after.get(2), "the Classic server settled too");
        assertTrue(after.get(0).contains("\"code\": \"RUN\"") && after.get(0).contains(id), after.get(0));
    }

    @Test
    void changesByHandlersShow() {
        String a = runningVpc("serverName", "alpha");
        runningVpc("serverName", "beta");
        List<String> before = servedAndFresh();
        vpc("changeServerInstanceName", "serverInstanceNo", a, "serverName", "gamma").then().statusCode(200);
        List<String> renamed = servedAndFresh();
        assertNotEquals(before.get(0), renamed.get(0));
        assertNotEquals(before.get(1), renamed.get(1), "the sorted list is sorted again");
        assertTrue(renamed.get(0).contains("gamma") && !renamed.get(0).contains("alpha"));
        vpc("setProtectServerTermination", "serverInstanceNo", a, "isProtectServerTermination", "true").then().statusCode(200);
        List<String> protectedOne = servedAndFresh();
        assertNotEquals(renamed.get(0), protectedOne.get(0));
        vpc("stopServerInstances", "serverInstanceNoList.1", a).then().statusCode(200);
        assertNotEquals(protectedOne.get(0), servedAndFresh().get(0));
        advance(2);
        vpc("terminateServerInstances", "serverInstanceNoList.1", a).then().statusCode(400); // protected
        vpc("setProtectServerTermination", "serverInstanceNo", a, "isProtectServerTermination", "false").then().statusCode(200);
        vpc("terminateServerInstances", "serverInstanceNoList.1", a).then().statusCode(200);
        servedAndFresh();
        advance(60);
        List<String> gone = servedAndFresh();
        assertTrue(!gone.get(0).contains(a) && gone.get(0).contains("beta"), gone.get(0));
    }

    @Test
    void aForcedStateShows() {
        String id = runningVpc("serverName", "forced");
        List<String> before = servedAndFresh();
        mock.control().forceState("ncp", id, "NSTOP");
        List<String> after = servedAndFresh();
        assertNotEquals(before.get(0), after.get(0));
        assertTrue(after.get(0).contains("\"code\": \"NSTOP\""), after.get(0));
    }

    @Test
    void anImportedStateAndAResetShow() {
        runningVpc("serverName", "exported");
        List<String> before = servedAndFresh();
        JsonNode state = mock.control().exportState();
        // the same state back: new resources with the same content answer the same bytes
        mock.control().reset();
        List<String> empty = servedAndFresh();
        assertTrue(empty.get(0).contains("\"totalRows\": 0"), empty.get(0));
        mock.control().importState(state);
        assertEquals(before, servedAndFresh());
        // and with a server renamed in the file
        for (JsonNode a : state.get("accounts")) {
            for (JsonNode r : a.get("instances")) {
                if (r.path("fields").path("serverName").asText().equals("exported")) ((ObjectNode) r.get("fields")).put("serverName", "imported");
            }
        }
        mock.control().importState(state);
        List<String> renamed = servedAndFresh();
        assertTrue(renamed.get(0).contains("imported") && !renamed.get(0).contains("exported"), renamed.get(0));
    }

    /** Creates and changes in another account neither flush this account's items nor leak into its answers. */
    @Test
    void anotherAccountsChangesKeepThisAccountsItems() {
        runningVpc("serverName", "mine");
        runningVpc("serverName", "mine-too");
        List<String> before = servedAndFresh();
        List<RenderCache.Entry> entries = entries();
        mock.control().createInstances("ncp", "someone-else", "RUN", Map.of(), 5);
        mock.control().createInstances("ncp", "someone-else", "RUN", Map.of("serverName", "mine"), 1);
        JsonNode theirs = mock.control().instances("ncp", "someone-else");
        mock.control().forceState("ncp", "someone-else", theirs.get(0).get("id").asText(), "NSTOP");
        advance(10);
        List<RenderCache.Entry> now = entries();
        for (int k = 0; k < entries.size(); k++) assertSame(entries.get(k), now.get(k), "an item was viewed again");
        assertEquals(before, servedAndFresh());
    }

    /** The entries of the default account's VPC servers, asserting that none is viewed anew. */
    private static List<RenderCache.Entry> entries() {
        return account().atomically(tx -> {
            List<RenderCache.Entry> out = new ArrayList<>();
            for (Resource r : tx.view("ncp", NcpModel.KIND)) {
                out.add(RenderCache.entry(r, "vpc server", () -> { throw new AssertionError("viewed again: " + r); }));
            }
            return out;
        });
    }
}
