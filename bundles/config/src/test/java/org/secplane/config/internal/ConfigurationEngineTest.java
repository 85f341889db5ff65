package org.secplane.config.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secplane.config.CommitRequest;
import org.secplane.config.ConfigurationService.OutputFormat;
import org.secplane.config.ConfigurationSession;
import org.secplane.config.ConfigurationSession.LoadMode;
import org.secplane.config.Outcome;
import org.secplane.config.Words;

class ConfigurationEngineTest {

    @TempDir
    Path state;

    private ConfigurationEngine engine;
    private ConfigurationSession session;
    private final List<String> notices = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        engine = newEngine();
        session = engine.openSession("admin");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private ConfigurationEngine newEngine() throws Exception {
        ConfigurationEngine opened = new ConfigurationEngine(state, notices::add);
        opened.setContributions(TestSchema.contributions());
        return opened;
    }

    private Outcome set(String line) {
        return session.set(Words.split(line));
    }

    private String show() {
        return String.join("\n", session.show(List.of(), OutputFormat.TEXT).lines());
    }

    /** The candidate with $9$ renderings masked: each rendering is salted afresh. */
    private String showMasked() {
        return show().replaceAll("\"\\$9\\$[^\"]*\"", "\"\\$9\\$…\"");
    }

    private void configureGateway() {
        for (String line : List.of(
                "security ike proposal p1 authentication-method pre-shared-keys",
                "security ike proposal p1 dh-group group14",
                "security ike policy pol1 proposals p1",
                "security ike policy pol1 pre-shared-key ascii-text s3cret-$9$-key",
                "security ike gateway gw1 ike-policy pol1",
                "security ike gateway gw1 address 192.0.2.1",
                "security ike gateway gw1 external-interface ge-0/0/3.0")) {
            assertTrue(set(line).isSuccess(), line + ": " + set(line));
        }
    }

    @Test
    void setThenShowPrintsBraceFormInSchemaOrderWithSecretObfuscated() {
        configureGateway();
        assertTrue(set("security ike policy pol1 mode aggressive").isSuccess());
        String shown = show();
        String expectedStart = "security {\n    ike {\n        proposal p1 {\n            authentication-method pre-shared-keys;\n"
                + "            dh-group group14;\n        }\n        policy pol1 {\n            mode aggressive;\n"
                + "            proposals p1;\n            pre-shared-key ascii-text \"$9$";
        assertTrue(shown.startsWith(expectedStart), shown);
        assertTrue(shown.contains("\"; ## SECRET-DATA\n        }\n        gateway gw1 {\n            ike-policy pol1;\n"
                + "            address 192.0.2.1;\n            external-interface ge-0/0/3.0;\n        }\n    }\n}"), shown);
        assertFalse(shown.contains("s3cret"), "clear secret must never be shown");
    }

