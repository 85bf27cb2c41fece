package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the Terraform replay tests share: calls as ncloud-sdk-go-v2 posts them, the provider's retry loops and its
 * waiters (StateChangeConf: any state outside pending and target fails), polling on the manual clock.
 */
abstract class NcpTerraformCalls extends NcpApi {
    static final String V = "/vserver/v2/";
    static final String N = "/vpc/v2/";

    final List<String> calls = new ArrayList<>();

    /** A call as the Go SDK makes it; a 400 comes back as its responseError (for the retrying callers). */
    JsonNode post(String prefix, String action, Object... kv) {
        calls.add(action);
        StringBuilder body = new StringBuilder("responseFormatType=json");
        for (int k = 0; k < kv.length; k += 2) {
            body.append('&').append(kv[k]).append('=').append(java.net.URLEncoder.encode(kv[k + 1].toString(), StandardCharsets.UTF_8));
        }
        Response r = given().contentType("application/x-www-form-urlencoded").body(body.toString()).post(prefix + action);
        if (r.statusCode() == 400) {
            JsonNode e = goSdkCut("{\"x\":" + r.asString() + "}");
            assertTrue(e.get("returnCode").isTextual() && e.get("returnMessage").isTextual(), r.asString());
            return e;
        }
        assertEquals(200, r.statusCode(), action + ": " + r.asString());
        return goSdkCut(r.asString());
    }

    JsonNode ok(String prefix, String action, Object... kv) {
        JsonNode j = post(prefix, action, kv);
        if (j.has("returnCode") && !j.get("returnCode").textValue().equals("0")) fail(action + ": " + j);
        return j;
    }

    /** Retries while the call answers one of {@code codes}, 5 s apart, as the provider's retry loops do. */
    JsonNode retrying(Set<String> codes, String prefix, String action, Object... kv) {
        for (int n = 0; n < 20; n++) {
            JsonNode j = post(prefix, action, kv);
            if (!j.has("returnCode") || j.get("returnCode").textValue().equals("0")) return j;
            if (!codes.contains(j.get("returnCode").textValue())) fail(action + ": " + j);
            advance(5);
        }
        throw new AssertionError(action + " kept failing");
    }

    void waitFor(String what, Supplier<String> refresh, Set<String> pending, String target) {
        for (int n = 0; n < 30; n++) {
            String state = refresh.get();
            if (state.equals(target)) return;
            if (!pending.contains(state)) fail(what + ": unexpected state " + state + " (pending " + pending + ")");
            advance(1);
        }
        fail(what + ": never reached " + target);
    }

    /** VpcCommonStateRefreshFunc: an empty detail list is the synthetic state TERMINATED. */
    String state(String prefix, String action, String param, String no, String list, String status) {
        JsonNode items = ok(prefix, action, param, no).get(list);
        return items.isEmpty() ? "TERMINATED" : items.get(0).get(status).get("code").textValue();
    }

    JsonNode defaultOf(JsonNode list) {
        for (JsonNode item : list) if (item.get("isDefault").booleanValue()) return item;
        return null;
    }

    /** GetPublicIp: publicIpInstanceNoList.1, more than one row is an error, none is null. */
    JsonNode publicIp(String no) {
        JsonNode list = ok(V, "getPublicIpInstanceList", "regionCode", "KR", "publicIpInstanceNoList.1", no).get("publicIpInstanceList");
        assertTrue(list.size() <= 1, "more than one public IP");
        if (list.isEmpty()) return null;
        JsonNode ip = list.get(0);
        assertTrue(ip.get("publicIpInstanceStatus").has("code") && ip.get("publicIpInstanceOperation").has("code"));
        return ip;
    }

    /** waitForPublicIpAssociation: a server number is shown. */
    void waitAssociated(String no) {
        waitFor("public ip association", () -> publicIp(no).get("serverInstanceNo").textValue().isEmpty() ? "pending" : "associated",
                Set.of("pending"), "associated");
    }

    /** waitForPublicIpDisassociation: no server number and operation NULL. */
    void waitDisassociated(String no) {
        waitFor("public ip disassociation", () -> {
            JsonNode ip = publicIp(no);
            return ip.get("serverInstanceNo").textValue().isEmpty()
                    && ip.get("publicIpInstanceOperation").get("code").textValue().equals("NULL") ? "disassociated" : "pending";
        }, Set.of("pending"), "disassociated");
    }

    /** ncloud_server's destroy: stop (RUN -> NSTOP), look for SVRBS volumes to detach (none here), terminate (-> gone). */
    void destroyServer(String serverNo) {
        ok(V, "stopServerInstances", "regionCode", "KR", "serverInstanceNoList.1", serverNo);
        waitFor("stop", () -> state(V, "getServerInstanceDetail", "serverInstanceNo", serverNo, "serverInstanceList",
                "serverInstanceStatus"), Set.of("RUN"), "NSTOP");
        assertEquals(0, ok(V, "getBlockStorageInstanceList", "serverInstanceNo", serverNo, "blockStorageTypeCodeList.1", "SVRBS")
                .get("totalRows").intValue());
        ok(V, "terminateServerInstances", "regionCode", "KR", "serverInstanceNoList.1", serverNo);
        waitFor("terminate", () -> state(V, "getServerInstanceDetail", "serverInstanceNo", serverNo, "serverInstanceList",
                "serverInstanceStatus"), Set.of("NSTOP"), "TERMINATED");
    }
}
