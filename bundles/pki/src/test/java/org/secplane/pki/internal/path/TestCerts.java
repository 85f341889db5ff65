package org.secplane.pki.internal.path;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made for the engine tests with Bouncy Castle: key pairs of each kind and a fluent issuer. */
final class TestCerts {

    static final Provider BC = new BouncyCastleProvider();
    static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    private static final AtomicLong SERIAL = new AtomicLong(0x1000);
    private static final ConcurrentHashMap<String, List<KeyPair>> KEYS = new ConcurrentHashMap<>();

    enum KeyType {
        RSA_2048("RSA", 2048, "SHA256withRSA"),
        RSA_PSS("RSA", 2048, "SHA256withRSAandMGF1"),
        DSA_2048("DSA", 2048, "SHA256withDSA"),
        EC_P256("EC", 256, "SHA256withECDSA"),
        EC_P384("EC", 384, "SHA384withECDSA");

        final String algorithm;
        final int size;
        final String signature;

        KeyType(String algorithm, int size, String signature) {
            this.algorithm = algorithm;
            this.size = size;
            this.signature = signature;
        }
    }

    private TestCerts() {
    }

    /** A fresh key pair; RSA keys come from a small pool per test run to keep the tests fast. */
    static KeyPair keyPair(KeyType type) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type.algorithm, BC);
            if (type.algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec(type.size == 256 ? "secp256r1" : "secp384r1"));
            } else {
                generator.initialize(type.size);
            }
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The i-th key pair of a pool of RSA keys, generated once. */
    static KeyPair rsa(int i) {
        List<KeyPair> pool = KEYS.computeIfAbsent("rsa", k -> new ArrayList<>());
        synchronized (pool) {
            while (pool.size() <= i) {
                pool.add(keyPair(KeyType.RSA_2048));
            }
            return pool.get(i);
        }
    }

    static X500Name name(String dn) {
        return new X500Name(dn);
    }

    /** An entity: a name and a key pair, able to issue certificates. */
    static final class Entity {
        final X500Name name;
        final KeyPair keys;
        final KeyType type;

        Entity(String dn, KeyPair keys, KeyType type) {
            this.name = name(dn);
            this.keys = keys;
            this.type = type;
        }

        Spec issue(Entity subject) {
            return new Spec(this, subject.name, subject.keys.getPublic());
        }

        Spec selfSigned() {
            return new Spec(this, name, keys.getPublic()).ca(null);
        }
    }

    static Entity entity(String dn, int rsaKey) {
        return new Entity(dn, rsa(rsaKey), KeyType.RSA_2048);
    }

    static Entity entity(String dn, KeyType type) {
        return new Entity(dn, keyPair(type), type);
    }

    /** What a certificate will hold. */
    static final class Spec {
        private final Entity issuer;
        private final X500Name subject;
        private final PublicKey subjectKey;
        private Instant notBefore = NOW.minus(Duration.ofDays(30));
        private Instant notAfter = NOW.plus(Duration.ofDays(365));
        private BasicConstraints basic;
        private Integer keyUsage;
        private ExtendedKeyUsage eku;
        private boolean ekuCritical;
        private final List<Object[]> extensions = new ArrayList<>();
        private String signature;
        private boolean keyIds = true;

        Spec(Entity issuer, X500Name subject, PublicKey subjectKey) {
            this.issuer = issuer;
            this.subject = subject;
            this.subjectKey = subjectKey;
        }

        Spec ca(Integer pathLen) {
            this.basic = pathLen == null ? new BasicConstraints(true) : new BasicConstraints(pathLen);
            if (keyUsage == null) {
                keyUsage = KeyUsage.keyCertSign | KeyUsage.cRLSign;
            }
            return this;
        }

        Spec notCa() {
            this.basic = new BasicConstraints(false);
            return this;
        }

        Spec noBasicConstraints() {
            this.basic = null;
            return this;
        }

        Spec keyUsage(Integer bits) {
            this.keyUsage = bits;
            return this;
        }

        Spec eku(boolean critical, KeyPurposeId... purposes) {
            this.eku = new ExtendedKeyUsage(purposes);
            this.ekuCritical = critical;
            return this;
        }

        Spec validity(Instant from, Instant to) {
            this.notBefore = from;
            this.notAfter = to;
            return this;
        }

        Spec extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
            extensions.add(new Object[] {oid, critical, value});
            return this;
        }

        Spec signature(String algorithm) {
            this.signature = algorithm;
            return this;
        }

        Spec withoutKeyIdentifiers() {
            this.keyIds = false;
            return this;
        }

        X509Certificate build() {
            return build(issuer.keys.getPrivate());
        }

        /** Signed with {@code signingKey} instead of the issuer's key (a forged certificate). */
        X509Certificate build(PrivateKey signingKey) {
            try {
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.name,
                        BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                        subject, subjectKey);
                JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
                if (keyIds) {
                    builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
                    builder.addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(issuer.keys.getPublic()));
                }
                if (basic != null) {
                    builder.addExtension(Extension.basicConstraints, true, basic);
                }
                if (keyUsage != null) {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                }
                if (eku != null) {
                    builder.addExtension(Extension.extendedKeyUsage, ekuCritical, eku);
                }
                for (Object[] e : extensions) {
                    builder.addExtension((ASN1ObjectIdentifier) e[0], (Boolean) e[1], (ASN1Encodable) e[2]);
                }
                String algorithm = signature != null ? signature : issuer.type.signature;
                ContentSigner signer = new JcaContentSignerBuilder(algorithm).setProvider(BC).build(signingKey);
                return toJdk(builder.build(signer).getEncoded());
            } catch (Exception e) {
                throw new IllegalStateException("cannot make certificate " + subject + ": " + e, e);
            }
        }
    }

    /** Parses with the JDK's certificate factory, as the product receives certificates. */
    static X509Certificate toJdk(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate with one bit of its signature flipped. */
    static X509Certificate tamperSignature(X509Certificate certificate) {
        try {
            byte[] der = certificate.getEncoded();
            der[der.length - 5] ^= 0x01; // inside the signature BIT STRING, the last field
            return toJdk(der);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final int EE_USAGE = KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
}
