package io.cloudmock.support;

import io.cloudmock.CloudMock;

import java.nio.file.Path;

/** cloudmock with the {@link FakeProvider} and a state file, as a separate process (for the kill -9 test). */
public final class FakeProviderMain {
    public static void main(String[] args) throws InterruptedException {
        CloudMock mock = CloudMock.builder().port(0).manualClock().stateFile(Path.of(args[0]))
                .provider(FakeProvider::install).start();
        System.out.println("cloudmock listening on " + mock.baseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
