package org.secplane.ike.internal.task;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.Message;
import org.secplane.ike.internal.message.MessageCodec;
import org.secplane.ike.internal.message.NotifyPayload;
import org.secplane.ike.internal.message.ParseException;
import org.secplane.ike.internal.message.SaPayload;
import org.secplane.ike.internal.sa.ChildSaRecord;
import org.secplane.ike.internal.sa.IkeSa;
import org.secplane.ike.internal.sa.IkeSaState;
import org.secplane.ike.internal.sa.Reassembly;
import org.secplane.ike.internal.sa.SaHost;

/**
 * The exchanges of one IKE SA (RFC 7296 §2.1–2.3): a queue of initiator tasks, one request in flight (window
 * 1) retransmitted with exponential back-off, the peer's requests answered in order, the last response kept
 * for the peer's retransmissions; decryption and reassembly (RFC 7383) of what arrives.
 */
public final class TaskManager {

    /** Drop reasons as the engine counts them. */
    public static final String UNEXPECTED_RESPONSE = "UNEXPECTED_RESPONSE";
    public static final String OUT_OF_WINDOW = "OUT_OF_WINDOW";
    public static final String INTEGRITY = "INTEGRITY_CHECK_FAILED";
    public static final String UNPROTECTED = "UNPROTECTED";
    public static final String INVALID_SYNTAX = "INVALID_SYNTAX";
    public static final String UNEXPECTED_EXCHANGE = "UNEXPECTED_EXCHANGE";
    public static final String FRAGMENT = "BAD_FRAGMENT";
    public static final String RETRANSMITTED_REQUEST = "RETRANSMITTED_REQUEST";
    public static final String UNSUPPORTED_CRITICAL = "UNSUPPORTED_CRITICAL_PAYLOAD";

    private final IkeSa sa;
    private final SaHost host;
    private final ArrayDeque<Task> queue = new ArrayDeque<>();
    private Exchange active;

    /** Our request in flight. */
    private static final class Exchange {
        final long messageId;
        final int exchange;
        final List<Task> tasks;
        final boolean liveness;
        List<byte[]> datagrams;
        int transmissions;
        Runnable timer;

        Exchange(long messageId, int exchange, List<Task> tasks) {
            this.messageId = messageId;
            this.exchange = exchange;
            this.tasks = tasks;
            boolean live = false;
            for (Task t : tasks) {
                live |= t.liveness();
            }
            this.liveness = live;
        }
    }

    public TaskManager(IkeSa sa) {
        this.sa = sa;
        this.host = sa.host;
    }

    // ================================================================== initiator side

    public void queue(Task task) {
        queue.addLast(task);
    }

    public void queueFirst(Task task) {
        queue.addFirst(task);
    }

    public boolean busy() {
        return active != null;
    }

    public boolean idle() {
        return active == null && queue.isEmpty();
    }

