package org.secplane.ike.internal.auth;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Validates a peer's certificate chain against the configured CA profiles. This is the minimal interface the
 * IKE engine needs; the path validator of {@code bundles/pki-api} (being written) is to be adapted to it.
 */
public interface PeerCertificateValidator {

    /** Rejects everything: no PKI present. */
    PeerCertificateValidator NONE = new PeerCertificateValidator() {
        @Override
        public Result validate(List<X509Certificate> chain, String gateway, String trustedCa) {
            return Result.invalid("no certificate validation is available");
        }

        @Override
        public List<byte[]> certificateAuthorityKeyHashes(String trustedCa) {
            return List.of();
        }
    };

    /**
     * {@code chain}: the end-entity certificate first, then whatever else the peer sent, in the order sent.
     * {@code trustedCa}: the IKE policy's {@code certificate trusted-ca} ({@code null} = any configured CA).
     */
    Result validate(List<X509Certificate> chain, String gateway, String trustedCa);

    /** SHA-1 hashes of the trusted CAs' SubjectPublicKeyInfo, for CERTREQ payloads (RFC 7296 §3.7). */
    List<byte[]> certificateAuthorityKeyHashes(String trustedCa);

    /** The outcome of a validation. */
    final class Result {
        private final boolean valid;
        private final String reason;

        private Result(boolean valid, String reason) {
            this.valid = valid;
            this.reason = reason;
        }

        public static Result valid() {
            return new Result(true, "valid");
        }

        public static Result invalid(String reason) {
            return new Result(false, reason);
        }

        public boolean isValid() {
            return valid;
        }

        public String reason() {
            return reason;
        }
    }
}
