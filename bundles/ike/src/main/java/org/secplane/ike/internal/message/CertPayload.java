package org.secplane.ike.internal.message;

/** Certificate payload (RFC 7296 §3.6), or with {@code request} a Certificate Request payload (§3.7). */
public final class CertPayload extends Payload {

    public final boolean request;
    public final int encoding;
    public final byte[] data;

    public CertPayload(boolean request, int encoding, byte[] data) {
        this.request = request;
        this.encoding = encoding;
        this.data = data;
    }

    @Override
    public int type() {
        return request ? Ike.CERTREQ : Ike.CERT;
    }

    @Override
    void writeBody(ByteWriter w) {
        w.u8(encoding);
        w.bytes(data);
    }
}
