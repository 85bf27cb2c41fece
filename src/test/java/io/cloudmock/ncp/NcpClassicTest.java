package io.cloudmock.ncp;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Classic flavour, /server/v2: its instance shape, its parameters, its separate world. */
class NcpClassicTest extends NcpApi {

    private static String createClassic(Object... extra) {
        Object[] base = {"serverImageProductCode", CENTOS_CLASSIC};
        Object[] all = new Object[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        Response r = classic("createServerInstances", all);
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().getString("createServerInstancesResponse.serverInstanceList[0].serverInstanceNo");
    }

    private static JsonPath server(String id) {
        return classic("getServerInstanceList", "serverInstanceNoList.1", id).jsonPath()
                .setRootPath("getServerInstanceListResponse.serverInstanceList[0]");
    }

    @Test
    void theClassicInstanceShapeInXml() {
        String id = createClassic("serverName", "classic-1", "serverProductCode", "SPSVRSTAND000004");
        String xml = classicXml("getServerInstanceList").asString();
        assertTrue(xml.contains("<serverInstanceNo>" + id + "</serverInstanceNo>"), xml);
        assertTrue(xml.contains("<baseBlockStorageSize>53687091200</baseBlockStorageSize>"), xml);
        assertTrue(xml.contains("<privateIp>10."), xml);
        assertTrue(xml.contains("<serverImageName>centos-7.3-64</serverImageName>"), xml);
        assertTrue(xml.contains("<zone>\n        <zoneNo>2</zoneNo>\n        <zoneName>KR-1</zoneName>"), xml);
        assertTrue(xml.contains("<region>\n        <regionNo>1</regionNo>\n        <regionCode>KR</regionCode>\n        <regionName>Korea</regionName>"), xml);
        // the service's own spelling
        assertTrue(xml.contains("<baseBlockStroageDiskDetailType>\n        <code>HDD</code>"), xml);
        assertFalse(xml.contains("<baseBlockStorageDiskDetailType>"), xml);
        assertTrue(xml.contains("<accessControlGroupList>\n        <accessControlGroup>\n          <accessControlGroupConfigurationNo>1038</accessControlGroupConfigurationNo>\n          <accessControlGroupName>ncloud-default-acg</accessControlGroupName>"), xml);
        assertFalse(xml.contains("<vpcNo>"), xml);
        assertTrue(xml.contains("<serverInstanceStatusName>init</serverInstanceStatusName>"), xml);
    }

    @Test
    void theClassicLifecycle() {
        String id = createClassic();
        advance(4);
        assertEquals("RUN", server(id).getString("serverInstanceStatus.code"));
        Response stop = classic("stopServerInstances", "serverInstanceNoList.1", id);
        stop.then().statusCode(200);
        assertEquals("RUN/SHTDN/shutting down", stateIn(stop, "stopServerInstances"));
        advance(2);
        assertEquals("stopped", server(id).getString("serverInstanceStatusName"));
        classic("changeServerInstanceSpec", "serverInstanceNo", id, "serverProductCode", "SPSVRSTAND000005").then().statusCode(200)
                .body("changeServerInstanceSpecResponse.serverInstanceList[0].memorySize", equalTo(8589934592L));
        advance(2);
        Response term = classic("terminateServerInstances", "serverInstanceNoList.1", id);
        assertEquals("NSTOP/TERMT/terminating", stateIn(term, "terminateServerInstances"));
        advance(2);
        classic("getServerInstanceList").then().body("getServerInstanceListResponse.totalRows", equalTo(0));
    }

    @Test
    void classicAndVpcServersAreSeparate() {
        String vpcId = createVpc();
        String classicId = createClassic();
        assertEquals(List.of(classicId), ids(classic("getServerInstanceList"), "getServerInstanceList"));
        assertEquals(List.of(vpcId), ids(vpc("getServerInstanceList"), "getServerInstanceList"));
        advance(4);
        classic("stopServerInstances", "serverInstanceNoList.1", vpcId).then().statusCode(400)
                .body("responseError.returnCode", equalTo("24120"));
        // VPC image codes are not Classic ones
        classic("createServerInstances", "serverImageProductCode", UBUNTU).then().statusCode(400)
                .body("responseError.returnCode", equalTo("10712"));
    }

    @Test
    void vpcOnlyActionsAreNotOnTheClassicPath() {
        String id = createClassic();
        for (String action : new String[] {"getServerInstanceDetail", "setProtectServerTermination",
                "changeServerInstanceName", "interruptServerInstance"}) {
            classic(action, "serverInstanceNo", id).then().statusCode(404).body("error.errorCode", equalTo("300"))
                    .body("error.details", org.hamcrest.Matchers.containsString("'" + action + "' of /server/v2"));
        }
    }

    @Test
    void classicCreateNeedsAnImageAndTakesZoneAndAcgs() {
        classic("createServerInstances").then().statusCode(400).body("responseError.returnMessage",
                equalTo("Required field is not specified. location : serverImageProductCode or memberServerImageNo."));
        String id = createClassic("zoneNo", "3", "accessControlGroupConfigurationNoList.1", "555");
        JsonPath s = server(id);
        assertEquals("KR-2", s.getString("zone.zoneName"));
        assertEquals("1", s.getString("zone.regionNo"));
        assertEquals("555", s.getString("accessControlGroupList[0].accessControlGroupConfigurationNo"));
        assertEquals(false, s.getBoolean("accessControlGroupList[0].isDefaultGroup"));
        classic("createServerInstances", "serverImageProductCode", CENTOS_CLASSIC, "zoneNo", "999").then().statusCode(400);
    }

    @Test
    void classicListFilters() {
        String a = createClassic("serverName", "web-front");
        String b = createClassic("serverName", "db-back", "zoneNo", "3");
        assertEquals(List.of(a), ids(classic("getServerInstanceList", "searchFilterName", "serverName", "searchFilterValue", "FRONT"),
                "getServerInstanceList"));
        assertEquals(List.of(b), ids(classic("getServerInstanceList", "zoneNo", "3"), "getServerInstanceList"));
        assertEquals(List.of(a, b), ids(classic("getServerInstanceList", "regionNo", "1"), "getServerInstanceList"));
        assertEquals(List.of(), ids(classic("getServerInstanceList", "regionNo", "2"), "getServerInstanceList"));
        String ip = server(b).getString("privateIp");
        assertEquals(List.of(b), ids(classic("getServerInstanceList", "searchFilterName", "ip", "searchFilterValue", ip),
                "getServerInstanceList"));
        classic("getServerInstanceList", "searchFilterName", "color", "searchFilterValue", "x").then().statusCode(400);
    }

    @Test
    void classicCatalogue() {
        classic("getRegionList").then().statusCode(200)
                .body("getRegionListResponse.totalRows", equalTo(8))
                .body("getRegionListResponse.regionList[0].regionNo", equalTo("1"))
                .body("getRegionListResponse.regionList[0].regionCode", equalTo("KR"));
        classic("getZoneList", "regionNo", "1").then().statusCode(200)
                .body("getZoneListResponse.zoneList.zoneNo", equalTo(List.of("2", "3")))
                .body("getZoneListResponse.zoneList[0].regionNo", equalTo("1"));
        classic("getServerImageProductList").then().statusCode(200)
                .body("getServerImageProductListResponse.productList.productCode",
                        org.hamcrest.Matchers.hasItems("SPSW0LINUX000032", CENTOS_CLASSIC));
        classic("getServerProductList", "serverImageProductCode", CENTOS_CLASSIC).then().statusCode(200)
                .body("getServerProductListResponse.productList.productCode", org.hamcrest.Matchers.hasItem("SPSVRSTAND000004"));
        classic("changeServerInstanceSpec", "serverInstanceNo", "1").then().statusCode(400)
                .body("responseError.returnMessage", equalTo("Required field is not specified. location : serverProductCode."));
    }

    @Test
    void tagFiltersMatchNoServerSinceClassicServersCarryNoTags() {
        classic("createServerInstances", "serverImageProductCode", CENTOS_CLASSIC).then().statusCode(200);
        classic("getServerInstanceList").then().statusCode(200).body("getServerInstanceListResponse.totalRows", equalTo(1));
        classic("getServerInstanceList", "tagKeyList.1", "env").then().statusCode(200)
                .body("getServerInstanceListResponse.totalRows", equalTo(0));
        classic("getServerInstanceList", "tagValueList.1", "prod").then().statusCode(200)
                .body("getServerInstanceListResponse.totalRows", equalTo(0));
    }
}
