package org.secplane.ike.internal.task;

import org.secplane.ike.internal.message.DeletePayload;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.Message;
import org.secplane.ike.internal.sa.ChildSaRecord;
import org.secplane.ike.internal.sa.IkeSa;

/**
 * child-delete: INFORMATIONAL with a Delete of a CHILD SA (our inbound SPI). If the peer deletes the same SA
 * meanwhile (delete vs delete), its request is answered without that SPI (RFC 7296 §1.4.1).
 */
public final class ChildDeleteTask extends Task {

    private final ChildSaRecord child;

    public ChildDeleteTask(IkeSa sa, ChildSaRecord child) {
        super(sa);
        this.child = child;
    }

    public ChildSaRecord child() {
        return child;
    }

    @Override
    public int exchange() {
        return Ike.INFORMATIONAL;
    }

    @Override
    public String describe() {
        return "INFORMATIONAL (delete CHILD SA)";
    }

    @Override
    public Status build(Message m) {
        if (!child.alive() || child.ikeSa != sa) {
            return fail("CHILD SA already gone");
        }
        child.state = ChildSaRecord.State.DELETING;
        m.add(new DeletePayload(child.protocol, new long[] {child.inboundSpi}));
        return Status.SUCCESS;
    }

    @Override
    public Status process(Message r) {
        host.childRemoved(sa, child);
        return Status.SUCCESS;
    }

    @Override
    public void abort(String why) {
        host.childRemoved(sa, child);
    }
}
