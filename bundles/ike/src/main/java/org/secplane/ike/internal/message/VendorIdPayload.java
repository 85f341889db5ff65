package org.secplane.ike.internal.message;

/** Vendor ID payload (RFC 7296 §3.12). */
public final class VendorIdPayload extends Payload {

    public final byte[] data;

    public VendorIdPayload(byte[] data) {
        this.data = data;
    }

    @Override
    public int type() {
        return Ike.VENDOR_ID;
    }

    @Override
    void writeBody(ByteWriter w) {
        w.bytes(data);
    }
}
