package io.cloudmock.core;

/** cloudmock cannot start as configured (unreadable state file, bad seed file): the message names the file. */
public final class StartupException extends RuntimeException {
    public StartupException(String message, Throwable cause) { super(message, cause); }
    public StartupException(String message) { super(message); }
}
