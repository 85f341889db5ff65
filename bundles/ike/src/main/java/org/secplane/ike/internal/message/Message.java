package org.secplane.ike.internal.message;

import java.util.ArrayList;
import java.util.List;

/**
 * An IKEv2 message: the header fields and its payloads. For a message received, {@link #payloads} are
 * those in clear until the codec's caller decrypts the SK (or reassembles the SKF) payload and adds what it
 * held; {@link #encryptedType} says whether there is such a payload and where.
 */
public final class Message {

    public long spiI;
    public long spiR;
    public int exchange;
    public int flags;
    public long messageId;
    /** Major/minor version byte (0x20 for 2.0). */
    public int version = Ike.VERSION_2;
    public final List<Payload> payloads;

    // ------------------------------------------------------------ set by the decoder
    /** {@link Ike#SK}, {@link Ike#SKF} or 0. */
    public int encryptedType;
    /** Offset of the SK/SKF payload's generic header from the start of the message. */
    public int encryptedOffset;
    /** The SK/SKF payload's "next payload": the first inner payload (0 on fragments other than the first). */
    public int innerFirst;
    public int fragmentNumber;
    public int totalFragments;
    /** The message as received (its own copy) and its length. */
    public byte[] raw;
    public int rawLength;
    /** Where a received message came from and was received on (set by the engine). */
    public java.net.InetSocketAddress from;
    public java.net.InetSocketAddress to;

    public Message() {
        this.payloads = new ArrayList<>(8);
    }

    public Message(long spiI, long spiR, int exchange, int flags, long messageId) {
        this();
        this.spiI = spiI;
        this.spiR = spiR;
        this.exchange = exchange;
        this.flags = flags;
        this.messageId = messageId;
    }

    public boolean isResponse() {
        return (flags & Ike.FLAG_RESPONSE) != 0;
    }

    /** Sent by the original initiator of the IKE SA. */
    public boolean fromInitiator() {
        return (flags & Ike.FLAG_INITIATOR) != 0;
    }

    public Message add(Payload payload) {
        payloads.add(payload);
        return this;
    }

    /** The first payload of a type, or {@code null}. */
    public Payload first(int type) {
        for (Payload p : payloads) {
            if (p.type() == type) {
                return p;
            }
        }
        return null;
    }

    /** All payloads of a type. */
    @SuppressWarnings("unchecked")
    public <T extends Payload> List<T> all(int type) {
        List<T> out = new ArrayList<>(2);
        for (Payload p : payloads) {
            if (p.type() == type) {
                out.add((T) p);
            }
        }
        return out;
    }

    /** The first notify of a type, or {@code null}. */
    public NotifyPayload notify(int notifyType) {
        for (Payload p : payloads) {
            if (p instanceof NotifyPayload && ((NotifyPayload) p).notifyType == notifyType) {
                return (NotifyPayload) p;
            }
        }
        return null;
    }

    /** The first error notify, or {@code null}. */
    public NotifyPayload firstError() {
        for (Payload p : payloads) {
            if (p instanceof NotifyPayload && ((NotifyPayload) p).isError()) {
                return (NotifyPayload) p;
            }
        }
        return null;
    }

    public SaPayload sa() {
        return (SaPayload) first(Ike.SA);
    }

    public KePayload ke() {
        return (KePayload) first(Ike.KE);
    }

    public NoncePayload nonce() {
        return (NoncePayload) first(Ike.NONCE);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(Ike.exchangeName(exchange)).append(isResponse() ? " response " : " request ")
                .append(messageId).append(" [");
        for (int i = 0; i < payloads.size(); i++) {
            Payload p = payloads.get(i);
            s.append(i == 0 ? "" : " ").append(p instanceof NotifyPayload ? p.toString() : String.valueOf(p.type()));
        }
        return s.append(']').toString();
    }
}
