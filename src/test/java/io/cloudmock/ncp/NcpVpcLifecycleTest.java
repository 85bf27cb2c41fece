package io.cloudmock.ncp;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The VPC server lifecycle, step by step on the manual clock (reference section 6). */
class NcpVpcLifecycleTest extends NcpApi {

    @Test
    void createShowsInitThenBootingThenRunning() {
        String id = createVpc("serverName", "web-1");
        assertEquals("INIT/NULL/init", stateOf(id));
        advance(2);
        // Terraform's create waiter accepts only INIT and CREAT until RUN
        assertEquals("CREAT/START/booting", stateOf(id));
        advance(2);
        assertEquals("RUN/NULL/running", stateOf(id));
    }

    @Test
    void theCreateResponseShowsTheNewServerInInit() {
        Net n = net();
        vpc("createLoginKey", "keyName", "my-key").then().statusCode(200);
        Response r = vpc("createServerInstances", "serverImageProductCode", UBUNTU, "vpcNo", n.vpcNo(), "subnetNo", n.subnetNo(),
                "networkInterfaceList.1.networkInterfaceOrder", "0", "networkInterfaceList.1.accessControlGroupNoList.1", n.acgNo(),
                "serverName", "api-1", "serverDescription", "first", "loginKeyName", "my-key");
        r.then().statusCode(200)
                .body("createServerInstancesResponse.totalRows", equalTo(1))
                .body("createServerInstancesResponse.returnCode", equalTo("0"))
                .body("createServerInstancesResponse.returnMessage", equalTo("success"))
                .body("createServerInstancesResponse.serverInstanceList[0].serverName", equalTo("api-1"))
                .body("createServerInstancesResponse.serverInstanceList[0].serverDescription", equalTo("first"))
                .body("createServerInstancesResponse.serverInstanceList[0].loginKeyName", equalTo("my-key"))
                .body("createServerInstancesResponse.serverInstanceList[0].vpcNo", equalTo(n.vpcNo()))
                .body("createServerInstancesResponse.serverInstanceList[0].subnetNo", equalTo(n.subnetNo()))
                .body("createServerInstancesResponse.serverInstanceList[0].zoneCode", equalTo("KR-1"))
                .body("createServerInstancesResponse.serverInstanceList[0].regionCode", equalTo("KR"))
                .body("createServerInstancesResponse.serverInstanceList[0].cpuCount", equalTo(2))
                .body("createServerInstancesResponse.serverInstanceList[0].memorySize", equalTo(4294967296L))
                .body("createServerInstancesResponse.serverInstanceList[0].platformType.code", equalTo("UBD64"))
                .body("createServerInstancesResponse.serverInstanceList[0].hypervisorType.code", equalTo("KVM"))
                .body("createServerInstancesResponse.serverInstanceList[0].serverSpecCode", equalTo("ci2-g3"))
                .body("createServerInstancesResponse.serverInstanceList[0].serverImageNo", equalTo("104630229"))
                .body("createServerInstancesResponse.serverInstanceList[0].isProtectServerTermination", equalTo(false));
        assertEquals("INIT/NULL/init", stateIn(r, "createServerInstances"));
    }

    @Test
    void stopKeepsStatusRunWhileShuttingDownThenStops() {
        String id = runningVpc();
        Response r = vpc("stopServerInstances", "serverInstanceNoList.1", id);
        r.then().statusCode(200).body("stopServerInstancesResponse.totalRows", equalTo(1));
        assertEquals("RUN/SHTDN/shutting down", stateIn(r, "stopServerInstances"));
        advance(1);
        assertEquals("RUN/SHTDN/shutting down", stateOf(id));
        advance(1);
        assertEquals("NSTOP/NULL/stopped", stateOf(id));
    }

    @Test
    void startKeepsStatusNstopWhileBootingThenRuns() {
        String id = stoppedVpc();
        Response r = vpc("startServerInstances", "serverInstanceNoList.1", id);
        r.then().statusCode(200);
        assertEquals("NSTOP/START/booting", stateIn(r, "startServerInstances"));
        advance(2);
        assertEquals("RUN/NULL/running", stateOf(id));
    }

