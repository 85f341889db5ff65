package org.secplane.ike.internal.message;

import java.util.Arrays;

/** A growable big-endian byte buffer for encoding; reusable after {@link #reset}. */
public final class ByteWriter {

    private byte[] buf;
    private int pos;

    public ByteWriter(int capacity) {
        buf = new byte[Math.max(capacity, 64)];
    }

    public void reset() {
        pos = 0;
    }

    public int position() {
        return pos;
    }

    public byte[] array() {
        return buf;
    }

    /** Makes room for {@code n} more bytes. */
    public void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    public void u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    public void u16(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    public void u32(long v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    public void u64(long v) {
        u32(v >>> 32);
        u32(v & 0xFFFFFFFFL);
    }

    public void bytes(byte[] b) {
        bytes(b, 0, b.length);
    }

    public void bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    public void zeros(int n) {
        ensure(n);
        Arrays.fill(buf, pos, pos + n, (byte) 0);
        pos += n;
    }

    /** Skips {@code n} bytes (filled later). */
    public int skip(int n) {
        ensure(n);
        int at = pos;
        pos += n;
        return at;
    }

    public void putU16(int at, int v) {
        buf[at] = (byte) (v >>> 8);
        buf[at + 1] = (byte) v;
    }

    public void putU32(int at, long v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    public void putU8(int at, int v) {
        buf[at] = (byte) v;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    /** Zeroes the whole buffer (it held key material or plaintext). */
    public void wipe() {
        Arrays.fill(buf, (byte) 0);
        pos = 0;
    }
}
