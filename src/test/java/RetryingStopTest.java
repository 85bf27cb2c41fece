import io.cloudmock.junit.CloudMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryingStopTest {
    @RegisterExtension
    static final CloudMockExtension cloud = new CloudMockExtension();   // one server per class, manual clock

    /** The code under test: stops a server, and asks once more when NCP refuses the first time. */
    static int stopWithOneRetry(String endpoint, String serverNo) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest stop = HttpRequest.newBuilder(URI.create(
                endpoint + "/vserver/v2/stopServerInstances?serverInstanceNoList.1=" + serverNo)).build();
        int status = http.send(stop, BodyHandlers.discarding()).statusCode();
        return status == 200 ? status : http.send(stop, BodyHandlers.discarding()).statusCode();
    }

    @Test
    void retriesAFailedStop() throws Exception {
        String id = cloud.control().createInstance("ncp", "RUN", Map.of("serverName", "web")).get("id").asText();
        cloud.control().failNext("ncp", "stopServerInstances", 1, 400, "25041");   // the first stop is refused

        assertEquals(200, stopWithOneRetry(cloud.baseUrl(), id));   // cloud.baseUrl() is NCLOUD_API_GW

        assertEquals(2, cloud.control().requests("ncp", null, "stopServerInstances").size());
        assertEquals("SHTDN", cloud.control().instances("ncp", null).get(0).get("state").asText());
        cloud.control().advanceSeconds(2);                            // the stop completes, no sleeping
        assertEquals("NSTOP", cloud.control().instances("ncp", null).get(0).get("state").asText());
    }
}
