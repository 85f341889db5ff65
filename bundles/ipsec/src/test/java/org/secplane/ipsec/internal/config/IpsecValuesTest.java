package org.secplane.ipsec.internal.config;

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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.config.CommitRequest;
import org.secplane.config.Outcome;
import org.secplane.config.schema.Container;
import org.secplane.config.schema.ListNode;
import org.secplane.config.schema.SchemaNode;

/** Ranges, enumerations, aliases and value types of {@code [edit security ipsec]} (ipsec-srx.md §6.1, §1.28). */
class IpsecValuesTest {

    @TempDir
    Path state;
    private Harness harness;

    @BeforeEach
    void open() throws Exception {
        harness = Harness.ipsec(state);
    }

    @AfterEach
    void close() {
        harness.close();
    }

    private static final String PROPOSAL = "security ipsec proposal ip1 ";
    private static final String POLICY = "security ipsec policy ipol ";
    private static final String VPN = "security ipsec vpn v1 ";
    private static final String MANUAL = "security ipsec vpn m1 manual ";

    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of(PROPOSAL + "lifetime-seconds", List.of("180", "86400"), List.of("179", "86401"),
                        "is not within range (180..86400)"),
                Arguments.of(PROPOSAL + "lifetime-kilobytes", List.of("64", "1048576"), List.of("63", "1048577"),
                        "is not within range (64..1048576)"),
                Arguments.of(VPN + "ike idle-time", List.of("60", "999999"), List.of("59", "1000000"),
                        "is not within range (60..999999)"),
                Arguments.of(VPN + "ike install-interval", List.of("0", "10"), List.of("11", "-1"), "(0..10)"),
                Arguments.of("security ipsec vpn-monitor-options interval", List.of("2", "3600"), List.of("1", "3601"),
                        "is not within range (2..3600)"),
                Arguments.of("security ipsec vpn-monitor-options threshold", List.of("1", "65536"),
                        List.of("0", "65537"), "is not within range (1..65536)"),
                Arguments.of(MANUAL + "spi", List.of("256", "16639"), List.of("255", "16640"),
                        "is not within range (256..16639)"));
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

    static Stream<Arguments> enumerations() {
        return Stream.of(
                Arguments.of(PROPOSAL + "authentication-algorithm", List.of("hmac-md5-96", "hmac-sha1-96",
                        "hmac-sha-256-128", "hmac-sha-384-192", "hmac-sha-512-256"),
                        List.of("sha1", "hmac-sha-256", "hmac-sha1")),
                Arguments.of(PROPOSAL + "encryption-algorithm", List.of("3des-cbc", "aes-128-cbc", "aes-192-cbc",
                        "aes-256-cbc", "des-cbc", "aes-128-gcm", "aes-192-gcm", "aes-256-gcm", "chacha20-poly1305"),
                        List.of("aes-128", "null", "3des")),
                Arguments.of(PROPOSAL + "protocol", List.of("ah", "esp"), List.of("bundle", "ESP")),
                Arguments.of(POLICY + "perfect-forward-secrecy keys", List.of("group1", "group2", "group5", "group14",
                        "group15", "group16", "group19", "group20", "group21", "group31"), List.of("group3", "group24")),
                Arguments.of(POLICY + "proposal-set", List.of("basic", "compatible", "standard"),
                        List.of("suiteb-gcm-128", "prime-256")),
                Arguments.of(VPN + "df-bit", List.of("clear", "copy", "set"), List.of("reset", "none")),
                Arguments.of(VPN + "establish-tunnels", List.of("immediately", "on-traffic"), List.of("on-demand")),
                Arguments.of(MANUAL + "protocol", List.of("ah", "esp"), List.of("bundle")),
                Arguments.of(MANUAL + "authentication algorithm", List.of("hmac-md5-96", "hmac-sha1-96",
                        "hmac-sha-256-128"), List.of("hmac-sha-384-192", "md5")),
                Arguments.of(MANUAL + "encryption algorithm", List.of("3des-cbc", "aes-128-cbc", "aes-192-cbc",
                        "aes-256-cbc", "des-cbc"), List.of("aes-128-gcm", "chacha20-poly1305")),
                Arguments.of("security ipsec traceoptions flag", List.of("all", "next-hop-tunnel-binding", "packet-drops",
                        "packet-processing", "security-associations"), List.of("ike", "timer")));
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

    @ParameterizedTest(name = "{0} {1} is shown as {2}")
    @CsvSource({
        "security ipsec proposal ip1 authentication-algorithm, hmac-sha-384, authentication-algorithm hmac-sha-384-192;",
        "security ipsec proposal ip1 authentication-algorithm, hmac-sha-512, authentication-algorithm hmac-sha-512-256;",
        "security ipsec vpn v1 ike proxy-identity service, all, service any;",
        "security ipsec vpn v1 ike proxy-identity service, any, service any;",
        "security ipsec vpn v1 ike proxy-identity service, junos-http, service junos-http;"})
    void aliasesAreAcceptedAndShownInTheirCanonicalSpelling(String statement, String typed, String shown) {
        assertTrue(harness.set(statement + " " + typed).isSuccess());
        String text = harness.show("security ipsec");
        assertTrue(text.contains(shown), text);
    }

    static Stream<Arguments> valueTypes() {
        return Stream.of(
                Arguments.of(VPN + "bind-interface", List.of("st0.0", "st0.16"), List.of("st0"), "needs a logical unit"),
                Arguments.of(VPN + "ike proxy-identity local", List.of("10.10.10.0/24", "1212::/64", "10.1.1.1"),
                        List.of("10.10.10.0/33", "any"), "'local'"),
                Arguments.of(VPN + "vpn-monitor destination-ip", List.of("192.168.168.1", "1111::1"),
                        List.of("10.0.0.0/8"), "'destination-ip'"),
                Arguments.of(MANUAL + "gateway", List.of("1212::1112", "2.2.2.2"), List.of("1212::1112/64", "host"),
                        "'gateway'"),
                Arguments.of(MANUAL + "authentication key hexadecimal", List.of("0123abcd"), List.of("0123xyz"),
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
            Outcome outcome = harness.set(statement + " " + value);
            assertFalse(outcome.isSuccess(), statement + " " + value + " must be rejected");
            assertTrue(outcome.toString().contains(message), outcome.toString());
        }
    }

    @Test
    void manualBlocksTakeAlgorithmAndKeyInOneCommandAndShowAsBlocksWithObfuscatedKeys() {
        assertTrue(harness.set(MANUAL + "spi 12435").isSuccess());
        assertTrue(harness.set(MANUAL + "authentication algorithm hmac-md5-96 key ascii-text 1111111111111111").isSuccess());
        assertTrue(harness.set(MANUAL + "encryption algorithm 3des-cbc key ascii-text 111111111111111111111111").isSuccess());
        String shown = harness.show("security ipsec vpn m1");
        assertTrue(shown.contains("spi 12435;\n    authentication {\n        algorithm hmac-md5-96;\n        key ascii-text \"$9$"),
                shown);
        assertTrue(shown.contains("\"; ## SECRET-DATA\n    }\n    encryption {\n        algorithm 3des-cbc;"), shown);
        assertFalse(shown.contains("1111"), shown);
    }

    @Test
    void vpnMonitorOptionsTakeBothValuesInOneCommandAndVpnMonitorAloneIsKept() {
        assertTrue(harness.set("security ipsec vpn-monitor-options interval 15 threshold 15").isSuccess());
        assertTrue(harness.set(VPN + "vpn-monitor").isSuccess());
        String shown = harness.show("security ipsec");
        assertTrue(shown.contains("vpn-monitor-options {\n    interval 15;\n    threshold 15;\n}"), shown);
        assertTrue(shown.contains("vpn-monitor;"), shown);
    }

    @Test
    void everyStatementHasHelpAndEveryObjectAFactoryPid() {
        List<String> missingHelp = new ArrayList<>();
        walk(IpsecSchema.ipsec(), "security ipsec", missingHelp);
        assertEquals(List.of(), missingHelp);
        for (var node : IpsecSchema.ipsec().children()) {
            String pid = node instanceof ListNode ? ((ListNode) node).pid() : ((Container) node).pid();
            assertTrue(pid != null && pid.startsWith("org.secplane.ipsec."), node.name());
        }
    }

    private static void walk(SchemaNode<?> node, String path, List<String> missingHelp) {
        if (node.help().isBlank()) {
            missingHelp.add(path);
        }
        Container block = node instanceof Container ? (Container) node
                : node instanceof ListNode ? ((ListNode) node).entry() : null;
        if (block != null) {
            for (var child : block.children()) {
                walk(child, path + " " + child.name(), missingHelp);
            }
        }
    }

    @Test
    void defaultsAppearInTheProjection() {
        harness.apply(IpsecChecksTest.BASE);
        harness.apply(List.of("security ipsec vpn-monitor-options interval 15", VPN + "ike proxy-identity local 10.0.0.0/8"));
        assertTrue(harness.session.commit(CommitRequest.commit("")).isSuccess());
        boolean vpnSeen = false;
        for (var object : harness.engine.projection()) {
            var properties = object.properties();
            switch (object.factoryPid()) {
                case "org.secplane.ipsec.proposal":
                    assertEquals("3600", properties.get("lifetime-seconds"));
                    assertEquals("esp", properties.get("protocol"));
                    assertFalse(properties.containsKey("lifetime-kilobytes"), "unlimited when absent");
                    break;
                case "org.secplane.ipsec.vpn":
                    vpnSeen = true;
                    assertEquals("clear", properties.get("df-bit"));
                    assertEquals("on-traffic", properties.get("establish-tunnels"));
                    assertEquals("1", properties.get("ike.install-interval"));
                    assertEquals("any", properties.get("ike.proxy-identity.service"));
                    assertFalse(properties.containsKey("ike.idle-time"), "disabled when absent");
                    break;
                case "org.secplane.ipsec.vpn-monitor-options":
                    assertEquals("15", properties.get("interval"));
                    assertEquals("10", properties.get("threshold"));
                    break;
                default:
                    break;
            }
        }
        assertTrue(vpnSeen);
    }
}
