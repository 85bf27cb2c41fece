package io.cloudmock.ncp;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NcpFormatTest {

    private static Map<String, Object> payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("totalRows", 1);
        p.put("regionList", new NcpList("region", List.of(Map.of("regionCode", "KR"))));
        p.put("eventList", new NcpList("event", List.of()));
        return p;
    }

    @Test
    void jsonIsPrettyWithASpaceAfterTheRootColonAndNoTrailingNewline() {
        String body = NcpFormat.JSON.success("getRegionList", payload(), "rid");
        assertEquals("""
                {
                  "getRegionListResponse": {
                    "totalRows": 1,
                    "regionList": [
                      {
                        "regionCode": "KR"
                      }
                    ],
                    "eventList": [],
                    "requestId": "rid",
                    "returnCode": "0",
                    "returnMessage": "success"
                  }
                }""", body);
    }

    @Test
    void xmlPutsTheCommonFieldsFirstAndWrapsLists() {
        String body = NcpFormat.XML.success("getRegionList", payload(), "rid");
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <getRegionListResponse>
                  <requestId>rid</requestId>
                  <returnCode>0</returnCode>
                  <returnMessage>success</returnMessage>
                  <totalRows>1</totalRows>
                  <regionList>
                    <region>
                      <regionCode>KR</regionCode>
                    </region>
                  </regionList>
                  <eventList/>
                </getRegionListResponse>""", body);
    }

    @Test
    void xmlEscapesText() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("serverDescription", "a<b & \"c\"");
        String body = NcpFormat.XML.success("x", p, "r");
        assertTrue(body.contains("<serverDescription>a&lt;b &amp; \"c\"</serverDescription>"), body);
    }

    @Test
    void errorsInTheServiceLayout() {
        assertEquals("{\"responseError\": {\n  \"returnCode\": \"24120\",\n  \"returnMessage\": \"bad \\\"no\\\"\"\n}}",
                NcpFormat.JSON.error("24120", "bad \"no\""));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<responseError>\n  <returnCode>24120</returnCode>\n  <returnMessage>bad</returnMessage>\n</responseError>",
                NcpFormat.XML.error("24120", "bad"));
    }

    @Test
    void gatewayErrorsAsCaptured() {
        assertEquals("{\"error\":{\"errorCode\":\"300\",\"message\":\"Not Found Exception\",\"details\":\"URL not found.\"}}",
                NcpFormat.JSON.gatewayError("300", "Not Found Exception", "URL not found."));
    }

    @Test
    void formatChoice() {
        assertEquals(NcpFormat.JSON, NcpFormat.of("json"));
        assertEquals(NcpFormat.JSON, NcpFormat.of("JSON"));
        assertEquals(NcpFormat.XML, NcpFormat.of(null));
        assertEquals(NcpFormat.XML, NcpFormat.of("xml"));
    }

    @Test
    void aServerIsRenderedAsItWasWhenTheHandlerTookItsViewNotAsItIsWhenTheReplyIsWritten() {
        // the reply is written after the account lock is released: another request may have moved the server on
        io.cloudmock.core.Resource server = new io.cloudmock.core.Resource("ncp", NcpModel.KIND, "AK1", "10000001", "RUN",
                java.time.Instant.parse("2026-12-02T00:00:00Z"), new LinkedHashMap<>(Map.of("serverName", "web")));
        Map<String, Object> payload = NcpServerView.payload(List.of(server), NcpFlavour.VPC);
        server.force("GONE", java.time.Instant.parse("2026-12-02T00:01:00Z"));
        for (NcpFormat format : NcpFormat.values()) {
            String body = format.success("terminateServerInstances", payload, "rid");
            assertTrue(body.contains(format == NcpFormat.JSON ? "\"code\": \"RUN\"" : "<code>RUN</code>"), body);
        }
    }
}
