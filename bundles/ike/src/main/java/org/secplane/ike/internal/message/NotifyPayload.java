package org.secplane.ike.internal.message;

/** Notify payload (RFC 7296 §3.10). */
public final class NotifyPayload extends Payload {

    private static final byte[] NONE = new byte[0];

    public final int protocol;
    public final byte[] spi;
    public final int notifyType;
    public final byte[] data;

    public NotifyPayload(int protocol, byte[] spi, int notifyType, byte[] data) {
        this.protocol = protocol;
        this.spi = spi == null ? NONE : spi;
        this.notifyType = notifyType;
        this.data = data == null ? NONE : data;
    }

    public static NotifyPayload of(int notifyType) {
        return new NotifyPayload(0, NONE, notifyType, NONE);
    }

    public static NotifyPayload of(int notifyType, byte[] data) {
        return new NotifyPayload(0, NONE, notifyType, data);
    }

    public boolean isError() {
        return notifyType <= Ike.LAST_ERROR_NOTIFY;
    }

    @Override
    public int type() {
        return Ike.NOTIFY;
    }

    @Override
    void writeBody(ByteWriter w) {
        w.u8(protocol);
        w.u8(spi.length);
        w.u16(notifyType);
        w.bytes(spi);
        w.bytes(data);
    }

    @Override
    public String toString() {
        return "N(" + Ike.notifyName(notifyType) + ")";
    }
}
