package org.secplane.crypto;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every algorithm secplane uses, with its parameters. Sizes are in bytes. The names are those of
 * {@code show security crypto providers}.
 */
public enum Algorithm {

    DES_CBC("des-cbc", AlgorithmType.CIPHER, 8, 8, 8, 0),
    TDES_CBC("3des-cbc", AlgorithmType.CIPHER, 24, 8, 8, 0),
    AES_128_CBC("aes-128-cbc", AlgorithmType.CIPHER, 16, 16, 16, 0),
    AES_192_CBC("aes-192-cbc", AlgorithmType.CIPHER, 24, 16, 16, 0),
    AES_256_CBC("aes-256-cbc", AlgorithmType.CIPHER, 32, 16, 16, 0),
    /** RFC 3686: the key is followed by a 4-byte nonce; 8-byte IV. */
    AES_128_CTR("aes-128-ctr", AlgorithmType.CIPHER, 16, 1, 8, 0),
    AES_192_CTR("aes-192-ctr", AlgorithmType.CIPHER, 24, 1, 8, 0),
    AES_256_CTR("aes-256-ctr", AlgorithmType.CIPHER, 32, 1, 8, 0),

    /** RFC 4106: the key is followed by a 4-byte salt; 8-byte IV; ICV 8, 12 or 16 bytes. */
    AES_128_GCM_8("aes-128-gcm-8", AlgorithmType.AEAD, 16, 1, 8, 8),
    AES_128_GCM_12("aes-128-gcm-12", AlgorithmType.AEAD, 16, 1, 8, 12),
    AES_128_GCM_16("aes-128-gcm-16", AlgorithmType.AEAD, 16, 1, 8, 16),
    AES_192_GCM_16("aes-192-gcm-16", AlgorithmType.AEAD, 24, 1, 8, 16),
    AES_256_GCM_8("aes-256-gcm-8", AlgorithmType.AEAD, 32, 1, 8, 8),
    AES_256_GCM_12("aes-256-gcm-12", AlgorithmType.AEAD, 32, 1, 8, 12),
    AES_256_GCM_16("aes-256-gcm-16", AlgorithmType.AEAD, 32, 1, 8, 16),
    /** RFC 7634: the key is followed by a 4-byte salt; 8-byte IV; 16-byte tag. */
    CHACHA20_POLY1305("chacha20-poly1305", AlgorithmType.AEAD, 32, 1, 8, 16),

    /** key size, output (truncated) size */
    HMAC_MD5_96("hmac-md5-96", AlgorithmType.INTEGRITY, 16, 0, 0, 12),
    HMAC_SHA1_96("hmac-sha1-96", AlgorithmType.INTEGRITY, 20, 0, 0, 12),
    HMAC_SHA2_256_128("hmac-sha2-256-128", AlgorithmType.INTEGRITY, 32, 0, 0, 16),
    HMAC_SHA2_384_192("hmac-sha2-384-192", AlgorithmType.INTEGRITY, 48, 0, 0, 24),
    HMAC_SHA2_512_256("hmac-sha2-512-256", AlgorithmType.INTEGRITY, 64, 0, 0, 32),

    /** preferred key size, output size */
    PRF_HMAC_MD5("prf-hmac-md5", AlgorithmType.PRF, 16, 0, 0, 16),
    PRF_HMAC_SHA1("prf-hmac-sha1", AlgorithmType.PRF, 20, 0, 0, 20),
    PRF_HMAC_SHA2_256("prf-hmac-sha2-256", AlgorithmType.PRF, 32, 0, 0, 32),
    PRF_HMAC_SHA2_384("prf-hmac-sha2-384", AlgorithmType.PRF, 48, 0, 0, 48),
    PRF_HMAC_SHA2_512("prf-hmac-sha2-512", AlgorithmType.PRF, 64, 0, 0, 64),

    /** public value size, shared secret size; IKE group number in {@link #group()} */
    MODP_768("modp768", AlgorithmType.KEY_EXCHANGE, 0, 0, 96, 96),
    MODP_1024("modp1024", AlgorithmType.KEY_EXCHANGE, 0, 0, 128, 128),
    MODP_1536("modp1536", AlgorithmType.KEY_EXCHANGE, 0, 0, 192, 192),
    MODP_2048("modp2048", AlgorithmType.KEY_EXCHANGE, 0, 0, 256, 256),
    MODP_3072("modp3072", AlgorithmType.KEY_EXCHANGE, 0, 0, 384, 384),
    MODP_4096("modp4096", AlgorithmType.KEY_EXCHANGE, 0, 0, 512, 512),
    /** public value x||y (RFC 5903), shared secret x */
    ECP_256("ecp256", AlgorithmType.KEY_EXCHANGE, 0, 0, 64, 32),
    ECP_384("ecp384", AlgorithmType.KEY_EXCHANGE, 0, 0, 96, 48),
    ECP_521("ecp521", AlgorithmType.KEY_EXCHANGE, 0, 0, 132, 66),
    CURVE25519("curve25519", AlgorithmType.KEY_EXCHANGE, 0, 0, 32, 32),

