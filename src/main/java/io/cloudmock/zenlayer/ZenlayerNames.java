package io.cloudmock.zenlayer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of names and secrets that several actions share (reference section 7). */
public final class ZenlayerNames {
    public static final int MAX_NAME_LENGTH = 64;
    /** "letters, digits, - and ." */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.\\-]+");
    /** {@code name_[begin,bits]}: e.g. {@code server_[3,3]} gives server003, server004, ... */
    private static final Pattern SERIAL = Pattern.compile("(.*)_\\[(\\d{1,9}),(\\d{1,2})]");
    /**
     * 8 to 16 printable ASCII characters, no spaces. The ResetInstancesPassword page lists the specials
     * {@code ! @ # $ % ^ + * ( )}, but Terraform's own example password is {@code Example~123}, so any ASCII
     * punctuation is accepted rather than rejecting what real users send.
     */
    private static final Pattern PASSWORD = Pattern.compile("[\\x21-\\x7e]{8,16}");
    /** NIC names: 4 to 15 of [a-z0-9]. */
    private static final Pattern NIC = Pattern.compile("[a-z0-9]{4,15}");
    private static final String NAME_RULE = "letters, digits, hyphens (-) and periods (.)";

    private ZenlayerNames() {}

    /** A plain instance name: at most 64 characters of letters, digits, {@code -} and {@code .}. */
    public static String name(String param, String name) {
        if (name.length() > MAX_NAME_LENGTH) throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with(param, MAX_NAME_LENGTH);
        if (!NAME.matcher(name).matches()) throw ZenlayerError.INVALID_PARAMETER_PATTERN_ERROR.with(param, NAME_RULE);
        return name;
    }

    /**
     * The names of {@code count} new instances from CreateInstances' {@code instanceName}: the name itself for
     * each, or for {@code name_[begin,bits]} the name followed by begin, begin+1, ... zero-padded to bits digits.
     */
    public static List<String> instanceNames(String param, String raw, int count) {
        List<String> out = new ArrayList<>(count);
        if (raw == null) raw = ZenlayerModel.DEFAULT_INSTANCE_NAME;
        if (raw.length() > MAX_NAME_LENGTH) throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with(param, MAX_NAME_LENGTH);
        Matcher m = SERIAL.matcher(raw);
        if (!m.matches()) {
            name(param, raw);
            for (int i = 0; i < count; i++) out.add(raw);
            return out;
        }
        String prefix = m.group(1);
        long begin = Long.parseLong(m.group(2));
        int bits = Integer.parseInt(m.group(3));
        if (prefix.isEmpty() || !NAME.matcher(prefix).matches() || bits < 1 || bits > 9) {
            throw ZenlayerError.INVALID_PARAMETER_PATTERN_ERROR.with(param, NAME_RULE + ", optionally followed by _[begin,bits]");
        }
        for (int i = 0; i < count; i++) {
            String n = prefix + String.format("%0" + bits + "d", begin + i);
            if (n.length() > MAX_NAME_LENGTH) throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with(param, MAX_NAME_LENGTH);
            out.add(n);
        }
        return out;
    }

    public static String password(String password) {
        if (!PASSWORD.matcher(password).matches()) throw ZenlayerError.INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED.with();
        return password;
    }

    public static String nicName(String name) {
        if (!NIC.matcher(name).matches()) throw ZenlayerError.INVALID_PARAMETER_NIC_NAME_MALFORMED.with(name);
        return name;
    }
}
