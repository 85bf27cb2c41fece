package io.cloudmock.zenlayer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stand-alone data disks: CreateDisks to ReleaseDisk, attached and detached (network reference section 6). */
class ZenlayerDataDisksTest extends ZenlayerTestBase {

    static String disk(String zone, int size) {
        return ok("CreateDisks", "{\"chargeType\":\"POSTPAID\",\"diskName\":\"data\",\"diskSize\":" + size + ",\"zoneId\":\"" + zone + "\"}")
                .extract().path("response.diskIds[0]");
    }

    static String status(String id) {
        return ok("DescribeDisks", "{\"diskIds\":[\"" + id + "\"]}").extract().path("response.dataSet[0].diskStatus");
    }

    @Test
    void createRendersEveryDiskInfoFieldAndSettlesAvailable() {
        ok("CreateDisks", V2023, "{\"chargeType\":\"POSTPAID\",\"diskName\":\"Test-Disk\",\"diskSize\":30,\"diskAmount\":2,\"zoneId\":\"HKG-A\","
                + "\"tags\":{\"tags\":[{\"key\":\"env\",\"value\":\"ci\"}]}}")
                .body("response.diskIds", hasSize(2)).body("response.orderNumber", org.hamcrest.Matchers.matchesPattern("[0-9]+"));
        String body = ok("DescribeDisks", "{\"zoneId\":\"HKG-A\"}").body("response.totalCount", equalTo(2)).extract().asString();
        Map<String, Object> d = io.restassured.path.json.JsonPath.from(body).getMap("response.dataSet[0]");
        assertEquals(List.of("diskId", "diskName", "zoneId", "diskType", "portable", "diskCategory", "diskSize", "diskStatus",
                "instanceId", "instanceName", "chargeType", "createTime", "expiredTime", "period", "autoRenew", "tags"), List.copyOf(d.keySet()));
        assertEquals("Test-Disk", d.get("diskName"));
        assertEquals("DATA", d.get("diskType"));
        assertEquals(true, d.get("portable"));
        assertEquals("SSD", d.get("diskCategory"));
        assertEquals(30, d.get("diskSize"));
        assertEquals("CREATING", d.get("diskStatus"));
        assertEquals(null, d.get("instanceId"));
        assertEquals(null, d.get("period"));
        assertEquals(Map.of("tags", List.of(Map.of("key", "env", "value", "ci"))), d.get("tags"));
        advance(2);
        ok("DescribeDisks", "{\"diskStatus\":\"AVAILABLE\",\"tagKeys\":[\"env\"]}").body("response.totalCount", equalTo(2));
        ok("DescribeDisks", "{\"portable\":false}").body("response.totalCount", equalTo(0));
    }

    @Test
    void createChecks() {
        String base = "\"chargeType\":\"POSTPAID\",\"diskName\":\"d\",\"zoneId\":\"SEL-A\"";
        fails("CreateDisks", "{" + base + ",\"diskSize\":19}", 400, "INVALID_PARAMETER_LESS_MINIMUM");
        fails("CreateDisks", "{" + base + ",\"diskSize\":2001}", 400, "INVALID_PARAMETER_EXCEED_MAXIMUM");
        fails("CreateDisks", "{" + base + "}", 400, "MISSING_PARAMETER");
        fails("CreateDisks", "{" + base + ",\"diskSize\":20,\"diskAmount\":51}", 400, "INVALID_PARAMETER_EXCEED_MAXIMUM");
        fails("CreateDisks", "{" + base.replace("POSTPAID", "MONTHLY") + ",\"diskSize\":20}", 400, "INVALID_CHARGE_TYPE");
        fails("CreateDisks", "{" + base.replace("POSTPAID", "PREPAID") + ",\"diskSize\":20}", 400, "INVALID_CHARGE_PREPAID_CAN_NOT_BE_NULL");
        fails("CreateDisks", "{" + base.replace("SEL-A", "XXX-A") + ",\"diskSize\":20}", 404, "INVALID_ZONE_NOT_FOUND");
        fails("CreateDisks", "{\"chargeType\":\"POSTPAID\",\"diskName\":\"d\",\"diskSize\":20}", 400, "MISSING_PARAMETER");
        fails("CreateDisks", "{" + base + ",\"diskSize\":20,\"diskCategory\":\"HDD\"}", 400, "INVALID_PARAMETER_VALUE");
        fails("CreateDisks", "{" + base + ",\"diskSize\":\"20\"}", 400, "INVALID_PARAMETER_TYPE");
        fails("CreateDisks", "{" + base + ",\"diskSize\":20,\"instanceId\":\"nope\"}", 404, "INVALID_INSTANCE_NOT_FOUND");
        ok("DescribeDisks", "{}").body("response.totalCount", equalTo(0));
        // prepaid: a period and an expiry; it cannot be terminated
        String p = ok("CreateDisks", "{" + base.replace("POSTPAID", "PREPAID") + ",\"diskSize\":20,\"chargePrepaid\":{\"period\":2}}")
                .extract().path("response.diskIds[0]");
        advance(2);
        ok("DescribeDisks", "{\"diskIds\":[\"" + p + "\"]}").body("response.dataSet[0].period", equalTo(2))
                .body("response.dataSet[0].expiredTime", org.hamcrest.Matchers.notNullValue());
        fails("TerminateDisk", "{\"diskId\":\"" + p + "\"}", 400, "UNSUPPORTED_OPERATION_INSTANCE_CHARGE_TYPE");
    }

