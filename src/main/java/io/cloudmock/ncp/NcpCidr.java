package io.cloudmock.ncp;

/**
 * An IPv4 block {@code a.b.c.d/n} as VPCs and subnets take it (ncp-network-api.md section 3): a network address
 * (Terraform refuses 10.0.0.1/16 client-side, the API is taken to refuse it too), in one of the private ranges, with a
 * prefix from /16 to /28.
 */
record NcpCidr(long base, int prefix) {
    private static final NcpCidr[] PRIVATE = {new NcpCidr(10L << 24, 8), new NcpCidr((172L << 24) | (16L << 16), 12),
            new NcpCidr((192L << 24) | (168L << 16), 16)};

    /** The block, or null when the text is not a canonical private /16 to /28 block. */
    static NcpCidr parse(String text) {
        if (text == null) return null;
        int slash = text.indexOf('/');
        if (slash < 0) return null;
        Long ip = ip(text.substring(0, slash));
        String p = text.substring(slash + 1);
        if (ip == null || p.isEmpty() || p.length() > 2 || !p.chars().allMatch(Character::isDigit)) return null;
        int prefix = Integer.parseInt(p);
        if (prefix < 16 || prefix > 28) return null;
        NcpCidr c = new NcpCidr(ip, prefix);
        if ((ip & ~c.mask()) != 0) return null;
        for (NcpCidr range : PRIVATE) if (range.contains(c)) return c;
        return null;
    }

    /** A dotted quad as a number, or null. */
    static Long ip(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) return null;
        long v = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) return null;
            int b = Integer.parseInt(part);
            if (b > 255 || (part.length() > 1 && part.charAt(0) == '0')) return null;
            v = (v << 8) | b;
        }
        return v;
    }

    static String dotted(long ip) {
        return (ip >> 24 & 255) + "." + (ip >> 16 & 255) + "." + (ip >> 8 & 255) + "." + (ip & 255);
    }

    long mask() { return (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL; }

    long size() { return 1L << (32 - prefix); }

    long last() { return base + size() - 1; }

    boolean contains(NcpCidr other) { return other.prefix >= prefix && (other.base & mask()) == base; }

    boolean contains(long ip) { return (ip & mask()) == base; }

    boolean overlaps(NcpCidr other) { return contains(other) || other.contains(this); }

    /**
     * An address a network interface may hold: "The 0-5th and last IP addresses of the subnet cannot be used"
     * (createNetworkInterface), so the first one handed out is .6.
     */
    boolean usable(long ip) { return contains(ip) && ip >= base + 6 && ip < last(); }

    @Override
    public String toString() { return dotted(base) + "/" + prefix; }
}
