package io.cloudmock.auth;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudmock.CloudMock;
import io.cloudmock.Config;
import io.cloudmock.core.Json;
import io.cloudmock.core.Secrets;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A client that swapped its access key and secret key (NCLOUD_ACCESS_KEY / NCLOUD_SECRET_KEY the wrong way round)
 * sends the secret where the access key goes. cloudmock used to take it as the account name: the request log line
 * ({@code account=<secret>}), the signature warning ("access key <secret> is not among --credentials") and the
 * journal all showed the secret. It is now named by a hash, as a bearer token is.
 */
class SwappedKeysTest {
    private static final String SECRET = "Sw4ppedSecretKey0123";
    private static CloudMock mock;
    private static final Logger ROOT = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private static final ListAppender<ILoggingEvent> LOGGED = new ListAppender<>();

    @BeforeAll
    static void start() {
        LOGGED.start();
        ROOT.addAppender(LOGGED);
        mock = CloudMock.builder().port(0).manualClock().auth(Config.AuthMode.VERIFY).credential("AKSWAP", SECRET).start();
    }

    @AfterAll
    static void stop() {
        mock.close();
        ROOT.detachAppender(LOGGED);
    }

    @Test
    void aSecretSentAsTheAccessKeyReachesNoLogLineNorTheJournal() throws Exception {
        HttpResponse<String> ncp = SignedClient.ncpGet(mock.baseUrl(), "/vserver/v2/getRegionList?responseFormatType=json",
                SECRET, "AKSWAP", System.currentTimeMillis());
        assertEquals(401, ncp.statusCode(), ncp.body());
        HttpResponse<String> zen = SignedClient.zenlayer(mock.baseUrl(), "DescribeZones", "{}", SECRET, "AKSWAP",
                System.currentTimeMillis() / 1000);
        assertEquals(401, zen.statusCode(), zen.body());

        String journal = RestAssured.given().baseUri(mock.baseUrl()).get("/_cloudmock/requests").asString();
        JsonNode requests = Json.MAPPER.readTree(journal).get("requests");
        assertEquals(2, requests.size(), journal);
        for (JsonNode entry : requests) assertEquals(Secrets.secretAccount(SECRET), entry.get("account").textValue(), journal);
        assertFalse(journal.contains(SECRET), journal);
        synchronized (LOGGED) {
            assertFalse(LOGGED.list.isEmpty(), "the request log and the signature warnings were captured");
            for (ILoggingEvent e : LOGGED.list) {
                assertFalse(e.getFormattedMessage().contains(SECRET), e.getFormattedMessage());
                assertFalse(String.valueOf(e.getKeyValuePairs()).contains(SECRET), String.valueOf(e.getKeyValuePairs()));
            }
        }
    }
}
