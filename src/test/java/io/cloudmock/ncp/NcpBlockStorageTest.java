package io.cloudmock.ncp;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** getBlockStorageInstanceList/Detail: every VPC server's basic storage, attached, derived from the server. */
class NcpBlockStorageTest extends NcpApi {
    // ---- getBlockStorageInstanceList / getBlockStorageInstanceDetail

    @Test
    void everyServerHasItsBasicStorageAttached() {
        String id = runningVpc();
        Response r = vpc("getBlockStorageInstanceList", "serverInstanceNo", id);
        r.then().statusCode(200)
                .body("getBlockStorageInstanceListResponse.totalRows", equalTo(1))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].serverInstanceNo", equalTo(id))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].blockStorageType.code", equalTo("BASIC"))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].blockStorageSize", equalTo(10737418240L))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].deviceName", equalTo("/dev/vda"))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].blockStorageInstanceStatus.code",
                        equalTo("ATTAC"))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].blockStorageInstanceOperation.code",
                        equalTo("NULL"))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].blockStorageInstanceStatusName",
                        equalTo("attached"))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].blockStorageDiskDetailType.code",
                        equalTo("SSD"))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].isEncryptedVolume", equalTo(false))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList[0].hypervisorType.code", equalTo("KVM"));
        JsonNode bs = goSdkCut(r.asString()).get("blockStorageInstanceList").get(0);
        assertTrue(bs.get("blockStorageSize").isIntegralNumber());
        assertTrue(bs.get("maxIopsThroughput").isInt());
        String no = bs.get("blockStorageInstanceNo").textValue();
        assertEquals(Long.parseLong(id) + 50_000_000L, Long.parseLong(no));
        // Terraform's delete asks for additional storage only: there is none
        vpc("getBlockStorageInstanceList", "serverInstanceNo", id, "blockStorageTypeCodeList.1", "SVRBS").then()
                .statusCode(200).body("getBlockStorageInstanceListResponse.totalRows", equalTo(0));
        vpc("getBlockStorageInstanceDetail", "blockStorageInstanceNo", no).then().statusCode(200)
                .body("getBlockStorageInstanceDetailResponse.totalRows", equalTo(1))
                .body("getBlockStorageInstanceDetailResponse.blockStorageInstanceList[0].serverInstanceNo", equalTo(id));
    }

    @Test
    void blockStorageListFiltersAndRefusals() {
        String a = createVpc();
        String b = createVpc(); // two servers, two basic storages
        vpc("getBlockStorageInstanceList").then().body("getBlockStorageInstanceListResponse.totalRows", equalTo(2));
        vpc("getBlockStorageInstanceList", "pageNo", "2", "pageSize", "1").then()
                .body("getBlockStorageInstanceListResponse.totalRows", equalTo(2))
                .body("getBlockStorageInstanceListResponse.blockStorageInstanceList.serverInstanceNo", equalTo(List.of(b)));
        vpc("getBlockStorageInstanceList", "blockStorageInstanceStatusCode", "CREAT").then()
                .body("getBlockStorageInstanceListResponse.totalRows", equalTo(0));
        vpc("getBlockStorageInstanceList", "blockStorageTypeCodeList.1", "OTHER").then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"));
        vpc("getBlockStorageInstanceDetail").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        vpc("getBlockStorageInstanceDetail", "blockStorageInstanceNo", a).then().statusCode(200)
                .body("getBlockStorageInstanceDetailResponse.totalRows", equalTo(0));
        vpc("getBlockStorageInstanceDetail", "blockStorageInstanceNo", "x").then().statusCode(200)
                .body("getBlockStorageInstanceDetailResponse.totalRows", equalTo(0));
    }

    @Test
    void blockStorageInXml() {
        String id = createVpc();
        String body = vpcXml("getBlockStorageInstanceList", "serverInstanceNo", id).then().statusCode(200)
                .contentType(startsWith("application/xml")).extract().asString();
        assertTrue(body.contains("<blockStorageInstanceList>\n    <blockStorageInstance>\n      <blockStorageInstanceNo>"), body);
        assertTrue(body.contains("<blockStorageType>\n        <code>BASIC</code>\n        <codeName>Basic BS</codeName>\n"
                + "      </blockStorageType>\n      <blockStorageSize>10737418240</blockStorageSize>"), body);
        assertTrue(body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<getBlockStorageInstanceListResponse>"), body);
    }
}
