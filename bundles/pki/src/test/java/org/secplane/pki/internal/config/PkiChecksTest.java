package org.secplane.pki.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.config.Outcome;

/**
 * Every commit-time rule of {@code [edit security pki]}: one configuration that passes and one that fails
 * (or warns) per rule, with the message the user sees.
 */
class PkiChecksTest {

    @TempDir
    Path state;

    private PkiHarness pki;

    @BeforeEach
    void open() throws Exception {
        pki = new PkiHarness(state);
    }

    @AfterEach
    void close() {
        pki.close();
    }

    /** A rule: the lines of a passing configuration, the lines of a failing one, and the expected output. */
    static Stream<Arguments> errors() {
        return Stream.of(
            Arguments.of("auto re-enrollment needs an existing CA profile (reference)",
                List.of("security pki ca-profile ca-profile-ipsec ca-identity microsoft-2008",
                        "security pki ca-profile ca-profile-ipsec enrollment url http://10.155.8.1/certsrv/mscep/mscep.dll",
                        "security pki auto-re-enrollment certificate-id ca-ipsec ca-profile-name ca-profile-ipsec",
                        "security pki auto-re-enrollment certificate-id ca-ipsec challenge-password abc",
                        "security pki auto-re-enrollment certificate-id ca-ipsec re-enroll-trigger-time-percentage 10"),
                List.of("security pki auto-re-enrollment certificate-id ca-ipsec ca-profile-name aaa",
                        "security pki auto-re-enrollment certificate-id ca-ipsec challenge-password abc",
                        "security pki auto-re-enrollment certificate-id ca-ipsec re-enroll-trigger-time-percentage 10"),
                "[edit security pki auto-re-enrollment certificate-id ca-ipsec]\n  'ca-profile-name aaa'\n"
                        + "    error: security pki ca-profile 'aaa' is not defined"),
            Arguments.of("auto re-enrollment needs the profile's SCEP enrollment url (§2.3 row 4)",
                List.of("security pki ca-profile p1 ca-identity p1.example.net",
                        "security pki ca-profile p1 enrollment url http://ca.example.net/scep/",
                        "security pki auto-re-enrollment certificate-id c1 ca-profile-name p1",
                        "security pki auto-re-enrollment certificate-id c1 challenge-password abc",
                        "security pki auto-re-enrollment certificate-id c1 re-enroll-trigger-time-percentage 10"),
                List.of("security pki ca-profile p1 ca-identity p1.example.net",
                        "security pki ca-profile p1 revocation-check crl url http://ca.example.net/p1.crl",
                        "security pki auto-re-enrollment certificate-id c1 ca-profile-name p1",
                        "security pki auto-re-enrollment certificate-id c1 challenge-password abc",
                        "security pki auto-re-enrollment certificate-id c1 re-enroll-trigger-time-percentage 10"),
                "[edit security pki auto-re-enrollment certificate-id c1]\n  'ca-profile-name p1'\n"
                        + "    error: CA profile 'p1' has no 'enrollment url': automatic re-enrollment uses SCEP at that URL"),
            Arguments.of("auto re-enrollment: ca-profile-name is mandatory",
                List.of(),
                List.of("security pki auto-re-enrollment certificate-id c1 challenge-password abc",
                        "security pki auto-re-enrollment certificate-id c1 re-enroll-trigger-time-percentage 10"),
                "[edit security pki auto-re-enrollment]\n  'certificate-id c1'\n"
                        + "    error: Missing mandatory statement: 'ca-profile-name'"),
            Arguments.of("auto re-enrollment: challenge-password is mandatory",
                List.of(),
                List.of("security pki ca-profile p1 ca-identity p1.example.net",
                        "security pki ca-profile p1 enrollment url http://ca.example.net/scep/",
                        "security pki auto-re-enrollment certificate-id c1 ca-profile-name p1",
                        "security pki auto-re-enrollment certificate-id c1 re-enroll-trigger-time-percentage 10"),
                "error: Missing mandatory statement: 'challenge-password'"),
            Arguments.of("auto re-enrollment: the trigger percentage is mandatory (§6.2 #3)",
                List.of(),
                List.of("security pki ca-profile p1 ca-identity p1.example.net",
                        "security pki ca-profile p1 enrollment url http://ca.example.net/scep/",
                        "security pki auto-re-enrollment certificate-id c1 ca-profile-name p1",
                        "security pki auto-re-enrollment certificate-id c1 challenge-password abc",
                        "security pki auto-re-enrollment certificate-id c1 re-generate-keypair"),
                "error: Missing mandatory statement: 're-enroll-trigger-time-percentage'"),
            Arguments.of("the system-generated self-signed certificate cannot be re-enrolled (§4.13)",
                List.of("security pki ca-profile p1 ca-identity p1.example.net",
                        "security pki ca-profile p1 enrollment url http://ca.example.net/scep/",
                        "security pki auto-re-enrollment certificate-id self-cert ca-profile-name p1",
                        "security pki auto-re-enrollment certificate-id self-cert challenge-password abc",
                        "security pki auto-re-enrollment certificate-id self-cert re-enroll-trigger-time-percentage 10"),
                List.of("security pki ca-profile p1 ca-identity p1.example.net",
                        "security pki ca-profile p1 enrollment url http://ca.example.net/scep/",
                        "security pki auto-re-enrollment certificate-id system-generated ca-profile-name p1",
                        "security pki auto-re-enrollment certificate-id system-generated challenge-password abc",
                        "security pki auto-re-enrollment certificate-id system-generated re-enroll-trigger-time-percentage 10"),
                "[edit security pki auto-re-enrollment]\n  'certificate-id system-generated'\n    error: the"
                        + " system-generated self-signed certificate is not issued by a CA and cannot be re-enrolled"),
            Arguments.of("challenge-password of 255 characters is the longest (RFC 2985)",
                List.of("security pki ca-profile p1 ca-identity p1.example.net",
                        "security pki ca-profile p1 enrollment url http://ca.example.net/scep/",
                        "security pki auto-re-enrollment certificate-id c1 ca-profile-name p1",
                        "security pki auto-re-enrollment certificate-id c1 challenge-password " + "x".repeat(255),
                        "security pki auto-re-enrollment certificate-id c1 re-enroll-trigger-time-percentage 10"),
                List.of("security pki ca-profile p1 ca-identity p1.example.net",
                        "security pki ca-profile p1 enrollment url http://ca.example.net/scep/",
                        "security pki auto-re-enrollment certificate-id c1 ca-profile-name p1",
                        "security pki auto-re-enrollment certificate-id c1 challenge-password " + "x".repeat(256),
                        "security pki auto-re-enrollment certificate-id c1 re-enroll-trigger-time-percentage 10"),
                "[edit security pki auto-re-enrollment certificate-id c1]\n  'challenge-password'\n"
                        + "    error: challenge-password is 256 characters long; at most 255 are allowed"),
            Arguments.of("enrollment url requires ca-identity (§4.5, L1078)",
                List.of("security pki ca-profile p1 ca-identity p1.example.net",
                        "security pki ca-profile p1 enrollment url http://ca.example.net/scep/",
                        "security pki ca-profile manual revocation-check crl url http://ca.example.net/manual.crl"),
                List.of("security pki ca-profile ca-profile-ipsec enrollment url http://10.155.8.1/certsrv/mscep/mscep.dll"),
                "[edit security pki]\n  'ca-profile ca-profile-ipsec'\n    error: 'enrollment url' requires 'ca-identity':"
                        + " the CA identity is sent with every SCEP request"),
            Arguments.of("dynamic-nnn CA profile names are reserved (§4.12)",
                List.of("security pki ca-profile dynamic-ca ca-identity x", "security pki ca-profile dynamic ca-identity x"),
                List.of("security pki ca-profile dynamic-001 ca-identity x"),
                "[edit security pki]\n  'ca-profile dynamic-001'\n    error: CA profile name 'dynamic-001' is reserved:"
                        + " names dynamic-nnn are given to dynamic CA profiles created for peers' CAs"),
            Arguments.of("routing-instance must be a configured routing instance (§2.3 row 17)",
                List.of("routing-instances vr-pki instance-type virtual-router",
                        "security pki ca-profile p1 ca-identity x",
                        "security pki ca-profile p1 routing-instance vr-pki"),
                List.of("routing-instances vr-other instance-type virtual-router",
                        "security pki ca-profile p1 ca-identity x",
                        "security pki ca-profile p1 routing-instance vr-pki"),
                "[edit security pki ca-profile p1]\n  'routing-instance vr-pki'\n"
                        + "    error: routing instance 'vr-pki' is not configured under [edit routing-instances]"),
            Arguments.of("routing-instance without any routing-instances hierarchy",
                List.of(),
                List.of("security pki ca-profile p1 ca-identity x", "security pki ca-profile p1 routing-instance vr-pki"),
                "error: routing instance 'vr-pki' is not configured under [edit routing-instances]"),
            Arguments.of("traceoptions file: files requires size and a file name (L4258)",
                List.of("security pki traceoptions file pki-trace files 3 size 1m", "security pki traceoptions flag all"),
                List.of("security pki traceoptions file files 3"),
                "[edit security pki traceoptions]\n  'file'\n    error: 'files' requires 'size' and a file name:"
                        + " a trace file limit needs both limits and the file's name"),
            Arguments.of("traceoptions file: size requires files and a file name (L4267)",
                List.of("security pki traceoptions file pki-trace", "security pki traceoptions flag all"),
                List.of("security pki traceoptions file size 1m", "security pki traceoptions flag all"),
                "error: 'size' requires 'files' and a file name: a trace file limit needs both limits and the file's name"),
            Arguments.of("traceoptions file: a file name alone is not enough for files and size",
                List.of("security pki traceoptions file pki-trace match crl"),
                List.of("security pki traceoptions file pki-trace size 1m"),
                "error: 'size' requires 'files': a trace file limit needs both limits and the file's name"),
            Arguments.of("traceoptions file: files and size still need a file name",
                List.of(),
                List.of("security pki traceoptions file files 3 size 1m"),
                "error: 'files' and 'size' require a file name: a trace file limit needs both limits and the file's name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void commitCheckPassesTheGoodConfigurationAndRejectsTheBadOne(String rule, List<String> good, List<String> bad,
            String expected) throws Exception {
        if (!good.isEmpty()) {
            pki.setAll(good.toArray(new String[0]));
            Outcome passed = pki.check();
            assertTrue(passed.isSuccess(), passed.toString());
            assertFalse(passed.toString().contains("warning:"), passed.toString());
        }
        try (PkiHarness fresh = new PkiHarness(state.resolve("bad"))) {
            fresh.setAll(bad.toArray(new String[0]));
            Outcome failed = fresh.check();
            assertFalse(failed.isSuccess(), rule);
            assertTrue(failed.toString().contains(expected), failed.toString());
            assertTrue(failed.toString().endsWith("error: configuration check-out failed"), failed.toString());
        }
    }

    /** A rule that warns: the lines that pass silently, the lines that pass with a warning, the warning. */
    static Stream<Arguments> warnings() {
        String profile = "security pki ca-profile ms-ca ";
        return Stream.of(
            Arguments.of("revocation-check disable keeps the crl settings but does not use them",
                List.of(profile + "ca-identity labdomain.com", profile + "revocation-check disable"),
                List.of(profile + "ca-identity labdomain.com", profile + "revocation-check crl refresh-interval 48",
                        profile + "revocation-check disable"),
                "[edit security pki ca-profile ms-ca revocation-check]\n  'disable'\n    warning: revocation checking is"
                        + " disabled: the crl settings of this CA profile are kept but not used"),
            Arguments.of("revocation-check disable keeps the ocsp settings but does not use them",
                List.of(profile + "ca-identity labdomain.com", profile + "revocation-check ocsp url http://ocsp.example.net/",
                        profile + "revocation-check use-ocsp"),
                List.of(profile + "ca-identity labdomain.com", profile + "revocation-check crl",
                        profile + "revocation-check ocsp url http://ocsp.example.net/", profile + "revocation-check use-ocsp",
                        profile + "revocation-check disable"),
                "warning: revocation checking is disabled: the crl and ocsp and use-ocsp settings of this CA profile"
                        + " are kept but not used"),
            Arguments.of("ocsp settings are used only with use-ocsp",
                List.of(profile + "ca-identity labdomain.com", profile + "revocation-check use-ocsp"),
                List.of(profile + "ca-identity labdomain.com",
                        profile + "revocation-check ocsp connection-failure fallback-crl"),
                "[edit security pki ca-profile ms-ca revocation-check]\n  'ocsp'\n    warning: the ocsp settings are not"
                        + " used: CRLs are checked unless 'use-ocsp' is configured"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warnings")
    void commitCheckWarnsButSucceeds(String rule, List<String> quiet, List<String> warned, String expected) throws Exception {
        pki.setAll(quiet.toArray(new String[0]));
        Outcome silent = pki.check();
        assertTrue(silent.isSuccess(), silent.toString());
        assertFalse(silent.toString().contains("warning:"), silent.toString());
        try (PkiHarness fresh = new PkiHarness(state.resolve("warned"))) {
            fresh.setAll(warned.toArray(new String[0]));
            Outcome outcome = fresh.check();
            assertTrue(outcome.isSuccess(), outcome.toString());
            assertTrue(outcome.toString().contains(expected), outcome.toString());
            assertTrue(outcome.toString().endsWith("configuration check succeeds"), outcome.toString());
        }
    }

    @Test
    void deletingAProfileStillUsedForReEnrollmentFailsTheCommitAndKeepsTheActiveConfiguration() {
        pki.scepProfile("p1").autoReEnrollment("c1", "p1");
        assertTrue(pki.commit().isSuccess());
        assertTrue(pki.session.delete(org.secplane.config.Words.split("security pki ca-profile p1")).isSuccess());
        Outcome outcome = pki.commit();
        assertFalse(outcome.isSuccess());
        assertTrue(outcome.toString().contains("error: security pki ca-profile 'p1' is not defined"), outcome.toString());
        assertTrue(pki.engine.active().find("security", "pki", "ca-profile").isPresent());
    }

    @Test
    void removingTheEnrollmentUrlOfAProfileUsedForReEnrollmentFailsTheCommit() {
        pki.scepProfile("p1").autoReEnrollment("c1", "p1");
        assertTrue(pki.commit().isSuccess());
        assertTrue(pki.session.delete(org.secplane.config.Words.split("security pki ca-profile p1 enrollment")).isSuccess());
        Outcome outcome = pki.commit();
        assertFalse(outcome.isSuccess());
        assertTrue(outcome.toString().contains("CA profile 'p1' has no 'enrollment url'"), outcome.toString());
        assertEquals(1, pki.engine.activeCommit().sequence());
    }

    @Test
    void profileNamesMaySayDynamicWhenTheyAreNotTheDeviceFormat() {
        pki.setAll("security pki ca-profile dynamic-ca-1 ca-identity x", "security pki ca-profile Dynamic-001 ca-identity x");
        assertTrue(pki.check().isSuccess(), pki.check().toString());
    }
}
