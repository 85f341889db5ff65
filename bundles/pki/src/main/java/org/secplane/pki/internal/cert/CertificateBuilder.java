package org.secplane.pki.internal.cert;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.Signer;
import org.secplane.keystore.KeyPairInfo;
import org.secplane.keystore.KeyType;

/**
 * Builds PKCS #10 requests and self-signed certificates for a key pair of the key store, signed through
 * its {@link Signer}. Each result is checked against the key pair's public key before it is returned, so
 * a signer that misbehaves never produces a stored object.
 *
 * <p>Contents (pki.md §3.10, §3.14, §4.13, §6.4): subject as typed; extension request / extensions:
 * keyUsage (critical) digitalSignature (plus keyEncipherment for RSA, and keyCertSign and cRLSign with
 * {@code add-ca-constraint}), basicConstraints cA (critical) with {@code add-ca-constraint}, subjectAltName
 * from the identities. Self-signed certificates also carry subject and authority key identifiers, a random
 * 16-byte serial number and a validity of {@value #SELF_SIGNED_DAYS} days from the time they were
 * generated ("valid for five years", L716; 5 × 365 days as the sample shows, §6.1 #26).
 */
public final class CertificateBuilder {

    public static final int SELF_SIGNED_DAYS = 5 * 365;

    private CertificateBuilder() {
    }

    /** A PKCS #10 request for {@code key}, signed by {@code signer}. */
    public static PKCS10CertificationRequest request(KeyPairInfo key, Signer signer, RequestParameters parameters)
            throws PkiException {
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(key.publicKey().getEncoded());
        PKCS10CertificationRequestBuilder builder = new PKCS10CertificationRequestBuilder(parameters.subject(), publicKey);
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.keyUsage, true, keyUsage(key, parameters.addCaConstraint()));
            if (parameters.addCaConstraint()) {
                extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            }
            if (parameters.hasAlternativeNames()) {
                extensions.addExtension(Extension.subjectAlternativeName, false, parameters.alternativeNames());
            }
            builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
        } catch (IOException e) {
            throw new PkiException("cannot encode the certificate request: " + e.getMessage(), e);
        }
        PKCS10CertificationRequest request;
        try {
            request = builder.build(Signing.contentSigner(signer));
        } catch (CryptoException e) {
            throw new PkiException("key pair " + key.certificateId() + " cannot sign: " + e.getMessage(), e);
        }
        try {
            if (!request.isSignatureValid(verifier(publicKey))) {
                throw new PkiException("key pair " + key.certificateId() + " made a signature its public key does not verify");
            }
        } catch (PKCSException e) {
            throw new PkiException("the certificate request does not verify: " + e.getMessage(), e);
        }
        return request;
    }

    /** A self-signed certificate for {@code key}, valid from {@code now} (to the second) for five years. */
    public static X509Certificate selfSigned(KeyPairInfo key, Signer signer, RequestParameters parameters, Instant now,
            SecureRandom random) throws PkiException {
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(key.publicKey().getEncoded());
        Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(Duration.ofDays(SELF_SIGNED_DAYS));
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(parameters.subject(), serial(random),
                Date.from(notBefore), Date.from(notAfter), parameters.subject(), publicKey);
        X509CertificateHolder holder;
        try {
            JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
            if (parameters.addCaConstraint()) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            }
            builder.addExtension(Extension.keyUsage, true, keyUsage(key, parameters.addCaConstraint()));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, ids.createAuthorityKeyIdentifier(publicKey));
            if (parameters.hasAlternativeNames()) {
                builder.addExtension(Extension.subjectAlternativeName, false, parameters.alternativeNames());
            }
            holder = builder.build(Signing.contentSigner(signer));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new PkiException("cannot encode the certificate: " + e.getMessage(), e);
        } catch (CryptoException e) {
            throw new PkiException("key pair " + key.certificateId() + " cannot sign: " + e.getMessage(), e);
        }
        try {
            if (!holder.isSignatureValid(verifier(publicKey))) {
                throw new PkiException("key pair " + key.certificateId() + " made a signature its public key does not verify");
            }
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (org.bouncycastle.cert.CertException | java.security.cert.CertificateException e) {
            throw new PkiException("the self-signed certificate does not verify: " + e.getMessage(), e);
        }
    }

    /** The system-generated certificate's subject and identity (pki.md §4.13): CN=serial, CN=system generated, CN=self-signed. */
    public static org.bouncycastle.asn1.x500.X500Name systemGeneratedSubject(String deviceSerial) {
        return new org.bouncycastle.asn1.x500.X500NameBuilder(org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE)
                .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.CN, deviceSerial)
                .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.CN, "system generated")
                .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.CN, "self-signed")
                .build();
    }

    private static KeyUsage keyUsage(KeyPairInfo key, boolean ca) {
        int usage = KeyUsage.digitalSignature;
        if (key.type() == KeyType.RSA) {
            usage |= KeyUsage.keyEncipherment;
        }
        if (ca) {
            usage |= KeyUsage.keyCertSign | KeyUsage.cRLSign;
        }
        return new KeyUsage(usage);
    }

    /** 16 random bytes, positive and non-zero (RFC 5280 §4.1.2.2: at most 20 octets). */
    private static BigInteger serial(SecureRandom random) {
        byte[] bytes = new byte[16];
        BigInteger serial;
        do {
            random.nextBytes(bytes);
            bytes[0] &= 0x7f;
            serial = new BigInteger(1, bytes);
        } while (serial.signum() == 0 || bytes[0] == 0);
        return serial;
    }

    private static ContentVerifierProvider verifier(SubjectPublicKeyInfo publicKey) throws PkiException {
        try {
            return new JcaContentVerifierProviderBuilder().setProvider(Signing.BC).build(publicKey);
        } catch (OperatorCreationException e) {
            throw new PkiException("cannot verify with the key pair's public key: " + e.getMessage(), e);
        }
    }
}
