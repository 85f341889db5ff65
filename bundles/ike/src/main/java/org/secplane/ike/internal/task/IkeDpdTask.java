package org.secplane.ike.internal.task;

import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.Message;
import org.secplane.ike.internal.sa.IkeSa;

/**
 * ike-dpd: an empty INFORMATIONAL request (IKEv2 liveness, D-19), repeated every DPD interval; after 5
 * unanswered transmissions (the IKEv2 threshold, ¶207) the peer is dead.
 */
public final class IkeDpdTask extends Task {

    public IkeDpdTask(IkeSa sa) {
        super(sa);
    }

    @Override
    public int exchange() {
        return Ike.INFORMATIONAL;
    }

    @Override
    public boolean liveness() {
        return true;
    }

    @Override
    public String describe() {
        return "INFORMATIONAL (DPD)";
    }

    @Override
    public Status build(Message m) {
        return Status.SUCCESS;
    }

    @Override
    public Status process(Message r) {
        return Status.SUCCESS;
    }
}
