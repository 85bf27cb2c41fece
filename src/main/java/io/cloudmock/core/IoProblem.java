package io.cloudmock.core;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * A file problem as a sentence for the person at the terminal: the JDK's exceptions name their class
 * ({@code java.io.FileNotFoundException: x (No such file or directory)}), which says nothing to a user.
 */
public final class IoProblem {
    private IoProblem() {}

    /** As {@link #describe(IOException)}; any other failure by its message. */
    public static String describe(Exception e) {
        if (e instanceof IOException io) return describe(io);
        return e.getMessage() == null || e.getMessage().isBlank() ? "an unexpected failure" : e.getMessage();
    }

    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) return "the file does not exist";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NotDirectoryException) return "a part of the path is not a directory";
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof FileSystemException fs && fs.getReason() != null) message = fs.getReason();
        if (e instanceof FileNotFoundException) {
            // "PATH (REASON)": keep the reason
            int open = message.lastIndexOf(" (");
            if (open >= 0 && message.endsWith(")")) message = message.substring(open + 2, message.length() - 1);
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("no such file")) return "the file does not exist";
        if (lower.contains("permission denied")) return "permission denied";
        if (lower.contains("is a directory")) return "it is a directory, not a file";
        if (lower.contains("no space left")) return "the disk is full";
        if (lower.contains("read-only file system")) return "the file system is read-only";
        return message.isBlank() ? "an input/output error" : message;
    }
}
