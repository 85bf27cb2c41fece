package io.cloudmock.zenlayer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Resource;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An instance's public network billing: DescribeInstanceInternetStatus, ModifyInstanceBandwidth and
 * ModifyInstanceTrafficPackage (field names of the Go SDK {@code vm20230313} models, the client the Terraform
 * provider uses; {@code vm20260401} and the CLI pages have the same names).
 *
 * <p>A change takes effect at once ({@code Enable}), as the CLI pages say for postpaid instances and for
 * prepaid upgrades; a prepaid downgrade "will take effect" in the next billing cycle, so it waits as
 * {@code WaitToEnable} with the current value unchanged. The instance's {@code instanceStatus} never moves, so
 * no transition-table row is involved. What is pending is kept in the instance's fields under the
 * DescribeInstanceInternetStatus wire names (they are not InstanceInfo fields, so DescribeInstances does not
 * show them).
 */
final class InternetOperations {
    static final String ENABLE = "Enable";
    static final String WAIT_TO_ENABLE = "WaitToEnable";
    static final String BY_TRAFFIC_PACKAGE = "ByTrafficPackage";
    static final String BY_BANDWIDTH = "ByBandwidth";

    /** ModifyInstanceTrafficPackage: "only ... instances whose status is RUNNING or STOPPED". */

    private InternetOperations() {}

    static void describeStatus(ZenlayerCall call, ObjectNode response) {
        String id = call.body().requiredString("instanceId");
        call.account().atomically(tx -> {
            Resource i = tx.get(ZenlayerModel.PROVIDER, ZenlayerModel.KIND, id);
            if (i == null) throw ZenlayerError.INVALID_INSTANCE_NOT_FOUND.with(id);
            Map<String, Object> f = i.fields();
            response.put("instanceId", i.id());
            response.put("instanceName", i.string("instanceName"));
            putNumber(response, "internetMaxBandwidthOut", f.get("internetMaxBandwidthOut"));
            putNumber(response, "modifiedInternetMaxBandwidthOut", f.get("modifiedInternetMaxBandwidthOut"));
            response.put("modifiedBandwidthStatus", text(f.get("modifiedBandwidthStatus"), ENABLE));
            putNumber(response, "trafficPackageSize", f.get("trafficPackageSize"));
            putNumber(response, "modifiedTrafficPackageSize", f.get("modifiedTrafficPackageSize"));
            response.put("modifiedTrafficPackageStatus", text(f.get("modifiedTrafficPackageStatus"), ENABLE));
            return null;
        });
    }

    /** RUNNING only; 1 up to the instance type's limit. */
    static void modifyBandwidth(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        String id = b.requiredString("instanceId");
        Integer target = b.integer("internetMaxBandwidthOut", 1, Integer.MAX_VALUE);
        if (target == null) throw ZenlayerError.MISSING_PARAMETER.with("internetMaxBandwidthOut");
        InstanceOperations.batch(call, List.of(id), true, (tx, found) -> {
            Resource i = found.get(0);
            tx.allowed(ZenlayerTransitions.MODIFY_BANDWIDTH, i);
            ZenlayerCatalog.InstanceType type = ZenlayerCatalog.INSTANCE_TYPES.get(i.string("instanceType"));
            if (type != null && target > type.internetMaxBandwidthOutLimit()) {
                throw ZenlayerError.INVALID_BANDWIDTH_VALUE_EXCEED_MAXIMUM.with(target, type.internetMaxBandwidthOutLimit(),
                        type.instanceType());
            }
            Map<String, Object> f = i.fields();
            int current = f.get("internetMaxBandwidthOut") instanceof Number n ? n.intValue() : 0;
            boolean nextCycle = "PREPAID".equals(f.get("instanceChargeType")) && BY_BANDWIDTH.equals(f.get("internetChargeType"))
                    && target < current;
            f.put("modifiedInternetMaxBandwidthOut", target);
            f.put("modifiedBandwidthStatus", nextCycle ? WAIT_TO_ENABLE : ENABLE);
            if (!nextCycle) f.put("internetMaxBandwidthOut", target);
            tx.touched();
        });
        response.put("orderNumber", call.model().newId());
    }

    /** RUNNING or STOPPED, ByTrafficPackage instances only; size in TB, 0 or more. */
    static void modifyTrafficPackage(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        String id = b.requiredString("instanceId");
        Double target = b.number("trafficPackageSize");
        if (target == null) throw ZenlayerError.MISSING_PARAMETER.with("trafficPackageSize");
        if (target < 0) throw ZenlayerError.INVALID_PARAMETER_LESS_MINIMUM.with("trafficPackageSize", 0);
        InstanceOperations.batch(call, List.of(id), true, (tx, found) -> {
            Resource i = found.get(0);
            tx.allowed(ZenlayerTransitions.MODIFY_TRAFFIC_PACKAGE, i);
            if (!BY_TRAFFIC_PACKAGE.equals(i.fields().get("internetChargeType"))) {
                throw ZenlayerError.OPERATION_FILED_INTERNET_CHARGE_TYPE_NOT_SUPPORT_TRAFFIC_PACKAGE.with(i.id(),
                        i.fields().get("internetChargeType"));
            }
            Map<String, Object> f = i.fields();
            double current = f.get("trafficPackageSize") instanceof Number n ? n.doubleValue() : 0;
            boolean nextCycle = "PREPAID".equals(f.get("instanceChargeType")) && target < current;
            f.put("modifiedTrafficPackageSize", target);
            f.put("modifiedTrafficPackageStatus", nextCycle ? WAIT_TO_ENABLE : ENABLE);
            if (!nextCycle) f.put("trafficPackageSize", target);
            tx.touched();
        });
        response.put("orderNumber", call.model().newId());
    }

    /** An integer stays an integer and a float a float on the wire; absent is null. */
    private static void putNumber(ObjectNode o, String name, Object v) {
        if (v instanceof Integer n) o.put(name, n);
        else if (v instanceof Long n) o.put(name, n);
        else if (v instanceof Number n) o.put(name, n.doubleValue());
        else o.putNull(name);
    }

    private static String text(Object v, String fallback) { return v == null ? fallback : v.toString(); }
}
