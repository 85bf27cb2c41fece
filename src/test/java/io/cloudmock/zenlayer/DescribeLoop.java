package io.cloudmock.zenlayer;

import io.cloudmock.core.Account;
import io.cloudmock.core.Backend;

/** DescribeInstances as the pipeline runs it, without HTTP: for {@code io.cloudmock.ncp.ListRenderLoop}. */
public final class DescribeLoop {
    private DescribeLoop() {}

    public static byte[] once(Backend backend, Account account) {
        ZenlayerRequest body = ZenlayerRequest.parse("{}".getBytes());
        var response = ZenlayerJson.response("T0000");
        InstanceQueries.describe(new ZenlayerCall(ZenlayerVersions.V2026, "DescribeInstances", "T0000", body, account,
                backend, null), response);
        return ZenlayerJson.success("T0000", response).body();
    }
}
