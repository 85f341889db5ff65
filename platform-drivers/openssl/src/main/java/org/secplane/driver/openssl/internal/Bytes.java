package org.secplane.driver.openssl.internal;

import java.math.BigInteger;

final class Bytes {

    private Bytes() {
    }

    /** {@code value} big-endian in exactly {@code length} bytes (it must fit). */
    static byte[] unsigned(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int skip = raw.length > length ? raw.length - length : 0;
        System.arraycopy(raw, skip, out, length - (raw.length - skip), raw.length - skip);
        return out;
    }
}
