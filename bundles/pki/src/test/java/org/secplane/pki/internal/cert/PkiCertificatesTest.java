package org.secplane.pki.internal.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.secplane.keystore.KeyType;
import org.secplane.keystore.PkiObjectStore;

/**
 * The certificate engine over a real key store: requests, self-signed and system-generated certificates,
 * loads, verification, export and clear, each refusal storing nothing. Item numbers are those of the tester
 * checklist (pki.md §7).
 */
class PkiCertificatesTest extends EngineTest {

    private RequestParameters identity(String subject, Signing.Digest digest, boolean ca) throws Exception {
        return RequestParameters.of(SubjectNames.parse(subject, () -> CertificateFixture.SERIAL), "router2.example.net",
                InetAddress.getByName("10.1.2.3"), "user@example.net", digest, ca);
    }

    private static Extensions extensionRequest(PKCS10CertificationRequest request) {
        ASN1Encodable value = request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0].getAttributeValues()[0];
        return Extensions.getInstance(value);
    }

    /** §7 item 4: PKCS #10 contents, default SHA-1, sha256 on request, stored as pending, re-issue regenerates. */
    @Test
    void certificateRequestCarriesSubjectIdentitiesAndDigestAndIsStoredAsPending() throws Exception {
        fixture.keys.generate("ms-cert", KeyType.RSA, 1024);
        PKCS10CertificationRequest request = engine.generateRequest("ms-cert",
                identity("CN=John Doe,CN=1.1.1.2,OU=sales,O=Example, L=Sunnyvale,ST=CA,C=US", null, false));
        assertEquals("CN=John Doe, CN=1.1.1.2, OU=sales, O=Example, L=Sunnyvale, ST=CA, C=US",
                SubjectNames.subjectString(request.getSubject()), "item 5: repeated attributes kept in order");
        assertEquals("1.2.840.113549.1.1.5", request.getSignatureAlgorithm().getAlgorithm().getId(), "sha1WithRSA by default");
        Extensions extensions = extensionRequest(request);
        GeneralName[] names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName).getNames();
        assertEquals(List.of(GeneralName.rfc822Name, GeneralName.dNSName, GeneralName.iPAddress),
                List.of(names[0].getTagNo(), names[1].getTagNo(), names[2].getTagNo()));
        assertTrue(KeyUsage.fromExtensions(extensions).hasUsages(KeyUsage.digitalSignature));
        assertTrue(extensions.getExtension(Extension.keyUsage).isCritical());
        assertEquals(null, extensions.getExtension(Extension.basicConstraints), "no CA constraint unless asked");
        assertEquals(List.of("ms-cert"), engine.requestIds());
        assertArrayEquals(request.getEncoded(), engine.request("ms-cert").getEncoded());

        PKCS10CertificationRequest again = engine.generateRequest("ms-cert", identity("CN=abc", Signing.Digest.SHA256, true));
        assertEquals("1.2.840.113549.1.1.11", again.getSignatureAlgorithm().getAlgorithm().getId(), "sha256WithRSA");
        assertEquals("CN=abc", SubjectNames.subjectString(engine.request("ms-cert").getSubject()), "re-issuing replaces");
        assertTrue(BasicConstraints.fromExtensions(extensionRequest(again)).isCA(), "add-ca-constraint (§6.1 #7)");
    }

    @Test
    void requestsAreRefusedWithoutKeyPairIdentityOrForTheReservedId() throws Exception {
        PkiException noKey = assertThrows(PkiException.class, () -> engine.generateRequest("none", identity("CN=a", null, false)));
        assertEquals("key pair none does not exist; generate it first with 'request security pki generate-key-pair"
                + " certificate-id none'", noKey.getMessage());
        PkiException noIdentity = assertThrows(PkiException.class, () -> RequestParameters.of(
                SubjectNames.parse("CN=a", () -> "x"), null, null, null, null, false));
        assertEquals("you must use a domain-name, an ip-address or an email", noIdentity.getMessage(), "item 4, L1529");
        assertTrue(assertThrows(PkiException.class, () -> engine.generateRequest(PkiCertificates.SYSTEM_GENERATED,
                identity("CN=a", null, false))).getMessage().contains("reserved"));
        fixture.keys.generate("ec", KeyType.ECDSA, 384);
        assertEquals("digest sha256 cannot be used with key pair ec: ECDSA-384 keys sign with SHA-384",
                assertThrows(PkiException.class, () -> engine.generateRequest("ec", identity("CN=a", Signing.Digest.SHA256,
                        false))).getMessage());
        assertEquals("1.2.840.10045.4.3.3", engine.generateRequest("ec", identity("CN=a", null, false))
                .getSignatureAlgorithm().getAlgorithm().getId(), "ECDSA-384 signs with SHA-384 (§4.15)");
        assertEquals(List.of("ec"), engine.requestIds());
    }

    /** §7 item 6: a bare SN is the device serial number. */
    @Test
    void bareSnIsTheDeviceSerialNumber() throws Exception {
        fixture.keys.generate("sn", KeyType.DSA, 1024);
        PKCS10CertificationRequest request = engine.generateRequest("sn", identity("DC=example, CN=router3, SN, OU=marketing,"
                + " O=example, L=sunnyvale, ST=california, C=us", null, false));
        assertEquals("DC=example, CN=router3, serialNumber=" + CertificateFixture.SERIAL
                + ", OU=marketing, O=example, L=sunnyvale, ST=california, C=US", SubjectNames.subjectString(request.getSubject()));
        assertEquals("1.2.840.10040.4.3", request.getSignatureAlgorithm().getAlgorithm().getId(), "DSA with SHA-1 (§4.15)");
    }

    /** §7 item 23: key pair required, 5 years, add-ca-constraint, default digest SHA-1; replaces the pending request. */
    @Test
    void selfSignedCertificateIsValidFiveYearsWithTheAskedConstraintAndDigest() throws Exception {
        assertThrows(PkiException.class, () -> engine.generateSelfSigned("self-cert", identity("cn=abc", null, false)));
        assertTrue(engine.localCertificateIds().isEmpty(), "nothing stored without a key pair");
        fixture.keys.generate("self-cert", KeyType.RSA, 1024);
        engine.generateRequest("self-cert", identity("CN=abc", null, false));
        X509Certificate certificate = engine.generateSelfSigned("self-cert", identity("cn=abc", null, false));
        assertEquals(Duration.ofDays(1825), Duration.between(certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant()), "five years as 5 x 365 days (§6.1 #26)");
        assertEquals("SHA1withRSA", certificate.getSigAlgName());
        assertEquals(-1, certificate.getBasicConstraints(), "no CA constraint");
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        certificate.verify(certificate.getPublicKey());
        assertEquals(List.of(), engine.requestIds(), "the self-signed certificate replaces the pending request");
        assertEquals("Local certificate self-cert verification success", engine.verifyLocalCertificate("self-cert"));

        fixture.keys.generate("ca-self", KeyType.ECDSA, 256);
        X509Certificate ca = engine.generateSelfSigned("ca-self", identity("CN=ca", Signing.Digest.SHA256, true));
        assertEquals(Integer.MAX_VALUE, ca.getBasicConstraints(), "add-ca-constraint: cA without a path length");
        assertTrue(ca.getKeyUsage()[5], "keyCertSign");
        assertEquals("SHA256withECDSA", ca.getSigAlgName());

        PkiException exists = assertThrows(PkiException.class, () -> engine.generateSelfSigned("self-cert",
                identity("cn=abc", null, false)));
        assertEquals("local certificate self-cert already exists; clear it first with 'clear security pki"
                + " local-certificate certificate-id self-cert'", exists.getMessage());
    }

    /** §7 items 21, 22: the system-generated certificate, its DN and validity, kept, and renewed only when cleared. */
    @Test
    void systemGeneratedCertificateIsMadeOnceKeptAndRegeneratedAfterClear() throws Exception {
        assertTrue(engine.ensureSystemGenerated());
        X509Certificate first = engine.localCertificate(PkiCertificates.SYSTEM_GENERATED).orElseThrow();
        assertEquals("CN=" + CertificateFixture.SERIAL + ", CN=system generated, CN=self-signed",
                SubjectNames.subjectString(SubjectNames.of(first.getSubjectX500Principal())));
        assertEquals(first.getSubjectX500Principal(), first.getIssuerX500Principal());
        assertEquals(Duration.ofDays(1825), Duration.between(first.getNotBefore().toInstant(), first.getNotAfter().toInstant()));
        assertEquals(32, CertificateText.serial(first.getSerialNumber()).length(), "a 16-byte serial as in the sample");
        assertEquals("SHA256withRSA", first.getSigAlgName());
        assertEquals("Local certificate system-generated verification success",
                engine.verifyLocalCertificate(PkiCertificates.SYSTEM_GENERATED));

        PkiCertificates restarted = fixture.open();
        assertFalse(restarted.ensureSystemGenerated(), "kept across a restart");
        assertEquals(first, restarted.localCertificate(PkiCertificates.SYSTEM_GENERATED).orElseThrow());

        fixture.keys.generate("other", KeyType.RSA, 1024);
        engine.generateSelfSigned("other", identity("CN=o", null, false));
        assertEquals(1, engine.clearAllLocalCertificates(), "clear all leaves the system-generated certificate (L4355)");
        assertEquals(List.of(PkiCertificates.SYSTEM_GENERATED), engine.localCertificateIds());

        engine.regenerateSystemGenerated();
        X509Certificate second = engine.localCertificate(PkiCertificates.SYSTEM_GENERATED).orElseThrow();
        assertNotEquals(first.getSerialNumber(), second.getSerialNumber(), "a new serial");
        assertNotEquals(first.getPublicKey(), second.getPublicKey(), "a new key pair");

        fixture.keys.deleteAll();
        assertTrue(fixture.open().ensureSystemGenerated(), "a certificate whose key pair is gone is made again");
    }

    @Test
    void caCertificateLoadsOnlyIntoAConfiguredProfileOnceAndOnlyACaCertificate() throws Exception {
        fixture.keys.generate("root", KeyType.RSA, 1024);
        X509Certificate root = engine.generateSelfSigned("root", identity("CN=Root,O=example,C=US", null, true));
        Path file = dir.resolve("root.pem");
        Files.writeString(file, PkiCertificates.pem("CERTIFICATE", root.getEncoded()));

        assertEquals("CA profile Root-CA is not configured; configure it first ('set security pki ca-profile Root-CA"
                + " ca-identity <ca-identity>') and commit",
                assertThrows(PkiException.class, () -> engine.prepareCaLoad("Root-CA", file)).getMessage());
        fixture.profiles.add("Root-CA");
        Path twice = dir.resolve("twice.pem");
        Files.writeString(twice, Files.readString(file) + Files.readString(file));
        assertEquals(root, engine.prepareCaLoad("Root-CA", twice), "a certificate repeated in a file is one certificate");
        X509Certificate prepared = engine.prepareCaLoad("Root-CA", file);
        assertEquals(root, prepared);
        assertTrue(engine.caCertificates().isEmpty(), "nothing stored before the answer");
        engine.storeCaCertificate("Root-CA", prepared, file.toString());
        assertEquals(root, engine.caCertificate("Root-CA").orElseThrow().certificate());
        assertEquals("CA profile Root-CA already has a CA certificate; clear it first with 'clear security pki"
                + " ca-certificate ca-profile Root-CA'",
                assertThrows(PkiException.class, () -> engine.prepareCaLoad("Root-CA", file)).getMessage());
        assertEquals("CA certificate Root-CA verified successfully", engine.verifyCaCertificate("Root-CA"));

        fixture.keys.generate("ee", KeyType.RSA, 1024);
        X509Certificate ee = engine.generateSelfSigned("ee", identity("CN=ee", null, false));
        Files.writeString(dir.resolve("ee.pem"), PkiCertificates.pem("CERTIFICATE", ee.getEncoded()));
        fixture.profiles.add("ee-profile");
        assertTrue(assertThrows(PkiException.class, () -> engine.prepareCaLoad("ee-profile", dir.resolve("ee.pem")))
                .getMessage().contains("is not a CA certificate"));

        assertTrue(engine.clearCaCertificate("Root-CA"));
        assertFalse(engine.clearCaCertificate("Root-CA"));
        assertTrue(fixture.open().caCertificates().isEmpty());
    }

    /** §7 item 18 and the brief: verification fails, named, for a certificate expired or not yet valid. */
    @Test
    void verificationFailsForExpiredOrNotYetValidCertificates() throws Exception {
        fixture.keys.generate("root", KeyType.RSA, 1024);
        engine.generateSelfSigned("root", identity("CN=Root", null, true));
        X509Certificate root = engine.localCertificate("root").orElseThrow();
        fixture.profiles.add("Root-CA");
        engine.storeCaCertificate("Root-CA", root, "test");

        fixture.now = root.getNotAfter().toInstant().plusSeconds(60);
        PkiException expired = assertThrows(PkiException.class, () -> engine.verifyCaCertificate("Root-CA"));
        assertTrue(expired.getMessage().startsWith("CA certificate Root-CA: verification failed: "), expired.getMessage());
        assertTrue(expired.getMessage().contains("expired"), expired.getMessage());

        fixture.now = root.getNotBefore().toInstant().minusSeconds(3600);
        PkiException early = assertThrows(PkiException.class, () -> engine.verifyLocalCertificate("root"));
        assertTrue(early.getMessage().startsWith("Local certificate root: verification failed: "), early.getMessage());
        assertTrue(early.getMessage().startsWith("Local certificate root: verification failed: certificate \"CN = Root\""
                + " is not yet valid (not before "), early.getMessage());
    }

    @Test
    void localCertificateLoadNeedsTheMatchingKeyPairAndReplacesThePendingRequest() throws Exception {
        fixture.keys.generate("a", KeyType.RSA, 1024);
        fixture.keys.generate("b", KeyType.RSA, 1024);
        X509Certificate ofA = engine.generateSelfSigned("a", identity("CN=a", null, false));
        Path file = dir.resolve("a.der");
        Files.write(file, ofA.getEncoded());
        engine.generateRequest("b", identity("CN=b", null, false));

        PkiException mismatch = assertThrows(PkiException.class, () -> engine.loadLocalCertificate("b", file, null));
        assertEquals("the certificate in " + file + " does not belong to key pair b: its public key is not the key pair's",
                mismatch.getMessage());
        assertEquals(List.of("a"), engine.localCertificateIds(), "nothing stored");
        assertEquals(List.of("b"), engine.requestIds());

        assertThrows(PkiException.class, () -> engine.loadLocalCertificate("none", file, null));
        engine.clearLocalCertificate("a");
        engine.generateRequest("a", identity("CN=a", null, false));
        assertEquals(ofA, engine.loadLocalCertificate("a", file, null));
        assertEquals(List.of("b"), engine.requestIds(), "the pending request of a is replaced (L473)");
        assertEquals("Local certificate a verification success", engine.verifyLocalCertificate("a"));
    }

    /** §7 item 24: export as PEM and DER. */
    @Test
    void exportWritesPemOrDer() throws Exception {
        engine.ensureSystemGenerated();
        X509Certificate certificate = engine.localCertificate(PkiCertificates.SYSTEM_GENERATED).orElseThrow();
        Path pem = dir.resolve("my-cert.pem");
        engine.export(PkiCertificates.SYSTEM_GENERATED, pem, true);
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("-----BEGIN CERTIFICATE-----\n") && text.endsWith("-----END CERTIFICATE-----\n"), text);
        assertEquals(certificate, CertificateFiles.parse(text.getBytes(StandardCharsets.US_ASCII), "x").certificates().get(0));
        Path der = dir.resolve("my-cert.der");
        engine.export(PkiCertificates.SYSTEM_GENERATED, der, false);
        assertArrayEquals(certificate.getEncoded(), Files.readAllBytes(der));
        assertEquals("local certificate nope does not exist",
                assertThrows(PkiException.class, () -> engine.export("nope", der, true)).getMessage());
        assertTrue(assertThrows(PkiException.class, () -> engine.export(PkiCertificates.SYSTEM_GENERATED,
                dir.resolve("no/such/dir/x.pem"), true)).getMessage().contains("does not exist"));
    }

    /** §7 item 26 (with the key store): certificates and requests are PKI objects the integrity check covers. */
    @Test
    void certificatesAndRequestsAreCoveredByTheIntegrityCheck() throws Exception {
        engine.ensureSystemGenerated();
        fixture.keys.generate("r", KeyType.RSA, 1024);
        engine.generateRequest("r", identity("CN=r", null, false));
        assertTrue(fixture.store.verifyIntegrity().success());
        Path file = dir.resolve("state/pki").resolve(PkiObjectStore.LOCAL_CERTIFICATE).resolve(PkiCertificates.SYSTEM_GENERATED);
        byte[] content = Files.readAllBytes(file);
        content[content.length / 2] ^= 1;
        Files.write(file, content);
        assertFalse(fixture.store.verifyIntegrity().success());
        PkiCertificates restarted = fixture.open();
        assertTrue(restarted.localCertificate(PkiCertificates.SYSTEM_GENERATED).isEmpty(), "a damaged certificate is never used");
        assertTrue(restarted.ensureSystemGenerated(), "and the system-generated one is made again");
    }
}
