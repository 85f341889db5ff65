package org.secplane.ike.internal.keys;

import org.secplane.crypto.Algorithm;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.Transform;

/** IKEv2 transform IDs ↔ crypto algorithms, and the names {@code show} prints for them (Junos spelling). */
public final class Algorithms {

    private Algorithms() {
    }

    /** The cipher or AEAD of an ENCR transform, or {@code null} when not supported. */
    public static Algorithm encryption(int id, int keyLength) {
        switch (id) {
            case Ike.ENCR_DES: return keyLength == 0 ? Algorithm.DES_CBC : null;
            case Ike.ENCR_3DES: return keyLength == 0 ? Algorithm.TDES_CBC : null;
            case Ike.ENCR_AES_CBC:
                return keyLength == 128 ? Algorithm.AES_128_CBC : keyLength == 192 ? Algorithm.AES_192_CBC
                        : keyLength == 256 ? Algorithm.AES_256_CBC : null;
            case Ike.ENCR_AES_CTR:
                return keyLength == 128 ? Algorithm.AES_128_CTR : keyLength == 192 ? Algorithm.AES_192_CTR
                        : keyLength == 256 ? Algorithm.AES_256_CTR : null;
            case Ike.ENCR_AES_GCM_8:
                return keyLength == 128 ? Algorithm.AES_128_GCM_8 : keyLength == 256 ? Algorithm.AES_256_GCM_8 : null;
            case Ike.ENCR_AES_GCM_12:
                return keyLength == 128 ? Algorithm.AES_128_GCM_12 : keyLength == 256 ? Algorithm.AES_256_GCM_12 : null;
            case Ike.ENCR_AES_GCM_16:
                return keyLength == 128 ? Algorithm.AES_128_GCM_16 : keyLength == 192 ? Algorithm.AES_192_GCM_16
                        : keyLength == 256 ? Algorithm.AES_256_GCM_16 : null;
            case Ike.ENCR_CHACHA20_POLY1305: return keyLength == 0 ? Algorithm.CHACHA20_POLY1305 : null;
            default: return null;
        }
    }

    public static Transform encryptionTransform(Algorithm a) {
        switch (a) {
            case DES_CBC: return new Transform(Ike.ENCR, Ike.ENCR_DES, 0);
            case TDES_CBC: return new Transform(Ike.ENCR, Ike.ENCR_3DES, 0);
            case AES_128_CBC: return new Transform(Ike.ENCR, Ike.ENCR_AES_CBC, 128);
            case AES_192_CBC: return new Transform(Ike.ENCR, Ike.ENCR_AES_CBC, 192);
            case AES_256_CBC: return new Transform(Ike.ENCR, Ike.ENCR_AES_CBC, 256);
            case AES_128_CTR: return new Transform(Ike.ENCR, Ike.ENCR_AES_CTR, 128);
            case AES_192_CTR: return new Transform(Ike.ENCR, Ike.ENCR_AES_CTR, 192);
            case AES_256_CTR: return new Transform(Ike.ENCR, Ike.ENCR_AES_CTR, 256);
            case AES_128_GCM_8: return new Transform(Ike.ENCR, Ike.ENCR_AES_GCM_8, 128);
            case AES_256_GCM_8: return new Transform(Ike.ENCR, Ike.ENCR_AES_GCM_8, 256);
            case AES_128_GCM_12: return new Transform(Ike.ENCR, Ike.ENCR_AES_GCM_12, 128);
            case AES_256_GCM_12: return new Transform(Ike.ENCR, Ike.ENCR_AES_GCM_12, 256);
            case AES_128_GCM_16: return new Transform(Ike.ENCR, Ike.ENCR_AES_GCM_16, 128);
            case AES_192_GCM_16: return new Transform(Ike.ENCR, Ike.ENCR_AES_GCM_16, 192);
            case AES_256_GCM_16: return new Transform(Ike.ENCR, Ike.ENCR_AES_GCM_16, 256);
            case CHACHA20_POLY1305: return new Transform(Ike.ENCR, Ike.ENCR_CHACHA20_POLY1305, 0);
            default: throw new IllegalArgumentException("not an IKEv2 encryption algorithm: " + a);
        }
    }

    public static Algorithm prf(int id) {
        switch (id) {
            case Ike.PRF_HMAC_MD5: return Algorithm.PRF_HMAC_MD5;
            case Ike.PRF_HMAC_SHA1: return Algorithm.PRF_HMAC_SHA1;
            case Ike.PRF_HMAC_SHA2_256: return Algorithm.PRF_HMAC_SHA2_256;
            case Ike.PRF_HMAC_SHA2_384: return Algorithm.PRF_HMAC_SHA2_384;
            case Ike.PRF_HMAC_SHA2_512: return Algorithm.PRF_HMAC_SHA2_512;
            default: return null;
        }
    }

    public static Transform prfTransform(Algorithm a) {
        switch (a) {
            case PRF_HMAC_MD5: return new Transform(Ike.PRF, Ike.PRF_HMAC_MD5, 0);
            case PRF_HMAC_SHA1: return new Transform(Ike.PRF, Ike.PRF_HMAC_SHA1, 0);
            case PRF_HMAC_SHA2_256: return new Transform(Ike.PRF, Ike.PRF_HMAC_SHA2_256, 0);
            case PRF_HMAC_SHA2_384: return new Transform(Ike.PRF, Ike.PRF_HMAC_SHA2_384, 0);
            case PRF_HMAC_SHA2_512: return new Transform(Ike.PRF, Ike.PRF_HMAC_SHA2_512, 0);
            default: throw new IllegalArgumentException("not an IKEv2 PRF: " + a);
        }
    }

