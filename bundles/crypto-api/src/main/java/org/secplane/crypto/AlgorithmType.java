package org.secplane.crypto;

/** What an algorithm does. */
public enum AlgorithmType {
    /** a cipher without integrity (CBC, CTR) */
    CIPHER,
    /** authenticated encryption with associated data (GCM, ChaCha20-Poly1305) */
    AEAD,
    /** a truncated MAC for IKE and ESP/AH integrity */
    INTEGRITY,
    /** a pseudo-random function for IKE key derivation */
    PRF,
    /** Diffie-Hellman key agreement (MODP, ECP, Curve25519) */
    KEY_EXCHANGE,
    /** digital signatures */
    SIGNATURE,
    /** message digests */
    HASH,
    /** random numbers */
    RANDOM
}
