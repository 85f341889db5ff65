package org.secplane.ipsec.internal.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.config.Outcome;

/**
 * The commit checks of {@code [edit security ipsec]}: each with a configuration that passes and one that
 * fails (ipsec-srx.md §6.1-12, §6.3; decisions D-04, D-05, D-07, D-08, D-18, D-22, D-37, D-58, D-60, D-64).
 */
class IpsecChecksTest {

    @TempDir
    Path state;

    /** E1's IKE and IPsec part, route-based on st0.0: commits without warnings. */
    static final List<String> BASE = List.of(
            "interfaces ge-0/0/3 unit 0 family inet address 1.1.1.2/30",
            "interfaces st0 unit 0 family inet address 10.11.11.10/24",
            "security zones security-zone untrust interfaces ge-0/0/3.0",
            "security zones security-zone untrust host-inbound-traffic system-services ike",
            "security ike proposal p1 authentication-method pre-shared-keys",
            "security ike proposal p1 dh-group group2",
            "security ike proposal p1 authentication-algorithm sha1",
            "security ike proposal p1 encryption-algorithm aes-128-cbc",
            "security ike policy pol1 mode main",
            "security ike policy pol1 proposals p1",
            "security ike policy pol1 pre-shared-key ascii-text 395psksecr3t",
            "security ike gateway gw1 ike-policy pol1",
            "security ike gateway gw1 address 2.2.2.2",
            "security ike gateway gw1 external-interface ge-0/0/3.0",
            "security ipsec proposal ip1 protocol esp",
            "security ipsec proposal ip1 authentication-algorithm hmac-sha1-96",
            "security ipsec proposal ip1 encryption-algorithm aes-128-cbc",
            "security ipsec policy ipol proposals ip1",
            "security ipsec policy ipol perfect-forward-secrecy keys group2",
            "security ipsec vpn v1 bind-interface st0.0",
            "security ipsec vpn v1 ike gateway gw1",
            "security ipsec vpn v1 ike ipsec-policy ipol");

    /** E8's manual VPN, on a configured interface, with a sound 3DES key. */
    static final List<String> MANUAL = List.of(
            "interfaces ge-0/0/14 unit 0 family inet6 address 1212::1111/64",
            "security ipsec vpn m1 manual authentication algorithm hmac-md5-96 key ascii-text 0123456789abcdef",
            "security ipsec vpn m1 manual encryption algorithm 3des-cbc key ascii-text abcdefghijklmnopqrstuvwx",
            "security ipsec vpn m1 manual external-interface ge-0/0/14.0",
            "security ipsec vpn m1 manual gateway 1212::1112",
            "security ipsec vpn m1 manual protocol esp",
            "security ipsec vpn m1 manual spi 12435");

    private static final String PROPOSAL = "security ipsec proposal ip1 ";
    private static final String M1 = "security ipsec vpn m1 manual ";

    private static List<String> with(List<String> first, String... more) {
        List<String> lines = new ArrayList<>(first);
        lines.addAll(List.of(more));
        return lines;
    }

