/**
 * Certification path validation as a service: a {@link org.secplane.pki.PathValidator} takes a
 * {@link org.secplane.pki.PathValidationRequest} (the certificate to validate, the untrusted certificates
 * that may complete its chain, the CA profiles' certificates that anchor trust, a time and
 * {@link org.secplane.pki.PathValidationOptions}) and answers a {@link org.secplane.pki.PathValidationResult}:
 * the valid path and the CA profile that anchored it, or a {@link org.secplane.pki.ValidationFailure} naming
 * the certificate at fault. Revocation is a hook ({@link org.secplane.pki.RevocationChecker}) asked once per
 * certificate of the path with its issuer. The loaded CA profile and local certificates are read through
 * the {@link org.secplane.pki.CertificateStore}.
 */
@Export
@Version("1.1.0")
package org.secplane.pki;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
