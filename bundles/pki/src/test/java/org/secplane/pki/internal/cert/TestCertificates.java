package org.secplane.pki.internal.cert;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made in the test, with exactly the fields a test needs. */
final class TestCertificates {

    private TestCertificates() {
    }

    static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    /** A certificate of {@code subject} for {@code key}, issued by {@code issuer} (signed with {@code signer}). */
    static X509Certificate certificate(String subject, KeyPair key, String issuer, KeyPair signer, BigInteger serial,
            Instant notBefore, Instant notAfter, Object... extensions) throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), serial,
                Date.from(notBefore), Date.from(notAfter), new X500Name(subject), key.getPublic());
        for (int i = 0; i < extensions.length; i += 3) {
            builder.addExtension((org.bouncycastle.asn1.ASN1ObjectIdentifier) extensions[i], (Boolean) extensions[i + 1],
                    (ASN1Encodable) extensions[i + 2]);
        }
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA1withRSA").build(signer.getPrivate())));
    }

    /** A self-signed CA certificate valid from now for a day. */
    static X509Certificate ca(String subject, KeyPair key) throws Exception {
        return certificate(subject, key, subject, key, BigInteger.ONE, Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(86400), Extension.basicConstraints, true,
                new org.bouncycastle.asn1.x509.BasicConstraints(true));
    }
}
