package org.secplane.pki;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a certificate could not be validated: a {@link Reason}, the certificate at fault when there is one,
 * and a message in the Junos style that names it, for example
 * {@code certificate "C = US, O = Test Certificates, CN = Good CA" has expired (not after 04-19-2011 14:57 UTC)}.
 * The message never contains key material.
 */
public final class ValidationFailure {

    public enum Reason {
        /** No issuer certificate for a certificate of the chain among the untrusted and CA profile certificates. */
        ISSUER_NOT_FOUND,
        /** The chain ends at a self-signed certificate that is no CA profile's certificate. */
        UNTRUSTED_ROOT,
        /** More certificates than {@link PathValidationOptions#maxChainLength()}. */
        CHAIN_TOO_LONG,
        /** Path building stopped after too many candidate paths (many same-named certificates). */
        SEARCH_LIMIT,
        /** A signature does not verify, or uses an algorithm or key that is not accepted. */
        SIGNATURE,
        /** Not yet valid at the validation time. */
        NOT_YET_VALID,
        /** Expired at the validation time. */
        EXPIRED,
        /** A certificate that issues others is not a CA certificate (basic constraints). */
        NOT_A_CA,
        /** A CA's path length constraint is exceeded. */
        PATH_LENGTH,
        /** The key usage or extended key usage does not allow the use. */
        KEY_USAGE,
        /** A name is outside the permitted or inside the excluded subtrees of a CA. */
        NAME_CONSTRAINTS,
        /** Certificate policy processing failed (no acceptable policy, mapping of anyPolicy). */
        POLICY,
        /** A critical extension that is not recognised. */
        UNKNOWN_CRITICAL_EXTENSION,
        /** An extension or field that cannot be decoded or breaks RFC 5280 rules. */
        MALFORMED,
        /** Revoked. */
        REVOKED,
        /** The revocation status could not be determined. */
        REVOCATION_UNKNOWN
    }

    private final Reason reason;
    private final String message;
    private final X509Certificate certificate;

    private ValidationFailure(Reason reason, String message, X509Certificate certificate) {
        this.reason = Objects.requireNonNull(reason, "reason");
        this.message = Objects.requireNonNull(message, "message");
        this.certificate = certificate;
    }

    public static ValidationFailure of(Reason reason, String message, X509Certificate certificate) {
        return new ValidationFailure(reason, message, certificate);
    }

    public Reason reason() {
        return reason;
    }

    /**
     * The reason as one line, naming the certificate ({@code certificate "<issued-by form of its subject>"},
     * or {@code CA certificate <profile>} for a CA profile's certificate).
     */
    public String message() {
        return message;
    }

    /** The certificate at fault, when the failure is about one certificate. */
    public Optional<X509Certificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    @Override
    public String toString() {
        return reason + ": " + message;
    }
}
