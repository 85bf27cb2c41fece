package io.cloudmock.zenlayer;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Zenlayer Cloud API 2.0 service as cloudmock serves it at {@code POST /api/v2/<name>}: the actions each
 * {@code X-ZC-Version} of the real service has, and the handlers of those cloudmock implements. Every service
 * shares the envelope, authentication, fault rules and journal of {@link ZenlayerRoutes}.
 */
record ZenlayerService(String name, Map<String, Set<String>> actionsByVersion, Map<String, ZenlayerAction> handlers) {
    boolean knows(String version) { return actionsByVersion.containsKey(version); }

    boolean exists(String version, String action) { return actionsByVersion.get(version).contains(action); }

    /** The accepted versions, for the INVALID_PARAMETER_VALUE message. */
    String versions() { return String.join(", ", new TreeSet<>(actionsByVersion.keySet())); }
}
