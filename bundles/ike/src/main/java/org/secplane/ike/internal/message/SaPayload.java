package org.secplane.ike.internal.message;

import java.util.List;

/** SA payload: proposals in order of preference (RFC 7296 §3.3). */
public final class SaPayload extends Payload {

    public final List<Proposal> proposals;

    public SaPayload(List<Proposal> proposals) {
        this.proposals = proposals;
    }

    @Override
    public int type() {
        return Ike.SA;
    }

    @Override
    void writeBody(ByteWriter w) {
        for (int p = 0; p < proposals.size(); p++) {
            Proposal proposal = proposals.get(p);
            int start = w.position();
            w.u8(p == proposals.size() - 1 ? 0 : 2);
            w.u8(0);
            int lengthAt = w.skip(2);
            w.u8(proposal.number);
            w.u8(proposal.protocol);
            w.u8(proposal.spi.length);
            w.u8(proposal.transforms.size());
            w.bytes(proposal.spi);
            for (int t = 0; t < proposal.transforms.size(); t++) {
                Transform transform = proposal.transforms.get(t);
                w.u8(t == proposal.transforms.size() - 1 ? 0 : 3);
                w.u8(0);
                w.u16(transform.keyLength != 0 ? 12 : 8);
                w.u8(transform.type);
                w.u8(0);
                w.u16(transform.id);
                if (transform.keyLength != 0) {
                    w.u16(0x8000 | Ike.ATTR_KEY_LENGTH);
                    w.u16(transform.keyLength);
                }
            }
            w.putU16(lengthAt, w.position() - start);
        }
    }
}
