package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Block storage (/vserver/v2, ncp-network-api.md 5.5): the basic storage of every server and additional ones. */
class NcpBlockStorageTest extends NcpApi {
    private static final String BS = "blockStorageInstanceList[0].";
    private static final long GIB = 1024L * 1024 * 1024;
    /** A XEN (G2) image: XEN storage is made for a server. */
    private static final String XEN_IMAGE = "SW.VSVR.OS.LNX64.CNTOS.0703.B050";

    private static JsonPath storage(String no) {
        Response r = vpc("getBlockStorageInstanceDetail", "blockStorageInstanceNo", no);
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().setRootPath("getBlockStorageInstanceDetailResponse." + BS);
    }

    /** status / operation / statusName, e.g. "ATTAC/NULL/attached". */
    private static String stateOf(JsonPath bs) {
        return bs.getString("blockStorageInstanceStatus.code") + "/" + bs.getString("blockStorageInstanceOperation.code") + "/"
                + bs.getString("blockStorageInstanceStatusName");
    }

    private static String volumeIn(Response r, String action) {
        r.then().statusCode(200);
        return stateOf(r.jsonPath().setRootPath(action + "Response." + BS));
    }

    private static String basicOf(String server) {
        return vpc("getBlockStorageInstanceList", "serverInstanceNo", server, "blockStorageTypeCodeList.1", "BASIC").jsonPath()
                .getString("getBlockStorageInstanceListResponse." + BS + "blockStorageInstanceNo");
    }

    /** A KVM storage in KR-1, settled (detached). */
    private static String kvmStorage(Object... extra) {
        Response r = vpc("createBlockStorageInstance", NcpVpcApiTest.concat(new Object[] {"zoneCode", "KR-1",
                "blockStorageVolumeTypeCode", "FB1", "blockStorageSize", "20"}, extra));
        assertEquals("INIT/NULL/initialized", volumeIn(r, "createBlockStorageInstance"));
        advance(2);
        return r.jsonPath().getString("createBlockStorageInstanceResponse." + BS + "blockStorageInstanceNo");
    }

    @Test
    void everyServerHasItsBasicStorageAttachedBeforeItRuns() {
        String id = createVpc();
        String basic = basicOf(id);
        assertEquals("INIT/NULL/initialized", stateOf(storage(basic)));
        advance(2);
        JsonPath b = storage(basic);
        assertEquals("ATTAC/NULL/attached", stateOf(b));
        assertEquals("CREAT/START/booting", stateOf(id)); // attached before the server is RUN
        assertEquals(id, b.getString("serverInstanceNo"));
        assertEquals("BASIC", b.getString("blockStorageType.code"));
        assertEquals("Basic BS", b.getString("blockStorageType.codeName"));
        assertEquals(10 * GIB, b.getLong("blockStorageSize"));
        assertEquals("/dev/vda", b.getString("deviceName"));
        assertEquals(detail(id).getString("serverName"), b.getString("blockStorageName"));
        assertEquals("KVM", b.getString("hypervisorType.code"));
        assertEquals("Block storage ATTACHED state", b.getString("blockStorageInstanceStatus.codeName"));
        JsonNode j = goSdkCut(vpc("getBlockStorageInstanceDetail", "blockStorageInstanceNo", basic).asString())
                .get("blockStorageInstanceList").get(0);
        assertTrue(j.get("blockStorageSize").isIntegralNumber());
        assertTrue(j.get("maxIopsThroughput").isInt());
        assertTrue(j.get("isReturnProtection").isBoolean());
        assertTrue(!j.has("blockStorageSnapshotInstanceNo"), "a \"\" there breaks the Go SDK");
        // the basic one is neither detached nor deleted on its own; it goes with the server
        refused(vpc("detachBlockStorageInstances", "blockStorageInstanceNoList.1", basic), "1005003");
        refused(vpc("deleteBlockStorageInstances", "blockStorageInstanceNoList.1", basic), "1005003");
        advance(2);
        vpc("stopServerInstances", "serverInstanceNoList.1", id).then().statusCode(200);
        advance(2);
        vpc("terminateServerInstances", "serverInstanceNoList.1", id).then().statusCode(200);
        assertEquals("ATTAC/NULL/attached", stateOf(storage(basic)));
        advance(2);
        vpc("getBlockStorageInstanceDetail", "blockStorageInstanceNo", basic).then()
                .body("getBlockStorageInstanceDetailResponse.totalRows", equalTo(0));
    }

