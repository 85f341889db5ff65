package org.secplane.pki.internal.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secplane.config.ConfigurationService.OutputFormat;
import org.secplane.config.Outcome;
import org.secplane.config.Words;
import org.secplane.config.internal.Projection;

/** How PKI configuration is shown, kept secret, and projected into Config Admin. */
class PkiDisplayAndProjectionTest {

    @TempDir
    Path state;

    private PkiHarness pki;

    @BeforeEach
    void open() throws Exception {
        pki = new PkiHarness(state.resolve("engine"));
    }

    @AfterEach
    void close() {
        pki.close();
    }

    /** The guide's auto re-enrollment example (L1240), one statement per line. */
    private void autoReEnrollmentExample() {
        pki.setAll("security pki ca-profile ca-profile-ipsec ca-identity microsoft-2008",
                "security pki ca-profile ca-profile-ipsec enrollment url http://10.155.8.1/certsrv/mscep/mscep.dll",
                "security pki auto-re-enrollment certificate-id ca-ipsec ca-profile-name ca-profile-ipsec",
                "security pki auto-re-enrollment certificate-id ca-ipsec challenge-password abc",
                "security pki auto-re-enrollment certificate-id ca-ipsec re-enroll-trigger-time-percentage 10",
                "security pki auto-re-enrollment certificate-id ca-ipsec re-generate-keypair");
    }

    @Test
    void challengePasswordIsNeverShownInClear() {
        autoReEnrollmentExample();
        String shown = pki.show("security pki");
        assertTrue(shown.contains("challenge-password \"$9$"), shown);
        assertTrue(shown.contains("\"; ## SECRET-DATA"), shown);
        assertFalse(shown.contains(" abc"), shown);
        String set = pki.showSet("security pki");
        assertTrue(set.contains("set security pki auto-re-enrollment certificate-id ca-ipsec challenge-password \"$9$"), set);
        assertFalse(set.contains(" abc"), set);
        String json = String.join("\n", pki.session.show(Words.split("security pki"), OutputFormat.JSON).lines());
        assertTrue(json.contains("\"challenge-password\": \"$9$"), json);
        assertFalse(json.contains("\"abc\""), json);
    }

