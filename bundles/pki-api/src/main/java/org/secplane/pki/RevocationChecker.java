package org.secplane.pki;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers the revocation status of one certificate of a path (CRL, OCSP). The validator asks it once per
 * certificate, from the one below the trust anchor down to the end entity, only for a path whose
 * signatures, validity periods and constraints all passed, and stops at the first certificate that is
 * revoked (or unknown, unless the options accept that). It may block (download a CRL); it must not throw
 * — an exception is taken as {@link RevocationStatus#unknown(String) unknown}.
 *
 * <p>Registered as an OSGi service, it becomes the validator's default checker.
 */
@ConsumerType
public interface RevocationChecker {

    /** "No revocation checking" (Junos {@code revocation-check disable}): every certificate is reported as not checked. */
    RevocationChecker DISABLED = query -> RevocationStatus.notChecked("revocation checking disabled");

    RevocationStatus check(RevocationQuery query);
}
