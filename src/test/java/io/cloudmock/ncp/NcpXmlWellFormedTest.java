package io.cloudmock.ncp;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whatever a client stored, the XML answer stays well-formed: characters XML 1.0 cannot carry (control
 * characters, U+FFFE) would otherwise break every later XML read of the account (the Java SDK's default).
 */
class NcpXmlWellFormedTest extends NcpApi {

    private static org.w3c.dom.Document parse(Response r) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.asByteArray()));
    }

    @Test
    void aDescriptionWithCharactersXmlCannotCarryStillGivesWellFormedXml() throws Exception {
        String id = createVpc("serverDescription", "a\u0001b\uFFFEc\td");
        Response list = vpcXml("getServerInstanceList");
        list.then().statusCode(200).contentType("application/xml");
        var doc = parse(list);
        assertEquals("a\uFFFDb\uFFFDc\td", doc.getElementsByTagName("serverDescription").item(0).getTextContent());
        assertEquals(id, doc.getElementsByTagName("serverInstanceNo").item(0).getTextContent());
        // JSON carries the characters as they were sent
        vpc("getServerInstanceDetail", "serverInstanceNo", id).then().statusCode(200)
                .body("getServerInstanceDetailResponse.serverInstanceList[0].serverDescription",
                        org.hamcrest.Matchers.equalTo("a\u0001b\uFFFEc\td"));
    }

    @Test
    void anErrorEchoingAValueXmlCannotCarryIsWellFormed() throws Exception {
        Response r = vpcXml("getServerInstanceList", "sortedBy", "x\u0002y");
        r.then().statusCode(400).contentType("application/xml");
        assertEquals("900", parse(r).getElementsByTagName("returnCode").item(0).getTextContent());
    }
}
