package org.secplane.pki;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How strictly a path is validated. The defaults are the Junos ones: at most 10 certificates from the end
 * entity through the topmost CA (pki.md L757), any policy acceptable, no explicit policy required, policy
 * mapping and anyPolicy allowed, an unknown revocation status is a failure, and the end entity must be
 * usable for IKE signature authentication. Immutable; build with {@link #builder()}.
 */
public final class PathValidationOptions {

    /** The anyPolicy OID (RFC 5280 §4.2.1.4); as the only initial policy it means "any policy". */
    public static final String ANY_POLICY = "2.5.29.32.0";

    /** The Junos limit: "The number of certificates in the chain, including certificates for EEs and the topmost CA in the chain, cannot exceed 10." */
    public static final int DEFAULT_MAX_CHAIN_LENGTH = 10;

    private static final PathValidationOptions DEFAULTS = builder().build();

    /** What the certificate being validated must be good for. */
    public enum Purpose {
        /**
         * IKE peer or local certificate (RFC 4945 §5.1.3.2, §5.1.3.12): a key usage extension, when present,
         * allows digitalSignature or nonRepudiation; a critical extended key usage names IKE, IPsec, TLS
         * server/client or anyExtendedKeyUsage.
         */
        IKE,
        /** A CA certificate (e.g. {@code request security pki ca-certificate verify}): cA and, with a key usage extension, keyCertSign. */
        CA,
        /** No requirement on the key usage of the certificate being validated. */
        ANY
    }

    private final int maxChainLength;
    private final Set<String> initialPolicies;
    private final boolean explicitPolicyRequired;
    private final boolean policyMappingInhibited;
    private final boolean anyPolicyInhibited;
    private final boolean unknownRevocationAccepted;
    private final Purpose purpose;

    private PathValidationOptions(Builder b) {
        this.maxChainLength = b.maxChainLength;
        this.initialPolicies = Set.copyOf(b.initialPolicies);
        this.explicitPolicyRequired = b.explicitPolicyRequired;
        this.policyMappingInhibited = b.policyMappingInhibited;
        this.anyPolicyInhibited = b.anyPolicyInhibited;
        this.unknownRevocationAccepted = b.unknownRevocationAccepted;
        this.purpose = b.purpose;
    }

    public static PathValidationOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxChainLength = maxChainLength;
        b.initialPolicies = new LinkedHashSet<>(initialPolicies);
        b.explicitPolicyRequired = explicitPolicyRequired;
        b.policyMappingInhibited = policyMappingInhibited;
        b.anyPolicyInhibited = anyPolicyInhibited;
        b.unknownRevocationAccepted = unknownRevocationAccepted;
        b.purpose = purpose;
        return b;
    }

    /** Maximum number of certificates from the end entity through the CA profile certificate, inclusive. */
    public int maxChainLength() {
        return maxChainLength;
    }

    /** RFC 5280 user-initial-policy-set (dotted OIDs); {@code {ANY_POLICY}} means any-policy. */
    public Set<String> initialPolicies() {
        return initialPolicies;
    }

    /** RFC 5280 initial-explicit-policy. */
    public boolean explicitPolicyRequired() {
        return explicitPolicyRequired;
    }

    /** RFC 5280 initial-policy-mapping-inhibit. */
    public boolean policyMappingInhibited() {
        return policyMappingInhibited;
    }

    /** RFC 5280 initial-any-policy-inhibit. */
    public boolean anyPolicyInhibited() {
        return anyPolicyInhibited;
    }

    /**
     * Whether a certificate whose revocation status is unknown (no CRL could be obtained, responder
     * unreachable) is accepted — Junos {@code revocation-check crl disable on-download-failure}. A revoked
     * certificate is never accepted.
     */
    public boolean unknownRevocationAccepted() {
        return unknownRevocationAccepted;
    }

    public Purpose purpose() {
        return purpose;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathValidationOptions other && maxChainLength == other.maxChainLength
                && initialPolicies.equals(other.initialPolicies)
                && explicitPolicyRequired == other.explicitPolicyRequired
                && policyMappingInhibited == other.policyMappingInhibited
                && anyPolicyInhibited == other.anyPolicyInhibited
                && unknownRevocationAccepted == other.unknownRevocationAccepted && purpose == other.purpose;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxChainLength, initialPolicies, explicitPolicyRequired, policyMappingInhibited,
                anyPolicyInhibited, unknownRevocationAccepted, purpose);
    }

    @Override
    public String toString() {
        return "max chain length " + maxChainLength + ", initial policies " + initialPolicies
                + (explicitPolicyRequired ? ", explicit policy required" : "")
                + (policyMappingInhibited ? ", policy mapping inhibited" : "")
                + (anyPolicyInhibited ? ", anyPolicy inhibited" : "")
                + (unknownRevocationAccepted ? ", unknown revocation status accepted" : "")
                + ", purpose " + purpose;
    }

    public static final class Builder {
        private int maxChainLength = DEFAULT_MAX_CHAIN_LENGTH;
        private Set<String> initialPolicies = new LinkedHashSet<>(Set.of(ANY_POLICY));
        private boolean explicitPolicyRequired;
        private boolean policyMappingInhibited;
        private boolean anyPolicyInhibited;
        private boolean unknownRevocationAccepted;
        private Purpose purpose = Purpose.IKE;

        private Builder() {
        }

        /** 1..64 certificates, end entity through the CA profile certificate. */
        public Builder maxChainLength(int certificates) {
            if (certificates < 1 || certificates > 64) {
                throw new IllegalArgumentException("maximum chain length must be 1..64 certificates: " + certificates);
            }
            this.maxChainLength = certificates;
            return this;
        }

        /** Dotted policy OIDs; at least one. */
        public Builder initialPolicies(Collection<String> policyOids) {
            if (policyOids.isEmpty()) {
                throw new IllegalArgumentException("the initial policy set needs at least one policy");
            }
            for (String oid : policyOids) {
                if (!oid.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
                    throw new IllegalArgumentException("not a dotted object identifier: " + oid);
                }
            }
            this.initialPolicies = new LinkedHashSet<>(policyOids);
            return this;
        }

        public Builder initialPolicies(String... policyOids) {
            return initialPolicies(java.util.List.of(policyOids));
        }

        public Builder explicitPolicyRequired(boolean required) {
            this.explicitPolicyRequired = required;
            return this;
        }

        public Builder policyMappingInhibited(boolean inhibited) {
            this.policyMappingInhibited = inhibited;
            return this;
        }

        public Builder anyPolicyInhibited(boolean inhibited) {
            this.anyPolicyInhibited = inhibited;
            return this;
        }

        public Builder unknownRevocationAccepted(boolean accepted) {
            this.unknownRevocationAccepted = accepted;
            return this;
        }

        public Builder purpose(Purpose purpose) {
            this.purpose = Objects.requireNonNull(purpose, "purpose");
            return this;
        }

        public PathValidationOptions build() {
            return new PathValidationOptions(this);
        }
    }
}
