package io.cloudmock.zenlayer;

import io.cloudmock.core.Clock;
import io.cloudmock.core.Ids;
import io.cloudmock.core.Resource;
import io.cloudmock.core.Lifecycle;
import io.cloudmock.core.ManualClock;
import io.cloudmock.core.Transition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsers, validators, the transition table, the account rule and the model, without HTTP. */
class ZenlayerUnitTest {

    private static ZenlayerRequest req(String json) { return ZenlayerRequest.parse(json.getBytes(StandardCharsets.UTF_8)); }

    private static ZenlayerError code(Runnable r) { return assertThrows(ZenlayerException.class, r::run).error(); }

    // --- ZenlayerRequest ---

    @Test
    void parseAcceptsObjectsAndEmptyBodies() {
        assertTrue(req("").node().isEmpty());
        assertTrue(req("  {}  ").node().isEmpty());
        assertEquals("x", req("{\"a\":\"x\"}").string("a"));
    }

    @Test
    void parseRejectsMalformedAndNonObjects() {
        for (String bad : List.of("{", "[1]", "1", "\"s\"", "{}x", "{\"a\":1}{}", "nul")) {
            assertEquals(ZenlayerError.INVALID_PARAMETER_TYPE, code(() -> req(bad)), bad);
        }
    }

    @Test
    void typedGettersCheckTypesAndTreatNullAsAbsent() {
        ZenlayerRequest r = req("{\"s\":\"v\",\"i\":3,\"f\":1.5,\"b\":true,\"n\":null,\"l\":[\"a\",\"b\"],\"o\":{\"x\":1},\"big\":99999999999}");
        assertEquals(3, r.integer("i"));
        assertEquals(1.5, r.number("f"));
        assertEquals(true, r.bool("b"));
        assertEquals(null, r.string("n"));
        assertEquals(null, r.integer("missing"));
        assertEquals(List.of("a", "b"), r.strings("l"));
        assertEquals(1, r.object("o").integer("x"));
        assertEquals("o.x", r.object("o").path("x"));
        assertEquals(ZenlayerError.INVALID_PARAMETER_TYPE, code(() -> r.string("i")));
        assertEquals(ZenlayerError.INVALID_PARAMETER_TYPE, code(() -> r.integer("f")));
        assertEquals(ZenlayerError.INVALID_PARAMETER_TYPE, code(() -> r.integer("s")));
        assertEquals(ZenlayerError.INVALID_PARAMETER_TYPE, code(() -> r.integer("big")));
        assertEquals(ZenlayerError.INVALID_PARAMETER_TYPE, code(() -> r.bool("s")));
        assertEquals(ZenlayerError.INVALID_PARAMETER_TYPE, code(() -> r.strings("s")));
        assertEquals(ZenlayerError.INVALID_PARAMETER_TYPE, code(() -> r.object("l")));
        assertEquals(ZenlayerError.INVALID_PARAMETER_TYPE, code(() -> r.objects("o")));
        assertEquals(ZenlayerError.MISSING_PARAMETER, code(() -> r.requiredString("n")));
    }

    @Test
    void rangesEnumsAndLists() {
        ZenlayerRequest r = req("{\"i\":5,\"e\":\"B\",\"l\":[\"a\",\"b\",\"c\"]}");
        assertEquals(5, r.integer("i", 1, 5));
        assertEquals(ZenlayerError.INVALID_PARAMETER_EXCEED_MAXIMUM, code(() -> r.integer("i", 1, 4)));
        assertEquals(ZenlayerError.INVALID_PARAMETER_LESS_MINIMUM, code(() -> r.integer("i", 6, 9)));
        assertEquals("B", r.enumValue("e", Set.of("A", "B")));
        assertEquals(ZenlayerError.INVALID_PARAMETER_VALUE, code(() -> r.enumValue("e", Set.of("A"))));
        assertEquals(ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH, code(() -> r.strings("l", 2)));
    }

    @Test
    void instanceIdsArePresentAtMostOneHundredAndDeduplicated() {
        assertEquals(List.of("a", "b"), req("{\"instanceIds\":[\"a\",\"b\",\"a\"]}").instanceIds());
        assertEquals(ZenlayerError.MISSING_PARAMETER, code(() -> req("{}").instanceIds()));
        assertEquals(ZenlayerError.MISSING_PARAMETER, code(() -> req("{\"instanceIds\":[]}").instanceIds()));
        assertEquals(ZenlayerError.MISSING_PARAMETER, code(() -> req("{\"instanceIds\":[\"\"]}").instanceIds()));
        String many = "[" + "\"x\",".repeat(100) + "\"y\"]";
        assertEquals(ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH, code(() -> req("{\"instanceIds\":" + many + "}").instanceIds()));
    }

