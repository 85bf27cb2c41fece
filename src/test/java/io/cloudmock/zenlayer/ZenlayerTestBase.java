package io.cloudmock.zenlayer;

import io.cloudmock.support.EndToEndTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

/** Helpers for the Zenlayer end-to-end tests: signed-looking requests the way the SDKs send them. */
abstract class ZenlayerTestBase extends EndToEndTest {
    static final String V2026 = "2026-04-01";
    static final String V2023 = "2023-03-13";
    static final String REQUEST_ID = "T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}";
    static final String LOGIN = "\"password\":\"Passw0rd!\"";

    /** A request as the Go and Python SDKs send it: lower-case headers, application/json. */
    static RequestSpecification zc(String action, String version) {
        return given().contentType("application/json")
                .header("x-zc-action", action)
                .header("x-zc-version", version)
                .header("x-zc-timestamp", Long.toString(System.currentTimeMillis() / 1000))
                .header("x-zc-signature-method", "ZC2-HMAC-SHA256")
                .header("x-zc-service", "vm");
    }

    static ValidatableResponse call(String action, String body) { return call(action, V2026, body); }

    static ValidatableResponse call(String action, String version, String body) {
        return zc(action, version).body(body).post("/api/v2/vm").then().contentType("application/json");
    }

    /** A success: 200, the envelope with equal outer and inner requestIds. */
    static ValidatableResponse ok(String action, String body) { return ok(action, V2026, body); }

    static ValidatableResponse ok(String action, String version, String body) {
        ValidatableResponse r = call(action, version, body).statusCode(200)
                .body("requestId", matchesPattern(REQUEST_ID))
                .body("$", not(hasKey("code")));
        String outer = r.extract().path("requestId");
        return r.body("response.requestId", equalTo(outer));
    }

    /** An error: the status, the code, the three-key envelope with no response. */
    static ValidatableResponse fails(String action, String body, int status, String code) {
        return fails(call(action, body), status, code);
    }

    static ValidatableResponse fails(ValidatableResponse r, int status, String code) {
        return r.statusCode(status)
                .contentType("application/json")
                .body("code", equalTo(code))
                .body("requestId", matchesPattern(REQUEST_ID))
                .body("message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()))
                .body("$", not(hasKey("response")))
                .body("size()", equalTo(3));
    }

    static final String PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGJ0ZXN0a2V5Zm9yY2xvdWRtb2NrMDAwMDAwMDAwMDAw test@cloudmock";

    /** A CCS call (key pairs), version 2025-09-01. */
    static ValidatableResponse ccs(String action, String body) {
        return given().contentType("application/json")
                .header("x-zc-action", action)
                .header("x-zc-version", "2025-09-01")
                .header("x-zc-service", "ccs")
                .body(body).post("/api/v2/ccs").then().contentType("application/json");
    }

    /** Imports a key pair named {@code name} through CCS and returns its keyId. */
    static String importKey(String name) {
        return ccs("ImportKeyPair", "{\"keyName\":\"" + name + "\",\"publicKey\":\"" + PUBLIC_KEY + "\"}")
                .statusCode(200).extract().path("response.keyId");
    }

    /** Creates a subnet and lets it settle Available; returns its id. */
    static String subnet(String zoneId, String cidr) {
        String id = ok("CreateSubnet", "{\"zoneId\":\"" + zoneId + "\",\"cidrBlock\":\"" + cidr + "\",\"subnetName\":\"s-"
                + cidr.replace('/', '-') + "\"}").extract().path("response.subnetId");
        advance(2);
        return id;
    }

    /** The ready network's subnet of a zone ({@code POST /_cloudmock/networks}, which the journal does not record). */
    static String readySubnet(String zoneId) {
        List<String> ids = given().contentType("application/json").body("{\"provider\":\"zenlayer\"}").post("/_cloudmock/networks")
                .then().statusCode(201).extract().path("resources.findAll { it.kind == 'subnet' && it.fields.zoneId == '" + zoneId + "' }.id");
        return ids.get(0);
    }

    static String securityGroup(String name) {
        return ok("CreateSecurityGroup", "{\"securityGroupName\":\"" + name + "\"}").extract().path("response.securityGroupId");
    }

    static String createBody(int count) {
        return "{\"zoneId\":\"SEL-A\",\"imageId\":\"img-ubuntu-2204-x64\",\"instanceType\":\"c.1c2g\","
                + "\"instanceChargeType\":\"POSTPAID\",\"internetChargeType\":\"ByBandwidth\",\"instanceCount\":" + count
                + ",\"subnetId\":\"subnet-default-sel-a\"," + LOGIN + "}";
    }

    /** Creates {@code count} instances and returns their ids (PENDING until the clock moves). */
    static List<String> create(int count) {
        return ok("CreateInstances", createBody(count)).extract().path("response.instanceIdSet");
    }

    /** Creates instances and lets them settle RUNNING. */
    static List<String> running(int count) {
        List<String> ids = create(count);
        advance(4);
        return ids;
    }

    static String ids(List<String> ids) {
        StringBuilder b = new StringBuilder("{\"instanceIds\":[");
        for (int i = 0; i < ids.size(); i++) b.append(i == 0 ? "" : ",").append('"').append(ids.get(i)).append('"');
        return b.append("]}").toString();
    }

    static String state(String id) {
        return ok("DescribeInstancesStatus", ids(List.of(id))).extract().path("response.dataSet[0].instanceStatus");
    }

    static ValidatableResponse describe(String id) {
        return ok("DescribeInstances", ids(List.of(id)));
    }
}