    @Test
    void categoriesAreTheZoneCatalogue() {
        ok("DescribeDiskCategory", "{\"zoneId\":\"SEL-A\"}").body("response.categoryZoneSet", hasSize(1))
                .body("response.categoryZoneSet[0].categorySet", contains("SSD", "STANDARD"));
        ok("DescribeDiskCategory", "{\"diskCategory\":\"SSD\"}").body("response.categoryZoneSet.size()",
                equalTo(ZenlayerCatalog.ZONES.size()));
        fails("DescribeDiskCategory", "{\"zoneId\":\"XXX-A\"}", 404, "INVALID_ZONE_NOT_FOUND");
    }

    @Test
    void attachDetachAndTheInstanceView() {
        String i = running(1).get(0);
        String d = disk("SEL-A", 50);
        String other = disk("HKG-A", 50);
        String att = "{\"diskIds\":[\"" + d + "\"],\"instanceId\":\"" + i + "\"}";
        fails("AttachDisks", att, 400, "UNSUPPORTED_OPERATION_DISK_STATUS");
        advance(2);
        fails("AttachDisks", "{\"diskIds\":[\"" + other + "\"],\"instanceId\":\"" + i + "\"}", 400, "INVALID_DISK_AND_INSTANCE_ZONE_MISMATCHED");
        fails("AttachDisks", "{\"diskIds\":[\"" + d + "\",\"nope\"],\"instanceId\":\"" + i + "\"}", 404, "INVALID_DISK_NOT_FOUND");
        fails("AttachDisks", "{\"diskIds\":[\"" + d + "\"],\"instanceId\":\"nope\"}", 404, "INVALID_INSTANCE_NOT_FOUND");
        fails("DetachDisks", "{\"diskIds\":[\"" + d + "\"]}", 400, "UNSUPPORTED_OPERATION_DISK_NO_ATTACH");
        ok("AttachDisks", att);
        // visible at once: Terraform's waiter must not read AVAILABLE first
        assertEquals("ATTACHING", status(d));
        ok("DescribeDisks", "{\"instanceId\":\"" + i + "\",\"diskType\":\"DATA\"}").body("response.dataSet.diskId", contains(d))
                .body("response.dataSet[0].instanceName", equalTo("instance"));
        fails("AttachDisks", att, 400, "UNSUPPORTED_OPERATION_DISK_ATTACHED");
        advance(2);
        assertEquals("IN_USE", status(d));
        ok("DescribeInstances", "{}").body("response.dataSet[0].dataDisks", hasSize(1))
                .body("response.dataSet[0].dataDisks[0].diskId", equalTo(d))
                .body("response.dataSet[0].dataDisks[0].portable", equalTo(true))
                .body("response.dataSet[0].dataDisks[0].diskSize", equalTo(50));
        // rename and grow show on the instance too
        ok("ModifyDisksAttributes", "{\"diskIds\":[\"" + d + "\"],\"diskName\":\"logs\"}");
        ok("ResizeDisk", "{\"diskId\":\"" + d + "\",\"diskSize\":60}");
        assertEquals("CHANGING", status(d));
        fails("ResizeDisk", "{\"diskId\":\"" + d + "\",\"diskSize\":70}", 400, "UNSUPPORTED_OPERATION_DISK_STATUS");
        advance(2);
        assertEquals("IN_USE", status(d));
        fails("ResizeDisk", "{\"diskId\":\"" + d + "\",\"diskSize\":60}", 400, "INVALID_PARAMETER_LESS_MINIMUM");
        fails("ResizeDisk", "{\"diskId\":\"" + d + "\",\"diskSize\":2001}", 400, "INVALID_PARAMETER_EXCEED_MAXIMUM");
        // an integer beyond 32 bits is out of range too, not of the wrong type (it was INVALID_PARAMETER_TYPE)
        fails("ResizeDisk", "{\"diskId\":\"" + d + "\",\"diskSize\":99999999999999}", 400, "INVALID_PARAMETER_EXCEED_MAXIMUM");
        ok("DescribeInstances", "{}").body("response.dataSet[0].dataDisks[0].diskName", equalTo("logs"))
                .body("response.dataSet[0].dataDisks[0].diskSize", equalTo(60));
        fails("TerminateDisk", "{\"diskId\":\"" + d + "\"}", 400, "UNSUPPORTED_OPERATION_DISK_STATUS");
        ok("DetachDisks", "{\"diskIds\":[\"" + d + "\"]}");
        assertEquals("DETACHING", status(d));
        ok("DescribeInstances", "{}").body("response.dataSet[0].dataDisks", hasSize(0));
        advance(2);
        ok("DescribeDisks", "{\"diskIds\":[\"" + d + "\"]}").body("response.dataSet[0].diskStatus", equalTo("AVAILABLE"))
                .body("response.dataSet[0].instanceId", nullValue());
        // the instance's own disks are not stand-alone
        String sys = ok("DescribeDisks", "{\"diskType\":\"SYSTEM\"}").extract().path("response.dataSet[0].diskId");
        fails("TerminateDisk", "{\"diskId\":\"" + sys + "\"}", 400, "UNSUPPORTED_OPERATION_DISK_SYSTEM_TYPE");
        fails("DetachDisks", "{\"diskIds\":[\"" + sys + "\"]}", 400, "UNSUPPORTED_OPERATION_DISK_SYSTEM_TYPE");
    }

