package io.cloudmock.zenlayer;

/**
 * The Zenlayer error catalogue: every code cloudmock answers, with its HTTP status and message template.
 * Codes and statuses come from reference sections 5, 7 and 12; messages are the documented English texts
 * where one exists (servers' texts are "subject to service updates"), with the offending value added.
 * Two constants may share a wire code when the documentation gives that code two statuses or meanings.
 */
public enum ZenlayerError {
    // --- common codes (reference section 5) ---
    INTERNAL_SERVER_ERROR(500, "Internal server error."),
    AUTHFAILURE_INVALID_AUTHORIZATION(401, "The Authorization header does not follow the Zenlayer Cloud standard."),
    AUTHFAILURE_SIGNATURE_FAILURE(401, "The signature does not match."),
    AUTHFAILURE_SIGNATURE_EXPIRED(401, "The signature has expired: X-ZC-Timestamp must be within five minutes of the server time."),
    /** Reference 12.3: the documented code closest to "no such API" ("check that the API exists"). */
    AUTHFAILURE_UNAUTHORIZED_OPERATION(401, "%s"),
    MISSING_PARAMETER(400, "The parameter `%s` is required."),
    INVALID_PARAMETER_TYPE(400, "The parameter `%s` must be %s."),
    INVALID_PARAMETER_EXCEED_MAXIMUM(400, "The parameter `%s` must not be greater than %s."),
    INVALID_PARAMETER_LESS_MINIMUM(400, "The parameter `%s` must not be less than %s."),
    INVALID_PARAMETER_EXCEED_LENGTH(400, "The parameter `%s` exceeds the maximum length of %s."),
    INVALID_PARAMETER_LESS_LENGTH(400, "The parameter `%s` is shorter than the minimum length of %s."),
    INVALID_PARAMETER_PATTERN_ERROR(400, "The parameter `%s` does not match the required format: %s."),
    INVALID_PARAMETER_VALUE(400, "The value `%s` of parameter `%s` is not valid; valid values: %s."),
    REQUEST_LIMIT_EXCEEDED(429, "Request limit exceeded."),
    SERVICE_TEMPORARY_UNAVAILABLE(503, "The service is temporarily unavailable; retry later."),
    REQUEST_TIMED_OUT(503, "The request timed out."),
    OPERATION_FAILED_FOR_RECYCLE_RESOURCE(403, "Operations on a resource being recycled are not allowed."),

    // --- instance actions (reference section 7) ---
    /** Common code (reference section 5); zrm ModifyResourceTags on an id that is no instance of the account. */
    OPERATION_FAILED_RESOURCE_NOT_FOUND(404, "The specified resource `%s` does not exist."),
    INVALID_INSTANCE_NOT_FOUND(404, "Instance `%s` does not exist."),
    OPERATION_DENIED_INSTANCE_RECYCLED(403, "Operations on instances in recycle bin are not supported: `%s`."),
    OPERATION_DENIED_INSTANCE_NOT_RUNNING(403, "Only operations on instances in RUNNING status are supported: `%s` is %s."),
    OPERATION_DENIED_INSTANCE_NOT_STOPPED(403, "Only operations on instances in STOPPED status are supported: `%s` is %s."),
    /** ResetInstancesPassword documents the same code with HTTP 400 and its own text. */
    OPERATION_DENIED_INSTANCE_NOT_STOPPED_PASSWORD("OPERATION_DENIED_INSTANCE_NOT_STOPPED", 400,
            "Operations on unstopped instances not supported: `%s` is %s."),
    OPERATION_DENIED_INSTANCE_STATUS(403, "Only operations on instances in RUNNING status are supported: `%s` is %s."),
    OPERATION_DENIED_INSTANCE_CREATING(403, "Operations on instances in CREATING status are not supported: `%s` is %s."),
    OPERATION_DENIED_INSTANCE_SUBSCRIPTION(403, "Operations on instances in subscription are not supported: `%s` is PREPAID."),
    OPERATION_DENIED_INSTANCE_NOT_RECYCLED(403, "Only operations on instances in recycle bin are supported: `%s` is %s."),
    /** ModifyInstanceTrafficPackage: "only ... RUNNING or STOPPED"; its error table was not retrievable. */
    OPERATION_DENIED_INSTANCE_NOT_RUNNING_OR_STOPPED("OPERATION_DENIED_INSTANCE_STATUS", 403,
            "Only operations on instances in RUNNING or STOPPED status are supported: `%s` is %s."),

