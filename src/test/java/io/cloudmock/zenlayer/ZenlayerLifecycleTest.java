package io.cloudmock.zenlayer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The state sequences of reference section 9, step by step on the manual clock (2 s per transient state). */
class ZenlayerLifecycleTest extends ZenlayerTestBase {

    @Test
    void createGoesPendingDeployingRunning() {
        String id = create(1).get(0);
        assertEquals("PENDING", state(id));
        advance(1);
        assertEquals("PENDING", state(id));
        advance(1);
        assertEquals("DEPLOYING", state(id));
        advance(2);
        assertEquals("RUNNING", state(id));
        advance(60);
        assertEquals("RUNNING", state(id));
    }

    @Test
    void stopGoesStoppingStoppedAndStartGoesBootingRunning() {
        String id = running(1).get(0);
        ok("StopInstances", "{\"instanceIds\":[\"" + id + "\"],\"forceShutdown\":true}");
        assertEquals("STOPPING", state(id));
        advance(2);
        assertEquals("STOPPED", state(id));
        ok("StartInstances", ids(List.of(id)));
        assertEquals("BOOTING", state(id));
        advance(2);
        assertEquals("RUNNING", state(id));
    }

    @Test
    void rebootGoesRebootRunning() {
        String id = running(1).get(0);
        ok("RebootInstances", ids(List.of(id)));
        assertEquals("REBOOT", state(id));
        advance(2);
        assertEquals("RUNNING", state(id));
    }

    @Test
    void terminateGoesRecyclingRecycleAndReleaseRemovesTheInstance() {
        String id = running(1).get(0);
        ok("TerminateInstance", "{\"instanceId\":\"" + id + "\"}");
        assertEquals("RECYCLING", state(id));
        advance(2);
        assertEquals("RECYCLE", state(id));
        describe(id).body("response.dataSet[0].instanceStatus", equalTo("RECYCLE"));
        ok("ReleaseInstances", ids(List.of(id)));
        assertEquals("RELEASING", state(id));
        advance(2);
        ok("DescribeInstances", ids(List.of(id))).body("response.totalCount", equalTo(0)).body("response.dataSet.size()", equalTo(0));
        ok("DescribeInstancesStatus", ids(List.of(id))).body("response.totalCount", equalTo(0));
        fails("StartInstances", ids(List.of(id)), 404, "INVALID_INSTANCE_NOT_FOUND");
    }

    @Test
    void terminateWorksFromStoppedAndCutsATransitionShort() {
        List<String> ids = running(2);
        ok("StopInstances", ids(List.of(ids.get(0))));
        advance(2);
        ok("TerminateInstance", "{\"instanceId\":\"" + ids.get(0) + "\"}");
        ok("StopInstances", ids(List.of(ids.get(1))));
        ok("TerminateInstance", "{\"instanceId\":\"" + ids.get(1) + "\"}");
        advance(2);
        assertEquals("RECYCLE", state(ids.get(0)));
        assertEquals("RECYCLE", state(ids.get(1)));
    }

    @Test
    void resetInstanceRebuildsAStoppedInstanceFromAnotherImage() {
        String key = importKey("key-1");
        String id = running(1).get(0);
        ok("StopInstances", ids(List.of(id)));
        advance(2);
        ok("ResetInstance", "{\"instanceId\":\"" + id + "\",\"imageId\":\"img-debian-12-x64\",\"keyId\":\"" + key + "\","
                + "\"instanceName\":\"rebuilt\",\"wanName\":\"wan0\",\"lanName\":\"lan0\"}");
        assertEquals("REBUILDING", state(id));
        advance(2);
        describe(id).body("response.dataSet[0].instanceStatus", equalTo("RUNNING"))
                .body("response.dataSet[0].imageId", equalTo("img-debian-12-x64"))
                .body("response.dataSet[0].imageName", equalTo("Debian 12 64bit"))
                .body("response.dataSet[0].keyId", equalTo(key))
                .body("response.dataSet[0].instanceName", equalTo("rebuilt"))
                .body("response.dataSet[0].nic.wanName", equalTo("wan0"))
                .body("response.dataSet[0].nic.lanName", equalTo("lan0"));
    }

