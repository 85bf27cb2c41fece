package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code PUT /_cloudmock/state} refuses what the live server could never reach (a resource without fields, two
 * servers of one name in an account, two interfaces of one address in a subnet), changing nothing, and takes back
 * whatever a busy server exports.
 */
class NcpStateImportChecksTest extends NcpApi {

    private static JsonNode export() {
        return given().get("/_cloudmock/state").then().statusCode(200).extract().as(JsonNode.class);
    }

    /** The exported instances of one kind, in order. */
    private static List<ObjectNode> of(JsonNode state, String kind) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode account : state.get("accounts")) {
            for (JsonNode i : account.get("instances")) if (i.get("kind").asText().equals(kind)) out.add((ObjectNode) i);
        }
        return out;
    }

    /** The export, changed by {@code change}, is refused with a message holding {@code says}, and nothing changes. */
    private static void refused(JsonNode before, Consumer<JsonNode> change, String says) {
        JsonNode bad = before.deepCopy();
        change.accept(bad);
        given().contentType("application/json").body(bad.toString()).put("/_cloudmock/state").then().statusCode(400)
                .contentType("application/json").body("error.code", equalTo("BAD_REQUEST"))
                .body("error.message", containsString(says));
        assertEquals(before.get("accounts"), export().get("accounts"));
    }

    /** Two servers (one with a public IP, one stopping), an extra interface and an IP of its own: a busy account. */
    private static JsonNode busy() {
        runningVpc("associateWithPublicIp", "true");
        String other = runningVpc();
        vpc("stopServerInstances", "serverInstanceNoList.1", other).then().statusCode(200);
        Net n = net();
        vpc("createNetworkInterface", "vpcNo", n.vpcNo(), "subnetNo", n.subnetNo(), "accessControlGroupNoList.1", n.acgNo())
                .then().statusCode(200);
        vpc("createPublicIpInstance").then().statusCode(200);
        JsonNode state = export();
        assertEquals(2, of(state, "server").size());
        assertEquals(3, of(state, "nic").size());
        return state;
    }

    @Test
    void aBusyServersExportImportsAsItIs() {
        JsonNode state = busy();
        given().contentType("application/json").body(state.toString()).put("/_cloudmock/state").then().statusCode(200);
        assertEquals(state.get("accounts"), export().get("accounts"));
    }

    @Test
    void aResourceWithNullFieldsIsRefused() {
        JsonNode state = busy();
        refused(state, s -> of(s, "server").get(0).putNull("fields"), ".fields must be an object");
    }

    @Test
    void twoServersOfOneNameInAnAccountAreRefused() {
        JsonNode state = busy();
        String name = of(state, "server").get(0).get("fields").get("serverName").asText();
        refused(state, s -> ((ObjectNode) of(s, "server").get(1).get("fields")).put("serverName", name), "serverName '" + name + "'");
    }

    @Test
    void twoInterfacesOfOneAddressInASubnetAreRefused() {
        JsonNode state = busy();
        String ip = of(state, "nic").get(0).get("fields").get("ip").asText();
        refused(state, s -> ((ObjectNode) of(s, "nic").get(1).get("fields")).put("ip", ip), "address " + ip + " of subnet");
    }
}
