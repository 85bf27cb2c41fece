package io.cloudmock.zenlayer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key pairs through CCS 2025-09-01 and VM 2023-03-13, one store (network reference section 7). */
class ZenlayerKeyPairsTest extends ZenlayerTestBase {

    @Test
    void importDescribeModifyDeleteThroughCcs() {
        String twoKeys = PUBLIC_KEY + "\\nssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ== second\\n";
        String id = ccs("ImportKeyPair", "{\"keyName\":\"my_key-1\",\"publicKey\":\"" + twoKeys + "\",\"keyDescription\":\"ci\"}")
                .statusCode(200).body("response.size()", equalTo(2)).extract().path("response.keyId");
        assertTrue(id.matches("key-[A-Za-z0-9]{8}"), id);
        String body = ccs("DescribeKeyPairs", "{\"keyIds\":[\"" + id + "\"]}").statusCode(200).body("response.totalCount", equalTo(1))
                .extract().asString();
        Map<String, Object> k = io.restassured.path.json.JsonPath.from(body).getMap("response.dataSet[0]");
        assertEquals(List.of("keyId", "keyName", "publicKey", "keyDescription", "createTime"), List.copyOf(k.keySet()));
        // byte for byte, trailing newline included: Terraform's public_key is ForceNew
        assertEquals(PUBLIC_KEY + "\nssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ== second\n", k.get("publicKey"));
        assertEquals("ci", k.get("keyDescription"));
        ccs("DescribeKeyPairs", "{\"keyName\":\"key\"}").statusCode(200).body("response.dataSet.keyId", contains(id));
        ccs("DescribeKeyPairs", "{\"keyIds\":[\"key-nope0000\"]}").statusCode(200).body("response.totalCount", equalTo(0));
        ccs("ModifyKeyPairAttribute", "{\"keyId\":\"" + id + "\",\"keyDescription\":\"\"}").statusCode(200);
        ccs("DescribeKeyPairs", "{}").statusCode(200).body("response.dataSet[0].keyDescription", equalTo(""))
                .body("response.dataSet[0].keyName", equalTo("my_key-1"));
        fails(ccs("ModifyKeyPairAttribute", "{\"keyId\":\"key-nope0000\",\"keyDescription\":\"x\"}"), 404, "INVALID_KEY_PAIR_NOT_FOUND");
        fails(ccs("DeleteKeyPairs", "{\"keyIds\":[\"" + id + "\",\"key-nope0000\"]}"), 404, "INVALID_KEY_PAIR_NOT_FOUND");
        ccs("DescribeKeyPairs", "{}").statusCode(200).body("response.totalCount", equalTo(1));
        ccs("DeleteKeyPairs", "{\"keyIds\":[\"" + id + "\"]}").statusCode(200);
        ccs("DescribeKeyPairs", "{}").statusCode(200).body("response.totalCount", equalTo(0));
    }

    @Test
    void importChecks() {
        importKey("taken");
        fails(ccs("ImportKeyPair", "{\"keyName\":\"taken\",\"publicKey\":\"" + PUBLIC_KEY + "\"}"), 409, "INVALID_KEY_PAIR_NAME_EXIST");
        fails(ccs("ImportKeyPair", "{\"keyName\":\"bad name\",\"publicKey\":\"" + PUBLIC_KEY + "\"}"), 400, "INVALID_KEY_PAIR_MALFORMED");
        fails(call("ImportKeyPair", V2023, "{\"keyName\":\"bad name\",\"publicKey\":\"" + PUBLIC_KEY + "\"}"), 400, "INVALID_KEY_NAME_MALFORMED");
        fails(ccs("ImportKeyPair", "{\"keyName\":\"" + "k".repeat(33) + "\",\"publicKey\":\"" + PUBLIC_KEY + "\"}"), 400, "INVALID_KEY_PAIR_MALFORMED");
        fails(ccs("ImportKeyPair", "{\"keyName\":\"a\",\"publicKey\":\"pgp-key AAAA\"}"), 400, "INVALID_KEY_PAIR_ALGORITHM");
        fails(ccs("ImportKeyPair", "{\"keyName\":\"a\",\"publicKey\":\"ssh-rsa !!!\"}"), 400, "INVALID_PUBLIC_KEY_MALFORMED");
        fails(ccs("ImportKeyPair", "{\"keyName\":\"a\",\"publicKey\":\"" + (PUBLIC_KEY + "\\n").repeat(6) + "\"}"), 400, "INVALID_PUBLIC_KEY_EXCEED_LIMIT");
        fails(ccs("ImportKeyPair", "{\"keyName\":\"a\"}"), 400, "MISSING_PARAMETER");
        ccs("DescribeKeyPairs", "{}").statusCode(200).body("response.totalCount", equalTo(1));
    }

    @Test
    void vm2023ServesTheSameStoreAndVm2026HasNoKeyPairActions() {
        String id = ok("ImportKeyPair", V2023, "{\"keyName\":\"vm-key\",\"publicKey\":\"" + PUBLIC_KEY + "\"}").extract().path("response.keyId");
        ccs("DescribeKeyPairs", "{}").statusCode(200).body("response.dataSet.keyId", contains(id));
        ok("DescribeKeyPairs", V2023, "{}").body("response.dataSet", hasSize(1));
        fails(call("DescribeKeyPairs", V2026, "{}"), 401, "AUTHFAILURE_UNAUTHORIZED_OPERATION");
        ok("ModifyKeyPairAttribute", V2023, "{\"keyId\":\"" + id + "\",\"keyDescription\":\"d\"}");
        fails(given().contentType("application/json").header("x-zc-action", "CreateKeyPair").header("x-zc-version", "2025-09-01")
                .body("{}").post("/api/v2/ccs").then(), 401, "AUTHFAILURE_UNAUTHORIZED_OPERATION");
        fails(given().contentType("application/json").header("x-zc-action", "DescribeKeyPairs").header("x-zc-version", "2026-04-01")
                .body("{}").post("/api/v2/ccs").then(), 400, "INVALID_PARAMETER_VALUE");
        ok("DeleteKeyPairs", V2023, "{\"keyIds\":[\"" + id + "\"]}");
    }

    @Test
    void aKeyInUseMayBeDeletedAndTheInstanceKeepsItsKeyId() {
        String key = importKey("used");
        String i = ok("CreateInstances", createBody(1).replace(LOGIN, "\"keyId\":\"" + key + "\"")).extract().path("response.instanceIdSet[0]");
        fails("CreateInstances", createBody(1).replace(LOGIN, "\"keyId\":\"key-nope0000\""), 404, "INVALID_KEY_PAIR_NOT_FOUND");
        fails("CreateInstances", createBody(1).replace(LOGIN, "\"keyId\":\"" + key + "\"").replace("img-ubuntu-2204-x64", "img-windows-2022-x64"),
                400, "INVALID_PARAMETER_VALUE");
        ccs("DeleteKeyPairs", "{\"keyIds\":[\"" + key + "\"]}").statusCode(200);
        ok("DescribeInstances", "{\"instanceIds\":[\"" + i + "\"]}").body("response.dataSet[0].keyId", equalTo(key));
    }
}
