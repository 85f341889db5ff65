package org.secplane.ike.internal.message;

/** A payload kept undecoded: a type this implementation does not process (CP, EAP, …). */
public final class RawPayload extends Payload {

    private final int type;
    private final boolean critical;
    public final byte[] body;

    public RawPayload(int type, boolean critical, byte[] body) {
        this.type = type;
        this.critical = critical;
        this.body = body;
    }

    @Override
    public int type() {
        return type;
    }

    @Override
    public boolean critical() {
        return critical;
    }

    @Override
    void writeBody(ByteWriter w) {
        w.bytes(body);
    }
}
