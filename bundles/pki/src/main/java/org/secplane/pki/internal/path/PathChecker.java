package org.secplane.pki.internal.path;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PolicyConstraints;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.secplane.pki.PathValidationOptions;
import org.secplane.pki.PathValidationOptions.Purpose;
import org.secplane.pki.ValidationFailure.Reason;

/**
 * The basic path validation of RFC 5280 §6.1 for one candidate path, except revocation (asked afterwards
 * by the engine, once everything else passed): signatures, validity periods, name chaining, basic and path
 * length constraints, key usage, name constraints, certificate policies and critical extensions, then the
 * requirements of the purpose on the certificate being validated.
 *
 * <p>The CA profile certificate is the trust anchor: its name and key start the path (a DSA key without
 * parameters cannot be an anchor). It is itself checked for its validity period, and, as trust anchor
 * constraints (RFC 5937), its basic constraints (when present, cA must be set and its pathLenConstraint
 * applies), key usage (keyCertSign when present) and name constraints; its certificate policies are not
 * used as constraints.
 */
final class PathChecker {

    /** Extensions this validator processes or that are informational for it (RFC 5280 §4.2). */
    static final Set<ASN1ObjectIdentifier> RECOGNISED = Set.of(
            Extension.basicConstraints, Extension.keyUsage, Extension.extendedKeyUsage,
            Extension.certificatePolicies, Extension.policyMappings, Extension.policyConstraints,
            Extension.inhibitAnyPolicy, Extension.nameConstraints, Extension.subjectAlternativeName,
            Extension.issuerAlternativeName, Extension.subjectKeyIdentifier, Extension.authorityKeyIdentifier,
            Extension.cRLDistributionPoints, Extension.freshestCRL, Extension.authorityInfoAccess,
            Extension.subjectInfoAccess);

