package io.cloudmock.ncp;

import java.text.MessageFormat;

/**
 * The NCP Server API's business errors: HTTP 400 with a {@code responseError} body. Codes and messages are the
 * documented Classic ones (seed 002, reference 7.2); the VPC API's own codes for these cases are not public,
 * and the Terraform provider, written for VPC, keys on the same 5-digit codes (25013, 23006...), so cloudmock
 * answers them on both paths. Codes cloudmock had to choose are marked CHOSEN and listed in docs/ncp.md.
 */
public enum NcpError {
    /** reference 7.2 (Classic create); {0} = the parameter. */
    MISSING_PARAMETER("900", "Required field is not specified. location : {0}."),
    /** CHOSEN: a value of the wrong type or out of range. */
    INVALID_PARAMETER("900", "Invalid parameter value. location : {0}, value : {1}"),
    /** CHOSEN: the same id twice in one list ("It can't be duplicated"). */
    DUPLICATED_PARAMETER("900", "Duplicate values are not allowed. location : {0}"),
    /** reference 7.2, seed 002. */
    INVALID_SERVER_INSTANCE_NO("24120", "The input parameter server instance number is invalid."),
    /** reference 6 (v1 SDK mocks of start/stop/reboot in the wrong state). */
    SERVER_STATE_CONFLICT("25041", "Unable to perform operation command since (other) user is either manipulating the target server or a problem in target server. Please confirm server status once again. "),
    /** seed 002: terminating a server that is not stopped. */
    TERMINATE_STATE_CONFLICT("25022", "Unable to return the server since (other) user is either operating target server or an error in the target server. Please confirm the status of server/ storage."),
    /** seed 002. */
    TERMINATION_PROTECTED("21001", "Unable to perform returning process due to set return protection. Server name : {0}"),
    /** seed 002. */
    NAME_LENGTH("24103", "Input parameter value is invalid. The minimum length of the name is 3 bytes and the maximum, 30 bytes."),
    /** seed 002. */
    NAME_PATTERN("24105", "Input parameter value is invalid. The name must contain only lower case letters, digits, and hyphen('-'); it must start with a letter and end with a letter or digit."),
    /** reference 7.2. */
    NAME_IN_USE("10300", "Instance name is already in use. please use other name."),
    /** reference 7.2 (v1 SDK mock). */
    PRODUCT_NOT_FOUND("10712", "Not found product. Please check your input product."),
    /** reference 7.2 (v1 SDK mock). */
    SAME_SPEC("10503", "You may not change to spec of same level."),
    /** CHOSEN: a product of another type or disk type than the server's (the doc forbids it, no code known). */
    SPEC_MISMATCH("10503", "You can only change to a spec of the same product type and disk type."),
    /** reference 7.2; {0} = limit, {1} = how many would exist. */
    CREATE_LIMIT("10102", "Unable to create server anymore since creation limitation setting has been exceeded. Creation limitation: {0} Created : {1}"),
    /** CHOSEN: interruptServerInstance on a server that is not Windows (seed 003: Windows only). */
    INTERRUPT_NOT_SUPPORTED("25041", "Only Windows server instances support interruptServerInstance."),
    /** CHOSEN: the region or zone asked for does not exist. */
    INVALID_REGION_OR_ZONE("900", "Invalid parameter value. location : {0}, value : {1}"),

    // ---- the VPC network (ncp-network-api.md section 8). The real VPC codes of most of these cases are not
    // public: CHOSEN ones stay inside the family the known codes show (1001xxx VPC/subnet, 1002xxx NIC,
    // 1007xxx ACG, 1011xxx network ACL, 1017xxx route table), so they can be corrected when captures appear.

