package io.cloudmock.ncp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The flat {@code name=value} parameters of an NCP request, merged from the query string and a form body
 * (the Python SDK puts {@code responseFormatType} in the query of a POST whose other parameters are in the
 * body). Lists use 1-based suffixes: {@code name.N}, {@code name.N.field}, {@code name.N.field.M}.
 */
public final class NcpParams {
    private final Map<String, String> values;
    /** The full names read since {@link #startReading}, shared with the struct elements of {@link #structList}. */
    private final Set<String> read;
    /** The struct element's prefix in the whole request ({@code name.N.}), empty for the request itself. */
    private final String prefix;

    private NcpParams(Map<String, String> values) { this(values, new HashSet<>(), ""); }

    private NcpParams(Map<String, String> values, Set<String> read, String prefix) {
        this.values = values;
        this.read = read;
        this.prefix = prefix;
    }

    /** Decodes a query string and a form body; a value given in both places is taken from the body. */
    public static NcpParams decode(String rawQuery, String rawBody) {
        Map<String, String> values = new LinkedHashMap<>();
        parseInto(rawQuery, values);
        parseInto(rawBody, values);
        return new NcpParams(values);
    }

    public static NcpParams of(Map<String, String> values) { return new NcpParams(new LinkedHashMap<>(values)); }

    private static void parseInto(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) return;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            into.put(decodePart(name), decodePart(value));
        }
    }

    private static String decodePart(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // the Go SDK does not escape list elements; a stray '%' is kept as sent rather than refused
            return s;
        }
    }

    /** The value, or null when absent. An empty value counts as absent, as the SDKs send nothing for unset. */
    public String get(String name) {
        String v = values.get(name);
        if (v == null) return null;
        read.add(prefix.isEmpty() ? name : prefix + name); // only a name sent can be unread: the rest need no record
        return v.isEmpty() ? null : v;
    }

    public boolean has(String name) { return get(name) != null; }

    public String get(String name, String fallback) {
        String v = get(name);
        return v == null ? fallback : v;
    }

    /** A required parameter. */
    public String require(String name) {
        String v = get(name);
        if (v == null) throw new NcpException(NcpError.MISSING_PARAMETER, name);
        return v;
    }

    /** A boolean: {@code true}/{@code false} in any case (Python sends {@code True}). */
    public Boolean bool(String name) {
        String v = get(name);
        if (v == null) return null;
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals("true")) return Boolean.TRUE;
        if (lower.equals("false")) return Boolean.FALSE;
        throw new NcpException(NcpError.INVALID_PARAMETER, name, v);
    }

    /** An integer within {@code [min, max]}. */
    public Integer integer(String name, int min, int max) {
        String v = get(name);
        if (v == null) return null;
        try {
            long n = Long.parseLong(v.trim());
            if (n < min || n > max) throw new NcpException(NcpError.INVALID_PARAMETER, name, v);
            return (int) n;
        } catch (NumberFormatException e) {
            throw new NcpException(NcpError.INVALID_PARAMETER, name, v);
        }
    }

    /**
     * The list {@code name.1, name.2, ...} in index order. Indexes may have gaps (clients number from 1 but
     * some skip) and any number of digits; a suffix that is not ASCII digits, or is 0, is not part of the list.
     */
    public List<String> list(String name) {
        String prefix = name + ".";
        TreeMap<String, String> byIndex = new TreeMap<>(BY_NUMBER);
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) continue;
            String index = index(key.substring(prefix.length()));
            if (index == null) continue;
            read.add(this.prefix + key);
            if (!e.getValue().isEmpty()) byIndex.put(index, e.getValue());
        }
        return new ArrayList<>(byIndex.values());
    }

    /** A list of ids, refused when one appears twice ("It can't be duplicated"). */
    public List<String> idList(String name) {
        List<String> ids = list(name);
        if (ids.stream().distinct().count() != ids.size()) {
            throw new NcpException(NcpError.DUPLICATED_PARAMETER, name);
        }
        return ids;
    }

    /**
     * The list of structs {@code name.N.field[.M]}: each element is the parameters under {@code name.N.},
     * with the prefix removed, in index order.
     */
    public List<NcpParams> structList(String name) {
        String prefix = name + ".";
        TreeMap<String, Map<String, String>> byIndex = new TreeMap<>(BY_NUMBER);
        TreeMap<String, String> prefixes = new TreeMap<>(BY_NUMBER);
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) continue;
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            if (dot <= 0) continue;
            String index = index(rest.substring(0, dot));
            if (index == null) continue;
            byIndex.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(rest.substring(dot + 1), e.getValue());
            prefixes.putIfAbsent(index, this.prefix + key.substring(0, prefix.length() + dot + 1));
        }
        List<NcpParams> out = new ArrayList<>(byIndex.size());
        byIndex.forEach((i, m) -> out.add(new NcpParams(m, read, prefixes.get(i))));
        return out;
    }

    /**
     * A list index as its digits without leading zeros ({@code 007} and {@code 7} are one index), or null when it
     * is no index. Kept as text, not an int: an index of ten digits or more is as much an element as any other
     * (dropping it made a batch act on fewer resources than it named, and answer success).
     */
    private static String index(String s) {
        if (s.isEmpty()) return null;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return null;
        int first = 0;
        while (first < s.length() && s.charAt(first) == '0') first++;
        return first == s.length() ? null : s.substring(first);
    }

    /** Indexes (digits without leading zeros) in numeric order: the shorter is the smaller. */
    private static final java.util.Comparator<String> BY_NUMBER =
            java.util.Comparator.comparingInt(String::length).thenComparing(java.util.Comparator.naturalOrder());

    /** Every parameter as received, for the request journal (reading it does not count as a handler's read). */
    public Map<String, String> asMap() { return values; }

    /** Forgets what was read so far: the handler's reads start here (the pipeline's own, e.g. fault targets, do not count). */
    void startReading() { read.clear(); }

    /**
     * The parameters sent with a value that nothing read since {@link #startReading}, list indexes as {@code .N}
     * ({@code accessControlGroupRuleList.N.bogus}), each name once; {@code except} are read elsewhere (the format).
     */
    List<String> unread(Set<String> except) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getValue().isEmpty() || read.contains(e.getKey()) || except.contains(e.getKey())) continue;
            out.add(INDEX.matcher(e.getKey()).replaceAll(".N"));
        }
        return new ArrayList<>(out);
    }

    private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("\\.[0-9]+(?=\\.|$)");
}
