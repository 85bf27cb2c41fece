package io.cloudmock.ncp;

import io.cloudmock.core.Account;
import io.cloudmock.core.Clock;

/** One decoded NCP call, as handlers see it. */
record NcpCall(NcpFlavour flavour, NcpModel model, NcpParams params, Account account, Clock clock) {

    /** The VPC region the call is about: {@code regionCode}, or the first region of getRegionList. */
    String regionCode() {
        String code = params.get("regionCode");
        if (code == null) return NcpCatalog.VPC_REGIONS.get(0).regionCode();
        if (NcpCatalog.region(code, false).isEmpty()) throw new NcpException(NcpError.INVALID_REGION_OR_ZONE, "regionCode", code);
        return code;
    }
}
