package org.secplane.pki.internal.path;

import org.secplane.pki.ValidationFailure;
import org.secplane.pki.ValidationFailure.Reason;

/** A validation step that failed, with the certificate at fault; becomes a {@link ValidationFailure}. */
final class PathFailure extends Exception {

    private static final long serialVersionUID = 1L;

    final Reason reason;
    final transient Cert certificate;

    PathFailure(Reason reason, Cert certificate, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.certificate = certificate;
    }

    ValidationFailure toFailure() {
        return ValidationFailure.of(reason, getMessage(), certificate == null ? null : certificate.x509);
    }
}
