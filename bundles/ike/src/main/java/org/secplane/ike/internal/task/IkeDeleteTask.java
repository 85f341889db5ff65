package org.secplane.ike.internal.task;

import org.secplane.ike.internal.message.DeletePayload;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.Message;
import org.secplane.ike.internal.message.NotifyPayload;
import org.secplane.ike.internal.sa.IkeSa;
import org.secplane.ike.internal.sa.IkeSaState;

/** ike-delete: INFORMATIONAL with a Delete of the IKE SA; the SA (and CHILD SAs still on it) go either way. */
public final class IkeDeleteTask extends Task {

    private final String why;
    private final int notify;

    public IkeDeleteTask(IkeSa sa, String why) {
        this(sa, why, 0);
    }

    /** With {@code notify} (e.g. AUTHENTICATION_FAILED) in the same message. */
    public IkeDeleteTask(IkeSa sa, String why, int notify) {
        super(sa);
        this.why = why;
        this.notify = notify;
    }

    @Override
    public int exchange() {
        return Ike.INFORMATIONAL;
    }

    @Override
    public String describe() {
        return "INFORMATIONAL (delete IKE SA)";
    }

    @Override
    public Status build(Message m) {
        sa.state = IkeSaState.DELETING;
        if (notify != 0) {
            m.add(NotifyPayload.of(notify));
        }
        m.add(DeletePayload.ike());
        return Status.SUCCESS;
    }

    @Override
    public Status process(Message r) {
        host.destroy(sa, why);
        return Status.SUCCESS;
    }

    @Override
    public void abort(String reason) {
        host.destroy(sa, why);
    }
}