    @Test
    void aXenStorageIsMadeForItsServerAndAttachesAtOnce() {
        String server = runningVpc("serverImageProductCode", XEN_IMAGE);
        Response r = vpc("createBlockStorageInstance", "serverInstanceNo", server, "blockStorageSize", "100",
                "blockStorageName", "data-1", "blockStorageDescription", "logs");
        assertEquals("INIT/NULL/initialized", volumeIn(r, "createBlockStorageInstance"));
        JsonPath c = r.jsonPath().setRootPath("createBlockStorageInstanceResponse." + BS);
        assertEquals(server, c.getString("serverInstanceNo"));
        assertEquals("", c.getString("deviceName"));
        assertEquals(100 * GIB, c.getLong("blockStorageSize"));
        assertEquals("SVRBS", c.getString("blockStorageType.code"));
        assertEquals("SPBSTBSTAD000006", c.getString("blockStorageProductCode"));
        String no = c.getString("blockStorageInstanceNo");
        advance(2);
        JsonPath attaching = storage(no);
        assertEquals("CREAT/ATTAC/attaching", stateOf(attaching));
        assertEquals("Block Storage  STOP OP", attaching.getString("blockStorageInstanceOperation.codeName"));
        assertEquals("", attaching.getString("deviceName"));
        advance(2);
        JsonPath attached = storage(no);
        assertEquals("ATTAC/NULL/attached", stateOf(attached));
        assertEquals("/dev/xvdb", attached.getString("deviceName"));
        assertEquals("XEN", attached.getString("hypervisorType.code"));
        // refusals of create: size rules, names, hypervisor rules, unknown server
        refused(vpc("createBlockStorageInstance", "serverInstanceNo", server, "blockStorageSize", "2010"), "1005001");
        refused(vpc("createBlockStorageInstance", "serverInstanceNo", server, "blockStorageSize", "15"), "1005001");
        refused(vpc("createBlockStorageInstance", "serverInstanceNo", server, "blockStorageSize", "0"), "1005001");
        refused(vpc("createBlockStorageInstance", "serverInstanceNo", server, "blockStorageSize", "ten"), "900");
        refused(vpc("createBlockStorageInstance", "serverInstanceNo", server), "900");
        refused(vpc("createBlockStorageInstance", "serverInstanceNo", server, "blockStorageSize", "10", "blockStorageName", "data-1"), "10300");
        refused(vpc("createBlockStorageInstance", "serverInstanceNo", server, "blockStorageSize", "10", "blockStorageVolumeTypeCode", "FB1"), "1005007");
        refused(vpc("createBlockStorageInstance", "serverInstanceNo", server, "blockStorageSize", "10", "zoneCode", "KR-2"), "1005005");
        refused(vpc("createBlockStorageInstance", "serverInstanceNo", "77777777", "blockStorageSize", "10"), "24120");
        refused(vpc("createBlockStorageInstance", "blockStorageSize", "10", "blockStorageVolumeTypeCode", "SSD", "zoneCode", "KR-1"), "1005007");
        refused(vpc("createBlockStorageInstance", "serverInstanceNo", runningVpc(), "blockStorageSize", "10"), "1005007");
        // the XEN server's basic storage, data-1, the KVM server's basic storage
        assertEquals(3, vpc("getBlockStorageInstanceList").jsonPath().getInt("getBlockStorageInstanceListResponse.totalRows"));
    }