    // --- CreateInstances / ResetInstance / catalogue (reference 7, BMC-derived list) ---
    INVALID_ZONE_NOT_FOUND(404, "The specified zoneId `%s` is not found"),
    INVALID_IMAGE_NOT_FOUND(404, "The specified imageId `%s` is not found"),
    INVALID_INSTANCE_TYPE_NOT_FOUND(404, "The specified instanceType `%s` is not found"),
    INVALID_BANDWIDTH_VALUE_EXCEED_MAXIMUM(400, "The internetMaxBandwidthOut %s exceeds the limit %s of instance type `%s`."),
    INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED(400,
            "The password must be 8 to 16 characters of letters, digits and symbols such as !@#$%%^+*()."),
    INVALID_PARAMETER_INSTANCE_LOGIN_CONFLICT(400, "You must and can only pass the value of either password or keyId."),
    INVALID_PARAMETER_NIC_NAME_CONFLICT(400, "The wanName and lanName must differ."),
    INVALID_PARAMETER_NIC_NAME_MALFORMED(400, "The NIC name `%s` must be 4 to 15 characters of lowercase letters and digits."),
    OPERATION_FILED_INTERNET_CHARGE_TYPE_NOT_SUPPORT(403,
            "The internetChargeType `%s` is not supported by instance type `%s` in zone `%s`."),
    // --- subnets (network reference section 3; VM 2023 VPC-subnet and BMC codes where the VM page is cut) ---
    INVALID_SUBNET_NOT_FOUND(404, "Subnet `%s` does not exist."),
    INVALID_SUBNET_ZONE_MISMATCH(400, "Subnet `%s` is not in the current zone `%s`."),
    INVALID_SUBNET_PRIVATE_IP_INSUFFICIENT(400, "Insufficient private IPs in subnet `%s` to assign to created instances: %s free."),
    INVALID_PARAMETER_SUBNET_CIDR_BLOCK(400, "Invalid CIDR block `%s`."),
    INVALID_PARAMETER_SUBNET_LAN_IP(400, "Only CIDR block with private IP range is supported: `%s` is not inside 10.0.0.0/16, 172.16.0.0/16 or 192.168.0.0/16."),
    INVALID_PARAMETER_SUBNET_LAN_IP_NETMASK(400, "Invalid netmask of CIDR block `%s`: the prefix must be 16 to 29."),
    OPERATION_DENIED_SUBNET_CIDR_CONFLICT(400, "Subnet CIDR blocks conflict: `%s` overlaps subnet `%s` (%s) in zone `%s`."),
    OPERATION_DENIED_SUBNET_EXCEED_LIMIT(403, "Quantity of subnets exceeds the limit of the zone `%s`: %s."),
    UNSUPPORTED_OPERATION_SUBNET_HAS_INSTANCE(400, "Operations on subnets with instances in it are not supported: `%s` has %s."),
    UNSUPPORTED_OPERATION_SUBNET_HAS_PRE_PRODUCT_INSTANCE(400, "Instance is being created in subnet `%s`."),
    UNSUPPORTED_OPERATION_SUBNET_STATUS_ERROR(400, "Operations on the subnet with current status are not supported: `%s` is %s."),
    OPERATION_DENIED_UNSUPPORTED_SUBNET(400, "Operations on the specified subnet are not supported: `%s` is %s."),