    @Test
    void secretIsSealedAtRestAndItsObfuscatedFormDecodesToTheClearText() throws Exception {
        configureGateway();
        assertTrue(session.commit(CommitRequest.commit("")).isSuccess());
        try (Stream<Path> files = Files.list(state)) {
            for (Path file : files.collect(Collectors.toList())) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains("s3cret"), file + " holds the secret in clear");
            }
        }
        String shown = show();
        int start = shown.indexOf("\"$9$") + 1;
        String encoded = shown.substring(start, shown.indexOf('"', start));
        assertArrayEquals("s3cret-$9$-key".getBytes(StandardCharsets.US_ASCII), Junos9.decode(encoded));
        String sealed = engine.active().find("security", "ike", "policy", "pre-shared-key", "ascii-text").get().value();
        assertTrue(sealed.startsWith("$8$"));
        assertArrayEquals("s3cret-$9$-key".getBytes(StandardCharsets.US_ASCII), engine.revealSecret(sealed));
    }

    @Test
    void obfuscatedSecretInputIsTakenAsAlreadyEncoded() {
        assertTrue(set("security ike policy pol1 pre-shared-key ascii-text $9$ExmcSeMWxdVYBI").isSuccess());
        String sealed = session.show(List.of("security", "ike", "policy", "pol1"), OutputFormat.TEXT).lines().get(0);
        assertTrue(sealed.contains("$9$"), sealed);
        String stored = engine.openSession("x").show(List.of(), OutputFormat.JSON).lines().get(0);
        assertTrue(stored.contains("$9$"), stored);
        ConfigurationSession other = engine.openSession("admin");
        assertTrue(other.commit(CommitRequest.check()).isSuccess());
        assertArrayEquals("abcd".getBytes(StandardCharsets.US_ASCII),
                engine.revealSecret(candidateValue("security", "ike", "policy", "pre-shared-key", "ascii-text")));
    }

    private String candidateValue(String... path) {
        assertTrue(session.commit(CommitRequest.commit("")).isSuccess() || true);
        return engine.active().find(path).map(v -> v.value()).orElseThrow();
    }

    @Test
    void choiceAlternativesReplaceEachOther() {
        assertTrue(set("security ike policy pol1 pre-shared-key ascii-text abc").isSuccess());
        assertTrue(set("security ike policy pol1 pre-shared-key hexadecimal 0102ab").isSuccess());
        String shown = show();
        assertTrue(shown.contains("pre-shared-key hexadecimal \"$9$"), shown);
        assertFalse(shown.contains("ascii-text"), shown);
    }

    @Test
    void outOfRangeValueIsRejectedWithPathAndCandidateUnchanged() {
        configureGateway();
        String before = showMasked();
        Outcome outcome = set("security ike proposal p1 lifetime-seconds 179");
        assertFalse(outcome.isSuccess());
        assertEquals("error: [edit security ike proposal p1] 'lifetime-seconds': value 179 is not within range (180..86400)",
                outcome.toString());
        assertEquals(before, showMasked());
    }

    @Test
    void unknownStatementIsASyntaxErrorNamingWhatWasExpected() {
        Outcome outcome = set("security ike gateway gw1 bogus 1");
        assertFalse(outcome.isSuccess());
        assertEquals("error: [edit security ike gateway gw1] syntax error: 'bogus' is not a statement here; expecting "
                + "ike-policy | address | dead-peer-detection | local-identity | external-interface", outcome.toString());
        assertTrue(show().isEmpty());
    }

    @Test
    void commitChecksReferencesMandatoryStatementsAndCounts() {
        assertTrue(set("security ike gateway gw1 address 192.0.2.1").isSuccess());
        assertTrue(set("security ike policy pol1 proposals [ a b c d e ]").isSuccess());
        Outcome outcome = session.commit(CommitRequest.check());
        assertFalse(outcome.isSuccess());
        String text = outcome.toString();
        assertTrue(text.contains("[edit security ike]\n  'gateway gw1'\n    error: Missing mandatory statement: 'ike-policy'"), text);
        assertTrue(text.contains("[edit security ike policy pol1]\n  'proposals [ a b c d e ]'\n    error: 'proposals' takes at most 4 values, 5 are configured")
                || text.contains("'proposals a b c d e'"), text);
        assertTrue(text.contains("error: security ike proposal 'a' is not defined"), text);
        assertTrue(text.endsWith("error: configuration check-out failed"), text);
        assertEquals(0, engine.activeCommit().sequence());
    }

    @Test
    void deletingSomethingStillReferencedFailsTheCommitAndChangesNothing() {
        configureGateway();
        assertTrue(session.commit(CommitRequest.commit("first")).isSuccess());
        assertTrue(session.delete(Words.split("security ike policy pol1")).isSuccess());
        Outcome outcome = session.commit(CommitRequest.commit(""));
        assertFalse(outcome.isSuccess());
        assertTrue(outcome.toString().contains("'ike-policy pol1'\n    error: security ike policy 'pol1' is not defined"), outcome.toString());
        assertEquals(1, engine.activeCommit().sequence());
        assertTrue(engine.active().find("security", "ike", "policy").isPresent());
    }

    @Test
    void commitPersistsAndReopensAndRollbackAndCompareWork() throws Exception {
        configureGateway();
        assertEquals("commit complete", session.commit(CommitRequest.commit("first")).toString());
        assertTrue(set("security ike proposal p1 dh-group group5").isSuccess());
        assertEquals(List.of("[edit security ike proposal p1]", "-   dh-group group14;", "+   dh-group group5;"),
                session.compare(0).lines());
        assertTrue(session.commit(CommitRequest.commit("second")).isSuccess());
        engine.close();

        engine = newEngine();
        session = engine.openSession("admin");
        assertEquals(2, engine.activeCommit().sequence());
        assertEquals("second", engine.history().get(0).comment());
        assertEquals("first", engine.history().get(1).comment());
        assertTrue(show().contains("dh-group group5;"));
        assertEquals("load complete", session.rollback(1).toString());
        assertTrue(show().contains("dh-group group14;"));
        assertEquals(List.of("[edit security ike proposal p1]", "-   dh-group group5;", "+   dh-group group14;"),
                session.compare(0).lines());
        assertFalse(session.rollback(7).isSuccess());
    }

    @Test
    void displaySetAndJson() {
        configureGateway();
        assertTrue(set("security ike gateway gw1 address 192.0.2.2").isSuccess());
        List<String> lines = session.show(List.of(), OutputFormat.SET).lines();
        String text = String.join("\n", lines);
        assertTrue(text.contains("set security ike proposal p1 dh-group group14\n"), text);
        assertTrue(text.contains("set security ike gateway gw1 address 192.0.2.1\nset security ike gateway gw1 address 192.0.2.2"), text);
        assertTrue(text.contains("set security ike policy pol1 pre-shared-key ascii-text \"$9$"), text);
        String json = session.show(List.of("security", "ike"), OutputFormat.JSON).toString();
        assertTrue(json.contains("\"proposal\": [\n"), json);
        assertTrue(json.contains("\"name\": \"p1\""), json);
        assertTrue(json.contains("\"address\": [\n"), json);
    }

    @Test
    void braceFormLoadMergeOverrideAndSetFiles() {
        String text = "security {\n  ike {\n    proposal p1 { dh-group group2; }\n    policy pol1 {\n"
                + "      proposals [ p1 ];\n      pre-shared-key ascii-text \"$9$ExmcSeMWxdVYBI\"; ## SECRET-DATA\n    }\n  }\n}\n"
                + "interfaces { ge-0/0/0 { unit 0 { family inet { address 10.10.10.1/24; } } } st0 { unit 1; } }\n";
        assertEquals("load complete", session.load(LoadMode.MERGE, text, "terminal").toString());
        String shown = showMasked();
        assertTrue(shown.contains("interfaces {\n    ge-0/0/0 {\n        unit 0 {\n            family inet {\n"
                + "                address 10.10.10.1/24;\n            }\n"), shown);
        assertTrue(shown.contains("    st0 {\n        unit 1;\n    }"), shown);

        Outcome bad = session.load(LoadMode.MERGE, "security { ike { proposal p2 { dh-group group3; } } }", "bad.conf");
        assertFalse(bad.isSuccess());
        assertTrue(bad.toString().startsWith("error: bad.conf:1: [edit security ike proposal p2] 'dh-group': invalid value 'group3'"), bad.toString());
        assertEquals(shown, showMasked());

        Outcome unbalanced = session.load(LoadMode.MERGE, "security { ike {", "x.conf");
        assertFalse(unbalanced.isSuccess());
        assertTrue(unbalanced.toString().contains("missing '}' at end of input: 'ike {' opened at line 1 is not closed"), unbalanced.toString());

        assertEquals("load complete", session.load(LoadMode.OVERRIDE, "routing-options { static { route 0.0.0.0/0 next-hop 1.1.1.1; } }", "o").toString());
        assertEquals("routing-options {\n    static {\n        route 0.0.0.0/0 {\n            next-hop 1.1.1.1;\n        }\n    }\n}", show());

        Outcome setFile = session.load(LoadMode.SET, "set security ike proposal p9 dh-group group5\n"
                + "set security ike proposal p9 lifetime-seconds 99999999\n", "f.set");
        assertFalse(setFile.isSuccess());
        assertTrue(setFile.toString().contains("f.set:2: [edit security ike proposal p9] 'lifetime-seconds'"), setFile.toString());
        assertFalse(show().contains("p9"));
    }

    @Test
    void compositeKeysNoKeywordLeavesOptionalValuesAndInsert() {
        assertTrue(set("security policies from-zone trust to-zone untrust policy a source-address x").isSuccess());
        assertTrue(set("security policies from-zone trust to-zone untrust policy b source-address y").isSuccess());
        assertTrue(session.insert(Words.split("security policies from-zone trust to-zone untrust policy b before policy a")).isSuccess());
        assertTrue(set("security ike traceoptions file kmd size 1m files 3").isSuccess());
        assertTrue(set("security ike respond-bad-spi").isSuccess());
        String shown = show();
        assertTrue(shown.contains("from-zone trust to-zone untrust {\n            policy b {"), shown);
        assertTrue(shown.indexOf("policy b") < shown.indexOf("policy a"), shown);
        assertTrue(shown.contains("        respond-bad-spi;\n        traceoptions {\n            file kmd files 3 size 1m;\n"), shown);
        Outcome wrong = set("security policies from-zone trust into untrust policy a");
        assertFalse(wrong.isSuccess());
        assertTrue(wrong.toString().contains("expecting 'to-zone'"), wrong.toString());
    }

    @Test
    void editLevelsAndRelativeCommands() {
        assertTrue(session.edit(Words.split("security ike gateway gw1")).isSuccess());
        assertEquals("[edit security ike gateway gw1]", session.editBanner());
        assertTrue(set("address 198.51.100.7").isSuccess());
        assertTrue(session.up(1).isSuccess());
        assertEquals("[edit security ike]", session.editBanner());
        assertTrue(session.top().isSuccess());
        assertTrue(show().contains("gateway gw1 {\n            address 198.51.100.7;"));
        assertFalse(session.edit(Words.split("security ike respond-bad-spi")).isSuccess());
    }

    @Test
    void deleteRemovesStatementsAndEmptyContainersAndWarnsWhenAbsent() {
        configureGateway();
        assertTrue(session.delete(Words.split("security ike gateway gw1 address 192.0.2.1")).isSuccess());
        assertFalse(show().contains("192.0.2.1"));
        assertEquals("warning: statement not found", session.delete(Words.split("security ike gateway gw9")).toString());
        assertTrue(session.delete(Words.split("security")).isSuccess());
        assertEquals("", show());
    }

    @Test
    void flatContainersShowWithTheirChildrenOnOneLine() {
        assertTrue(set("interfaces st0 unit 0 family inet").isSuccess());
        assertTrue(show().contains("unit 0 {\n            family inet;\n        }"), show());
        assertTrue(String.join("\n", session.show(List.of(), OutputFormat.SET).lines())
                .contains("set interfaces st0 unit 0 family inet"));
    }

    @Test
    void presenceContainersAreShownAndKeptWhenEmpty() {
        assertTrue(set("security ike gateway gw1 dead-peer-detection").isSuccess());
        assertTrue(show().contains("gateway gw1 {\n            dead-peer-detection;\n"), show());
        assertTrue(set("security ike gateway gw1 dead-peer-detection interval 20").isSuccess());
        assertTrue(session.delete(Words.split("security ike gateway gw1 dead-peer-detection interval")).isSuccess());
        assertTrue(show().contains("dead-peer-detection;"), show());
        assertTrue(String.join("\n", session.show(List.of(), OutputFormat.SET).lines())
                .contains("set security ike gateway gw1 dead-peer-detection"));
    }

    @Test
    void oneSetCommandMayNameSeveralSiblingStatements() {
        assertTrue(set("security ike gateway gw1 external-interface ge-0/0/3.0 address 192.0.2.1 dead-peer-detection interval 30").isSuccess());
        String shown = show();
        assertTrue(shown.contains("address 192.0.2.1;"), shown);
        assertTrue(shown.contains("external-interface ge-0/0/3.0;"), shown);
        assertTrue(shown.contains("interval 30;"), shown);
        assertFalse(set("security ike gateway gw1 external-interface ge-0/0/3.0 bogus").isSuccess());
    }

    @Test
    void editAtAListWithoutItsKeyAndTopCommandsInSetFiles() {
        assertTrue(session.edit(Words.split("security ike proposal")).isSuccess());
        assertEquals("[edit security ike proposal]", session.editBanner());
        assertTrue(set("p7 dh-group group5").isSuccess());
        assertTrue(String.join("\n", session.show(List.of(), OutputFormat.TEXT).lines()).contains("proposal p7 {"));
        assertTrue(session.up(1).isSuccess());
        assertEquals("[edit security ike]", session.editBanner());
        assertTrue(session.top().isSuccess());
        Outcome loaded = session.load(LoadMode.SET, "edit security ike\nset proposal p8 dh-group group2\n"
                + "top edit security ike gateway gw8\nset address 192.0.2.8\ntop set security ike proposal p9 dh-group group1\n", "f.set");
        assertTrue(loaded.isSuccess(), loaded.toString());
        String shown = show();
        assertTrue(shown.contains("proposal p8 {") && shown.contains("proposal p9 {") && shown.contains("gateway gw8 {"), shown);
    }

    @Test
    void unconfirmedCommitRollsBackEvenAcrossARestart() throws Exception {
        configureGateway();
        assertTrue(session.commit(CommitRequest.commit("base")).isSuccess());
        assertTrue(set("security ike proposal p1 dh-group group1").isSuccess());
        Outcome confirmed = session.commit(CommitRequest.confirmed(5, "try"));
        assertEquals(List.of("commit confirmed will be automatically rolled back in 5 minutes unless confirmed",
                "commit complete"), confirmed.lines());
        engine.close();
        // simulate the deadline passing while the process was down
        Path marker = state.resolve("commit-confirm.pending");
        Files.writeString(marker, "2 " + (System.currentTimeMillis() - 1000) + "\n");
        engine = newEngine();
        for (int i = 0; i < 50 && engine.activeCommit().sequence() != 3; i++) {
            Thread.sleep(100);
        }
        assertEquals(3, engine.activeCommit().sequence());
        assertEquals("confirmed-rollback", engine.activeCommit().client());
        assertEquals("group14", engine.active().find("security", "ike", "proposal", "dh-group").get().value());
        assertTrue(notices.contains("Commit was not confirmed; automatic rollback complete"));
        assertFalse(Files.exists(marker));
    }

    @Test
    void confirmingCommitCancelsTheRollback() throws Exception {
        configureGateway();
        assertTrue(session.commit(CommitRequest.confirmed(1, "")).isSuccess());
        assertTrue(session.commit(CommitRequest.commit("confirm")).isSuccess());
        assertFalse(Files.exists(state.resolve("commit-confirm.pending")));
        engine.rollbackUnconfirmed(1);
        assertEquals(2, engine.activeCommit().sequence());
    }

    @Test
    void historyKeepsFiftyCommits() {
        for (int i = 0; i < 53; i++) {
            assertTrue(set("security ike proposal p1 lifetime-seconds " + (200 + i)).isSuccess());
            assertTrue(session.commit(CommitRequest.commit("c" + i)).isSuccess());
        }
        assertEquals(50, engine.history().size());
        assertEquals(53, engine.history().get(0).sequence());
        assertTrue(session.rollback(49).isSuccess());
        assertFalse(session.rollback(50).isSuccess());
    }

    @Test
    void projectionHasOneObjectPerConfiguredEntryWithDefaults() {
        configureGateway();
        assertTrue(set("security ike gateway gw1 dead-peer-detection always-send").isSuccess());
        assertTrue(session.commit(CommitRequest.commit("")).isSuccess());
        List<Projection.ConfiguredObject> objects = engine.projection();
        assertEquals(List.of("org.secplane.ike.proposal/p1", "org.secplane.ike.policy/pol1", "org.secplane.ike.gateway/gw1"),
                objects.stream().map(o -> o.factoryPid() + "/" + o.name()).collect(Collectors.toList()));
        var gateway = objects.get(2).properties();
        assertEquals("pol1", gateway.get("ike-policy"));
        assertArrayEquals(new String[] {"192.0.2.1"}, (String[]) gateway.get("address"));
        assertEquals(Boolean.TRUE, gateway.get("dead-peer-detection.always-send"));
        assertEquals("10", gateway.get("dead-peer-detection.interval"));
        assertEquals("security ike gateway gw1", gateway.get(Projection.PATH));
        assertEquals("28800", objects.get(0).properties().get("lifetime-seconds"));
        assertTrue(((String) objects.get(1).properties().get("pre-shared-key.ascii-text")).startsWith("$8$"));
    }

    @Test
    void completionOffersStatementsEnumValuesAndConfiguredNames() {
        configureGateway();
        List<String> words = session.complete(Words.split("security ike gateway gw1")).stream()
                .map(c -> c.word()).collect(Collectors.toList());
        assertEquals(List.of("ike-policy", "address", "dead-peer-detection", "local-identity", "external-interface"), words);
        List<String> groups = session.complete(Words.split("security ike proposal p1 dh-group")).stream()
                .map(c -> c.word()).collect(Collectors.toList());
        assertEquals(List.of("group1", "group2", "group5", "group14"), groups);
        List<String> policies = session.complete(Words.split("security ike gateway gw1 ike-policy")).stream()
                .map(c -> c.word()).collect(Collectors.toList());
        assertTrue(policies.contains("pol1"), policies.toString());
        List<String> proposals = session.complete(Words.split("security ike proposal")).stream()
                .map(c -> c.word()).collect(Collectors.toList());
        assertTrue(proposals.contains("p1"), proposals.toString());
    }
}