    @Test
    void aKvmStorageIsMadeDetachedThenAttachedDetachedAndDeleted() {
        String server = runningVpc();
        refused(vpc("createBlockStorageInstance", "blockStorageVolumeTypeCode", "FB1", "blockStorageSize", "20"), "900");
        refused(vpc("createBlockStorageInstance", "zoneCode", "KR-1", "blockStorageSize", "20"), "900");
        refused(vpc("createBlockStorageInstance", "zoneCode", "KR-1", "blockStorageVolumeTypeCode", "XX", "blockStorageSize", "20"), "900");
        refused(vpc("createBlockStorageInstance", "zoneCode", "KR-9", "blockStorageVolumeTypeCode", "FB1", "blockStorageSize", "20"), "900");
        String no = kvmStorage();
        JsonPath detached = storage(no);
        assertEquals("CREAT/NULL/detached", stateOf(detached));
        assertEquals("", detached.getString("serverInstanceNo"));
        assertEquals("FB1", detached.getString("blockStorageVolumeType.code"));
        // attach: attaching (server shown, no device yet), then attached as /dev/vdb
        Response a = vpc("attachBlockStorageInstance", "serverInstanceNo", server, "blockStorageInstanceNo", no);
        assertEquals("CREAT/ATTAC/attaching", volumeIn(a, "attachBlockStorageInstance"));
        assertEquals(server, a.jsonPath().getString("attachBlockStorageInstanceResponse." + BS + "serverInstanceNo"));
        refused(vpc("attachBlockStorageInstance", "serverInstanceNo", server, "blockStorageInstanceNo", no), "1005002");
        advance(2);
        assertEquals("/dev/vdb", storage(no).getString("deviceName"));
        vpc("getBlockStorageInstanceList", "serverInstanceNo", server, "blockStorageTypeCodeList.1", "SVRBS").then()
                .body("getBlockStorageInstanceListResponse.totalRows", equalTo(1));
        refused(vpc("attachBlockStorageInstance", "serverInstanceNo", server, "blockStorageInstanceNo", no), "1005002");
        // detach: detaching keeps showing the server and the device, then detached shows neither
        Response d = vpc("detachBlockStorageInstances", "blockStorageInstanceNoList.1", no);
        assertEquals("ATTAC/DETAC/detaching", volumeIn(d, "detachBlockStorageInstances"));
        assertEquals("/dev/vdb", d.jsonPath().getString("detachBlockStorageInstancesResponse." + BS + "deviceName"));
        assertEquals("Block Storage RESTART OP",
                d.jsonPath().getString("detachBlockStorageInstancesResponse." + BS + "blockStorageInstanceOperation.codeName"));
        refused(vpc("detachBlockStorageInstances", "blockStorageInstanceNoList.1", no), "1005002");
        advance(2);
        JsonPath back = storage(no);
        assertEquals("CREAT/NULL/detached", stateOf(back));
        assertEquals("", back.getString("serverInstanceNo"));
        assertEquals("", back.getString("deviceName"));
        refused(vpc("detachBlockStorageInstances", "blockStorageInstanceNoList.1", no), "1005002");
        refused(vpc("detachBlockStorageInstances", "blockStorageInstanceNoList.1", "77777777"), "24121");
        refused(vpc("detachBlockStorageInstances"), "900");
        // delete: terminating, then gone
        Response del = vpc("deleteBlockStorageInstances", "blockStorageInstanceNoList.1", no);
        assertEquals("CREAT/TERMT/terminating", volumeIn(del, "deleteBlockStorageInstances"));
        advance(2);
        vpc("getBlockStorageInstanceDetail", "blockStorageInstanceNo", no).then()
                .body("getBlockStorageInstanceDetailResponse.totalRows", equalTo(0));
        vpc("deleteBlockStorageInstances", "blockStorageInstanceNoList.1", no).then().statusCode(400)
                .body("responseError.returnCode", equalTo("24121"))
                .body("responseError.returnMessage", equalTo("The input parameter storage instance number is invalid. "));
    }

    @Test
    void attachChecksTheServerZoneHypervisorAndLimit() {
        String kvm = runningVpc();
        String xen = runningVpc("serverImageProductCode", XEN_IMAGE);
        String kr2 = runningVpc("subnetNo", net().subnet2No(), "vpcNo", net().vpcNo(), "networkInterfaceList.1.networkInterfaceOrder", "0",
                "networkInterfaceList.1.accessControlGroupNoList.1", net().acgNo());
        assertEquals("KR-2", detail(kr2).getString("zoneCode"));
        String no = kvmStorage();
        assertEquals("KR-1", storage(no).getString("zoneCode"));
        String booting = createVpc();
        refused(vpc("attachBlockStorageInstance", "serverInstanceNo", booting, "blockStorageInstanceNo", no), "25041");
        refused(vpc("attachBlockStorageInstance", "serverInstanceNo", xen, "blockStorageInstanceNo", no), "1005005");
        refused(vpc("attachBlockStorageInstance", "serverInstanceNo", kr2, "blockStorageInstanceNo", no), "1005005");
        refused(vpc("attachBlockStorageInstance", "serverInstanceNo", "77777777", "blockStorageInstanceNo", no), "24120");
        refused(vpc("attachBlockStorageInstance", "serverInstanceNo", kvm, "blockStorageInstanceNo", "77777777"), "24121");
        assertEquals("CREAT/NULL/detached", stateOf(storage(no)));
        // 16 storages per server, the basic one included
        for (int k = 0; k < 15; k++) {
            String extra = kvmStorage();
            vpc("attachBlockStorageInstance", "serverInstanceNo", kvm, "blockStorageInstanceNo", extra).then().statusCode(200);
        }
        vpc("attachBlockStorageInstance", "serverInstanceNo", kvm, "blockStorageInstanceNo", no).then().statusCode(400)
                .body("responseError.returnCode", equalTo("23001"))
                .body("responseError.returnMessage", equalTo(
                        "Unable to allocate more than 16 storages (included default storage) to the corresponding Linux server."));
    }

