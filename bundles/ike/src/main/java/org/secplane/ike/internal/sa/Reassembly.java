package org.secplane.ike.internal.sa;

import java.util.Arrays;

/**
 * Fragments of one message (RFC 7383) received so far: each already decrypted and verified. Bounded: at
 * most {@code MessageCodec.MAX_FRAGMENTS} fragments and 64 KiB of plaintext in all.
 */
public final class Reassembly {

    public static final int MAX_BYTES = 65535;

    public final long messageId;
    public final boolean response;
    public final int total;
    private final byte[][] parts;
    private int received;
    private int bytes;
    public int firstPayload;

    public Reassembly(long messageId, boolean response, int total) {
        this.messageId = messageId;
        this.response = response;
        this.total = total;
        this.parts = new byte[total][];
    }

    /** Adds a fragment's plaintext; returns false when it cannot be kept (a duplicate or beyond the limit). */
    public boolean add(int number, byte[] plain, int off, int len, int first) {
        if (number < 1 || number > total || parts[number - 1] != null || bytes + len > MAX_BYTES) {
            return false;
        }
        parts[number - 1] = Arrays.copyOfRange(plain, off, off + len);
        bytes += len;
        received++;
        if (number == 1) {
            firstPayload = first;
        }
        return true;
    }

    public boolean complete() {
        return received == total;
    }

    public byte[] join() {
        byte[] out = new byte[bytes];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        wipe();
        return out;
    }

    public void wipe() {
        for (byte[] p : parts) {
            if (p != null) {
                Arrays.fill(p, (byte) 0);
            }
        }
    }
}
