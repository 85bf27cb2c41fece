package io.cloudmock.zenlayer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** DescribeInstanceInternetStatus, ModifyInstanceBandwidth, ModifyInstanceTrafficPackage. */
class ZenlayerNetworkBillingTest extends ZenlayerTestBase {
    static String instance(String id) { return "{\"instanceId\":\"" + id + "\"}"; }

    static String prepaidTraffic(double size) {
        return "{\"zoneId\":\"HKG-A\",\"imageId\":\"img-ubuntu-2204-x64\",\"instanceType\":\"c.1c2g\","
                + "\"instanceChargeType\":\"PREPAID\",\"instanceChargePrepaid\":{\"period\":1},"
                + "\"internetChargeType\":\"ByTrafficPackage\",\"trafficPackageSize\":" + size + "," + LOGIN + "}";
    }

    @Test
    void internetStatusOfAFreshInstanceHasEveryFieldWithItsType() {
        String id = running(1).get(0);
        ok("DescribeInstanceInternetStatus", V2023, instance(id))
                .body("response.size()", equalTo(9))
                .body("response.instanceId", equalTo(id))
                .body("response.instanceName", equalTo("instance"))
                .body("response.internetMaxBandwidthOut", equalTo(1))
                .body("response.modifiedInternetMaxBandwidthOut", nullValue())
                .body("response.modifiedBandwidthStatus", equalTo("Enable"))
                .body("response.trafficPackageSize", nullValue())
                .body("response.modifiedTrafficPackageSize", nullValue())
                .body("response.modifiedTrafficPackageStatus", equalTo("Enable"));
    }

    @Test
    void internetStatusErrors() {
        fails("DescribeInstanceInternetStatus", "{}", 400, "MISSING_PARAMETER");
        fails("DescribeInstanceInternetStatus", "{\"instanceId\":7}", 400, "INVALID_PARAMETER_TYPE");
        fails("DescribeInstanceInternetStatus", instance("404404"), 404, "INVALID_INSTANCE_NOT_FOUND");
    }

