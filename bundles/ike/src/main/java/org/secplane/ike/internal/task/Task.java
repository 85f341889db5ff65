package org.secplane.ike.internal.task;

import org.secplane.ike.internal.message.Message;
import org.secplane.ike.internal.message.NotifyPayload;
import org.secplane.ike.internal.sa.IkeSa;
import org.secplane.ike.internal.sa.SaHost;

/**
 * One step of an exchange, strongSwan-style: as initiator a task adds its payloads to a request
 * ({@link #build}) and reads its part of the response ({@link #process}); as responder it reads its part of a
 * request ({@link #processRequest}) and adds its part of the response ({@link #buildResponse}).
 */
public abstract class Task {

    /** How a step ended. */
    public enum Status {
        /** done */
        SUCCESS,
        /** send the request again (IKE_SA_INIT after COOKIE or INVALID_KE_PAYLOAD) */
        NEED_MORE,
        /** failed; for IKE_SA_INIT and IKE_AUTH the IKE SA goes, for other exchanges only the task */
        FAILED
    }

    protected final IkeSa sa;
    protected final SaHost host;
    /** Responder: a fatal error to answer with alone (IKE_SA_INIT, IKE_AUTH). */
    NotifyPayload fatal;
    /** Why the task failed, for logs and {@code show}. */
    String reason;

    protected Task(IkeSa sa) {
        this.sa = sa;
        this.host = sa.host;
    }

    /** The exchange this (initiator) task runs in. */
    public abstract int exchange();

    public Status build(Message request) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not initiate");
    }

    public Status process(Message response) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not initiate");
    }

    public Status processRequest(Message request) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not respond");
    }

    public Status buildResponse(Message response) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not respond");
    }

    /** Responder: runs after the response went out (e.g. destroy the IKE SA after answering its Delete). */
    public void afterResponse() {
    }

    /** The exchange was abandoned: the peer did not answer, or the IKE SA went. */
    public void abort(String why) {
    }

    /** Whether its exchange is a liveness check (retransmitted at the DPD interval, threshold fixed at 5). */
    public boolean liveness() {
        return false;
    }

    public String reason() {
        return reason;
    }

    /** {@code show}'s "Negotiation type" for a task in progress. */
    public String describe() {
        return getClass().getSimpleName();
    }

    protected Status fail(String why) {
        this.reason = why;
        return Status.FAILED;
    }
}