    /** Extended key usages acceptable in a critical extension of an IKE certificate. */
    private static final Set<KeyPurposeId> IKE_PURPOSES = Set.of(
            KeyPurposeId.anyExtendedKeyUsage, KeyPurposeId.id_kp_ipsecIKE, KeyPurposeId.id_kp_ipsecEndSystem,
            KeyPurposeId.id_kp_ipsecTunnel, KeyPurposeId.id_kp_ipsecUser, KeyPurposeId.id_kp_serverAuth,
            KeyPurposeId.id_kp_clientAuth,
            KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.8.2.2"))); // iKEIntermediate

    private final Cert anchor;
    private final List<Cert> path; // c1 (issued by the anchor) .. cn (the certificate being validated)
    private final Instant time;
    private final PathValidationOptions options;

    PathChecker(Cert anchor, List<Cert> path, Instant time, PathValidationOptions options) {
        this.anchor = anchor;
        this.path = path;
        this.time = time;
        this.options = options;
    }

    /**
     * Validates the path.
     *
     * @return the user-constrained policy set
     */
    Set<String> check() throws PathFailure {
        int n = path.size();
        PolicyTree tree = new PolicyTree();
        NameConstraintsState names = new NameConstraintsState();
        int explicitPolicy = options.explicitPolicyRequired() ? 0 : n + 1;
        int inhibitAnyPolicy = options.anyPolicyInhibited() ? 0 : n + 1;
        int policyMapping = options.policyMappingInhibited() ? 0 : n + 1;
        int maxPathLength = n;

        checkValidity(anchor);
        SubjectPublicKeyInfo workingKey = anchor.publicKeyInfo();
        if (Signatures.isDsa(workingKey) && !Signatures.hasParameters(workingKey)) {
            throw new PathFailure(Reason.SIGNATURE, anchor, anchor.describe()
                    + " has a DSA key without parameters and cannot anchor a path");
        }
        BasicConstraints anchorConstraints = basicConstraints(anchor);
        if (anchorConstraints != null) {
            if (!anchorConstraints.isCA()) {
                throw new PathFailure(Reason.NOT_A_CA, anchor, anchor.describe()
                        + " is not a CA certificate (basic constraints cA is not set)");
            }
            if (anchorConstraints.getPathLenConstraint() != null) {
                maxPathLength = Math.min(maxPathLength, anchorConstraints.getPathLenConstraint().intValue());
            }
        }
        KeyUsage anchorUsage = keyUsage(anchor);
        if (anchorUsage != null && !anchorUsage.hasUsages(KeyUsage.keyCertSign)) {
            throw new PathFailure(Reason.KEY_USAGE, anchor, "the key usage of " + anchor.describe()
                    + " does not allow certificate signing");
        }
        NameConstraints anchorNames = nameConstraints(anchor);
        if (anchorNames != null) {
            names.add(anchor, anchorNames);
        }
        Cert signer = anchor;

        for (int i = 1; i <= n; i++) {
            Cert cert = path.get(i - 1);
            boolean last = i == n;
            // §6.1.3 (a): signature, validity, (revocation later), name chaining
            if (!cert.issuerKey.equals(signer.subjectKey)) {
                throw new PathFailure(Reason.ISSUER_NOT_FOUND, cert, "the issuer \"" + Names.junos(cert.issuer)
                        + "\" of " + cert.describe() + " does not match the subject of " + signer.describe());
            }
            Signatures.verify(cert, workingKey, signer);
            checkValidity(cert);
            GeneralNames altNames = subjectAltNames(cert);
            // (b), (c): name constraints, for the end entity and for CAs that are not self-issued
            if (last || !cert.selfIssued()) {
                names.check(cert, altNames == null ? null : altNames.getNames());
            }
            // (d)-(f): certificate policies
            List<String> policies = policies(cert);
            if (policies == null) {
                tree.makeNull();
            } else {
                tree.processCertificatePolicies(i, policies,
                        inhibitAnyPolicy > 0 || (!last && cert.selfIssued()));
            }
            if (explicitPolicy <= 0 && tree.isNull()) {
                throw new PathFailure(Reason.POLICY, cert, "no acceptable certificate policy remains at "
                        + cert.describe() + " and the path requires an explicit policy");
            }
            if (last) {
                break;
            }
            // §6.1.4: preparation for certificate i+1
            Map<String, Set<String>> mappings = policyMappings(cert);
            tree.processMappings(i, mappings, policyMapping > 0);
            workingKey = Signatures.workingKey(cert, workingKey);
            NameConstraints constraints = nameConstraints(cert);
            if (constraints != null) {
                names.add(cert, constraints);
            }
            if (!cert.selfIssued()) {
                if (explicitPolicy != 0) {
                    explicitPolicy--;
                }
                if (policyMapping != 0) {
                    policyMapping--;
                }
                if (inhibitAnyPolicy != 0) {
                    inhibitAnyPolicy--;
                }
            }
            PolicyConstraints policyConstraints = policyConstraints(cert);
            if (policyConstraints != null) {
                if (policyConstraints.getRequireExplicitPolicyMapping() != null) {
                    explicitPolicy = Math.min(explicitPolicy, skipCerts(cert,
                            policyConstraints.getRequireExplicitPolicyMapping().intValue()));
                }
                if (policyConstraints.getInhibitPolicyMapping() != null) {
                    policyMapping = Math.min(policyMapping, skipCerts(cert,
                            policyConstraints.getInhibitPolicyMapping().intValue()));
                }
            }
            Integer inhibitAny = inhibitAnyPolicy(cert);
            if (inhibitAny != null) {
                inhibitAnyPolicy = Math.min(inhibitAnyPolicy, inhibitAny);
            }
            BasicConstraints basic = basicConstraints(cert);
            if (basic == null || !basic.isCA()) {
                throw new PathFailure(Reason.NOT_A_CA, cert, cert.describe() + " issues "
                        + path.get(i).describe() + " but is not a CA certificate ("
                        + (basic == null ? "no basic constraints" : "basic constraints cA is not set") + ")");
            }
            if (!cert.selfIssued()) {
                if (maxPathLength <= 0) {
                    throw new PathFailure(Reason.PATH_LENGTH, cert, cert.describe()
                            + " exceeds the path length constraint of the CAs above it");
                }
                maxPathLength--;
            }
            if (basic.getPathLenConstraint() != null) {
                maxPathLength = Math.min(maxPathLength, basic.getPathLenConstraint().intValue());
            }
            KeyUsage usage = keyUsage(cert);
            if (usage != null && !usage.hasUsages(KeyUsage.keyCertSign)) {
                throw new PathFailure(Reason.KEY_USAGE, cert, "the key usage of " + cert.describe()
                        + " does not allow certificate signing");
            }
            checkCriticalExtensions(cert);
            signer = cert;
        }

        // §6.1.5 wrap-up
        Cert target = path.get(n - 1);
        if (explicitPolicy != 0) {
            explicitPolicy--;
        }
        PolicyConstraints targetConstraints = policyConstraints(target);
        if (targetConstraints != null && targetConstraints.getRequireExplicitPolicyMapping() != null
                && targetConstraints.getRequireExplicitPolicyMapping().intValue() == 0) {
            explicitPolicy = 0;
        }
        checkCriticalExtensions(target);
        Set<String> policies = tree.intersect(n, options.initialPolicies());
        if (explicitPolicy <= 0 && policies.isEmpty()) {
            throw new PathFailure(Reason.POLICY, target, "no certificate policy of " + target.describe()
                    + " is acceptable" + (options.initialPolicies().contains(PolicyTree.ANY) ? ""
                            : " (initial policy set " + options.initialPolicies() + ")")
                    + " and the path requires an explicit policy");
        }
        checkPurpose(target);
        return policies;
    }

    /** The degenerate path of a self-signed CA profile certificate validated on its own. */
    static void checkAnchorAlone(Cert anchor, Instant time, PathValidationOptions options) throws PathFailure {
        PathChecker checker = new PathChecker(anchor, List.of(), time, options);
        checker.checkValidity(anchor);
        Signatures.verify(anchor, anchor.publicKeyInfo(), anchor);
        checker.checkCriticalExtensions(anchor);
        checker.checkPurpose(anchor);
    }

    private void checkValidity(Cert cert) throws PathFailure {
        if (time.isBefore(cert.notBefore)) {
            throw new PathFailure(Reason.NOT_YET_VALID, cert, cert.describe() + " is not yet valid (not before "
                    + Names.date(cert.notBefore) + ")");
        }
        if (time.isAfter(cert.notAfter)) {
            throw new PathFailure(Reason.EXPIRED, cert, cert.describe() + " has expired (not after "
                    + Names.date(cert.notAfter) + ")");
        }
    }

    private void checkCriticalExtensions(Cert cert) throws PathFailure {
        Extensions extensions = cert.extensions();
        if (extensions == null) {
            return;
        }
        for (ASN1ObjectIdentifier oid : extensions.getCriticalExtensionOIDs()) {
            if (!RECOGNISED.contains(oid)) {
                throw new PathFailure(Reason.UNKNOWN_CRITICAL_EXTENSION, cert, cert.describe()
                        + " has an unrecognised critical extension " + oid.getId());
            }
        }
    }

    /** The requirements of the purpose on the certificate being validated. */
    private void checkPurpose(Cert target) throws PathFailure {
        Purpose purpose = options.purpose();
        if (purpose == Purpose.ANY) {
            return;
        }
        KeyUsage usage = keyUsage(target);
        if (purpose == Purpose.CA) {
            BasicConstraints basic = basicConstraints(target);
            if (basic == null || !basic.isCA()) {
                throw new PathFailure(Reason.NOT_A_CA, target, target.describe() + " is not a CA certificate ("
                        + (basic == null ? "no basic constraints" : "basic constraints cA is not set") + ")");
            }
            if (usage != null && !usage.hasUsages(KeyUsage.keyCertSign)) {
                throw new PathFailure(Reason.KEY_USAGE, target, "the key usage of " + target.describe()
                        + " does not allow certificate signing");
            }
            return;
        }
        if (usage != null && !usage.hasUsages(KeyUsage.digitalSignature)
                && !usage.hasUsages(KeyUsage.nonRepudiation)) {
            throw new PathFailure(Reason.KEY_USAGE, target, "the key usage of " + target.describe()
                    + " allows neither digital signature nor non-repudiation, needed to authenticate IKE");
        }
        Extension eku = target.extension(Extension.extendedKeyUsage);
        if (eku != null && eku.isCritical()) {
            ExtendedKeyUsage usages = decode(target, "extended key usage",
                    () -> ExtendedKeyUsage.getInstance(eku.getParsedValue()));
            for (KeyPurposeId id : usages.getUsages()) {
                if (IKE_PURPOSES.contains(id)) {
                    return;
                }
            }
            throw new PathFailure(Reason.KEY_USAGE, target, "the critical extended key usage of "
                    + target.describe() + " does not allow IKE (no ipsecIKE, IPsec, server or client "
                    + "authentication or anyExtendedKeyUsage purpose)");
        }
    }

    private static int skipCerts(Cert cert, int value) throws PathFailure {
        if (value < 0) {
            throw new PathFailure(Reason.MALFORMED, cert, cert.describe() + " has a negative SkipCerts value");
        }
        return value;
    }

    // ---- extension decoding: a malformed extension fails the path, naming the certificate

    private interface Decoder<T> {
        T decode();
    }

    private static <T> T decode(Cert cert, String what, Decoder<T> decoder) throws PathFailure {
        try {
            return decoder.decode();
        } catch (RuntimeException e) {
            throw new PathFailure(Reason.MALFORMED, cert, cert.describe() + " has a malformed " + what
                    + " extension" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    static BasicConstraints basicConstraints(Cert cert) throws PathFailure {
        Extension ext = cert.extension(Extension.basicConstraints);
        return ext == null ? null : decode(cert, "basic constraints", () -> BasicConstraints.getInstance(ext.getParsedValue()));
    }

    static KeyUsage keyUsage(Cert cert) throws PathFailure {
        Extension ext = cert.extension(Extension.keyUsage);
        return ext == null ? null : decode(cert, "key usage", () -> KeyUsage.getInstance(ext.getParsedValue()));
    }

    private static NameConstraints nameConstraints(Cert cert) throws PathFailure {
        Extension ext = cert.extension(Extension.nameConstraints);
        return ext == null ? null : decode(cert, "name constraints", () -> NameConstraints.getInstance(ext.getParsedValue()));
    }

    private static GeneralNames subjectAltNames(Cert cert) throws PathFailure {
        Extension ext = cert.extension(Extension.subjectAlternativeName);
        return ext == null ? null : decode(cert, "subject alternative name", () -> GeneralNames.getInstance(ext.getParsedValue()));
    }

    private static PolicyConstraints policyConstraints(Cert cert) throws PathFailure {
        Extension ext = cert.extension(Extension.policyConstraints);
        return ext == null ? null : decode(cert, "policy constraints", () -> PolicyConstraints.getInstance(ext.getParsedValue()));
    }

    private static Integer inhibitAnyPolicy(Cert cert) throws PathFailure {
        Extension ext = cert.extension(Extension.inhibitAnyPolicy);
        if (ext == null) {
            return null;
        }
        int value = decode(cert, "inhibit anyPolicy", () -> ASN1Integer.getInstance(ext.getParsedValue()).intValueExact());
        return skipCerts(cert, value);
    }

    /** The certificate's policy OIDs, or null without a certificate policies extension. */
    private static List<String> policies(Cert cert) throws PathFailure {
        Extension ext = cert.extension(Extension.certificatePolicies);
        if (ext == null) {
            return null;
        }
        CertificatePolicies policies = decode(cert, "certificate policies",
                () -> CertificatePolicies.getInstance(ext.getParsedValue()));
        Set<String> out = new LinkedHashSet<>();
        for (PolicyInformation info : policies.getPolicyInformation()) {
            if (!out.add(info.getPolicyIdentifier().getId())) {
                throw new PathFailure(Reason.MALFORMED, cert, cert.describe() + " lists certificate policy "
                        + info.getPolicyIdentifier().getId() + " more than once");
            }
        }
        return new ArrayList<>(out);
    }

    /** issuerDomainPolicy to its subjectDomainPolicies; fails on a mapping from or to anyPolicy (§6.1.4 (a)). */
    private static Map<String, Set<String>> policyMappings(Cert cert) throws PathFailure {
        Extension ext = cert.extension(Extension.policyMappings);
        if (ext == null) {
            return Map.of();
        }
        ASN1Sequence sequence = decode(cert, "policy mappings", () -> ASN1Sequence.getInstance(ext.getParsedValue()));
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (int k = 0; k < sequence.size(); k++) {
            final int index = k;
            ASN1Sequence pair = decode(cert, "policy mappings", () -> ASN1Sequence.getInstance(sequence.getObjectAt(index)));
            if (pair.size() != 2) {
                throw new PathFailure(Reason.MALFORMED, cert, cert.describe() + " has a malformed policy mappings extension");
            }
            String issuerPolicy = decode(cert, "policy mappings",
                    () -> ASN1ObjectIdentifier.getInstance(pair.getObjectAt(0)).getId());
            String subjectPolicy = decode(cert, "policy mappings",
                    () -> ASN1ObjectIdentifier.getInstance(pair.getObjectAt(1)).getId());
            if (PolicyTree.ANY.equals(issuerPolicy) || PolicyTree.ANY.equals(subjectPolicy)) {
                throw new PathFailure(Reason.POLICY, cert, cert.describe() + " maps "
                        + (PolicyTree.ANY.equals(issuerPolicy) ? "from" : "to") + " anyPolicy, which RFC 5280 forbids");
            }
            out.computeIfAbsent(issuerPolicy, p -> new LinkedHashSet<>()).add(subjectPolicy);
        }
        return out;
    }
}