    // --- security groups (network reference section 5) ---
    INVALID_SECURITY_GROUP_NOT_FOUND(404, "Security group `%s` does not exist."),
    OPERATION_DENIED_SECURITY_GROUP_STATUS_NOT_AVAILABLE(403, "Status of security group should be Available: `%s` is %s."),
    OPERATION_DENIED_SECURITY_GROUP_STATUS_NOT_SUPPORT(403, "Operations on the security group with current status are not supported: `%s` is %s."),
    OPERATION_DENIED_DEFAULT_SECURITY_GROUP_NOT_SUPPORT(403, "Operations on the default security groups are not supported: `%s`."),
    OPERATION_DENIED_SECURITY_GROUP_EXIST_INSTANCE(403, "Operations on security groups with instances in it are not supported: `%s` has %s."),
    OPERATION_DENIED_SECURITY_GROUP_EXIST_PRE_PRODUCT_INSTANCE(403, "Instance is being created in security group `%s`."),
    OPERATION_DENIED_SECURITY_GROUP_TEAM_EXCEED_LIMIT(403, "Security group quantity exceeds limit: %s."),
    INVALID_PARAMETER_SECURITY_GROUP_RULE_ID_NOT_ALLOW(400, "Security group rule ID is not allowed to be passed in: `%s`."),
    INVALID_PARAMETER_SECURITY_GROUP_POLICY(400, "Invalid value of policy `%s`: only accept is supported."),
    INVALID_PARAMETER_SECURITY_GROUP_PORT_RANGE(400, "Invalid value of portRange `%s` for ipProtocol `%s`."),
    INVALID_PARAMETER_SECURITY_GROUP_PRIORITY(400, "Invalid value of priority %s: it must be 1 to 100."),
    INVALID_PARAMETER_SECURITY_GROUP_SOURCE_CIDR_IP(400, "Invalid value of source cidrIp `%s`."),
    OPERATION_DENIED_SECURITY_GROUP_EXIST_REPEAT_RULE(403, "Duplicated security group rules: %s."),
    OPERATION_DENIED_SECURITY_GROUP_RULE_EXCEED_LIMIT(403, "Rule quantity exceeds limit: at most %s %s rules per security group."),
    INVALID_SECURITY_GROUP_RULE_NOT_FOUND(404, "Security group rule does not exist: %s."),
    OPERATION_DENIED_INSTANCE_SECURITY_GROUP_EXCEED_LIMIT(403,
            "Quantity of security groups applied in an instance exceeds the limit of %s: `%s`."),
    /** Associate / UnAssociate on an instance that is not RUNNING or STOPPED, or would lose its last group. */
    OPERATION_DENIED_INSTANCE_SECURITY_GROUP_STATUS("OPERATION_DENIED_INSTANCE_STATUS", 403,
            "Operations on the instance with current status are not supported: `%s` %s."),
    UNSUPPORTED_OPERATION_ZONE_NOT_SUPPORT(403, "Operations not supported in current zone `%s`."),

    // --- disks (network reference section 6) ---
    INVALID_DISK_NOT_FOUND(404, "Disk `%s` does not exist."),
    INVALID_DISK_NOT_PORTABLE(400, "Disk `%s` is not detachable (portable = false)."),
    INVALID_DISK_AND_INSTANCE_ZONE_MISMATCHED(400, "Disk `%s` in zone `%s` and instance `%s` in zone `%s` do not match."),
    INVALID_DISK_CATEGORY_ZONE_NOT_SUPPORT(400, "Unavailable disk type `%s` in the zone `%s`."),
    INVALID_CHARGE_TYPE(400, "Invalid billing model `%s`."),
    INVALID_CHARGE_PREPAID_CAN_NOT_BE_NULL(400, "chargePrepaid is required when the chargeType is PREPAID."),
    UNSUPPORTED_OPERATION_DISK_STATUS(400, "The disk's current status does not support the operation: `%s` is %s."),
    UNSUPPORTED_OPERATION_DISK_ATTACHED(400, "Disk `%s` is already attached to instance `%s`."),
    UNSUPPORTED_OPERATION_DISK_NO_ATTACH(400, "The disk `%s` is not attached."),
    UNSUPPORTED_OPERATION_DISK_SYSTEM_TYPE(400, "Only operations on data disks are supported: `%s` is a system disk."),
    UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE(400, "Operations on the disk in recycle bin are not supported: `%s` is %s."),
    UNSUPPORTED_OPERATION_DISK_NOT_BEING_RECYCLE(400, "Only operations on disks in recycle bin are supported: `%s` is %s."),
    UNSUPPORTED_OPERATION_RECYCLE_STATUS(400, "Operations on the recycle bin with current status are not supported: `%s` is %s."),
    UNSUPPORTED_OPERATION_INSTANCE_CHARGE_TYPE(400, "Only operations on a pay-as-you-go disk are supported: `%s` is PREPAID."),
    UNSUPPORTED_OPERATION_INSTANCE_STATUS(400, "The instance's current status does not support the operation: `%s` is %s."),
    LIMIT_EXCEEDED_INSTANCE_CAN_ATTACH(400, "Instance `%s` can hold at most %s data disks: it has %s, %s more asked for."),