    @Test
    void resizeOnlyGrowsInStepsAndAnAttachedOneOnlyOnAStoppedServer() {
        String no = kvmStorage();
        refused(vpc("changeBlockStorageVolumeSize", "blockStorageInstanceNo", no, "blockStorageSize", "20"), "1005001");
        refused(vpc("changeBlockStorageVolumeSize", "blockStorageInstanceNo", no, "blockStorageSize", "10"), "1005001");
        refused(vpc("changeBlockStorageVolumeSize", "blockStorageInstanceNo", no, "blockStorageSize", "25"), "1005001");
        refused(vpc("changeBlockStorageInstance", "blockStorageInstanceNo", no, "blockStorageSize", "16390"), "1005001");
        refused(vpc("changeBlockStorageInstance", "blockStorageInstanceNo", no), "900");
        refused(vpc("changeBlockStorageInstance", "blockStorageInstanceNo", "77777777", "blockStorageSize", "30"), "24121");
        Response r = vpc("changeBlockStorageInstance", "blockStorageInstanceNo", no, "blockStorageSize", "16380");
        assertEquals("CREAT/CHNG/detached", volumeIn(r, "changeBlockStorageInstance"));
        assertEquals(16380 * GIB, r.jsonPath().getLong("changeBlockStorageInstanceResponse." + BS + "blockStorageSize"));
        refused(vpc("changeBlockStorageVolumeSize", "blockStorageInstanceNo", no, "blockStorageSize", "16380"), "1005002");
        advance(2);
        assertEquals("CREAT/NULL/detached", stateOf(storage(no)));
        // attached: only while the server is stopped
        String server = runningVpc();
        String other = kvmStorage();
        vpc("attachBlockStorageInstance", "serverInstanceNo", server, "blockStorageInstanceNo", other).then().statusCode(200);
        advance(2);
        refused(vpc("changeBlockStorageVolumeSize", "blockStorageInstanceNo", other, "blockStorageSize", "30"), "1005006");
        vpc("stopServerInstances", "serverInstanceNoList.1", server).then().statusCode(200);
        advance(2);
        Response attached = vpc("changeBlockStorageVolumeSize", "blockStorageInstanceNo", other, "blockStorageSize", "30");
        assertEquals("ATTAC/CHNG/attached", volumeIn(attached, "changeBlockStorageVolumeSize"));
        assertEquals("Block Storage Resize OP",
                attached.jsonPath().getString("changeBlockStorageVolumeSizeResponse." + BS + "blockStorageInstanceOperation.codeName"));
        // a server whose storage is changing is not terminated
        refused(vpc("terminateServerInstances", "serverInstanceNoList.1", server), "25014");
        advance(2);
        assertEquals("ATTAC/NULL/attached", stateOf(storage(other)));
        assertEquals(30 * GIB, storage(other).getLong("blockStorageSize"));
    }

    @Test
    void returnProtectionBlocksTheDeleteOfTheWholeBatch() {
        String a = kvmStorage();
        String b = kvmStorage("isReturnProtection", "true");
        assertEquals(true, storage(b).getBoolean("isReturnProtection"));
        refused(vpc("deleteBlockStorageInstances", "blockStorageInstanceNoList.1", a, "blockStorageInstanceNoList.2", b), "1005004");
        refused(vpc("deleteBlockStorageInstances", "blockStorageInstanceNoList.1", a, "blockStorageInstanceNoList.2", a), "900");
        refused(vpc("deleteBlockStorageInstances", "blockStorageInstanceNoList.1", a, "blockStorageInstanceNoList.2", "77777777"), "24121");
        assertEquals("CREAT/NULL/detached", stateOf(storage(a))); // nothing changed
        Response off = vpc("setBlockStorageReturnProtection", "blockStorageInstanceNo", b, "isReturnProtection", "False");
        off.then().statusCode(200).body("setBlockStorageReturnProtectionResponse." + BS + "isReturnProtection", equalTo(false));
        refused(vpc("setBlockStorageReturnProtection", "blockStorageInstanceNo", b), "900");
        refused(vpc("setBlockStorageReturnProtection", "blockStorageInstanceNo", b, "isReturnProtection", "yes"), "900");
        refused(vpc("setBlockStorageReturnProtection", "blockStorageInstanceNo", "77777777", "isReturnProtection", "true"), "24121");
        vpc("deleteBlockStorageInstances", "blockStorageInstanceNoList.1", a, "blockStorageInstanceNoList.2", b).then().statusCode(200)
                .body("deleteBlockStorageInstancesResponse.totalRows", equalTo(2));
    }

