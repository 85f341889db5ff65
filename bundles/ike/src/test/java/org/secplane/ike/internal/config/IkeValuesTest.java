package org.secplane.ike.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.config.CommitRequest;
import org.secplane.config.Outcome;
import org.secplane.config.Words;
import org.secplane.config.schema.Container;
import org.secplane.config.schema.ListNode;
import org.secplane.config.schema.SchemaNode;

/** Ranges, enumerations and value types of {@code [edit security ike]} (ipsec-srx.md §6.1, §1.28). */
class IkeValuesTest {

    @TempDir
    Path state;
    private Harness harness;

    @BeforeEach
    void open() throws Exception {
        harness = Harness.ike(state);
    }

    @AfterEach
    void close() {
        harness.close();
    }

    private static final String PROPOSAL = "security ike proposal p1 ";
    private static final String POLICY = "security ike policy pol1 ";
    private static final String GATEWAY = "security ike gateway gw1 ";

    /** statement prefix, values accepted, values rejected, text of the rejection. */
    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of(PROPOSAL + "lifetime-seconds", List.of("180", "86400"), List.of("179", "86401"),
                        "is not within range (180..86400)"),
                Arguments.of(GATEWAY + "dead-peer-detection interval", List.of("0", "60"), List.of("61", "-1"),
                        "(0..60)"),
                Arguments.of(GATEWAY + "dead-peer-detection threshold", List.of("1", "5"), List.of("0", "6"),
                        "is not within range (1..5)"),
                Arguments.of(GATEWAY + "nat-keepalive", List.of("1", "300"), List.of("0", "301"),
                        "is not within range (1..300)"),
                Arguments.of("security ike respond-bad-spi", List.of("1", "30"), List.of("0", "31"),
                        "is not within range (1..30)"),
                Arguments.of("security ike traceoptions file kmd files", List.of("2", "1000"), List.of("1", "1001"),
                        "is not within range (2..1000)"),
                Arguments.of("security ike traceoptions file kmd size", List.of("10k", "10240", "1g", "1073741824"),
                        List.of("9k", "10239", "2g"), "is not within range (10240..1073741824 bytes)"),
                Arguments.of("security ike traceoptions rate-limit", List.of("0", "4294967295"), List.of("4294967296"),
                        "is not within range (0..4294967295)"),
                Arguments.of(GATEWAY + "dynamic connections-limit", List.of("1", "10000"), List.of("0", "10001"),
                        "is not within range (1..10000)"));
    }

    @ParameterizedTest(name = "{0}: {1} accepted, {2} rejected")
    @MethodSource("ranges")
    void rangeBoundariesAreAcceptedInsideAndRejectedOutside(String statement, List<String> accepted,
            List<String> rejected, String message) {
        for (String value : accepted) {
            Outcome outcome = harness.set(statement + " " + value);
            assertTrue(outcome.isSuccess(), statement + " " + value + ": " + outcome);
        }
        for (String value : rejected) {
            Outcome outcome = harness.set(statement + " " + value);
            assertFalse(outcome.isSuccess(), statement + " " + value);
            assertTrue(outcome.toString().contains(message), outcome.toString());
        }
    }

    /** statement, every accepted keyword, keywords that must be rejected. */
    static Stream<Arguments> enumerations() {
        return Stream.of(
                Arguments.of(PROPOSAL + "authentication-algorithm", List.of("md5", "sha1", "sha-256", "sha-384", "sha-512"),
                        List.of("sha256", "sha-1", "hmac-sha1-96")),
                Arguments.of(PROPOSAL + "authentication-method", List.of("dsa-signatures", "pre-shared-keys",
                        "rsa-signatures", "ecdsa-signatures-256", "ecdsa-signatures-384"),
                        List.of("pre-shared-key", "ecdsa-signatures-521", "certificates")),
                Arguments.of(PROPOSAL + "dh-group", List.of("group1", "group2", "group5", "group14", "group15", "group16",
                        "group19", "group20", "group21", "group31"), List.of("group3", "group24", "group")),
                Arguments.of(PROPOSAL + "encryption-algorithm", List.of("3des-cbc", "aes-128-cbc", "aes-192-cbc",
                        "aes-256-cbc", "des-cbc", "aes-128-gcm", "aes-256-gcm"),
                        List.of("aes-128", "aes-192-gcm", "null", "chacha20-poly1305")),
                Arguments.of(POLICY + "proposal-set", List.of("basic", "compatible", "standard"),
                        List.of("suiteb-gcm-128", "prime-128")),
                Arguments.of(POLICY + "mode", List.of("aggressive", "main"), List.of("quick", "ikev2")),
                Arguments.of(POLICY + "certificate peer-certificate-type", List.of("pkcs7", "x509-signature"),
                        List.of("x509", "pem")),
                Arguments.of(POLICY + "certificate trusted-ca", List.of("use-all", "0", "7"), List.of("all", "-1")),
                Arguments.of(GATEWAY + "version", List.of("v1-only", "v2-only"), List.of("v2", "v1")),
                Arguments.of(GATEWAY + "dynamic ike-user-type", List.of("group-ike-id", "shared-ike-id"),
                        List.of("group", "user-ike-id")),
                Arguments.of("security ike traceoptions flag", List.of("all", "certificates", "config", "database",
                        "general", "high-availability", "ike", "next-hop-tunnels", "parse", "policy-manager",
                        "routing-socket", "thread", "timer"), List.of("packet-drops", "kmd")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enumerations")
    void enumerationsAcceptExactlyTheirKeywords(String statement, List<String> accepted, List<String> rejected) {
        for (String value : accepted) {
            Outcome outcome = harness.set(statement + " " + value);
            assertTrue(outcome.isSuccess(), statement + " " + value + ": " + outcome);
        }
        for (String value : rejected) {
            Outcome outcome = harness.set(statement + " " + value);
            assertFalse(outcome.isSuccess(), statement + " " + value + " must be rejected");
            assertTrue(outcome.toString().contains("invalid value '" + value + "'"), outcome.toString());
        }
    }

    @Test
    void preSharedKeyAsAuthenticationMethodIsTheDocTypoAndRejected() {
        Outcome outcome = harness.set(PROPOSAL + "authentication-method pre-shared-key");
        assertEquals("error: [edit security ike proposal p1] 'authentication-method': invalid value 'pre-shared-key', "
                + "expecting one of (dsa-signatures | ecdsa-signatures-256 | ecdsa-signatures-384 | pre-shared-keys | "
                + "rsa-signatures)", outcome.toString());
    }

    /** statement, accepted values, rejected values with the text of the rejection. */
    static Stream<Arguments> valueTypes() {
        return Stream.of(
                Arguments.of(GATEWAY + "address", List.of("2.2.2.2", "1111::1112", "peer.example.net"),
                        List.of("1111::1112/64", "10.0.0.0/8"), "is a prefix; expecting an IP address or host name"),
                Arguments.of(GATEWAY + "external-interface", List.of("ge-0/0/3.0", "lo0.0"), List.of("ge-0/0/3"),
                        "needs a logical unit"),
                Arguments.of(GATEWAY + "local-identity inet", List.of("11.11.11.11"), List.of("1111::1", "host"),
                        "'inet'"),
                Arguments.of(GATEWAY + "local-identity inet6", List.of("1111::1"), List.of("11.11.11.11"), "'inet6'"),
                Arguments.of(GATEWAY + "local-identity user-at-hostname", List.of("branch_natt1@juniper.net"),
                        List.of("juniper.net"), "invalid e-mail address"),
                Arguments.of(GATEWAY + "remote-identity hostname", List.of("ssg5.example.net"), List.of("bad host"),
                        "invalid host name"),
                Arguments.of(GATEWAY + "dynamic inet6", List.of("1212::1"), List.of("1.2.3.4"), "'inet6'"),
                Arguments.of(POLICY + "pre-shared-key hexadecimal", List.of("0102030abbcd", "0x0102"), List.of("xyz"),
                        "invalid hexadecimal key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueTypes")
    void valueTypesAcceptWellFormedValuesOnly(String statement, List<String> accepted, List<String> rejected,
            String message) {
        for (String value : accepted) {
            Outcome outcome = harness.set(statement + " " + value);
            assertTrue(outcome.isSuccess(), statement + " " + value + ": " + outcome);
        }
        for (String value : rejected) {
            Outcome outcome = harness.set(statement + " \"" + value + "\"");
            assertFalse(outcome.isSuccess(), statement + " " + value + " must be rejected");
            assertTrue(outcome.toString().contains(message), outcome.toString());
        }
    }

    @Test
    void respondBadSpiWithoutValueMeansFiveAndTracefileTakesItsOptionsOnOneLine() {
        assertTrue(harness.set("security ike respond-bad-spi").isSuccess());
        assertTrue(harness.set("security ike traceoptions file \"kmd-trace\" files 3 size 1m world-readable match ike")
                .isSuccess());
        assertTrue(harness.set("security ike traceoptions file no-world-readable").isSuccess());
        String shown = harness.show("security ike");
        assertTrue(shown.contains("respond-bad-spi;"), shown);
        assertTrue(shown.contains("file kmd-trace files 3 match ike no-world-readable size 1m;"), shown);
    }

    @Test
    void identitiesAreOneChoiceShownOnOneLine() {
        assertTrue(harness.set(GATEWAY + "local-identity inet 11.11.11.11").isSuccess());
        assertTrue(harness.set(GATEWAY + "local-identity user-at-hostname a@b.net").isSuccess());
        assertTrue(harness.set(GATEWAY + "remote-identity distinguished-name container O=Juniper wildcard CN=*").isSuccess());
        String shown = harness.show("security ike gateway gw1");
        assertTrue(shown.contains("local-identity user-at-hostname a@b.net;"), shown);
        assertFalse(shown.contains("inet 11.11.11.11"), shown);
        assertTrue(shown.contains("remote-identity {\n    distinguished-name {\n        container O=Juniper;\n"
                + "        wildcard CN=*;\n    }\n}"), shown);
    }

    @Test
    void presenceContainersAreKeptAndShownWhenEmpty() {
        assertTrue(harness.set(GATEWAY + "dead-peer-detection").isSuccess());
        assertTrue(harness.set(GATEWAY + "remote-identity distinguished-name").isSuccess());
        String shown = harness.show("security ike gateway gw1");
        assertTrue(shown.contains("dead-peer-detection;"), shown);
        assertTrue(shown.contains("distinguished-name;"), shown);
        assertTrue(harness.set(GATEWAY + "dead-peer-detection interval 20 threshold 3").isSuccess());
        assertTrue(harness.session.delete(Words.split(GATEWAY + "dead-peer-detection interval")).isSuccess());
        assertTrue(harness.session.delete(Words.split(GATEWAY + "dead-peer-detection threshold")).isSuccess());
        assertTrue(harness.show("security ike gateway gw1").contains("dead-peer-detection;"));
    }

    @Test
    void preSharedKeyIsObfuscatedAndAlreadyObfuscatedInputIsKept() {
        assertTrue(harness.set(POLICY + "pre-shared-key ascii-text 395psksecr3t").isSuccess());
        String shown = harness.show("security ike policy pol1");
        assertTrue(shown.contains("pre-shared-key ascii-text \"$9$"), shown);
        assertTrue(shown.contains("## SECRET-DATA"), shown);
        assertFalse(shown.contains("395psksecr3t"), shown);
        // E4's PSK, typed in obfuscated form: "juniper"
        assertTrue(harness.set(POLICY + "pre-shared-key ascii-text \"$9$xFU-b2ZUH5Qn4aQn/CB17-V\"").isSuccess());
        assertTrue(harness.set(POLICY + "pre-shared-key hexadecimal 0102030abbcd").isSuccess());
        assertFalse(harness.show("security ike policy pol1").contains("ascii-text"), "choice replaces the other form");
    }

    @Test
    void defaultsAppearInTheProjection() {
        harness.apply(IkeChecksTest.BASE);
        harness.apply(List.of(GATEWAY + "dead-peer-detection always-send", "security ike traceoptions flag ike"));
        assertTrue(harness.session.commit(CommitRequest.commit("")).isSuccess());
        List<String> objects = new ArrayList<>();
        for (var object : harness.engine.projection()) {
            objects.add(object.factoryPid() + "/" + object.name());
            var properties = object.properties();
            switch (object.factoryPid()) {
                case "org.secplane.ike.proposal":
                    assertEquals("28800", properties.get("lifetime-seconds"));
                    break;
                case "org.secplane.ike.policy":
                    assertEquals("main", properties.get("mode"));
                    break;
                case "org.secplane.ike.gateway":
                    assertEquals("v1-only", properties.get("version"));
                    assertEquals("5", properties.get("nat-keepalive"));
                    assertEquals("10", properties.get("dead-peer-detection.interval"));
                    assertEquals("5", properties.get("dead-peer-detection.threshold"));
                    break;
                default:
                    break;
            }
        }
        assertTrue(objects.containsAll(List.of("org.secplane.ike.proposal/p1", "org.secplane.ike.policy/pol1",
                "org.secplane.ike.gateway/gw1", "org.secplane.ike.traceoptions/traceoptions")), objects.toString());
    }

    @Test
    void everyStatementHasHelpAndEveryObjectListAFactoryPid() {
        List<String> missingHelp = new ArrayList<>();
        walk(IkeSchema.ike(), "security ike", missingHelp);
        assertEquals(List.of(), missingHelp);
        for (var node : IkeSchema.ike().children()) {
            if (node instanceof ListNode) {
                assertTrue(((ListNode) node).pid().startsWith("org.secplane.ike."), node.name());
            }
        }
    }

    private static void walk(SchemaNode<?> node, String path, List<String> missingHelp) {
        if (node.help().isBlank()) {
            missingHelp.add(path);
        }
        Container block = node instanceof Container
                ? (Container) node
                : node instanceof ListNode ? ((ListNode) node).entry()
                : null;
        if (block != null) {
            for (var child : block.children()) {
                walk(child, path + " " + child.name(), missingHelp);
            }
        }
    }

    @Test
    void helpTextAndCompletionComeFromTheSchema() {
        var completions = harness.session.complete(Words.split("security ike gateway gw1"));
        assertTrue(completions.stream().allMatch(c -> !c.help().isEmpty()), "every statement has help");
        var groups = harness.session.complete(Words.split(PROPOSAL + "dh-group"));
        assertTrue(groups.stream().anyMatch(c -> c.word().equals("group31")), groups.toString());
    }
}