    // --- key pairs (network reference section 7) ---
    INVALID_KEY_PAIR_NOT_FOUND(404, "Key pair `%s` not found."),
    INVALID_KEY_PAIR_NAME_EXIST(409, "Key pair name `%s` duplicated."),
    INVALID_KEY_PAIR_EXCEED_LIMIT(400, "Quota limit exceeded: at most %s key pairs."),
    /** CCS's code for a bad key name; VM 2023 answers INVALID_KEY_NAME_MALFORMED. */
    INVALID_KEY_PAIR_MALFORMED(400, "Name format is invalid: `%s` must be 1 to 32 letters, digits, - and _."),
    INVALID_KEY_NAME_MALFORMED(400, "Key pair name error: `%s` must be 1 to 32 letters, digits, - and _."),
    INVALID_KEY_PAIR_ALGORITHM(400, "The key pair encryption algorithm `%s` is not supported."),
    INVALID_PUBLIC_KEY_MALFORMED(400, "Public key format error: %s."),
    INVALID_PUBLIC_KEY_EXCEED_LIMIT(400, "The number of public keys exceeds the limit of %s."),

    /** ModifyInstanceTrafficPackage on an instance not charged by traffic package (no documented code of its own). */
    OPERATION_FILED_INTERNET_CHARGE_TYPE_NOT_SUPPORT_TRAFFIC_PACKAGE("OPERATION_FILED_INTERNET_CHARGE_TYPE_NOT_SUPPORT", 403,
            "Instance `%s` is charged %s: only ByTrafficPackage instances have a traffic package.");

    private final String code;
    private final int status;
    private final String template;

    ZenlayerError(int status, String template) {
        this.code = name();
        this.status = status;
        this.template = template;
    }

    ZenlayerError(String code, int status, String template) {
        this.code = code;
        this.status = status;
        this.template = template;
    }

    /** The upper-snake code put on the wire. */
    public String code() { return code; }

    public int status() { return status; }

    public String message(Object... args) { return args.length == 0 ? template.replace("%%", "%") : String.format(template, args); }

    private static final java.util.Map<String, ZenlayerError> BY_CODE = new java.util.HashMap<>();

    static {
        for (ZenlayerError e : values()) BY_CODE.putIfAbsent(e.code, e);
    }

    /** The catalogue entry of a wire code (the first, where two share one), or null. */
    static ZenlayerError byCode(String code) { return BY_CODE.get(code); }

    /** The common code for an HTTP status (fault rules given only a status). */
    static ZenlayerError forStatus(int status) {
        return switch (status) {
            case 401 -> AUTHFAILURE_UNAUTHORIZED_OPERATION;
            case 403 -> OPERATION_FAILED_FOR_RECYCLE_RESOURCE;
            case 404 -> OPERATION_FAILED_RESOURCE_NOT_FOUND;
            case 429 -> REQUEST_LIMIT_EXCEEDED;
            case 503 -> SERVICE_TEMPORARY_UNAVAILABLE;
            case 504 -> REQUEST_TIMED_OUT;
            default -> status >= 500 ? INTERNAL_SERVER_ERROR : INVALID_PARAMETER_VALUE;
        };
    }

    /** The exception a handler throws to answer with this error. */
    public ZenlayerException with(Object... args) { return new ZenlayerException(this, message(args)); }
}
