package io.cloudmock.ncp;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** createServerInstances rules and getServerInstanceList filters, paging and sorting (VPC). */
class NcpCreateAndListTest extends NcpApi {

    private static Response create(Object... kv) {
        Object[] base = place();
        Object[] all = new Object[base.length + kv.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(kv, 0, all, base.length, kv.length);
        return vpc("createServerInstances", all);
    }

    static Object[] concat(Object[] a, Object... b) {
        Object[] all = new Object[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void createManyNamesThemWithASerial() {
        Response r = create("serverImageProductCode", UBUNTU, "serverName", "node", "serverCreateCount", "3");
        r.then().statusCode(200).body("createServerInstancesResponse.totalRows", equalTo(3));
        assertEquals(List.of("node-1", "node-2", "node-3"),
                r.jsonPath().getList("createServerInstancesResponse.serverInstanceList.serverName"));
        Response s = create("serverImageProductCode", UBUNTU, "serverName", "pod", "serverCreateCount", "2",
                "serverCreateStartNo", "7");
        assertEquals(List.of("pod-7", "pod-8"), s.jsonPath().getList("createServerInstancesResponse.serverInstanceList.serverName"));
    }

    @Test
    void createWithoutANameGetsAGeneratedOne() {
        Response r = create("serverImageProductCode", UBUNTU);
        String name = r.jsonPath().getString("createServerInstancesResponse.serverInstanceList[0].serverName");
        org.junit.jupiter.api.Assertions.assertTrue(name.matches("svr-[0-9a-f]{15}"), name);
    }

    @Test
    void createNeedsAnImage() {
        create().then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"))
                .body("responseError.returnMessage", equalTo(
                        "Required field is not specified. location : memberServerImageInstanceNo or serverImageProductCode or serverSpecCode."));
        create("serverImageProductCode", "SW.NO.SUCH.IMAGE").then().statusCode(400)
                .body("responseError.returnCode", equalTo("10712"))
                .body("responseError.returnMessage", equalTo("Not found product. Please check your input product."));
        vpc("getServerInstanceList").then().body("getServerInstanceListResponse.totalRows", equalTo(0));
    }

    @Test
    void createByImageNumberAndSpecCode() {
        Response r = create("serverImageNo", "104630229", "serverSpecCode", "ci4-g3");
        r.then().statusCode(200)
                .body("createServerInstancesResponse.serverInstanceList[0].serverImageProductCode", equalTo(UBUNTU))
                .body("createServerInstancesResponse.serverInstanceList[0].serverProductCode", equalTo("SVR.VSVR.CPU.C004.M008.G003"))
                .body("createServerInstancesResponse.serverInstanceList[0].cpuCount", equalTo(4));
    }

    @Test
    void createRefusesAProductTheImageCannotRunOn() {
        // a G3 image on a G2 product
        create("serverImageProductCode", UBUNTU, "serverProductCode", "SVR.VSVR.STAND.C002.M004.NET.SSD.B050.G001")
                .then().statusCode(400).body("responseError.returnCode", equalTo("10712"));
    }

    @Test
    void anOlderImageRunsOnXen() {
        create("serverImageProductCode", "SW.VSVR.OS.LNX64.CNTOS.0703.B050").then().statusCode(200)
                .body("createServerInstancesResponse.serverInstanceList[0].hypervisorType.code", equalTo("XEN"))
                .body("createServerInstancesResponse.serverInstanceList[0].platformType.code", equalTo("LNX64"))
                .body("createServerInstancesResponse.serverInstanceList[0].serverProductCode",
                        equalTo("SVR.VSVR.STAND.C002.M004.NET.SSD.B050.G001"));
    }

    @Test
    void createChecksTheVpcPlacement() {
        vpc("createServerInstances", "serverImageProductCode", UBUNTU, "subnetNo", "20",
                "networkInterfaceList.1.networkInterfaceOrder", "0", "networkInterfaceList.1.accessControlGroupNoList.1", "30")
                .then().statusCode(400).body("responseError.returnMessage", equalTo("Required field is not specified. location : vpcNo."));
        vpc("createServerInstances", "serverImageProductCode", UBUNTU, "vpcNo", "10", "subnetNo", "20")
                .then().statusCode(400).body("responseError.returnCode", equalTo("900"));
        vpc("createServerInstances", "serverImageProductCode", UBUNTU, "vpcNo", "10", "subnetNo", "20",
                "networkInterfaceList.1.networkInterfaceOrder", "0").then().statusCode(400)
                .body("responseError.returnMessage", equalTo(
                        "Required field is not specified. location : networkInterfaceList.1.accessControlGroupNoList.1."));
        create("serverImageProductCode", UBUNTU, "vpcNo", "ten").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
    }

    @Test
    void createChecksCountsAndNames() {
        create("serverImageProductCode", UBUNTU, "serverCreateCount", "21").then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"));
        create("serverImageProductCode", UBUNTU, "serverCreateCount", "0").then().statusCode(400);
        create("serverImageProductCode", UBUNTU, "serverName", "x").then().statusCode(400)
                .body("responseError.returnCode", equalTo("24103"));
        create("serverImageProductCode", UBUNTU, "serverName", "9lives").then().statusCode(400)
                .body("responseError.returnCode", equalTo("24105"));
        create("serverImageProductCode", UBUNTU, "serverName", "dup-name").then().statusCode(200);
        create("serverImageProductCode", UBUNTU, "serverName", "dup-name").then().statusCode(400)
                .body("responseError.returnCode", equalTo("10300"))
                .body("responseError.returnMessage", equalTo("Instance name is already in use. please use other name."));
        vpc("getServerInstanceList").then().body("getServerInstanceListResponse.totalRows", equalTo(1));
    }

    /** Without its requestId, which is new on every call. */
    private static String listBody(boolean json) {
        String body = (json ? vpc("getServerInstanceList") : vpcXml("getServerInstanceList")).asString();
        return body.replaceAll("\"requestId\": \"[^\"]*\"|<requestId>[^<]*</requestId>", "");
    }

    @Test
    void aListedServerIsRenderedAgainOnlyAsItIsNow() {
        String id = runningVpc();
        for (boolean json : new boolean[] {true, false}) {
            String first = listBody(json);
            // the second answer comes from the kept items: byte for byte the first
            assertEquals(first, listBody(json));
        }
        vpc("changeServerInstanceName", "serverInstanceNo", id, "serverName", "renamed-one").then().statusCode(200);
        for (boolean json : new boolean[] {true, false}) {
            String after = listBody(json);
            org.junit.jupiter.api.Assertions.assertTrue(after.contains("renamed-one"), after);
        }
        String running = listBody(false);
        vpc("stopServerInstances", "serverInstanceNoList.1", id).then().statusCode(200);
        // a change of state alone (no field written) is seen too
        org.junit.jupiter.api.Assertions.assertNotEquals(running, listBody(false));
        advance(10);
        vpc("getServerInstanceList").then().body("getServerInstanceListResponse.serverInstanceList[0].serverInstanceStatus.code", equalTo("NSTOP"));
    }

    @Test
    void associateWithPublicIpGivesTheServerAnAddress() {
        Response r = create("serverImageProductCode", UBUNTU, "associateWithPublicIp", "true");
        String ip = r.jsonPath().getString("createServerInstancesResponse.serverInstanceList[0].publicIp");
        org.junit.jupiter.api.Assertions.assertTrue(ip.startsWith("203.0.113."), ip);
        org.junit.jupiter.api.Assertions.assertFalse(
                r.jsonPath().getString("createServerInstancesResponse.serverInstanceList[0].publicIpInstanceNo").isEmpty());
    }

    @Test
    void serversLiveInTheirRegion() {
        Net singapore = apiNetwork("SGN", "10.1.0.0/16", "10.1.1.0/24");
        String kr = createVpc();
        String sgn = createVpc(concat(place(singapore), "regionCode", "SGN"));
        assertEquals(List.of(kr), ids(vpc("getServerInstanceList"), "getServerInstanceList"));
        Response inSgn = vpc("getServerInstanceList", "regionCode", "SGN");
        assertEquals(List.of(sgn), ids(inSgn, "getServerInstanceList"));
        inSgn.then().body("getServerInstanceListResponse.serverInstanceList[0].zoneCode", equalTo("SGN-4"));
        vpc("getServerInstanceDetail", "serverInstanceNo", sgn).then().body("getServerInstanceDetailResponse.totalRows", equalTo(0));
        vpc("stopServerInstances", "serverInstanceNoList.1", sgn).then().statusCode(400)
                .body("responseError.returnCode", equalTo("24120"));
        vpc("getServerInstanceList", "regionCode", "XX").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
    }

    @Test
    void listFiltersByIdNameStatusAndVpc() {
        Net other = apiNetwork("KR", "172.16.0.0/16", "172.16.1.0/24");
        String a = runningVpc("serverName", "alpha");
        String b = stoppedVpc(concat(place(other), "serverName", "beta"));
        String c = createVpc("serverName", "gamma");
        assertEquals(List.of(a, b, c), ids(vpc("getServerInstanceList"), "getServerInstanceList"));
        assertEquals(List.of(a, c), ids(vpc("getServerInstanceList", "serverInstanceNoList.1", a, "serverInstanceNoList.2", c),
                "getServerInstanceList"));
        assertEquals(List.of(b), ids(vpc("getServerInstanceList", "serverName", "beta"), "getServerInstanceList"));
        assertEquals(List.of(b), ids(vpc("getServerInstanceList", "serverInstanceStatusCode", "NSTOP"), "getServerInstanceList"));
        assertEquals(List.of(a), ids(vpc("getServerInstanceList", "serverInstanceStatusCode", "RUN"), "getServerInstanceList"));
        assertEquals(List.of(c), ids(vpc("getServerInstanceList", "serverInstanceStatusCode", "INIT"), "getServerInstanceList"));
        assertEquals(List.of(b), ids(vpc("getServerInstanceList", "vpcNo", other.vpcNo()), "getServerInstanceList"));
        vpc("getServerInstanceList", "serverInstanceStatusCode", "SHTDN").then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"));
    }

    @Test
    void listFiltersByPrivateOrPublicIp() {
        String a = runningVpc("networkInterfaceList.1.ip", "10.0.1.77");
        String b = runningVpc("associateWithPublicIp", "true");
        assertEquals(List.of(a), ids(vpc("getServerInstanceList", "ip", "10.0.1.77"), "getServerInstanceList"));
        String publicIp = detail(b).getString("publicIp");
        assertEquals(List.of(b), ids(vpc("getServerInstanceList", "ip", publicIp), "getServerInstanceList"));
        // the address getNetworkInterfaceDetail gives b's interface
        String nic = detail(b).getString("networkInterfaceNoList[0]");
        String nicIp = vpc("getNetworkInterfaceDetail", "networkInterfaceNo", nic).jsonPath()
                .getString("getNetworkInterfaceDetailResponse.networkInterfaceList[0].ip");
        assertEquals(List.of(b), ids(vpc("getServerInstanceList", "ip", nicIp), "getServerInstanceList"));
        assertEquals(List.of(), ids(vpc("getServerInstanceList", "ip", "192.0.2.1"), "getServerInstanceList"));
    }

    @Test
    void listPagesAndSorts() {
        for (String n : new String[] {"delta", "alpha", "echo", "charlie", "bravo"}) createVpc("serverName", n);
        Response page2 = vpc("getServerInstanceList", "sortedBy", "serverName", "sortingOrder", "ascending",
                "pageNo", "2", "pageSize", "2");
        page2.then().body("getServerInstanceListResponse.totalRows", equalTo(5));
        assertEquals(List.of("charlie", "delta"), page2.jsonPath().getList("getServerInstanceListResponse.serverInstanceList.serverName"));
        Response desc = vpc("getServerInstanceList", "sortedBy", "serverName", "sortingOrder", "DESCENDING");
        assertEquals(List.of("echo", "delta", "charlie", "bravo", "alpha"),
                desc.jsonPath().getList("getServerInstanceListResponse.serverInstanceList.serverName"));
        Response last = vpc("getServerInstanceList", "pageNo", "3", "pageSize", "2");
        assertEquals(1, last.jsonPath().getList("getServerInstanceListResponse.serverInstanceList").size());
        Response beyond = vpc("getServerInstanceList", "pageNo", "9", "pageSize", "2");
        beyond.then().body("getServerInstanceListResponse.totalRows", equalTo(5))
                .body("getServerInstanceListResponse.serverInstanceList.size()", equalTo(0));
        vpc("getServerInstanceList", "sortedBy", "color").then().statusCode(400);
        vpc("getServerInstanceList", "pageSize", "-1").then().statusCode(400);
    }

    @Test
    void unsortedPagesCountEveryMatchButHoldOnlyTheirOwn() {
        List<String> made = new java.util.ArrayList<>();
        for (int k = 0; k < 5; k++) made.add(createVpc());
        // four of the five by number, asked in another order: the page follows creation order
        Response page2 = vpc("getServerInstanceList", "serverInstanceNoList.1", made.get(4),
                "serverInstanceNoList.2", made.get(0), "serverInstanceNoList.3", made.get(1),
                "serverInstanceNoList.4", made.get(3), "pageNo", "2", "pageSize", "2");
        page2.then().body("getServerInstanceListResponse.totalRows", equalTo(4));
        assertEquals(List.of(made.get(3), made.get(4)), ids(page2, "getServerInstanceList"));
        Response first = vpc("getServerInstanceList", "pageNo", "0", "pageSize", "3");
        first.then().body("getServerInstanceListResponse.totalRows", equalTo(5));
        assertEquals(made.subList(0, 3), ids(first, "getServerInstanceList"));
        Response all = vpc("getServerInstanceList", "pageNo", "2");   // no pageSize: everything, whatever the page
        assertEquals(made, ids(all, "getServerInstanceList"));
    }

    @Test
    void aFilterPagedThroughSeesEveryChangeBetweenItsPages() {
        List<String> made = new java.util.ArrayList<>();
        for (int k = 0; k < 3; k++) made.add(runningVpc());
        Response p1 = vpc("getServerInstanceList", "serverInstanceStatusCode", "RUN", "pageNo", "1", "pageSize", "2");
        p1.then().body("getServerInstanceListResponse.totalRows", equalTo(3));
        assertEquals(made.subList(0, 2), ids(p1, "getServerInstanceList"));
        // the next page, same filter: the matches are kept, but a new server counts at once
        made.add(runningVpc());
        Response p2 = vpc("getServerInstanceList", "serverInstanceStatusCode", "RUN", "pageNo", "2", "pageSize", "2");
        p2.then().body("getServerInstanceListResponse.totalRows", equalTo(4));
        assertEquals(made.subList(2, 4), ids(p2, "getServerInstanceList"));
        // a field change alone is seen by a filter on that field
        vpc("getServerInstanceList", "serverName", "renamed-two").then().body("getServerInstanceListResponse.totalRows", equalTo(0));
        vpc("changeServerInstanceName", "serverInstanceNo", made.get(1), "serverName", "renamed-two").then().statusCode(200);
        Response byName = vpc("getServerInstanceList", "serverName", "renamed-two");
        assertEquals(List.of(made.get(1)), ids(byName, "getServerInstanceList"));
    }

    @Test
    void accountsDoNotSeeEachOther() {
        Net a = net("KEY-A");
        Response created = given().header("x-ncp-iam-access-key", "KEY-A")
                .queryParams(params("serverImageProductCode", UBUNTU, "vpcNo", a.vpcNo(), "subnetNo", a.subnetNo(),
                        "networkInterfaceList.1.networkInterfaceOrder", "0",
                        "networkInterfaceList.1.accessControlGroupNoList.1", a.acgNo(), "responseFormatType", "json"))
                .get("/vserver/v2/createServerInstances");
        String id = created.jsonPath().getString("createServerInstancesResponse.serverInstanceList[0].serverInstanceNo");
        call("KEY-A", "/vserver/v2/", "getServerInstanceList", true).then()
                .body("getServerInstanceListResponse.totalRows", equalTo(1));
        call("KEY-B", "/vserver/v2/", "getServerInstanceList", true).then()
                .body("getServerInstanceListResponse.totalRows", equalTo(0));
        vpc("getServerInstanceList").then().body("getServerInstanceListResponse.totalRows", equalTo(0));
        advance(4);
        call("KEY-B", "/vserver/v2/", "stopServerInstances", true, "serverInstanceNoList.1", id).then().statusCode(400)
                .body("responseError.returnCode", equalTo("24120"));
        // a reset of one account leaves the others alone
        createVpc();
        given().post("/_cloudmock/reset?account=KEY-A").then().statusCode(200);
        call("KEY-A", "/vserver/v2/", "getServerInstanceList", true).then()
                .body("getServerInstanceListResponse.totalRows", equalTo(0));
        vpc("getServerInstanceList").then().body("getServerInstanceListResponse.totalRows", equalTo(1));
    }

    @Test
    void catalogueActions() {
        vpc("getRegionList").then().statusCode(200)
                .body("getRegionListResponse.totalRows", equalTo(3))
                .body("getRegionListResponse.regionList[0].regionCode", equalTo("KR"))
                .body("getRegionListResponse.regionList[0].regionName", equalTo("Korea"))
                .body("getRegionListResponse.regionList.regionCode", hasItems("SGN", "JPN"));
        vpc("getZoneList").then().statusCode(200)
                .body("getZoneListResponse.zoneList.zoneCode", equalTo(List.of("KR-1", "KR-2")))
                .body("getZoneListResponse.zoneList[0].regionCode", equalTo("KR"));
        vpc("getZoneList", "regionCode", "JPN").then().body("getZoneListResponse.zoneList.zoneCode", equalTo(List.of("JPN-4", "JPN-5")));
        Response images = vpc("getServerImageProductList");
        images.then().statusCode(200).body("getServerImageProductListResponse.productList.productCode", hasItems(UBUNTU, WINDOWS,
                "SW.VSVR.OS.LNX64.CNTOS.0703.B050"));
        vpc("getServerImageProductList", "platformTypeCodeList.1", "WND64").then()
                .body("getServerImageProductListResponse.productList.platformType.code", equalTo(List.of("WND64", "WND64")));
        Response products = vpc("getServerProductList", "serverImageProductCode", UBUNTU);
        products.then().statusCode(200)
                .body("getServerProductListResponse.productList.productCode", hasItems("SVR.VSVR.CPU.C004.M008.G003"))
                .body("getServerProductListResponse.productList[0].cpuCount", equalTo(2))
                .body("getServerProductListResponse.productList[0].memorySize", equalTo(4294967296L))
                .body("getServerProductListResponse.productList.generationCode", org.hamcrest.Matchers.everyItem(equalTo("G3")));
        vpc("getServerProductList", "serverImageProductCode", "NOPE").then().statusCode(400)
                .body("responseError.returnCode", equalTo("10712"));
        vpc("getServerProductList").then().statusCode(400).body("responseError.returnCode", equalTo("900"));
    }

    @Test
    void aRefusedNumberIsEchoedAsSentWithoutGrouping() {
        create("serverImageProductCode", UBUNTU, "serverCreateStartNo", "1000").then().statusCode(400)
                .body("responseError.returnCode", equalTo("900"))
                .body("responseError.returnMessage",
                        equalTo("Invalid parameter value. location : serverCreateStartNo, value : 1000"));
        vpc("getServerInstanceList", "pageNo", "12345678901").then().statusCode(400)
                .body("responseError.returnMessage", equalTo("Invalid parameter value. location : pageNo, value : 12345678901"));
    }

    @Test
    void sortingByNumberCopesWithAnImportedServerWhoseNumberIsNotOne() {
        // a hand-written state file may name a server anything; sorting must not fail on it
        given().contentType("application/json").body("""
                {"format":"cloudmock-state","version":1,"accounts":[{"name":"default","instances":[
                  {"provider":"ncp","id":"web-a","state":"RUN","fields":{"serverName":"weba","regionCode":"KR"}},
                  {"provider":"ncp","id":"10000009","state":"RUN","fields":{"serverName":"webc","regionCode":"KR"}},
                  {"provider":"ncp","id":"10000002","state":"RUN","fields":{"serverName":"webb","regionCode":"KR"}}]}]}""")
                .put("/_cloudmock/state").then().statusCode(200);
        Response r = vpc("getServerInstanceList", "sortedBy", "serverInstanceNo");
        r.then().statusCode(200);
        assertEquals(List.of("10000002", "10000009", "web-a"), ids(r, "getServerInstanceList"));
        Response byDate = vpc("getServerInstanceList", "sortedBy", "createDate", "sortingOrder", "descending");
        byDate.then().statusCode(200).body("getServerInstanceListResponse.totalRows", equalTo(3));
    }

    @Test
    void fabricClusterFiltersMatchNoServerOutsideAFabricCluster() {
        createVpc();
        vpc("getServerInstanceList").then().statusCode(200).body("getServerInstanceListResponse.totalRows", equalTo(1));
        // cloudmock's servers are in no fabric cluster (their fabricCluster* fields are ""), so a filter on one finds none
        for (String filter : new String[] {"fabricClusterPoolNo", "fabricClusterNo", "fabricClusterMode"}) {
            vpc("getServerInstanceList", filter, "123").then().statusCode(200)
                    .body("getServerInstanceListResponse.totalRows", equalTo(0));
        }
    }
}
