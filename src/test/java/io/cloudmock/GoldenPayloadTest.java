package io.cloudmock;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wire's regression net: whole answers, byte for byte, against files under src/test/resources/golden/. The
 * server has a fixed clock start and request ids, so every run gives the same bytes. After a deliberate change of
 * the wire, {@code mvn test -Dtest=GoldenPayloadTest -Dgolden.update=true} rewrites the files; review their diff.
 */
class GoldenPayloadTest {
    private static final Path DIR = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static CloudMock mock;

    @BeforeAll
    static void start() {
        AtomicLong n = new AtomicLong();
        mock = CloudMock.builder().port(0).manualClock().clockStart(Instant.parse("2026-01-01T00:00:00Z"))
                .requestIds(() -> String.format("00000000-0000-4000-8000-%012d", n.incrementAndGet())).start();
    }

    @AfterAll
    static void stop() { mock.close(); }

    private static RequestSpecification given() { return RestAssured.given().baseUri(mock.baseUrl()); }

    private final List<String> mismatches = new ArrayList<>();

    /** Compares the whole answer (status line, content type and body) with the golden file of that name. */
    private void golden(String name, Response r) throws IOException {
        String actual = "HTTP " + r.statusCode() + "\nContent-Type: " + r.header("Content-Type") + "\n\n" + r.asString();
        Path file = DIR.resolve(name);
        if (UPDATE || !Files.exists(file)) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            if (!UPDATE) mismatches.add(name + " (missing: written now, check it in)");
            return;
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) mismatches.add(name + ":\n--- expected\n" + expected + "\n--- actual\n" + actual);
    }

    private void advance(long seconds) {
        given().contentType("application/json").body("{\"seconds\": " + seconds + "}").post("/_cloudmock/clock/advance")
                .then().statusCode(200);
    }

    private Response ncp(String path, String... params) {
        RequestSpecification s = given();
        for (int k = 0; k < params.length; k += 2) s = s.queryParam(params[k], params[k + 1]);
        return s.get(path);
    }

    private Response zenlayer(String action, String body) {
        return given().contentType("application/json").header("X-ZC-Action", action).header("X-ZC-Version", "2026-04-01")
                .body(body).post("/api/v2/vm");
    }

    @Test
    void wholeAnswersOfBothProvidersInEachFormat() throws IOException {
        given().post("/_cloudmock/reset").then().statusCode(200);
        given().contentType("application/json").body("{\"provider\":\"ncp\"}").post("/_cloudmock/networks");
        String network = given().get("/_cloudmock/resources?provider=ncp").asString();
        // NCP VPC: a server created on the wire, in both formats, then listed and stopped
        String[] create = {"serverImageProductCode", "SW.VSVR.OS.LNX64.UBNTU.SVR24.G003", "vpcNo", "10000001", "subnetNo", "10000006",
                "networkInterfaceList.1.networkInterfaceOrder", "0", "networkInterfaceList.1.accessControlGroupNoList.1", "10000003",
                "serverName", "golden-vpc"};
        golden("ncp-vpc-create.xml", ncp("/vserver/v2/createServerInstances", create));
        advance(4);
        golden("ncp-vpc-list.json", ncp("/vserver/v2/getServerInstanceList", "responseFormatType", "json"));
        golden("ncp-vpc-list.xml", ncp("/vserver/v2/getServerInstanceList"));
        golden("ncp-vpc-stop.json", ncp("/vserver/v2/stopServerInstances", "serverInstanceNoList.1", "10000008",
                "responseFormatType", "json"));
        golden("ncp-vpc-stop-again.json", ncp("/vserver/v2/stopServerInstances", "serverInstanceNoList.1", "10000008",
                "responseFormatType", "json"));
        golden("ncp-vpc-stop-again.xml", ncp("/vserver/v2/stopServerInstances", "serverInstanceNoList.1", "10000008"));
        golden("ncp-unknown-action.xml", ncp("/vserver/v2/getNothing"));
        golden("ncp-unknown-action.json", ncp("/vserver/v2/getNothing", "responseFormatType", "json"));
        // NCP Classic
        golden("ncp-classic-create.json", ncp("/server/v2/createServerInstances", "serverImageProductCode", "SPSW0LINUX000046",
                "serverName", "golden-classic", "responseFormatType", "json"));
        advance(4);
        golden("ncp-classic-list.xml", ncp("/server/v2/getServerInstanceList"));
        golden("ncp-classic-list.json", ncp("/server/v2/getServerInstanceList", "responseFormatType", "json"));
        // Zenlayer
        golden("zenlayer-create.json", zenlayer("CreateInstances", "{\"zoneId\":\"SEL-A\",\"instanceType\":\"c.1c2g\","
                + "\"imageId\":\"img-ubuntu-2204-x64\",\"instanceName\":\"golden-zl\",\"password\":\"Golden-Pass-1\","
                + "\"instanceChargeType\":\"POSTPAID\",\"internetChargeType\":\"ByBandwidth\",\"subnetId\":\"subnet-default-sel-a\"}"));
        advance(4);
        golden("zenlayer-describe.json", zenlayer("DescribeInstances", "{}"));
        golden("zenlayer-stop.json", zenlayer("StopInstances", "{\"instanceIds\":[\"nope\"]}"));
        golden("zenlayer-unknown-action.json", zenlayer("DescribeNothing", "{}"));
        assertTrue(network.contains("\"resources\""));
        assertEquals(List.of(), mismatches, String.join("\n\n", mismatches));
    }
}
