package org.secplane.ike.internal.message;

/** Authentication payload (RFC 7296 §3.8). */
public final class AuthPayload extends Payload {

    public final int method;
    public final byte[] data;

    public AuthPayload(int method, byte[] data) {
        this.method = method;
        this.data = data;
    }

    @Override
    public int type() {
        return Ike.AUTH;
    }

    @Override
    void writeBody(ByteWriter w) {
        w.u8(method);
        w.zeros(3);
        w.bytes(data);
    }
}
