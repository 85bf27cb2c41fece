package io.cloudmock;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Json;
import io.cloudmock.support.EndToEndTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests Jetty refuses before any route sees them: a path with {@code //} or {@code %2F} (ambiguous to Jetty),
 * headers over its 8 KiB limit. They used to get the control API's {@code {"error":{"code":"BAD_REQUEST"}}} on every
 * path, an envelope no cloud SDK reads (the Python Zenlayer SDK reads {@code code}, {@code message} and
 * {@code requestId} of every answer; the NCP SDKs and Terraform read the gateway's {@code error.errorCode}). Under a
 * provider's paths they now get its own error: NCP the gateway's 400 {@code 100} "Bad Request Exception" (reference
 * 7.3, "protocol/UTF-8 errors") in the format the query asks for, Zenlayer its three-key envelope.
 */
class ProviderMalformedRequestsTest extends EndToEndTest {

    record Raw(int status, String contentType, String body) {}

    /** Exactly these bytes on the wire: HTTP client libraries normalise or refuse such targets. */
    private static Raw raw(String method, String target, String extraHeader) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", mock.port())) {
            socket.setSoTimeout(10_000);
            String head = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (extraHeader == null ? "" : extraHeader + "\r\n") + "Content-Length: 0\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String headers = all.substring(0, split);
            String contentType = "";
            for (String line : headers.split("\r\n")) {
                if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) contentType = line.substring(13).trim();
            }
            return new Raw(Integer.parseInt(headers.substring(9, 12)), contentType, all.substring(split + 4));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String bigHeader() { return "X-Padding: " + "a".repeat(70_000); }

    @Test
    void ncpPathsGetTheGatewaysBadRequestInTheFormatAsked() throws Exception {
        for (String target : List.of("/vserver/v2//getServerInstanceList?responseFormatType=json",
                "/vpc/v2/get%2FVpcList?responseFormatType=json", "/server/v2//getZoneList?responseFormatType=JSON",
                "/vserver/v2/get%e9List?responseFormatType=json")) { // the last: not UTF-8, the gateway's "UTF-8 errors"
            Raw r = raw("POST", target, null);
            assertEquals(400, r.status(), target + ": " + r.body());
            assertTrue(r.contentType().startsWith("application/json"), target + ": " + r.contentType());
            JsonNode error = Json.MAPPER.readTree(r.body()).get("error");
            assertEquals("100", error.get("errorCode").textValue(), r.body());
            assertEquals("Bad Request Exception", error.get("message").textValue(), r.body());
        }
        Raw xml = raw("GET", "/vserver/v2//getRegionList", null);
        assertEquals(400, xml.status(), xml.body());
        assertTrue(xml.contentType().startsWith("application/xml"), xml.contentType());
        assertTrue(xml.body().contains("<Message>") && xml.body().contains("<errorCode>100</errorCode>"), xml.body());

        Raw tooBig = raw("GET", "/vserver/v2/getRegionList?responseFormatType=json", bigHeader());
        assertEquals(400, tooBig.status(), tooBig.body());
        assertEquals("100", Json.MAPPER.readTree(tooBig.body()).get("error").get("errorCode").textValue(), tooBig.body());
    }

    @Test
    void zenlayerPathsGetZenlayersEnvelope() throws Exception {
        Raw r = raw("POST", "/api/v2//vm", "X-ZC-Action: DescribeInstances");
        assertEquals(400, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertEquals(List.of("requestId", "code", "message"), iterable(body.fieldNames()), r.body());
        assertEquals("INVALID_PARAMETER_VALUE", body.get("code").textValue());
        assertTrue(body.get("requestId").textValue().startsWith("T"), r.body());

        Raw tooBig = raw("POST", "/api/v2/vm", bigHeader());
        assertEquals(400, tooBig.status(), tooBig.body());
        assertEquals("INVALID_PARAMETER_EXCEED_LENGTH", Json.MAPPER.readTree(tooBig.body()).get("code").textValue(), tooBig.body());
    }

    @Test
    void otherPathsKeepTheControlApisEnvelope() throws Exception {
        Raw r = raw("GET", "/_cloudmock//health", null);
        assertEquals(400, r.status(), r.body());
        assertEquals("BAD_REQUEST", Json.MAPPER.readTree(r.body()).get("error").get("code").textValue(), r.body());
    }

    private static <T> java.util.List<T> iterable(java.util.Iterator<T> it) {
        java.util.List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
