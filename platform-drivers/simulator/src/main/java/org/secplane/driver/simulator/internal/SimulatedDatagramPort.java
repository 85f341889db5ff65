package org.secplane.driver.simulator.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.secplane.driver.DatagramPort;

/** A UDP socket of a simulated node: datagrams from the wire wait in a bounded queue. */
public final class SimulatedDatagramPort implements DatagramPort {

    private final SimulatedNetwork.Node node;
    private final InetSocketAddress local;
    private final PacketQueue<Datagram> inbound = new PacketQueue<>();
    private final AtomicLong truncated = new AtomicLong();

    SimulatedDatagramPort(SimulatedNetwork.Node node, InetSocketAddress local) {
        this.node = node;
        this.local = local;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public InetSocketAddress receive(ByteBuffer buffer) throws IOException {
        Datagram datagram;
        try {
            datagram = inbound.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while receiving on " + local);
        }
        if (datagram == null) {
            return null;
        }
        int start = buffer.position();
        int length = Math.min(datagram.payload.length, buffer.remaining());
        if (length < datagram.payload.length) {
            truncated.incrementAndGet(); // as recvfrom() does with a short buffer
        }
        buffer.put(datagram.payload, 0, length);
        buffer.limit(start + length).position(start);
        return datagram.source;
    }

    @Override
    public void send(ByteBuffer datagram, InetSocketAddress destination) throws IOException {
        if (inbound.isClosed()) {
            throw new SocketException("Socket is closed: " + local);
        }
        node.send(this, destination, datagram);
    }

    /** Datagrams cut short because the receiver's buffer was smaller. */
    public long truncated() {
        return truncated.get();
    }

    boolean deliver(InetSocketAddress source, ByteBuffer payload) {
        byte[] copy = new byte[payload.remaining()];
        payload.get(copy);
        return inbound.offer(new Datagram(source, copy));
    }

    @Override
    public void close() {
        inbound.close();
        node.unbind(this);
    }

    @Override
    public String toString() {
        return "udp " + local + " on " + node;
    }

    private static final class Datagram {
        final InetSocketAddress source;
        final byte[] payload;

        Datagram(InetSocketAddress source, byte[] payload) {
            this.source = source;
            this.payload = payload;
        }
    }
}
