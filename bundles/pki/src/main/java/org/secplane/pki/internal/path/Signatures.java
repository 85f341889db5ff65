package org.secplane.pki.internal.path;

import java.security.Provider;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.secplane.pki.ValidationFailure.Reason;

/**
 * Certificate signature verification through Bouncy Castle's JCA provider (an instance of its own, never
 * installed in {@link java.security.Security}): RSA PKCS#1 v1.5 and RSASSA-PSS, DSA, ECDSA, EdDSA. MD2 and
 * MD5 signatures are refused. A DSA key without parameters inherits those of the issuer's DSA key
 * (RFC 5280 §6.1.4 (f), PKITS 4.1.5).
 */
final class Signatures {

    private static final Set<ASN1ObjectIdentifier> REFUSED = Set.of(
            PKCSObjectIdentifiers.md2WithRSAEncryption, PKCSObjectIdentifiers.md4WithRSAEncryption,
            PKCSObjectIdentifiers.md5WithRSAEncryption);

    private static final class Holder {
        static final Provider BC = new BouncyCastleProvider();
    }

    private Signatures() {
    }

    static Provider provider() {
        return Holder.BC;
    }

    /**
     * Verifies the signature of {@code cert} with {@code issuerKey}.
     *
     * @throws PathFailure naming {@code cert} and {@code signer}
     */
    static void verify(Cert cert, SubjectPublicKeyInfo issuerKey, Cert signer) throws PathFailure {
        AlgorithmIdentifier outer = cert.asn1.getSignatureAlgorithm();
        if (!outer.equals(cert.asn1.getTBSCertificate().getSignature())) {
            throw new PathFailure(Reason.MALFORMED, cert, cert.describe()
                    + " has a signature algorithm that differs from the one in its signed part");
        }
        if (REFUSED.contains(outer.getAlgorithm())) {
            throw new PathFailure(Reason.SIGNATURE, cert, cert.describe() + " is signed with "
                    + algorithmName(outer) + ", which is not accepted");
        }
        if (isDsa(issuerKey) && !hasParameters(issuerKey)) {
            throw new PathFailure(Reason.SIGNATURE, cert, "cannot verify the signature of " + cert.describe()
                    + ": the DSA key of " + signer.describe() + " has no parameters to inherit");
        }
        boolean valid;
        try {
            valid = verifies(cert, issuerKey);
        } catch (OperatorCreationException | RuntimeException e) {
            throw new PathFailure(Reason.SIGNATURE, cert, "cannot verify the signature of " + cert.describe()
                    + " (" + algorithmName(outer) + ") with the key of " + signer.describe() + ": "
                    + e.getMessage());
        } catch (CertException e) {
            throw new PathFailure(Reason.SIGNATURE, cert, "cannot verify the signature of " + cert.describe()
                    + ": " + e.getMessage());
        }
        if (!valid) {
            throw new PathFailure(Reason.SIGNATURE, cert, "signature verification of " + cert.describe()
                    + " with the key of " + signer.describe() + " failed");
        }
    }

    static boolean verifiesWithOwnKey(Cert cert) {
        SubjectPublicKeyInfo key = cert.publicKeyInfo();
        if (isDsa(key) && !hasParameters(key)) {
            return false;
        }
        try {
            return verifies(cert, key);
        } catch (OperatorCreationException | CertException | RuntimeException e) {
            return false;
        }
    }

    private static boolean verifies(Cert cert, SubjectPublicKeyInfo key)
            throws OperatorCreationException, CertException {
        ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder().setProvider(provider()).build(key);
        return new X509CertificateHolder(cert.asn1).isSignatureValid(verifier);
    }

    static boolean isDsa(SubjectPublicKeyInfo key) {
        return X9ObjectIdentifiers.id_dsa.equals(key.getAlgorithm().getAlgorithm());
    }

    static boolean hasParameters(SubjectPublicKeyInfo key) {
        ASN1Encodable parameters = key.getAlgorithm().getParameters();
        return parameters != null && !(parameters instanceof ASN1Null);
    }

    /**
     * The working public key after {@code cert} (RFC 5280 §6.1.4 (d)-(f)): its own key, or for a DSA key
     * without parameters the same key with the parameters of the previous working key.
     */
    static SubjectPublicKeyInfo workingKey(Cert cert, SubjectPublicKeyInfo previous) {
        SubjectPublicKeyInfo key = cert.publicKeyInfo();
        if (isDsa(key) && !hasParameters(key) && isDsa(previous) && hasParameters(previous)) {
            return new SubjectPublicKeyInfo(previous.getAlgorithm(), key.getPublicKeyData().getBytes());
        }
        return key;
    }

    static String algorithmName(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.md2WithRSAEncryption)) {
            return "md2WithRSAEncryption";
        }
        if (oid.equals(PKCSObjectIdentifiers.md4WithRSAEncryption)) {
            return "md4WithRSAEncryption";
        }
        if (oid.equals(PKCSObjectIdentifiers.md5WithRSAEncryption)) {
            return "md5WithRSAEncryption";
        }
        String name = new org.bouncycastle.operator.DefaultAlgorithmNameFinder().getAlgorithmName(algorithm);
        return name == null ? oid.getId() : name;
    }
}
