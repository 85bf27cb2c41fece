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
