package org.secplane.ike.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.config.Outcome;

/**
 * The commit checks of {@code [edit security ike]}: each with a configuration that passes and one that fails
 * (ipsec-srx.md §6.3, decisions D-07..D-10, D-15, D-23, D-26..D-28, D-37, D-64).
 */
class IkeChecksTest {

    @TempDir
    Path state;

    /** A complete, clean IKE configuration (E1's IKE part) that commits without warnings. */
    static final List<String> BASE = List.of(
            "interfaces ge-0/0/3 unit 0 family inet address 1.1.1.2/30",
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
            "security ike gateway gw1 external-interface ge-0/0/3.0");

    private static final String P2 = "security ike proposal p2 ";
    private static final List<String> SECOND_PROPOSAL = List.of(P2 + "authentication-method pre-shared-keys",
            P2 + "dh-group group2", P2 + "authentication-algorithm sha-256", P2 + "encryption-algorithm aes-256-cbc");

    private static List<String> with(List<String> first, String... more) {
        List<String> lines = new ArrayList<>(first);
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
                ok("clean configuration commits without warnings", BASE),
                // D-07
                error("IKE policy with proposal-set and proposals is rejected",
                        with(BASE, "security ike policy pol1 proposal-set standard"),
                        "[edit security ike policy pol1]\n  'proposal-set standard'\n    error: 'proposal-set' and "
                                + "'proposals' are mutually exclusive: IKE policy 'pol1' must use either a predefined "
                                + "proposal set or its own proposals"),
                ok("IKE policy with proposal-set only commits",
                        with(BASE, "delete security ike policy pol1 proposals",
                                "security ike policy pol1 proposal-set standard")),
                error("IKE policy with neither proposals nor proposal-set is rejected",
                        with(BASE, "delete security ike policy pol1 proposals"),
                        "error: IKE policy 'pol1' needs 'proposals' or 'proposal-set'"),
                // D-08
                ok("IKE policy with 4 proposals commits", with(with(BASE, "security ike policy pol1 proposals [ p1 p2 p3 p4 ]"),
                        complete("p2"), complete("p3"), complete("p4"))),
                error("IKE policy with 5 proposals is rejected",
                        with(with(BASE, "security ike policy pol1 proposals [ p1 p2 p3 p4 p5 ]"),
                                complete("p2"), complete("p3"), complete("p4"), complete("p5")),
                        "error: 'proposals' takes at most 4 values, 5 are configured"),
                // D-09
                warning("IKE proposals with different DH groups in one policy give a warning",
                        with(with(BASE, SECOND_PROPOSAL.toArray(new String[0])), P2 + "dh-group group5",
                                "security ike policy pol1 proposals p2"),
                        "warning: the proposals of IKE policy 'pol1' use different Diffie-Hellman groups (group2, group5)"),
                ok("IKE proposals with the same DH group commit without warning",
                        with(with(BASE, SECOND_PROPOSAL.toArray(new String[0])), "security ike policy pol1 proposals p2")),
                // D-10
                error("proposal-set with a certificate block is rejected",
                        with(BASE, "delete security ike policy pol1 proposals",
                                "security ike policy pol1 proposal-set standard",
                                "security ike policy pol1 certificate local-certificate Host-A"),
                        "error: proposal-set standard contains pre-shared-key proposals only and cannot be used with "
                                + "'certificate'"),
                ok("certificate block with signature proposals commits",
                        with(BASE, "security ike proposal p1 authentication-method rsa-signatures",
                                "delete security ike policy pol1 pre-shared-key",
                                "security ike policy pol1 certificate local-certificate Host-A",
                                "security ike policy pol1 certificate peer-certificate-type x509-signature",
                                "security ike policy pol1 certificate trusted-ca use-all")),
                // D-15
                error("referenced IKE proposal without its mandatory attributes is rejected",
                        with(BASE, "delete security ike proposal p1 dh-group",
                                "delete security ike proposal p1 encryption-algorithm"),
                        "[edit security ike]\n  'proposal p1'\n    error: IKE proposal 'p1' is used by IKE policy 'pol1' "
                                + "but lacks 'dh-group', 'encryption-algorithm'"),
                ok("unreferenced incomplete IKE proposal commits", with(BASE, P2 + "dh-group group14")),
                // D-64
                error("pre-shared-keys proposals without pre-shared-key are rejected",
                        with(BASE, "delete security ike policy pol1 pre-shared-key"),
                        "error: IKE policy 'pol1' uses pre-shared-key authentication (authentication-method "
                                + "pre-shared-keys) but has no 'pre-shared-key'"),
                error("proposal-set without pre-shared-key is rejected",
                        with(BASE, "delete security ike policy pol1 pre-shared-key",
                                "delete security ike policy pol1 proposals",
                                "security ike policy pol1 proposal-set compatible"),
                        "error: IKE policy 'pol1' uses pre-shared-key authentication (proposal-set compatible)"),
                // D-26
                warning("mode on a policy used only by v2-only gateways gives a warning",
                        with(BASE, "security ike gateway gw1 version v2-only"),
                        "[edit security ike policy pol1]\n  'mode main'\n    warning: 'mode main' is ignored: IKE policy "
                                + "'pol1' is used only by IKEv2 gateways (version v2-only)"),
                ok("v2-only gateway whose policy has no mode commits without warning",
                        with(BASE, "security ike gateway gw1 version v2-only", "delete security ike policy pol1 mode")),
                ok("mode on a policy used by an IKEv1 gateway as well commits without warning",
                        with(BASE, "security ike gateway gw1 version v2-only", "security ike gateway gw2 ike-policy pol1",
                                "security ike gateway gw2 address 3.3.3.3",
                                "security ike gateway gw2 external-interface ge-0/0/3.0")),
                // D-27
                ok("gateway with five addresses commits",
                        with(BASE, "security ike gateway gw1 address [ 2.2.2.3 2.2.2.4 2.2.2.5 peer.example.net ]")),
                error("gateway with six addresses is rejected",
                        with(BASE, "security ike gateway gw1 address [ 2.2.2.3 2.2.2.4 2.2.2.5 2.2.2.6 1111::1112 ]"),
                        "error: 'address' takes at most 5 values, 6 are configured"),
                // D-28
                error("gateway with address and dynamic is rejected",
                        with(BASE, "security ike gateway gw1 dynamic hostname ssg5.example.net"),
                        "[edit security ike gateway gw1]\n  'dynamic'\n    error: 'address' and 'dynamic' are mutually "
                                + "exclusive"),
                error("gateway with neither address nor dynamic is rejected",
                        with(BASE, "delete security ike gateway gw1 address"),
                        "error: IKE gateway 'gw1' needs 'address' (peer address or host name) or 'dynamic'"),
                ok("dynamic gateway with aggressive mode commits",
                        with(BASE, "delete security ike gateway gw1 address", "security ike policy pol1 mode aggressive",
                                "security ike gateway gw1 dynamic user-at-hostname user@example.net",
                                "security ike gateway gw1 dynamic connections-limit 10",
                                "security ike gateway gw1 dynamic ike-user-type group-ike-id")),
                // D-23
                warning("dynamic IKEv1 gateway with pre-shared keys in main mode gives a warning",
                        with(BASE, "delete security ike gateway gw1 address",
                                "security ike gateway gw1 dynamic hostname ssg5.example.net"),
                        "dynamic peers with pre-shared keys need 'mode aggressive'"),
                // D-37
                error("gateway without external-interface is rejected",
                        with(BASE, "delete security ike gateway gw1 external-interface"),
                        "error: Missing mandatory statement: 'external-interface'"),
                error("external-interface that is not a configured unit is rejected",
                        with(BASE, "security ike gateway gw1 external-interface ge-0/0/9.0"),
                        "[edit security ike gateway gw1]\n  'external-interface ge-0/0/9.0'\n    error: external-interface "
                                + "ge-0/0/9.0 is not a configured interface unit (interfaces ge-0/0/9 unit 0)"),
                warning("external-interface in a zone without system-services ike gives a warning",
                        with(BASE, "delete security zones security-zone untrust host-inbound-traffic",
                                "security zones security-zone untrust host-inbound-traffic system-services ssh"),
                        "warning: security zone 'untrust' of external-interface ge-0/0/3.0 does not allow "
                                + "host-inbound-traffic system-services ike (or all)"),
                ok("external-interface in a zone with system-services all commits without warning",
                        with(BASE, "delete security zones security-zone untrust host-inbound-traffic",
                                "security zones security-zone untrust host-inbound-traffic system-services all")),
                ok("system-services ike on the zone's interface entry commits without warning",
                        with(BASE, "delete security zones security-zone untrust host-inbound-traffic",
                                "security zones security-zone untrust interfaces ge-0/0/3.0 host-inbound-traffic "
                                        + "system-services ike")),
                warning("external-interface in no zone gives a warning",
                        with(BASE, "delete security zones"),
                        "warning: external-interface ge-0/0/3.0 is in no security zone: IKE packets arriving on it are "
                                + "dropped"),
                // GCM IKE proposals are IKEv2 only
                error("AES-GCM IKE proposal on an IKEv1 gateway is rejected",
                        with(BASE, "security ike proposal p1 encryption-algorithm aes-256-gcm"),
                        "[edit security ike gateway gw1]\n  'ike-policy pol1'\n    error: IKE proposal 'p1' of IKE policy "
                                + "'pol1' uses aes-256-gcm, which IKE supports only in IKEv2: set 'version v2-only' on IKE "
                                + "gateway 'gw1' or use a CBC cipher"),
                ok("AES-GCM IKE proposal on a v2-only gateway commits",
                        with(BASE, "security ike proposal p1 encryption-algorithm aes-128-gcm",
                                "security ike proposal p1 dh-group group19", "security ike proposal p1 "
                                        + "authentication-algorithm sha-384",
                                "security ike gateway gw1 version v2-only", "delete security ike policy pol1 mode")),
                // IKEv2 DPD threshold
                warning("DPD threshold other than 5 on an IKEv2 gateway gives a warning",
                        with(BASE, "security ike gateway gw1 version v2-only", "delete security ike policy pol1 mode",
                                "security ike gateway gw1 dead-peer-detection threshold 2"),
                        "warning: IKEv2 uses a fixed dead-peer-detection threshold of 5; 'threshold 2' is ignored"),
                ok("DPD threshold on an IKEv1 gateway commits without warning",
                        with(BASE, "security ike gateway gw1 dead-peer-detection threshold 2")),
                // references
                error("gateway naming an undefined IKE policy is rejected",
                        with(BASE, "security ike gateway gw1 ike-policy nothere"),
                        "error: security ike policy 'nothere' is not defined"),
                // traceoptions co-requirements (§2.1.5, §6.1-13)
                error("trace files without size and file name are rejected",
                        with(BASE, "security ike traceoptions file files 3"),
                        "[edit security ike traceoptions file]\n  'files 3'\n    error: 'files' requires 'size' and a file "
                                + "name"),
                error("trace size without files is rejected",
                        with(BASE, "security ike traceoptions file kmd size 1m"),
                        "error: 'size' requires 'files'"),
                error("trace files and size without a file name are rejected",
                        with(BASE, "security ike traceoptions file files 3 size 1m"),
                        "error: 'size' requires a file name"),
                ok("trace file with name, files and size commits without warning",
                        with(BASE, "security ike traceoptions file kmd files 3 size 1m",
                                "security ike traceoptions flag ike")));
    }

    private static String[] complete(String name) {
        String p = "security ike proposal " + name + " ";
        return new String[] {p + "authentication-method pre-shared-keys", p + "dh-group group2",
            p + "authentication-algorithm sha1", p + "encryption-algorithm 3des-cbc"};
    }

    private static List<String> with(List<String> first, String[]... groups) {
        List<String> lines = new ArrayList<>(first);
        for (String[] group : groups) {
            lines.addAll(List.of(group));
        }
        return lines;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void commitCheck(String behaviour, List<String> lines, String severity, String text) throws Exception {
        try (Harness harness = Harness.ike(state)) {
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

    @Test
    void zonesAreReadWhateverShapeTheNetworkSchemaGivesThem() throws Exception {
        List<String> lines = new ArrayList<>(BASE.subList(0, 1));
        lines.add("security zones security-zone untrust interfaces ge-0/0/3.0");
        lines.add("security zones security-zone untrust host-inbound-traffic system-services ssh");
        lines.addAll(BASE.subList(3, BASE.size()));
        try (Harness harness = new Harness(state, NetworkFixture.alternativeShapes(), new IkeConfiguration())) {
            harness.apply(lines);
            assertTrue(harness.check().toString().contains("warning: security zone 'untrust'"));
            harness.apply(List.of("security zones security-zone untrust host-inbound-traffic system-services ike"));
            Outcome outcome = harness.check();
            assertTrue(outcome.isSuccess() && !outcome.toString().contains("warning"), outcome.toString());
        }
    }

    @Test
    void everyErrorOfAFailedCommitIsReportedAndNothingIsCommitted() throws Exception {
        try (Harness harness = Harness.ike(state)) {
            harness.apply(with(BASE, "security ike policy pol1 proposal-set basic",
                    "delete security ike gateway gw1 address"));
            Outcome outcome = harness.session.commit(org.secplane.config.CommitRequest.commit(""));
            assertFalse(outcome.isSuccess());
            String output = outcome.toString();
            assertTrue(output.contains("mutually exclusive") && output.contains("needs 'address'"), output);
            assertTrue(output.endsWith("error: configuration check-out failed"), output);
            assertEquals(0, harness.engine.activeCommit().sequence());
        }
    }
}