    RSA_PKCS1_SHA1("rsa-pkcs1-sha1", AlgorithmType.SIGNATURE, 0, 0, 0, 0),
    RSA_PKCS1_SHA256("rsa-pkcs1-sha256", AlgorithmType.SIGNATURE, 0, 0, 0, 0),
    RSA_PKCS1_SHA384("rsa-pkcs1-sha384", AlgorithmType.SIGNATURE, 0, 0, 0, 0),
    RSA_PKCS1_SHA512("rsa-pkcs1-sha512", AlgorithmType.SIGNATURE, 0, 0, 0, 0),
    /** RSASSA-PSS with MGF1 of the same hash and a salt as long as the hash (RFC 7427 usage) */
    RSA_PSS_SHA256("rsa-pss-sha256", AlgorithmType.SIGNATURE, 0, 0, 0, 0),
    RSA_PSS_SHA384("rsa-pss-sha384", AlgorithmType.SIGNATURE, 0, 0, 0, 0),
    RSA_PSS_SHA512("rsa-pss-sha512", AlgorithmType.SIGNATURE, 0, 0, 0, 0),
    DSA_SHA1("dsa-sha1", AlgorithmType.SIGNATURE, 0, 0, 0, 0),
    DSA_SHA256("dsa-sha256", AlgorithmType.SIGNATURE, 0, 0, 0, 0),
    /** DER-encoded (r, s) as in X.509 and RFC 7427 */
    ECDSA_P256_SHA256("ecdsa-p256-sha256", AlgorithmType.SIGNATURE, 0, 0, 0, 0),
    ECDSA_P384_SHA384("ecdsa-p384-sha384", AlgorithmType.SIGNATURE, 0, 0, 0, 0),

    MD5("md5", AlgorithmType.HASH, 0, 0, 0, 16),
    SHA1("sha1", AlgorithmType.HASH, 0, 0, 0, 20),
    SHA2_256("sha2-256", AlgorithmType.HASH, 0, 0, 0, 32),
    SHA2_384("sha2-384", AlgorithmType.HASH, 0, 0, 0, 48),
    SHA2_512("sha2-512", AlgorithmType.HASH, 0, 0, 0, 64),

    RANDOM("random", AlgorithmType.RANDOM, 0, 0, 0, 0);

    private final String label;
    private final AlgorithmType type;
    private final int keySize;
    private final int blockSize;
    private final int ivSize;
    private final int outputSize;

    Algorithm(String label, AlgorithmType type, int keySize, int blockSize, int ivSize, int outputSize) {
        this.label = label;
        this.type = type;
        this.keySize = keySize;
        this.blockSize = blockSize;
        this.ivSize = ivSize;
        this.outputSize = outputSize;
    }

    /** The name shown to users. */
    public String label() {
        return label;
    }

    public AlgorithmType type() {
        return type;
    }

    /** Key bytes (ciphers, AEADs, MACs; for CTR and AEADs without the salt). */
    public int keySize() {
        return keySize;
    }

    /** Bytes of salt after the key: 4 for CTR and the AEADs (RFC 3686, 4106, 7634), else 0. */
    public int saltSize() {
        return this == AES_128_CTR || this == AES_192_CTR || this == AES_256_CTR || type == AlgorithmType.AEAD ? 4 : 0;
    }

    /** Cipher block size (1 for stream modes), for padding. */
    public int blockSize() {
        return blockSize;
    }

    /** IV bytes carried in each packet; for key exchanges the public value size. */
    public int ivSize() {
        return ivSize;
    }

    /** ICV, MAC, PRF or digest bytes; for key exchanges the shared secret size. */
    public int outputSize() {
        return outputSize;
    }

    /** The public value size of a key exchange. */
    public int publicValueSize() {
        return ivSize;
    }

    /** The IKE Diffie-Hellman group number of a key exchange (RFC 7296, 5903, 8031), else 0. */
    public int group() {
        switch (this) {
            case MODP_768: return 1;
            case MODP_1024: return 2;
            case MODP_1536: return 5;
            case MODP_2048: return 14;
            case MODP_3072: return 15;
            case MODP_4096: return 16;
            case ECP_256: return 19;
            case ECP_384: return 20;
            case ECP_521: return 21;
            case CURVE25519: return 31;
            default: return 0;
        }
    }

    public static List<Algorithm> ofType(AlgorithmType type) {
        return Arrays.stream(values()).filter(a -> a.type == type).collect(Collectors.toList());
    }

    public static Algorithm byLabel(String label) {
        for (Algorithm algorithm : values()) {
            if (algorithm.label.equals(label)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown algorithm: " + label);
    }
}
