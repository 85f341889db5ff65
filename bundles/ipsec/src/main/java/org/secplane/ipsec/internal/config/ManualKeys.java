package org.secplane.ipsec.internal.config;

import java.util.Arrays;
import java.util.Map;

/**
 * Manual SA key material: the key length each algorithm needs (D-05: stated in the guide for des, 3des, md5,
 * sha1; decided for AES and SHA-256) and the 3DES key-part check (D-04). Works on clear bytes the caller
 * zeroes; creates no copies it does not zero itself.
 */
final class ManualKeys {

    /** Key length in bytes per manual SA algorithm: ASCII keys have this many characters, hex keys twice as many digits. */
    static final Map<String, Integer> KEY_BYTES = Map.of(
            "des-cbc", 8,
            "3des-cbc", 24,
            "aes-128-cbc", 16,
            "aes-192-cbc", 24,
            "aes-256-cbc", 32,
            "hmac-md5-96", 16,
            "hmac-sha1-96", 20,
            "hmac-sha-256-128", 32);

    private ManualKeys() {
    }

    /** The key bytes of an {@code ascii-text} (as typed) or {@code hexadecimal} (digits, optional 0x) secret. */
    static byte[] keyBytes(byte[] clear, boolean hexadecimal) {
        if (!hexadecimal) {
            return clear.clone();
        }
        int start = hexDigitsStart(clear);
        int digits = clear.length - start;
        byte[] key = new byte[digits / 2];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (Character.digit(clear[start + 2 * i], 16) << 4 | Character.digit(clear[start + 2 * i + 1], 16));
        }
        return key;
    }

    /** How many characters (ASCII) or digits (hexadecimal, without {@code 0x}) the secret has. */
    static int length(byte[] clear, boolean hexadecimal) {
        return hexadecimal ? clear.length - hexDigitsStart(clear) : clear.length;
    }

    private static int hexDigitsStart(byte[] clear) {
        return clear.length >= 2 && clear[0] == '0' && (clear[1] == 'x' || clear[1] == 'X') ? 2 : 0;
    }

    /**
     * D-04: which 8-byte parts of a 24-byte 3DES key are equal ({@code "K1 = K2"}, {@code "K2 = K3"} or
     * {@code "K1 = K2 = K3"}), making triple DES single DES; {@code null} when the key is sound.
     */
    static String degenerateTripleDes(byte[] key) {
        if (key.length != 24) {
            return null;
        }
        boolean firstTwo = Arrays.equals(key, 0, 8, key, 8, 16);
        boolean lastTwo = Arrays.equals(key, 8, 16, key, 16, 24);
        if (firstTwo && lastTwo) {
            return "K1 = K2 = K3";
        }
        return firstTwo ? "K1 = K2" : lastTwo ? "K2 = K3" : null;
    }
}
