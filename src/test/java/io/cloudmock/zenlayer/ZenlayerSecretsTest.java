package io.cloudmock.zenlayer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Passwords never reach the journal (anyone with the control API reads it) as sent. */
class ZenlayerSecretsTest extends ZenlayerTestBase {

    @Test
    void passwordsAreRedactedInTheJournal() {
        List<String> ids = running(1);
        ok("StopInstances", ids(ids));
        advance(4);
        ok("ResetInstancesPassword", "{\"instanceIds\":[\"" + ids.get(0) + "\"],\"password\":\"N3wSecret!x\"}");
        String journal = given().get("/_cloudmock/requests").asString();
        assertFalse(journal.contains("Passw0rd!"), journal);
        assertFalse(journal.contains("N3wSecret!x"), journal);
        given().get("/_cloudmock/requests?action=CreateInstances").then()
                .body("requests[0].parameters.password", equalTo("***"))
                .body("requests[0].parameters.zoneId", equalTo("SEL-A"));
        given().get("/_cloudmock/requests?action=ResetInstancesPassword").then()
                .body("requests[0].parameters.password", equalTo("***"))
                .body("requests[0].parameters.instanceIds[0]", equalTo(ids.get(0)));
        assertTrue(journal.contains("\"***\""), journal);
    }

    @Test
    void ncpPrivateKeysAreRedactedInTheJournal() {
        given().get("/vserver/v2/getRootPassword?responseFormatType=json&serverInstanceNo=1&privateKey=-----BEGIN-KEY-xyz");
        String journal = given().get("/_cloudmock/requests?action=getRootPassword").asString();
        assertFalse(journal.contains("BEGIN-KEY-xyz"), journal);
        given().get("/_cloudmock/requests?action=getRootPassword").then()
                .body("requests[0].parameters.privateKey", equalTo("***"))
                .body("requests[0].parameters.serverInstanceNo", equalTo("1"));
    }
}
