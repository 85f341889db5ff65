package org.secplane.ike.internal.message;

/** One IKEv2 payload; the generic header (next payload, critical bit, length) is the codec's business. */
public abstract class Payload {

    Payload() {
    }

    /** The payload type (RFC 7296 §3.2). */
    public abstract int type();

    /** Writes the body (everything after the 4-byte generic header). */
    abstract void writeBody(ByteWriter w);

    /** Whether the critical bit is set; only ever for payloads received and kept raw. */
    public boolean critical() {
        return false;
    }
}
