package org.secplane.ike.internal.policy;

/** How this side authenticates ({@code authentication-method} of the IKE proposal). */
public enum AuthMethod {
    PRE_SHARED_KEYS("Pre-shared-keys"),
    RSA_SIGNATURES("RSA-signatures"),
    DSA_SIGNATURES("DSA-signatures"),
    ECDSA_SIGNATURES_256("ECDSA-signatures-256"),
    ECDSA_SIGNATURES_384("ECDSA-signatures-384");

    private final String display;

    AuthMethod(String display) {
        this.display = display;
    }

    /** As {@code show security ike security-associations detail} prints it. */
    public String display() {
        return display;
    }

    public boolean signatures() {
        return this != PRE_SHARED_KEYS;
    }

    public static AuthMethod of(String keyword) {
        switch (keyword) {
            case "pre-shared-keys": return PRE_SHARED_KEYS;
            case "rsa-signatures": return RSA_SIGNATURES;
            case "dsa-signatures": return DSA_SIGNATURES;
            case "ecdsa-signatures-256": return ECDSA_SIGNATURES_256;
            case "ecdsa-signatures-384": return ECDSA_SIGNATURES_384;
            default: throw new IllegalArgumentException("unknown authentication method " + keyword);
        }
    }
}
