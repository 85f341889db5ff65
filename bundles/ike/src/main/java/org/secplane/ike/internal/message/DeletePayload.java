package org.secplane.ike.internal.message;

/** Delete payload (RFC 7296 §3.11): the IKE SA itself, or ESP/AH SPIs (4 bytes each). */
public final class DeletePayload extends Payload {

    private static final long[] NONE = new long[0];

    public final int protocol;
    public final long[] spis;

    public DeletePayload(int protocol, long[] spis) {
        this.protocol = protocol;
        this.spis = spis == null ? NONE : spis;
    }

    public static DeletePayload ike() {
        return new DeletePayload(Ike.PROTO_IKE, NONE);
    }

    @Override
    public int type() {
        return Ike.DELETE;
    }

    @Override
    void writeBody(ByteWriter w) {
        w.u8(protocol);
        w.u8(protocol == Ike.PROTO_IKE ? 0 : 4);
        w.u16(spis.length);
        for (long spi : spis) {
            w.u32(spi);
        }
    }
}
