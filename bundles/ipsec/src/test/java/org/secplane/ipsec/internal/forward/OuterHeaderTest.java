package org.secplane.ipsec.internal.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secplane.crypto.Algorithm;
import org.secplane.driver.DatagramPort;
import org.secplane.driver.DeviceFamily;
import org.secplane.driver.RawIpPort;
import org.secplane.driver.RouteTable;
import org.secplane.driver.SaOffload;
import org.secplane.driver.TunnelInterface;
import org.secplane.driver.simulator.internal.SimulatedNetwork;
import org.secplane.driver.simulator.internal.SimulatedTunnel;
import org.secplane.driver.simulator.internal.SimulatorFamily;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.internal.packet.Bytes;
import org.secplane.ipsec.internal.packet.PacketInfo;

/**
 * The outer header's DF bit as {@code df-bit} asks (clear, set, copy from the inner IPv4 header; an inner IPv6
 * packet counts as DF), AH over IPv4 always with DF, and MSS clamping both ways through the tunnel.
 */
class OuterHeaderTest {

    @TempDir
    Path state;

    private final SimulatedNetwork wire = new SimulatedNetwork("outer");
    private final List<Boolean> dontFragment = new CopyOnWriteArrayList<>();
    private SimulatorFamily simulator;
    private DataPlane plane;
    private Peer peer;
    private TunnelInterface st0;

    @BeforeEach
    void start() throws Exception {
        simulator = new SimulatorFamily(wire, "left");
        simulator.setExternalInterfaces(Map.of("ge-0/0/3.0", List.of("1.1.1.2/30")));
        plane = new DataPlane(TestCrypto.direct(), () -> (out, offset, length) -> { }, System::nanoTime, false);
        plane.familyAdded(new Recording(simulator));
        peer = new Peer(wire, "1.1.1.1/30");
        st0 = simulator.tunnel("st0.0");
        st0.setUp(true);
        plane.tunnelAdded(st0);
    }

    @AfterEach
    void close() {
        plane.close();
        peer.close();
        simulator.close();
    }

    private List<Boolean> send(ChildSa sa, int protocol, byte[]... packets) throws Exception {
        plane.install(sa);
        dontFragment.clear();
        for (byte[] packet : packets) {
            ((SimulatedTunnel) st0).inject(packet);
            peer.receive(protocol);
        }
        return List.copyOf(dontFragment);
    }

    private static byte[] ping(boolean df) {
        return Packets.ipv4("10.10.10.10", "192.168.168.10", 1, Packets.icmpEcho(1, 1, 56), df);
    }

    private static final byte[] IPV6 = Packets.ipv6("2001:db8:1::1", "2001:db8:2::1", 17, Packets.udp(1, 2, new byte[10]));

    @Test
    void clearIsTheDefaultAndNeverSetsDf() throws Exception {
        assertEquals(List.of(false, false, false), send(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1001, 0x2001).build(), 50,
                ping(true), ping(false), IPV6));
    }

    @Test
    void setAlwaysSetsDf() throws Exception {
        assertEquals(List.of(true, true), send(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1001, 0x2001).dfBit(ChildSa.DfBit.SET)
                .build(), 50, ping(true), ping(false)));
    }

    @Test
    void copyTakesTheInnerIpv4DfAndSetsItForIpv6() throws Exception {
        assertEquals(List.of(true, false, true), send(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1001, 0x2001)
                .dfBit(ChildSa.DfBit.COPY).build(), 50, ping(true), ping(false), IPV6));
    }

    @Test
    void ahOverIpv4AlwaysLeavesWithDf() throws Exception {
        ChildSa ah = TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1001, 0x2001).protocol(51).algorithms(null, Algorithm.HMAC_SHA1_96)
                .inboundKeys(null, TestSas.SHA1_KEY.clone()).outboundKeys(null, TestSas.SHA1_KEY.clone()).build();
        assertEquals(List.of(true, true), send(ah, 51, ping(false), ping(true)));
    }

    /** (Entering the tunnel: TwoRuntimesTest, where the other runtime decrypts the SYN.) */
    @Test
    void tcpMssIsClampedLeavingTheTunnel() throws Exception {
        plane.apply(new DataPlaneSettings(1320, List.of(), List.of()));
        send(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1001, 0x2001).build(), 50);
        byte[] synAck = Packets.tcpSyn("192.168.168.10", "10.10.10.10", 8960);
        synAck[33] = 0x12;
        Bytes.put16(synAck, 36, Packets.tcpChecksum(synAck));
        peer.send(50, ReferencePackets.bcEsp(Algorithm.AES_128_CBC, TestSas.AES_KEY, Algorithm.HMAC_SHA1_96, TestSas.SHA1_KEY,
                0x1001, 1, new byte[16], synAck, 4), Packets.address("1.1.1.2"));
        byte[] delivered = Peer.collect((SimulatedTunnel) st0);
        PacketInfo info = new PacketInfo();
        assertTrue(info.parse(delivered, 0, delivered.length));
        assertEquals(1320, Bytes.u16(delivered, 42), "the SYN-ACK coming out of the tunnel is clamped too");
        assertEquals(Packets.tcpChecksum(delivered), Bytes.u16(delivered, 36));
        byte[] expected = synAck.clone();
        Bytes.put16(expected, 42, 1320);
        Bytes.put16(expected, 36, Packets.tcpChecksum(expected));
        assertArrayEquals(expected, delivered);
    }

    /** The simulator family with each raw send's DF flag recorded. */
    private final class Recording implements DeviceFamily {
        private final SimulatorFamily family;

        Recording(SimulatorFamily family) {
            this.family = family;
        }

        @Override
        public RawIpPort openRawIp(InetAddress local, int protocol) throws IOException {
            RawIpPort port = family.openRawIp(local, protocol);
            return new RawIpPort() {
                @Override
                public int protocol() {
                    return port.protocol();
                }

                @Override
                public InetAddress receive(ByteBuffer buffer) throws IOException {
                    return port.receive(buffer);
                }

                @Override
                public void send(ByteBuffer payload, InetAddress destination, boolean df) throws IOException {
                    dontFragment.add(df);
                    port.send(payload, destination, df);
                }

                @Override
                public void close() throws IOException {
                    port.close();
                }
            };
        }

        @Override
        public String name() {
            return family.name();
        }

        @Override
        public String hardware() {
            return family.hardware();
        }

        @Override
        public String status() {
            return family.status();
        }

        @Override
        public List<String> drivers() {
            return family.drivers();
        }

        @Override
        public Optional<String> hostInterface(String unit) {
            return family.hostInterface(unit);
        }

        @Override
        public List<InetAddress> localAddresses() {
            return family.localAddresses();
        }

        @Override
        public TunnelInterface tunnel(String name) throws IOException {
            return family.tunnel(name);
        }

        @Override
        public List<TunnelInterface> tunnels() {
            return family.tunnels();
        }

        @Override
        public void removeTunnel(String name) throws IOException {
            family.removeTunnel(name);
        }

        @Override
        public DatagramPort openDatagram(InetSocketAddress local) throws IOException {
            return family.openDatagram(local);
        }

        @Override
        public RouteTable routes() {
            return family.routes();
        }

        @Override
        public List<SaOffload> offloads() {
            return family.offloads();
        }
    }
}