    @Test
    void resetInstanceErrors() {
        String id = running(1).get(0);
        fails("ResetInstance", "{\"instanceId\":\"" + id + "\",\"password\":\"Passw0rd!\"}", 403, "OPERATION_DENIED_INSTANCE_NOT_STOPPED");
        fails("ResetInstance", "{\"password\":\"Passw0rd!\"}", 400, "MISSING_PARAMETER");
        // neither password nor keyId is allowed (a random password is mailed): the instance is simply not STOPPED
        fails("ResetInstance", "{\"instanceId\":\"" + id + "\"}", 403, "OPERATION_DENIED_INSTANCE_NOT_STOPPED");
        fails("ResetInstance", "{\"instanceId\":\"" + id + "\",\"password\":\"Passw0rd!\",\"keyId\":\"k\"}", 400,
                "INVALID_PARAMETER_INSTANCE_LOGIN_CONFLICT");
        fails("ResetInstance", "{\"instanceId\":\"" + id + "\",\"password\":\"short\"}", 400, "INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED");
        fails("ResetInstance", "{\"instanceId\":\"" + id + "\",\"keyId\":\"k\",\"imageId\":\"img-nope\"}", 404, "INVALID_IMAGE_NOT_FOUND");
        fails("ResetInstance", "{\"instanceId\":\"999\",\"keyId\":\"k\"}", 404, "INVALID_INSTANCE_NOT_FOUND");
        fails("ResetInstance", "{\"instanceId\":\"" + id + "\",\"keyId\":\"k\",\"wanName\":\"BAD\"}", 400,
                "INVALID_PARAMETER_NIC_NAME_MALFORMED");
        ok("StopInstances", ids(List.of(id)));
        advance(2);
        fails("ResetInstance", "{\"instanceId\":\"" + id + "\",\"keyId\":\"k\",\"wanName\":\"eth1\"}", 400,
                "INVALID_PARAMETER_NIC_NAME_CONFLICT");
        fails("ResetInstance", "{\"instanceId\":\"" + id + "\",\"keyId\":\"k\",\"instanceName\":\"bad name\"}", 400,
                "INVALID_PARAMETER_PATTERN_ERROR");
        // a key that is not in the account's key-pair store (CCS or VM 2023)
        fails("ResetInstance", "{\"instanceId\":\"" + id + "\",\"keyId\":\"key-nope0000\"}", 404, "INVALID_KEY_PAIR_NOT_FOUND");
        String key = importKey("win");
        fails("ResetInstance", "{\"instanceId\":\"" + id + "\",\"keyId\":\"" + key + "\",\"imageId\":\"img-windows-2022-x64\"}", 400,
                "INVALID_PARAMETER_VALUE");
        assertEquals("STOPPED", state(id));
    }

    @Test
    void resetPasswordNeedsStoppedOrRunningAnswers400OtherwiseAndRestartsAStoppedOne() {
        String id = running(1).get(0);
        ok("StopInstances", ids(List.of(id)));
        assertEquals("STOPPING", state(id));
        fails("ResetInstancesPassword", "{\"instanceIds\":[\"" + id + "\"],\"password\":\"NewPassw0rd\"}", 400,
                "OPERATION_DENIED_INSTANCE_NOT_STOPPED");
        advance(2);
        fails("ResetInstancesPassword", "{\"instanceIds\":[\"" + id + "\"],\"password\":\"bad pass word\"}", 400,
                "INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED");
        fails("ResetInstancesPassword", "{\"instanceIds\":[\"" + id + "\"]}", 400, "MISSING_PARAMETER");
        fails("ResetInstancesPassword", "{\"instanceIds\":[\"nope\"],\"password\":\"NewPassw0rd\"}", 404, "INVALID_INSTANCE_NOT_FOUND");
        ok("ResetInstancesPassword", "{\"instanceIds\":[\"" + id + "\"],\"password\":\"NewPassw0rd\"}");
        assertEquals("BOOTING", state(id));
        advance(2);
        assertEquals("RUNNING", state(id));
        // a RUNNING instance gets its password in place and stays RUNNING (what the Terraform provider relies on)
        ok("ResetInstancesPassword", "{\"instanceIds\":[\"" + id + "\"],\"password\":\"NewPassw0rd2\"}");
        assertEquals("RUNNING", state(id));
    }