    /** Whether a task of this class is in flight or queued. */
    public boolean has(Class<? extends Task> type) {
        if (active != null) {
            for (Task t : active.tasks) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        for (Task t : queue) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a CHILD SA for this VPN is being created or rekeyed (in flight or queued). */
    public boolean negotiating(String vpn) {
        List<Task> all = new ArrayList<>(queue);
        if (active != null) {
            all.addAll(active.tasks);
        }
        for (Task t : all) {
            if (t instanceof ChildCreateTask && vpn.equals(((ChildCreateTask) t).vpn())) {
                return true;
            }
        }
        return false;
    }

    ChildCreateTask activeRekeyOf(ChildSaRecord child) {
        if (active != null) {
            for (Task t : active.tasks) {
                if (t instanceof ChildCreateTask && ((ChildCreateTask) t).rekeyOf() == child) {
                    return (ChildCreateTask) t;
                }
            }
        }
        return null;
    }

    void dropQueuedRekeyOf(ChildSaRecord child) {
        queue.removeIf(t -> t instanceof ChildCreateTask && ((ChildCreateTask) t).rekeyOf() == child);
    }

    IkeRekeyTask activeIkeRekey() {
        if (active != null) {
            for (Task t : active.tasks) {
                if (t instanceof IkeRekeyTask) {
                    return (IkeRekeyTask) t;
                }
            }
        }
        return null;
    }

    void dropQueuedIkeRekeys() {
        queue.removeIf(t -> t instanceof IkeRekeyTask);
    }

    /** Tasks waiting that a replacement IKE SA should run instead (after an IKE rekey). */
    public List<Task> drainQueued() {
        List<Task> out = new ArrayList<>(queue);
        queue.clear();
        return out;
    }

    /** Starts the next exchange if none is in flight and the SA's state allows the queued one. */
    public void initiate() {
        while (active == null && sa.alive() && !queue.isEmpty()) {
            Task head = queue.peekFirst();
            int exchange = head.exchange();
            if (!ready(exchange, head)) {
                return;
            }
            List<Task> tasks = new ArrayList<>(2);
            tasks.add(queue.pollFirst());
            if (exchange == Ike.IKE_SA_INIT || exchange == Ike.IKE_AUTH) {
                while (!queue.isEmpty() && queue.peekFirst().exchange() == exchange) {
                    tasks.add(queue.pollFirst());
                }
            }
            send(new Exchange(sa.nextMessageId, exchange, tasks));
        }
    }

    private boolean ready(int exchange, Task head) {
        switch (exchange) {
            case Ike.IKE_SA_INIT:
                return sa.state == IkeSaState.CREATED || sa.state == IkeSaState.CONNECTING;
            case Ike.IKE_AUTH:
                return sa.state == IkeSaState.AUTHENTICATING;
            case Ike.CREATE_CHILD_SA:
                return sa.state == IkeSaState.ESTABLISHED;
            default:
                return sa.state == IkeSaState.ESTABLISHED || sa.state == IkeSaState.REKEYED
                        || (sa.state == IkeSaState.AUTHENTICATING && head instanceof IkeDeleteTask);
        }
    }

    private void send(Exchange ex) {
        Message m = new Message(sa.spiI, ex.exchange == Ike.IKE_SA_INIT ? 0 : sa.spiR, ex.exchange,
                sa.initiator ? Ike.FLAG_INITIATOR : 0, ex.messageId);
        for (Iterator<Task> it = ex.tasks.iterator(); it.hasNext();) {
            Task t = it.next();
            if (safe(t, () -> t.build(m)) == Task.Status.FAILED) {
                if (ex.exchange == Ike.IKE_SA_INIT || ex.exchange == Ike.IKE_AUTH) {
                    host.destroy(sa, t.reason());
                    return;
                }
                it.remove();
            }
        }
        if (ex.tasks.isEmpty()) {
            initiate();
            return;
        }
        if (ex.exchange == Ike.IKE_SA_INIT) {
            byte[] bytes = MessageCodec.encodePlain(m);
            sa.initRequest = bytes;
            ex.datagrams = List.of(bytes);
        } else {
            ex.datagrams = MessageCodec.encodeProtected(m, sa.outbound, maxMessage(), sa.peerFragmentation);
        }
        active = ex;
        transmit(ex);
    }

    private int maxMessage() {
        int ipUdp = (sa.remote.getAddress().getAddress().length == 4 ? 20 : 40) + 8;
        int marker = sa.local.getPort() == host.settings().natTPort ? 4 : 0;
        return host.settings().fragmentSize - ipUdp - marker;
    }

    private void transmit(Exchange ex) {
        ex.transmissions++;
        for (byte[] d : ex.datagrams) {
            sa.outBytes += d.length;
            sa.outPackets++;
            host.send(sa, d, sa.local, sa.remote);
        }
        long delay;
        if (ex.liveness) {
            delay = Math.max(1, sa.peer.dpdInterval) * 1000L;
        } else {
            delay = (long) (host.settings().retransmitTimeoutMillis
                    * Math.pow(host.settings().retransmitBase, ex.transmissions - 1));
        }
        ex.timer = host.schedule(sa, delay, () -> retransmit(ex));
    }

    private void retransmit(Exchange ex) {
        if (active != ex || !sa.alive()) {
            return;
        }
        int limit = ex.liveness ? sa.peer.dpdThreshold : host.settings().retransmitTries + 1;
        if (ex.transmissions >= limit) {
            active = null;
            for (Task t : ex.tasks) {
                t.abort("peer not responding");
            }
            String why = ex.liveness
                    ? "peer dead: " + ex.transmissions + " dead peer detection requests unanswered"
                    : "peer not responding: " + Ike.exchangeName(ex.exchange) + " request sent " + ex.transmissions
                            + " times without response";
            host.destroy(sa, why);
            return;
        }
        transmit(ex);
    }

    /** What is in flight, for {@code show}'s negotiations in progress: type, message ID. */
    public List<String[]> inProgress() {
        List<String[]> out = new ArrayList<>(1);
        if (active != null && active.exchange != Ike.IKE_SA_INIT && active.exchange != Ike.IKE_AUTH) {
            for (Task t : active.tasks) {
                if (!(t instanceof IkeDpdTask)) {
                    out.add(new String[] {t.describe(), Long.toString(active.messageId)});
                }
            }
        }
        return out;
    }

    /** The SA is going: abort everything and stop the retransmission timer. */
    public void abortAll(String why) {
        Exchange ex = active;
        active = null;
        if (ex != null) {
            if (ex.timer != null) {
                ex.timer.run();
            }
            for (Task t : ex.tasks) {
                t.abort(why);
            }
        }
        for (Task t : queue) {
            t.abort(why);
        }
        queue.clear();
    }

    // ================================================================== receiving

    /** A message for this SA (header already checked, SPIs matched): both directions. */
    public void receive(Message m) {
        if (m.isResponse()) {
            Exchange ex = active;
            if (ex == null || m.messageId != ex.messageId) {
                host.dropped(sa, UNEXPECTED_RESPONSE);
                return;
            }
            if (m.exchange != ex.exchange) {
                host.dropped(sa, UNEXPECTED_EXCHANGE);
                return;
            }
            if (!unprotect(m, false)) {
                return;
            }
            account(m);
            handleResponse(ex, m);
        } else {
            if (m.messageId == sa.lastResponseId && sa.lastResponse != null && m.exchange == lastExchange) {
                if (m.encryptedType != Ike.SKF || m.fragmentNumber == 1) {
                    for (byte[] d : sa.lastResponse) {
                        sa.outBytes += d.length;
                        sa.outPackets++;
                        host.send(sa, d, m.to, m.from);
                    }
                }
                host.dropped(sa, RETRANSMITTED_REQUEST);
                return;
            }
            if (m.messageId != sa.expectedMessageId) {
                host.dropped(sa, OUT_OF_WINDOW);
                return;
            }
            List<Task> tasks = responderTasks(m);
            if (tasks == null) {
                host.dropped(sa, UNEXPECTED_EXCHANGE);
                return;
            }
            if (!unprotect(m, true)) {
                return;
            }
            account(m);
            if (m.exchange != Ike.IKE_SA_INIT) {
                tasks = responderTasks(m);
            }
            handleRequest(m, tasks);
        }
    }

    private int lastExchange;

    private void account(Message m) {
        sa.inBytes += m.rawLength;
        sa.inPackets++;
        sa.lastInboundMillis = host.now();
        if (m.exchange != Ike.IKE_SA_INIT && (sa.natLocal || sa.natRemote) && m.from != null) {
            // RFC 7296 §2.23: behind a NAT, follow the peer's address and port after an authenticated message
            sa.remote = m.from;
            sa.local = m.to;
        }
    }

    /** Decrypts (and reassembles) a message; false when it was dropped or more fragments are awaited. */
    private boolean unprotect(Message m, boolean request) {
        if (m.exchange == Ike.IKE_SA_INIT) {
            if (m.encryptedType != 0) {
                host.dropped(sa, INVALID_SYNTAX);
                return false;
            }
            return true;
        }
        if (sa.inbound == null || m.encryptedType == 0) {
            host.dropped(sa, UNPROTECTED);
            return false;
        }
        int[] length = new int[1];
        int at = MessageCodec.open(m, sa.inbound, length);
        if (at < 0) {
            host.dropped(sa, INTEGRITY);
            return false;
        }
        byte[] plain = m.raw;
        int first = m.innerFirst;
        int len = length[0];
        if (m.encryptedType == Ike.SKF) {
            Reassembly r = sa.reassembly;
            if (r == null || r.messageId != m.messageId || r.response != m.isResponse() || r.total != m.totalFragments) {
                if (r != null) {
                    r.wipe();
                }
                r = new Reassembly(m.messageId, m.isResponse(), m.totalFragments);
                sa.reassembly = r;
            }
            if (!r.add(m.fragmentNumber, m.raw, at, len, m.innerFirst)) {
                host.dropped(sa, FRAGMENT);
                return false;
            }
            sa.inBytes += m.rawLength;
            sa.inPackets++;
            if (!r.complete()) {
                return false;
            }
            sa.reassembly = null;
            first = r.firstPayload;
            plain = r.join();
            at = 0;
            len = plain.length;
            sa.inBytes -= m.rawLength;
            sa.inPackets--;
        }
        try {
            MessageCodec.decodeInner(m, first, plain, at, len);
            return true;
        } catch (ParseException e) {
            if (request) {
                NotifyPayload n = e.kind() == ParseException.Kind.UNSUPPORTED_CRITICAL_PAYLOAD
                        ? NotifyPayload.of(Ike.UNSUPPORTED_CRITICAL_PAYLOAD, new byte[] {(byte) e.payloadType()})
                        : NotifyPayload.of(Ike.INVALID_SYNTAX);
                Message resp = new Message(sa.spiI, sa.spiR, m.exchange, Ike.FLAG_RESPONSE | (sa.initiator ? Ike.FLAG_INITIATOR : 0),
                        m.messageId);
                resp.add(n);
                respond(m, resp);
            }
            host.dropped(sa, e.kind() == ParseException.Kind.UNSUPPORTED_CRITICAL_PAYLOAD ? UNSUPPORTED_CRITICAL : INVALID_SYNTAX);
            return false;
        }
    }

    private void handleResponse(Exchange ex, Message m) {
        if (ex.timer != null) {
            ex.timer.run();
        }
        boolean again = false;
        Task failed = null;
        boolean setup = ex.exchange == Ike.IKE_SA_INIT || ex.exchange == Ike.IKE_AUTH;
        for (Task t : ex.tasks) {
            Task.Status s = safe(t, () -> t.process(m));
            if (s == Task.Status.NEED_MORE) {
                again = true;
            } else if (s == Task.Status.FAILED && failed == null && !(t instanceof ChildCreateTask)) {
                // a CHILD SA that fails in IKE_AUTH leaves the IKE SA up (RFC 7296 §1.2)
                failed = t;
                if (setup) {
                    break;
                }
            }
            if (!sa.alive()) {
                active = null;
                return;
            }
        }
        if (setup && failed != null) {
            active = null;
            if (!(failed instanceof IkeAuthTask) && failed.reason() != null) {
                host.authenticationFailed(sa, failed.reason());
            }
            if (ex.exchange == Ike.IKE_AUTH && m.firstError() == null && sa.outbound != null) {
                // the responder thinks the SA is up: tell it (RFC 7296 §2.21.2)
                sa.state = IkeSaState.AUTHENTICATING;
                sa.nextMessageId++;
                for (Task t : ex.tasks) {
                    if (t != failed) {
                        t.abort(failed.reason());
                    }
                }
                queue.clear();
                queue.add(new IkeDeleteTask(sa, failed.reason(), Ike.AUTHENTICATION_FAILED));
                initiate();
                return;
            }
            host.destroy(sa, failed.reason());
            return;
        }
        if (again && ex.exchange == Ike.IKE_SA_INIT) {
            active = null;
            sa.spiR = 0;
            send(new Exchange(ex.messageId, ex.exchange, ex.tasks));
            return;
        }
        active = null;
        sa.nextMessageId = ex.messageId + 1;
        initiate();
    }

    // ================================================================== responder side

    private List<Task> responderTasks(Message m) {
        List<Task> tasks = new ArrayList<>(2);
        switch (m.exchange) {
            case Ike.IKE_SA_INIT:
                if (sa.initiator || sa.state != IkeSaState.CREATED) {
                    return null;
                }
                tasks.add(new IkeInitTask(sa));
                tasks.add(new IkeNatdTask(sa));
                return tasks;
            case Ike.IKE_AUTH:
                if (sa.initiator || sa.state != IkeSaState.AUTHENTICATING) {
                    return null;
                }
                tasks.add(new IkeAuthTask(sa));
                tasks.add(ChildCreateTask.respond(sa, true));
                return tasks;
            case Ike.CREATE_CHILD_SA:
                if (sa.state == IkeSaState.ESTABLISHED) {
                    SaPayload s = m.sa();
                    if (s != null && !s.proposals.isEmpty() && s.proposals.get(0).protocol == Ike.PROTO_IKE) {
                        tasks.add(new IkeRekeyTask(sa));
                    } else {
                        tasks.add(ChildCreateTask.respond(sa, false));
                    }
                    return tasks;
                }
                if (sa.state == IkeSaState.REKEYED || sa.state == IkeSaState.DELETING) {
                    tasks.add(new ErrorTask(sa, Ike.TEMPORARY_FAILURE));
                    return tasks;
                }
                return null;
            case Ike.INFORMATIONAL:
                if (sa.state == IkeSaState.ESTABLISHED || sa.state == IkeSaState.REKEYED || sa.state == IkeSaState.DELETING) {
                    tasks.add(new InformationalTask(sa));
                    return tasks;
                }
                return null;
            default:
                return null;
        }
    }

    private void handleRequest(Message m, List<Task> tasks) {
        Message resp = new Message(sa.spiI, sa.spiR, m.exchange, Ike.FLAG_RESPONSE | (sa.initiator ? Ike.FLAG_INITIATOR : 0),
                m.messageId);
        Task fatal = null;
        for (Task t : tasks) {
            if (safe(t, () -> t.processRequest(m)) == Task.Status.FAILED && t.fatal != null) {
                fatal = t;
                break;
            }
        }
        if (fatal == null) {
            for (Task t : tasks) {
                safe(t, () -> t.buildResponse(resp));
                if (t.fatal != null) {
                    fatal = t;
                    break;
                }
            }
        }
        if (fatal != null) {
            resp.payloads.clear();
            resp.add(fatal.fatal);
            if (m.exchange == Ike.IKE_SA_INIT) {
                resp.spiR = 0;
            }
        }
        respond(m, resp);
        if (fatal != null && (m.exchange == Ike.IKE_SA_INIT || m.exchange == Ike.IKE_AUTH)) {
            host.destroy(sa, fatal.reason());
            return;
        }
        for (Task t : tasks) {
            t.afterResponse();
        }
        initiate();
    }

    private void respond(Message request, Message resp) {
        List<byte[]> datagrams;
        if (resp.exchange == Ike.IKE_SA_INIT) {
            byte[] bytes = MessageCodec.encodePlain(resp);
            if (resp.spiR != 0) {
                sa.initResponse = bytes;
            }
            datagrams = List.of(bytes);
        } else {
            datagrams = MessageCodec.encodeProtected(resp, sa.outbound, maxMessage(), sa.peerFragmentation);
        }
        sa.lastResponse = datagrams;
        sa.lastResponseId = request.messageId;
        lastExchange = request.exchange;
        sa.expectedMessageId = request.messageId + 1;
        for (byte[] d : datagrams) {
            sa.outBytes += d.length;
            sa.outPackets++;
            host.send(sa, d, request.to, request.from);
        }
    }

    /**
     * Runs a step of a task; an exception (a bug, or a collaborator failing) fails the step with the reason
     * instead of leaving the exchange half done. In IKE_SA_INIT and IKE_AUTH a responder answers it with
     * AUTHENTICATION_FAILED (IKE_AUTH) or NO_PROPOSAL_CHOSEN (IKE_SA_INIT).
     */
    private Task.Status safe(Task t, java.util.function.Supplier<Task.Status> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            t.reason = "internal error in " + t.getClass().getSimpleName() + ": " + e;
            if (t instanceof IkeAuthTask) {
                t.fatal = NotifyPayload.of(Ike.AUTHENTICATION_FAILED);
            } else if (t instanceof IkeInitTask) {
                t.fatal = NotifyPayload.of(Ike.NO_PROPOSAL_CHOSEN);
            }
            host.dropped(sa, "INTERNAL_ERROR");
            org.slf4j.LoggerFactory.getLogger(TaskManager.class).warn("IKE SA {}: {}", sa.index, t.reason, e);
            return Task.Status.FAILED;
        }
    }

    /** Answers a request with one error notify (TEMPORARY_FAILURE while rekeyed or deleting). */
    private static final class ErrorTask extends Task {
        private final int notify;

        ErrorTask(IkeSa sa, int notify) {
            super(sa);
            this.notify = notify;
        }

        @Override
        public int exchange() {
            return Ike.CREATE_CHILD_SA;
        }

        @Override
        public Status processRequest(Message request) {
            return Status.SUCCESS;
        }

        @Override
        public Status buildResponse(Message response) {
            response.add(NotifyPayload.of(notify));
            return Status.SUCCESS;
        }
    }
}
