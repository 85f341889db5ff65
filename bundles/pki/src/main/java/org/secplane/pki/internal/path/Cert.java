package org.secplane.pki.internal.path;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A certificate decoded once for path building and validation: its names (with their comparison keys),
 * key identifiers, public key and extensions, and how failure messages name it.
 */
final class Cert {

    final X509Certificate x509;
    final Certificate asn1;
    final byte[] encoded;
    final X500Name subject;
    final X500Name issuer;
    final String subjectKey;
    final String issuerKey;
    final byte[] subjectKeyId;
    final byte[] authorityKeyId;
    final Instant notBefore;
    final Instant notAfter;
    /** The CA profile whose certificate this is, when it is a trust anchor. */
    final String caProfile;
    private Boolean selfSigned;

    private Cert(X509Certificate x509, Certificate asn1, byte[] encoded, String caProfile) {
        this.x509 = x509;
        this.asn1 = asn1;
        this.encoded = encoded;
        this.caProfile = caProfile;
        this.subject = asn1.getSubject();
        this.issuer = asn1.getIssuer();
        this.subjectKey = Names.key(subject);
        this.issuerKey = Names.key(issuer);
        Extensions extensions = asn1.getTBSCertificate().getExtensions();
        this.subjectKeyId = subjectKeyId(extensions);
        this.authorityKeyId = authorityKeyId(extensions);
        this.notBefore = asn1.getStartDate().getDate().toInstant();
        this.notAfter = asn1.getEndDate().getDate().toInstant();
    }

    /**
     * Decodes a certificate.
     *
     * @throws IllegalArgumentException when the encoding cannot be decoded as an X.509 certificate
     */
    static Cert of(X509Certificate x509, String caProfile) {
        try {
            byte[] encoded = x509.getEncoded();
            return new Cert(x509, Certificate.getInstance(encoded), encoded, caProfile);
        } catch (CertificateEncodingException | RuntimeException e) {
            throw new IllegalArgumentException("certificate \"" + x509.getSubjectX500Principal().getName()
                    + "\" cannot be decoded: " + e.getMessage(), e);
        }
    }

    private static byte[] subjectKeyId(Extensions extensions) {
        try {
            SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(extensions);
            return ski == null ? null : ski.getKeyIdentifier();
        } catch (RuntimeException malformed) {
            return null; // reported by validation, which decodes every extension it relies on
        }
    }

    private static byte[] authorityKeyId(Extensions extensions) {
        try {
            AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(extensions);
            return aki == null || aki.getKeyIdentifierObject() == null ? null : aki.getKeyIdentifierObject().getOctets();
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    Extensions extensions() {
        return asn1.getTBSCertificate().getExtensions();
    }

    Extension extension(org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        Extensions extensions = extensions();
        return extensions == null ? null : extensions.getExtension(oid);
    }

    SubjectPublicKeyInfo publicKeyInfo() {
        return asn1.getSubjectPublicKeyInfo();
    }

    boolean isAnchor() {
        return caProfile != null;
    }

    /** RFC 5280 self-issued: issuer and subject names match. */
    boolean selfIssued() {
        return subjectKey.equals(issuerKey);
    }

    /** Self-issued and signed by its own key. */
    boolean selfSigned() {
        if (selfSigned == null) {
            selfSigned = selfIssued() && Signatures.verifiesWithOwnKey(this);
        }
        return selfSigned;
    }

    /** Same subject name and same public key: the same CA for loop detection (RFC 4158 §2.4.2). */
    boolean sameEntity(Cert other) {
        return subjectKey.equals(other.subjectKey) && publicKeyInfo().equals(other.publicKeyInfo());
    }

    /** Whether this certificate's key identifier matches the authority key identifier of {@code child}; null when unknown. */
    Boolean keyIdMatches(Cert child) {
        if (subjectKeyId == null || child.authorityKeyId == null) {
            return null;
        }
        return Arrays.equals(subjectKeyId, child.authorityKeyId);
    }

    boolean sameEncoding(Cert other) {
        return Arrays.equals(encoded, other.encoded);
    }

    String serialHex() {
        return x509.getSerialNumber().toString(16);
    }

    String subjectText() {
        return Names.junos(subject);
    }

    /** How messages name this certificate: {@code CA certificate Root-CA} or {@code certificate "C = US, ..."}. */
    String describe() {
        if (caProfile != null) {
            return "CA certificate " + caProfile + " (\"" + subjectText() + "\")";
        }
        return "certificate \"" + subjectText() + "\"";
    }

    @Override
    public String toString() {
        return describe();
    }
}
