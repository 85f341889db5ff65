package org.secplane.pki;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Builds and validates certification paths (RFC 5280 §6) from a certificate up to the certificate of a
 * configured CA profile. Thread-safe; a validation never throws for bad input, it answers a failure.
 *
 * <p>Registered as an OSGi service by the PKI bundle. A request without its own
 * {@link PathValidationRequest#revocationChecker() revocation checker} is checked with the
 * {@link RevocationChecker} service of the system when one is registered, otherwise with
 * {@link RevocationChecker#DISABLED}.
 */
@ProviderType
public interface PathValidator {

    PathValidationResult validate(PathValidationRequest request);
}
