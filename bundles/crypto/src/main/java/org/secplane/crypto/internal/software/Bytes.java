package org.secplane.crypto.internal.software;

import java.math.BigInteger;
import java.util.Arrays;
import org.secplane.crypto.CryptoException;

/** Byte helpers shared by the software providers. */
final class Bytes {

    private Bytes() {
    }

    /** {@code value} big-endian in exactly {@code length} bytes. */
    static byte[] fixed(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        if (raw.length == length) {
            return raw;
        }
        if (raw.length == length + 1 && raw[0] == 0) {
            return Arrays.copyOfRange(raw, 1, raw.length);
        }
        if (raw.length > length) {
            throw new CryptoException("value does not fit in " + length + " bytes");
        }
        byte[] out = new byte[length];
        System.arraycopy(raw, 0, out, length - raw.length, raw.length);
        return out;
    }

    /** Left-pads (or strips leading zeros of) a big-endian value to {@code length} bytes. */
    static byte[] fixed(byte[] value, int length) {
        return fixed(new BigInteger(1, value), length);
    }

    /** Compares {@code length} bytes in time independent of where they differ. */
    static boolean constantTimeEquals(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
        int diff = 0;
        for (int i = 0; i < length; i++) {
            diff |= a[aOffset + i] ^ b[bOffset + i];
        }
        return diff == 0;
    }

    static boolean allZero(byte[] value) {
        int acc = 0;
        for (byte b : value) {
            acc |= b;
        }
        return acc == 0;
    }

    /** Little-endian bytes to an unsigned integer (RFC 7748 decodeLittleEndian). */
    static BigInteger littleEndian(byte[] value) {
        byte[] be = new byte[value.length];
        for (int i = 0; i < value.length; i++) {
            be[i] = value[value.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    /** An unsigned integer to {@code length} little-endian bytes. */
    static byte[] littleEndian(BigInteger value, int length) {
        byte[] be = fixed(value, length);
        byte[] le = new byte[length];
        for (int i = 0; i < length; i++) {
            le[i] = be[length - 1 - i];
        }
        return le;
    }

    /** Whether two ranges of possibly the same array overlap. */
    static boolean overlap(byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength) {
        return a == b && aOffset < bOffset + bLength && bOffset < aOffset + aLength;
    }
}
