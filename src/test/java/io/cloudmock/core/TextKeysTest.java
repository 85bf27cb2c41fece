package io.cloudmock.core;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The packed sort of text keys ({@link TextKeys}) orders resources exactly as the plain sort by the total order
 * (the key by {@link String#compareTo}, ascending or descending, then creation): random names with a long common
 * prefix, names that are prefixes of others, duplicates, empty names, names that end inside the packed characters,
 * and characters on both sides of the packed range (past it, the plain sort is used, with the same result).
 */
class TextKeysTest {
    private static List<Resource> servers(List<String> names, Random random) {
        List<Resource> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Resource r = new Resource("ncp", "server", "default", Integer.toString(i), "RUN", Instant.EPOCH,
                    Map.of("serverName", names.get(i)));
            r.ordinal = random.nextInt(1_000_000); // creation order is not list order in a kept, patched list
            out.add(r);
        }
        return out;
    }

    private static Resource[] plain(List<Resource> found, Order<String> order) {
        Resource[] out = found.toArray(new Resource[0]);
        Arrays.sort(out, order.total());
        return out;
    }

    private static void sameOrderBothWays(List<String> names, long seed) {
        List<Resource> found = servers(names, new Random(seed));
        Order<String> byName = Order.by(r -> (String) r.fields().get("serverName"));
        for (Order<String> o : List.of(byName, byName.reversed())) {
            assertArrayEquals(plain(found, o), o.sort(found), () -> "seed " + seed + ", " + names.size() + " names");
        }
    }

    private static String randomName(Random random, String prefix, String alphabet, int maxLength) {
        StringBuilder b = new StringBuilder(prefix);
        int n = random.nextInt(maxLength + 1);
        for (int i = 0; i < n; i++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return b.toString();
    }

    @Test
    void randomNamesSortAsThePlainSortDoes() {
        String[] alphabets = {"0123456789abcdef", "ab", "a-z_AZ09\u0000\u00e9\u00ff\u01fe", "xy\u01ff\u0200\u4e2d"};
        String[] prefixes = {"", "svr-", "cloudmock-server-very-long-common-prefix-"};
        for (long seed = 1; seed <= 24; seed++) {
            Random random = new Random(seed);
            int size = new int[] {1024, 1500, 5000, 70_000}[(int) (seed % 4)];
            String alphabet = alphabets[random.nextInt(alphabets.length)];
            String prefix = prefixes[random.nextInt(prefixes.length)];
            int maxLength = 1 + random.nextInt(12);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                // some names again, some cut short: duplicates and names that are prefixes of others
                if (i > 0 && random.nextInt(10) == 0) names.add(names.get(random.nextInt(i)));
                else if (i > 0 && random.nextInt(10) == 0) {
                    String other = names.get(random.nextInt(i));
                    names.add(other.substring(0, random.nextInt(other.length() + 1)));
                } else names.add(randomName(random, prefix, alphabet, maxLength));
            }
            sameOrderBothWays(names, seed);
        }
    }

    @Test
    void allEqualAndAllEmptyNamesKeepCreationOrder() {
        sameOrderBothWays(java.util.Collections.nCopies(3000, "same"), 7);
        sameOrderBothWays(java.util.Collections.nCopies(3000, ""), 8);
    }

    @Test
    void appliesToTextKeysInNaturalOrReversedOrderOnly() {
        List<Resource> found = servers(java.util.Collections.nCopies(TextKeys.FROM, "n"), new Random(1));
        Order<String> byName = Order.by(r -> (String) r.fields().get("serverName"));
        assertNotNull(TextKeys.sort(found, byName.key(), byName.compare()));
        assertNotNull(TextKeys.sort(found, byName.key(), byName.reversed().compare()));
        assertNull(TextKeys.sort(found, byName.key(), String.CASE_INSENSITIVE_ORDER));
        Order<Integer> byLength = Order.by(r -> ((String) r.fields().get("serverName")).length());
        assertNull(TextKeys.sort(found, byLength.key(), byLength.compare()));
        // a character past the packed range where it would be packed (after the common prefix): the plain sort's turn
        List<String> names = new ArrayList<>();
        for (int i = 0; i < TextKeys.FROM; i++) names.add(i % 2 == 0 ? "a\u4e2d" : "b");
        assertNull(TextKeys.sort(servers(names, new Random(2)), byName.key(), byName.compare()));
        // the same character inside the common prefix is never packed
        List<Resource> samePrefix = servers(java.util.Collections.nCopies(TextKeys.FROM, "\u4e2d"), new Random(3));
        assertNotNull(TextKeys.sort(samePrefix, byName.key(), byName.compare()));
    }
}