    @Test
    void paging() {
        List<Integer> items = List.of(1, 2, 3, 4, 5);
        assertEquals(items, req("{}").page(items));
        assertEquals(List.of(3, 4), req("{\"pageSize\":2,\"pageNum\":2}").page(items));
        assertEquals(List.of(5), req("{\"pageSize\":2,\"pageNum\":3}").page(items));
        assertEquals(List.of(), req("{\"pageSize\":2,\"pageNum\":4}").page(items));
        assertEquals(List.of(), req("{\"pageSize\":1000,\"pageNum\":2147483647}").page(items));
        assertEquals(20, req("{}").pageSize());
        assertEquals(1, req("{}").pageNum());
    }

    // --- ZenlayerNames ---

    @Test
    void instanceNamePattern() {
        assertEquals(List.of("server003", "server004"), ZenlayerNames.instanceNames("n", "server_[3,3]", 2));
        assertEquals(List.of("a99", "a100"), ZenlayerNames.instanceNames("n", "a_[99,2]", 2));
        assertEquals(List.of("web", "web"), ZenlayerNames.instanceNames("n", "web", 2));
        assertEquals(List.of("instance"), ZenlayerNames.instanceNames("n", null, 1));
        assertEquals(List.of("v1.2-x"), ZenlayerNames.instanceNames("n", "v1.2-x", 1));
        assertEquals(ZenlayerError.INVALID_PARAMETER_PATTERN_ERROR, code(() -> ZenlayerNames.instanceNames("n", "a b", 1)));
        assertEquals(ZenlayerError.INVALID_PARAMETER_PATTERN_ERROR, code(() -> ZenlayerNames.instanceNames("n", "a_b", 1)));
        assertEquals(ZenlayerError.INVALID_PARAMETER_PATTERN_ERROR, code(() -> ZenlayerNames.instanceNames("n", "a_[1,0]", 1)));
        assertEquals(ZenlayerError.INVALID_PARAMETER_PATTERN_ERROR, code(() -> ZenlayerNames.instanceNames("n", "a_[x,2]", 1)));
        assertEquals(ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH,
                code(() -> ZenlayerNames.instanceNames("n", "a".repeat(65), 1)));
        assertEquals(ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH,
                code(() -> ZenlayerNames.instanceNames("n", "a".repeat(56) + "_[1,9]", 1)));
    }

    @Test
    void passwordsAndNicNames() {
        assertEquals("Abc123!@", ZenlayerNames.password("Abc123!@"));
        assertEquals("Abcdefgh12345678", ZenlayerNames.password("Abcdefgh12345678"));
        assertEquals("Example~123", ZenlayerNames.password("Example~123"));
        for (String bad : List.of("Abc123!", "Abcdefgh123456789", "Abc 1234", "Abc\t1234", "Ünïcode12")) {
            assertEquals(ZenlayerError.INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED, code(() -> ZenlayerNames.password(bad)), bad);
        }
        assertEquals("eth0", ZenlayerNames.nicName("eth0"));
        for (String bad : List.of("eth", "Eth0", "eth-0", "a".repeat(16))) {
            assertEquals(ZenlayerError.INVALID_PARAMETER_NIC_NAME_MALFORMED, code(() -> ZenlayerNames.nicName(bad)), bad);
        }
    }

    // --- transition table ---

    @Test
    void transitionTableRows() {
        var t = ZenlayerTransitions.INSTANCE;
        assertEquals(List.of("PENDING", "DEPLOYING", "RUNNING"), t.row("CreateInstances").path());
        assertEquals(List.of("BOOTING", "RUNNING"), t.row("StartInstances").path());
        assertFalse(t.row("StartInstances").allows("RUNNING"));
        assertEquals(List.of("STOPPING", "STOPPED"), t.row("StopInstances").path());
        assertFalse(t.row("StopInstances").allows("STOPPED"));
        assertEquals(List.of("REBOOT", "RUNNING"), t.row("RebootInstances").path());
        assertEquals(List.of("REBUILDING", "RUNNING"), t.row("ResetInstance").path());
        assertEquals(List.of("RECYCLING", "RECYCLE"), t.row("TerminateInstance").path());
        for (String s : List.of("PENDING", "DEPLOYING", "RECYCLING", "RECYCLE", "RELEASING")) {
            assertFalse(t.row("TerminateInstance").allows(s), s);
        }
        assertEquals(List.of("RELEASING", Transition.GONE), t.row("ReleaseInstances").path());
        assertFalse(t.row("ReleaseInstances").allows("RUNNING"));
        assertTrue(t.states().containsAll(List.of("CREATE_FAILED", "IMAGING")));
    }

