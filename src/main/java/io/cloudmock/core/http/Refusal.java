package io.cloudmock.core.http;

import io.cloudmock.core.Reply;

/**
 * A provider's answer to a request Jetty refused before any route saw it (a path with {@code //} or a bad escape,
 * headers over the limit): the provider's own error envelope for a path under its prefixes, so a client's error
 * parser reads it like any other error; null for a path that is not the provider's.
 */
@FunctionalInterface
public interface Refusal {
    /** {@code status} is Jetty's (400, 414, 431...); {@code rawPath} and {@code rawQuery} as sent, either may be null. */
    Reply answer(String rawPath, String rawQuery, int status);
}
