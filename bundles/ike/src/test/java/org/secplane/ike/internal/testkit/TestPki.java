package org.secplane.ike.internal.testkit;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Signer;
import org.secplane.ike.internal.auth.LocalCredential;

/** Keys, CA and end-entity certificates made with Bouncy Castle for the certificate tests. */
public final class TestPki {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private TestPki() {
    }

    public static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return g.generateKeyPair();
    }

    public static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    private static String signatureAlgorithm(PrivateKey key) {
        return key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    }

    public static X509Certificate ca(String dn, KeyPair keys) throws Exception {
        return issue(dn, keys.getPublic(), dn, keys.getPrivate(), true);
    }

    public static X509Certificate issue(String dn, PublicKey key, String issuerDn, PrivateKey issuerKey, boolean ca,
            GeneralName... names) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name(issuerDn),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(365, ChronoUnit.DAYS)), name(dn), key);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        if (names.length > 0) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        return new JcaX509CertificateConverter().setProvider(BC)
                .getCertificate(b.build(new JcaContentSignerBuilder(signatureAlgorithm(issuerKey)).setProvider(BC).build(issuerKey)));
    }

    /** The DN as the JDK encodes an RFC 2253 string (the last RDN written is the first in DER). */
    static X500Name name(String dn) {
        return X500Name.getInstance(new javax.security.auth.x500.X500Principal(dn).getEncoded());
    }

    /** A credential signing through the test registry's software providers. */
    public static LocalCredential credential(X509Certificate certificate, PrivateKey key, List<X509Certificate> chain, boolean pss) {
        return new LocalCredential() {
            @Override
            public X509Certificate certificate() {
                return certificate;
            }

            @Override
            public List<X509Certificate> chain() {
                return chain;
            }

            @Override
            public Signer signer(Algorithm algorithm) {
                return TestCrypto.direct().signer(algorithm, key);
            }

            @Override
            public boolean preferPss() {
                return pss;
            }
        };
    }
}
