package org.secplane.ike.internal.auth;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.secplane.pki.CaProfileCertificate;
import org.secplane.pki.CertificateStore;
import org.secplane.pki.PathValidator;

/**
 * Peer certificate validation with the PKI as it is now: the {@link PathValidator} service over the CA profile
 * certificates of the {@link CertificateStore}, both looked up at each validation (they may come and go), through
 * {@link PkiPeerValidator}.
 *
 * <p>{@code certificate trusted-ca}: {@code use-all} (or nothing) trusts every CA profile; a number N trusts
 * the N-th CA profile counting from 0 in name order (the guide gives no meaning to the index; this one is
 * stable while the CA profiles do not change and is documented in the README).
 */
public final class StoreValidator implements PeerCertificateValidator {

    private final Supplier<PathValidator> validator;
    private final Supplier<CertificateStore> certificates;
    private final Supplier<Instant> time;

    public StoreValidator(Supplier<PathValidator> validator, Supplier<CertificateStore> certificates, Supplier<Instant> time) {
        this.validator = validator;
        this.certificates = certificates;
        this.time = time;
    }

    @Override
    public Result validate(List<X509Certificate> chain, String gateway, String trustedCa) {
        PathValidator v = validator.get();
        if (v == null) {
            return Result.invalid("the PKI's path validator is not available");
        }
        CertificateStore store = certificates.get();
        if (store == null) {
            return Result.invalid("the PKI's certificate store is not available");
        }
        List<CaProfileCertificate> anchors = anchors(store, trustedCa);
        if (anchors.isEmpty() && trustedCa != null && !trustedCa.equals("use-all")) {
            return Result.invalid("trusted-ca " + trustedCa + " of gateway " + gateway + " names no CA profile with a "
                    + "certificate (there are " + store.caCertificates().size() + ")");
        }
        return new PkiPeerValidator(v, ca -> anchors, time).validate(chain, gateway, trustedCa);
    }

    @Override
    public List<byte[]> certificateAuthorityKeyHashes(String trustedCa) {
        CertificateStore store = certificates.get();
        if (store == null) {
            return List.of();
        }
        List<CaProfileCertificate> anchors = anchors(store, trustedCa);
        return new PkiPeerValidator(null, ca -> anchors, time).certificateAuthorityKeyHashes(trustedCa);
    }

    static List<CaProfileCertificate> anchors(CertificateStore store, String trustedCa) {
        List<CaProfileCertificate> all = store.caCertificates();
        if (trustedCa == null || trustedCa.equals("use-all")) {
            return all;
        }
        try {
            long index = Long.parseLong(trustedCa);
            return index >= 0 && index < all.size() ? List.of(all.get((int) index)) : List.of();
        } catch (NumberFormatException e) {
            return all.stream().filter(c -> c.caProfile().equals(trustedCa)).toList();
        }
    }
}
