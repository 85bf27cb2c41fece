package io.cloudmock.control;

import io.cloudmock.support.EndToEndTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A server made through the control API obeys the names createServerInstances enforces (seed 002): the
 * pattern and length of NcpNames, and one serverName per account and flavour. A refused create changes nothing.
 */
class ControlNcpNamesTest extends EndToEndTest {

    private io.restassured.response.ValidatableResponse create(String body) {
        return given().contentType("application/json").body(body).post("/_cloudmock/instances").then();
    }

    @Test
    void aSecondServerOfTheSameNameInTheAccountIs400() {
        create("{\"provider\":\"ncp\",\"fields\":{\"serverName\":\"web\"}}").statusCode(201);
        create("{\"provider\":\"ncp\",\"fields\":{\"serverName\":\"web\"}}").statusCode(400)
                .contentType("application/json")
                .body("error.code", equalTo("BAD_REQUEST"))
                .body("error.message", containsString("serverName 'web' is already in use"));
        given().get("/_cloudmock/instances?provider=ncp").then().body("instances", hasSize(1));
    }

    @Test
    void theSameNameInAnotherAccountOrFlavourIsFine() {
        create("{\"provider\":\"ncp\",\"fields\":{\"serverName\":\"web\"}}").statusCode(201);
        create("{\"provider\":\"ncp\",\"account\":\"AK2\",\"fields\":{\"serverName\":\"web\"}}").statusCode(201);
        create("{\"provider\":\"ncp-classic\",\"fields\":{\"serverName\":\"web\"}}").statusCode(201);
    }

    @Test
    void theApiSeesTheControlCreatedNameAsTaken() {
        create("{\"provider\":\"ncp\",\"fields\":{\"serverName\":\"web\"}}").statusCode(201);
        given().get("/vserver/v2/createServerInstances?serverImageProductCode=SW.VSVR.OS.LNX64.UBNTU.SVR24.G003"
                        + "&vpcNo=1&subnetNo=1&networkInterfaceList.1.networkInterfaceOrder=0"
                        + "&networkInterfaceList.1.accessControlGroupNoList.1=1&serverName=web&responseFormatType=json")
                .then().statusCode(400).body("responseError.returnCode", equalTo("10300"));
    }

    @Test
    void aNameOutsideThePatternIs400() {
        for (String bad : new String[] {"Bad_Name!", "ab", "web-", "1web", "a".repeat(31)}) {
            create("{\"provider\":\"ncp\",\"fields\":{\"serverName\":\"" + bad + "\"}}").statusCode(400)
                    .body("error.code", equalTo("BAD_REQUEST"))
                    .body("error.message", containsString("serverName '" + bad + "'"));
        }
        create("{\"provider\":\"ncp\",\"fields\":{\"serverName\":42}}").statusCode(400)
                .body("error.message", containsString("serverName must be a string"));
        given().get("/_cloudmock/instances").then().body("instances", hasSize(0));
    }

    @Test
    void oneNameForManyServersAtOnceIs400() {
        create("{\"provider\":\"ncp\",\"count\":3,\"fields\":{\"serverName\":\"web\"}}").statusCode(400)
                .body("error.message", containsString("cannot be given to 3 at once"));
        create("{\"provider\":\"ncp\",\"count\":3}").statusCode(201).body("instances", hasSize(3));
    }

    @Test
    void zenlayerInstanceNamesMayRepeat() {
        create("{\"provider\":\"zenlayer\",\"fields\":{\"instanceName\":\"web\"}}").statusCode(201);
        create("{\"provider\":\"zenlayer\",\"fields\":{\"instanceName\":\"web\"}}").statusCode(201);
    }
}
