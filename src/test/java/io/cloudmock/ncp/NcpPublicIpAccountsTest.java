package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A public IP address is held by one account at a time, as on the real cloud: two access keys never get the same
 * address while one holds it; a released one comes back; an import keeps what it holds held.
 */
class NcpPublicIpAccountsTest extends NcpApi {
    private static final String IP = "publicIpInstanceList[0].";

    private static Response createIp(String account) {
        Response r = call(account, "/vserver/v2/", "createPublicIpInstance", true);
        assertEquals(200, r.statusCode(), r.asString());
        return r;
    }

    private static String address(Response created) {
        return created.jsonPath().getString("createPublicIpInstanceResponse." + IP + "publicIp");
    }

    private static String number(Response created) {
        return created.jsonPath().getString("createPublicIpInstanceResponse." + IP + "publicIpInstanceNo");
    }

    @Test
    void twoAccountsNeverHoldOneAddressAndAReleasedOneComesBack() {
        Response first = createIp("pa");
        assertEquals("203.0.113.1", address(first));
        assertEquals("203.0.113.2", address(createIp("pb")));
        // a server's own IP (associateWithPublicIp) comes from the same addresses
        Response server = call("pb", "/vserver/v2/", "createServerInstances", true, NcpVpcApiTest.concat(
                new Object[] {"serverImageProductCode", UBUNTU, "associateWithPublicIp", "true"}, place(net("pb"))));
        assertEquals(200, server.statusCode(), server.asString());
        String serverNo = server.jsonPath().getString("createServerInstancesResponse.serverInstanceList[0].serverInstanceNo");
        assertEquals("203.0.113.3", call("pb", "/vserver/v2/", "getServerInstanceDetail", true, "serverInstanceNo", serverNo)
                .jsonPath().getString("getServerInstanceDetailResponse.serverInstanceList[0].publicIp"));
        // each account's own order is kept: pa's next is the first address no one holds
        assertEquals("203.0.113.4", address(createIp("pa")));
        // pa releases .1: pb may have it now
        advance(2);
        call("pa", "/vserver/v2/", "deletePublicIpInstance", true, "publicIpInstanceNo", number(first)).then().statusCode(200);
        assertEquals("203.0.113.5", address(createIp("pb")), "a deleting IP still holds its address");
        advance(2);
        // gone as pa sees it (its deletion completes on its next call, as every transition here), then free for all
        call("pa", "/vserver/v2/", "getPublicIpInstanceDetail", true, "publicIpInstanceNo", number(first)).then().statusCode(200)
                .body("getPublicIpInstanceDetailResponse.totalRows", equalTo(0));
        assertEquals("203.0.113.1", address(createIp("pb")));
    }

    @Test
    void theControlApiCannotGiveAnAddressAnotherAccountHolds() {
        assertEquals("203.0.113.1", address(createIp("pa")));
        given().contentType("application/json").body("{\"provider\": \"ncp\", \"kind\": \"public-ip\", \"account\": \"pb\","
                + " \"fields\": {\"publicIp\": \"203.0.113.1\"}}").post("/_cloudmock/resources").then().statusCode(400)
                .body("error.code", equalTo("BAD_REQUEST")).body("error.message", containsString("203.0.113.1"));
        given().contentType("application/json").body("{\"provider\": \"ncp\", \"kind\": \"public-ip\", \"account\": \"pb\"}")
                .post("/_cloudmock/resources").then().statusCode(201).body("resources[0].fields.publicIp", equalTo("203.0.113.2"));
    }

    @Test
    void anImportKeepsItsAddressesHeldAndRefusesOneHeldTwice() {
        assertEquals("203.0.113.1", address(createIp("pa")));
        assertEquals("203.0.113.2", address(createIp("pb")));
        JsonNode state = given().get("/_cloudmock/state").then().statusCode(200).extract().as(JsonNode.class);
        given().contentType("application/json").body(state.toString()).put("/_cloudmock/state").then().statusCode(200);
        assertEquals("203.0.113.3", address(createIp("pc")), "the imported addresses are held");

        // pb's IP given pa's address: a state the live server never reaches
        ObjectNode twice = state.deepCopy();
        for (JsonNode account : twice.get("accounts")) {
            if (!account.get("name").asText().equals("pb")) continue;
            for (JsonNode i : account.get("instances")) {
                if (i.get("kind").asText().equals("public-ip")) ((ObjectNode) i.get("fields")).put("publicIp", "203.0.113.1");
            }
        }
        given().contentType("application/json").body(twice.toString()).put("/_cloudmock/state")
                .then().statusCode(400).body("error.code", equalTo("BAD_REQUEST"))
                .body("error.message", containsString("203.0.113.1"));
        // nothing changed: pc still holds .3, and .4 is the next free one
        assertEquals("203.0.113.4", address(createIp("pa")));
    }

    @Test
    void concurrentCreatesInManyAccountsNeverHandOutOneAddressTwice() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> made = new ArrayList<>();
        try {
            for (int k = 0; k < 64; k++) {
                String account = "p" + (k % 8);
                made.add(pool.submit(() -> address(createIp(account))));
            }
            Set<String> addresses = new HashSet<>();
            for (Future<String> f : made) assertTrue(addresses.add(f.get()), "an address was handed out twice: " + f.get());
            assertEquals(64, addresses.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
