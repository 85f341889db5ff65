package org.secplane.ike.internal.task;

import org.secplane.ike.internal.message.DeletePayload;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.Message;
import org.secplane.ike.internal.message.NotifyPayload;
import org.secplane.ike.internal.message.Payload;
import org.secplane.ike.internal.sa.ChildSaRecord;
import org.secplane.ike.internal.sa.IkeSa;
import org.secplane.ike.internal.sa.IkeSaState;

import java.util.ArrayList;
import java.util.List;

/**
 * Responder of INFORMATIONAL requests: Delete of the IKE SA or of CHILD SAs (answered with our SPIs of the
 * pairs, except those we are deleting ourselves, RFC 7296 §1.4.1), liveness checks (empty), and error
 * notifies such as AUTHENTICATION_FAILED after IKE_AUTH.
 */
public final class InformationalTask extends Task {

    private boolean deleteIke;
    private String ikeReason;
    private final List<long[]> answer = new ArrayList<>(1);
    private final List<Integer> answerProtocols = new ArrayList<>(1);

    public InformationalTask(IkeSa sa) {
        super(sa);
    }

    @Override
    public int exchange() {
        return Ike.INFORMATIONAL;
    }

    @Override
    public Status processRequest(Message m) {
        for (Payload p : m.payloads) {
            if (p instanceof DeletePayload) {
                DeletePayload d = (DeletePayload) p;
                if (d.protocol == Ike.PROTO_IKE) {
                    deleteIke = true;
                    ikeReason = "deleted by the peer";
                    continue;
                }
                List<Long> ours = new ArrayList<>(d.spis.length);
                for (long spi : d.spis) {
                    ChildSaRecord child = sa.childByOutbound(spi);
                    if (child == null || !child.alive()) {
                        continue;
                    }
                    boolean weDeleteToo = child.state == ChildSaRecord.State.DELETING;
                    host.childRemoved(sa, child);
                    if (!weDeleteToo) {
                        ours.add(child.inboundSpi);
                    }
                }
                if (!ours.isEmpty()) {
                    long[] spis = new long[ours.size()];
                    for (int i = 0; i < spis.length; i++) {
                        spis[i] = ours.get(i);
                    }
                    answer.add(spis);
                    answerProtocols.add(d.protocol);
                }
            } else if (p instanceof NotifyPayload) {
                NotifyPayload n = (NotifyPayload) p;
                if (n.notifyType == Ike.AUTHENTICATION_FAILED) {
                    deleteIke = true;
                    ikeReason = "the peer rejected our authentication (AUTHENTICATION_FAILED)";
                    host.authenticationFailed(sa, ikeReason);
                }
            }
        }
        return Status.SUCCESS;
    }

    @Override
    public Status buildResponse(Message r) {
        if (deleteIke) {
            sa.state = IkeSaState.DELETING;
            return Status.SUCCESS;
        }
        for (int i = 0; i < answer.size(); i++) {
            r.add(new DeletePayload(answerProtocols.get(i), answer.get(i)));
        }
        return Status.SUCCESS;
    }

    @Override
    public void afterResponse() {
        if (deleteIke) {
            host.destroy(sa, ikeReason);
        }
    }
}