    @Test
    void anAttachedStorageIsDetachedByItsDeleteAndByItsServersTermination() {
        String server = runningVpc();
        String a = kvmStorage();
        String b = kvmStorage();
        for (String no : List.of(a, b)) {
            vpc("attachBlockStorageInstance", "serverInstanceNo", server, "blockStorageInstanceNo", no).then().statusCode(200);
        }
        advance(2);
        // Terraform deletes an attached storage without detaching it first (reference 2.3)
        assertEquals("CREAT/TERMT/terminating", volumeIn(vpc("deleteBlockStorageInstances", "blockStorageInstanceNoList.1", a),
                "deleteBlockStorageInstances"));
        vpc("stopServerInstances", "serverInstanceNoList.1", server).then().statusCode(200);
        advance(2);
        vpc("terminateServerInstances", "serverInstanceNoList.1", server).then().statusCode(200);
        JsonPath kept = storage(b);
        assertEquals("CREAT/NULL/detached", stateOf(kept));
        assertEquals("", kept.getString("serverInstanceNo"));
        advance(2);
        assertEquals("CREAT/NULL/detached", stateOf(storage(b)));
        assertEquals(1, vpc("getBlockStorageInstanceList").jsonPath().getInt("getBlockStorageInstanceListResponse.totalRows"));
    }

    @Test
    void theListFiltersAndPages() {
        String a = runningVpc("serverName", "db-1");
        String b = createVpc();
        String extra = kvmStorage("blockStorageName", "data-2");
        vpc("attachBlockStorageInstance", "serverInstanceNo", a, "blockStorageInstanceNo", extra).then().statusCode(200);
        advance(2);
        vpc("getBlockStorageInstanceList").then().body("getBlockStorageInstanceListResponse.totalRows", equalTo(3));
        vpc("getBlockStorageInstanceList", "pageNo", "2", "pageSize", "2").then()
                .body("getBlockStorageInstanceListResponse.totalRows", equalTo(3))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList.blockStorageInstanceNo", equalTo(List.of(extra)));
        vpc("getBlockStorageInstanceList", "serverInstanceNo", a).then().body("getBlockStorageInstanceListResponse.totalRows", equalTo(2));
        vpc("getBlockStorageInstanceList", "serverName", "db-1", "blockStorageTypeCodeList.1", "SVRBS").then()
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList.blockStorageInstanceNo", equalTo(List.of(extra)));
        vpc("getBlockStorageInstanceList", "blockStorageName", "data-2").then().body("getBlockStorageInstanceListResponse.totalRows", equalTo(1));
        vpc("getBlockStorageInstanceList", "blockStorageSize", "10").then().body("getBlockStorageInstanceListResponse.totalRows", equalTo(2));
        vpc("getBlockStorageInstanceList", "connectionInfo", "/dev/vdb").then()
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList.blockStorageInstanceNo", equalTo(List.of(extra)));
        vpc("getBlockStorageInstanceList", "blockStorageVolumeTypeCodeList.1", "FB1").then()
                .body("getBlockStorageInstanceListResponse.totalRows", equalTo(1));
        vpc("getBlockStorageInstanceList", "hypervisorTypeCodeList.1", "XEN").then().body("getBlockStorageInstanceListResponse.totalRows", equalTo(0));
        vpc("getBlockStorageInstanceList", "blockStorageInstanceStatusCode", "ATTAC").then()
                .body("getBlockStorageInstanceListResponse.totalRows", equalTo(3));
        vpc("getBlockStorageInstanceList", "zoneCode", "KR-2").then().body("getBlockStorageInstanceListResponse.totalRows", equalTo(0));
        vpc("getBlockStorageInstanceList", "blockStorageDiskDetailTypeCode", "HDD").then().body("getBlockStorageInstanceListResponse.totalRows", equalTo(0));
        vpc("getBlockStorageInstanceList", "blockStorageInstanceNoList.1", basicOf(b)).then()
                .body("getBlockStorageInstanceListResponse.totalRows", equalTo(1));
        refused(vpc("getBlockStorageInstanceList", "blockStorageTypeCodeList.1", "OTHER"), "900");
        refused(vpc("getBlockStorageInstanceList", "blockStorageInstanceStatusCode", "DETAC"), "900");
        refused(vpc("getBlockStorageInstanceDetail"), "900");
        vpc("getBlockStorageInstanceDetail", "blockStorageInstanceNo", a).then().statusCode(200)
                .body("getBlockStorageInstanceDetailResponse.totalRows", equalTo(0));
    }

