package org.secplane.driver.simulator.internal;

import org.secplane.driver.IpPrefix;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.secplane.driver.TunnelInterface;

/**
 * A tunnel interface {@code st0.N} as two in-memory packet queues. The host side (a test, a demo) plays
 * the operating system: {@link #inject} routes a cleartext packet into the tunnel, which secplane then
 * {@link #read}s; what secplane {@link #write}s the host {@link #collect}s. Like a TUN device it starts
 * down, takes no packets from the host while down or above its MTU, and drops what secplane writes while
 * down (counted).
 */
public final class SimulatedTunnel implements TunnelInterface {

    /** The MTU of a new tunnel interface (as a new TUN device). */
    public static final int DEFAULT_MTU = 1500;

    private static final int READ_PACKETS = 0;
    private static final int READ_BYTES = 1;
    private static final int WRITTEN_PACKETS = 2;
    private static final int WRITTEN_BYTES = 3;
    private static final int DROPPED = 4;

    private final String name;
    private final PacketQueue<byte[]> fromHost = new PacketQueue<>();
    private final PacketQueue<byte[]> toHost = new PacketQueue<>();
    private final AtomicLongArray counters = new AtomicLongArray(5);
    private volatile List<String> addresses = List.of();
    private volatile int mtu = DEFAULT_MTU;
    private volatile boolean up;

    public SimulatedTunnel(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String hostName() {
        return name;
    }

    @Override
    public synchronized void setAddresses(List<String> prefixes) throws IOException {
        checkOpen();
        List<String> normalized = new ArrayList<>();
        for (String prefix : prefixes) {
            String text = IpPrefix.parse(prefix).toString();
            if (!normalized.contains(text)) {
                normalized.add(text);
            }
        }
        addresses = List.copyOf(normalized);
    }

    @Override
    public List<String> addresses() {
        return addresses;
    }

    @Override
    public void setMtu(int mtu) throws IOException {
        checkOpen();
        if (mtu < 68 || mtu > 65535) {
            throw new IllegalArgumentException(name + ": MTU " + mtu + " out of range 68..65535");
        }
        this.mtu = mtu;
    }

    @Override
    public int mtu() {
        return mtu;
    }

    @Override
    public void setUp(boolean up) throws IOException {
        checkOpen();
        this.up = up;
    }

    @Override
    public boolean isUp() {
        return up && !fromHost.isClosed();
    }

    @Override
    public int read(ByteBuffer buffer) throws IOException {
        byte[] packet;
        try {
            packet = fromHost.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + name);
        }
        if (packet == null) {
            return -1;
        }
        int start = buffer.position();
        int length = Math.min(packet.length, buffer.remaining());
        buffer.put(packet, 0, length);
        buffer.limit(start + length).position(start);
        counters.incrementAndGet(READ_PACKETS);
        counters.addAndGet(READ_BYTES, length);
        return length;
    }

    @Override
    public void write(ByteBuffer packet) throws IOException {
        checkOpen();
        int length = packet.remaining();
        if (!up) {
            packet.position(packet.limit());
            counters.incrementAndGet(DROPPED);
            return;
        }
        byte[] copy = new byte[length];
        packet.get(copy);
        if (toHost.offer(copy)) {
            counters.incrementAndGet(WRITTEN_PACKETS);
            counters.addAndGet(WRITTEN_BYTES, length);
        } else {
            counters.incrementAndGet(DROPPED);
        }
    }

    /**
     * The host routes {@code packet} (a whole IP packet) into the tunnel. Returns false, counting a drop,
     * when the interface is down or closed, the packet exceeds the MTU, or the queue is full.
     */
    public boolean inject(byte[] packet) {
        if (!up || packet.length > mtu || !fromHost.offer(packet.clone())) {
            counters.incrementAndGet(DROPPED);
            return false;
        }
        return true;
    }

    /** A packet secplane wrote (delivered to the host), waiting up to {@code timeout}; {@code null} if none. */
    public byte[] collect(long timeout, TimeUnit unit) throws InterruptedException {
        return toHost.poll(timeout, unit);
    }

    /** Packets and bytes read, packets and bytes written, and packets dropped. */
    @Override
    public long[] counters() {
        long[] copy = new long[counters.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = counters.get(i);
        }
        return copy;
    }

    public boolean isClosed() {
        return fromHost.isClosed();
    }

    @Override
    public void close() {
        up = false;
        fromHost.close();
        toHost.close();
    }

    private void checkOpen() throws IOException {
        if (fromHost.isClosed()) {
            throw new SocketException(name + " has been removed");
        }
    }

    @Override
    public String toString() {
        return name + (up ? " up " : " down ") + addresses + " mtu " + mtu;
    }
}
