package io.cloudmock.zenlayer;

import io.cloudmock.core.Fault;
import io.cloudmock.core.Reply;

/**
 * A fault rule's error in the Zenlayer envelope: the rule's code with its catalogue status (or the rule's status);
 * without a code, the catalogue's common code for the status (500 INTERNAL_SERVER_ERROR, 503
 * SERVICE_TEMPORARY_UNAVAILABLE, 429 REQUEST_LIMIT_EXCEEDED, ...).
 */
final class ZenlayerFaults {
    private ZenlayerFaults() {}

    static Reply reply(String requestId, Fault fault) {
        ZenlayerError known = fault.code() == null ? null : ZenlayerError.byCode(fault.code());
        int status = fault.httpStatus() != 0 ? fault.httpStatus() : known != null ? known.status() : 400;
        String code = fault.code() != null ? fault.code() : ZenlayerError.forStatus(status).code();
        String message = fault.message() != null ? fault.message() : "Fault injected by cloudmock rule " + fault.ruleId() + ".";
        return ZenlayerJson.error(requestId, status, code, message);
    }
}
