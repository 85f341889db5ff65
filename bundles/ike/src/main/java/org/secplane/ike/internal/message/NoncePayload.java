package org.secplane.ike.internal.message;

/** Nonce payload (RFC 7296 §3.9): 16 to 256 bytes. */
public final class NoncePayload extends Payload {

    public static final int MIN = 16;
    public static final int MAX = 256;

    public final byte[] nonce;

    public NoncePayload(byte[] nonce) {
        this.nonce = nonce;
    }

    @Override
    public int type() {
        return Ike.NONCE;
    }

    @Override
    void writeBody(ByteWriter w) {
        w.bytes(nonce);
    }
}
