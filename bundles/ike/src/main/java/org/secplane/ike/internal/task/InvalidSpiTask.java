package org.secplane.ike.internal.task;

import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.Message;
import org.secplane.ike.internal.message.NotifyPayload;
import org.secplane.ike.internal.sa.IkeSa;

/** D-20: tells the peer, inside the IKE SA, that ESP/AH arrived with an SPI we do not have (INVALID_SPI). */
public final class InvalidSpiTask extends Task {

    private final int protocol;
    private final long spi;

    public InvalidSpiTask(IkeSa sa, int protocol, long spi) {
        super(sa);
        this.protocol = protocol;
        this.spi = spi;
    }

    @Override
    public int exchange() {
        return Ike.INFORMATIONAL;
    }

    @Override
    public Status build(Message m) {
        m.add(new NotifyPayload(protocol, ChildCreateTask.spi4(spi), Ike.INVALID_SPI, null));
        return Status.SUCCESS;
    }

    @Override
    public Status process(Message r) {
        return Status.SUCCESS;
    }
}