    @Test
    void lifecycleRunsTheTableOneDelayPerTransientState() {
        ManualClock clock = new ManualClock();
        io.cloudmock.core.Kinds kinds = new io.cloudmock.core.Kinds();
        kinds.register(new ZenlayerModel(new Ids(1)));
        io.cloudmock.core.Account account = new io.cloudmock.core.ResourceStore(
                new Lifecycle(clock, Duration.ofSeconds(2)), kinds).account("default");
        Resource i = new Resource(ZenlayerModel.PROVIDER, ZenlayerModel.KIND, "default", "1", "PENDING", clock.now(), Map.of());
        java.util.function.Supplier<String> state = () -> account.atomically(tx -> {
            Resource r = tx.get(ZenlayerModel.PROVIDER, ZenlayerModel.KIND, "1");
            return r == null ? null : r.state();
        });
        account.atomically(tx -> { tx.add(i); tx.begin(ZenlayerTransitions.CREATE, i); return null; });
        assertEquals("PENDING", state.get());
        clock.advance(Duration.ofSeconds(2));
        assertEquals("DEPLOYING", state.get());
        clock.advance(Duration.ofSeconds(10));
        assertEquals("RUNNING", state.get());
        account.atomically(tx -> { tx.begin(ZenlayerTransitions.TERMINATE, i); return null; });
        clock.advance(Duration.ofSeconds(2));
        assertEquals("RECYCLE", state.get());
        account.atomically(tx -> { tx.begin(ZenlayerTransitions.RELEASE, i); return null; });
        clock.advance(Duration.ofSeconds(2));
        assertEquals(null, state.get());
    }

    // --- account ---

    @Test
    void accountComesFromTheCredentialOrTheBearerToken() {
        assertEquals("default", ZenlayerAuth.accountOf(null));
        assertEquals("default", ZenlayerAuth.accountOf(""));
        assertEquals("AKID1", ZenlayerAuth.accountOf(
                "ZC2-HMAC-SHA256 Credential=AKID1, SignedHeaders=content-type;host, Signature=efb3"));
        // a token is a secret: its account is a hash of it, or the name --bearer-tokens gives it
        assertEquals(io.cloudmock.core.Secrets.tokenAccount("tok"), ZenlayerAuth.accountOf("Bearer tok"));
        assertEquals(io.cloudmock.core.Secrets.tokenAccount("tok"), ZenlayerAuth.accountOf("bearer  tok "));
        assertTrue(ZenlayerAuth.accountOf("Bearer tok").matches("bearer-[0-9a-f]{12}"));
        assertEquals("ci", ZenlayerAuth.accountOf("Bearer tok", java.util.Map.of("tok", "ci")));
        assertEquals("default", ZenlayerAuth.accountOf("Bearer "));
        assertEquals("default", ZenlayerAuth.accountOf("Basic dXNlcjpwYXNz"));
        assertEquals("default", ZenlayerAuth.accountOf("ZC2-HMAC-SHA256 SignedHeaders=host"));
    }

    // --- model ---

