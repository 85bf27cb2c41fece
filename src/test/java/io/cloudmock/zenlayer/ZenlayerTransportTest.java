package io.cloudmock.zenlayer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** The wire around every action: envelope, headers, versions, methods, paths, accounts, malformed input. */
class ZenlayerTransportTest extends ZenlayerTestBase {

    @Test
    void successEnvelopeMatchesTheSeedExample() {
        List<String> ids = running(2);
        // seed 004: StopInstances answers only the requestId, outer and inner equal
        String body = call("StopInstances", ids(ids)).statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(body.matches(
                "\\{\"requestId\":\"(" + REQUEST_ID + ")\",\"response\":\\{\"requestId\":\"\\1\"}}"), body);
    }

    @Test
    void contentTypeIsJsonForSuccessAndError() {
        call("DescribeZones", "{}").statusCode(200).header("Content-Type", "application/json");
        call("StopInstances", "{}").statusCode(400).header("Content-Type", "application/json");
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        given().contentType("application/json; charset=utf-8")
                .header("X-ZC-Action", "DescribeZones").header("X-ZC-Version", V2026)
                .body("{}").post("/api/v2/vm").then().statusCode(200).body("response.zoneSet", not(hasSize(0)));
        given().contentType("application/json")
                .header("X-Zc-AcTiOn", "DescribeZones").header("x-ZC-version", V2023)
                .body("{}").post("/api/v2/vm").then().statusCode(200);
    }

    @Test
    void bothVersionsAreAccepted() {
        ok("DescribeZones", V2023, "{}");
        ok("DescribeZones", V2026, "{}");
    }

    @Test
    void unknownVersionIsInvalidParameterValue() {
        fails(call("DescribeZones", "2022-11-20", "{}"), 400, "INVALID_PARAMETER_VALUE")
                .body("message", containsString("X-ZC-Version"));
    }

    @Test
    void missingActionOrVersionIsMissingParameter() {
        fails(given().contentType("application/json").header("X-ZC-Version", V2026).body("{}").post("/api/v2/vm").then(),
                400, "MISSING_PARAMETER").body("message", containsString("X-ZC-Action"));
        fails(given().contentType("application/json").header("X-ZC-Action", "DescribeZones").body("{}").post("/api/v2/vm").then(),
                400, "MISSING_PARAMETER").body("message", containsString("X-ZC-Version"));
    }

    @Test
    void unknownActionIsUnauthorizedOperation() {
        fails(call("DescribeEverything", "{}"), 401, "AUTHFAILURE_UNAUTHORIZED_OPERATION")
                .body("message", containsString("DescribeEverything"));
        // the singular forms belong to ZEC, not VM
        fails(call("DescribeInstanceStatus", "{}"), 401, "AUTHFAILURE_UNAUTHORIZED_OPERATION");
        // DescribeVncUrl exists only in 2026-04-01
        fails(call("DescribeVncUrl", V2023, "{}"), 401, "AUTHFAILURE_UNAUTHORIZED_OPERATION")
                .body("message", containsString("does not exist"));
    }

