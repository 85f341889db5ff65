package org.secplane.ike.internal.runtime;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.secplane.driver.DatagramPort;
import org.secplane.driver.DeviceFamily;
import org.secplane.ike.internal.engine.IkeScheduler;
import org.secplane.ike.internal.engine.IkeTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP side of key management: IKE on port 500 and NAT-T (IKE with the non-ESP marker, keepalives, ESP in
 * UDP, RFC 3948) on port 4500, one {@link DatagramPort} of the active {@link DeviceFamily} per local address
 * and port, each with one reader thread. Received IKE goes to the engine; on the NAT-T port a datagram that is
 * neither IKE (four zero bytes first) nor a keepalive (the single byte 0xFF) is ESP and goes to the data
 * plane's receiver when there is one (otherwise the engine counts it as not IKE).
 *
 * <p>Ports follow the family and the addresses the configuration needs ({@link #family}, {@link #addresses}):
 * what is no longer wanted is closed, what is missing is opened. A port that cannot be bound (the address is
 * not on the interface yet, the port is taken) is retried with back-off and its reason is kept for
 * {@link #status()}. Each reader reuses one buffer: nothing is allocated per datagram here.
 */
public final class IkePorts implements IkeTransport, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IkePorts.class);
    /** The largest UDP payload. */
    private static final int MAX_DATAGRAM = 65535;
    private static final long FIRST_RETRY_MILLIS = 500;
    private static final long MAX_RETRY_MILLIS = 10_000;

    /** Where received IKE datagrams go (the engine's {@code receive}). */
    @FunctionalInterface
    public interface IkeReceiver {
        void receive(byte[] buf, int off, int len, InetSocketAddress local, InetSocketAddress remote);
    }

    /** Where ESP in UDP goes (the data plane's {@code EspInUdpReceiver}). */
    @FunctionalInterface
    public interface EspReceiver {
        void receive(ByteBuffer esp, InetSocketAddress remote, InetSocketAddress local);
    }

    private final int ikePort;
    private final int natTPort;
    private final IkeReceiver ike;
    private final IkeScheduler scheduler;
    private volatile EspReceiver esp;
    private DeviceFamily family;
    private Set<InetAddress> wanted = Set.of();
    /** Open ports by their local endpoint; replaced as a whole (copy on write) so senders need no lock. */
    private volatile Map<InetSocketAddress, Bound> open = Map.of();
    private final Map<InetSocketAddress, String> failures = new LinkedHashMap<>();
    private Runnable retry;
    private long retryDelay = FIRST_RETRY_MILLIS;
    private boolean closed;
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicLong noPort = new AtomicLong();
    private final AtomicLong espToDataPlane = new AtomicLong();

    public IkePorts(int ikePort, int natTPort, IkeReceiver ike, IkeScheduler scheduler) {
        this.ikePort = ikePort;
        this.natTPort = natTPort;
        this.ike = Objects.requireNonNull(ike, "ike");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** The device family whose ports to use; {@code null} closes every port. */
    public synchronized void family(DeviceFamily next) {
        if (next == family) {
            return;
        }
        closeAll();
        family = next;
        reconcile();
    }

    /** The local addresses IKE must listen on (the gateways' external-interface addresses). */
    public synchronized void addresses(Set<InetAddress> next) {
        Set<InetAddress> copy = Set.copyOf(next);
        if (copy.equals(wanted)) {
            return;
        }
        wanted = copy;
        retryDelay = FIRST_RETRY_MILLIS;
        reconcile();
    }

    /** The local addresses asked for last. */
    public synchronized Set<InetAddress> addresses() {
        return wanted;
    }

    /** The data plane's ESP-in-UDP receiver, or {@code null}. */
    public void espReceiver(EspReceiver receiver) {
        this.esp = receiver;
    }

    private void reconcile() {
        if (closed) {
            return;
        }
        Set<InetSocketAddress> endpoints = new LinkedHashSet<>();
        for (InetAddress a : wanted) {
            endpoints.add(new InetSocketAddress(a, ikePort));
            endpoints.add(new InetSocketAddress(a, natTPort));
        }
        Map<InetSocketAddress, Bound> next = new LinkedHashMap<>(open);
        for (InetSocketAddress e : List.copyOf(next.keySet())) {
            if (!endpoints.contains(e)) {
                next.remove(e).close();
            }
        }
        failures.keySet().retainAll(endpoints);
        boolean failed = false;
        if (family != null) {
            for (InetSocketAddress e : endpoints) {
                if (next.containsKey(e)) {
                    continue;
                }
                try {
                    DatagramPort port = family.openDatagram(e);
                    Bound bound = new Bound(port, e);
                    next.put(e, bound);
                    failures.remove(e);
                    bound.start();
                    LOG.info("IKE listens on UDP {}:{} ({} family)", e.getAddress().getHostAddress(), e.getPort(), family.name());
                } catch (IOException | RuntimeException x) {
                    String reason = x.getMessage() == null ? x.toString() : x.getMessage();
                    if (!reason.equals(failures.put(e, reason))) {
                        LOG.warn("IKE cannot listen on UDP {}:{}: {} (retrying)", e.getAddress().getHostAddress(), e.getPort(),
                                reason);
                    }
                    failed = true;
                }
            }
        } else {
            for (InetSocketAddress e : endpoints) {
                failures.put(e, "no device family is active");
            }
        }
        open = Map.copyOf(next);
        cancelRetry();
        if (failed) {
            long delay = retryDelay;
            retryDelay = Math.min(MAX_RETRY_MILLIS, retryDelay * 2);
            retry = scheduler.schedule(this::retryNow, delay);
        } else {
            retryDelay = FIRST_RETRY_MILLIS;
        }
    }

    private synchronized void retryNow() {
        retry = null;
        reconcile();
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.run();
            retry = null;
        }
    }

    private void closeAll() {
        for (Bound b : open.values()) {
            b.close();
        }
        open = Map.of();
    }

    // ====================================================================== sending

    @Override
    public void send(byte[] data, int offset, int length, InetSocketAddress local, InetSocketAddress remote) {
        Bound port = portFor(local, remote);
        if (port == null) {
            if (noPort.getAndIncrement() % 100 == 0) {
                LOG.warn("IKE datagram to {} dropped: no UDP port open on {}", remote, local);
            }
            return;
        }
        try {
            port.port.send(ByteBuffer.wrap(data, offset, length), remote);
        } catch (IOException | RuntimeException e) {
            if (sendFailures.getAndIncrement() % 100 == 0) {
                LOG.warn("IKE datagram to {} from {} not sent: {}", remote, port.local, e.getMessage());
            }
        }
    }

    @Override
    public InetAddress sourceFor(InetAddress remote) {
        for (Bound b : open.values()) {
            if (b.local.getPort() == ikePort && sameFamily(b.local.getAddress(), remote)) {
                return b.local.getAddress();
            }
        }
        return null;
    }

    /** Sends ESP (RFC 3948: no marker) from the NAT-T port on {@code local}'s address. */
    public void sendEsp(ByteBuffer espPacket, InetSocketAddress local, InetSocketAddress remote) throws IOException {
        Bound port = open.get(local);
        if (port == null) {
            port = portFor(new InetSocketAddress(local.getAddress(), natTPort), remote);
        }
        if (port == null) {
            throw new IOException("no NAT-T port is open on " + local);
        }
        port.port.send(espPacket, remote);
    }

    private Bound portFor(InetSocketAddress local, InetSocketAddress remote) {
        Map<InetSocketAddress, Bound> ports = open;
        Bound exact = ports.get(local);
        if (exact != null || !local.getAddress().isAnyLocalAddress()) {
            return exact;
        }
        for (Bound b : ports.values()) {
            if (b.local.getPort() == local.getPort() && sameFamily(b.local.getAddress(), remote.getAddress())) {
                return b;
            }
        }
        return null;
    }

    private static boolean sameFamily(InetAddress a, InetAddress b) {
        return (a instanceof Inet4Address) == (b instanceof Inet4Address);
    }

    // ====================================================================== status

    /** One line per wanted endpoint: listening, or why not. */
    public synchronized List<PortStatus> status() {
        List<PortStatus> out = new ArrayList<>();
        Map<InetSocketAddress, Bound> ports = open;
        for (Bound b : ports.values()) {
            out.add(new PortStatus(b.local, "listening", b.received.get()));
        }
        failures.forEach((e, reason) -> {
            if (!ports.containsKey(e)) {
                out.add(new PortStatus(e, reason, 0));
            }
        });
        out.sort(Comparator.comparing((PortStatus p) -> p.local().getAddress().getHostAddress())
                .thenComparingInt(p -> p.local().getPort()));
        return out;
    }

    /** Datagrams that could not be sent (no port, or the send failed), and ESP packets passed to the data plane. */
    public long[] counters() {
        return new long[] {noPort.get(), sendFailures.get(), espToDataPlane.get()};
    }

    /**
     * An endpoint's state.
     *
     * @param local the address and port
     * @param state {@code listening}, or why it is not
     * @param received datagrams received on it
     */
    public record PortStatus(InetSocketAddress local, String state, long received) {
    }

    @Override
    public synchronized void close() {
        closed = true;
        cancelRetry();
        closeAll();
    }

    // ====================================================================== one open port

    /** An open port and its reader thread. */
    private final class Bound {
        final DatagramPort port;
        final InetSocketAddress local;
        final Thread reader;
        final AtomicLong received = new AtomicLong();
        volatile boolean stopping;

        Bound(DatagramPort port, InetSocketAddress local) {
            this.port = port;
            this.local = local;
            this.reader = new Thread(this::read, "secplane-ike-udp-" + local.getAddress().getHostAddress() + ":" + local.getPort());
            this.reader.setDaemon(true);
        }

        void start() {
            reader.start();
        }

        private void read() {
            ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
            byte[] array = buffer.array();
            boolean natT = local.getPort() == natTPort;
            while (!stopping) {
                buffer.clear();
                InetSocketAddress remote;
                try {
                    remote = port.receive(buffer);
                } catch (IOException | RuntimeException e) {
                    if (stopping) {
                        return;
                    }
                    LOG.warn("IKE port {} receive failed: {}", local, e.getMessage());
                    pause();
                    continue;
                }
                if (remote == null) {
                    return;
                }
                received.incrementAndGet();
                int off = buffer.position();
                int len = buffer.remaining();
                EspReceiver dataPlane = esp;
                if (natT && dataPlane != null && isEsp(array, off, len)) {
                    espToDataPlane.incrementAndGet();
                    try {
                        dataPlane.receive(buffer, remote, local);
                    } catch (RuntimeException e) {
                        LOG.warn("the data plane failed on ESP from {}", remote, e);
                    }
                    continue;
                }
                ike.receive(array, off, len, local, remote);
            }
        }

        private void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            }
        }

        void close() {
            stopping = true;
            try {
                port.close();
            } catch (IOException e) {
                LOG.debug("closing {}: {}", local, e.getMessage());
            }
        }
    }

    /** RFC 3948 §2.2: not a keepalive and not the non-ESP marker. */
    static boolean isEsp(byte[] b, int off, int len) {
        if (len == 1 && b[off] == (byte) 0xFF) {
            return false;
        }
        return len >= 4 && (b[off] | b[off + 1] | b[off + 2] | b[off + 3]) != 0;
    }
}
