package io.cloudmock.control;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cloudmock.support.EndToEndTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Control calls that change something leave one info line on {@code cloudmock.control}; reads leave none. */
class ControlLogTest extends EndToEndTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(ControlLog.LOGGER);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() { logger.detachAppender(lines); }

    private List<String> messages() {
        return lines.list.stream().filter(e -> e.getLevel() == Level.INFO).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private void json(String method, String path, String body, int status) {
        given().contentType("application/json").body(body).request(method, path).then().statusCode(status);
    }

    @Test
    void everyChangeIsOneInfoLine() {
        lines.list.clear(); // the base class's reset
        json("POST", "/_cloudmock/reset", "", 200);
        json("POST", "/_cloudmock/reset?account=AK1", "", 200);
        json("POST", "/_cloudmock/clock/advance", "{\"seconds\": 90}", 200);
        json("POST", "/_cloudmock/faults", "{\"provider\":\"ncp\",\"action\":\"stopServerInstances\",\"httpStatus\":400,\"code\":\"25041\",\"times\":2}", 201);
        json("DELETE", "/_cloudmock/faults", "", 200);
        String id = given().contentType("application/json").body("{\"provider\":\"ncp\",\"fields\":{\"serverName\":\"web\"}}")
                .post("/_cloudmock/instances").then().statusCode(201).extract().path("instances[0].id");
        json("PUT", "/_cloudmock/instances/ncp/" + id + "/state", "{\"state\":\"NSTOP\"}", 200);
        String state = given().get("/_cloudmock/state").then().statusCode(200).extract().asString();
        json("PUT", "/_cloudmock/state", state, 200);
        json("DELETE", "/_cloudmock/requests", "", 200);

        List<String> m = messages();
        assertEquals(9, m.size(), String.join("\n", m));
        assertEquals("POST /_cloudmock/reset 200: everything reset (instances, journal, fault rules, clock)", m.get(0));
        assertEquals("POST /_cloudmock/reset 200: account AK1 reset", m.get(1));
        assertTrue(m.get(2).startsWith("POST /_cloudmock/clock/advance 200: clock advanced 1m30s to 20"), m.get(2));
        assertEquals("POST /_cloudmock/faults 201: fault rule " + "f-1".replace("f-1", m.get(3).replaceAll(".*fault rule (\\S+) added.*", "$1"))
                + " added: ncp stopServerInstances: HTTP 400 code 25041, 2 times", m.get(3));
        assertEquals("DELETE /_cloudmock/faults 200: every fault rule removed", m.get(4));
        assertEquals("POST /_cloudmock/instances 201: created 1 ncp server " + id + " in account default, state RUN", m.get(5));
        assertEquals("PUT /_cloudmock/instances/ncp/" + id + "/state 200: ncp server " + id + " in account default forced to NSTOP", m.get(6));
        // the server, its basic storage and the ready network it landed in
        assertEquals("PUT /_cloudmock/state 200: state imported: 1 accounts, 10 resources", m.get(7));
        assertEquals("DELETE /_cloudmock/requests 200: request journal cleared", m.get(8));
    }

    @Test
    void readsAndRefusedCallsAreNotLogged() {
        lines.list.clear();
        given().get("/_cloudmock/instances").then().statusCode(200);
        given().get("/_cloudmock/faults").then().statusCode(200);
        given().get("/_cloudmock/requests").then().statusCode(200);
        given().get("/_cloudmock/health").then().statusCode(200);
        json("POST", "/_cloudmock/clock/advance", "{\"seconds\": -1}", 400);
        json("POST", "/_cloudmock/instances", "{\"provider\":\"nope\"}", 400);
        assertEquals(List.of(), messages());
    }
}
