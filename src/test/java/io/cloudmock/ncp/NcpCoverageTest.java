package io.cloudmock.ncp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/coverage.md and the action table say the same: every VPC action cloudmock serves ({@code /vserver/v2} and
 * {@code /vpc/v2}) is in a row marked "yes", and no action a "yes" row names is missing from the table.
 */
class NcpCoverageTest {

    /** The NCP part of the page: action name to implemented, from the rows whose action cell is a list of names. */
    private static Map<String, Boolean> rows() throws IOException {
        String doc = Files.readString(Path.of("docs", "coverage.md"));
        String section = doc.substring(doc.indexOf("## NCP Server API"));
        int next = section.indexOf("\n## ", 5);
        if (next > 0) section = section.substring(0, next);
        Map<String, Boolean> out = new java.util.HashMap<>();
        for (String line : section.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 4) continue;
            // the VPC table: | action | implemented | notes |; the Terraform table: | path | actions | implemented | notes |
            boolean withPath = cells[1].trim().startsWith("`/");
            if (withPath && !cells[1].trim().matches("`/(vserver|vpc)/v2`")) continue;
            String actions = withPath ? cells[2] : cells[1];
            String implemented = (withPath ? cells[3] : cells[2]).trim();
            if (!implemented.matches("yes.*|no.*")) continue;
            for (String a : actions.split(",")) {
                String name = a.trim();
                if (name.matches("[a-z][A-Za-z]+")) out.merge(name, implemented.startsWith("yes"), Boolean::logicalOr);
            }
        }
        return out;
    }

    @Test
    void everyServedVpcActionIsListedAsImplementedAndNoOtherIs() throws IOException {
        Map<String, Boolean> rows = rows();
        Set<String> served = new HashSet<>(NcpActions.server(NcpFlavour.VPC).keySet());
        served.addAll(NcpActions.vpcNetwork().keySet());
        Set<String> missing = new TreeSet<>();
        for (String action : served) if (!Boolean.TRUE.equals(rows.get(action))) missing.add(action);
        assertEquals(Set.of(), missing, "served but not listed as implemented in docs/coverage.md");
        Set<String> claimed = new TreeSet<>();
        for (Map.Entry<String, Boolean> e : rows.entrySet()) if (e.getValue() && !served.contains(e.getKey())) claimed.add(e.getKey());
        // Classic-only rows name actions of /server/v2, which the VPC table does not serve
        claimed.removeAll(NcpActions.server(NcpFlavour.CLASSIC).keySet());
        assertEquals(Set.of(), claimed, "listed as implemented in docs/coverage.md but not served on /vserver/v2 or /vpc/v2");
        assertTrue(rows.size() > 60, rows.toString());
    }
}
