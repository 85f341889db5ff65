package org.secplane.ike.internal.message;

/** Key Exchange payload (RFC 7296 §3.4). */
public final class KePayload extends Payload {

    public final int group;
    public final byte[] data;

    public KePayload(int group, byte[] data) {
        this.group = group;
        this.data = data;
    }

    @Override
    public int type() {
        return Ike.KE;
    }

    @Override
    void writeBody(ByteWriter w) {
        w.u16(group);
        w.u16(0);
        w.bytes(data);
    }
}
