package org.secplane.ike.internal.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.secplane.pki.CaProfileCertificate;
import org.secplane.pki.PathValidationOptions;
import org.secplane.pki.PathValidationRequest;
import org.secplane.pki.PathValidationResult;
import org.secplane.pki.PathValidator;

/**
 * The engine's {@link PeerCertificateValidator} on top of the PKI bundle's {@link PathValidator}
 * ({@code bundles/pki-api}): the peer's end-entity certificate is validated for IKE use with the other
 * certificates it sent as untrusted intermediates, anchored at the CA profiles the IKE policy's
 * {@code certificate trusted-ca} names (all of them for {@code use-all} or none configured).
 */
public final class PkiPeerValidator implements PeerCertificateValidator {

    private final PathValidator validator;
    private final Function<String, List<CaProfileCertificate>> anchors;
    private final Supplier<Instant> time;

    /**
     * @param anchors the CA profile certificates for a {@code trusted-ca} value ({@code null} or {@code use-all}:
     *                every CA profile)
     * @param time    wall-clock time for validity periods
     */
    public PkiPeerValidator(PathValidator validator, Function<String, List<CaProfileCertificate>> anchors, Supplier<Instant> time) {
        this.validator = validator;
        this.anchors = anchors;
        this.time = time;
    }

    @Override
    public Result validate(List<X509Certificate> chain, String gateway, String trustedCa) {
        if (chain.isEmpty()) {
            return Result.invalid("no certificate");
        }
        List<CaProfileCertificate> trusted = anchors.apply(trustedCa);
        if (trusted == null || trusted.isEmpty()) {
            return Result.invalid("no CA profile is trusted for gateway " + gateway);
        }
        PathValidationRequest request = PathValidationRequest.builder(chain.get(0))
                .untrusted(chain.subList(1, chain.size()))
                .trusted(trusted)
                .at(time.get())
                .options(PathValidationOptions.builder().purpose(PathValidationOptions.Purpose.IKE).build())
                .build();
        PathValidationResult result = validator.validate(request);
        if (result.isValid()) {
            return Result.valid();
        }
        return Result.invalid(result.failure().map(f -> f.message()).orElse("path validation failed"));
    }

    @Override
    public List<byte[]> certificateAuthorityKeyHashes(String trustedCa) {
        List<CaProfileCertificate> trusted = anchors.apply(trustedCa);
        List<byte[]> out = new ArrayList<>();
        if (trusted == null) {
            return out;
        }
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            for (CaProfileCertificate c : trusted) {
                out.add(sha1.digest(c.certificate().getPublicKey().getEncoded()));
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
