package io.cloudmock.testcontainers;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.time.Duration;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real image in Docker, through {@link CloudMockContainer}: runs wherever a Docker engine is (ci.yml's image
 * job runs it on the image it just built, {@code -Dcloudmock.image=cloudmock:ci}) and is disabled without one,
 * as on the machine this project is built on.
 */
@Testcontainers(disabledWithoutDocker = true)
class CloudMockContainerTest {
    @Container
    static final CloudMockContainer cloud = new CloudMockContainer(System.getProperty("cloudmock.image", "cloudmock:ci"))
            .withManualClock().withTransitionDelay(Duration.ofSeconds(2)).withControlToken("s3cret");

    @Test
    void aServerStopsWhenTheTestMovesTheClock() {
        JsonNode health = cloud.control().health();
        assertEquals("ok", health.get("status").asText());

        String id = cloud.control().createInstance("ncp", "RUN", Map.of("serverName", "web")).get("id").asText();
        RestAssured.given().baseUri(cloud.ncpEndpoint()).queryParam("responseFormatType", "json")
                .queryParam("serverInstanceNoList.1", id).get("/vserver/v2/stopServerInstances")
                .then().statusCode(200);
        assertEquals("SHTDN", cloud.control().instances("ncp", null).get(0).get("state").asText());
        cloud.control().advanceSeconds(2);
        assertEquals("NSTOP", cloud.control().instances("ncp", null).get(0).get("state").asText());
    }

    @Test
    void zenlayerAnswersAtItsEndpoint() {
        RestAssured.given().baseUri(cloud.zenlayerVmUrl()).contentType("application/json")
                .header("X-ZC-Action", "DescribeZones").header("X-ZC-Version", "2026-04-01").body("{}")
                .post().then().statusCode(200).body("response.zoneSet.size()", greaterThan(0));
        RestAssured.given().baseUri(cloud.baseUrl()).get("/_cloudmock/health").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
    }
}