    public static Algorithm integrity(int id) {
        switch (id) {
            case Ike.AUTH_HMAC_MD5_96: return Algorithm.HMAC_MD5_96;
            case Ike.AUTH_HMAC_SHA1_96: return Algorithm.HMAC_SHA1_96;
            case Ike.AUTH_HMAC_SHA2_256_128: return Algorithm.HMAC_SHA2_256_128;
            case Ike.AUTH_HMAC_SHA2_384_192: return Algorithm.HMAC_SHA2_384_192;
            case Ike.AUTH_HMAC_SHA2_512_256: return Algorithm.HMAC_SHA2_512_256;
            default: return null;
        }
    }

    public static Transform integrityTransform(Algorithm a) {
        switch (a) {
            case HMAC_MD5_96: return new Transform(Ike.INTEG, Ike.AUTH_HMAC_MD5_96, 0);
            case HMAC_SHA1_96: return new Transform(Ike.INTEG, Ike.AUTH_HMAC_SHA1_96, 0);
            case HMAC_SHA2_256_128: return new Transform(Ike.INTEG, Ike.AUTH_HMAC_SHA2_256_128, 0);
            case HMAC_SHA2_384_192: return new Transform(Ike.INTEG, Ike.AUTH_HMAC_SHA2_384_192, 0);
            case HMAC_SHA2_512_256: return new Transform(Ike.INTEG, Ike.AUTH_HMAC_SHA2_512_256, 0);
            default: throw new IllegalArgumentException("not an IKEv2 integrity algorithm: " + a);
        }
    }

    /** The key exchange of an IKE group number, or {@code null}. */
    public static Algorithm group(int group) {
        switch (group) {
            case 1: return Algorithm.MODP_768;
            case 2: return Algorithm.MODP_1024;
            case 5: return Algorithm.MODP_1536;
            case 14: return Algorithm.MODP_2048;
            case 15: return Algorithm.MODP_3072;
            case 16: return Algorithm.MODP_4096;
            case 19: return Algorithm.ECP_256;
            case 20: return Algorithm.ECP_384;
            case 21: return Algorithm.ECP_521;
            case 31: return Algorithm.CURVE25519;
            default: return null;
        }
    }

    public static Transform dhTransform(Algorithm a) {
        return new Transform(Ike.DH, a.group(), 0);
    }

    // --------------------------------------------------------------- names as Junos prints them

    /** {@code aes-128-cbc}, {@code 3des-cbc}, {@code aes-256-gcm}: the configuration keyword. */
    public static String junosEncryption(Algorithm a) {
        if (a == null) {
            return "None";
        }
        switch (a) {
            case AES_128_GCM_8: case AES_128_GCM_12: case AES_128_GCM_16: return "aes-128-gcm";
            case AES_192_GCM_16: return "aes-192-gcm";
            case AES_256_GCM_8: case AES_256_GCM_12: case AES_256_GCM_16: return "aes-256-gcm";
            default: return a.label();
        }
    }

    /** {@code hmac-sha1-96}, {@code hmac-sha-256-128}: the IPsec proposal keyword. */
    public static String junosIntegrity(Algorithm a) {
        if (a == null) {
            return "None";
        }
        switch (a) {
            case HMAC_MD5_96: return "hmac-md5-96";
            case HMAC_SHA1_96: return "hmac-sha1-96";
            case HMAC_SHA2_256_128: return "hmac-sha-256-128";
            case HMAC_SHA2_384_192: return "hmac-sha-384-192";
            case HMAC_SHA2_512_256: return "hmac-sha-512-256";
            default: return a.label();
        }
    }

    /** {@code hmac-sha1}, {@code hmac-md5}, {@code hmac-sha256}: the PRF line of the IKE SA detail. */
    public static String junosPrf(Algorithm a) {
        if (a == null) {
            return "None";
        }
        switch (a) {
            case PRF_HMAC_MD5: return "hmac-md5";
            case PRF_HMAC_SHA1: return "hmac-sha1";
            case PRF_HMAC_SHA2_256: return "hmac-sha256";
            case PRF_HMAC_SHA2_384: return "hmac-sha384";
            case PRF_HMAC_SHA2_512: return "hmac-sha512";
            default: return a.label();
        }
    }

    /** {@code group14}. */
    public static String junosGroup(Algorithm a) {
        return a == null ? "None" : "group" + a.group();
    }

    /** The summary form {@code aes-128}, {@code 3des}, {@code aes-gcm-256}. */
    public static String shortCipher(Algorithm a) {
        if (a == null) {
            return "None";
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
            case CHACHA20_POLY1305: return "chacha20-poly1305";
            default: return a.label();
        }
    }

    /** The summary form {@code sha1}, {@code md5}, {@code sha256}. */
    public static String shortHash(Algorithm a) {
        if (a == null) {
            return "None";
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