    /** CHOSEN: ipv4CidrBlock not a private range from /16 to /28 in canonical form. */
    VPC_CIDR_INVALID("1001001", "The IPv4 CIDR block must be a network address in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 with a prefix from /16 to /28. ipv4CidrBlock : {0}"),
    /** CHOSEN: a VPC of that name exists in the region. */
    VPC_NAME_IN_USE("1001002", "VPC name already exists."),
    /** CHOSEN: an unknown vpcNo on a mutating call. */
    VPC_NOT_FOUND("1001003", "The VPC does not exist. vpcNo : {0}"),
    /** CHOSEN: deleteVpc while subnets (or user ACGs / network ACLs) are in it (reference 2.3). */
    VPC_IN_USE("1001004", "The VPC cannot be deleted while subnets, network ACLs or ACGs other than its defaults exist in it."),
    /** CHOSEN: deleteVpc on a VPC that is not RUN. */
    VPC_STATE_CONFLICT("1001005", "The VPC cannot be changed in its current status. vpcStatus : {0}"),
    /** reference 8.1 (code Terraform retries createSubnet on); used while the VPC is still being created. */
    VPC_NOT_READY("1001015", "The VPC is not yet available. Please try again later."),
    /** reference 8.1. */
    SUBNET_OVERLAP("1001007", "Subnet CIDR cannot be duplicated within VPC."),
    /** reference 8.1 (message from terraform vpc/subnet_test.go; code CHOSEN). */
    SUBNET_OUTSIDE_VPC("1001008", "The subnet must belong to the IPv4 CIDR of the specified VPC."),
    /** reference 8.1. */
    SUBNET_NAME_IN_USE("1001020", "Subnet name already exists"),
    /** CHOSEN: subnet not a private range from /16 to /28 in canonical form. */
    SUBNET_CIDR_INVALID("1001009", "The subnet must be a network address in a private range with a prefix from /16 to /28. subnet : {0}"),
    /** CHOSEN: an unknown subnetNo on a mutating call, or a subnet of another VPC. */
    SUBNET_NOT_FOUND("1001010", "The subnet does not exist in the VPC. subnetNo : {0}"),
    /** CHOSEN: deleteSubnet while servers or network interfaces are in it (reference 2.3). */
    SUBNET_IN_USE("1001011", "The subnet cannot be deleted while servers or network interfaces use it."),
    /** CHOSEN: the subnet is not RUN (still creating, or terminating). */
    SUBNET_STATE_CONFLICT("1001012", "The subnet cannot be used or changed in its current status. subnetStatus : {0}"),
    /** CHOSEN: a server in a LOADB / BM / NATGW subnet (reference 6.1 #2). */
    SUBNET_USAGE_CONFLICT("1001013", "Servers can only be created in a subnet of usage type GEN. subnetNo : {0}"),
    /** CHOSEN: no free private address is left in the subnet. */
    SUBNET_FULL("1002003", "No private IP address is available in the subnet. subnetNo : {0}"),
    /** CHOSEN: a fixed ip outside the subnet, reserved (.0 to .5 and the last) or malformed. */
    NIC_IP_INVALID("1002001", "The IP address cannot be used in the subnet. ip : {0}"),
    /** CHOSEN: a fixed ip another network interface holds. */
    NIC_IP_IN_USE("1002002", "The IP address is already in use. ip : {0}"),
    /** reference 8.1 (1002035, text quoted in Terraform). */
    NIC_LAST_ACG("1002035", "At least one Acg must remain on the network interface."),
    /** CHOSEN: an unknown networkInterfaceNo on a mutating call. */
    NIC_NOT_FOUND("1002004", "The network interface does not exist. networkInterfaceNo : {0}"),
    /** CHOSEN: more than 3 ACGs on one network interface (guide: 1 to 3). */
    NIC_ACG_LIMIT("1002005", "Up to 3 ACGs can be applied to a network interface."),
    /** CHOSEN: a network interface in a transient status (SET, UNSET) or the wrong one for the change. */
    NIC_STATE_CONFLICT("1002006", "The network interface cannot be changed in its current status. networkInterfaceStatus : {0}"),
    /** CHOSEN: a fourth interface on a server (eth0 to eth2, reference 3). */
    NIC_LIMIT("1002007", "Up to 3 network interfaces can be attached to a server. serverInstanceNo : {0}"),
    /** CHOSEN code; the service's rule for serverInstanceNo at creation (reference 5.3.3). */
    NIC_PUBLIC_SUBNET("1002008", "It can only be assigned to a server when the network interface to be created is a network interface of a private subnet."),
    /** CHOSEN code; message of the detach page (reference 5.3.6), also for deleting a server's default interface. */
    NIC_DEFAULT("1002009", "The default network interface of server instance can't be unassigned"),
    /** CHOSEN: the server is in another VPC or zone than the interface's subnet. */
    NIC_SERVER_MISMATCH("1002010", "The network interface and the server must be in the same VPC and zone. serverInstanceNo : {0}"),
    /** CHOSEN: detaching from a server the interface is not attached to. */
    NIC_NOT_ON_SERVER("1002011", "The network interface is not attached to the server. serverInstanceNo : {0}"),
    /** CHOSEN: subnetNo is not the interface's subnet (attach and detach name both). */
    NIC_OTHER_SUBNET("1002012", "The network interface does not belong to the subnet. subnetNo : {0}"),
    /** reference 8.1 (Terraform: "Acg was not found"). */
    ACG_NOT_FOUND("1007000", "Acg was not found."),
    /** reference 8.1 (real body, server doc 7.1). */
    ACG_BUSY("1007009", "If the Acg settings are being changed, you cannot change other settings at the same time."),
    /** CHOSEN: an ACG of another VPC than the one named. */
    ACG_OTHER_VPC("1007001", "The ACG does not belong to the VPC. accessControlGroupNo : {0}"),
    /** CHOSEN: deleting the VPC's default ACG. */
    ACG_DEFAULT("1007002", "The default ACG cannot be deleted."),
    /** CHOSEN: deleting an ACG applied to a network interface or named as a rule source (reference 2.3). */
    ACG_IN_USE("1007003", "The ACG cannot be deleted while it is in use. accessControlGroupNo : {0}"),
    /** CHOSEN: an ACG name that exists in the VPC. */
    ACG_NAME_IN_USE("1007004", "ACG name already exists in the VPC."),
    /** CHOSEN: a rule the service refuses; {0} says why. */
    ACG_RULE_INVALID("1007005", "Invalid ACG rule: {0}"),
    /** CHOSEN: an identical rule exists. */
    ACG_RULE_DUPLICATE("1007006", "The same ACG rule already exists."),
    /** CHOSEN: 50 rules per direction, 500 ACGs per VPC (guide). */
    ACG_LIMIT("1007007", "The ACG limit has been exceeded: {0}"),
    /** reference 8.1 (Terraform: "You cannot access the appropriate Network ACL"). */
    NETWORK_ACL_NOT_FOUND("1011002", "You cannot access the appropriate Network ACL."),
    /** reference 8.1 (constant ApiErrorNetworkAclRuleChangeIngRules, retried by Terraform; message CHOSEN). */
    NETWORK_ACL_BUSY("1012005", "The network ACL is being changed. Please try again later. networkAclStatus : {0}"),
    /** CHOSEN: a network ACL that is being deleted. */
    NETWORK_ACL_STATE_CONFLICT("1011003", "The network ACL cannot be changed in its current status. networkAclStatus : {0}"),
    /** CHOSEN: a network ACL of another VPC than the subnet's. */
    NETWORK_ACL_OTHER_VPC("1011004", "The network ACL does not belong to the VPC of the subnet. networkAclNo : {0}"),
    /** CHOSEN: deleting the VPC's default network ACL (reference 2.3). */
    NETWORK_ACL_DEFAULT("1011005", "The default network ACL cannot be deleted."),
    /** CHOSEN: deleting a network ACL a subnet uses (reference 2.3). */
    NETWORK_ACL_IN_USE("1011006", "The network ACL cannot be deleted while a subnet uses it. networkAclNo : {0}"),
    /** CHOSEN: a network ACL name that exists in the VPC. */
    NETWORK_ACL_NAME_IN_USE("1011007", "Network ACL name already exists in the VPC."),
    /** CHOSEN: 200 network ACLs per VPC, 20 rules per network ACL (reference 3). */
    NETWORK_ACL_LIMIT("1011008", "The network ACL limit has been exceeded: {0}"),
    /** CHOSEN: a rule the service refuses; {0} says why. */
    NETWORK_ACL_RULE_INVALID("1012001", "Invalid network ACL rule: {0}"),
    /** CHOSEN: a rule of that priority exists in that direction. */
    NETWORK_ACL_RULE_DUPLICATE("1012002", "A network ACL rule of the same priority already exists. priority : {0}"),
    /** reference 8.1 (Terraform: "Route Table was not found"). */
    ROUTE_TABLE_NOT_FOUND("1017007", "Route Table was not found."),
    /** reference 8.2 (Classic createLoginKey; login keys are shared with Classic). */
    LOGIN_KEY_NAME_IN_USE("10405", "The key name already exists."),
    /** reference 8.2 (Classic), for an unknown loginKeyName of createServerInstances. */
    LOGIN_KEY_NOT_FOUND("10406", "The authentication key does not exist."),
    /** CHOSEN: an unknown initScriptNo (createServerInstances, deleteInitScripts). */
    INIT_SCRIPT_NOT_FOUND("1009001", "The init script does not exist. initScriptNo : {0}"),
    /** CHOSEN: an init script of the other OS type than the server image's (reference 6.1 #9). */
    INIT_SCRIPT_OS_MISMATCH("1009002", "The init script's OS type does not match the server image. initScriptNo : {0}"),
    /** CHOSEN: init script content that is not ASCII ("Only English letter can be entered") or over 1024 KB. */
    INIT_SCRIPT_CONTENT_INVALID("1009003", "The init script content must be English letters (ASCII) of at most 1024 KB."),
    // ---- public IPs and block storage (ncp-network-api.md 5.4, 5.5, 8). Codes the reference found are used as
    // given (1003016, 1080101, and the Classic 24073, 24121, 28102, 23001, 23002, 25014, 25016 where the VPC ones
    // are not public); the CHOSEN ones stay in the public IP family 1003xxx and a block storage family 1005xxx.

