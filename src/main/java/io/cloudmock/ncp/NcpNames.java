package io.cloudmock.ncp;

import java.util.regex.Pattern;

/** Server name rules (seed 002): 3 to 30 bytes of lower-case letters, digits and '-', starting with a letter and ending with a letter or digit. */
final class NcpNames {
    private static final Pattern NAME = Pattern.compile("[a-z]([a-z0-9-]*[a-z0-9])?");

    private NcpNames() {}

    static void check(String name) {
        if (name.length() < 3 || name.length() > 30) throw new NcpException(NcpError.NAME_LENGTH);
        if (!NAME.matcher(name).matches()) throw new NcpException(NcpError.NAME_PATTERN);
    }
}