    @Test
    void completeFieldsFillsEveryFieldAndFollowsTheGivenType() {
        ZenlayerModel model = new ZenlayerModel(new Ids(1));
        Map<String, Object> f = model.completeFields("42", Map.of("instanceType", "c.4c8g", "zoneId", "HKG-A",
                "instanceName", "seeded"), Instant.parse("2026-01-02T03:04:05.678Z"));
        for (String field : ZenlayerModel.FIELDS) {
            if (!field.equals("instanceId") && !field.equals("instanceStatus")) assertTrue(f.containsKey(field), field);
        }
        assertEquals(4, f.get("cpuCount"));
        assertEquals(8, f.get("memory"));
        assertEquals("HKG-A", f.get("zoneId"));
        assertEquals("seeded", f.get("instanceName"));
        assertEquals("2026-01-02T03:04:05Z", f.get("createTime"));
        assertEquals("Ubuntu 22.04 64bit", f.get("imageName"));
        assertThrows(IllegalArgumentException.class, () -> model.completeFields("43", Map.of("zoneId", "XXX"), Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> model.completeFields("43", Map.of("imageId", "XXX"), Instant.now()));
        assertEquals("zenlayer", model.provider());
        assertEquals("RUNNING", model.defaultState());
        assertTrue(ZenlayerTransitions.INSTANCE.knows(model.defaultState()));
    }

    @Test
    void addressesAreDistinctPerInstanceNumber() {
        assertFalse(ZenlayerModel.publicIpv4(10_000_001L).equals(ZenlayerModel.publicIpv4(10_000_002L)));
        assertTrue(ZenlayerModel.publicIpv4(10_000_001L).matches("198\\.(18|19)\\.\\d+\\.\\d+"));
        assertTrue(ZenlayerModel.privateIpv4(10_000_001L).startsWith("10."));
    }

    @Test
    void versionsKnowTheirActions() {
        assertEquals(62, ZenlayerVersions.ACTIONS_2026.size());
        assertEquals(62, Set.copyOf(ZenlayerVersions.ACTIONS_2026).size());
        assertTrue(ZenlayerVersions.exists(ZenlayerVersions.V2026, "DescribeVncUrl"));
        assertFalse(ZenlayerVersions.exists(ZenlayerVersions.V2023, "DescribeVncUrl"));
        assertTrue(ZenlayerVersions.exists(ZenlayerVersions.V2023, "DescribeKeyPairs"));
        assertFalse(ZenlayerVersions.exists(ZenlayerVersions.V2026, "DescribeKeyPairs"));
        for (String implemented : ZenlayerActions.ACTIONS.keySet()) {
            // the key-pair actions are 2023 only on the VM service (CCS serves them to 2026 callers)
            if (!ZenlayerVersions.ONLY_2023.contains(implemented)) {
                assertTrue(ZenlayerVersions.exists(ZenlayerVersions.V2026, implemented), implemented);
            }
            assertTrue(ZenlayerVersions.exists(ZenlayerVersions.V2023, implemented), implemented);
        }
        assertEquals(ZenlayerActions.CCS_ACTIONS.keySet(), ZenlayerActions.CCS.actionsByVersion().get("2025-09-01"));
    }

    @Test
    void coveragePageListsEveryActionWithTheRightStatus() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "coverage.md"));
        String section = doc.substring(doc.indexOf("## Zenlayer VM"));
        int next = section.indexOf("\n## ", 5);
        if (next > 0) section = section.substring(0, next);
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (String line : section.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 5 || !cells[4].trim().matches("yes.*|no")) continue;
            boolean implemented = cells[4].trim().startsWith("yes");
            for (String action : cells[2].split(",")) {
                action = action.trim();
                listed.add(action);
                assertEquals(implemented, ZenlayerActions.ACTIONS.containsKey(action), action);
                String versions = cells[3].trim();
                assertEquals(!versions.equals("2023 only"), ZenlayerVersions.exists(ZenlayerVersions.V2026, action), action);
                assertEquals(!versions.equals("2026 only"), ZenlayerVersions.exists(ZenlayerVersions.V2023, action), action);
            }
        }
        java.util.Set<String> all = new java.util.HashSet<>(ZenlayerVersions.ACTIONS.get(ZenlayerVersions.V2026));
        all.addAll(ZenlayerVersions.ACTIONS.get(ZenlayerVersions.V2023));
        assertEquals(all, listed);
    }

    @Test
    void coveragePageListsEveryZrmAction() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "coverage.md"));
        String section = doc.substring(doc.indexOf("## Zenlayer resource manager"));
        int next = section.indexOf("\n## ", 5);
        if (next > 0) section = section.substring(0, next);
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (String line : section.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 3 || !cells[2].trim().matches("yes.*|no")) continue;
            for (String action : cells[1].split(",")) {
                listed.add(action.trim());
                assertEquals(cells[2].trim().startsWith("yes"), ZrmTags.SERVICE.handlers().containsKey(action.trim()), action);
            }
        }
        assertEquals(ZrmTags.ACTIONS_2025, listed);
    }

    @Test
    void errorCatalogue() {
        assertEquals("OPERATION_DENIED_INSTANCE_NOT_STOPPED", ZenlayerError.OPERATION_DENIED_INSTANCE_NOT_STOPPED_PASSWORD.code());
        assertEquals(400, ZenlayerError.OPERATION_DENIED_INSTANCE_NOT_STOPPED_PASSWORD.status());
        assertEquals(403, ZenlayerError.OPERATION_DENIED_INSTANCE_NOT_STOPPED.status());
        assertEquals("The specified zoneId `SEL--A` is not found", ZenlayerError.INVALID_ZONE_NOT_FOUND.message("SEL--A"));
        assertTrue(ZenlayerError.INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED.message().contains("!@#$%^+*()"));
        for (ZenlayerError e : ZenlayerError.values()) {
            assertTrue(e.code().matches("[A-Z][A-Z0-9_]+"), e.code());
            assertTrue(e.status() >= 400 && e.status() < 600, e.code());
        }
    }

    @SuppressWarnings("unused")
    private static Clock unused() { return Clock.system(); }
}
