package org.secplane.pki.internal.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;

/**
 * The show formats against the guide's samples (pki.md §3.18, §3.21, §3.22): a certificate with the fields of
 * the {@code hello} sample (L5201-L5300) prints exactly the sample's lines in canonical indentation; the key
 * dump and fingerprints, which depend on the key, are computed from the certificate.
 */
class CertificateTextTest {

    private static final String LDAP = "ldap:///CN=device1-ABC-A1-CA,CN=everett-win,CN=CDP,CN=Public%20Key%20Services,"
            + "CN=Services,CN=Configuration,DC=demo,DC=local?certificateRevocationList?base?objectClass=cRLDistributionPoint";
    private static final String HTTP = "http://everett-win.device1.example.net/CertEnroll/device1-ABC-A1-CA.crl";

    /** The {@code hello} certificate: the subject, issuer, names, validity, usages and CRL points of the sample. */
    private static X509Certificate hello(KeyPair key) throws Exception {
        KeyPair issuer = TestCertificates.rsa(1024);
        // BC's X500Name string form lists RDNs in encoding order, as the sample's "Subject string" does
        String subject = "C=US,DC=dc1,DC=dc2,ST=CA,L=Sunnyvale,O=o1,O=o2,OU=ou1,OU=ou2,CN=cn1,CN=cn2";
        GeneralNames names = new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.rfc822Name, "ernie@example.net"),
            new GeneralName(GeneralName.dNSName, "ernie.example.net"), new GeneralName(GeneralName.iPAddress, "10.1.2.3")});
        CRLDistPoint cdp = new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(new GeneralNames(new GeneralName(
                    GeneralName.uniformResourceIdentifier, LDAP))), null, null),
            new DistributionPoint(new DistributionPointName(new GeneralNames(new GeneralName(
                    GeneralName.uniformResourceIdentifier, HTTP))), null, null)});
        KeyPurposeId ikeIntermediate = KeyPurposeId.getInstance(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.5.5.8.2.2"));
        return TestCertificates.certificate(subject, key, "DC=local,DC=demo,CN=device1-ABC-A1-CA", issuer,
                new BigInteger("61ba9da000000000d72e", 16), Instant.parse("2012-08-08T17:02:10Z"),
                Instant.parse("2014-08-08T17:02:10Z"),
                Extension.subjectAlternativeName, false, names,
                Extension.keyUsage, false, new KeyUsage(KeyUsage.keyEncipherment | KeyUsage.digitalSignature),
                Extension.extendedKeyUsage, false, new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                    ikeIntermediate, ikeIntermediate}),
                Extension.cRLDistributionPoints, false, cdp);
    }

    @Test
    void briefFormMatchesTheHelloSample() throws Exception {
        X509Certificate hello = hello(TestCertificates.rsa(1024));
        assertEquals(List.of(
                "Certificate identifier: hello",
                "  Issued to: cn1, Issued by: DC = local, DC = demo, CN = device1-ABC-A1-CA",
                "  Validity:",
                "    Not before: 08- 8-2012 17:02",
                "    Not after: 08- 8-2014 17:02",
                "  Public key algorithm: rsaEncryption(1024 bits)"), CertificateText.certificate("hello", hello, false));
    }

    @Test
    void detailFormMatchesTheHelloSample() throws Exception {
        KeyPair key = TestCertificates.rsa(1024);
        X509Certificate hello = hello(key);
        List<String> expected = new ArrayList<>(List.of(
                "Certificate identifier: hello",
                "  Certificate version: 3",
                "  Serial number: 61ba9da000000000d72e",
                "  Issuer:",
                "    Common name: device1-ABC-A1-CA,",
                "    Domain component: local, Domain component: demo",
                "  Subject:",
                "    Organization: o1, Organization: o2,",
                "    Organizational unit: ou1, Organizational unit: ou2, Country: US, State: CA,",
                "    Locality: Sunnyvale, Common name: cn1, Common name: cn2,",
                "    Domain component: dc1, Domain component: dc2",
                "  Subject string:",
                "    C=US, DC=dc1, DC=dc2, ST=CA, L=Sunnyvale, O=o1, O=o2, OU=ou1, OU=ou2, CN=cn1,",
                "    CN=cn2",
                "  Alternate subject: \"ernie@example.net\", ernie.example.net, 10.1.2.3",
                "  Validity:",
                "    Not before: 08- 8-2012 17:02",
                "    Not after: 08- 8-2014 17:02",
                "  Public key algorithm: rsaEncryption(1024 bits)"));
        byte[] rsaPublicKey = SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()).getPublicKeyData().getBytes();
        Colons.lines(rsaPublicKey, 20).forEach(line -> expected.add("    " + line));
        expected.addAll(List.of(
                "  Signature algorithm: sha1WithRSAEncryption",
                "  Distribution CRL:",
                "    " + LDAP,
                "    " + HTTP,
                "  Use for key: Key encipherment, Digital signature, 1.3.6.1.5.5.8.2.2,",
                "    1.3.6.1.5.5.8.2.2",
                "  Fingerprint:",
                "    " + Fingerprints.sha1(hello.getEncoded()) + " (sha1)",
                "    " + Fingerprints.md5(hello.getEncoded()) + " (md5)",
                "  Auto-re-enrollment:",
                "    Status: Disabled",
                "    Next trigger time: Timer not started"));
        assertEquals(expected, CertificateText.certificate("hello", hello, true));
        assertEquals(7, Colons.lines(rsaPublicKey, 20).size(), "140 bytes of RSA-1024 public key, 20 a line (§3.22)");
        assertEquals("30:81:89:02:81:81:00", Colons.lines(rsaPublicKey, 20).get(0).substring(0, 20), "RSAPublicKey DER");
    }

    /** The RootCA sample (L4920-L4980): issuer and subject on one line, key usages highest bit first. */
    @Test
    void rootCaSampleLinesAndSerialWithLeadingZero() throws Exception {
        KeyPair key = TestCertificates.rsa(1024);
        X509Certificate root = TestCertificates.certificate("C=US,O=example,CN=RootCA", key, "C=US,O=example,CN=RootCA", key,
                new BigInteger("0712dc31", 16), Instant.parse("2012-05-03T07:15:00Z"), Instant.parse("2017-05-02T07:15:00Z"),
                Extension.keyUsage, false, new KeyUsage(KeyUsage.cRLSign | KeyUsage.keyCertSign | KeyUsage.keyEncipherment
                        | KeyUsage.digitalSignature));
        List<String> detail = CertificateText.certificate("RootCA", root, true);
        assertEquals("  Serial number: 0712dc31", detail.get(2));
        assertEquals("    Organization: example, Country: US, Common name: RootCA", detail.get(4));
        assertEquals("    Organization: example, Country: US, Common name: RootCA", detail.get(6));
        assertEquals("    C=US, O=example, CN=RootCA", detail.get(8));
        int usage = detail.indexOf("  Use for key: CRL signing, Certificate signing, Key encipherment,");
        assertEquals("    Digital signature", detail.get(usage + 1));
        assertEquals(List.of(
                "Certificate identifier: RootCA",
                "  Issued to: RootCA, Issued by: C = US, O = example, CN = RootCA",
                "  Validity:",
                "    Not before: 05- 3-2012 07:15",
                "    Not after: 05- 2-2017 07:15",
                "  Public key algorithm: rsaEncryption(1024 bits)"), CertificateText.certificate("RootCA", root, false));
    }

    /** The system-generated sample's brief form wraps the issuer after "system generated," (L5310). */
    @Test
    void longIssuedByWrapsAtEightyColumns() throws Exception {
        KeyPair key = TestCertificates.rsa(1024);
        String dn = "CN=JN10B9390AGB,CN=system generated,CN=self-signed";
        X509Certificate system = TestCertificates.certificate(dn, key, dn, key, BigInteger.TEN,
                Instant.parse("2009-10-30T23:02:00Z"), Instant.parse("2014-10-29T23:02:00Z"));
        List<String> brief = CertificateText.certificate("system-generated", system, false);
        assertEquals("  Issued to: JN10B9390AGB, Issued by: CN = JN10B9390AGB, CN = system generated,", brief.get(1));
        assertEquals("    CN = self-signed", brief.get(2));
        assertEquals("    Not before: 10-30-2009 23:02", brief.get(4));
        List<String> detail = CertificateText.certificate("system-generated", system, true);
        // the guide's sample breaks this 85-column group inside "Common name:"; a group wider than a line is
        // split at its commas instead
        assertEquals("    Common name: JN10B9390AGB, Common name: system generated,", detail.get(4));
        assertEquals("    Common name: self-signed", detail.get(5));
    }

    @Test
    void datesPadTheDayWithABlank() {
        assertEquals("05- 3-2012 07:15", CertificateText.date(Instant.parse("2012-05-03T07:15:59Z")));
        assertEquals("11-15-2012 18:58", CertificateText.date(Instant.parse("2012-11-15T18:58:00Z")));
        assertEquals("09- 9-2012 13:08", CertificateText.date(Instant.parse("2012-09-09T13:08:00Z")));
    }

    @Test
    void fingerprintsAndDumpsAreLowercaseColonSeparated() {
        assertEquals(List.of("da:39:a3:ee:5e:6b:4b:0d:32:55:bf:ef:95:60:18:90:af:d8:07:09 (sha1)",
                "d4:1d:8c:d9:8f:00:b2:04:e9:80:09:98:ec:f8:42:7e (md5)"), Fingerprints.lines(new byte[0]));
        byte[] bytes = new byte[128];
        List<String> lines = Colons.lines(bytes, 22);
        assertEquals(6, lines.size(), "128 bytes at 22 a line (§3.22 verification hash)");
        assertEquals(22 * 3 - 1, lines.get(0).length());
        assertEquals(18 * 3 - 1, lines.get(5).length(), "the last 18 bytes, no trailing colon");
    }
}