    @Test
    void rebootGoesThroughRestart() {
        String id = runningVpc();
        Response r = vpc("rebootServerInstances", "serverInstanceNoList.1", id);
        assertEquals("RUN/RESTA/rebooting", stateIn(r, "rebootServerInstances"));
        advance(2);
        assertEquals("RUN/NULL/running", stateOf(id));
    }

    @Test
    void terminateTakesAStoppedServerAwayAndDetailThenAnswersEmpty() {
        String id = stoppedVpc();
        Response r = vpc("terminateServerInstances", "serverInstanceNoList.1", id);
        r.then().statusCode(200);
        assertEquals("NSTOP/TERMT/terminating", stateIn(r, "terminateServerInstances"));
        advance(2);
        vpc("getServerInstanceDetail", "serverInstanceNo", id).then().statusCode(200)
                .body("getServerInstanceDetailResponse.totalRows", equalTo(0))
                .body("getServerInstanceDetailResponse.serverInstanceList.size()", equalTo(0));
        vpc("getServerInstanceList").then().body("getServerInstanceListResponse.totalRows", equalTo(0));
        // and it can no longer be acted on
        vpc("startServerInstances", "serverInstanceNoList.1", id).then().statusCode(400)
                .body("responseError.returnCode", equalTo("24120"));
    }

    @Test
    void terminateOfARunningServerIsRefused() {
        String id = runningVpc();
        vpc("terminateServerInstances", "serverInstanceNoList.1", id).then().statusCode(400)
                .body("responseError.returnCode", equalTo("25022"));
        assertEquals("RUN/NULL/running", stateOf(id));
    }

    @Test
    void terminationProtectionRefusesWithTheServerName() {
        String id = stoppedVpc("serverName", "keep-me", "isProtectServerTermination", "true");
        vpc("terminateServerInstances", "serverInstanceNoList.1", id).then().statusCode(400)
                .body("responseError.returnCode", equalTo("21001"))
                .body("responseError.returnMessage",
                        equalTo("Unable to perform returning process due to set return protection. Server name : keep-me"));
        vpc("setProtectServerTermination", "serverInstanceNo", id, "isProtectServerTermination", "false")
                .then().statusCode(200)
                .body("setProtectServerTerminationResponse.serverInstanceList[0].isProtectServerTermination", equalTo(false));
        vpc("terminateServerInstances", "serverInstanceNoList.1", id).then().statusCode(200);
    }

    @Test
    void setProtectNeedsAValidBoolean() {
        String id = runningVpc();
        vpc("setProtectServerTermination", "serverInstanceNo", id).then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"))
                .body("responseError.returnMessage", equalTo("Required field is not specified. location : isProtectServerTermination."));
        vpc("setProtectServerTermination", "serverInstanceNo", id, "isProtectServerTermination", "maybe")
                .then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        // Python sends True
        vpc("setProtectServerTermination", "serverInstanceNo", id, "isProtectServerTermination", "True")
                .then().statusCode(200);
        assertEquals(true, detail(id).getBoolean("isProtectServerTermination"));
    }

    @Test
    void startOfARunningServerAndStopOfAStoppedOneAreRefused() {
        String running = runningVpc();
        String stopped = stoppedVpc();
        vpc("startServerInstances", "serverInstanceNoList.1", running).then().statusCode(400)
                .body("responseError.returnCode", equalTo("25041"));
        vpc("stopServerInstances", "serverInstanceNoList.1", stopped).then().statusCode(400)
                .body("responseError.returnCode", equalTo("25041"));
        vpc("rebootServerInstances", "serverInstanceNoList.1", stopped).then().statusCode(400)
                .body("responseError.returnCode", equalTo("25041"));
    }

    @Test
    void aServerInTransitionTakesNoOtherAction() {
        String id = runningVpc();
        vpc("stopServerInstances", "serverInstanceNoList.1", id).then().statusCode(200);
        vpc("stopServerInstances", "serverInstanceNoList.1", id).then().statusCode(400)
                .body("responseError.returnCode", equalTo("25041"));
        vpc("startServerInstances", "serverInstanceNoList.1", id).then().statusCode(400);
    }

    @Test
    void aBatchWithOneServerInTheWrongStateChangesNothing() {
        String running = runningVpc();
        String stopped = stoppedVpc();
        vpc("stopServerInstances", "serverInstanceNoList.1", running, "serverInstanceNoList.2", stopped)
                .then().statusCode(400).body("responseError.returnCode", equalTo("25041"));
        assertEquals("RUN/NULL/running", stateOf(running));
        assertEquals("NSTOP/NULL/stopped", stateOf(stopped));
    }

