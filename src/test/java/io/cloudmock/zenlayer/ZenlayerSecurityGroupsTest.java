package io.cloudmock.zenlayer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Security groups, their rules and their instances (network reference section 5). */
class ZenlayerSecurityGroupsTest extends ZenlayerTestBase {
    static final String SSH = "{\"direction\":\"ingress\",\"policy\":\"accept\",\"ipProtocol\":\"tcp\",\"portRange\":\"22\",\"cidrIp\":\"0.0.0.0/0\"}";

    static io.restassured.response.ValidatableResponse describe(String id) {
        return ok("DescribeSecurityGroups", "{\"securityGroupIds\":[\"" + id + "\"]}");
    }

    @Test
    void theDefaultGroupExistsWithSshAndRdpAndCannotBeEdited() {
        String body = describe("sg-default").body("response.totalCount", equalTo(1)).extract().asString();
        Map<String, Object> g = io.restassured.path.json.JsonPath.from(body).getMap("response.dataSet[0]");
        assertEquals(List.of("securityGroupId", "securityGroupName", "securityGroupStatus", "createTime", "description", "instanceIds",
                "ruleInfos", "isDefault"), List.copyOf(g.keySet()));
        assertEquals(true, g.get("isDefault"));
        assertEquals("Available", g.get("securityGroupStatus"));
        describe("sg-default").body("response.dataSet[0].ruleInfos.portRange", contains("22/22", "3389/3389", "-1/-1"))
                .body("response.dataSet[0].ruleInfos[0].priority", equalTo(1));
        fails("ModifySecurityGroupsAttribute", "{\"securityGroupIds\":[\"sg-default\"],\"securityGroupName\":\"x\"}", 403,
                "OPERATION_DENIED_DEFAULT_SECURITY_GROUP_NOT_SUPPORT");
        fails("DeleteSecurityGroup", "{\"securityGroupId\":\"sg-default\"}", 403, "OPERATION_DENIED_DEFAULT_SECURITY_GROUP_NOT_SUPPORT");
        fails("AuthorizeSecurityGroupRule", "{\"securityGroupId\":\"sg-default\"," + SSH.substring(1), 403,
                "OPERATION_DENIED_DEFAULT_SECURITY_GROUP_NOT_SUPPORT");
        // an instance made without securityGroupId is in the default group
        String id = create(1).get(0);
        describe("sg-default").body("response.dataSet[0].instanceIds", contains(id));
        ok("DescribeInstances", "{}").body("response.dataSet[0].securityGroupIds", contains("sg-default"));
    }

    @Test
    void createDescribeModifyDelete() {
        String id = ok("CreateSecurityGroup", V2023, "{\"securityGroupName\":\"web\",\"ruleInfos\":[{\"direction\":\"ingress\","
                + "\"policy\":\"accept\",\"priority\":2,\"ipProtocol\":\"tcp\",\"portRange\":\"22/22\",\"cidrIp\":\"0.0.0.0/0\"}]}")
                .body("response.size()", equalTo(2)).extract().path("response.securityGroupId");
        describe(id).body("response.dataSet[0].securityGroupName", equalTo("web"))
                .body("response.dataSet[0].description", nullValue())
                .body("response.dataSet[0].instanceIds", empty())
                .body("response.dataSet[0].isDefault", equalTo(false))
                .body("response.dataSet[0].ruleInfos", hasSize(1))
                .body("response.dataSet[0].ruleInfos[0].priority", equalTo(2))
                .body("response.dataSet[0].ruleInfos[0].description", equalTo(""));
        ok("DescribeSecurityGroups", "{\"securityGroupName\":\"we\"}").body("response.dataSet.securityGroupId", contains(id));
        ok("DescribeSecurityGroups", "{\"pageSize\":1,\"pageNum\":2}").body("response.totalCount", equalTo(2))
                .body("response.dataSet.securityGroupId", contains(id));
        // Terraform always sends a description, "" included
        ok("ModifySecurityGroupsAttribute", "{\"securityGroupIds\":[\"" + id + "\"],\"securityGroupName\":\"web2\",\"description\":\"tier one\"}");
        describe(id).body("response.dataSet[0].securityGroupName", equalTo("web2")).body("response.dataSet[0].description", equalTo("tier one"));
        ok("ModifySecurityGroupsAttribute", "{\"securityGroupIds\":[\"" + id + "\"],\"securityGroupName\":\"web2\",\"description\":\"\"}");
        describe(id).body("response.dataSet[0].description", nullValue());
        fails("ModifySecurityGroupsAttribute", "{\"securityGroupIds\":[\"" + id + "\",\"nope\"],\"securityGroupName\":\"x\"}", 404,
                "INVALID_SECURITY_GROUP_NOT_FOUND");
        describe(id).body("response.dataSet[0].securityGroupName", equalTo("web2"));
        fails("CreateSecurityGroup", "{\"securityGroupName\":\"bad name\"}", 400, "INVALID_PARAMETER_PATTERN_ERROR");
        fails("CreateSecurityGroup", "{\"securityGroupName\":\"x\",\"description\":\"y\"}", 400, "INVALID_PARAMETER_LESS_LENGTH");
        ok("DeleteSecurityGroup", "{\"securityGroupId\":\"" + id + "\"}");
        ok("DescribeSecurityGroups", "{\"securityGroupIds\":[\"" + id + "\"]}").body("response.totalCount", equalTo(0));
        fails("DeleteSecurityGroup", "{\"securityGroupId\":\"" + id + "\"}", 404, "INVALID_SECURITY_GROUP_NOT_FOUND");
    }