    @Test
    void bandwidthChangeOfAPostpaidInstanceTakesEffectAtOnce() {
        String id = running(1).get(0);
        ok("ModifyInstanceBandwidth", V2023, "{\"instanceId\":\"" + id + "\",\"internetMaxBandwidthOut\":50}")
                .body("response.size()", equalTo(2))
                .body("response.orderNumber", matchesPattern("[0-9]+"));
        ok("DescribeInstanceInternetStatus", V2023, instance(id))
                .body("response.internetMaxBandwidthOut", equalTo(50))
                .body("response.modifiedInternetMaxBandwidthOut", equalTo(50))
                .body("response.modifiedBandwidthStatus", equalTo("Enable"));
        describe(id).body("response.dataSet[0].internetMaxBandwidthOut", equalTo(50))
                .body("response.dataSet[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("modifiedBandwidthStatus")));
        assertEquals("RUNNING", state(id));
    }

    @Test
    void prepaidBandwidthDowngradeWaitsForTheNextCycleAndUpgradeIsImmediate() {
        String id = ok("CreateInstances", "{\"zoneId\":\"HKG-A\",\"imageId\":\"img-ubuntu-2204-x64\",\"instanceType\":\"c.2c4g\","
                + "\"instanceChargeType\":\"PREPAID\",\"instanceChargePrepaid\":{\"period\":1},"
                + "\"internetChargeType\":\"ByBandwidth\",\"internetMaxBandwidthOut\":20," + LOGIN + "}")
                .extract().path("response.instanceIdSet[0]");
        advance(4);
        ok("ModifyInstanceBandwidth", "{\"instanceId\":\"" + id + "\",\"internetMaxBandwidthOut\":10}");
        ok("DescribeInstanceInternetStatus", instance(id))
                .body("response.internetMaxBandwidthOut", equalTo(20))
                .body("response.modifiedInternetMaxBandwidthOut", equalTo(10))
                .body("response.modifiedBandwidthStatus", equalTo("WaitToEnable"));
        ok("ModifyInstanceBandwidth", "{\"instanceId\":\"" + id + "\",\"internetMaxBandwidthOut\":200}");
        ok("DescribeInstanceInternetStatus", instance(id))
                .body("response.internetMaxBandwidthOut", equalTo(200))
                .body("response.modifiedBandwidthStatus", equalTo("Enable"));
    }

    @Test
    void bandwidthErrorsChangeNothing() {
        String id = running(1).get(0);
        fails("ModifyInstanceBandwidth", instance(id), 400, "MISSING_PARAMETER");
        fails("ModifyInstanceBandwidth", "{\"internetMaxBandwidthOut\":5}", 400, "MISSING_PARAMETER");
        fails("ModifyInstanceBandwidth", "{\"instanceId\":\"" + id + "\",\"internetMaxBandwidthOut\":\"5\"}", 400, "INVALID_PARAMETER_TYPE");
        fails("ModifyInstanceBandwidth", "{\"instanceId\":\"" + id + "\",\"internetMaxBandwidthOut\":0}", 400, "INVALID_PARAMETER_LESS_MINIMUM");
        // c.1c2g allows 100 Mbps (DescribeZoneInstanceConfigInfos' internetMaxBandwidthOutLimit)
        fails("ModifyInstanceBandwidth", "{\"instanceId\":\"" + id + "\",\"internetMaxBandwidthOut\":101}", 400,
                "INVALID_BANDWIDTH_VALUE_EXCEED_MAXIMUM");
        fails("ModifyInstanceBandwidth", "{\"instanceId\":\"404404\",\"internetMaxBandwidthOut\":5}", 404, "INVALID_INSTANCE_NOT_FOUND");
        ok("StopInstances", ids(List.of(id)));
        advance(2);
        fails("ModifyInstanceBandwidth", "{\"instanceId\":\"" + id + "\",\"internetMaxBandwidthOut\":5}", 403,
                "OPERATION_DENIED_INSTANCE_NOT_RUNNING");
        ok("TerminateInstance", instance(id));
        fails("ModifyInstanceBandwidth", "{\"instanceId\":\"" + id + "\",\"internetMaxBandwidthOut\":5}", 403,
                "OPERATION_DENIED_INSTANCE_RECYCLED");
        ok("DescribeInstanceInternetStatus", instance(id)).body("response.internetMaxBandwidthOut", equalTo(1))
                .body("response.modifiedInternetMaxBandwidthOut", nullValue());
    }

    @Test
    void trafficPackageUpgradeIsImmediateDowngradeWaitsAndSizesStayFloats() {
        String id = ok("CreateInstances", prepaidTraffic(1.5)).extract().path("response.instanceIdSet[0]");
        advance(4);
        ok("DescribeInstanceInternetStatus", V2023, instance(id))
                .body("response.trafficPackageSize", instanceOf(Float.class))
                .body("response.trafficPackageSize", equalTo(1.5f));
        ok("ModifyInstanceTrafficPackage", V2023, "{\"instanceId\":\"" + id + "\",\"trafficPackageSize\":2.5}")
                .body("response.orderNumber", matchesPattern("[0-9]+"));
        ok("DescribeInstanceInternetStatus", V2023, instance(id))
                .body("response.trafficPackageSize", equalTo(2.5f))
                .body("response.modifiedTrafficPackageSize", equalTo(2.5f))
                .body("response.modifiedTrafficPackageStatus", equalTo("Enable"));
        describe(id).body("response.dataSet[0].trafficPackageSize", equalTo(2.5f));
        ok("StopInstances", ids(List.of(id)));
        advance(2);
        ok("ModifyInstanceTrafficPackage", "{\"instanceId\":\"" + id + "\",\"trafficPackageSize\":1}");
        ok("DescribeInstanceInternetStatus", instance(id))
                .body("response.trafficPackageSize", equalTo(2.5f))
                .body("response.modifiedTrafficPackageSize", equalTo(1.0f))
                .body("response.modifiedTrafficPackageStatus", equalTo("WaitToEnable"));
    }

    @Test
    void trafficPackageErrorsChangeNothing() {
        String byBandwidth = running(1).get(0);
        fails("ModifyInstanceTrafficPackage", "{\"instanceId\":\"" + byBandwidth + "\",\"trafficPackageSize\":1}", 403,
                "OPERATION_FILED_INTERNET_CHARGE_TYPE_NOT_SUPPORT");
        String id = ok("CreateInstances", prepaidTraffic(1)).extract().path("response.instanceIdSet[0]");
        fails("ModifyInstanceTrafficPackage", "{\"instanceId\":\"" + id + "\",\"trafficPackageSize\":2}", 403,
                "OPERATION_DENIED_INSTANCE_STATUS");
        advance(4);
        fails("ModifyInstanceTrafficPackage", instance(id), 400, "MISSING_PARAMETER");
        fails("ModifyInstanceTrafficPackage", "{\"instanceId\":\"" + id + "\",\"trafficPackageSize\":\"2\"}", 400, "INVALID_PARAMETER_TYPE");
        fails("ModifyInstanceTrafficPackage", "{\"instanceId\":\"" + id + "\",\"trafficPackageSize\":-1}", 400,
                "INVALID_PARAMETER_LESS_MINIMUM");
        fails("ModifyInstanceTrafficPackage", "{\"instanceId\":\"404404\",\"trafficPackageSize\":2}", 404, "INVALID_INSTANCE_NOT_FOUND");
        ok("DescribeInstanceInternetStatus", instance(id)).body("response.trafficPackageSize", equalTo(1.0f))
                .body("response.modifiedTrafficPackageSize", nullValue());
    }
}
