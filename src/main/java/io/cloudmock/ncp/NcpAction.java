package io.cloudmock.ncp;

import java.util.Map;

/** One NCP action: decoded request in, the response payload (without the common fields) out. */
@FunctionalInterface
interface NcpAction {
    Map<String, Object> handle(NcpCall request);
}
