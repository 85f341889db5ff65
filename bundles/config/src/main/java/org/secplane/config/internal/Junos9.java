package org.secplane.config.internal;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * Junos "type 9" reversible obfuscation of secrets ({@code $9$…}): not encryption, only what Junos
 * shows instead of clear text so that configurations round-trip between devices. Every encoding uses
 * a random salt, so two encodings of one secret differ; compare decoded values.
 */
final class Junos9 {

    private static final String[] FAMILIES = {"QzF3n6/9CAtpu0O", "B1IREhcSyrleKvMW8LXx", "7N-dVbwsY2g4oaJZGUDj", "iHkq.mPf5T"};
    private static final String ALPHABET = String.join("", FAMILIES);
    private static final int[][] WEIGHTS = {{1, 4, 32}, {1, 16, 32}, {1, 8, 32}, {1, 64}, {1, 32}, {1, 4, 16, 128}, {1, 32, 64}};
    private static final Map<Character, Integer> EXTRA = new HashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        for (int family = 0; family < FAMILIES.length; family++) {
            for (char c : FAMILIES[family].toCharArray()) {
                EXTRA.put(c, 3 - family);
            }
        }
    }

    private Junos9() {
    }

    static boolean looksEncoded(String value) {
        return value.startsWith("$9$");
    }

    static String encode(byte[] clear) {
        StringBuilder out = new StringBuilder("$9$");
        char salt = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        out.append(salt);
        for (int i = 0; i < EXTRA.get(salt); i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        char previous = salt; // the gaps of the first character count from the salt, not from the filler
        for (int position = 0; position < clear.length; position++) {
            int[] weights = WEIGHTS[position % WEIGHTS.length];
            int value = clear[position] & 0xff;
            int[] gaps = new int[weights.length];
            for (int w = weights.length - 1; w >= 0; w--) {
                gaps[w] = value / weights[w];
                value %= weights[w];
            }
            for (int gap : gaps) {
                previous = ALPHABET.charAt((ALPHABET.indexOf(previous) + gap + 1) % ALPHABET.length());
                out.append(previous);
            }
        }
        return out.toString();
    }

    static byte[] decode(String encoded) throws ConfigSyntaxException {
        if (!looksEncoded(encoded) || encoded.length() < 4) {
            throw new ConfigSyntaxException("invalid $9$ secret");
        }
        String chars = encoded.substring(3);
        char salt = chars.charAt(0);
        Integer extra = EXTRA.get(salt);
        if (extra == null || chars.length() < 1 + extra) {
            throw new ConfigSyntaxException("invalid $9$ secret");
        }
        int position = 1 + extra;
        char previous = salt;
        java.io.ByteArrayOutputStream clear = new java.io.ByteArrayOutputStream();
        while (position < chars.length()) {
            int[] weights = WEIGHTS[clear.size() % WEIGHTS.length];
            if (position + weights.length > chars.length()) {
                throw new ConfigSyntaxException("invalid $9$ secret: truncated");
            }
            int value = 0;
            for (int w = 0; w < weights.length; w++) {
                char c = chars.charAt(position++);
                int index = ALPHABET.indexOf(c);
                if (index < 0) {
                    throw new ConfigSyntaxException("invalid $9$ secret: character '" + c + "'");
                }
                int gap = Math.floorMod(index - ALPHABET.indexOf(previous), ALPHABET.length()) - 1;
                value += gap * weights[w];
                previous = c;
            }
            clear.write(value % 256);
        }
        return clear.toByteArray();
    }
}
