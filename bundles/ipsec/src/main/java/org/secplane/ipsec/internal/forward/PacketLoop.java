package org.secplane.ipsec.internal.forward;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.driver.DatagramPort;
import org.secplane.driver.DeviceFamily;
import org.secplane.driver.RawIpPort;
import org.secplane.driver.RouteTable;
import org.secplane.driver.SaOffload;
import org.secplane.driver.TunnelInterface;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.internal.esp.KeystreamIvSource;

/**
 * Two data planes joined back to back in memory, for benchmarks and allocation measurements of the packet
 * path alone: {@link #roundTrip} takes a cleartext packet out through the sending data plane (SPD, SA,
 * framing, encryption) and in through the receiving one (SAD, replay, decryption, checks, delivery), on the
 * calling thread, with ports and tunnel interfaces that only copy into fixed buffers. No threads of the data
 * planes take part (theirs wait on ports that never deliver).
 */
public final class PacketLoop implements AutoCloseable {

    private final DataPlane sender;
    private final DataPlane receiver;
    private final Loopback senderFamily = new Loopback();
    private final Loopback receiverFamily = new Loopback();
    private final TunnelPolicy outboundPolicy;
    private final Worker out;
    private final Worker in;
    private final InetAddress receiverAddress;
    private final byte[] receiverAddressBytes;
    private final InetAddress senderAddress;
    private final int protocol;

    /**
     * {@code outbound} is installed in the sender, {@code inbound} (its mirror: SPIs and keys swapped) in the
     * receiver; both bound to {@code st0.0}.
     */
    public PacketLoop(CryptoRegistry crypto, ChildSa outbound, ChildSa inbound) {
        SecureRandom random = new SecureRandom();
        sender = new DataPlane(crypto, () -> new KeystreamIvSource(crypto, random), System::nanoTime, false);
        receiver = new DataPlane(crypto, () -> new KeystreamIvSource(crypto, random), System::nanoTime, false);
        sender.familyAdded(senderFamily);
        receiver.familyAdded(receiverFamily);
        sender.tunnelAdded(senderFamily.tunnel);
        receiver.tunnelAdded(receiverFamily.tunnel);
        sender.install(outbound);
        receiver.install(inbound);
        synchronized (sender) {
            outboundPolicy = policyOf(sender);
        }
        out = new Worker(() -> new KeystreamIvSource(crypto, random));
        in = new Worker(() -> new KeystreamIvSource(crypto, random));
        receiverAddress = inbound.local();
        receiverAddressBytes = receiverAddress.getAddress();
        senderAddress = outbound.local();
        protocol = outbound.protocol();
    }

    private static TunnelPolicy policyOf(DataPlane plane) {
        return plane.policy("st0.0");
    }

    /** The data plane that sends (for its SAs and statistics). */
    public DataPlane sender() {
        return sender;
    }

    public DataPlane receiver() {
        return receiver;
    }

    /**
     * One packet ({@code packet[0, length)}, an IP packet) out of the sender and into the receiver; returns the
     * length of the packet the receiver delivered, or -1 when it delivered none (dropped: see its counters).
     */
    public int roundTrip(byte[] packet, int length) {
        System.arraycopy(packet, 0, out.a, Worker.HEAD, length);
        senderFamily.port.sentLength = -1;
        sender.outbound(out, outboundPolicy, length);
        int sent = senderFamily.port.sentLength;
        if (sent < 0) {
            return -1;
        }
        System.arraycopy(senderFamily.port.sent, 0, in.a, 0, sent);
        receiverFamily.tunnel.writtenLength = -1;
        receiver.inbound(in, protocol, receiverAddress, receiverAddressBytes, senderAddress, sent, false, null);
        return receiverFamily.tunnel.writtenLength;
    }

    /** What the sender last put on the wire (the ESP or AH packet), and its length. */
    public byte[] lastSent() {
        return senderFamily.port.sent;
    }

    public int lastSentLength() {
        return senderFamily.port.sentLength;
    }

    /** What the receiver last delivered to its tunnel interface. */
    public byte[] lastDelivered() {
        return receiverFamily.tunnel.written;
    }

    @Override
    public void close() {
        sender.close();
        receiver.close();
        senderFamily.close();
        receiverFamily.close();
        out.close();
        in.close();
    }

    /** A raw port whose sends are copied into one buffer; its receive waits until it is closed. */
    private static final class CapturePort implements RawIpPort {
        final byte[] sent = new byte[Worker.SIZE];
        int sentLength = -1;
        private final int protocol;
        private final CountDownLatch closed = new CountDownLatch(1);

        CapturePort(int protocol) {
            this.protocol = protocol;
        }

        @Override
        public int protocol() {
            return protocol;
        }

        @Override
        public InetAddress receive(ByteBuffer buffer) throws IOException {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }

        @Override
        public void send(ByteBuffer payload, InetAddress destination, boolean dontFragment) {
            sentLength = payload.remaining();
            payload.get(sent, 0, sentLength);
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    /** A tunnel interface whose writes are copied into one buffer; its read waits until it is closed. */
    private static final class CaptureTunnel implements TunnelInterface {
        final byte[] written = new byte[Worker.SIZE];
        int writtenLength = -1;
        private final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public String name() {
            return "st0.0";
        }

        @Override
        public String hostName() {
            return "st0.0";
        }

        @Override
        public void setAddresses(List<String> prefixes) {
        }

        @Override
        public List<String> addresses() {
            return List.of();
        }

        @Override
        public void setMtu(int mtu) {
        }

        @Override
        public int mtu() {
            return 1500;
        }

        @Override
        public void setUp(boolean up) {
        }

        @Override
        public boolean isUp() {
            return true;
        }

        @Override
        public long[] counters() {
            return new long[5];
        }

        @Override
        public int read(ByteBuffer buffer) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }

        @Override
        public void write(ByteBuffer packet) {
            writtenLength = packet.remaining();
            packet.get(written, 0, writtenLength);
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    /** The device family of one side: one capture port (whatever address and protocol) and one tunnel. */
    private static final class Loopback implements DeviceFamily {
        final CapturePort port = new CapturePort(50);
        final CaptureTunnel tunnel = new CaptureTunnel();

        @Override
        public String name() {
            return "loopback";
        }

        @Override
        public String hardware() {
            return "memory";
        }

        @Override
        public String status() {
            return "ready";
        }

        @Override
        public List<String> drivers() {
            return List.of();
        }

        @Override
        public Optional<String> hostInterface(String junosInterfaceUnit) {
            return Optional.empty();
        }

        @Override
        public List<InetAddress> localAddresses() {
            return List.of();
        }

        @Override
        public TunnelInterface tunnel(String name) {
            return tunnel;
        }

        @Override
        public List<TunnelInterface> tunnels() {
            return List.of(tunnel);
        }

        @Override
        public void removeTunnel(String name) {
        }

        @Override
        public DatagramPort openDatagram(InetSocketAddress local) throws IOException {
            throw new IOException("no UDP in the packet loop");
        }

        @Override
        public RawIpPort openRawIp(InetAddress local, int protocol) {
            return port;
        }

        @Override
        public RouteTable routes() {
            throw new UnsupportedOperationException("no routes in the packet loop");
        }

        @Override
        public List<SaOffload> offloads() {
            return List.of();
        }

        void close() {
            port.close();
            tunnel.close();
        }
    }
}
