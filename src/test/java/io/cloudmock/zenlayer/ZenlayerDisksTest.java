package io.cloudmock.zenlayer;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** DescribeDisks: the instances' system and data disks, with the ids DescribeInstances shows. */
class ZenlayerDisksTest extends ZenlayerTestBase {
    static String withDataDisks() {
        return "{\"zoneId\":\"SEL-A\",\"imageId\":\"img-ubuntu-2204-x64\",\"instanceType\":\"c.1c2g\","
                + "\"instanceChargeType\":\"POSTPAID\",\"internetChargeType\":\"ByBandwidth\",\"instanceName\":\"db\","
                + "\"systemDisk\":{\"diskSize\":40,\"diskCategory\":\"SSD\"},"
                + "\"dataDisks\":[{\"diskSize\":100,\"diskName\":\"data-a\"},{\"diskSize\":200,\"diskCategory\":\"SSD\"}]," + LOGIN + "}";
    }

    @Test
    void everyDiskOfAnInstanceWithTheIdsAndTypesOfDescribeInstances() {
        String id = ok("CreateInstances", V2023, withDataDisks()).extract().path("response.instanceIdSet[0]");
        ValidatableResponse instance = describe(id);
        String sys = instance.extract().path("response.dataSet[0].systemDisk.diskId");
        List<String> data = instance.extract().path("response.dataSet[0].dataDisks.diskId");
        ok("DescribeDisks", V2023, "{\"instanceId\":\"" + id + "\"}")
                .body("response.totalCount", equalTo(3))
                .body("response.dataSet.diskId", contains(sys, data.get(0), data.get(1)))
                .body("response.dataSet.diskStatus", contains("CREATING", "CREATING", "CREATING"));
        advance(4);
        ok("DescribeDisks", V2023, "{\"diskIds\":[\"" + sys + "\"]}")
                .body("response.totalCount", equalTo(1))
                .body("response.dataSet[0].size()", equalTo(16))
                .body("response.dataSet[0].diskId", equalTo(sys))
                .body("response.dataSet[0].diskName", equalTo("db-system"))
                .body("response.dataSet[0].zoneId", equalTo("SEL-A"))
                .body("response.dataSet[0].diskType", equalTo("SYSTEM"))
                .body("response.dataSet[0].portable", equalTo(false))
                .body("response.dataSet[0].diskCategory", equalTo("SSD"))
                .body("response.dataSet[0].diskSize", equalTo(40))
                .body("response.dataSet[0].diskStatus", equalTo("IN_USE"))
                .body("response.dataSet[0].instanceId", equalTo(id))
                .body("response.dataSet[0].instanceName", equalTo("db"))
                .body("response.dataSet[0].chargeType", equalTo("POSTPAID"))
                .body("response.dataSet[0].createTime", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .body("response.dataSet[0].expiredTime", nullValue())
                .body("response.dataSet[0].period", nullValue())
                .body("response.dataSet[0].autoRenew", equalTo(false))
                .body("response.dataSet[0].tags.tags", empty());
        ok("DescribeDisks", "{\"diskType\":\"DATA\",\"diskCategory\":\"STANDARD\"}")
                .body("response.totalCount", equalTo(1))
                .body("response.dataSet[0].diskName", equalTo("data-a"))
                .body("response.dataSet[0].diskSize", equalTo(100));
        ok("DescribeDisks", "{\"diskSize\":200,\"portable\":false,\"zoneId\":\"SEL-A\",\"diskStatus\":\"IN_USE\"}")
                .body("response.dataSet.diskId", contains(data.get(1)));
        ok("DescribeDisks", "{\"portable\":true}").body("response.totalCount", equalTo(0)).body("response.dataSet", empty());
        ok("DescribeDisks", "{\"tagKeys\":[\"env\"]}").body("response.totalCount", equalTo(0));
    }

    @Test
    void disksFollowTheirInstanceIntoTheRecycleBinAndAway() {
        String id = running(1).get(0);
        ok("TerminateInstance", "{\"instanceId\":\"" + id + "\"}");
        ok("DescribeDisks", "{}").body("response.dataSet.diskStatus", contains("RECYCLING"));
        advance(2);
        ok("DescribeDisks", "{}").body("response.dataSet.diskStatus", contains("RECYCLED"));
        ok("ReleaseInstances", ids(List.of(id)));
        ok("DescribeDisks", "{\"diskStatus\":\"DELETING\"}").body("response.totalCount", equalTo(1));
        advance(2);
        ok("DescribeDisks", "{}").body("response.totalCount", equalTo(0)).body("response.dataSet", empty());
    }

    @Test
    void pagingCountsEveryMatch() {
        create(3);
        ok("DescribeDisks", "{\"pageSize\":2,\"pageNum\":2}").body("response.totalCount", equalTo(3))
                .body("response.dataSet.size()", equalTo(1));
    }

    @Test
    void badFiltersAnswerTheCommonCodes() {
        fails("DescribeDisks", "{\"diskStatus\":\"BROKEN\"}", 400, "INVALID_PARAMETER_VALUE");
        fails("DescribeDisks", "{\"diskType\":\"ROOT\"}", 400, "INVALID_PARAMETER_VALUE");
        fails("DescribeDisks", "{\"diskIds\":\"1\"}", 400, "INVALID_PARAMETER_TYPE");
        fails("DescribeDisks", "{\"portable\":\"yes\"}", 400, "INVALID_PARAMETER_TYPE");
        fails("DescribeDisks", "{\"pageSize\":1001}", 400, "INVALID_PARAMETER_EXCEED_MAXIMUM");
        fails("DescribeDisks", "{\"tags\":[{\"value\":\"x\"}]}", 400, "MISSING_PARAMETER");
        assertEquals(0, (int) ok("DescribeDisks", "{\"diskIds\":[\"nope\"]}").extract().path("response.totalCount"));
    }
}
