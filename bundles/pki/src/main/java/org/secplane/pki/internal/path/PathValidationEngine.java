package org.secplane.pki.internal.path;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.secplane.pki.CaProfileCertificate;
import org.secplane.pki.PathValidationOptions;
import org.secplane.pki.PathValidationRequest;
import org.secplane.pki.PathValidationResult;
import org.secplane.pki.PathValidator;
import org.secplane.pki.RevocationChecker;
import org.secplane.pki.RevocationQuery;
import org.secplane.pki.RevocationStatus;
import org.secplane.pki.ValidationFailure;
import org.secplane.pki.ValidationFailure.Reason;

/**
 * The path validator: builds candidate paths from the certificate being validated up to a CA profile
 * certificate, depth first with backtracking (RFC 4158), and validates each with {@link PathChecker}
 * until one is valid, then asks the revocation checker about each of its certificates.
 *
 * <p>Building: the issuers of a certificate are the candidates whose subject matches its issuer name
 * (RFC 5280 name comparison); CA profile certificates come first (the path stops at the first trusted
 * CA, which need not be a root), then the untrusted ones. Among equals, a candidate whose subject key
 * identifier matches the authority key identifier comes first, one that does not match comes last,
 * self-signed candidates come after the others, and then those valid at the validation time. A
 * certificate with the subject name and key of one already in the path is a loop and skipped, which is
 * what makes cross-certified CA domains work. At most {@link PathValidationOptions#maxChainLength()}
 * certificates, end entity through CA profile certificate; the search looks one certificate further to
 * report the exact length of a chain that is too long.
 *
 * <p>When every candidate fails, the failure reported is the first one of a complete path (reaching a
 * CA profile certificate); without one, a chain that is too long; without one, the dead end of the longest
 * chain (issuer not found or untrusted self-signed root).
 *
 * <p>Plain Java: no OSGi, thread-safe, no state between validations.
 */
public final class PathValidationEngine implements PathValidator {

    /** Complete candidate paths validated at most per request. */
    static final int MAX_ATTEMPTS = 32;
    /** Certificates added to partial paths at most per request. */
    static final int MAX_STEPS = 2000;

    private final Supplier<RevocationChecker> defaultChecker;

    /** A validator whose default is no revocation checking. */
    public PathValidationEngine() {
        this(() -> RevocationChecker.DISABLED);
    }

    /** @param defaultChecker the checker of requests that do not name one */
    public PathValidationEngine(Supplier<RevocationChecker> defaultChecker) {
        this.defaultChecker = Objects.requireNonNull(defaultChecker, "defaultChecker");
    }

    @Override
    public PathValidationResult validate(PathValidationRequest request) {
        RevocationChecker checker = request.revocationChecker().orElseGet(defaultChecker);
        Cert target;
        try {
            target = Cert.of(request.certificate(), null);
        } catch (IllegalArgumentException e) {
            return PathValidationResult.invalid(ValidationFailure.of(Reason.MALFORMED, e.getMessage(),
                    request.certificate()));
        }
        try {
            return new Search(request, target, checker == null ? RevocationChecker.DISABLED : checker).run();
        } catch (RuntimeException e) {
            // a certificate that breaks a decoder in a way no check anticipated: fail it, never throw at IKE
            return PathValidationResult.invalid(ValidationFailure.of(Reason.MALFORMED, target.describe()
                    + " cannot be validated: " + e, request.certificate()));
        }
    }

    private static final class Search {
        private final PathValidationRequest request;
        private final PathValidationOptions options;
        private final Cert target;
        private final RevocationChecker checker;
        private final Map<String, List<Cert>> anchorsByName = new HashMap<>();
        private final Map<String, List<Cert>> untrustedByName = new HashMap<>();
        private final Map<Cert, Map<Cert, RevocationStatus>> revocationCache = new IdentityHashMap<>();
        private int attempts;
        private int steps;
        private boolean limitReached;
        private PathFailure pathFailure;
        private PathFailure tooLongExact;
        private PathFailure deadEnd;
        private int deadEndLength;
        private PathValidationResult valid;

        Search(PathValidationRequest request, Cert target, RevocationChecker checker) {
            this.request = request;
            this.options = request.options();
            this.target = target;
            this.checker = checker;
            List<Cert> anchors = new ArrayList<>();
            for (CaProfileCertificate anchor : request.trusted()) {
                Cert cert = decodeOrNull(anchor.certificate(), anchor.caProfile());
                if (cert != null && anchors.stream().noneMatch(a -> a.sameEncoding(cert))) {
                    anchors.add(cert);
                }
            }
            for (Cert anchor : anchors) {
                anchorsByName.computeIfAbsent(anchor.subjectKey, k -> new ArrayList<>()).add(anchor);
            }
            Set<ByteBuffer> seen = new HashSet<>();
            seen.add(ByteBuffer.wrap(target.encoded));
            anchors.forEach(a -> seen.add(ByteBuffer.wrap(a.encoded)));
            for (X509Certificate x509 : request.untrusted()) {
                Cert cert = decodeOrNull(x509, null);
                if (cert != null && seen.add(ByteBuffer.wrap(cert.encoded))) {
                    untrustedByName.computeIfAbsent(cert.subjectKey, k -> new ArrayList<>()).add(cert);
                }
            }
        }

