package io.cloudmock.core;

/** Told about every cloud request once its response is written (request log, journal). */
@FunctionalInterface
public interface ExchangeListener {
    /**
     * @param exchange what the provider learnt about the request
     * @param method   HTTP method
     * @param path     request path
     * @param status   HTTP status sent
     */
    void completed(Exchange exchange, String method, String path, int status);
}