    @Test
    void challengePasswordIsSealedAtRestAndRevealedOnlyToChecks() throws Exception {
        autoReEnrollmentExample();
        assertEquals("commit complete", pki.commit().toString());
        try (Stream<Path> files = Files.walk(state.resolve("engine"))) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains("challenge-password abc"), file + " holds the password in clear");
            }
        }
        String sealed = pki.engine.active().find("security", "pki", "auto-re-enrollment", "certificate-id",
                "challenge-password").orElseThrow().value();
        assertTrue(sealed.startsWith("$8$"), sealed);
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), pki.engine.revealSecret(sealed));
    }

    @Test
    void obfuscatedChallengePasswordRoundTripsThroughShowAndLoad() throws Exception {
        autoReEnrollmentExample();
        String set = pki.showSet("security pki");
        try (PkiHarness other = new PkiHarness(state.resolve("other"))) {
            Outcome loaded = other.loadSet(set);
            assertTrue(loaded.isSuccess(), loaded.toString());
            assertTrue(other.commit().isSuccess());
            String sealed = other.engine.active().find("security", "pki", "auto-re-enrollment", "certificate-id",
                    "challenge-password").orElseThrow().value();
            assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), other.engine.revealSecret(sealed));
        }
    }

    @Test
    void showPrintsTheNestedAutoReEnrollmentBlock() {
        autoReEnrollmentExample();
        String shown = pki.show("security pki auto-re-enrollment").replaceAll("\"\\$9\\$[^\"]*\"", "\"\\$9\\$…\"");
        assertEquals("certificate-id ca-ipsec {\n"
                + "    ca-profile-name ca-profile-ipsec;\n"
                + "    challenge-password \"$9$…\"; ## SECRET-DATA\n"
                + "    re-enroll-trigger-time-percentage 10;\n"
                + "    re-generate-keypair;\n"
                + "}", shown);
    }

    @Test
    void caProfileIsShownInSchemaOrderWithTheCanonicalSpellings() {
        pki.setAll("security pki ca-profile ms-ca administrator email-address certadmin@labdomain.com",
                "security pki ca-profile ms-ca revocation-check crl url http://labsrv1.labdomain.com/CertEnroll/LABDOMAIN.crl",
                "security pki ca-profile ms-ca revocation-check crl refresh-interval 48",
                "security pki ca-profile ms-ca ca-identity labdomain.com",
                "security pki ca-profile ms-ca enrollment retry 20",
                "security pki ca-profile ms-ca revocation-check crl disable on-download-failure");
        assertEquals("ca-profile ms-ca {\n"
                + "    administrator {\n"
                + "        e-mail-address certadmin@labdomain.com;\n"
                + "    }\n"
                + "    ca-identity labdomain.com;\n"
                + "    enrollment {\n"
                + "        retry 20;\n"
                + "    }\n"
                + "    revocation-check {\n"
                + "        crl {\n"
                + "            disable {\n"
                + "                on-download-failure;\n"
                + "            }\n"
                + "            refresh-interval 48;\n"
                + "            url http://labsrv1.labdomain.com/CertEnroll/LABDOMAIN.crl;\n"
                + "        }\n"
                + "    }\n"
                + "}", pki.show("security pki"));
    }

    @Test
    void projectionHasOneObjectPerCaProfileAndCertificateAndOneForTraceoptions() {
        autoReEnrollmentExample();
        pki.setAll("security pki ca-profile ms-ca ca-identity labdomain.com",
                "security pki ca-profile ms-ca revocation-check crl refresh-interval 48",
                "security pki ca-profile ms-ca revocation-check ocsp url http://ocsp.example.net/",
                "security pki ca-profile ms-ca revocation-check use-ocsp",
                "security pki traceoptions file pki-trace",
                "security pki traceoptions flag all");
        assertEquals("commit complete", pki.commit().toString());
        Map<String, Hashtable<String, Object>> objects = pki.engine.projection().stream()
                .collect(Collectors.toMap(o -> o.factoryPid() + "/" + o.name(), Projection.ConfiguredObject::properties));
        assertEquals(Set.of(PkiSchema.AUTO_RE_ENROLLMENT_PID + "/ca-ipsec", PkiSchema.CA_PROFILE_PID + "/ca-profile-ipsec",
                PkiSchema.CA_PROFILE_PID + "/ms-ca", PkiSchema.TRACEOPTIONS_PID + "/traceoptions"), objects.keySet());

        Map<String, Object> auto = objects.get(PkiSchema.AUTO_RE_ENROLLMENT_PID + "/ca-ipsec");
        assertEquals("ca-profile-ipsec", auto.get("ca-profile-name"));
        assertEquals("10", auto.get("re-enroll-trigger-time-percentage"));
        assertEquals(Boolean.TRUE, auto.get("re-generate-keypair"));
        assertTrue(((String) auto.get("challenge-password")).startsWith("$8$"), "secrets stay sealed in Config Admin");

        Hashtable<String, Object> scep = objects.get(PkiSchema.CA_PROFILE_PID + "/ca-profile-ipsec");
        assertEquals("http://10.155.8.1/certsrv/mscep/mscep.dll", scep.get("enrollment.url"));
        assertEquals("10", scep.get("enrollment.retry"), "default retry (L4053)");
        assertEquals("900", scep.get("enrollment.retry-interval"), "default retry-interval (L4053)");

        Hashtable<String, Object> ms = objects.get(PkiSchema.CA_PROFILE_PID + "/ms-ca");
        assertEquals("48", ms.get("revocation-check.crl.refresh-interval"));
        assertArrayEquals(new String[] {"http://ocsp.example.net/"}, (String[]) ms.get("revocation-check.ocsp.url"));
        assertEquals("enable", ms.get("revocation-check.ocsp.nonce-payload"), "nonce sent by default");
        assertEquals(Boolean.TRUE, ms.get("revocation-check.use-ocsp"));
        assertNull(ms.get("enrollment.retry"), "no enrollment block, no enrollment defaults");

        Hashtable<String, Object> trace = objects.get(PkiSchema.TRACEOPTIONS_PID + "/traceoptions");
        assertEquals("pki-trace", trace.get("file.filename"));
        assertEquals("10", trace.get("file.files"));
        assertEquals("128k", trace.get("file.size"));
        assertArrayEquals(new String[] {"all"}, (String[]) trace.get("flag"));
    }

    @Test
    void presenceOfCrlAloneIsKeptInTheConfigurationAndTheProjection() {
        // revocation-check { crl; } enables dynamic CA profiles below this profile (L824).
        pki.setAll("security pki ca-profile Root-CA ca-identity CA-Root", "security pki ca-profile Root-CA revocation-check crl");
        assertEquals("commit complete", pki.commit().toString());
        assertTrue(pki.engine.active().find("security", "pki", "ca-profile", "revocation-check", "crl").isPresent());
        Hashtable<String, Object> profile = pki.engine.projection().get(0).properties();
        assertEquals(Boolean.TRUE, profile.get("revocation-check.crl"));
    }

    @Test
    void presenceOfCrlAloneIsShownAndRoundTripsThroughDisplaySet() {
        pki.setAll("security pki ca-profile Root-CA ca-identity CA-Root", "security pki ca-profile Root-CA revocation-check crl");
        assertEquals("ca-profile Root-CA {\n    ca-identity CA-Root;\n    revocation-check {\n        crl;\n    }\n}",
                pki.show("security pki"));
        assertTrue(pki.showSet("security pki").contains("set security pki ca-profile Root-CA revocation-check crl"));
    }

    @Test
    void completionOffersConfiguredCaProfilesForCaProfileName() {
        pki.scepProfile("Root-CA").scepProfile("Dev-CA");
        List<String> words = pki.session.complete(Words.split(
                "security pki auto-re-enrollment certificate-id Host-A ca-profile-name")).stream()
                .map(c -> c.word()).collect(Collectors.toList());
        assertTrue(words.containsAll(List.of("Root-CA", "Dev-CA")), words.toString());
    }

    @Test
    void helpTextsComeFromTheGuide() {
        List<String> help = pki.session.complete(Words.split("security pki ca-profile p1 enrollment")).stream()
                .map(c -> c.word() + ": " + c.help()).collect(Collectors.toList());
        assertTrue(help.contains("retry-interval: Time interval between the enrollment retries (seconds)"), help.toString());
        assertTrue(pki.session.complete(Words.split("security pki")).stream().noneMatch(c -> c.help().isEmpty()));
    }
}
