package org.secplane.ipsec.internal.forward;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.secplane.driver.RawIpPort;
import org.secplane.driver.simulator.internal.SimulatedNetwork;
import org.secplane.driver.simulator.internal.SimulatedRawIpPort;
import org.secplane.driver.simulator.internal.SimulatedTunnel;
import org.secplane.driver.simulator.internal.SimulatorFamily;

/**
 * The other end of the wire in packet tests: a simulated node with raw ESP and AH sockets, which captures
 * what the data plane sends and sends hand-made packets to it. Waits are polls with a deadline, never sleeps
 * of fixed length.
 */
final class Peer implements AutoCloseable {

    private final SimulatorFamily family;
    private final SimulatedRawIpPort esp;
    private final SimulatedRawIpPort ah;
    final InetAddress address;

    Peer(SimulatedNetwork wire, String prefix) throws IOException {
        family = new SimulatorFamily(wire, "peer");
        family.setExternalInterfaces(Map.of("ge-0/0/0.0", List.of(prefix)));
        address = Packets.address(prefix.substring(0, prefix.indexOf('/')));
        esp = (SimulatedRawIpPort) family.openRawIp(address, 50);
        ah = (SimulatedRawIpPort) family.openRawIp(address, 51);
    }

    /** The next ESP (50) or AH (51) payload that arrives within two seconds; fails when none does. */
    byte[] receive(int protocol) throws Exception {
        SimulatedRawIpPort port = protocol == 50 ? esp : ah;
        byte[] packet = poll(port, TimeUnit.SECONDS.toNanos(2));
        assertNotNull(packet, "no protocol " + protocol + " packet reached the peer");
        return packet;
    }

    /** Whether nothing more arrives within {@code millis}. */
    boolean quiet(int protocol, long millis) throws Exception {
        return poll(protocol == 50 ? esp : ah, TimeUnit.MILLISECONDS.toNanos(millis)) == null;
    }

    private static byte[] poll(SimulatedRawIpPort port, long nanos) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (port.queued() == 0) {
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(1);
        }
        ByteBuffer buffer = ByteBuffer.allocate(70000);
        port.receive(buffer);
        return Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
    }

    void send(int protocol, byte[] packet, InetAddress to) throws IOException {
        RawIpPort port = protocol == 50 ? esp : ah;
        port.send(ByteBuffer.wrap(packet), to, false);
    }

    /** The next packet written to {@code tunnel} within two seconds; fails when none is. */
    static byte[] collect(SimulatedTunnel tunnel) throws InterruptedException {
        byte[] packet = tunnel.collect(2, TimeUnit.SECONDS);
        assertNotNull(packet, "nothing was delivered to " + tunnel.name());
        return packet;
    }

    @Override
    public void close() {
        family.close();
    }
}
