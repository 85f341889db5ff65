package org.secplane.pki;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The answer of a {@link PathValidator}: either a valid path, anchored at a CA profile, or a
 * {@link ValidationFailure}. Immutable.
 */
public final class PathValidationResult {

    private final List<X509Certificate> path;
    private final String caProfile;
    private final Set<String> policies;
    private final List<RevocationStatus> revocation;
    private final ValidationFailure failure;

    private PathValidationResult(List<X509Certificate> path, String caProfile, Set<String> policies,
            List<RevocationStatus> revocation, ValidationFailure failure) {
        this.path = path;
        this.caProfile = caProfile;
        this.policies = policies;
        this.revocation = revocation;
        this.failure = failure;
    }

    /**
     * A valid path.
     *
     * @param path       the certificate validated first, then its issuers, ending with the CA profile's certificate
     * @param caProfile  the CA profile whose certificate anchored the path
     * @param policies   the user-constrained policy set, in the CA profile's policy domain (dotted OIDs;
     *                   {@code 2.5.29.32.0} for anyPolicy)
     * @param revocation one status per certificate of the path except the CA profile's, in path order
     */
    public static PathValidationResult valid(List<X509Certificate> path, String caProfile, Set<String> policies,
            List<RevocationStatus> revocation) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a valid path has at least one certificate");
        }
        if (revocation.size() != Math.max(0, path.size() - 1)) {
            throw new IllegalArgumentException("one revocation status per certificate below the CA profile's");
        }
        return new PathValidationResult(List.copyOf(path), Objects.requireNonNull(caProfile, "caProfile"),
                Set.copyOf(policies), List.copyOf(revocation), null);
    }

    public static PathValidationResult invalid(ValidationFailure failure) {
        return new PathValidationResult(List.of(), null, Set.of(), List.of(), Objects.requireNonNull(failure, "failure"));
    }

    public boolean isValid() {
        return failure == null;
    }

    /** The valid path, certificate validated first and CA profile certificate last; empty when invalid. */
    public List<X509Certificate> path() {
        return path;
    }

    /** The CA profile that anchored the valid path. */
    public Optional<String> caProfile() {
        return Optional.ofNullable(caProfile);
    }

    /**
     * The user-constrained policy set of a valid path, named in the CA profile's policy domain (as the initial
     * policy set is: a policy mapped along the path is reported as the policy it was mapped from); empty when
     * no policy is valid and none was required.
     */
    public Set<String> policies() {
        return policies;
    }

    /** The revocation status of each certificate of a valid path except the CA profile's, in path order. */
    public List<RevocationStatus> revocation() {
        return revocation;
    }

    public Optional<ValidationFailure> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String toString() {
        if (failure != null) {
            return "invalid: " + failure.message();
        }
        StringBuilder s = new StringBuilder("valid, CA profile ").append(caProfile).append(", ")
                .append(path.size()).append(path.size() == 1 ? " certificate" : " certificates");
        return s.toString();
    }
}
