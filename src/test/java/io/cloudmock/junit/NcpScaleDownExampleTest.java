package io.cloudmock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a user of the extension writes: the code under test (a tiny scale-down routine, standing in for an
 * autoscaler built on an NCP SDK) runs against the real NCP emulation, and the test shapes the world with the
 * control client: servers in given states, one failure of the next call, time moved by hand.
 */
class NcpScaleDownExampleTest {

    @RegisterExtension
    static final CloudMockExtension cloud = new CloudMockExtension();

    /** The code under test: stop every running server named idle-*, retrying a refused stop once. */
    static List<String> scaleDown(String endpoint) throws Exception {
        JsonNode list = get(endpoint + "/vserver/v2/getServerInstanceList?responseFormatType=json&serverInstanceStatusCode=RUN");
        List<String> stopped = new ArrayList<>();
        for (JsonNode server : list.at("/getServerInstanceListResponse/serverInstanceList")) {
            if (!server.get("serverName").asText().startsWith("idle-")) continue;
            String url = endpoint + "/vserver/v2/stopServerInstances?responseFormatType=json&serverInstanceNoList.1="
                    + server.get("serverInstanceNo").asText();
            HttpResponse<String> r = send(url);
            if (r.statusCode() == 400) r = send(url);  // 25041: the server was busy; try once more
            if (r.statusCode() == 200) stopped.add(server.get("serverName").asText());
        }
        return stopped;
    }

    private static HttpResponse<String> send(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String url) throws Exception { return Json.MAPPER.readTree(send(url).body()); }

    @Test
    void stopsOnlyIdleRunningServersAndRetriesABusyOne() throws Exception {
        cloud.control().createInstance("ncp", "RUN", Map.of("serverName", "idle-1"));
        cloud.control().createInstance("ncp", "RUN", Map.of("serverName", "busy-1"));
        cloud.control().createInstance("ncp", "NSTOP", Map.of("serverName", "idle-2"));
        cloud.control().failNext("ncp", "stopServerInstances", 1, 400, "25041");

        assertEquals(List.of("idle-1"), scaleDown(cloud.baseUrl()));

        cloud.control().advanceSeconds(2);  // the shutdown completes: no sleeping
        Map<String, String> states = new java.util.TreeMap<>();
        for (JsonNode i : cloud.control().instances("ncp", "default")) {
            states.put(i.at("/fields/serverName").asText(), i.get("state").asText());
        }
        assertEquals(Map.of("busy-1", "RUN", "idle-1", "NSTOP", "idle-2", "NSTOP"), states);
        assertEquals(2, cloud.control().requests("ncp", null, "stopServerInstances").size());
    }
}
