package org.secplane.driver.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secplane.driver.DatagramPort;
import org.secplane.driver.RawIpPort;
import org.secplane.driver.TunnelInterface;

/**
 * Two simulator devices, configured as the Junos guides' two gateways (ge-0/0/3 1.1.1.2/30 and
 * 1.1.1.1/30), on one simulated wire: IKE-style UDP, raw ESP and tunnel traffic between them, with a
 * stand-in data plane (a thread that carries what one tunnel reads to the other side as an ESP payload).
 */
class TwoDevicesOnOneWireTest {

    @TempDir
    Path state;

    private final SimulatedNetwork wire = new SimulatedNetwork("lab");
    private SimulatorFamily left;
    private SimulatorFamily right;

    @BeforeEach
    void twoGateways() throws Exception {
        left = new SimulatorFamily(wire, "left");
        right = new SimulatorFamily(wire, "right");
        left.configure(Configs.committed(state.resolve("left"), "interfaces ge-0/0/3 unit 0 family inet address 1.1.1.2/30"));
        right.configure(Configs.committed(state.resolve("right"), "interfaces ge-0/0/3 unit 0 family inet address 1.1.1.1/30"));
    }

    @AfterEach
    void close() {
        left.close();
        right.close();
    }

    @Test
    void udpOnPort500GoesBothWays() throws Exception {
        InetAddress l = InetAddress.getByName("1.1.1.2");
        InetAddress r = InetAddress.getByName("1.1.1.1");
        try (DatagramPort a = left.openDatagram(new InetSocketAddress(l, 500));
                DatagramPort b = right.openDatagram(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 500))) {
            a.send(ByteBuffer.wrap("IKE_SA_INIT request".getBytes(StandardCharsets.US_ASCII)), new InetSocketAddress(r, 500));
            ByteBuffer buffer = ByteBuffer.allocate(1500);
            InetSocketAddress from = b.receive(buffer);
            assertEquals(new InetSocketAddress(l, 500), from);
            assertEquals("IKE_SA_INIT request", StandardCharsets.US_ASCII.decode(buffer).toString());

            buffer.clear();
            b.send(ByteBuffer.wrap("IKE_SA_INIT response".getBytes(StandardCharsets.US_ASCII)), from);
            InetSocketAddress back = a.receive(buffer);
            assertEquals(new InetSocketAddress(r, 500), back, "a wildcard socket answers from the node's address");
            assertEquals("IKE_SA_INIT response", StandardCharsets.US_ASCII.decode(buffer).toString());
        }
    }

    @Test
    void rawEspArrivesWithoutAnOuterHeaderAndDfRespectsTheWireMtu() throws Exception {
        InetAddress l = InetAddress.getByName("1.1.1.2");
        InetAddress r = InetAddress.getByName("1.1.1.1");
        try (RawIpPort a = left.openRawIp(l, 50); RawIpPort b = right.openRawIp(r, 50);
                RawIpPort ah = right.openRawIp(r, 51)) {
            byte[] esp = esp(0x1001, 1, 100);
            a.send(ByteBuffer.wrap(esp), r, true);
            ByteBuffer buffer = ByteBuffer.allocate(2048);
            assertEquals(l, b.receive(buffer));
            byte[] received = new byte[buffer.remaining()];
            buffer.get(received);
            assertArrayEquals(esp, received);

            long[] before = wire.counters();
            a.send(ByteBuffer.wrap(esp(0x1001, 2, 1500 - 20 + 1)), r, true); // one byte too many with DF
            assertEquals(before[2] + 1, wire.counters()[2], "dropped as too big with DF");
            byte[] fragmentable = esp(0x1001, 3, 1500 - 20 + 1);
            a.send(ByteBuffer.wrap(fragmentable), r, false); // without DF the wire fragments and reassembles
            buffer.clear();
            assertEquals(l, b.receive(buffer));
            assertEquals(fragmentable.length, buffer.remaining());

            a.send(ByteBuffer.wrap(esp), InetAddress.getByName("1.1.1.3"), false);
            assertEquals(before[1] + 1, wire.counters()[1], "nobody holds 1.1.1.3");
            assertEquals(0, countQueued(ah), "an ESP payload never reaches the AH socket");
        }
    }

    @Test
    void aPacketRoutedIntoOneTunnelComesOutOfTheOtherThroughEsp() throws Exception {
        TunnelInterface leftTunnel = left.tunnel("st0.0");
        TunnelInterface rightTunnel = right.tunnel("st0.0");
        leftTunnel.setUp(true);
        rightTunnel.setUp(true);
        leftTunnel.setAddresses(java.util.List.of("10.11.11.10/24"));
        rightTunnel.setAddresses(java.util.List.of("10.11.11.11/24"));
        left.routes().add("10.22.0.0/16", "st0.0");
        InetAddress l = InetAddress.getByName("1.1.1.2");
        InetAddress r = InetAddress.getByName("1.1.1.1");
        RawIpPort leftEsp = left.openRawIp(l, 50);
        RawIpPort rightEsp = right.openRawIp(r, 50);

        // stand-in data planes: tunnel -> ESP on the left, ESP -> tunnel on the right ("encryption" is a prefix)
        Thread outbound = new Thread(() -> forward(leftTunnel, leftEsp, r), "left-outbound");
        Thread inbound = new Thread(() -> deliver(rightEsp, rightTunnel), "right-inbound");
        outbound.start();
        inbound.start();

        byte[] packet = SimulatorFamilyTest.ipv4Packet(84);
        SimulatedTunnel leftHost = left.simulatedTunnel("st0.0").orElseThrow();
        SimulatedTunnel rightHost = right.simulatedTunnel("st0.0").orElseThrow();
        assertEquals(java.util.Optional.of("st0.0"), left.simulatedRoutes().lookup(InetAddress.getByName("10.22.1.1")));
        for (int i = 0; i < 10; i++) {
            packet[19] = (byte) i;
            leftHost.inject(packet);
            assertArrayEquals(packet, rightHost.collect(5, TimeUnit.SECONDS), "packet " + i);
        }
        assertNull(rightHost.collect(20, TimeUnit.MILLISECONDS));
        assertEquals(10, leftTunnel.counters()[0]);
        assertEquals(10, rightTunnel.counters()[2]);

        left.removeTunnel("st0.0"); // unblocks the outbound reader
        rightEsp.close(); // unblocks the inbound reader
        leftEsp.close();
        outbound.join(5000);
        inbound.join(5000);
        assertEquals(false, outbound.isAlive() || inbound.isAlive(), "closing unblocks the readers");
    }

    private static void forward(TunnelInterface tunnel, RawIpPort esp, InetAddress peer) {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        try {
            while (true) {
                buffer.clear().position(8); // room for SPI and sequence number
                if (tunnel.read(buffer) < 0) {
                    return;
                }
                buffer.position(0);
                buffer.putInt(0, 0x1001);
                esp.send(buffer, peer, true);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deliver(RawIpPort esp, TunnelInterface tunnel) {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        try {
            while (true) {
                buffer.clear();
                if (esp.receive(buffer) == null) {
                    return;
                }
                buffer.position(buffer.position() + 8);
                tunnel.write(buffer);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] esp(int spi, int sequence, int length) {
        byte[] esp = new byte[length];
        ByteBuffer.wrap(esp).putInt(spi).putInt(sequence);
        Arrays.fill(esp, 8, length, (byte) 0xa5);
        return esp;
    }

    private static int countQueued(RawIpPort port) {
        return port instanceof SimulatedRawIpPort ? ((SimulatedRawIpPort) port).queued() : -1;
    }
}
