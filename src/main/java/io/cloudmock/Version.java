package io.cloudmock;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version stamped in at build time. */
public final class Version {
    public static final String VALUE = load();

    private Version() {}

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/cloudmock-version.properties")) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
