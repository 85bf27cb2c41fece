package io.cloudmock.ncp;

import io.cloudmock.core.Fault;
import io.cloudmock.core.Reply;

import java.util.Arrays;

/**
 * A fault rule's error in NCP's own envelopes. A status the API Gateway owns (401, 403, 404, 413, 429, 503,
 * 504; reference 7.3) given without a code answers the gateway's {@code {"error":...}}; anything else is the
 * service's {@code responseError}, status 400 unless the rule says otherwise, with the catalogue's message for
 * the code when the rule gives none.
 */
final class NcpFaults {
    /** reference 7.2: the service's "temporarily out of service" answer, for a 5xx rule without a code. */
    private static final String UNAVAILABLE_CODE = "1300";
    private static final String UNAVAILABLE_MESSAGE = "Please try your call again later. Temporarily out of service. "
            + "If error continue, Please contact our customer service center.";

    private NcpFaults() {}

    static Reply reply(NcpFormat format, Fault fault) {
        int status = fault.httpStatus() == 0 ? 400 : fault.httpStatus();
        NcpGatewayError gateway = fault.code() == null ? NcpGatewayError.ofStatus(status) : null;
        if (gateway != null) {
            String details = fault.message() != null ? fault.message() : "Fault injected by cloudmock rule " + fault.ruleId() + ".";
            return NcpReplies.gateway(format, status, gateway, details);
        }
        String code = fault.code() != null ? fault.code() : status >= 500 ? UNAVAILABLE_CODE : NcpError.INVALID_PARAMETER.code();
        String message = fault.message() != null ? fault.message() : catalogueMessage(code, fault.ruleId());
        return NcpReplies.error(format, status, code, message);
    }

    /** The catalogue's text for a code whose message needs no argument; otherwise a plain "injected" text. */
    private static String catalogueMessage(String code, String ruleId) {
        if (code.equals(UNAVAILABLE_CODE)) return UNAVAILABLE_MESSAGE;
        return Arrays.stream(NcpError.values())
                .filter(e -> e.code().equals(code) && !e.message().contains("{"))
                .findFirst().map(NcpError::message)
                .orElse("Fault injected by cloudmock rule " + ruleId + ".");
    }
}
