package org.secplane.pki.internal.cert;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Locale;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.Signer;
import org.secplane.keystore.KeyPairInfo;
import org.secplane.keystore.KeyType;

/**
 * Signatures of requests and certificates: the digest rules of pki.md §4.15, a Bouncy Castle
 * {@link ContentSigner} over the key store's {@link Signer} (so the private key never leaves its store; with
 * the PKCS#11 backend the token signs), and the check that a private key signs what its certificate's
 * public key verifies.
 */
public final class Signing {

    /** One provider object for this bundle; never added to the JVM-wide provider list. */
    public static final BouncyCastleProvider BC = new BouncyCastleProvider();

    /** The {@code digest} option: {@code sha1} (the guide's default) or {@code sha256}. */
    public enum Digest {
        SHA1("sha1"), SHA256("sha256");

        private final String label;

        Digest(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Digest byLabel(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }

    private Signing() {
    }

    /**
     * The signature for a key and an optional {@code digest}: RSA and DSA sign with SHA-1 unless
     * {@code sha256} is asked; ECDSA signs with the hash of its curve (SHA-256 for P-256, SHA-384 for P-384),
     * and a {@code digest} that differs from it is refused (the guide offers no choice there).
     */
    public static Algorithm algorithm(KeyPairInfo key, Digest digest) throws PkiException {
        switch (key.type()) {
            case RSA:
                return digest == Digest.SHA256 ? Algorithm.RSA_PKCS1_SHA256 : Algorithm.RSA_PKCS1_SHA1;
            case DSA:
                return digest == Digest.SHA256 ? Algorithm.DSA_SHA256 : Algorithm.DSA_SHA1;
            default:
                Algorithm algorithm = KeyType.ECDSA.defaultSignature(key.size());
                if (digest == Digest.SHA1 || (digest == Digest.SHA256 && algorithm != Algorithm.ECDSA_P256_SHA256)) {
                    throw new PkiException("digest " + digest.label() + " cannot be used with key pair "
                            + key.certificateId() + ": ECDSA-" + key.size() + " keys sign with SHA-" + key.size());
                }
                return algorithm;
        }
    }

    /** The JCA name of a signature algorithm ({@code SHA256withRSA}). */
    static String jcaName(Algorithm algorithm) {
        switch (algorithm) {
            case RSA_PKCS1_SHA1:
                return "SHA1withRSA";
            case RSA_PKCS1_SHA256:
                return "SHA256withRSA";
            case RSA_PKCS1_SHA384:
                return "SHA384withRSA";
            case RSA_PKCS1_SHA512:
                return "SHA512withRSA";
            case DSA_SHA1:
                return "SHA1withDSA";
            case DSA_SHA256:
                return "SHA256withDSA";
            case ECDSA_P256_SHA256:
                return "SHA256withECDSA";
            case ECDSA_P384_SHA384:
                return "SHA384withECDSA";
            default:
                throw new IllegalArgumentException(algorithm.label() + " cannot sign certificates here");
        }
    }

    /** A content signer that hands the bytes to be signed to the key store's signer. */
    public static ContentSigner contentSigner(Signer signer) {
        AlgorithmIdentifier identifier = new DefaultSignatureAlgorithmIdentifierFinder().find(jcaName(signer.algorithm()));
        return new ContentSigner() {
            private final ByteArrayOutputStream data = new ByteArrayOutputStream(1024);

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return identifier;
            }

            @Override
            public OutputStream getOutputStream() {
                return data;
            }

            @Override
            public byte[] getSignature() {
                return signer.sign(data.toByteArray());
            }
        };
    }

    /** Whether {@code signature} over {@code data} verifies with {@code publicKey} (an X.509 SubjectPublicKeyInfo). */
    public static boolean verifies(byte[] publicKeyInfo, Algorithm algorithm, byte[] data, byte[] signature) {
        try {
            PublicKey key = publicKey(publicKeyInfo);
            Signature verifier = Signature.getInstance(jcaName(algorithm), BC);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static PublicKey publicKey(byte[] publicKeyInfo) throws GeneralSecurityException {
        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo info =
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(publicKeyInfo);
        String oid = info.getAlgorithm().getAlgorithm().getId();
        String algorithm = oid.equals("1.2.840.10045.2.1") ? "EC" : oid.startsWith("1.2.840.10040.4") ? "DSA" : "RSA";
        return KeyFactory.getInstance(algorithm, BC).generatePublic(new X509EncodedKeySpec(publicKeyInfo));
    }

    /**
     * Proves that the key pair's private key belongs to {@code publicKeyInfo}: it signs a fresh challenge
     * through the key store and the signature must verify with that public key ("checks the associated
     * private key, and verifies the signing operation", L1802).
     */
    public static void proveKey(Signer signer, byte[] publicKeyInfo, byte[] challenge, String what) throws PkiException {
        byte[] signature;
        try {
            signature = signer.sign(challenge);
        } catch (CryptoException e) {
            throw new PkiException(what + ": the private key cannot sign: " + e.getMessage(), e);
        }
        if (!verifies(publicKeyInfo, signer.algorithm(), challenge, signature)) {
            throw new PkiException(what + ": the private key does not match the certificate's public key");
        }
    }
}
