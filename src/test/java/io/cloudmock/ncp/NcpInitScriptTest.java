package io.cloudmock.ncp;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Init scripts (/vserver/v2): create, list, detail, delete, and their use by createServerInstances. */
class NcpInitScriptTest extends NcpApi {

    @Test
    void createListDetailDelete() {
        Response r = vpc("createInitScript", "initScriptName", "boot", "initScriptContent", "#!/bin/bash\necho hi\n",
                "initScriptDescription", "first");
        r.then().statusCode(200).body("createInitScriptResponse.totalRows", equalTo(1))
                .body("createInitScriptResponse.initScriptList[0].initScriptName", equalTo("boot"))
                .body("createInitScriptResponse.initScriptList[0].initScriptContent", equalTo("#!/bin/bash\necho hi\n"))
                .body("createInitScriptResponse.initScriptList[0].initScriptDescription", equalTo("first"))
                .body("createInitScriptResponse.initScriptList[0].osType.code", equalTo("LNX"))
                .body("createInitScriptResponse.initScriptList[0].osType.codeName", equalTo("Linux"));
        String no = r.jsonPath().getString("createInitScriptResponse.initScriptList[0].initScriptNo");
        vpc("createInitScript", "initScriptContent", "rem windows", "osTypeCode", "WND").then().statusCode(200);
        vpc("createInitScript", "initScriptContent", "echo 안녕").then().statusCode(400).body("responseError.returnCode", equalTo("1009003"));
        vpc("createInitScript", "initScriptContent", "x", "osTypeCode", "MAC").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        vpc("createInitScript").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        vpc("getInitScriptList").then().body("getInitScriptListResponse.totalRows", equalTo(2));
        vpc("getInitScriptList", "osTypeCode", "WND").then().body("getInitScriptListResponse.totalRows", equalTo(1));
        vpc("getInitScriptList", "initScriptName", "boot").then()
                .body("getInitScriptListResponse.initScriptList[0].initScriptNo", equalTo(no));
        String xml = vpcXml("getInitScriptDetail", "initScriptNo", no).asString();
        assertTrue(xml.contains("<initScriptList>\n    <initScript>\n      <initScriptNo>" + no + "</initScriptNo>\n"
                + "      <initScriptName>boot</initScriptName>"), xml);
        vpc("deleteInitScripts", "initScriptNoList.1", no, "initScriptNoList.2", "424242").then().statusCode(400)
                .body("responseError.returnCode", equalTo("1009001"));
        vpc("getInitScriptDetail", "initScriptNo", no).then().body("getInitScriptDetailResponse.totalRows", equalTo(1));
        vpc("deleteInitScripts", "initScriptNoList.1", no).then().statusCode(200)
                .body("deleteInitScriptsResponse.initScriptList[0].initScriptNo", equalTo(no));
        vpc("getInitScriptDetail", "initScriptNo", no).then().statusCode(200).body("getInitScriptDetailResponse.totalRows", equalTo(0));
    }

    @Test
    void serversNameAScriptOfTheirOsType() {
        String lnx = vpc("createInitScript", "initScriptContent", "#!/bin/bash\n").jsonPath()
                .getString("createInitScriptResponse.initScriptList[0].initScriptNo");
        String wnd = vpc("createInitScript", "initScriptContent", "rem", "osTypeCode", "WND").jsonPath()
                .getString("createInitScriptResponse.initScriptList[0].initScriptNo");
        Object[] server = NcpVpcApiTest.concat(place(), "serverImageProductCode", UBUNTU);
        vpc("createServerInstances", NcpVpcApiTest.concat(server, "initScriptNo", "424242")).then().statusCode(400)
                .body("responseError.returnCode", equalTo("1009001"));
        vpc("createServerInstances", NcpVpcApiTest.concat(server, "initScriptNo", wnd)).then().statusCode(400)
                .body("responseError.returnCode", equalTo("1009002"));
        String id = createVpc("initScriptNo", lnx);
        assertEquals(lnx, detail(id).getString("initScriptNo"));
        // deleting a script a server names is allowed; the server keeps the number
        vpc("deleteInitScripts", "initScriptNoList.1", lnx).then().statusCode(200);
        assertEquals(lnx, detail(id).getString("initScriptNo"));
    }
}
