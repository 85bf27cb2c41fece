package io.cloudmock.zenlayer;

import io.cloudmock.core.Account;
import io.cloudmock.core.Backend;

import java.time.Instant;

/** One VM API call being handled: what a handler needs, resolved once by the routes. */
public record ZenlayerCall(String version, String action, String requestId, ZenlayerRequest body, Account account,
                           Backend backend, ZenlayerModel model) {
    public boolean isV2026() { return ZenlayerVersions.V2026.equals(version); }

    public Instant now() { return backend.clock().now(); }
}
