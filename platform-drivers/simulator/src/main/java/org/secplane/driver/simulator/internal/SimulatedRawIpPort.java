package org.secplane.driver.simulator.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import org.secplane.driver.RawIpPort;

/**
 * A raw IP socket of a simulated node for one protocol (ESP 50, AH 51): payloads without an outer
 * header, as the {@link RawIpPort} contract has it; the wire applies the DF bit against its MTU.
 */
public final class SimulatedRawIpPort implements RawIpPort {

    private final SimulatedNetwork.Node node;
    private final InetAddress local;
    private final int protocol;
    private final PacketQueue<Payload> inbound = new PacketQueue<>();

    SimulatedRawIpPort(SimulatedNetwork.Node node, InetAddress local, int protocol) {
        this.node = node;
        this.local = local;
        this.protocol = protocol;
    }

    InetAddress localAddress() {
        return local;
    }

    @Override
    public int protocol() {
        return protocol;
    }

    @Override
    public InetAddress receive(ByteBuffer buffer) throws IOException {
        Payload payload;
        try {
            payload = inbound.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while receiving protocol " + protocol);
        }
        if (payload == null) {
            return null;
        }
        int start = buffer.position();
        int length = Math.min(payload.bytes.length, buffer.remaining());
        buffer.put(payload.bytes, 0, length);
        buffer.limit(start + length).position(start);
        return payload.source;
    }

    @Override
    public void send(ByteBuffer payload, InetAddress destination, boolean dontFragment) throws IOException {
        if (inbound.isClosed()) {
            throw new SocketException("Socket is closed: protocol " + protocol + " on " + local.getHostAddress());
        }
        node.send(this, destination, payload, dontFragment);
    }

    /** Payloads waiting to be received. */
    public int queued() {
        return inbound.size();
    }

    boolean deliver(InetAddress source, ByteBuffer payload) {
        byte[] copy = new byte[payload.remaining()];
        payload.get(copy);
        return inbound.offer(new Payload(source, copy));
    }

    @Override
    public void close() {
        inbound.close();
        node.unbind(this);
    }

    @Override
    public String toString() {
        return "raw protocol " + protocol + " " + local.getHostAddress() + " on " + node;
    }

    private static final class Payload {
        final InetAddress source;
        final byte[] bytes;

        Payload(InetAddress source, byte[] bytes) {
            this.source = source;
            this.bytes = bytes;
        }
    }
}
