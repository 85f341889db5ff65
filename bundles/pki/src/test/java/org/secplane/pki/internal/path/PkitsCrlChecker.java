package org.secplane.pki.internal.path;

import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1OctetString;
import org.secplane.pki.PathValidationOptions;
import org.secplane.pki.PathValidationRequest;
import org.secplane.pki.PathValidator;
import org.secplane.pki.RevocationChecker;
import org.secplane.pki.RevocationQuery;
import org.secplane.pki.RevocationStatus;

/**
 * TEST ONLY — a deliberately simple CRL checker over the PKITS CRL files, standing in for the revocation
 * issue so that part of PKITS 4.4, 4.5 and 4.7 can run today. It knows complete CRLs issued directly by
 * the certificate's issuer: signature (by the issuer's key, or by another certificate of the issuer's name
 * with cRLSign that itself validates — PKITS 4.4.19-4.4.21, 4.5.6-4.5.8), the issuer's key usage allowing
 * cRLSign, thisUpdate/nextUpdate, critical CRL and entry extensions. It does NOT implement issuing
 * distribution points, distribution points, delta CRLs, indirect CRLs or reason partitions: a CRL with a
 * critical extension of those kinds is unusable to it, so the status is unknown. The production CRL and
 * OCSP checkers belong to the revocation issue.
 */
final class PkitsCrlChecker implements RevocationChecker {

    private static final String CRL_NUMBER = "2.5.29.20";
    private static final String AUTHORITY_KEY_ID = "2.5.29.35";
    private static final String REASON_CODE = "2.5.29.21";
    private static final String INVALIDITY_DATE = "2.5.29.24";
    private static final Set<String> KNOWN_CRL_EXTENSIONS = Set.of(CRL_NUMBER, AUTHORITY_KEY_ID);
    private static final Set<String> KNOWN_ENTRY_EXTENSIONS = Set.of(REASON_CODE, INVALIDITY_DATE);

    private static final String[] REASONS = {"unspecified", "keyCompromise", "cACompromise", "affiliationChanged",
        "superseded", "cessationOfOperation", "certificateHold", "reason 7", "removeFromCRL", "privilegeWithdrawn",
        "aACompromise"};

    private final Collection<X509CRL> crls;
    private final Collection<X509Certificate> certificates;
    private final PathValidator validator;
    private final PathValidationRequest context;
    /** CRLs whose signer is being validated: their own signer's status is read from them (no recursion). */
    private final Set<X509CRL> inProgress = new HashSet<>();

    PkitsCrlChecker(Collection<X509CRL> crls, Collection<X509Certificate> certificates, PathValidator validator,
            PathValidationRequest context) {
        this.crls = crls;
        this.certificates = certificates;
        this.validator = validator;
        this.context = context;
    }

    @Override
    public synchronized RevocationStatus check(RevocationQuery query) {
        X509Certificate cert = query.certificate();
        X509Certificate issuer = query.issuer();
        List<String> problems = new ArrayList<>();
        boolean good = false;
        for (X509CRL crl : crls) {
            if (!crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal())) {
                continue;
            }
            String problem = unusable(crl, issuer, query.time());
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            X509CRLEntry entry = crl.getRevokedCertificate(cert.getSerialNumber());
            if (entry != null) {
                Set<String> critical = entry.getCriticalExtensionOIDs();
                if (critical != null && !KNOWN_ENTRY_EXTENSIONS.containsAll(critical)) {
                    problems.add("a CRL entry has an unknown critical extension " + critical);
                    continue;
                }
                return RevocationStatus.revoked(reason(entry), entry.getRevocationDate().toInstant());
            }
            good = true;
        }
        if (good) {
            return RevocationStatus.good("PKITS test CRL");
        }
        return RevocationStatus.unknown(problems.isEmpty()
                ? "no CRL issued by " + cert.getIssuerX500Principal().getName()
                : String.join("; ", problems));
    }

    /** Why the CRL cannot be used, or null. */
    private String unusable(X509CRL crl, X509Certificate issuer, Instant time) {
        Set<String> critical = crl.getCriticalExtensionOIDs();
        if (critical != null && !KNOWN_CRL_EXTENSIONS.containsAll(critical)) {
            return "CRL with unsupported critical extensions " + critical;
        }
        if (time.isBefore(crl.getThisUpdate().toInstant())) {
            return "CRL not yet valid";
        }
        if (crl.getNextUpdate() == null || time.isAfter(crl.getNextUpdate().toInstant())) {
            return "CRL expired (next update " + crl.getNextUpdate() + ")";
        }
        if (inProgress.contains(crl)) {
            return null; // its signature was verified by the caller; the signer's own entry is read from it
        }
        if (verifies(crl, issuer)) {
            return allowsCrlSigning(issuer) ? null : "the CRL issuer's key usage does not allow CRL signing";
        }
        for (X509Certificate signer : certificates) {
            if (signer.equals(issuer) || !signer.getSubjectX500Principal().equals(crl.getIssuerX500Principal())
                    || !verifies(crl, signer)) {
                continue;
            }
            if (!allowsCrlSigning(signer)) {
                return "the CRL signer's key usage does not allow CRL signing";
            }
            inProgress.add(crl);
            try {
                PathValidationRequest request = PathValidationRequest.builder(signer)
                        .untrusted(certificates).trusted(context.trusted()).at(time)
                        .options(context.options().toBuilder().purpose(PathValidationOptions.Purpose.ANY).build())
                        .revocationChecker(this).build();
                var result = validator.validate(request);
                if (result.isValid()) {
                    return null;
                }
                return "the CRL signer certificate is not valid: " + result.failure().orElseThrow().message();
            } finally {
                inProgress.remove(crl);
            }
        }
        return "CRL signature does not verify";
    }

    private static boolean verifies(X509CRL crl, X509Certificate signer) {
        try {
            crl.verify(signer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean allowsCrlSigning(X509Certificate cert) {
        boolean[] usage = cert.getKeyUsage();
        return usage == null || usage[6];
    }

    private static String reason(X509CRLEntry entry) {
        byte[] value = entry.getExtensionValue(REASON_CODE);
        if (value == null) {
            return "unspecified";
        }
        int code = ASN1Enumerated.getInstance(ASN1OctetString.getInstance(value).getOctets()).intValueExact();
        return code >= 0 && code < REASONS.length ? REASONS[code] : "reason " + code;
    }
}
