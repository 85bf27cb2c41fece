package io.cloudmock.ncp;

import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;

/**
 * regionCode (VPC) and zoneNo / zoneCode are checked by every action that takes them: an unknown value is the
 * documented 900, never a silent 200 (docs/ncp.md, "All actions take ... regionCode").
 */
class NcpRegionAndZoneParamsTest extends NcpApi {

    private static void refused(io.restassured.response.Response r, String location, String value) {
        r.then().statusCode(400).contentType("application/json")
                .body("responseError.returnCode", equalTo("900"))
                .body("responseError.returnMessage",
                        equalTo("Invalid parameter value. location : " + location + ", value : " + value));
    }

    @Test
    void vpcImageProductListRefusesAnUnknownRegion() {
        refused(vpc("getServerImageProductList", "regionCode", "XX"), "regionCode", "XX");
        vpc("getServerImageProductList", "regionCode", "JPN").then().statusCode(200);
    }

    @Test
    void vpcServerProductListRefusesAnUnknownRegion() {
        refused(vpc("getServerProductList", "regionCode", "XX", "serverImageProductCode", UBUNTU), "regionCode", "XX");
    }

    @Test
    void vpcServerProductListRefusesAZoneOfAnotherRegionOrAZoneNumber() {
        refused(vpc("getServerProductList", "regionCode", "KR", "serverImageProductCode", UBUNTU, "zoneCode", "JPN-4"),
                "zoneCode", "JPN-4");
        refused(vpc("getServerProductList", "serverImageProductCode", UBUNTU, "zoneCode", "2"), "zoneCode", "2");
        vpc("getServerProductList", "regionCode", "JPN", "serverImageProductCode", UBUNTU, "zoneCode", "JPN-4")
                .then().statusCode(200);
    }

    @Test
    void classicServerProductListTakesAZoneNumberOnly() {
        refused(classic("getServerProductList", "serverImageProductCode", CENTOS_CLASSIC, "zoneNo", "KR-1"), "zoneNo", "KR-1");
        classic("getServerProductList", "serverImageProductCode", CENTOS_CLASSIC, "zoneNo", "2").then().statusCode(200);
    }

    @Test
    void classicServerListRefusesAnUnknownZone() {
        classic("createServerInstances", "serverImageProductCode", CENTOS_CLASSIC).then().statusCode(200);
        refused(classic("getServerInstanceList", "zoneNo", "9999"), "zoneNo", "9999");
        refused(classic("getServerInstanceList", "zoneNo", "KR-1"), "zoneNo", "KR-1");
        classic("getServerInstanceList", "zoneNo", "2").then().statusCode(200).body("getServerInstanceListResponse.totalRows", equalTo(1));
    }

    @Test
    void classicCatalogueListsRefuseAnUnknownRegionNumberAndAZoneOfAnotherRegion() {
        refused(classic("getServerImageProductList", "regionNo", "99"), "regionNo", "99");
        classic("getServerImageProductList", "regionNo", "3").then().statusCode(200);
        refused(classic("getServerProductList", "serverImageProductCode", CENTOS_CLASSIC, "regionNo", "99"), "regionNo", "99");
        refused(classic("getServerProductList", "serverImageProductCode", CENTOS_CLASSIC, "regionNo", "3", "zoneNo", "2"),
                "zoneNo", "2");
        classic("getServerProductList", "serverImageProductCode", CENTOS_CLASSIC, "regionNo", "1", "zoneNo", "2")
                .then().statusCode(200);
    }
}
