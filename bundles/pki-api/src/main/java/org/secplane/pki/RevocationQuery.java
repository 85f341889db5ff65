package org.secplane.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link RevocationChecker} is asked: the status of {@link #certificate()} at {@link #time()}, whose
 * issuer in this path is {@link #issuer()} (the certificate whose key verified its signature). The path
 * is anchored at the CA profile {@link #caProfile()}, whose revocation settings apply (a CA that is not
 * configured locally inherits them, as Junos dynamic CA profiles do).
 */
public final class RevocationQuery {

    private final X509Certificate certificate;
    private final X509Certificate issuer;
    private final int depth;
    private final String caProfile;
    private final Instant time;

    private RevocationQuery(X509Certificate certificate, X509Certificate issuer, int depth, String caProfile,
            Instant time) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.depth = depth;
        this.caProfile = Objects.requireNonNull(caProfile, "caProfile");
        this.time = Objects.requireNonNull(time, "time");
    }

    /**
     * @param depth position in the path: 0 for the certificate being validated, 1 for its issuer, ...
     */
    public static RevocationQuery of(X509Certificate certificate, X509Certificate issuer, int depth,
            String caProfile, Instant time) {
        return new RevocationQuery(certificate, issuer, depth, caProfile, time);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public X509Certificate issuer() {
        return issuer;
    }

    /** 0 for the certificate being validated (the end entity), 1 for its issuer, and so on. */
    public int depth() {
        return depth;
    }

    /** The CA profile whose certificate anchors the path. */
    public String caProfile() {
        return caProfile;
    }

    public Instant time() {
        return time;
    }

    @Override
    public String toString() {
        return "revocation of " + certificate.getSubjectX500Principal().getName() + " (serial "
                + certificate.getSerialNumber().toString(16) + ") issued by "
                + issuer.getSubjectX500Principal().getName() + " at " + time + ", CA profile " + caProfile;
    }
}