    @Test
    void resetInstanceWithoutPasswordOrKeyKeepsNoKey() {
        String id = running(1).get(0);
        ok("StopInstances", ids(List.of(id)));
        advance(2);
        ok("ResetInstance", V2023, "{\"instanceId\":\"" + id + "\",\"imageId\":\"img-centos-79-x64\"}");
        assertEquals("REBUILDING", state(id));
        advance(2);
        describe(id).body("response.dataSet[0].instanceStatus", equalTo("RUNNING"))
                .body("response.dataSet[0].imageId", equalTo("img-centos-79-x64"))
                .body("response.dataSet[0].keyId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void modifyAttributeRenamesAllOrNone() {
        List<String> ids = running(2);
        ok("ModifyInstancesAttribute", "{\"instanceIds\":[\"" + ids.get(0) + "\",\"" + ids.get(1) + "\"],\"instanceName\":\"web-1.a\"}");
        describe(ids.get(0)).body("response.dataSet[0].instanceName", equalTo("web-1.a"));
        describe(ids.get(1)).body("response.dataSet[0].instanceName", equalTo("web-1.a"));
        fails("ModifyInstancesAttribute", "{\"instanceIds\":[\"" + ids.get(0) + "\",\"404404\"],\"instanceName\":\"other\"}",
                404, "INVALID_INSTANCE_NOT_FOUND").body("message", containsString("404404"));
        describe(ids.get(0)).body("response.dataSet[0].instanceName", equalTo("web-1.a"));
        fails("ModifyInstancesAttribute", "{\"instanceIds\":[\"" + ids.get(0) + "\"]}", 400, "MISSING_PARAMETER");
        fails("ModifyInstancesAttribute", "{\"instanceIds\":[\"" + ids.get(0) + "\"],\"instanceName\":\"a_b\"}", 400,
                "INVALID_PARAMETER_PATTERN_ERROR");
        fails("ModifyInstancesAttribute", "{\"instanceIds\":[\"" + ids.get(0) + "\"],\"instanceName\":\"" + "x".repeat(65) + "\"}",
                400, "INVALID_PARAMETER_EXCEED_LENGTH");
        ok("TerminateInstance", "{\"instanceId\":\"" + ids.get(1) + "\"}");
        fails("ModifyInstancesAttribute", "{\"instanceIds\":[\"" + ids.get(1) + "\"],\"instanceName\":\"x\"}", 403,
                "OPERATION_DENIED_INSTANCE_RECYCLED");
    }

    @Test
    void modifyResourceGroupMovesAllOrNone() {
        List<String> ids = running(2);
        ok("ModifyInstancesResourceGroup", "{\"instanceIds\":[\"" + ids.get(0) + "\",\"" + ids.get(1) + "\"],\"resourceGroupId\":\"rg-2\"}");
        describe(ids.get(0)).body("response.dataSet[0].resourceGroupId", equalTo("rg-2"))
                .body("response.dataSet[0].resourceGroupName", equalTo("rg-2"));
        ok("DescribeInstances", "{\"resourceGroupId\":\"rg-2\"}").body("response.totalCount", equalTo(2));
        fails("ModifyInstancesResourceGroup", "{\"instanceIds\":[\"" + ids.get(0) + "\",\"9\"],\"resourceGroupId\":\"rg-default\"}",
                404, "INVALID_INSTANCE_NOT_FOUND");
        describe(ids.get(0)).body("response.dataSet[0].resourceGroupId", equalTo("rg-2"));
        fails("ModifyInstancesResourceGroup", ids(List.of(ids.get(0))), 400, "MISSING_PARAMETER");
        ok("ModifyInstancesResourceGroup", "{\"instanceIds\":[\"" + ids.get(0) + "\"],\"resourceGroupId\":\"rg-default\"}");
        describe(ids.get(0)).body("response.dataSet[0].resourceGroupName", equalTo("Default Resource Group"));
    }

    @Test
    void stateDenialsUseTheDocumentedCodes() {
        String id = running(1).get(0);
        fails("StartInstances", ids(List.of(id)), 403, "OPERATION_DENIED_INSTANCE_NOT_STOPPED");
        ok("StopInstances", ids(List.of(id)));
        fails("StopInstances", ids(List.of(id)), 403, "OPERATION_DENIED_INSTANCE_NOT_RUNNING");
        fails("RebootInstances", ids(List.of(id)), 403, "OPERATION_DENIED_INSTANCE_STATUS");
        advance(2);
        fails("StopInstances", ids(List.of(id)), 403, "OPERATION_DENIED_INSTANCE_NOT_RUNNING")
                .body("message", containsString("Only operations on instances in RUNNING status are supported"));
        fails("ReleaseInstances", ids(List.of(id)), 403, "OPERATION_DENIED_INSTANCE_NOT_RECYCLED");
    }

    @Test
    void creatingInstancesCannotBeOperated() {
        String id = create(1).get(0);
        fails("TerminateInstance", "{\"instanceId\":\"" + id + "\"}", 403, "OPERATION_DENIED_INSTANCE_CREATING");
        fails("StopInstances", ids(List.of(id)), 403, "OPERATION_DENIED_INSTANCE_NOT_RUNNING");
        advance(2);
        fails("TerminateInstance", "{\"instanceId\":\"" + id + "\"}", 403, "OPERATION_DENIED_INSTANCE_CREATING");
    }

    @Test
    void recycleBinDeniesEveryOperationButRelease() {
        String id = running(1).get(0);
        ok("TerminateInstance", "{\"instanceId\":\"" + id + "\"}");
        for (String action : List.of("StartInstances", "StopInstances", "RebootInstances")) {
            fails(action, ids(List.of(id)), 403, "OPERATION_DENIED_INSTANCE_RECYCLED");
        }
        fails("TerminateInstance", "{\"instanceId\":\"" + id + "\"}", 403, "OPERATION_DENIED_INSTANCE_RECYCLED");
        advance(2);
        fails("TerminateInstance", "{\"instanceId\":\"" + id + "\"}", 403, "OPERATION_DENIED_INSTANCE_RECYCLED");
        fails("ResetInstancesPassword", "{\"instanceIds\":[\"" + id + "\"],\"password\":\"NewPassw0rd\"}", 403,
                "OPERATION_DENIED_INSTANCE_RECYCLED");
        fails("ResetInstance", "{\"instanceId\":\"" + id + "\",\"keyId\":\"k\"}", 403, "OPERATION_DENIED_INSTANCE_RECYCLED");
        ok("ReleaseInstances", ids(List.of(id)));
    }

    @Test
    void prepaidInstancesCannotBeTerminated() {
        String id = ok("CreateInstances", "{\"zoneId\":\"HKG-A\",\"imageId\":\"img-ubuntu-2204-x64\",\"instanceType\":\"c.1c2g\","
                + "\"instanceChargeType\":\"PREPAID\",\"instanceChargePrepaid\":{\"period\":1},"
                + "\"internetChargeType\":\"ByBandwidth\"," + LOGIN + "}").extract().path("response.instanceIdSet[0]");
        advance(4);
        fails("TerminateInstance", "{\"instanceId\":\"" + id + "\"}", 403, "OPERATION_DENIED_INSTANCE_SUBSCRIPTION");
        fails("TerminateInstance", "{}", 400, "MISSING_PARAMETER");
        fails("TerminateInstance", "{\"instanceId\":\"nope\"}", 404, "INVALID_INSTANCE_NOT_FOUND");
    }

    @Test
    void batchesCheckExistenceThenRecycleBinThenStateAndApplyToAllOrNone() {
        List<String> ids = running(3);
        ok("TerminateInstance", "{\"instanceId\":\"" + ids.get(2) + "\"}");
        ok("StopInstances", ids(List.of(ids.get(1))));
        advance(2);
        // ids[0] RUNNING, ids[1] STOPPED, ids[2] RECYCLE
        List<String> all = new ArrayList<>(ids);
        all.add("777");
        fails("StopInstances", ids(all), 404, "INVALID_INSTANCE_NOT_FOUND").body("message", containsString("777"));
        fails("StopInstances", ids(ids), 403, "OPERATION_DENIED_INSTANCE_RECYCLED");
        fails("StopInstances", ids(ids.subList(0, 2)), 403, "OPERATION_DENIED_INSTANCE_NOT_RUNNING");
        assertEquals("RUNNING", state(ids.get(0)));
        assertEquals("STOPPED", state(ids.get(1)));
        assertEquals("RECYCLE", state(ids.get(2)));
        // duplicates fold into one
        ok("StopInstances", ids(List.of(ids.get(0), ids.get(0))));
        assertEquals("STOPPING", state(ids.get(0)));
    }

    @Test
    void batchesTakeAtMostOneHundredIds() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) many.add("id" + i);
        for (String action : List.of("StartInstances", "StopInstances", "RebootInstances", "ReleaseInstances",
                "DescribeInstances", "DescribeInstancesStatus")) {
            fails(action, ids(many), 400, "INVALID_PARAMETER_EXCEED_LENGTH");
        }
        for (String action : List.of("StartInstances", "StopInstances", "RebootInstances", "ReleaseInstances")) {
            fails(action, "{}", 400, "MISSING_PARAMETER").body("message", containsString("instanceIds"));
            fails(action, "{\"instanceIds\":[]}", 400, "MISSING_PARAMETER");
        }
        List<String> hundred = running(100);
        ok("StopInstances", ids(hundred));
        advance(2);
        ok("DescribeInstancesStatus", ids(hundred) .replace("}", ",\"pageSize\":1000}"))
                .body("response.dataSet.findAll { it.instanceStatus == 'STOPPED' }.size()", equalTo(100));
    }

    @Test
    void theSameSequencesUnderTheLegacyVersion() {
        String id = ok("CreateInstances", V2023, createBody(1)).extract().path("response.instanceIdSet[0]");
        advance(4);
        ok("StopInstances", V2023, ids(List.of(id)));
        advance(2);
        ok("StartInstances", V2023, ids(List.of(id)));
        advance(2);
        ok("TerminateInstance", V2023, "{\"instanceId\":\"" + id + "\"}");
        advance(2);
        ok("DescribeInstances", V2023, ids(List.of(id))).body("response.dataSet[0].instanceStatus", equalTo("RECYCLE"));
        ok("ReleaseInstances", V2023, ids(List.of(id)));
        advance(2);
        ok("DescribeInstances", V2023, ids(List.of(id))).body("response.totalCount", equalTo(0));
    }
}
