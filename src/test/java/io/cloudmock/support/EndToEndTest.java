package io.cloudmock.support;

import io.cloudmock.CloudMock;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;

/**
 * Base of the end-to-end tests: one cloudmock per test class on a free port, with the manual clock and a
 * 2 s transition delay, reset before each test. Time moves only through {@link #advance(long)}.
 */
public abstract class EndToEndTest {
    protected static CloudMock mock;

    @BeforeAll
    static void startCloudMock() {
        mock = CloudMock.builder().port(0).manualClock().transitionDelay(Duration.ofSeconds(2)).start();
    }

    @AfterAll
    static void stopCloudMock() {
        if (mock != null) mock.close();
    }

    @BeforeEach
    void resetCloudMock() {
        given().post("/_cloudmock/reset").then().statusCode(200);
    }

    /** A RestAssured request aimed at this class's cloudmock. */
    protected static RequestSpecification given() {
        return RestAssured.given().baseUri(mock.baseUrl()).urlEncodingEnabled(true);
    }

    /** Moves the manual clock forward through the control API, as a user would. */
    protected static void advance(long seconds) {
        given().contentType("application/json").body("{\"seconds\": " + seconds + "}")
                .post("/_cloudmock/clock/advance").then().statusCode(200);
    }
}
