package io.cloudmock.ncp;

import io.cloudmock.core.Reply;

import java.nio.charset.StandardCharsets;

/** NCP's rendered answers: a service error, a gateway error, a success, in the format asked for. */
final class NcpReplies {
    private NcpReplies() {}

    static Reply success(NcpFormat format, String action, java.util.Map<String, Object> payload, String requestId) {
        return Reply.ok(format.contentType(), NcpEnvelopes.parts(format, action, payload, requestId));
    }

    static Reply error(NcpFormat format, int status, String code, String message) {
        return new Reply(status, format.contentType(), bytes(format.error(code, message)), code);
    }

    static Reply gateway(NcpFormat format, int status, NcpGatewayError error, String details) {
        return new Reply(status, format.contentType(), bytes(format.gatewayError(error.code, error.message, details)), error.code);
    }

    static Reply gateway(NcpFormat format, NcpGatewayError error, String details) {
        return gateway(format, error.status, error, details);
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