    @Test
    void aPriorityBeyond32BitsIsOutOfRangeLikeAnyOther() {
        String id = securityGroup("prio");
        String sg = "{\"securityGroupId\":\"" + id + "\",";
        for (String priority : List.of("0", "101", "99999999999", "-99999999999", "2147483648")) {
            fails("AuthorizeSecurityGroupRule", sg + SSH.substring(1).replace("\"policy\"", "\"priority\":" + priority + ",\"policy\""), 400,
                    "INVALID_PARAMETER_SECURITY_GROUP_PRIORITY");
        }
        fails("AuthorizeSecurityGroupRule", sg + SSH.substring(1).replace("\"policy\"", "\"priority\":\"2\",\"policy\""), 400,
                "INVALID_PARAMETER_TYPE");
        describe(id).body("response.dataSet[0].ruleInfos", empty());
    }

    @Test
    void rulesAreCheckedNormalisedAndLimited() {
        String id = securityGroup("rules");
        ok("AuthorizeSecurityGroupRule", "{\"securityGroupId\":\"" + id + "\"," + SSH.substring(1));
        describe(id).body("response.dataSet[0].ruleInfos[0].portRange", equalTo("22/22"))
                .body("response.dataSet[0].ruleInfos[0].cidrIp", equalTo("0.0.0.0/0"))
                .body("response.dataSet[0].ruleInfos[0].priority", equalTo(1));
        String sg = "{\"securityGroupId\":\"" + id + "\",";
        fails("AuthorizeSecurityGroupRule", sg + SSH.substring(1).replace("\"22\"", "\"22/22\""), 403, "OPERATION_DENIED_SECURITY_GROUP_EXIST_REPEAT_RULE");
        fails("AuthorizeSecurityGroupRule", sg + SSH.substring(1).replace("accept", "drop"), 400, "INVALID_PARAMETER_SECURITY_GROUP_POLICY");
        fails("AuthorizeSecurityGroupRule", sg + SSH.substring(1).replace("\"22\"", "\"200/1\""), 400, "INVALID_PARAMETER_SECURITY_GROUP_PORT_RANGE");
        fails("AuthorizeSecurityGroupRule", sg + SSH.substring(1).replace("\"22\"", "\"65536\""), 400, "INVALID_PARAMETER_SECURITY_GROUP_PORT_RANGE");
        fails("AuthorizeSecurityGroupRule", sg + SSH.substring(1).replace("tcp", "icmp"), 400, "INVALID_PARAMETER_SECURITY_GROUP_PORT_RANGE");
        fails("AuthorizeSecurityGroupRule", sg + SSH.substring(1).replace("tcp", "TCP"), 400, "INVALID_PARAMETER_VALUE");
        fails("AuthorizeSecurityGroupRule", sg + SSH.substring(1).replace("0.0.0.0/0", "10.0.0.300"), 400, "INVALID_PARAMETER_SECURITY_GROUP_SOURCE_CIDR_IP");
        fails("AuthorizeSecurityGroupRule", sg + SSH.substring(1).replace("\"policy\"", "\"priority\":101,\"policy\""), 400, "INVALID_PARAMETER_SECURITY_GROUP_PRIORITY");
        fails("AuthorizeSecurityGroupRule", sg + "\"direction\":\"ingress\",\"ipProtocol\":\"tcp\",\"cidrIp\":\"1.2.3.4\"}", 400, "MISSING_PARAMETER");
        fails("AuthorizeSecurityGroupRules", sg + "\"ruleInfos\":[{\"ruleId\":120," + SSH.substring(1) + "]}", 400,
                "INVALID_PARAMETER_SECURITY_GROUP_RULE_ID_NOT_ALLOW");
        // 20 per direction: 19 more ingress fit, the 21st does not, and the failed batch adds none
        StringBuilder rules = new StringBuilder();
        for (int p = 1; p <= 19; p++) rules.append(p == 1 ? "" : ",").append(SSH.replace("\"22\"", "\"" + (1000 + p) + "\""));
        fails("AuthorizeSecurityGroupRules", sg + "\"ruleInfos\":[" + rules + "," + SSH.replace("\"22\"", "\"2000\"") + "]}", 403,
                "OPERATION_DENIED_SECURITY_GROUP_RULE_EXCEED_LIMIT");
        describe(id).body("response.dataSet[0].ruleInfos", hasSize(1));
        ok("AuthorizeSecurityGroupRules", sg + "\"ruleInfos\":[" + rules + "]}");
        describe(id).body("response.dataSet[0].ruleInfos", hasSize(20));
        // egress has its own 20; a host cidrIp is kept as given
        ok("AuthorizeSecurityGroupRule", sg + "\"direction\":\"egress\",\"ipProtocol\":\"all\",\"portRange\":\"-1/-1\",\"cidrIp\":\"10.0.0.1\"}");
        describe(id).body("response.dataSet[0].ruleInfos[20].cidrIp", equalTo("10.0.0.1"));
        // revoke matches on direction, protocol, ports and cidr; a missing rule fails the whole call
        fails("RevokeSecurityGroupRules", sg + "\"ruleInfos\":[" + SSH + "," + SSH.replace("\"22\"", "\"9\"") + "]}", 404,
                "INVALID_SECURITY_GROUP_RULE_NOT_FOUND");
        describe(id).body("response.dataSet[0].ruleInfos", hasSize(21));
        ok("RevokeSecurityGroupRules", sg + "\"ruleInfos\":[" + SSH + "]}");
        describe(id).body("response.dataSet[0].ruleInfos", hasSize(20));
        // configure replaces everything; nothing given clears
        ok("ConfigureSecurityGroupRules", sg + "\"ruleInfos\":[" + SSH + "]}");
        describe(id).body("response.dataSet[0].ruleInfos.portRange", contains("22/22"));
        ok("ConfigureSecurityGroupRules", "{\"securityGroupId\":\"" + id + "\"}");
        describe(id).body("response.dataSet[0].ruleInfos", empty());
        fails("RevokeSecurityGroupRules", "{\"securityGroupId\":\"nope\",\"ruleInfos\":[" + SSH + "]}", 404, "INVALID_SECURITY_GROUP_NOT_FOUND");
        fails("RevokeSecurityGroupRules", sg + "\"ruleInfos\":[]}", 400, "MISSING_PARAMETER");
    }

