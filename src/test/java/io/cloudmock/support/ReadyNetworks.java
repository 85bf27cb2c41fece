package io.cloudmock.support;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import java.util.Map;

/** The NCP ready network of an account ({@code POST /_cloudmock/networks}): the numbers a VPC server needs. */
public final class ReadyNetworks {
    private ReadyNetworks() {}

    public record Ncp(String vpcNo, String subnetNo, String acgNo) {
        /** The createServerInstances parameters that place a server in this network, as a form / query string. */
        public String query() {
            return "vpcNo=" + vpcNo + "&subnetNo=" + subnetNo + "&networkInterfaceList.1.networkInterfaceOrder=0"
                    + "&networkInterfaceList.1.accessControlGroupNoList.1=" + acgNo;
        }
    }

    public static Ncp ncp(String baseUri, String account) {
        String body = account == null ? "{\"provider\": \"ncp\"}" : "{\"provider\": \"ncp\", \"account\": \"" + account + "\"}";
        JsonPath made = RestAssured.given().baseUri(baseUri).contentType("application/json").body(body)
                .post("/_cloudmock/networks").then().statusCode(201).extract().jsonPath();
        String vpc = null, subnet = null, acg = null;
        for (Map<String, Object> r : made.<Map<String, Object>>getList("resources")) {
            String kind = (String) r.get("kind");
            String id = (String) r.get("id");
            if (kind.equals("vpc") && vpc == null) vpc = id;
            if (kind.equals("subnet") && subnet == null) subnet = id;
            if (kind.equals("acg") && acg == null) acg = id;
        }
        return new Ncp(vpc, subnet, acg);
    }

}