    @Test
    void aBatchWithAnUnknownServerChangesNothing() {
        String running = runningVpc();
        vpc("stopServerInstances", "serverInstanceNoList.1", running, "serverInstanceNoList.2", "999")
                .then().statusCode(400)
                .body("responseError.returnCode", equalTo("24120"))
                .body("responseError.returnMessage", equalTo("The input parameter server instance number is invalid."));
        assertEquals("RUN/NULL/running", stateOf(running));
    }

    @Test
    void aBatchActsOnAllItsServers() {
        String a = runningVpc();
        String b = runningVpc();
        Response r = vpc("stopServerInstances", "serverInstanceNoList.1", a, "serverInstanceNoList.2", b);
        r.then().statusCode(200).body("stopServerInstancesResponse.totalRows", equalTo(2));
        assertEquals(List.of(a, b), ids(r, "stopServerInstances"));
        advance(2);
        assertEquals("NSTOP/NULL/stopped", stateOf(a));
        assertEquals("NSTOP/NULL/stopped", stateOf(b));
    }

    @Test
    void batchesNeedIdsAndRefuseDuplicates() {
        String id = runningVpc();
        vpc("stopServerInstances").then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"))
                .body("responseError.returnMessage", equalTo("Required field is not specified. location : serverInstanceNoList."));
        vpc("stopServerInstances", "serverInstanceNoList.1", id, "serverInstanceNoList.2", id).then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"));
        assertEquals("RUN/NULL/running", stateOf(id));
    }

    @Test
    void changeSpecOfAStoppedServer() {
        String id = stoppedVpc();
        Response r = vpc("changeServerInstanceSpec", "serverInstanceNo", id, "serverProductCode", "SVR.VSVR.CPU.C004.M008.G003");
        r.then().statusCode(200)
                .body("changeServerInstanceSpecResponse.serverInstanceList[0].cpuCount", equalTo(4))
                .body("changeServerInstanceSpecResponse.serverInstanceList[0].memorySize", equalTo(8589934592L))
                .body("changeServerInstanceSpecResponse.serverInstanceList[0].serverSpecCode", equalTo("ci4-g3"));
        assertEquals("NSTOP/CHNG/changingSpec", stateIn(r, "changeServerInstanceSpec"));
        advance(2);
        assertEquals("NSTOP/NULL/stopped", stateOf(id));
        assertEquals("SVR.VSVR.CPU.C004.M008.G003", detail(id).getString("serverProductCode"));
    }

    @Test
    void changeSpecBySpecCode() {
        String id = stoppedVpc();
        vpc("changeServerInstanceSpec", "serverInstanceNo", id, "serverSpecCode", "ci4-g3").then().statusCode(200)
                .body("changeServerInstanceSpecResponse.serverInstanceList[0].serverProductCode",
                        equalTo("SVR.VSVR.CPU.C004.M008.G003"));
    }

    @Test
    void changeSpecRefusals() {
        String running = runningVpc();
        String stopped = stoppedVpc();
        vpc("changeServerInstanceSpec", "serverInstanceNo", running, "serverProductCode", "SVR.VSVR.CPU.C004.M008.G003")
                .then().statusCode(400).body("responseError.returnCode", equalTo("25041"));
        vpc("changeServerInstanceSpec", "serverInstanceNo", stopped, "serverProductCode", "SVR.VSVR.CPU.C002.M004.G003")
                .then().statusCode(400).body("responseError.returnCode", equalTo("10503"))
                .body("responseError.returnMessage", equalTo("You may not change to spec of same level."));
        vpc("changeServerInstanceSpec", "serverInstanceNo", stopped, "serverProductCode", "NO.SUCH.PRODUCT")
                .then().statusCode(400).body("responseError.returnCode", equalTo("10712"));
        // another product type (Standard instead of CPU Intensive)
        vpc("changeServerInstanceSpec", "serverInstanceNo", stopped, "serverProductCode", "SVR.VSVR.STAND.C002.M008.G003")
                .then().statusCode(400).body("responseError.returnCode", equalTo("10503"));
        vpc("changeServerInstanceSpec", "serverInstanceNo", stopped).then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"));
        vpc("changeServerInstanceSpec", "serverInstanceNo", stopped, "serverProductCode", "SVR.VSVR.CPU.C004.M008.G003",
                "serverSpecCode", "ci4-g3").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        assertEquals("SVR.VSVR.CPU.C002.M004.G003", detail(stopped).getString("serverProductCode"));
    }

