package org.secplane.pki.internal.cert;

import java.util.ArrayList;
import java.util.List;

/** Bytes as the guide prints them: lowercase hex, colon-separated, a fixed number of bytes per line. */
public final class Colons {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Colons() {
    }

    /** {@code 0d:90:b8} */
    public static String of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    static String of(byte[] bytes, int from, int to) {
        StringBuilder s = new StringBuilder(Math.max(0, (to - from) * 3 - 1));
        for (int i = from; i < to; i++) {
            if (i > from) {
                s.append(':');
            }
            s.append(DIGITS[(bytes[i] >> 4) & 0xf]).append(DIGITS[bytes[i] & 0xf]);
        }
        return s.toString();
    }

    /** Lines of {@code perLine} bytes, without a trailing colon (pki.md §3.22: 20 per line for keys, 22 for hashes). */
    public static List<String> lines(byte[] bytes, int perLine) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += perLine) {
            lines.add(of(bytes, i, Math.min(bytes.length, i + perLine)));
        }
        return lines;
    }

    /** Plain lowercase hex without separators (serial numbers: {@code 0712dc31}). */
    public static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            s.append(DIGITS[(b >> 4) & 0xf]).append(DIGITS[b & 0xf]);
        }
        return s.toString();
    }
}
