package org.secplane.ipsec.internal.esp;

import org.secplane.crypto.Aead;
import org.secplane.ipsec.internal.packet.Bytes;

/**
 * ESP with an AEAD: AES-GCM (RFC 4106) or ChaCha20-Poly1305 (RFC 7634). The 8-byte IV is the SA's packet
 * counter, as RFC 4106 §3.1 allows and strongSwan does, so it never repeats under one key; the AAD is the
 * SPI and 32-bit sequence number (no ESN). The ICV is the AEAD's tag.
 */
public final class AeadTransform extends EspTransform {

    private final Aead aead;
    private final int icv;

    public AeadTransform(Aead aead) {
        this.aead = aead;
        this.icv = aead.algorithm().outputSize();
    }

    @Override
    public int ivSize() {
        return 8;
    }

    @Override
    public int icvSize() {
        return icv;
    }

    @Override
    public int alignment() {
        return 4;
    }

    @Override
    public boolean authenticates() {
        return true;
    }

    @Override
    public int seal(byte[] in, int inOffset, int length, byte[] out, int espOffset, long counter, IvSource random) {
        Bytes.put64(out, espOffset + 8, counter);
        return 16 + aead.seal(out, espOffset + 8, out, espOffset, 8, in, inOffset, length, out, espOffset + 16);
    }

    @Override
    public int open(byte[] in, int espOffset, int length, byte[] out, int outOffset) {
        if (length < 16 + icv + 4) {
            return TRUNCATED;
        }
        int plain = aead.open(in, espOffset + 8, in, espOffset, 8, in, espOffset + 16, length - 16, out, outOffset);
        return plain < 0 ? ICV_MISMATCH : plain;
    }

    @Override
    public void close() {
        aead.close();
    }
}