    /** reference 8.1 (Terraform retries associate on it; text CHOSEN): the IP or the server is busy. */
    PUBLIC_IP_BUSY("1003016", "The public IP or the server is being changed. Please try again later."),
    /** reference 8.1 (cb-spider: delete while the IP is still initializing; text CHOSEN). */
    PUBLIC_IP_INITIALIZING("1080101", "The public IP is still being created. Please try again later."),
    /** CHOSEN: an unknown publicIpInstanceNo on a mutating call. */
    PUBLIC_IP_NOT_FOUND("1003001", "The public IP does not exist. publicIpInstanceNo : {0}"),
    /** CHOSEN: associating an IP that is associated (with this server or another). */
    PUBLIC_IP_ASSOCIATED("1003002", "The public IP is already associated with a server. publicIpInstanceNo : {0}"),
    /** CHOSEN: a server holds at most one public IP. */
    SERVER_HAS_PUBLIC_IP("1003003", "The server already has a public IP. serverInstanceNo : {0}"),
    /** CHOSEN: public IPs go to servers of public subnets only (reference 5.4.5, 6.1 #10). */
    PUBLIC_IP_PRIVATE_SUBNET("1003004", "A public IP can only be assigned to a server in a public subnet. serverInstanceNo : {0}"),
    /** CHOSEN: every address of the account's pool is in use. */
    PUBLIC_IP_EXHAUSTED("1003005", "No public IP address is available in the region."),
    /** CHOSEN: associateWithPublicIp with serverCreateCount above 1 (reference 6.1 #10). */
    PUBLIC_IP_ONE_SERVER("1003006", "associateWithPublicIp can only be used when creating a single server."),
    /** reference 8.2 (Classic deletePublicIpInstances, text as the service writes it). */
    PUBLIC_IP_DELETE_ASSOCIATED("24073", "Unable to destroy the server since a public IP is associated with the server. First, please disassociate a public IP from the server. publicIpInstanceNo = {0}"),
    /** reference 8.2 (Classic disassociatePublicIpFromServerInstance). */
    PUBLIC_IP_NOT_ASSOCIATED("28102", "The public IP is already disassociated from the server."),
    /** server doc 7.2 (seed 002): terminating a server while its public IP is being assigned. */
    TERMINATE_PUBLIC_IP_BUSY("25016", "Official IP is currently being allocated or deallocated to the target server. Please return the server after the task is complete."),
    /** server doc 7.2 (seed 002): terminating a server while one of its storages is being changed. */
    TERMINATE_STORAGE_BUSY("25014", "Unable to control the server since (other) user is currently operating storage allocated to the server."),
    /** reference 8.2 (Classic, with the service's trailing blank): an unknown blockStorageInstanceNo. */
    STORAGE_NOT_FOUND("24121", "The input parameter storage instance number is invalid. "),
    /** reference 8.2 (Classic, Linux servers); {0} = the limit. */
    STORAGE_LIMIT_LINUX("23001", "Unable to allocate more than {0} storages (included default storage) to the corresponding Linux server."),
    /** reference 8.2 (Classic, Windows servers); {0} = the limit. */
    STORAGE_LIMIT_WINDOWS("23002", "Unable to allocate more than {0} storages (included default storage) to the corresponding Windows server."),
    /** CHOSEN: a size outside the hypervisor's range, not a multiple of 10 GB, or not larger than the current one. */
    STORAGE_SIZE_INVALID("1005001", "Invalid block storage size: {0}"),
    /** CHOSEN: the storage is not in a state the action can start from (attaching, detaching, resizing...). */
    STORAGE_BUSY("1005002", "The block storage cannot be changed in its current status. blockStorageInstanceStatusName : {0}"),
    /** CHOSEN: detaching or deleting a server's basic (root) storage. */
    STORAGE_BASIC("1005003", "The basic block storage of a server cannot be detached or deleted on its own. blockStorageInstanceNo : {0}"),
    /** CHOSEN: deleting a storage whose return protection is on. */
    STORAGE_PROTECTED("1005004", "Unable to delete the block storage since return protection is set. blockStorageInstanceNo : {0}"),
    /** CHOSEN: a storage and a server of different zones or hypervisors. */
    STORAGE_SERVER_MISMATCH("1005005", "The block storage and the server must be in the same zone and of the same hypervisor type: {0}"),
    /** reference 5.5.8 ("changes can only be made while the server instance is stopped"; code CHOSEN). */
    STORAGE_SERVER_NOT_STOPPED("1005006", "The size of a block storage attached to a server can only be changed while the server is stopped."),
    /** CHOSEN: a parameter combination the hypervisor does not take (reference 5.5.3). */
    STORAGE_HYPERVISOR_RULE("1005007", "Invalid block storage request: {0}"),
    /** CHOSEN: importLoginKey with text that is not an OpenSSH RSA public key. */
    LOGIN_KEY_INVALID("10407", "The public key is invalid. It must be an OpenSSH RSA public key (ssh-rsa AAAA...).");

    private final String code;
    private final String template;

    NcpError(String code, String template) {
        this.code = code;
        this.template = template;
    }

    public String code() { return code; }

    public int httpStatus() { return 400; }

    public String message(Object... args) {
        if (args.length == 0) return template;
        // every argument as text: MessageFormat would group numbers by the default locale (1000 -> "1,000")
        Object[] text = new Object[args.length];
        for (int k = 0; k < args.length; k++) text[k] = String.valueOf(args[k]);
        return new MessageFormat(template.replace("'", "''"), java.util.Locale.ROOT).format(text);
    }
}