    private static List<String> ipsecProposals(String... names) {
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            lines.add("security ipsec proposal " + name + " encryption-algorithm aes-256-cbc");
            lines.add("security ipsec proposal " + name + " authentication-algorithm hmac-sha-256-128");
        }
        return lines;
    }

    private static List<String> both(List<String> first, List<String> second, String... more) {
        List<String> lines = new ArrayList<>(first);
        lines.addAll(second);
        lines.addAll(List.of(more));
        return lines;
    }

    private static Arguments ok(String behaviour, List<String> lines) {
        return Arguments.of(behaviour, lines, null, null);
    }

    private static Arguments error(String behaviour, List<String> lines, String text) {
        return Arguments.of(behaviour, lines, "error", text);
    }

    private static Arguments warning(String behaviour, List<String> lines, String text) {
        return Arguments.of(behaviour, lines, "warning", text);
    }

    static Stream<Arguments> checks() {
        return Stream.of(
                ok("clean route-based VPN commits without warnings", BASE),
                ok("clean manual VPN commits without warnings", MANUAL),
                // D-07
                error("IPsec policy with proposal-set and proposals is rejected",
                        with(BASE, "security ipsec policy ipol proposal-set standard"),
                        "[edit security ipsec policy ipol]\n  'proposal-set standard'\n    error: 'proposal-set' and "
                                + "'proposals' are mutually exclusive: IPsec policy 'ipol' must use either a predefined "
                                + "proposal set or its own proposals"),
                ok("IPsec policy with proposal-set only commits",
                        with(BASE, "delete security ipsec policy ipol proposals",
                                "security ipsec policy ipol proposal-set standard")),
                error("IPsec policy with neither proposals nor proposal-set is rejected",
                        with(BASE, "delete security ipsec policy ipol proposals"),
                        "error: IPsec policy 'ipol' needs 'proposals' or 'proposal-set'"),
                // D-08
                ok("IPsec policy with 4 proposals commits", both(BASE, ipsecProposals("a", "b", "c"),
                        "security ipsec policy ipol proposals [ a b c ]")),
                error("IPsec policy with 5 proposals is rejected", both(BASE, ipsecProposals("a", "b", "c", "d"),
                        "security ipsec policy ipol proposals [ a b c d ]"),
                        "error: 'proposals' takes at most 4 values, 5 are configured"),
                // D-64 proposals
                error("AH proposal with an encryption algorithm is rejected",
                        with(BASE, PROPOSAL + "protocol ah"),
                        "[edit security ipsec proposal ip1]\n  'encryption-algorithm aes-128-cbc'\n    error: protocol ah "
                                + "authenticates only: 'encryption-algorithm' is not allowed in IPsec proposal 'ip1'"),
                error("AH proposal without an authentication algorithm is rejected",
                        with(BASE, PROPOSAL + "protocol ah", "delete " + PROPOSAL + "encryption-algorithm",
                                "delete " + PROPOSAL + "authentication-algorithm"),
                        "error: IPsec proposal 'ip1' uses protocol ah, which needs 'authentication-algorithm'"),
                ok("AH proposal with authentication only commits",
                        with(BASE, PROPOSAL + "protocol ah", "delete " + PROPOSAL + "encryption-algorithm")),
                error("ESP proposal with no algorithm is rejected",
                        with(BASE, "delete " + PROPOSAL + "encryption-algorithm",
                                "delete " + PROPOSAL + "authentication-algorithm"),
                        "error: IPsec proposal 'ip1' (protocol esp) needs 'encryption-algorithm', "
                                + "'authentication-algorithm' or both"),
                ok("ESP proposal with encryption only commits (protocol defaults to esp)",
                        with(BASE, "delete " + PROPOSAL + "authentication-algorithm", "delete " + PROPOSAL + "protocol")),
                error("AEAD cipher with an authentication algorithm is rejected",
                        with(BASE, PROPOSAL + "encryption-algorithm aes-256-gcm"),
                        "[edit security ipsec proposal ip1]\n  'authentication-algorithm hmac-sha1-96'\n    error: "
                                + "encryption-algorithm aes-256-gcm authenticates the packets itself (AEAD): "
                                + "'authentication-algorithm' is not allowed in IPsec proposal 'ip1'"),
                ok("AEAD cipher alone commits",
                        with(BASE, PROPOSAL + "encryption-algorithm chacha20-poly1305",
                                "delete " + PROPOSAL + "authentication-algorithm")),
                // D-64 vpn
                error("VPN with both ike and manual is rejected",
                        with(both(BASE, MANUAL), "security ipsec vpn m1 ike gateway gw1",
                                "security ipsec vpn m1 ike ipsec-policy ipol"),
                        "[edit security ipsec vpn m1]\n  'manual'\n    error: IPsec VPN 'm1' is keyed either by IKE "
                                + "('ike') or manually ('manual'), not both"),
                error("VPN with neither ike nor manual is rejected",
                        with(BASE, "security ipsec vpn v2 df-bit copy"),
                        "error: IPsec VPN 'v2' needs 'ike' (AutoKey IKE) or 'manual' (manual SA)"),
                error("IKE VPN without gateway is rejected",
                        with(BASE, "delete security ipsec vpn v1 ike gateway"),
                        "error: Missing mandatory statement: 'gateway'"),
                error("IKE VPN without ipsec-policy is rejected",
                        with(BASE, "delete security ipsec vpn v1 ike ipsec-policy"),
                        "error: Missing mandatory statement: 'ipsec-policy'"),
                // D-58
                error("IKE VPN naming an IP address as gateway is rejected with an explanation",
                        with(BASE, "security ipsec vpn v1 ike gateway 2.2.2.2"),
                        "error: 'gateway' takes the name of an IKE gateway ([edit security ike gateway]), not an IP "
                                + "address: define an IKE gateway with 'address 2.2.2.2' and name it here"),
                error("IKE VPN naming an undefined gateway is rejected",
                        with(BASE, "security ipsec vpn v1 ike gateway gw9"),
                        "error: security ike gateway 'gw9' is not defined"),
                error("IKE VPN naming an undefined IPsec policy is rejected",
                        with(BASE, "security ipsec vpn v1 ike ipsec-policy nothere"),
                        "error: security ipsec policy 'nothere' is not defined"),
                // D-18
                error("vpn-monitor with dead-peer-detection on the VPN's gateway is rejected",
                        with(BASE, "security ipsec vpn v1 vpn-monitor optimized",
                                "security ike gateway gw1 dead-peer-detection interval 10"),
                        "[edit security ipsec vpn v1]\n  'vpn-monitor'\n    error: vpn-monitor cannot be used with "
                                + "dead-peer-detection: IKE gateway 'gw1' of IPsec VPN 'v1' has dead-peer-detection"),
                error("vpn-monitor alone with dead-peer-detection alone on the VPN's gateway is rejected",
                        with(BASE, "security ipsec vpn v1 vpn-monitor", "security ike gateway gw1 dead-peer-detection"),
                        "error: vpn-monitor cannot be used with dead-peer-detection"),
                ok("vpn-monitor without dead-peer-detection commits",
                        with(BASE, "security ipsec vpn v1 vpn-monitor optimized",
                                "security ipsec vpn v1 vpn-monitor source-interface ge-0/0/3.0",
                                "security ipsec vpn v1 vpn-monitor destination-ip 192.168.168.1",
                                "security ipsec vpn-monitor-options interval 15 threshold 15")),
                // D-22
                error("bind-interface naming a non-st0 interface is rejected",
                        with(BASE, "security ipsec vpn v1 bind-interface ge-0/0/3.0"),
                        "error: bind-interface must name a secure tunnel interface unit (st0.N), not ge-0/0/3.0"),
                error("bind-interface naming an unconfigured st0 unit is rejected",
                        with(BASE, "security ipsec vpn v1 bind-interface st0.5"),
                        "error: bind-interface st0.5 is not a configured interface unit (interfaces st0 unit 5)"),
                error("two VPNs bound to a point-to-point st0 unit are rejected",
                        with(BASE, "security ike gateway gw2 ike-policy pol1", "security ike gateway gw2 address 3.3.3.2",
                                "security ike gateway gw2 external-interface ge-0/0/3.0",
                                "security ipsec vpn v2 ike gateway gw2", "security ipsec vpn v2 ike ipsec-policy ipol",
                                "security ipsec vpn v2 bind-interface st0.0"),
                        "error: st0.0 is bound to IPsec VPNs v1, v2; several VPNs can share an st0 unit only when it is "
                                + "point-to-multipoint (interfaces st0 unit 0 multipoint)"),
                ok("two VPNs bound to a multipoint st0 unit commit",
                        with(BASE, "security ike gateway gw2 ike-policy pol1", "security ike gateway gw2 address 3.3.3.2",
                                "security ike gateway gw2 external-interface ge-0/0/3.0",
                                "security ipsec vpn v2 ike gateway gw2", "security ipsec vpn v2 ike ipsec-policy ipol",
                                "security ipsec vpn v2 bind-interface st0.0", "interfaces st0 unit 0 multipoint")),
                // proxy identity
                error("proxy-identity mixing IPv4 and IPv6 is rejected",
                        with(BASE, "security ipsec vpn v1 ike proxy-identity local 10.10.10.0/24",
                                "security ipsec vpn v1 ike proxy-identity remote 1111::/64"),
                        "error: proxy-identity local 10.10.10.0/24 and remote 1111::/64 must be of the same address "
                                + "family"),
                ok("proxy-identity of one family with service all commits",
                        with(BASE, "security ipsec vpn v1 ike proxy-identity local 10.10.10.0/24",
                                "security ipsec vpn v1 ike proxy-identity remote 192.168.168.0/24",
                                "security ipsec vpn v1 ike proxy-identity service all")),
                // manual SA protocol rules
                error("manual AH SA with encryption is rejected", with(MANUAL, M1 + "protocol ah"),
                        "[edit security ipsec vpn m1 manual]\n  'encryption'\n    error: protocol ah authenticates only: "
                                + "'encryption' is not allowed"),
                ok("manual AH SA with authentication only commits",
                        with(MANUAL, M1 + "protocol ah", "delete " + M1 + "encryption")),
                error("manual AH SA without authentication is rejected",
                        with(MANUAL, M1 + "protocol ah", "delete " + M1 + "encryption", "delete " + M1 + "authentication"),
                        "error: a manual SA with protocol ah needs 'authentication'"),
                error("manual ESP SA without authentication and encryption is rejected",
                        with(MANUAL, "delete " + M1 + "encryption", "delete " + M1 + "authentication"),
                        "error: a manual SA with protocol esp needs 'encryption', 'authentication' or both"),
                error("manual block without a key is rejected",
                        with(MANUAL, "delete " + M1 + "encryption key"),
                        "[edit security ipsec vpn m1 manual]\n  'encryption'\n    error: 'key' is missing: 'encryption' "
                                + "needs the algorithm and its key"),
                error("manual block without an algorithm is rejected",
                        with(MANUAL, "delete " + M1 + "authentication algorithm"),
                        "error: Missing mandatory statement: 'algorithm'"),
                error("manual SA without spi is rejected", with(MANUAL, "delete " + M1 + "spi"),
                        "error: Missing mandatory statement: 'spi'"),
                error("manual SA without external-interface is rejected",
                        with(MANUAL, "delete " + M1 + "external-interface"),
                        "error: Missing mandatory statement: 'external-interface'"),
                warning("manual SA on an unconfigured interface gives a warning",
                        with(MANUAL, "delete interfaces ge-0/0/14"),
                        "[edit security ipsec vpn m1 manual]\n  'external-interface ge-0/0/14.0'\n    warning: "
                                + "external-interface ge-0/0/14.0 is not a configured interface unit: the manual SA "
                                + "carries no traffic until it is"),
                // D-04
                warning("3DES key with K1 = K2 gives a warning",
                        with(MANUAL, M1 + "encryption key ascii-text abcdefghabcdefghijklmnop"),
                        "[edit security ipsec vpn m1 manual encryption key]\n  'ascii-text'\n    warning: the 3des-cbc key "
                                + "has equal 8-byte parts (K1 = K2): triple DES degenerates to single DES"),
                warning("3DES key with K2 = K3 (hexadecimal) gives a warning",
                        with(MANUAL, M1 + "encryption key hexadecimal "
                                + "0123456789abcdef1122334455667788112233445566778"  + "8"),
                        "(K2 = K3)"),
                warning("E8's all-ones 3DES key gives a warning",
                        with(MANUAL, M1 + "encryption key ascii-text 111111111111111111111111"), "(K1 = K2 = K3)"),
                // D-60
                error("two manual SAs with the same interface, protocol and SPI are rejected",
                        with(MANUAL, "security ipsec vpn m2 manual authentication algorithm hmac-sha1-96 key ascii-text "
                                + "abcdefghij0123456789", "security ipsec vpn m2 manual external-interface ge-0/0/14.0",
                                "security ipsec vpn m2 manual gateway 1212::1113", "security ipsec vpn m2 manual spi 12435"),
                        "error: IPsec VPNs 'm1' and 'm2' use the same manual SA (external-interface, protocol, spi 12435)"),
                ok("two manual SAs with different SPIs commit",
                        with(MANUAL, "security ipsec vpn m2 manual authentication algorithm hmac-sha1-96 key ascii-text "
                                + "abcdefghij0123456789", "security ipsec vpn m2 manual external-interface ge-0/0/14.0",
                                "security ipsec vpn m2 manual gateway 1212::1113", "security ipsec vpn m2 manual spi 12436")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void commitCheck(String behaviour, List<String> lines, String severity, String text) throws Exception {
        try (Harness harness = Harness.ipsec(state)) {
            harness.apply(lines);
            Outcome outcome = harness.check();
            String output = outcome.toString();
            if (severity == null) {
                assertTrue(outcome.isSuccess(), output);
                assertFalse(output.contains("warning:"), output);
            } else if (severity.equals("warning")) {
                assertTrue(outcome.isSuccess(), output);
                assertTrue(output.contains(text), output);
            } else {
                assertFalse(outcome.isSuccess(), output);
                assertTrue(output.contains(text), output);
            }
        }
    }

    private static final String KEY_TEXT = "k3Y!p4ss-W0rd_9x7Q2mZ#tR8vL1nB5cH6gJ0aE4";

    /** D-05: every manual algorithm takes exactly its key length, as ASCII text or as hexadecimal digits. */
    @ParameterizedTest(name = "{0} {1}: {2} bytes")
    @CsvSource({
        "authentication, hmac-md5-96, 16",
        "authentication, hmac-sha1-96, 20",
        "authentication, hmac-sha-256-128, 32",
        "encryption, des-cbc, 8",
        "encryption, 3des-cbc, 24",
        "encryption, aes-128-cbc, 16",
        "encryption, aes-192-cbc, 24",
        "encryption, aes-256-cbc, 32"})
    void manualKeysMustHaveTheLengthOfTheirAlgorithm(String block, String algorithm, int bytes) throws Exception {
        String prefix = M1 + block + " algorithm " + algorithm + " key ";
        String ascii = KEY_TEXT.substring(0, bytes);
        String hex = HexFormat.of().formatHex(ascii.getBytes(StandardCharsets.US_ASCII));
        String expected = algorithm + " needs a key of " + bytes + " ASCII characters or " + 2 * bytes
                + " hexadecimal digits; this ";
        assertKey(with(MANUAL, prefix + "ascii-text \"" + ascii + "\""), null);
        assertKey(with(MANUAL, prefix + "hexadecimal " + hex), null);
        assertKey(with(MANUAL, prefix + "hexadecimal 0x" + hex.toUpperCase()), null);
        assertKey(with(MANUAL, prefix + "ascii-text \"" + ascii.substring(1) + "\""),
                expected + "ascii-text key has " + (bytes - 1) + " characters");
        assertKey(with(MANUAL, prefix + "ascii-text \"" + ascii + "x\""),
                expected + "ascii-text key has " + (bytes + 1) + " characters");
        assertKey(with(MANUAL, prefix + "hexadecimal " + hex + "ab"),
                expected + "hexadecimal key has " + (2 * bytes + 2) + " digits");
        assertKey(with(MANUAL, prefix + "hexadecimal " + hex.substring(1)),
                expected + "hexadecimal key has " + (2 * bytes - 1) + " digits");
    }

    private void assertKey(List<String> lines, String error) throws Exception {
        try (Harness harness = Harness.ipsec(state.resolve(Integer.toString(lines.hashCode())))) {
            harness.apply(lines);
            Outcome outcome = harness.check();
            if (error == null) {
                assertTrue(outcome.isSuccess(), lines.get(lines.size() - 1) + ": " + outcome);
            } else {
                assertFalse(outcome.isSuccess(), lines.get(lines.size() - 1));
                assertTrue(outcome.toString().contains(error), outcome.toString());
                assertFalse(outcome.toString().contains(KEY_TEXT.substring(0, 8)), "the key must never be shown");
            }
        }
    }
}
