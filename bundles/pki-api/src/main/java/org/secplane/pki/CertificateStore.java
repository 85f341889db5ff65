package org.secplane.pki;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The certificates the PKI holds, read-only, for key management: the CA certificate of every CA profile
 * (configured ones and those a {@code ca-profile-group load} created, named {@code <group>_<n>_sysgen}) and the
 * local certificates by certificate-id. The private key of a local certificate stays in the key store
 * ({@code org.secplane.keystore.KeyPairStore}, same certificate-id).
 * <p>Registered as an OSGi service by the PKI bundle. Thread-safe; answers reflect loads and clears at once.
 */
public interface CertificateStore {

    /** Every CA profile that has a CA certificate loaded, in CA profile name order. */
    List<CaProfileCertificate> caCertificates();

    /** The CA certificate of CA profile {@code caProfile}, if one is loaded. */
    Optional<CaProfileCertificate> caCertificate(String caProfile);

    /** The local certificate {@code certificateId} (loaded, enrolled or self-signed), if there is one. */
    Optional<X509Certificate> localCertificate(String certificateId);
}