    @Test
    void blockStorageInXml() {
        String id = runningVpc("serverImageProductCode", XEN_IMAGE);
        String body = vpcXml("createBlockStorageInstance", "serverInstanceNo", id, "blockStorageSize", "100").then().statusCode(200)
                .contentType(startsWith("application/xml")).extract().asString();
        assertTrue(body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<createBlockStorageInstanceResponse>"), body);
        assertTrue(body.contains("<blockStorageInstanceList>\n    <blockStorageInstance>\n      <blockStorageInstanceNo>"), body);
        assertTrue(body.contains("<blockStorageType>\n        <code>SVRBS</code>\n        <codeName>Server BS</codeName>\n"
                + "      </blockStorageType>\n      <blockStorageSize>107374182400</blockStorageSize>\n      <deviceName></deviceName>"), body);
        assertTrue(body.contains("<blockStorageInstanceStatusName>initialized</blockStorageInstanceStatusName>"), body);
        String error = vpcXml("attachBlockStorageInstance", "serverInstanceNo", id, "blockStorageInstanceNo", "77777777").then()
                .statusCode(400).extract().asString();
        assertTrue(error.contains("<returnCode>24121</returnCode>"), error);
    }

    @Test
    void theControlApiMakesStoragesAndAnOlderStateGetsItsBasicStorages() {
        String server = runningVpc();
        given().contentType("application/json").body("{\"provider\": \"ncp\", \"kind\": \"block-storage\", \"references\": {\"server\": \""
                + server + "\"}}").post("/_cloudmock/resources").then().statusCode(201)
                .body("resources[0].state", equalTo("ATTAC")).body("resources[0].fields.deviceName", equalTo("/dev/vdb"));
        given().contentType("application/json").body("{\"provider\": \"ncp\", \"kind\": \"block-storage\"}")
                .post("/_cloudmock/resources").then().statusCode(201).body("resources[0].state", equalTo("CREAT"));
        assertEquals(3, vpc("getBlockStorageInstanceList").jsonPath().getInt("getBlockStorageInstanceListResponse.totalRows"));
        // a state written before storages were resources: the servers get their basic storage at import
        String state = given().get("/_cloudmock/state").then().statusCode(200).extract().asString();
        com.fasterxml.jackson.databind.node.ObjectNode old;
        try {
            old = (com.fasterxml.jackson.databind.node.ObjectNode) io.cloudmock.core.Json.MAPPER.readTree(state);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        com.fasterxml.jackson.databind.node.ArrayNode kept = io.cloudmock.core.Json.MAPPER.createArrayNode();
        for (JsonNode r : old.get("accounts").get(0).get("instances")) if (!r.get("kind").asText().equals("block-storage")) kept.add(r);
        ((com.fasterxml.jackson.databind.node.ObjectNode) old.get("accounts").get(0)).set("instances", kept);
        given().contentType("application/json").body(old.toString()).put("/_cloudmock/state").then().statusCode(200);
        vpc("getBlockStorageInstanceList").then().body("getBlockStorageInstanceListResponse.totalRows", equalTo(1))
                .body("getBlockStorageInstanceListResponse." + BS + "serverInstanceNo", equalTo(server))
                .body("getBlockStorageInstanceListResponse." + BS + "blockStorageInstanceStatusName", equalTo("attached"));
        // importing the same state again adds nothing
        given().contentType("application/json").body(given().get("/_cloudmock/state").asString()).put("/_cloudmock/state").then().statusCode(200);
        vpc("getBlockStorageInstanceList").then().body("getBlockStorageInstanceListResponse.totalRows", equalTo(1));
    }
}
