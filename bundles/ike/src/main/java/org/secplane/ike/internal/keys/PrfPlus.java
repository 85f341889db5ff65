package org.secplane.ike.internal.keys;

import java.util.Arrays;
import org.secplane.crypto.Prf;

/** prf+ (RFC 7296 §2.13): T1 = prf(K, S | 0x01), Tn = prf(K, Tn-1 | S | n), at most 255 blocks. */
public final class PrfPlus {

    private PrfPlus() {
    }

    public static byte[] derive(Prf prf, byte[] key, byte[] seed, int length) {
        int size = prf.algorithm().outputSize();
        int blocks = (length + size - 1) / size;
        if (blocks > 255) {
            throw new IllegalArgumentException("prf+ cannot derive " + length + " bytes with " + prf.algorithm().label());
        }
        byte[] out = new byte[blocks * size];
        byte[] previous = new byte[0];
        byte[] counter = new byte[1];
        for (int n = 1; n <= blocks; n++) {
            counter[0] = (byte) n;
            byte[] t = prf.compute(key, previous, seed, counter);
            System.arraycopy(t, 0, out, (n - 1) * size, size);
            Arrays.fill(previous, (byte) 0);
            previous = t;
        }
        Arrays.fill(previous, (byte) 0);
        if (out.length == length) {
            return out;
        }
        byte[] exact = Arrays.copyOf(out, length);
        Arrays.fill(out, (byte) 0);
        return exact;
    }

    /** {@code a | b | …} as one array. */
    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    public static byte[] spiBytes(long spi) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) spi;
            spi >>>= 8;
        }
        return b;
    }
}
