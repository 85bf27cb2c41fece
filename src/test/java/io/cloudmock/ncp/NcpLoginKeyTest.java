package io.cloudmock.ncp;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.security.KeyFactory;
import java.util.Base64;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login keys (/vserver/v2): create (a PEM), import, list, delete, and their use by createServerInstances. */
class NcpLoginKeyTest extends NcpApi {
    static final String PUBLIC_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC7 me@host";

    @Test
    void createAnswersAnRsaPemOnceAndTheListShowsTheKeyAtOnce() throws Exception {
        Response r = vpc("createLoginKey", "keyName", "tf-key");
        r.then().statusCode(200).body("createLoginKeyResponse.keyName", equalTo("tf-key"))
                .body("createLoginKeyResponse.returnCode", equalTo("0"));
        assertFalse(r.asString().contains("totalRows"), r.asString());
        String pem = r.jsonPath().getString("createLoginKeyResponse.privateKey");
        assertTrue(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----\nMII"), pem);
        assertTrue(pem.endsWith("\n-----END RSA PRIVATE KEY-----"), pem);
        // a PKCS#1 key: wrapped as PKCS#8 it must parse as RSA
        byte[] pkcs1 = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        assertEquals(0x30, pkcs1[0] & 0xFF);
        KeyFactory.getInstance("RSA").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(pkcs8(pkcs1)));
        // Terraform: getLoginKeyList(keyName) right after create, first item's keyName
        vpc("getLoginKeyList", "keyName", "tf-key").then().body("getLoginKeyListResponse.totalRows", equalTo(1))
                .body("getLoginKeyListResponse.loginKeyList[0].keyName", equalTo("tf-key"));
        String fp = vpc("getLoginKeyList").jsonPath().getString("getLoginKeyListResponse.loginKeyList[0].fingerprint");
        assertTrue(fp.matches("([0-9a-f]{2}:){15}[0-9a-f]{2}"), fp);
        vpc("createLoginKey", "keyName", "tf-key").then().statusCode(400).body("responseError.returnCode", equalTo("10405"))
                .body("responseError.returnMessage", equalTo("The key name already exists."));
        vpc("createLoginKey", "keyName", "Bad_Key").then().statusCode(400).body("responseError.returnCode", equalTo("24105"));
        String auto = vpc("createLoginKey").jsonPath().getString("createLoginKeyResponse.keyName");
        assertTrue(auto.matches("key[0-9a-f]{11}"), auto);
        vpc("getLoginKeyList").then().body("getLoginKeyListResponse.totalRows", equalTo(2));
    }

    /** PKCS#8 PrivateKeyInfo around an RSA PKCS#1 key. */
    private static byte[] pkcs8(byte[] pkcs1) {
        byte[] alg = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] octet = der(0x04, pkcs1);
        byte[] version = {0x02, 0x01, 0x00};
        byte[] body = new byte[version.length + alg.length + octet.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(alg, 0, body, version.length, alg.length);
        System.arraycopy(octet, 0, body, version.length + alg.length, octet.length);
        return der(0x30, body);
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] head = n < 128 ? new byte[] {(byte) tag, (byte) n} : new byte[] {(byte) tag, (byte) 0x82, (byte) (n >> 8), (byte) n};
        byte[] out = new byte[head.length + n];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(content, 0, out, head.length, n);
        return out;
    }

    @Test
    void importListAndDelete() {
        vpc("importLoginKey", "keyName", "mine", "publicKey", PUBLIC_KEY).then().statusCode(200)
                .body("importLoginKeyResponse.totalRows", equalTo(1))
                .body("importLoginKeyResponse.loginKeyList[0].keyName", equalTo("mine"));
        vpc("importLoginKey", "keyName", "bad", "publicKey", "not a key").then().statusCode(400)
                .body("responseError.returnCode", equalTo("10407"));
        vpc("importLoginKey", "keyName", "bad").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        String xml = vpcXml("getLoginKeyList").asString();
        assertTrue(xml.contains("<loginKeyList>\n    <loginKey>\n      <fingerprint>"), xml);
        assertTrue(xml.contains("<keyName>mine</keyName>\n      <createDate>"), xml);
        vpc("getLoginKeyList", "keyName", "min").then().body("getLoginKeyListResponse.totalRows", equalTo(0));
        // unknown names succeed; the answer has no payload
        Response d = vpc("deleteLoginKeys", "keyNameList.1", "mine", "keyNameList.2", "never-was");
        d.then().statusCode(200).body("deleteLoginKeysResponse.returnCode", equalTo("0"));
        assertFalse(d.asString().contains("totalRows"), d.asString());
        vpc("getLoginKeyList", "keyName", "mine").then().body("getLoginKeyListResponse.totalRows", equalTo(0));
        vpc("deleteLoginKeys").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        // account-wide: no region is needed or checked against the key
        call("OTHER", "/vserver/v2/", "getLoginKeyList", true).then().body("getLoginKeyListResponse.totalRows", equalTo(0));
    }

    @Test
    void serversNameAKeyThatExists() {
        vpc("createServerInstances", NcpVpcApiTest.concat(place(), "serverImageProductCode", UBUNTU, "loginKeyName", "nokey"))
                .then().statusCode(400).body("responseError.returnCode", equalTo("10406"));
        vpc("getServerInstanceList").then().body("getServerInstanceListResponse.totalRows", equalTo(0));
        vpc("createLoginKey", "keyName", "first").then().statusCode(200);
        vpc("createLoginKey", "keyName", "second").then().statusCode(200);
        // without a name: the most recently created key
        String id = createVpc();
        assertEquals("second", detail(id).getString("loginKeyName"));
        assertEquals("first", detail(createVpc("loginKeyName", "first")).getString("loginKeyName"));
        // a key in use may be deleted; the server keeps its name
        vpc("deleteLoginKeys", "keyNameList.1", "second").then().statusCode(200);
        assertEquals("second", detail(id).getString("loginKeyName"));
    }
}
