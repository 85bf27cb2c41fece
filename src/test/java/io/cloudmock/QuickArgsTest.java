package io.cloudmock;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link QuickArgs}, the command line's common case parsed without picocli: the same values as picocli gives, the
 * same defaults and variables as the annotations say, and picocli for everything else (MainTest pins picocli's
 * messages, help and exit codes; those runs take the picocli path because their arguments are bad).
 */
class QuickArgsTest {
    private static List<Field> optionFields() {
        List<Field> out = new ArrayList<>();
        for (Field f : Main.class.getDeclaredFields()) if (f.getAnnotation(Option.class) != null) out.add(f);
        return out;
    }

    @Test
    void theTableIsTheAnnotations() {
        List<Field> fields = optionFields();
        assertEquals(fields.size(), QuickArgs.OPTIONS.length);
        for (int i = 0; i < fields.size(); i++) {
            Option o = fields.get(i).getAnnotation(Option.class);
            String name = o.names()[0];
            assertEquals(name, QuickArgs.OPTIONS[i][0]);
            String variable = Main.variableOf(name);
            // "${env:CLOUDMOCK_X:-default}" or "${env:CLOUDMOCK_X}"
            String dv = o.defaultValue();
            String expected = dv.contains(":-") ? dv.substring(dv.indexOf(":-") + 2, dv.length() - 1) : null;
            assertEquals("${env:" + variable + (expected == null ? "}" : ":-" + expected + "}"), dv, name);
            assertEquals(expected, QuickArgs.OPTIONS[i][1], name);
        }
    }

    private static Main picocli(String... args) {
        Main main = new Main();
        new CommandLine(main).setExpandAtFiles(false).parseArgs(args);
        return main;
    }

    private static void sameValues(Main expected, Main actual, String what) throws Exception {
        for (Field f : optionFields()) {
            f.setAccessible(true);
            assertEquals(f.get(expected), f.get(actual), f.getName() + " for " + what);
        }
    }

    @Test
    void theCommonCasesGiveWhatPicocliGives() throws Exception {
        for (String name : QuickArgs.names()) assumeTrue(System.getenv(Main.variableOf(name)) == null, "no CLOUDMOCK_* here");
        String[][] cases = {
                {},
                {"--port", "0"},
                {"--port=0", "--host", "0.0.0.0"},
                {"--port", "18080", "--clock", "manual", "--transition-delay", "500ms", "--auth", "VERIFY",
                        "--credentials", "AK:SK,AK2:SK2", "--journal-size", "0"},
                {"--state-file", "/tmp/x/state.json", "--seed=seed.json", "--control-token", "t0k",
                        "--bearer-tokens", "a=b,c", "--allowed-hosts", "*", "--log-format", "json", "--log-level", "debug"},
                {"--transition-delay=0", "--credentials=@keys.txt", "--log-level", " Warn "},
                {"--port", "007"},
        };
        for (String[] args : cases) {
            Main quick = QuickArgs.parse(args, Map.of());
            assertNotNull(quick, String.join(" ", args));
            sameValues(picocli(args), quick, String.join(" ", args));
        }
    }

    @Test
    void theEnvironmentFillsWhatWasNotTypedAndTheTypedOptionWins() {
        Main m = QuickArgs.parse(new String[] {"--port", "9"},
                Map.of("CLOUDMOCK_PORT", "8", "CLOUDMOCK_HOST", "0.0.0.0", "CLOUDMOCK_CLOCK", "manual",
                        "CLOUDMOCK_LOG_FORMAT", "json", "OTHER", "x"));
        assertNotNull(m);
        assertEquals(9, m.port);
        assertEquals("0.0.0.0", m.host);
        assertEquals(Config.ClockMode.MANUAL, m.clock);
        assertEquals(Config.LogFormat.JSON, m.logFormat);
        assertEquals(Set.of("--port"), m.typed, "a message about --host names CLOUDMOCK_HOST");
        assertEquals(Set.of(), Objects.requireNonNull(QuickArgs.parse(new String[0], Map.of())).typed);
    }

    @Test
    void everythingElseIsPicoclis() {
        String[][] cases = {
                {"--help"}, {"-h"}, {"--version"}, {"-V"}, {"-hV"}, {"--colour"}, {"--port"}, {"--port", "1", "--port", "2"},
                {"--port", "eighty"}, {"--port", "-1"}, {"--port", "1234567890"}, {"--port", "0x1F"}, {"--port", "+1"},
                {"--clock", "sometimes"}, {"--transition-delay", "soon"}, {"--log-format", "xml"},
                {"--host", "--port"}, {"--control-token", ""}, {"--host="}, {"--host", "${env:HOME}"},
                {"--", "--port", "1"}, {"serve"}, {"--port", "1", "extra"}, {"--PORT", "1"}, {"--por", "1"},
                {"@args.txt"},
        };
        for (String[] args : cases) assertNull(QuickArgs.parse(args, Map.of()), String.join(" ", args));
        for (Map<String, String> env : List.of(Map.of("CLOUDMOCK_PORT", "eighty"), Map.of("CLOUDMOCK_PORT", ""),
                Map.of("CLOUDMOCK_CONTROL_TOKEN", ""), Map.of("CLOUDMOCK_TRANSITION_DELAY", "soon"),
                Map.of("CLOUDMOCK_HOST", "${sys:user.home}"), Map.of("CLOUDMOCK_LOG_LEVEL", "loud"))) {
            assertNull(QuickArgs.parse(new String[0], env), env.toString());
        }
    }
}
