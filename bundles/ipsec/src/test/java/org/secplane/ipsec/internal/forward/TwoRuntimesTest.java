package org.secplane.ipsec.internal.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.crypto.Algorithm;
import org.secplane.driver.DatagramPort;
import org.secplane.driver.simulator.internal.SimulatedNetwork;
import org.secplane.driver.simulator.internal.SimulatedTunnel;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.UdpEncapsulation;
import org.secplane.ipsec.internal.packet.Bytes;
import org.secplane.ipsec.internal.sad.SaPair;
import org.secplane.ipsec.internal.sad.SecurityAssociation;
import org.secplane.ipsec.internal.show.IpsecReports;

/**
 * Two secplane runtimes on one simulated wire, each with its own configuration engine and data plane:
 * manual SAs committed on both sides carry traffic both ways (ESP with several ciphers, AH), and SA pairs
 * installed through the installer as IKE installs them (AES-GCM, plain and in UDP through a NAT-T port, and a
 * rekey that loses nothing).
 */
class TwoRuntimesTest {

    @TempDir
    Path state;

    private final SimulatedNetwork wire = new SimulatedNetwork("two-runtimes");
    private Gateway left;
    private Gateway right;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        if (left != null) {
            left.close();
        }
        if (right != null) {
            right.close();
        }
    }

    private static List<String> site(String external, String st0, String gateway, String remoteLan, String manual) {
        List<String> lines = new ArrayList<>(List.of(
                "interfaces ge-0/0/3 unit 0 family inet address " + external,
                "interfaces st0 unit 0 family inet address " + st0,
                "routing-options static route " + remoteLan + " next-hop st0.0",
                "security ipsec vpn manual-vpn bind-interface st0.0",
                "security ipsec vpn manual-vpn manual gateway " + gateway,
                "security ipsec vpn manual-vpn manual external-interface ge-0/0/3.0",
                "security ipsec vpn manual-vpn manual spi 12435",
                "security flow tcp-mss ipsec-vpn mss 1350"));
        for (String statement : manual.split(";")) {
            lines.add("security ipsec vpn manual-vpn manual " + statement.trim());
        }
        return lines;
    }

    static Stream<String> manualSas() {
        return Stream.of(
                "protocol esp; authentication algorithm hmac-sha1-96 key ascii-text \"a $ecret of 20 chars\";"
                        + " encryption algorithm aes-128-cbc key hexadecimal 00112233445566778899aabbccddeeff",
                "protocol esp; authentication algorithm hmac-md5-96 key ascii-text 1111111111111111;"
                        + " encryption algorithm 3des-cbc key ascii-text 123456781234567887654321",
                "protocol esp; authentication algorithm hmac-sha-256-128 key hexadecimal "
                        + "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f;"
                        + " encryption algorithm aes-256-cbc key ascii-text 0123456789abcdef0123456789abcdef",
                "protocol ah; authentication algorithm hmac-sha-256-128 key ascii-text 0123456789abcdef0123456789abcdef",
                "protocol esp; encryption algorithm des-cbc key ascii-text 8bytekey");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manualSas")
    void committedManualSasCarryTrafficBothWays(String manual) throws Exception {
        left = new Gateway(wire, "left", state.resolve("left"));
        right = new Gateway(wire, "right", state.resolve("right"));
        left.commit(site("1.1.1.2/30", "10.11.11.10/24", "1.1.1.1", "192.168.168.0/24", manual).toArray(new String[0]));
        right.commit(site("1.1.1.1/30", "10.11.11.11/24", "1.1.1.2", "10.10.10.0/24", manual).toArray(new String[0]));
        SimulatedTunnel leftSt0 = left.tunnel("st0.0");
        SimulatedTunnel rightSt0 = right.tunnel("st0.0");

        for (int i = 1; i <= 20; i++) {
            byte[] request = Packets.ping("10.10.10.10", "192.168.168.10", i, 56 + i * 60);
            assertTrue(leftSt0.inject(request));
            assertArrayEquals(request, Peer.collect(rightSt0), "request " + i);
            byte[] reply = Packets.ping("192.168.168.10", "10.10.10.10", i, 56 + i * 60);
            assertTrue(rightSt0.inject(reply));
            assertArrayEquals(reply, Peer.collect(leftSt0), "reply " + i);
        }
        byte[] syn = Packets.tcpSyn("10.10.10.10", "192.168.168.10", 1460);
        leftSt0.inject(syn);
        byte[] clamped = Peer.collect(rightSt0);
        assertEquals(1350, Bytes.u16(clamped, 42), "security flow tcp-mss ipsec-vpn mss 1350");
        assertEquals(Packets.tcpChecksum(clamped), Bytes.u16(clamped, 36));

        String summary = text(IpsecReports.securityAssociations(left.plane.pairs(), all(), false, left.plane.nanoTime()));
        boolean ah = manual.contains("protocol ah");
        assertTrue(summary.contains("  Total active tunnels: 1"), summary);
        assertTrue(summary.contains("  <16384  " + (ah ? "AH:None/sha256  " : "ESP:")), summary);
        assertTrue(summary.contains("3093      unlim/ unlim -   root 500   1.1.1.1"), summary);
        String detail = text(IpsecReports.securityAssociations(left.plane.pairs(), all(), true, left.plane.nanoTime()));
        assertTrue(detail.contains("    Mode: Tunnel, Type: manual, State: installed"), detail);
        assertTrue(detail.contains("    Anti-replay service: disabled, Replay window size: 0"), detail);
        String statistics = text(IpsecReports.statistics(left.plane.pairs(), all(), left.plane.drops()));
        if (ah) {
            assertTrue(statistics.contains("    Input packets:                 20"), statistics);
            assertTrue(statistics.contains("    Output packets:                21"), statistics);
        } else {
            assertTrue(statistics.contains("    Encrypted packets:             21"), statistics);
            assertTrue(statistics.contains("    Decrypted packets:             20"), statistics);
        }
    }

    @Test
    void anUnchangedCommitKeepsTheManualSaAndAChangedKeyReplacesIt() throws Exception {
        String manual = "protocol esp; authentication algorithm hmac-sha1-96 key ascii-text 12345678901234567890;"
                + " encryption algorithm aes-128-cbc key ascii-text 1234567890123456";
        left = new Gateway(wire, "left", state.resolve("left"));
        right = new Gateway(wire, "right", state.resolve("right"));
        left.commit(site("1.1.1.2/30", "10.11.11.10/24", "1.1.1.1", "192.168.168.0/24", manual).toArray(new String[0]));
        right.commit(site("1.1.1.1/30", "10.11.11.11/24", "1.1.1.2", "10.10.10.0/24", manual).toArray(new String[0]));
        byte[] request = Packets.ping("10.10.10.10", "192.168.168.10", 1, 100);
        left.tunnel("st0.0").inject(request);
        assertArrayEquals(request, Peer.collect(right.tunnel("st0.0")));
        SaPair before = left.plane.pairs().get(0);

        left.commit("security ipsec vpn manual-vpn df-bit clear"); // the default: nothing changes
        assertSame(before, left.plane.pairs().get(0), "an unchanged manual SA keeps its state");
        assertEquals(1, before.outbound().statistics()[SecurityAssociation.PACKETS]);

        left.commit("security ipsec vpn manual-vpn manual encryption key ascii-text 6543210987654321");
        SaPair after = left.plane.pairs().get(0);
        assertNotEquals(before, after);
        assertEquals(before.tunnelId(), after.tunnelId(), "the tunnel keeps its ID (D-46)");
        left.tunnel("st0.0").inject(request);
        // the same integrity key, another encryption key: authentic, but garbage once decrypted
        assertNull(right.tunnel("st0.0").collect(200, TimeUnit.MILLISECONDS));
        long[] errors = right.plane.pairs().get(0).inbound().statistics();
        assertEquals(1, errors[SecurityAssociation.BAD_TRAILERS] + errors[SecurityAssociation.BAD_HEADERS]);

        left.commit("delete security ipsec vpn manual-vpn");
        assertEquals(List.of(), left.plane.pairs());
    }

    @Test
    void pairsInstalledAsKeyManagementDoesCarryGcmTrafficPlainAndInUdp() throws Exception {
        left = new Gateway(wire, "left", state.resolve("left")).addresses("1.1.1.2/30");
        right = new Gateway(wire, "right", state.resolve("right")).addresses("1.1.1.1/30");
        SimulatedTunnel leftSt0 = left.st0("st0.0");
        SimulatedTunnel rightSt0 = right.st0("st0.0");
        left.plane.install(TestSas.gcm("1.1.1.2", "1.1.1.1", 0x1111, 0x2222).build());
        right.plane.install(TestSas.gcm("1.1.1.1", "1.1.1.2", 0x2222, 0x1111).build());
        exchange(leftSt0, rightSt0, 50, 1400);

        // the same VPN again, now through NAT-T ports as IKE owns them (port 4500 on both sides)
        natT(left, "1.1.1.2");
        natT(right, "1.1.1.1");
        left.plane.install(TestSas.gcm("1.1.1.2", "1.1.1.1", 0x3333, 0x4444).tunnelId(131074).vpn("vpn2")
                .bindInterface("st0.1").udpEncapsulation(4500, 4500).build());
        right.plane.install(TestSas.gcm("1.1.1.1", "1.1.1.2", 0x4444, 0x3333).tunnelId(131074).vpn("vpn2")
                .bindInterface("st0.1").udpEncapsulation(4500, 4500).build());
        exchange(left.st0("st0.1"), right.st0("st0.1"), 50, 1400);
        String summary = text(IpsecReports.securityAssociations(left.plane.pairs(), all(), false, left.plane.nanoTime()));
        assertTrue(summary.contains(">131074 ESP:aes-gcm-128/None 4444      3600/ unlim  -   root 4500  1.1.1.1"), summary);
    }

    @Test
    void aRekeyedPairTakesOverWithoutLosingAPacket() throws Exception {
        left = new Gateway(wire, "left", state.resolve("left")).addresses("1.1.1.2/30");
        right = new Gateway(wire, "right", state.resolve("right")).addresses("1.1.1.1/30");
        SimulatedTunnel leftSt0 = left.st0("st0.0");
        SimulatedTunnel rightSt0 = right.st0("st0.0");
        ChildSa oldLeft = TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1001, 0x2001).build();
        ChildSa oldRight = TestSas.cbc("1.1.1.1", "1.1.1.2", 0x2001, 0x1001).build();
        left.plane.install(oldLeft);
        right.plane.install(oldRight);
        exchange(leftSt0, rightSt0, 10, 200);
        // CREATE_CHILD_SA: the responder installs first, then the initiator; both send on the new pair at once
        right.plane.install(TestSas.cbc("1.1.1.1", "1.1.1.2", 0x2002, 0x1002).build());
        byte[] inFlight = Packets.ping("10.10.10.10", "192.168.168.10", 999, 64);
        leftSt0.inject(inFlight); // still on the old outbound SA: the right side still accepts it
        assertArrayEquals(inFlight, Peer.collect(rightSt0));
        left.plane.install(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1002, 0x2002).build());
        exchange(leftSt0, rightSt0, 10, 200);
        SaPair newRight = right.plane.pairs().stream().filter(p -> p.inbound().spi() == 0x2002).findFirst().orElseThrow();
        assertEquals(10, newRight.inbound().packets(), "the newest pair sends");
        assertTrue(left.plane.remove(oldLeft));
        assertTrue(right.plane.remove(oldRight));
        exchange(leftSt0, rightSt0, 10, 200);
        assertEquals(List.of(0x1002L), left.plane.pairs().stream().map(p -> p.inbound().spi()).toList());
        assertEquals(0, left.plane.drops().get(DropReason.UNKNOWN_SPI) + right.plane.drops().get(DropReason.UNKNOWN_SPI));
        long[] counters = left.plane.counters(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1002, 0x2002).build());
        assertEquals(20, counters[1], "inbound packets on the new pair (ping replies)");
        assertEquals(20, counters[3], "outbound packets on the new pair");
    }

    /** {@code count} pings of {@code size} bytes each way, each delivered byte for byte. */
    private static void exchange(SimulatedTunnel a, SimulatedTunnel b, int count, int size) throws Exception {
        for (int i = 0; i < count; i++) {
            byte[] request = Packets.ping("10.10.10.10", "192.168.168.10", i, size);
            assertTrue(a.inject(request));
            assertArrayEquals(request, Peer.collect(b));
            byte[] reply = Packets.ping("192.168.168.10", "10.10.10.10", i, size);
            assertTrue(b.inject(reply));
            assertArrayEquals(reply, Peer.collect(a));
        }
    }

    /**
     * Key management's NAT-T port as the data plane sees it: UDP 4500 on the gateway's address; non-IKE datagrams
     * go to the data plane's receiver, the data plane's ESP leaves through it.
     */
    private void natT(Gateway gateway, String address) throws IOException {
        InetSocketAddress local = new InetSocketAddress(Packets.address(address), 4500);
        DatagramPort port = gateway.family.openDatagram(local);
        closing.add(port);
        gateway.plane.setUdpEncapsulation(new UdpEncapsulation() {
            @Override
            public void send(ByteBuffer esp, InetSocketAddress from, InetSocketAddress to) throws IOException {
                assertEquals(local, from);
                port.send(esp, to);
            }
        });
        Thread reader = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(70000);
            try {
                while (true) {
                    buffer.clear();
                    InetSocketAddress from = port.receive(buffer);
                    if (from == null) {
                        return;
                    }
                    if (buffer.remaining() > 4 && buffer.getInt(buffer.position()) != 0) {
                        gateway.plane.receiveUdp(buffer, from, local);
                    }
                }
            } catch (IOException e) {
                // closed
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    private static IpsecReports.Filter all() {
        return new IpsecReports.Filter(0, null, true);
    }

    static String text(org.secplane.cli.Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.printText(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
