package org.secplane.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One validation: the certificate to validate (a peer's end-entity certificate, a local certificate, or a
 * CA profile's certificate), the untrusted certificates that may complete its chain (the CA certificates a
 * peer sent in its IKE certificate payloads, in any order), the CA profile certificates that anchor trust,
 * the time instant, the options and optionally the revocation checker. Immutable; build with
 * {@link #builder(X509Certificate)}.
 */
public final class PathValidationRequest {

    private final X509Certificate certificate;
    private final List<X509Certificate> untrusted;
    private final List<CaProfileCertificate> trusted;
    private final Instant time;
    private final PathValidationOptions options;
    private final RevocationChecker revocationChecker;

    private PathValidationRequest(Builder b) {
        this.certificate = b.certificate;
        this.untrusted = List.copyOf(b.untrusted);
        this.trusted = List.copyOf(b.trusted);
        this.time = b.time == null ? Instant.now() : b.time;
        this.options = b.options;
        this.revocationChecker = b.revocationChecker;
    }

    /** A request to validate {@code certificate}. */
    public static Builder builder(X509Certificate certificate) {
        return new Builder(certificate);
    }

    /** The certificate to validate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** Certificates that may serve as intermediate CAs; never trust anchors. */
    public List<X509Certificate> untrusted() {
        return untrusted;
    }

    /** The trust anchors: the certificates of the CA profiles trusted for this validation. */
    public List<CaProfileCertificate> trusted() {
        return trusted;
    }

    public Instant time() {
        return time;
    }

    public PathValidationOptions options() {
        return options;
    }

    /** The checker asked for each certificate of the path; empty means the validator's default. */
    public Optional<RevocationChecker> revocationChecker() {
        return Optional.ofNullable(revocationChecker);
    }

    public static final class Builder {
        private final X509Certificate certificate;
        private final List<X509Certificate> untrusted = new ArrayList<>();
        private final List<CaProfileCertificate> trusted = new ArrayList<>();
        private Instant time;
        private PathValidationOptions options = PathValidationOptions.defaults();
        private RevocationChecker revocationChecker;

        private Builder(X509Certificate certificate) {
            this.certificate = Objects.requireNonNull(certificate, "certificate");
        }

        /** Adds untrusted candidate CA certificates (duplicates are ignored). */
        public Builder untrusted(Collection<? extends X509Certificate> certificates) {
            certificates.forEach(c -> untrusted.add(Objects.requireNonNull(c, "untrusted certificate")));
            return this;
        }

        public Builder untrusted(X509Certificate... certificates) {
            return untrusted(List.of(certificates));
        }

        /** Adds trust anchors. */
        public Builder trusted(Collection<CaProfileCertificate> anchors) {
            anchors.forEach(a -> trusted.add(Objects.requireNonNull(a, "trusted CA profile certificate")));
            return this;
        }

        public Builder trusted(CaProfileCertificate... anchors) {
            return trusted(List.of(anchors));
        }

        public Builder trusted(String caProfile, X509Certificate certificate) {
            trusted.add(CaProfileCertificate.of(caProfile, certificate));
            return this;
        }

        /** The instant at which the path must be valid; the current time when not set. */
        public Builder at(Instant instant) {
            this.time = Objects.requireNonNull(instant, "time");
            return this;
        }

        public Builder options(PathValidationOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        public Builder revocationChecker(RevocationChecker checker) {
            this.revocationChecker = Objects.requireNonNull(checker, "revocation checker");
            return this;
        }

        public PathValidationRequest build() {
            return new PathValidationRequest(this);
        }
    }
}
