package org.secplane.pki.internal.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificate and key files (pki.md §4.9): PEM (one or several, text around), DER, PKCS #7 in DER and PEM,
 * the 7 KB PKCS #7 limit (§7 item 8), and each corrupt or truncated form refused with an error naming the file.
 */
class CertificateFilesTest {

    private static X509Certificate ca;
    private static X509Certificate other;

    @TempDir
    Path dir;

    @BeforeAll
    static void certificates() throws Exception {
        KeyPair key = TestCertificates.rsa(1024);
        ca = TestCertificates.ca("CN=Files CA,O=example,C=US", key);
        other = TestCertificates.ca("CN=Other CA", TestCertificates.rsa(1024));
    }

    private static byte[] pem(X509Certificate... certificates) throws Exception {
        StringBuilder text = new StringBuilder("Bag Attributes\n    friendlyName: test\nsubject=/CN=Files CA\n");
        for (X509Certificate certificate : certificates) {
            text.append(PkiCertificates.pem("CERTIFICATE", certificate.getEncoded()));
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] pkcs7(List<X509Certificate> certificates) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addCertificates(new JcaCertStore(certificates));
        return generator.generate(new CMSAbsentContent()).getEncoded();
    }

    @Test
    void readsPemDerAndPkcs7() throws Exception {
        CertificateFiles.Contents pem = CertificateFiles.parse(pem(ca, other), "bundle.pem");
        assertEquals(List.of(ca, other), pem.certificates());
        assertEquals("PEM", pem.format());

        CertificateFiles.Contents der = CertificateFiles.parse(ca.getEncoded(), "ca.der");
        assertEquals(List.of(ca), der.certificates());
        assertEquals("DER", der.format());

        byte[] p7 = pkcs7(List.of(ca, other));
        CertificateFiles.Contents pkcs7 = CertificateFiles.parse(p7, "ca.p7b");
        assertEquals(2, pkcs7.certificates().size());
        assertEquals("PKCS #7", pkcs7.format());
        CertificateFiles.Contents pemPkcs7 = CertificateFiles.parse(PkiCertificates.pem("PKCS7", p7)
                .getBytes(StandardCharsets.US_ASCII), "ca.p7c");
        assertEquals("PEM PKCS #7", pemPkcs7.format());
        assertTrue(pemPkcs7.certificates().contains(ca));
    }

    /** §7 item 8: a PKCS #7 file over 7 KB is refused; the same certificates in PEM are not. */
    @Test
    void pkcs7FilesOverSevenKilobytesAreRefused() throws Exception {
        List<X509Certificate> many = new ArrayList<>();
        while (pkcs7(many).length <= CertificateFiles.MAX_PKCS7_BYTES) {
            many.add(TestCertificates.ca("CN=CA " + many.size(), TestCertificates.rsa(1024)));
        }
        byte[] large = pkcs7(many);
        PkiException e = assertThrows(PkiException.class, () -> CertificateFiles.parse(large, "big.p7b"));
        assertEquals("file big.p7b is a PKCS #7 file of " + large.length + " bytes; PKCS #7 files may be at most 7 KB"
                + " (7168 bytes)", e.getMessage());
        assertEquals(many.size(), CertificateFiles.parse(pem(many.toArray(new X509Certificate[0])), "big.pem")
                .certificates().size());
        many.remove(many.size() - 1);
        assertTrue(pkcs7(many).length <= 7168);
        assertEquals(many.size(), CertificateFiles.parse(pkcs7(many), "fits.p7b").certificates().size());
    }

    @Test
    void corruptTruncatedEmptyAndMissingFilesAreNamed() throws Exception {
        byte[] der = ca.getEncoded();
        assertEquals("file cut.der: DER is truncated or corrupt: ",
                prefix(assertThrows(PkiException.class, () -> CertificateFiles.parse(Arrays.copyOf(der, der.length - 40),
                        "cut.der")).getMessage(), 43));
        byte[] trailing = Arrays.copyOf(der, der.length + 3);
        assertEquals("file trailing.der: DER has bytes after its end (corrupt or concatenated DER)",
                assertThrows(PkiException.class, () -> CertificateFiles.parse(trailing, "trailing.der")).getMessage());
        byte[] flipped = der.clone();
        flipped[3] = 0x05; // a broken inner length
        assertThrows(PkiException.class, () -> CertificateFiles.parse(flipped, "flipped.der"));

        String text = new String(pem(ca), StandardCharsets.US_ASCII);
        String withoutEnd = text.substring(0, text.indexOf("-----END"));
        PkiException truncated = assertThrows(PkiException.class, () -> CertificateFiles.parse(
                withoutEnd.getBytes(StandardCharsets.US_ASCII), "cut.pem"));
        assertTrue(truncated.getMessage().startsWith("file cut.pem: corrupt or truncated PEM: "), truncated.getMessage());
        String halfBody = text.substring(0, text.indexOf("-----BEGIN") + 200) + "\n-----END CERTIFICATE-----\n";
        PkiException half = assertThrows(PkiException.class, () -> CertificateFiles.parse(
                halfBody.getBytes(StandardCharsets.US_ASCII), "half.pem"));
        assertTrue(half.getMessage().startsWith("file half.pem: "), half.getMessage());
        String garbage = "-----BEGIN CERTIFICATE-----\n!!!! not base64 ????\n-----END CERTIFICATE-----\n";
        assertThrows(PkiException.class, () -> CertificateFiles.parse(garbage.getBytes(StandardCharsets.US_ASCII), "g.pem"));

        assertEquals("file e is empty", assertThrows(PkiException.class, () -> CertificateFiles.parse(new byte[0], "e"))
                .getMessage());
        assertEquals("file t.txt is not a certificate: neither PEM nor DER (expecting PEM '-----BEGIN CERTIFICATE-----',"
                + " a DER certificate or a PKCS #7 file)", assertThrows(PkiException.class, () -> CertificateFiles.parse(
                        "hello".getBytes(StandardCharsets.US_ASCII), "t.txt")).getMessage());
        String keyOnly = "-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n";
        assertEquals("file k.pem holds no certificate (found PRIVATE KEY)", assertThrows(PkiException.class,
                () -> CertificateFiles.parse(keyOnly.getBytes(StandardCharsets.US_ASCII), "k.pem")).getMessage());
        Path missing = dir.resolve("missing.pem");
        assertEquals("file " + missing + " does not exist", assertThrows(PkiException.class,
                () -> CertificateFiles.read(missing, 1024)).getMessage());
        Path big = dir.resolve("big.pem");
        Files.write(big, new byte[2048]);
        assertTrue(assertThrows(PkiException.class, () -> CertificateFiles.read(big, 1024)).getMessage()
                .contains("larger than the limit of 1024 bytes"));
    }

    private static String prefix(String s, int length) {
        return s.substring(0, Math.min(length, s.length()));
    }
}
