package org.secplane.servicesipsec.internal.config;

import java.util.Arrays;
import java.util.List;

/**
 * Manual-SA key sizes (spec §3.4) and key-quality rules (V-M19..V-M21), on clear key bytes.
 *
 * <p>{@code hexadecimal} secrets are revealed as the digits the user typed (optionally prefixed
 * {@code 0x}); {@link #hexDigits} strips the prefix and {@link #hexToBytes} turns them into key bytes.
 */
final class KeyMaterial {

    /** The manual-SA algorithms and their key sizes in bytes (§3.4). */
    enum Algorithm {
        HMAC_MD5_96("hmac-md5-96", 16),
        HMAC_SHA1_96("hmac-sha1-96", 20),
        DES_CBC("des-cbc", 8),
        TRIPLE_DES_CBC("3des-cbc", 24);

        final String keyword;
        final int keyBytes;

        Algorithm(String keyword, int keyBytes) {
            this.keyword = keyword;
            this.keyBytes = keyBytes;
        }

        static Algorithm of(String keyword) {
            for (Algorithm algorithm : values()) {
                if (algorithm.keyword.equals(keyword)) {
                    return algorithm;
                }
            }
            return null;
        }
    }

    /**
     * The 4 DES weak and 12 semi-weak keys (RFC 2409 refers to the standard list), parity bits cleared:
     * DES ignores the least significant bit of every key byte.
     */
    private static final List<byte[]> WEAK = masked(
            "0101010101010101", "FEFEFEFEFEFEFEFE", "E0E0E0E0F1F1F1F1", "1F1F1F1F0E0E0E0E");
    private static final List<byte[]> SEMI_WEAK = masked(
            "01FE01FE01FE01FE", "FE01FE01FE01FE01", "1FE01FE00EF10EF1", "E01FE01FF10EF10E",
            "01E001E001F101F1", "E001E001F101F101", "1FFE1FFE0EFE0EFE", "FE1FFE1FFE0EFE0E",
            "011F011F010E010E", "1F011F010E010E01", "E0FEE0FEF1FEF1FE", "FEE0FEE0FEF1FEF1");

    private KeyMaterial() {
    }

    private static List<byte[]> masked(String... hex) {
        return Arrays.stream(hex).map(h -> mask(hexToBytes(h.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 0, 8))
                .toList();
    }

    /** The hexadecimal digits of a revealed {@code hexadecimal} key, without an optional {@code 0x} prefix. */
    static byte[] hexDigits(byte[] typed) {
        if (typed.length >= 2 && typed[0] == '0' && (typed[1] == 'x' || typed[1] == 'X')) {
            return Arrays.copyOfRange(typed, 2, typed.length);
        }
        return typed.clone();
    }

    /** Key bytes from an even number of hexadecimal digits (already validated when the key was set). */
    static byte[] hexToBytes(byte[] digits) {
        byte[] bytes = new byte[digits.length / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (Character.digit(digits[2 * i], 16) << 4 | Character.digit(digits[2 * i + 1], 16));
        }
        return bytes;
    }

    /** {@code length} bytes of {@code key} from {@code offset} with the DES parity bits cleared. */
    static byte[] mask(byte[] key, int offset, int length) {
        byte[] masked = new byte[length];
        for (int i = 0; i < length; i++) {
            masked[i] = (byte) (key[offset + i] & 0xFE);
        }
        return masked;
    }

    /** "weak", "semi-weak" or {@code null} for the 8-byte DES key at {@code offset} (parity ignored). */
    static String desWeakness(byte[] key, int offset) {
        byte[] candidate = mask(key, offset, 8);
        try {
            for (byte[] weak : WEAK) {
                if (Arrays.equals(weak, candidate)) {
                    return "weak";
                }
            }
            for (byte[] semiWeak : SEMI_WEAK) {
                if (Arrays.equals(semiWeak, candidate)) {
                    return "semi-weak";
                }
            }
            return null;
        } finally {
            Arrays.fill(candidate, (byte) 0);
        }
    }

    /** Whether the 8-byte DES keys at {@code a} and {@code b} of {@code key} are equal, parity ignored. */
    static boolean sameDesKey(byte[] key, int a, int b) {
        int difference = 0;
        for (int i = 0; i < 8; i++) {
            difference |= (key[a + i] ^ key[b + i]) & 0xFE;
        }
        return difference == 0;
    }
}