    @Test
    void terminateToTheRecycleBinThenRelease() {
        String d = disk("SEL-A", 20);
        fails("ReleaseDisk", "{\"diskId\":\"" + d + "\"}", 400, "UNSUPPORTED_OPERATION_DISK_NOT_BEING_RECYCLE");
        advance(2);
        ok("TerminateDisk", "{\"diskId\":\"" + d + "\"}");
        assertEquals("RECYCLING", status(d));
        fails("ReleaseDisk", "{\"diskId\":\"" + d + "\"}", 400, "UNSUPPORTED_OPERATION_RECYCLE_STATUS");
        advance(2);
        assertEquals("RECYCLED", status(d));
        // Terraform counts this as success
        fails("TerminateDisk", "{\"diskId\":\"" + d + "\"}", 400, "UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE");
        fails("ModifyDisksAttributes", "{\"diskIds\":[\"" + d + "\"],\"diskName\":\"x\"}", 400, "UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE");
        ok("ReleaseDisk", "{\"diskId\":\"" + d + "\"}");
        assertEquals("DELETING", status(d));
        advance(2);
        ok("DescribeDisks", "{\"diskIds\":[\"" + d + "\"]}").body("response.totalCount", equalTo(0));
        fails("ReleaseDisk", "{\"diskId\":\"" + d + "\"}", 404, "INVALID_DISK_NOT_FOUND");
    }

    @Test
    void anAttachedDiskStaysInUseInTheRecycleBinAndIsDetachedAtRelease() {
        String i = running(1).get(0);
        List<String> made = ok("CreateDisks", "{\"chargeType\":\"POSTPAID\",\"diskName\":\"d\",\"diskSize\":20,\"instanceId\":\"" + i
                + "\",\"zoneId\":\"HKG-A\",\"diskAmount\":2}").extract().path("response.diskIds");
        // instanceId wins over zoneId: the instance's zone
        ok("DescribeDisks", "{\"diskIds\":[\"" + made.get(0) + "\"]}").body("response.dataSet[0].zoneId", equalTo("SEL-A"))
                .body("response.dataSet[0].diskStatus", equalTo("CREATING"))
                .body("response.dataSet[0].instanceId", equalTo(i));
        advance(2);
        assertEquals("ATTACHING", status(made.get(0)));
        advance(2);
        assertEquals("IN_USE", status(made.get(1)));
        ok("TerminateInstance", "{\"instanceId\":\"" + i + "\"}");
        advance(2);
        assertEquals("IN_USE", status(made.get(0)));
        // the system disk follows the instance into the bin
        ok("DescribeDisks", "{\"diskType\":\"SYSTEM\"}").body("response.dataSet[0].diskStatus", equalTo("RECYCLED"));
        fails("DetachDisks", "{\"diskIds\":[\"" + made.get(0) + "\"]}", 400, "UNSUPPORTED_OPERATION_INSTANCE_STATUS");
        ok("ReleaseInstances", ids(List.of(i)));
        ok("DescribeDisks", "{\"diskIds\":" + ids(made).substring(ids(made).indexOf('['), ids(made).lastIndexOf(']') + 1) + "}")
                .body("response.dataSet.diskStatus", contains("AVAILABLE", "AVAILABLE"))
                .body("response.dataSet.instanceId", contains(nullValue(), nullValue()));
        advance(2);
        ok("DescribeDisks", "{}").body("response.totalCount", equalTo(2));
    }

    @Test
    void theInstanceCapIsFifteenDataDisks() {
        String i = running(1).get(0);
        fails("CreateDisks", "{\"chargeType\":\"POSTPAID\",\"diskName\":\"d\",\"diskSize\":20,\"instanceId\":\"" + i + "\",\"diskAmount\":16}",
                400, "LIMIT_EXCEEDED_INSTANCE_CAN_ATTACH");
        ok("CreateDisks", "{\"chargeType\":\"POSTPAID\",\"diskName\":\"d\",\"diskSize\":20,\"instanceId\":\"" + i + "\",\"diskAmount\":15}");
        String d = disk("SEL-A", 20);
        advance(4);
        fails("AttachDisks", "{\"diskIds\":[\"" + d + "\"],\"instanceId\":\"" + i + "\"}", 400, "LIMIT_EXCEEDED_INSTANCE_CAN_ATTACH");
    }
}
