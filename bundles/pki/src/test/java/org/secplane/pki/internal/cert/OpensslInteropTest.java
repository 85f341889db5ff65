package org.secplane.pki.internal.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secplane.pki.internal.cert.CertificateFixture.openssl;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.secplane.keystore.KeyType;

/**
 * Interoperability with OpenSSL, run as a real process: secplane's requests verify with {@code openssl req
 * -verify} and, signed by an OpenSSL CA, load back as local certificates that verify; exported self-signed
 * certificates pass {@code openssl verify}; CA and end-entity certificates that OpenSSL made with RSA, DSA and
 * ECDSA keys load (PEM, DER, PKCS #7; PKCS #8 and traditional key files) and validate.
 */
class OpensslInteropTest extends EngineTest {

    /** An OpenSSL CA of {@code type} in {@code dir}: {@code <name>.key}, {@code <name>.pem}. */
    private void opensslCa(String name, String type) throws Exception {
        String key = name + ".key";
        newKey(key, type);
        openssl(dir, "req", "-x509", "-new", "-key", key, "-subj", "/C=US/O=example/CN=" + name, "-days", "30",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-out", name + ".pem");
    }

    private void newKey(String file, String type) throws Exception {
        switch (type) {
            case "rsa":
                openssl(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", file);
                break;
            case "dsa":
                openssl(dir, "genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:1024",
                        "-out", file + ".params");
                openssl(dir, "genpkey", "-paramfile", file + ".params", "-out", file);
                break;
            default:
                openssl(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", file);
                break;
        }
    }

    /** Signs {@code csr} with CA {@code ca} as an IKE end-entity certificate, copying the request's names. */
    private void opensslSign(String ca, String csr, String out) throws Exception {
        Files.writeString(dir.resolve("ee.ext"), "keyUsage=critical,digitalSignature\nbasicConstraints=CA:FALSE\n"
                + "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
        openssl(dir, "x509", "-req", "-in", csr, "-CA", ca + ".pem", "-CAkey", ca + ".key", "-set_serial", "4097",
                "-days", "20", "-extfile", "ee.ext", "-copy_extensions", "copy", "-out", out);
    }

    /** The brief's interop scenario: CSR → openssl req -verify → signed by an OpenSSL CA → loaded back → verified. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rsa", "ecdsa"})
    void requestVerifiesWithOpensslIsSignedByAnOpensslCaAndLoadsBack(String type) throws Exception {
        fixture.keys.generate("local", KeyType.byLabel(type), type.equals("rsa") ? 2048 : 256);
        PKCS10CertificationRequest request = engine.generateRequest("local", RequestParameters.of(
                SubjectNames.parse("CN=router2.example.net,OU=vpn,O=example,C=US", () -> "x"), "router2.example.net",
                InetAddress.getByName("192.0.2.7"), "admin@example.net", type.equals("rsa") ? Signing.Digest.SHA256 : null,
                false));
        Files.writeString(dir.resolve("local.csr"), PkiCertificates.pem("CERTIFICATE REQUEST", request.getEncoded()));
        String verified = openssl(dir, "req", "-in", "local.csr", "-verify", "-noout", "-text");
        assertTrue(verified.contains("verify OK") || verified.contains("Certificate request self-signature verify OK"), verified);
        assertTrue(verified.contains("DNS:router2.example.net") && verified.contains("IP Address:192.0.2.7")
                && verified.contains("email:admin@example.net"), verified);

        opensslCa("Openssl-CA", "rsa");
        opensslSign("Openssl-CA", "local.csr", "local.pem");
        fixture.profiles.add("Openssl-CA");
        engine.storeCaCertificate("Openssl-CA", engine.prepareCaLoad("Openssl-CA", dir.resolve("Openssl-CA.pem")), "test");
        X509Certificate loaded = engine.loadLocalCertificate("local", dir.resolve("local.pem"), null);
        assertEquals(4097, loaded.getSerialNumber().intValue());
        assertEquals(List.of(), engine.requestIds(), "the pending request is replaced by the certificate");
        assertEquals("Local certificate local verification success", engine.verifyLocalCertificate("local"));
        assertEquals("CA certificate Openssl-CA verified successfully", engine.verifyCaCertificate("Openssl-CA"));
    }

    /** Exported self-signed certificates (system-generated, and one of the command) pass openssl verify. */
    @Test
    void exportedSelfSignedCertificatesPassOpensslVerify() throws Exception {
        engine.ensureSystemGenerated();
        engine.export(PkiCertificates.SYSTEM_GENERATED, dir.resolve("system.pem"), true);
        assertTrue(openssl(dir, "verify", "-CAfile", "system.pem", "system.pem").contains("system.pem: OK"));

        fixture.keys.generate("self-cert", KeyType.ECDSA, 256);
        engine.generateSelfSigned("self-cert", RequestParameters.of(SubjectNames.parse("cn=abc", () -> "x"),
                "example.net", InetAddress.getByName("1.2.3.4"), "mholmes@example.net", null, false));
        engine.export("self-cert", dir.resolve("self.der"), false);
        openssl(dir, "x509", "-inform", "DER", "-in", "self.der", "-out", "self.pem");
        assertTrue(openssl(dir, "verify", "-CAfile", "self.pem", "self.pem").contains("self.pem: OK"));
        String text = openssl(dir, "x509", "-in", "self.pem", "-noout", "-text");
        assertTrue(text.contains("DNS:example.net, IP Address:1.2.3.4") || text.contains("email:mholmes@example.net"), text);
    }

    /** Certificates OpenSSL made with RSA, DSA and ECDSA keys load with their key files and validate. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rsa", "dsa", "ecdsa"})
    void opensslCertificatesLoadWithTheirKeysAndValidate(String type) throws Exception {
        opensslCa("Root-" + type, type);
        newKey("host.key", type);
        openssl(dir, "req", "-new", "-key", "host.key", "-subj", "/C=US/O=example/CN=host-" + type, "-out", "host.csr");
        opensslSign("Root-" + type, "host.csr", "host.pem");
        // the key as OpenSSL's traditional PEM form too (RSA PRIVATE KEY, DSA PRIVATE KEY, EC PRIVATE KEY)
        openssl(dir, "pkey", "-in", "host.key", "-traditional", "-out", "host-traditional.key");
        assertTrue(Files.readString(dir.resolve("host-traditional.key")).contains(" PRIVATE KEY-----"));
        openssl(dir, "x509", "-in", "Root-" + type + ".pem", "-outform", "DER", "-out", "root.der");

        fixture.profiles.add("Root");
        X509Certificate root = engine.prepareCaLoad("Root", dir.resolve("root.der"));
        engine.storeCaCertificate("Root", root, "root.der");
        assertEquals("CA certificate Root verified successfully", engine.verifyCaCertificate("Root"));

        engine.loadLocalCertificate("host", dir.resolve("host.pem"), dir.resolve("host-traditional.key"));
        assertTrue(fixture.keys.exists("host"), "the private key is imported into the key store");
        assertEquals("Local certificate host verification success", engine.verifyLocalCertificate("host"));

        // the same certificate again, from a PKCS #7 bundle with its CA, against a PKCS #8 key file
        openssl(dir, "crl2pkcs7", "-nocrl", "-certfile", "host.pem", "-certfile", "Root-" + type + ".pem", "-outform", "DER",
                "-out", "chain.p7b");
        fixture.keys.delete("host");
        engine.clearLocalCertificate("host");
        X509Certificate fromBundle = engine.loadLocalCertificate("host", dir.resolve("chain.p7b"), dir.resolve("host.key"));
        assertEquals("CN=host-" + type, fromBundle.getSubjectX500Principal().getName().split(",")[0]);
        assertEquals("Local certificate host verification success", engine.verifyLocalCertificate("host"));

        // and the CA certificate out of the same bundle (the bundle's only CA)
        fixture.profiles.add("Root-again");
        assertEquals(root, engine.prepareCaLoad("Root-again", dir.resolve("chain.p7b")));
    }

    /** A key file that is not the certificate's key is refused, and neither key pair nor certificate is stored. */
    @Test
    void aKeyThatDoesNotMatchIsRefusedAndNothingIsStored() throws Exception {
        opensslCa("CA", "rsa");
        newKey("host.key", "rsa");
        newKey("other.key", "rsa");
        openssl(dir, "req", "-new", "-key", "host.key", "-subj", "/CN=host", "-out", "host.csr");
        opensslSign("CA", "host.csr", "host.pem");
        PkiException e = assertThrows(PkiException.class, () -> engine.loadLocalCertificate("host", dir.resolve("host.pem"),
                dir.resolve("other.key")));
        assertEquals("the private key in " + dir.resolve("other.key") + " does not match the certificate in "
                + dir.resolve("host.pem"), e.getMessage());
        assertFalse(fixture.keys.exists("host"));
        assertTrue(engine.localCertificateIds().isEmpty());

        openssl(dir, "pkey", "-in", "host.key", "-aes128", "-passout", "pass:secret", "-out", "encrypted.key");
        PkiException encrypted = assertThrows(PkiException.class, () -> engine.loadLocalCertificate("host",
                dir.resolve("host.pem"), dir.resolve("encrypted.key")));
        assertTrue(encrypted.getMessage().contains("holds an encrypted private key; decrypt it first"), encrypted.getMessage());
        assertFalse(fixture.keys.exists("host"));
        String keyText = Files.readString(dir.resolve("host.key"), StandardCharsets.US_ASCII);
        assertTrue(keyText.startsWith("-----BEGIN PRIVATE KEY-----"));
    }
}