    @Test
    void associationKeepsOneToTwoGroupsOnAnInstance() {
        String a = securityGroup("a");
        String b = securityGroup("b");
        String i = ok("CreateInstances", createBody(1).replace("}", ",\"securityGroupId\":\"" + a + "\"}")).extract().path("response.instanceIdSet[0]");
        fails("CreateInstances", createBody(1).replace("}", ",\"securityGroupId\":\"nope\"}"), 404, "INVALID_SECURITY_GROUP_NOT_FOUND");
        String pair = "{\"securityGroupId\":\"" + b + "\",\"instanceId\":\"" + i + "\"}";
        fails("AssociateSecurityGroupInstance", pair, 403, "OPERATION_DENIED_INSTANCE_STATUS");
        advance(4);
        ok("AssociateSecurityGroupInstance", pair);
        ok("AssociateSecurityGroupInstance", pair);
        ok("DescribeInstances", "{}").body("response.dataSet[0].securityGroupIds", contains(a, b));
        describe(b).body("response.dataSet[0].instanceIds", contains(i));
        fails("AssociateSecurityGroupInstance", "{\"securityGroupId\":\"sg-default\",\"instanceId\":\"" + i + "\"}", 403,
                "OPERATION_DENIED_INSTANCE_SECURITY_GROUP_EXCEED_LIMIT");
        ok("DescribeInstanceAvailableSecurityGroupResources", "{\"instanceId\":\"" + i + "\"}")
                .body("response.instanceAvailableSecurityGroups.securityGroupId", contains("sg-default"))
                .body("response.instanceAvailableSecurityGroups[0].isDefault", equalTo(true));
        fails("DeleteSecurityGroup", "{\"securityGroupId\":\"" + b + "\"}", 403, "OPERATION_DENIED_SECURITY_GROUP_EXIST_INSTANCE");
        ok("UnAssociateSecurityGroupInstance", pair);
        ok("UnAssociateSecurityGroupInstance", pair);
        fails("UnAssociateSecurityGroupInstance", "{\"securityGroupId\":\"" + a + "\",\"instanceId\":\"" + i + "\"}", 403,
                "OPERATION_DENIED_INSTANCE_STATUS");
        ok("DescribeSecurityGroups", "{}").body("response.dataSet.instanceIds", containsInAnyOrder(List.of(), List.of(i), List.of()));
        ok("DeleteSecurityGroup", "{\"securityGroupId\":\"" + b + "\"}");
        fails("AssociateSecurityGroupInstance", "{\"securityGroupId\":\"" + a + "\",\"instanceId\":\"nope\"}", 404, "INVALID_INSTANCE_NOT_FOUND");
        fails("DescribeInstanceAvailableSecurityGroupResources", "{\"instanceId\":\"nope\"}", 404, "INVALID_INSTANCE_NOT_FOUND");
    }
}