    @Test
    void changeName() {
        String id = runningVpc("serverName", "old-name");
        runningVpc("serverName", "taken-name");
        vpc("changeServerInstanceName", "serverInstanceNo", id, "serverName", "new-name").then().statusCode(200)
                .body("changeServerInstanceNameResponse.serverInstanceList[0].serverName", equalTo("new-name"));
        vpc("changeServerInstanceName", "serverInstanceNo", id, "serverName", "taken-name").then().statusCode(400)
                .body("responseError.returnCode", equalTo("10300"));
        vpc("changeServerInstanceName", "serverInstanceNo", id, "serverName", "ab").then().statusCode(400)
                .body("responseError.returnCode", equalTo("24103"));
        vpc("changeServerInstanceName", "serverInstanceNo", id, "serverName", "Upper-Case").then().statusCode(400)
                .body("responseError.returnCode", equalTo("24105"));
        vpc("changeServerInstanceName", "serverInstanceNo", id, "serverName", "ends-with-").then().statusCode(400)
                .body("responseError.returnCode", equalTo("24105"));
        vpc("changeServerInstanceName", "serverInstanceNo", id).then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"));
        assertEquals("new-name", detail(id).getString("serverName"));
    }

    @Test
    void interruptIsForRunningWindowsServersOnly() {
        String linux = runningVpc();
        vpc("interruptServerInstance", "serverInstanceNo", linux).then().statusCode(400)
                .body("responseError.returnCode", equalTo("25041"))
                .body("responseError.returnMessage", equalTo("Only Windows server instances support interruptServerInstance."));
        String windows = runningVpc("serverImageProductCode", WINDOWS);
        assertEquals("WND64", detail(windows).getString("platformType.code"));
        Response r = vpc("interruptServerInstance", "serverInstanceNo", windows);
        r.then().statusCode(200).body("interruptServerInstanceResponse.totalRows", equalTo(1))
                .body("interruptServerInstanceResponse.serverInstanceNoList", equalTo(List.of(windows)));
        assertEquals("RUN/RESTA/rebooting", stateIn(r, "interruptServerInstance"));
        vpcXml("interruptServerInstance", "serverInstanceNo", windows).then().statusCode(400); // rebooting: refused
        advance(2);
        String xml = vpcXml("interruptServerInstance", "serverInstanceNo", windows).then().statusCode(200).extract().asString();
        assertTrue(xml.contains("<serverInstanceNoList>\n    <serverInstanceNo>" + windows + "</serverInstanceNo>\n  </serverInstanceNoList>"), xml);
        advance(2);
        assertEquals("RUN/NULL/running", stateOf(windows));
        vpc("stopServerInstances", "serverInstanceNoList.1", windows).then().statusCode(200);
        advance(2);
        vpc("interruptServerInstance", "serverInstanceNo", windows).then().statusCode(400)
                .body("responseError.returnCode", equalTo("25041"));
    }

    @Test
    void detailOfAnUnknownServerIsEmptyNotAnError() {
        vpc("getServerInstanceDetail", "serverInstanceNo", "424242").then().statusCode(200)
                .body("getServerInstanceDetailResponse.totalRows", equalTo(0))
                .body("getServerInstanceDetailResponse.returnCode", equalTo("0"));
        vpc("getServerInstanceDetail").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
    }

    @Test
    void uptimeIsWhenTheServerLastCameUp() {
        String id = runningVpc();
        String firstUp = detail(id).getString("uptime");
        vpc("stopServerInstances", "serverInstanceNoList.1", id);
        advance(60);
        assertEquals(firstUp, detail(id).getString("uptime"));
        vpc("startServerInstances", "serverInstanceNoList.1", id);
        advance(2);
        org.junit.jupiter.api.Assertions.assertNotEquals(firstUp, detail(id).getString("uptime"));
    }
}
