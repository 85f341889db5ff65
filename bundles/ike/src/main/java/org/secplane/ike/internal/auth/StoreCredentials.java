package org.secplane.ike.internal.auth;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Signer;
import org.secplane.keystore.KeyPairStore;
import org.secplane.keystore.PkiStoreException;
import org.secplane.pki.CaProfileCertificate;
import org.secplane.pki.CertificateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local credentials from the PKI: the local certificate {@code certificate local-certificate ID} from the
 * {@link CertificateStore}, its private key used through the {@link KeyPairStore}'s signer of the same
 * certificate-id (the key never leaves its store). The chain sent after the certificate is the CA profile
 * certificates that lead from its issuer towards a self-signed root, without the root itself (the peer trusts
 * it already). Both stores are looked up at each use, so they may come and go.
 */
public final class StoreCredentials implements LocalCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(StoreCredentials.class);
    /** Longest chain sent (the PKI's path limit, pki.md L757). */
    private static final int MAX_CHAIN = 9;

    private final Supplier<CertificateStore> certificates;
    private final Supplier<KeyPairStore> keys;

    public StoreCredentials(Supplier<CertificateStore> certificates, Supplier<KeyPairStore> keys) {
        this.certificates = certificates;
        this.keys = keys;
    }

    @Override
    public LocalCredential credential(String certificateId) {
        CertificateStore store = certificates.get();
        KeyPairStore keyStore = keys.get();
        if (certificateId == null || store == null || keyStore == null) {
            return null;
        }
        Optional<X509Certificate> certificate = store.localCertificate(certificateId);
        if (certificate.isEmpty() || !keyStore.exists(certificateId)) {
            return null;
        }
        X509Certificate own = certificate.get();
        List<X509Certificate> chain = chain(own, store.caCertificates());
        return new LocalCredential() {
            @Override
            public X509Certificate certificate() {
                return own;
            }

            @Override
            public List<X509Certificate> chain() {
                return chain;
            }

            @Override
            public Signer signer(Algorithm algorithm) {
                try {
                    return keyStore.signer(certificateId, algorithm);
                } catch (PkiStoreException | RuntimeException e) {
                    LOG.warn("local certificate {}: no {} signer from the key store: {}", certificateId, algorithm.label(),
                            e.getMessage());
                    return null;
                }
            }
        };
    }

    /** Intermediate CA certificates above {@code leaf}, nearest first, stopping before a self-signed one. */
    static List<X509Certificate> chain(X509Certificate leaf, List<CaProfileCertificate> cas) {
        List<X509Certificate> out = new ArrayList<>();
        X509Certificate current = leaf;
        while (out.size() < MAX_CHAIN) {
            X509Certificate issuer = issuerOf(current, cas);
            if (issuer == null || selfSigned(issuer) || out.contains(issuer)) {
                break;
            }
            out.add(issuer);
            current = issuer;
        }
        return List.copyOf(out);
    }

    private static X509Certificate issuerOf(X509Certificate c, List<CaProfileCertificate> cas) {
        for (CaProfileCertificate ca : cas) {
            X509Certificate candidate = ca.certificate();
            if (candidate.equals(c) || !candidate.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                continue;
            }
            try {
                c.verify(candidate.getPublicKey());
                return candidate;
            } catch (java.security.GeneralSecurityException e) {
                // same name, another key (a rollover): keep looking
            }
        }
        return null;
    }

    private static boolean selfSigned(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }
}
