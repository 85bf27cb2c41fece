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
    INVALID_REGION_OR_ZONE("900", "Invalid parameter value. location : {0}, value : {1}");

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
