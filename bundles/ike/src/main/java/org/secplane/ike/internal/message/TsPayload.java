package org.secplane.ike.internal.message;

import java.util.List;

/** Traffic Selector payload TSi or TSr (RFC 7296 §3.13). */
public final class TsPayload extends Payload {

    /** One traffic selector; addresses are 4 or 16 bytes. */
    public static final class Selector {
        public final int tsType;
        public final int protocol;
        public final int startPort;
        public final int endPort;
        public final byte[] start;
        public final byte[] end;

        public Selector(int tsType, int protocol, int startPort, int endPort, byte[] start, byte[] end) {
            this.tsType = tsType;
            this.protocol = protocol;
            this.startPort = startPort;
            this.endPort = endPort;
            this.start = start;
            this.end = end;
        }
    }

    public final int payloadType;
    public final List<Selector> selectors;

    public TsPayload(int payloadType, List<Selector> selectors) {
        this.payloadType = payloadType;
        this.selectors = selectors;
    }

    @Override
    public int type() {
        return payloadType;
    }

    @Override
    void writeBody(ByteWriter w) {
        w.u8(selectors.size());
        w.zeros(3);
        for (Selector s : selectors) {
            w.u8(s.tsType);
            w.u8(s.protocol);
            w.u16(8 + s.start.length + s.end.length);
            w.u16(s.startPort);
            w.u16(s.endPort);
            w.bytes(s.start);
            w.bytes(s.end);
        }
    }
}
