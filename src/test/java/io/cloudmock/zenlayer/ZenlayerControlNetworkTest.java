package io.cloudmock.zenlayer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The control API's Zenlayer kinds: POST /_cloudmock/networks, /resources with references, instances landing in the ready network. */
class ZenlayerControlNetworkTest extends ZenlayerTestBase {

    static io.restassured.response.ValidatableResponse resource(String body) {
        return given().contentType("application/json").body(body).post("/_cloudmock/resources").then();
    }

    @Test
    void theReadyNetworkIsASubnetPerZoneAndAGroupMadeOnce() {
        List<String> kinds = given().contentType("application/json").body("{\"provider\":\"zenlayer\",\"account\":\"AK1\"}")
                .post("/_cloudmock/networks").then().statusCode(201).extract().path("resources.kind");
        assertEquals(ZenlayerCatalog.ZONES.size() + 1, kinds.size());
        assertEquals("security-group", kinds.get(kinds.size() - 1));
        List<String> again = given().contentType("application/json").body("{\"provider\":\"zenlayer\",\"account\":\"AK1\"}")
                .post("/_cloudmock/networks").then().statusCode(201).extract().path("resources.id");
        given().get("/_cloudmock/resources?provider=zenlayer&kind=subnet&account=AK1").then()
                .body("resources", hasSize(2 * ZenlayerCatalog.ZONES.size()))
                .body("resources.id", hasItem(again.get(0)));
    }

    @Test
    void aControlApiInstanceWithoutReferencesLandsInTheReadyNetwork() {
        String id = given().contentType("application/json").body("{\"provider\":\"zenlayer\",\"fields\":{\"zoneId\":\"HKG-A\"}}")
                .post("/_cloudmock/instances").then().statusCode(201).extract().path("instances[0].id");
        String subnet = ok("DescribeSubnets", "{\"subnetName\":\"cloudmock-ready-hkg-a\"}").extract().path("response.dataSet[0].subnetId");
        ok("DescribeInstances", "{\"instanceIds\":[\"" + id + "\"]}").body("response.dataSet[0].subnetId", equalTo(subnet))
                .body("response.dataSet[0].privateIpAddresses[0]", equalTo("172.16.0.2"));
        ok("DescribeSubnets", "{\"subnetIds\":[\"" + subnet + "\"]}").body("response.dataSet[0].instanceIdList", hasItem(id));
        given().get("/_cloudmock/instances?provider=zenlayer").then().body("instances[0].references.subnet", equalTo(subnet));
    }

    @Test
    void everyKindIsCreatedThroughResourcesWithCheckedReferences() {
        String subnet = resource("{\"provider\":\"zenlayer\",\"kind\":\"subnet\",\"fields\":{\"zoneId\":\"SEL-A\",\"cidrBlock\":\"10.0.3.0/24\"}}")
                .statusCode(201).extract().path("resources[0].id");
        resource("{\"provider\":\"zenlayer\",\"kind\":\"subnet\",\"fields\":{\"zoneId\":\"SEL-A\",\"cidrBlock\":\"10.0.3.0/25\"}}")
                .statusCode(400).body("error.message", containsString("conflict"));
        String sg = resource("{\"provider\":\"zenlayer\",\"kind\":\"security-group\"}").statusCode(201).extract().path("resources[0].id");
        String key = resource("{\"provider\":\"zenlayer\",\"kind\":\"key-pair\"}").statusCode(201).extract().path("resources[0].id");
        String i = resource("{\"provider\":\"zenlayer\",\"kind\":\"instance\",\"references\":{\"subnet\":\"" + subnet + "\",\"security-group\":\""
                + sg + "\",\"key-pair\":\"" + key + "\"}}").statusCode(201).extract().path("resources[0].id");
        ok("DescribeInstances", "{\"instanceIds\":[\"" + i + "\"]}").body("response.dataSet[0].subnetId", equalTo(subnet))
                .body("response.dataSet[0].securityGroupIds", equalTo(List.of(sg)))
                .body("response.dataSet[0].keyId", equalTo(key))
                .body("response.dataSet[0].privateIpAddresses[0]", equalTo("10.0.3.2"));
        resource("{\"provider\":\"zenlayer\",\"kind\":\"instance\",\"fields\":{\"zoneId\":\"HKG-A\"},\"references\":{\"subnet\":\"" + subnet + "\"}}")
                .statusCode(400);
        resource("{\"provider\":\"zenlayer\",\"kind\":\"instance\",\"references\":{\"subnet\":\"nope\"}}").statusCode(400);
        String disk = resource("{\"provider\":\"zenlayer\",\"kind\":\"disk\",\"state\":\"IN_USE\",\"references\":{\"instance\":\"" + i + "\"}}")
                .statusCode(201).extract().path("resources[0].id");
        ok("DescribeInstances", "{\"instanceIds\":[\"" + i + "\"]}").body("response.dataSet[0].dataDisks[0].diskId", equalTo(disk));
        ok("DescribeDisks", "{\"diskIds\":[\"" + disk + "\"]}").body("response.dataSet[0].instanceId", equalTo(i));
        ok("DescribeSecurityGroups", "{\"securityGroupIds\":[\"" + sg + "\"]}").body("response.dataSet[0].instanceIds", equalTo(List.of(i)));
    }
}