        /** Undecodable certificates offered as candidates are ignored: a path may exist without them. */
        private static Cert decodeOrNull(X509Certificate x509, String caProfile) {
            try {
                return Cert.of(x509, caProfile);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        PathValidationResult run() {
            Cert targetAnchor = null;
            for (Cert anchor : anchorsByName.getOrDefault(target.subjectKey, List.of())) {
                if (anchor.sameEncoding(target)) {
                    targetAnchor = anchor;
                }
            }
            if (targetAnchor != null) {
                if (targetAnchor.selfSigned()) {
                    return validateAnchorAlone(targetAnchor);
                }
                // a CA profile's certificate that is not self-signed chains to another CA profile
                anchorsByName.get(target.subjectKey).remove(targetAnchor);
            }
            List<Cert> chain = new ArrayList<>();
            chain.add(target);
            search(chain);
            if (valid != null) {
                return valid;
            }
            PathFailure failure = pathFailure != null ? pathFailure : tooLongExact != null ? tooLongExact : deadEnd;
            if (limitReached) {
                String first = failure == null ? "" : "; first failure: " + failure.getMessage();
                failure = new PathFailure(Reason.SEARCH_LIMIT, target, "path building for " + target.describe()
                        + " stopped after " + attempts + " candidate paths and " + steps + " steps" + first);
            }
            if (failure == null) {
                failure = new PathFailure(Reason.ISSUER_NOT_FOUND, target, "no issuer of " + target.describe()
                        + " was found");
            }
            return PathValidationResult.invalid(failure.toFailure());
        }

        private PathValidationResult validateAnchorAlone(Cert anchor) {
            try {
                PathChecker.checkAnchorAlone(anchor, request.time(), options);
            } catch (PathFailure f) {
                return PathValidationResult.invalid(f.toFailure());
            }
            return PathValidationResult.valid(List.of(anchor.x509), anchor.caProfile, Set.of(), List.of());
        }

        /** Depth-first search; true when a valid path was found (or the search must stop). */
        private boolean search(List<Cert> chain) {
            Cert top = chain.get(chain.size() - 1);
            List<Cert> anchors = candidates(anchorsByName, top, chain);
            for (Cert anchor : anchors) {
                int length = chain.size() + 1;
                if (length > options.maxChainLength()) {
                    if (tooLongExact == null) {
                        tooLongExact = new PathFailure(Reason.CHAIN_TOO_LONG, target, "the certificate chain of "
                                + target.describe() + " through " + anchor.describe() + " has " + length
                                + " certificates, more than the maximum of " + options.maxChainLength());
                    }
                    continue;
                }
                if (attempts >= MAX_ATTEMPTS) {
                    limitReached = true;
                    return true;
                }
                attempts++;
                if (attempt(chain, anchor)) {
                    return true;
                }
            }
            List<Cert> issuers = candidates(untrustedByName, top, chain);
            if (anchors.isEmpty() && issuers.isEmpty()) {
                recordDeadEnd(chain, top);
                return false;
            }
            if (!issuers.isEmpty() && chain.size() >= options.maxChainLength()) {
                if (tooLongExact == null && deadEndLength <= chain.size()) {
                    deadEndLength = chain.size() + 1;
                    deadEnd = new PathFailure(Reason.CHAIN_TOO_LONG, target, "the certificate chain of "
                            + target.describe() + " reaches no CA profile certificate within the maximum of "
                            + options.maxChainLength() + " certificates");
                }
                return false;
            }
            for (Cert issuer : issuers) {
                if (++steps > MAX_STEPS) {
                    limitReached = true;
                    return true;
                }
                chain.add(issuer);
                boolean done = search(chain);
                chain.remove(chain.size() - 1);
                if (done) {
                    return true;
                }
            }
            return false;
        }

        private void recordDeadEnd(List<Cert> chain, Cert top) {
            if (chain.size() <= deadEndLength) {
                return;
            }
            deadEndLength = chain.size();
            boolean loops = !untrustedByName.getOrDefault(top.issuerKey, List.of()).isEmpty()
                    || !anchorsByName.getOrDefault(top.issuerKey, List.of()).isEmpty();
            if (loops && !top.selfSigned()) {
                deadEnd = new PathFailure(Reason.UNTRUSTED_ROOT, top, "the certificate chain of " + target.describe()
                        + " only leads from " + top.describe() + " back to certificates already in it and reaches"
                        + " no CA certificate of a configured CA profile");
            } else if (top.selfSigned()) {
                deadEnd = new PathFailure(Reason.UNTRUSTED_ROOT, top, (top == target ? "" : "the certificate chain of "
                        + target.describe() + " ends at ") + (top == target ? top.describe() + " is self-signed"
                        : "self-signed " + top.describe()) + " and is not the CA certificate of a configured CA profile");
            } else {
                deadEnd = new PathFailure(Reason.ISSUER_NOT_FOUND, top, "the issuer \"" + Names.junos(top.issuer)
                        + "\" of " + top.describe() + " is neither the CA certificate of a configured CA profile"
                        + " nor among the other certificates supplied");
            }
        }

        /** The certificates that may have issued {@code top}, best first, without loops. */
        private List<Cert> candidates(Map<String, List<Cert>> byName, Cert top, List<Cert> chain) {
            List<Cert> out = new ArrayList<>();
            for (Cert candidate : byName.getOrDefault(top.issuerKey, List.of())) {
                // a CA profile certificate is a trust anchor (a name and a key): it ends the path even when a
                // certificate of the same name and key is already in it; an untrusted one would loop
                boolean loop = chain.stream().anyMatch(c -> c.sameEncoding(candidate)
                        || (!candidate.isAnchor() && c.sameEntity(candidate)));
                if (!loop) {
                    out.add(candidate);
                }
            }
            if (out.size() > 1) {
                out.sort(Comparator.<Cert>comparingInt(c -> keyIdRank(c, top))
                        .thenComparing(c -> c.isAnchor() ? false : c.selfSigned())
                        .thenComparing(c -> !validAt(c))
                        .thenComparing(c -> c.notBefore, Comparator.reverseOrder()));
            }
            return out;
        }

        private static int keyIdRank(Cert candidate, Cert child) {
            Boolean match = candidate.keyIdMatches(child);
            return match == null ? 1 : match ? 0 : 2;
        }

        private boolean validAt(Cert cert) {
            return !request.time().isBefore(cert.notBefore) && !request.time().isAfter(cert.notAfter);
        }

        /** Validates chain + anchor; true when valid. */
        private boolean attempt(List<Cert> chain, Cert anchor) {
            List<Cert> path = new ArrayList<>(chain);
            Collections.reverse(path); // RFC order: issued by the anchor first, target last
            try {
                Set<String> policies = new PathChecker(anchor, path, request.time(), options).check();
                List<RevocationStatus> statuses = checkRevocation(path, anchor);
                List<X509Certificate> certificates = new ArrayList<>();
                chain.forEach(c -> certificates.add(c.x509));
                certificates.add(anchor.x509);
                valid = PathValidationResult.valid(certificates, anchor.caProfile, policies, statuses);
                return true;
            } catch (PathFailure f) {
                if (pathFailure == null) {
                    pathFailure = f;
                }
                return false;
            }
        }

        /** Asks the revocation checker from the certificate below the anchor down; statuses in target-first order. */
        private List<RevocationStatus> checkRevocation(List<Cert> path, Cert anchor) throws PathFailure {
            List<RevocationStatus> statuses = new ArrayList<>();
            Cert issuer = anchor;
            for (int i = 0; i < path.size(); i++) {
                Cert cert = path.get(i);
                RevocationStatus status = status(cert, issuer, path.size() - 1 - i, anchor.caProfile);
                switch (status.state()) {
                    case REVOKED:
                        throw new PathFailure(Reason.REVOKED, cert, cert.describe() + " (serial " + cert.serialHex()
                                + ") is revoked: " + status.reason().orElse("unspecified")
                                + status.revocationDate().map(d -> " on " + Names.date(d)).orElse(""));
                    case UNKNOWN:
                        if (!options.unknownRevocationAccepted()) {
                            throw new PathFailure(Reason.REVOCATION_UNKNOWN, cert, "the revocation status of "
                                    + cert.describe() + " (serial " + cert.serialHex() + ") is unknown: "
                                    + status.detail());
                        }
                        break;
                    default:
                        break;
                }
                statuses.add(status);
                issuer = cert;
            }
            Collections.reverse(statuses);
            return statuses;
        }

        private RevocationStatus status(Cert cert, Cert issuer, int depth, String caProfile) {
            Map<Cert, RevocationStatus> byIssuer = revocationCache.computeIfAbsent(cert, c -> new IdentityHashMap<>());
            RevocationStatus cached = byIssuer.get(issuer);
            if (cached != null) {
                return cached;
            }
            RevocationStatus status;
            try {
                status = checker.check(RevocationQuery.of(cert.x509, issuer.x509, depth, caProfile, request.time()));
                if (status == null) {
                    status = RevocationStatus.unknown("the revocation checker gave no answer");
                }
            } catch (RuntimeException e) {
                status = RevocationStatus.unknown("the revocation check failed: " + e);
            }
            byIssuer.put(issuer, status);
            return status;
        }
    }
}
