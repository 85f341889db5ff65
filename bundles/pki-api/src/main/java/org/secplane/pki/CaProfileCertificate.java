package org.secplane.pki;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * The CA certificate loaded for a configured CA profile: a trust anchor. It need not be self-signed; a
 * path stops at the first CA profile certificate it reaches (Junos: the peers need "at least one common
 * trusted CA", which "does not have to be the root CA").
 */
public final class CaProfileCertificate {

    private final String caProfile;
    private final X509Certificate certificate;

    private CaProfileCertificate(String caProfile, X509Certificate certificate) {
        this.caProfile = Objects.requireNonNull(caProfile, "caProfile");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
    }

    public static CaProfileCertificate of(String caProfile, X509Certificate certificate) {
        return new CaProfileCertificate(caProfile, certificate);
    }

    /** The CA profile name, e.g. {@code Root-CA}. */
    public String caProfile() {
        return caProfile;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaProfileCertificate other && caProfile.equals(other.caProfile)
                && certificate.equals(other.certificate);
    }

    @Override
    public int hashCode() {
        return caProfile.hashCode() * 31 + certificate.hashCode();
    }

    @Override
    public String toString() {
        return "CA profile " + caProfile + " (" + certificate.getSubjectX500Principal().getName() + ")";
    }
}
