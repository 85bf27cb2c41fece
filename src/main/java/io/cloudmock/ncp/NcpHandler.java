package io.cloudmock.ncp;

import java.util.Map;

/** One NCP action: decoded request in, the response payload (without the common fields) out. */
@FunctionalInterface
interface NcpHandler {
    Map<String, Object> handle(NcpRequest request);
}
