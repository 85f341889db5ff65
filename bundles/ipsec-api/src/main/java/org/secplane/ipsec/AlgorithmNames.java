package org.secplane.ipsec;

import org.secplane.crypto.Algorithm;

/**
 * IPsec algorithms by the names Junos prints: the configuration keywords ({@code aes-128-cbc},
 * {@code hmac-sha-256-128}) of the detail outputs and the short forms of the SA summary
 * ({@code ESP:aes-128/sha1}, ipsec-srx.md §1.5). Shared by key management's and the data plane's
 * {@code show} commands, so both print an SA alike; {@code None} stands for an absent algorithm.
 *
 * @since 1.2
 */
public final class AlgorithmNames {

    public static final String NONE = "None";

    private AlgorithmNames() {
    }

    /** {@code aes-128-cbc}, {@code 3des-cbc}, {@code aes-256-gcm}: the configuration keyword. */
    public static String encryption(Algorithm a) {
        if (a == null) {
            return NONE;
        }
        switch (a) {
            case AES_128_GCM_8: case AES_128_GCM_12: case AES_128_GCM_16: return "aes-128-gcm";
            case AES_192_GCM_16: return "aes-192-gcm";
            case AES_256_GCM_8: case AES_256_GCM_12: case AES_256_GCM_16: return "aes-256-gcm";
            default: return a.label();
        }
    }

    /** {@code hmac-sha1-96}, {@code hmac-sha-256-128}: the IPsec proposal keyword. */
    public static String integrity(Algorithm a) {
        if (a == null) {
            return NONE;
        }
        switch (a) {
            case HMAC_SHA2_256_128: return "hmac-sha-256-128";
            case HMAC_SHA2_384_192: return "hmac-sha-384-192";
            case HMAC_SHA2_512_256: return "hmac-sha-512-256";
            default: return a.label();
        }
    }

    /** The summary form of a cipher: {@code aes-128}, {@code 3des}, {@code aes-gcm-256}. */
    public static String shortEncryption(Algorithm a) {
        if (a == null) {
            return NONE;
        }
        switch (a) {
            case DES_CBC: return "des";
            case TDES_CBC: return "3des";
            case AES_128_CBC: return "aes-128";
            case AES_192_CBC: return "aes-192";
            case AES_256_CBC: return "aes-256";
            case AES_128_CTR: return "aes-ctr-128";
            case AES_192_CTR: return "aes-ctr-192";
            case AES_256_CTR: return "aes-ctr-256";
            case AES_128_GCM_8: case AES_128_GCM_12: case AES_128_GCM_16: return "aes-gcm-128";
            case AES_192_GCM_16: return "aes-gcm-192";
            case AES_256_GCM_8: case AES_256_GCM_12: case AES_256_GCM_16: return "aes-gcm-256";
            default: return a.label();
        }
    }

    /** The summary form of an integrity algorithm: {@code sha1}, {@code md5}, {@code sha256}. */
    public static String shortIntegrity(Algorithm a) {
        if (a == null) {
            return NONE;
        }
        switch (a) {
            case HMAC_MD5_96: return "md5";
            case HMAC_SHA1_96: return "sha1";
            case HMAC_SHA2_256_128: return "sha256";
            case HMAC_SHA2_384_192: return "sha384";
            case HMAC_SHA2_512_256: return "sha512";
            default: return a.label();
        }
    }
}