    @Test
    void realButUnimplementedActionNamesTheAction() {
        fails(call("RenewDisk", "{}"), 401, "AUTHFAILURE_UNAUTHORIZED_OPERATION")
                .body("message", containsString("`RenewDisk`"))
                .body("message", containsString("not implemented"));
        fails(call("DescribeVpcs", V2023, "{}"), 401, "AUTHFAILURE_UNAUTHORIZED_OPERATION")
                .body("message", containsString("`DescribeVpcs`"))
                .body("message", containsString("not implemented"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH", "OPTIONS", "QUERY", "TRACE"})
    void otherMethodsGetTheJsonEnvelope(String method) {
        fails(zc("DescribeZones", V2026).body("{}").request(method, "/api/v2/vm").then(), 401, "AUTHFAILURE_UNAUTHORIZED_OPERATION")
                .body("message", containsString("POST"));
    }

    @Test
    void headGetsAnErrorStatusWithoutBody() {
        zc("DescribeZones", V2026).head("/api/v2/vm").then().statusCode(401).contentType("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v2/bmc", "/api/v2/zec", "/api/v2", "/api/v2/", "/api/v2/vm/", "/api/v2/vm/extra"})
    void otherPathsUnderApiV2GetTheJsonEnvelope(String path) {
        fails(zc("DescribeInstances", V2026).body("{}").post(path).then(), 401, "AUTHFAILURE_UNAUTHORIZED_OPERATION");
        fails(zc("DescribeInstances", V2026).get(path).then(), 401, "AUTHFAILURE_UNAUTHORIZED_OPERATION");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"instanceIds\":", "not json", "{} {}", "{\"a\":1,}"})
    void malformedJsonIsAParameterTypeError(String body) {
        fails("DescribeInstances", body, 400, "INVALID_PARAMETER_TYPE").body("message", containsString("body"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "42", "null", "true"})
    void aBodyThatIsNotAnObjectIsAParameterTypeError(String body) {
        fails("DescribeInstances", body, 400, "INVALID_PARAMETER_TYPE");
    }

    @Test
    void anOversizedBodyGetsTheJsonEnvelope() {
        String big = "{\"instanceName\":\"" + "x".repeat(1_100_000) + "\"}";
        fails("DescribeInstances", big, 400, "INVALID_PARAMETER_EXCEED_LENGTH").body("message", containsString("body"));
    }

    @Test
    void anEmptyBodyIsAnEmptyObject() {
        ok("DescribeInstances", "").body("response.totalCount", equalTo(0));
    }

    @Test
    void wrongJsonTypesAreParameterTypeErrors() {
        fails("DescribeInstances", "{\"instanceIds\":\"abc\"}", 400, "INVALID_PARAMETER_TYPE")
                .body("message", containsString("instanceIds"));
        fails("DescribeInstances", "{\"instanceIds\":[1,2]}", 400, "INVALID_PARAMETER_TYPE");
        fails("DescribeInstances", "{\"pageSize\":\"10\"}", 400, "INVALID_PARAMETER_TYPE");
        fails("DescribeInstances", "{\"pageSize\":1.5}", 400, "INVALID_PARAMETER_TYPE");
        fails("DescribeInstances", "{\"zoneId\":{}}", 400, "INVALID_PARAMETER_TYPE");
        fails("StopInstances", "{\"instanceIds\":[\"1\"],\"forceShutdown\":\"yes\"}", 400, "INVALID_PARAMETER_TYPE");
        fails("TerminateInstance", "{\"instanceId\":12}", 400, "INVALID_PARAMETER_TYPE");
    }

    @Test
    void nullCountsAsAbsent() {
        ok("DescribeInstances", "{\"instanceIds\":null,\"zoneId\":null,\"pageSize\":null}").body("response.totalCount", equalTo(0));
    }

    @Test
    void unknownParametersAndExtraHeadersAreIgnored() {
        zc("DescribeZones", V2026).header("x-zc-sdk-lang", "java").header("x-zc-request-client", "Terraform-latest")
                .body("{\"somethingNew\":1}").post("/api/v2/vm").then().statusCode(200);
    }

    @Test
    void eachAccessKeyIsItsOwnAccount() {
        String sig = ", SignedHeaders=content-type;host, Signature=00";
        String id = zc("CreateInstances", V2026).header("Authorization", "ZC2-HMAC-SHA256 Credential=AKONE" + sig)
                .body(createBody(1)).post("/api/v2/vm").then().statusCode(200).extract().path("response.instanceIdSet[0]");
        zc("DescribeInstances", V2026).header("Authorization", "ZC2-HMAC-SHA256 Credential=AKONE" + sig)
                .body("{}").post("/api/v2/vm").then().body("response.totalCount", equalTo(1))
                .body("response.dataSet[0].instanceId", equalTo(id));
        zc("DescribeInstances", V2026).header("Authorization", "ZC2-HMAC-SHA256 Credential=AKTWO" + sig)
                .body("{}").post("/api/v2/vm").then().body("response.totalCount", equalTo(0));
        // a bearer token is its own account (a hash of it), never an access key's: key ids are not secret
        zc("DescribeInstances", V2026).header("Authorization", "Bearer AKONE")
                .body("{}").post("/api/v2/vm").then().body("response.totalCount", equalTo(0));
        ok("DescribeInstances", "{}").body("response.totalCount", equalTo(0));
        fails(zc("StopInstances", V2026).header("Authorization", "Bearer someone-else").body(ids(List.of(id)))
                .post("/api/v2/vm").then(), 404, "INVALID_INSTANCE_NOT_FOUND");
    }

    @Test
    void theExchangeRecordsProviderActionAccountAndErrorCode() {
        java.util.List<io.cloudmock.core.Exchange> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<Integer> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
        mock.backend().addListener((ex, method, path, status) -> {
            seen.add(ex);
            statuses.add(status);
        });
        zc("DescribeZones", V2026).header("Authorization", "ZC2-HMAC-SHA256 Credential=AKX, SignedHeaders=content-type;host, Signature=0")
                .body("{}").post("/api/v2/vm").then().statusCode(200);
        zc("StopInstances", V2026).header("Authorization", "Bearer tok-y").body("{\"instanceIds\":[\"1\"]}").post("/api/v2/vm")
                .then().statusCode(404);
        io.cloudmock.core.Exchange first = seen.get(seen.size() - 2);
        io.cloudmock.core.Exchange second = seen.get(seen.size() - 1);
        org.junit.jupiter.api.Assertions.assertEquals(List.of("zenlayer", "DescribeZones", "AKX", ""),
                List.of(first.provider, first.action, first.account, first.errorCode));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("zenlayer", "StopInstances", io.cloudmock.core.Secrets.tokenAccount("tok-y"), "INVALID_INSTANCE_NOT_FOUND"),
                List.of(second.provider, second.action, second.account, second.errorCode));
        org.junit.jupiter.api.Assertions.assertEquals(404, statuses.get(statuses.size() - 1));
    }

    @Test
    void resetOfOneAccountLeavesTheOthers() {
        zc("CreateInstances", V2026).header("Authorization", "Bearer tok-a").body(createBody(1)).post("/api/v2/vm").then().statusCode(200);
        create(1);
        given().post("/_cloudmock/reset?account=" + io.cloudmock.core.Secrets.tokenAccount("tok-a")).then().statusCode(200);
        zc("DescribeInstances", V2026).header("Authorization", "Bearer tok-a")
                .body("{}").post("/api/v2/vm").then().body("response.totalCount", equalTo(0));
        ok("DescribeInstances", "{}").body("response.totalCount", equalTo(1));
    }
}
