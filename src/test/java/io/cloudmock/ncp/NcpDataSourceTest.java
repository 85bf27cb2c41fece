package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * getServerImageList, getServerSpecList and getRootPassword: what Terraform's ncloud_server_image_numbers,
 * ncloud_server_specs and ncloud_root_password read, checked against the Go SDK's models and against
 * createServerInstances (every number and code listed must create a server).
 */
class NcpDataSourceTest extends NcpApi {
    /** vserver.ServerImage of ncloud-sdk-go-v2, field by field. */
    private static final List<String> IMAGE_FIELDS = List.of("serverImageNo", "serverImageName",
            "serverImageDescription", "serverImageProductCode", "serverImageType", "hypervisorType",
            "cpuArchitectureType", "osCategoryType", "osType", "serverImageStatus", "serverImageOperation",
            "serverImageStatusName", "createDate", "shareStatus", "sharedLoginIdList", "blockStorageMappingList");
    /** vserver.ServerSpec of ncloud-sdk-go-v2, field by field. */
    private static final List<String> SPEC_FIELDS = List.of("serverSpecCode", "generationCode", "cpuCount",
            "memorySize", "hypervisorType", "cpuArchitectureType", "blockStorageMaxCount", "blockStorageMaxIops",
            "blockStorageMaxThroughput", "networkPerformance", "networkInterfaceMaxCount", "serverProductCode",
            "serverSpecDescription", "gpuCount");
    private static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAtNkTS9c+HBLX/QcDY0s02=\n"
            + "-----END RSA PRIVATE KEY-----\n";

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> imageNos(Response r) {
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().getList("getServerImageListResponse.serverImageList.serverImageNo");
    }

    private static List<String> specCodes(Response r) {
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().getList("getServerSpecListResponse.serverSpecList.serverSpecCode");
    }

    // ---- getServerImageList

    @Test
    void imageListAsTheGoSdkReadsIt() {
        // what ncloud_server_image_numbers sends: regionCode only
        JsonNode payload = goSdk("/vserver/v2/", "getServerImageList", "regionCode", "KR");
        assertEquals(7, payload.get("totalRows").intValue());
        JsonNode list = payload.get("serverImageList");
        assertEquals(7, list.size());
        for (JsonNode image : list) {
            assertEquals(IMAGE_FIELDS, keys(image));
            assertTrue(image.get("serverImageNo").isTextual() && image.get("serverImageNo").textValue().matches("\\d+"));
            // the data source dereferences each of these codes: none may be missing
            for (String code : List.of("serverImageType", "hypervisorType", "cpuArchitectureType", "osCategoryType", "osType")) {
                assertTrue(image.get(code).get("code").isTextual(), code);
            }
            assertTrue(image.get("sharedLoginIdList").isArray());
            JsonNode root = image.get("blockStorageMappingList").get(0);
            assertEquals(List.of("order", "blockStorageSnapshotInstanceNo", "blockStorageSnapshotName", "blockStorageSize",
                    "blockStorageVolumeType", "iops", "throughput", "isEncryptedVolume"), keys(root));
            assertTrue(root.get("order").isInt());
            assertTrue(root.get("blockStorageSnapshotInstanceNo").isInt(), "int32 in the Go SDK");
            assertTrue(root.get("blockStorageSize").isIntegralNumber());
            assertTrue(root.get("blockStorageVolumeType").get("code").isTextual());
            assertTrue(root.get("isEncryptedVolume").isBoolean());
        }
        JsonNode ubuntu = list.get(0);
        assertEquals("104630229", ubuntu.get("serverImageNo").textValue());
        assertEquals("SW.VSVR.OS.LNX64.UBNTU.SVR24.G003", ubuntu.get("serverImageProductCode").textValue());
        assertEquals("NCP", ubuntu.get("serverImageType").get("code").textValue());
        assertEquals("KVM", ubuntu.get("hypervisorType").get("code").textValue());
        assertEquals("X86_64", ubuntu.get("cpuArchitectureType").get("code").textValue());
        assertEquals("LINUX", ubuntu.get("osCategoryType").get("code").textValue());
        assertEquals("UBUNTU", ubuntu.get("osType").get("code").textValue());
        assertEquals("created", ubuntu.get("serverImageStatusName").textValue());
        assertEquals(10737418240L, ubuntu.get("blockStorageMappingList").get(0).get("blockStorageSize").longValue());
        assertEquals("CB1", ubuntu.get("blockStorageMappingList").get(0).get("blockStorageVolumeType").get("code").textValue());
    }

