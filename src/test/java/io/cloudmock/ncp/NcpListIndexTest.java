package io.cloudmock.ncp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * List indexes of ten digits or more ({@code serverInstanceNoList.10000000000}) are numbers like any other. They
 * used to be dropped as if they were not part of the list: a stop of two servers, the second under such an index,
 * stopped only the first and answered success, and a list filtered by such an element alone listed every server.
 */
class NcpListIndexTest extends NcpApi {

    @Test
    void aBatchWithALongIndexActsOnEveryServerItNames() {
        String a = runningVpc();
        String b = runningVpc();
        var r = vpc("stopServerInstances", "serverInstanceNoList.1", a, "serverInstanceNoList.10000000000", b);
        r.then().statusCode(200);
        assertEquals(List.of(a, b), ids(r, "stopServerInstances"));
        assertEquals("RUN/SHTDN/shutting down", stateOf(a));
        assertEquals("RUN/SHTDN/shutting down", stateOf(b));
    }

    @Test
    void aFilterWithOnlyALongIndexFiltersByIt() {
        runningVpc();
        String b = runningVpc();
        var r = vpc("getServerInstanceList", "serverInstanceNoList.99999999999999999999", b);
        r.then().statusCode(200);
        assertEquals(List.of(b), ids(r, "getServerInstanceList"));
    }

    @Test
    void longIndexesKeepTheirNumericOrderAndLeadingZerosNameTheSameIndex() {
        NcpParams p = NcpParams.decode("ids.10000000000=c&ids.9=b&ids.0001=a&ids.1=a2&ids.００2=no&ids.٣=no", null);
        assertEquals(List.of("a2", "b", "c"), p.list("ids"));
    }
}
