package io.cloudmock.ncp;

import io.cloudmock.core.Exchange;
import io.cloudmock.core.Fault;
import io.javalin.http.Context;

import java.util.Arrays;
import java.util.Map;

/**
 * A fault rule's error in NCP's own envelopes. A status the API Gateway owns (401, 403, 404, 413, 429, 503,
 * 504; reference 7.3) given without a code answers the gateway's {@code {"error":...}}; anything else is the
 * service's {@code responseError}, status 400 unless the rule says otherwise, with the catalogue's message for
 * the code when the rule gives none.
 */
final class NcpFaults {
    private record Gateway(String code, String message) {}

    private static final Map<Integer, Gateway> GATEWAY = Map.of(
            401, new Gateway("200", "Authentication Failed"),
            403, new Gateway("230", "Forbidden"),
            404, new Gateway("300", "Not Found Exception"),
            413, new Gateway("430", "Request Entity Too Large"),
            429, new Gateway("400", "Quota Exceeded"),
            503, new Gateway("500", "Endpoint Error"),
            504, new Gateway("510", "Endpoint Timeout"));

    /** reference 7.2: the service's "temporarily out of service" answer, for a 5xx rule without a code. */
    private static final String UNAVAILABLE_CODE = "1300";
    private static final String UNAVAILABLE_MESSAGE = "Please try your call again later. Temporarily out of service. "
            + "If error continue, Please contact our customer service center.";

    private NcpFaults() {}

    static void send(Context ctx, NcpFormat format, Fault fault, Exchange exchange) {
        int status = fault.httpStatus() == 0 ? 400 : fault.httpStatus();
        Gateway gateway = fault.code() == null ? GATEWAY.get(status) : null;
        if (gateway != null) {
            exchange.errorCode = gateway.code();
            String details = fault.message() != null ? fault.message() : "Fault injected by cloudmock rule " + fault.ruleId() + ".";
            NcpRoutes.send(ctx, status, format, format.gatewayError(gateway.code(), gateway.message(), details));
            return;
        }
        String code = fault.code() != null ? fault.code() : status >= 500 ? UNAVAILABLE_CODE : NcpError.INVALID_PARAMETER.code();
        String message = fault.message() != null ? fault.message() : catalogueMessage(code, fault.ruleId());
        exchange.errorCode = code;
        NcpRoutes.send(ctx, status, format, format.error(code, message));
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