    @Test
    void imageListInXml() {
        Response r = vpcXml("getServerImageList", "serverImageNoList.1", "104630232");
        r.then().statusCode(200).contentType(startsWith("application/xml"));
        String body = r.asString();
        assertTrue(body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<getServerImageListResponse>\n  <requestId>"), body);
        assertTrue(body.contains("<returnCode>0</returnCode>\n  <returnMessage>success</returnMessage>\n"
                + "  <totalRows>1</totalRows>\n  <serverImageList>\n    <serverImage>\n"
                + "      <serverImageNo>104630232</serverImageNo>\n      <serverImageName>win-2022-en</serverImageName>\n"), body);
        assertTrue(body.contains("      <osCategoryType>\n        <code>WINDOWS</code>\n        <codeName>WINDOWS</codeName>\n"
                + "      </osCategoryType>\n      <osType>\n        <code>WINDOWS</code>\n"), body);
        assertTrue(body.contains("      <sharedLoginIdList/>\n      <blockStorageMappingList>\n        <blockStorageMapping>\n"
                + "          <order>0</order>\n"), body);
        assertTrue(body.endsWith("</blockStorageMappingList>\n    </serverImage>\n  </serverImageList>\n"
                + "</getServerImageListResponse>"), body);
    }

    @Test
    void imageListFilters() {
        assertEquals(List.of("104630229", "104630230", "17552319"), imageNos(vpc("getServerImageList", "osTypeCodeList.1", "UBUNTU")));
        assertEquals(List.of("104630231", "17552318"),
                imageNos(vpc("getServerImageList", "osTypeCodeList.1", "ROCKY", "osTypeCodeList.2", "CENTOS")));
        // the Go SDK's parameter name and the documented one
        assertEquals(List.of("17552318", "17552319", "17552320"), imageNos(vpc("getServerImageList", "hypervisorCodeList.1", "XEN")));
        assertEquals(List.of("104630229", "104630230", "104630231", "104630232"),
                imageNos(vpc("getServerImageList", "hypervisorTypeCodeList.1", "KVM")));
        assertEquals(List.of("104630231", "17552320"),
                imageNos(vpc("getServerImageList", "serverImageNoList.1", "17552320", "serverImageNoList.2", "104630231")));
        assertEquals(List.of("104630230"), imageNos(vpc("getServerImageList", "serverImageName", "ubuntu-22.04")));
        assertEquals(List.of(), imageNos(vpc("getServerImageList", "serverImageTypeCodeList.1", "SELF")));
        assertEquals(7, imageNos(vpc("getServerImageList", "serverImageTypeCodeList.1", "NCP")).size());
        assertEquals(List.of(), imageNos(vpc("getServerImageList", "serverImageStatusCode", "CREFL")));
        assertEquals(7, imageNos(vpc("getServerImageList", "serverImageStatusCode", "CREAT", "platformCategoryCodeList.1", "OS")).size());
        assertEquals(List.of(), imageNos(vpc("getServerImageList", "platformCategoryCodeList.1", "DBMS")));
        vpc("getServerImageList", "regionCode", "JPN").then().statusCode(200).body("getServerImageListResponse.totalRows", equalTo(7));
        // a newer ncloud_server_image_numbers sends hypervisorCodeList.1 even when hypervisor_type is unset
        JsonNode all = goSdk("/vserver/v2/", "getServerImageList", "regionCode", "KR", "hypervisorCodeList.1", "");
        assertEquals(7, all.get("serverImageList").size());
        // ncloud_server's plan check asks for one number; an unknown one is an empty list, not an error
        JsonNode none = goSdk("/vserver/v2/", "getServerImageList", "regionCode", "KR", "serverImageNoList.1", "42");
        assertEquals(0, none.get("totalRows").intValue());
        assertEquals(0, none.get("serverImageList").size());
    }

    @Test
    void imageListSortsAndPages() {
        Response r = vpc("getServerImageList", "sortedBy", "serverImageName", "sortingOrder", "descending",
                "pageNo", "2", "pageSize", "3");
        r.then().body("getServerImageListResponse.totalRows", equalTo(7));
        // names descending: win-2022-en, win-2019-64-en, ubuntu-24.04 | ubuntu-22.04, ubuntu-18.04, rocky-8.10 | centos-7.3-64
        assertEquals(List.of("104630230", "17552319", "104630231"), imageNos(r));
        assertEquals(List.of("17552318", "17552319", "17552320"),
                imageNos(vpc("getServerImageList", "sortedBy", "SERVERIMAGENO", "pageNo", "0", "pageSize", "3")));
        assertEquals(List.of(), imageNos(vpc("getServerImageList", "pageNo", "9", "pageSize", "3")));
    }

    @Test
    void imageListRefusesBadParameters() {
        vpc("getServerImageList", "sortedBy", "createDate").then().statusCode(400).contentType(startsWith("application/json"))
                .body("responseError.returnCode", equalTo("900"))
                .body("responseError.returnMessage", equalTo("Invalid parameter value. location : sortedBy, value : createDate"));
        vpc("getServerImageList", "sortingOrder", "up").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        vpc("getServerImageList", "serverImageStatusCode", "RUN").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        vpc("getServerImageList", "pageSize", "x").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        vpcXml("getServerImageList", "regionCode", "XX").then().statusCode(400).contentType(startsWith("application/xml"))
                .body("responseError.returnCode", equalTo("900"))
                .body("responseError.returnMessage", equalTo("Invalid parameter value. location : regionCode, value : XX"));
    }

    // ---- getServerSpecList

    @Test
    void specListAsTheGoSdkReadsIt() {
        JsonNode payload = goSdk("/vserver/v2/", "getServerSpecList", "regionCode", "KR");
        JsonNode list = payload.get("serverSpecList");
        assertEquals(5, payload.get("totalRows").intValue());
        List<String> codes = new ArrayList<>();
        for (JsonNode spec : list) {
            assertEquals(SPEC_FIELDS, keys(spec));
            codes.add(spec.get("serverSpecCode").textValue());
            assertEquals("G3", spec.get("generationCode").textValue()); // what ncloud_server_specs' test filters on
            assertEquals("KVM", spec.get("hypervisorType").get("code").textValue());
            assertEquals("X86_64", spec.get("cpuArchitectureType").get("code").textValue());
            for (String f : List.of("cpuCount", "blockStorageMaxCount", "blockStorageMaxIops", "blockStorageMaxThroughput",
                    "networkInterfaceMaxCount", "gpuCount")) {
                assertTrue(spec.get(f).isInt(), f);
            }
            assertTrue(spec.get("memorySize").isIntegralNumber());
            assertTrue(spec.get("networkPerformance").isIntegralNumber());
        }
        assertEquals(List.of("ci2-g3", "ci4-g3", "s2-g3", "s4-g3", "m2-g3"), codes);
        JsonNode ci2 = list.get(0);
        assertEquals("SVR.VSVR.CPU.C002.M004.G003", ci2.get("serverProductCode").textValue());
        assertEquals("vCPU 2EA, Memory 4GB", ci2.get("serverSpecDescription").textValue());
        assertEquals(4294967296L, ci2.get("memorySize").longValue());
        assertEquals(5250, ci2.get("blockStorageMaxIops").intValue());
        assertEquals(84934656, ci2.get("blockStorageMaxThroughput").intValue());
        assertEquals(1000000000L, ci2.get("networkPerformance").longValue());
        assertEquals(3, ci2.get("networkInterfaceMaxCount").intValue());
    }

    @Test
    void specListInXml() {
        Response r = vpcXml("getServerSpecList", "serverSpecCodeList.1", "s2-g3");
        r.then().statusCode(200).contentType(startsWith("application/xml"));
        String body = r.asString();
        assertTrue(body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<getServerSpecListResponse>\n  <requestId>"), body);
        assertTrue(body.contains("<returnCode>0</returnCode>\n  <returnMessage>success</returnMessage>\n"
                + "  <totalRows>1</totalRows>\n  <serverSpecList>\n    <serverSpec>\n"
                + "      <serverSpecCode>s2-g3</serverSpecCode>\n      <generationCode>G3</generationCode>\n"
                + "      <cpuCount>2</cpuCount>\n      <memorySize>8589934592</memorySize>\n"), body);
        assertTrue(body.endsWith("      <gpuCount>0</gpuCount>\n    </serverSpec>\n  </serverSpecList>\n"
                + "</getServerSpecListResponse>"), body);
    }

    @Test
    void specListFilters() {
        assertEquals(List.of("ci4-g3", "m2-g3"),
                specCodes(vpc("getServerSpecList", "serverSpecCodeList.1", "m2-g3", "serverSpecCodeList.2", "ci4-g3")));
        assertEquals(5, specCodes(vpc("getServerSpecList", "serverImageNo", "104630232", "zoneCode", "KR-2")).size());
        // a XEN image: no KVM spec runs it (its servers take a serverProductCode)
        assertEquals(List.of(), specCodes(vpc("getServerSpecList", "serverImageNo", "17552318")));
        assertEquals(List.of(), specCodes(vpc("getServerSpecList", "hypervisorCodeList.1", "XEN")));
        assertEquals(5, specCodes(vpc("getServerSpecList", "hypervisorTypeCodeList.1", "KVM")).size());
        assertEquals(List.of(), specCodes(vpc("getServerSpecList", "serverSpecCodeList.1", "c2-g3")));
        assertEquals(5, specCodes(vpc("getServerSpecList", "regionCode", "SGN", "zoneCode", "SGN-5")).size());
    }

    @Test
    void specListRefusesAnUnknownImageOrZone() {
        vpc("getServerSpecList", "serverImageNo", "1").then().statusCode(400).contentType(startsWith("application/json"))
                .body("responseError.returnCode", equalTo("10712"))
                .body("responseError.returnMessage", equalTo("Not found product. Please check your input product."));
        vpc("getServerSpecList", "zoneCode", "SGN-4").then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"))
                .body("responseError.returnMessage", equalTo("Invalid parameter value. location : zoneCode, value : SGN-4"));
        vpcXml("getServerSpecList", "zoneCode", "KR-9").then().statusCode(400).contentType(startsWith("application/xml"))
                .body("responseError.returnCode", equalTo("900"));
    }

    @Test
    void everyListedImageAndSpecCreatesTheServerTheyDescribe() {
        JsonPath images = vpc("getServerImageList", "hypervisorTypeCodeList.1", "KVM").jsonPath()
                .setRootPath("getServerImageListResponse");
        int created = 0;
        for (int k = 0; k < images.getInt("totalRows"); k++) {
            String imageNo = images.getString("serverImageList[" + k + "].serverImageNo");
            JsonPath specs = vpc("getServerSpecList", "serverImageNo", imageNo).jsonPath()
                    .setRootPath("getServerSpecListResponse");
            for (int s = 0; s < specs.getInt("totalRows"); s++) {
                String code = specs.getString("serverSpecList[" + s + "].serverSpecCode");
                String id = createVpc("serverImageProductCode", "", "serverImageNo", imageNo, "serverSpecCode", code,
                        "serverName", "ds-" + imageNo.substring(6) + "-" + code);
                JsonPath server = detail(id);
                assertEquals(imageNo, server.getString("serverImageNo"));
                assertEquals(images.getString("serverImageList[" + k + "].serverImageProductCode"),
                        server.getString("serverImageProductCode"));
                assertEquals(code, server.getString("serverSpecCode"));
                assertEquals(specs.getString("serverSpecList[" + s + "].serverProductCode"), server.getString("serverProductCode"));
                assertEquals(specs.getInt("serverSpecList[" + s + "].cpuCount"), server.getInt("cpuCount"));
                assertEquals(specs.getLong("serverSpecList[" + s + "].memorySize"), server.getLong("memorySize"));
                assertEquals("KVM", server.getString("hypervisorType.code"));
                created++;
            }
        }
        assertEquals(4 * 5, created);
    }

    @Test
    void aXenImageNumberCreatesWithItsMinimumProduct() {
        String id = createVpc("serverImageProductCode", "", "serverImageNo", "17552319");
        JsonPath server = detail(id);
        assertEquals("17552319", server.getString("serverImageNo"));
        assertEquals("XEN", server.getString("hypervisorType.code"));
        assertEquals("", server.getString("serverSpecCode"));
    }

    // ---- getRootPassword

    @Test
    void rootPasswordIsAFakeDeterministicPasswordPerServer() {
        String linux = runningVpc();
        String windows = runningVpc("serverImageProductCode", WINDOWS);
        Response r = vpc("getRootPassword", "serverInstanceNo", linux, "privateKey", PEM);
        r.then().statusCode(200).contentType(startsWith("application/json"))
                .body("getRootPasswordResponse.returnCode", equalTo("0"))
                .body("getRootPasswordResponse.returnMessage", equalTo("success"));
        JsonNode payload = goSdkCut(r.asString());
        assertEquals(List.of("rootPassword", "requestId", "returnCode", "returnMessage"), keys(payload));
        String password = payload.get("rootPassword").textValue();
        assertTrue(password.matches("(?=.*[A-Z])(?=.*[a-z])(?=.*\\d)(?=.*[^A-Za-z0-9]).{12}"), password);
        // the same on every call, whatever key is given; another server has another
        assertEquals(password, vpc("getRootPassword", "serverInstanceNo", linux, "privateKey", "other")
                .jsonPath().getString("getRootPasswordResponse.rootPassword"));
        // as ncloud_root_password sends it: POST form, a PEM with newlines, + and / in the body
        JsonNode sdk = goSdk("/vserver/v2/", "getRootPassword", "regionCode", "KR", "serverInstanceNo", windows, "privateKey", PEM);
        String windowsPassword = sdk.get("rootPassword").textValue();
        assertTrue(windowsPassword.matches("(?=.*[A-Z])(?=.*[a-z])(?=.*\\d)(?=.*[^A-Za-z0-9]).{12}"), windowsPassword);
        assertNotEquals(password, windowsPassword);
    }

    @Test
    void rootPasswordInXml() {
        String id = createVpc();
        Response r = vpcXml("getRootPassword", "serverInstanceNo", id, "privateKey", PEM);
        r.then().statusCode(200).contentType(startsWith("application/xml"));
        String body = r.asString();
        assertTrue(body.matches("<\\?xml version=\"1.0\" encoding=\"UTF-8\"\\?>\n<getRootPasswordResponse>\n  <requestId>[0-9a-f-]{36}</requestId>\n"
                + "  <returnCode>0</returnCode>\n  <returnMessage>success</returnMessage>\n"
                + "  <rootPassword>[^<]{12}</rootPassword>\n</getRootPasswordResponse>"), body);
        assertTrue(body.contains("<rootPassword>" + NcpDataSourceActions.fakePassword(id) + "</rootPassword>"), body);
    }

    @Test
    void rootPasswordRefusesMissingParametersAndUnknownServers() {
        String id = runningVpc();
        vpc("getRootPassword", "privateKey", PEM).then().statusCode(400).contentType(startsWith("application/json"))
                .body("responseError.returnCode", equalTo("900"))
                .body("responseError.returnMessage", equalTo("Required field is not specified. location : serverInstanceNo."));
        vpc("getRootPassword", "serverInstanceNo", id).then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"))
                .body("responseError.returnMessage", equalTo("Required field is not specified. location : privateKey."));
        vpc("getRootPassword", "serverInstanceNo", id, "privateKey", "").then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"));
        vpc("getRootPassword", "serverInstanceNo", "999999", "privateKey", PEM).then().statusCode(400)
                .body("responseError.returnCode", equalTo("24120"))
                .body("responseError.returnMessage", equalTo("The input parameter server instance number is invalid."));
        vpcXml("getRootPassword", "serverInstanceNo", "999999", "privateKey", PEM).then().statusCode(400)
                .contentType(startsWith("application/xml")).body("responseError.returnCode", equalTo("24120"));
        // a server of another region is unknown there
        vpc("getRootPassword", "regionCode", "JPN", "serverInstanceNo", id, "privateKey", PEM).then().statusCode(400)
                .body("responseError.returnCode", equalTo("24120"));
        // and a terminated one is gone
        vpc("stopServerInstances", "serverInstanceNoList.1", id).then().statusCode(200);
        advance(2);
        vpc("terminateServerInstances", "serverInstanceNoList.1", id).then().statusCode(200);
        advance(2);
        vpc("getRootPassword", "serverInstanceNo", id, "privateKey", PEM).then().statusCode(400)
                .body("responseError.returnCode", equalTo("24120"));
    }

    @Test
    void theClassicApiStillAnswersTheGateway404() {
        classic("getServerImageList").then().statusCode(404).body("error.errorCode", equalTo("300"));
        classic("getRootPassword", "serverInstanceNo", "1", "privateKey", PEM).then().statusCode(404)
                .body("error.errorCode", equalTo("300"));
    }
}
