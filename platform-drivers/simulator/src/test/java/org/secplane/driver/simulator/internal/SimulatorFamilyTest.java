package org.secplane.driver.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secplane.config.ConfigView;
import org.secplane.driver.TunnelInterface;

/** The simulator family on its own: addresses from the configuration, tunnel queues, routes, sockets. */
class SimulatorFamilyTest {

    @TempDir
    Path state;

    private final SimulatorFamily family = new SimulatorFamily(new SimulatedNetwork("unit"), "r1");

    @Test
    void externalAddressesComeFromTheCommittedInterfacesExceptSt0AndDisabledUnits() throws Exception {
        ConfigView config = Configs.committed(state,
                "interfaces ge-0/0/3 unit 0 family inet address 1.1.1.2/30",
                "interfaces ge-0/0/3 unit 0 family inet6 address 2001:db8:1::2/64",
                "interfaces ge-0/0/0 unit 0 family inet address 10.10.10.1/24",
                "interfaces ge-0/0/1 unit 0 disable",
                "interfaces ge-0/0/1 unit 0 family inet address 192.0.2.1/24",
                "interfaces st0 unit 0 family inet address 10.11.11.10/24");
        family.configure(config);

        assertEquals(List.of(InetAddress.getByName("1.1.1.2"), InetAddress.getByName("2001:db8:1::2"),
                InetAddress.getByName("10.10.10.1")).stream().sorted(SimulatorFamilyTest::compare).toList(),
                family.localAddresses().stream().sorted(SimulatorFamilyTest::compare).toList());
        assertEquals(Optional.of("ge-0/0/3"), family.hostInterface("ge-0/0/3.0"));
        assertEquals(Optional.empty(), family.hostInterface("ge-0/0/7.0"), "not configured: no simulated NIC");
        assertTrue(family.status().startsWith("ready: 3 external addresses on the wire"), family.status());

        // a later commit replaces them
        family.configure(Configs.committed(state.resolve("second"), "interfaces ge-0/0/3 unit 0 family inet address 1.1.1.6/30"));
        assertEquals(List.of(InetAddress.getByName("1.1.1.6")), family.localAddresses());
    }

    @Test
    void anInterfaceMapRenamesHostInterfaces() {
        SimulatorFamily mapped = new SimulatorFamily(new SimulatedNetwork("map"), "r2", Map.of("ge-0/0/3", "sim3"), null);
        assertEquals(Optional.of("sim3"), mapped.hostInterface("ge-0/0/3.0"));
        assertEquals(Optional.of("sim3"), mapped.hostInterface("ge-0/0/3.100"));
    }

    @Test
    void anAddressAnotherNodeHoldsIsAConflictInTheStatus() {
        SimulatedNetwork wire = new SimulatedNetwork("conflict");
        SimulatorFamily a = new SimulatorFamily(wire, "a");
        SimulatorFamily b = new SimulatorFamily(wire, "b");
        a.setExternalInterfaces(Map.of("ge-0/0/3.0", List.of("1.1.1.1/30")));
        b.setExternalInterfaces(Map.of("ge-0/0/3.0", List.of("1.1.1.1/30", "1.1.1.2/30")));
        assertEquals(1, b.localAddresses().size());
        assertTrue(b.status().contains("address conflict: 1.1.1.1 is already held by node a"), b.status());
    }

    @Test
    void aTunnelCarriesPacketsBothWaysOnlyWhileUp() throws Exception {
        TunnelInterface tunnel = family.tunnel("st0.0");
        assertSame(tunnel, family.tunnel("st0.0"), "tunnel() returns the existing interface");
        SimulatedTunnel host = family.simulatedTunnel("st0.0").orElseThrow();
        byte[] packet = ipv4Packet(64);

        assertFalse(tunnel.isUp(), "a new tunnel interface is down, as a new TUN device");
        assertFalse(host.inject(packet), "the host routes nothing into a down interface");
        tunnel.write(ByteBuffer.wrap(packet));
        assertNull(host.collect(10, TimeUnit.MILLISECONDS), "what secplane writes while down is dropped");

        tunnel.setUp(true);
        tunnel.setAddresses(List.of("10.11.11.10/24", "2001:db8:11::10/64", "10.11.11.10/24"));
        assertEquals(List.of("10.11.11.10/24", "2001:db8:11::10/64"), tunnel.addresses());
        assertTrue(host.inject(packet));
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        buffer.position(10);
        assertEquals(64, tunnel.read(buffer));
        assertEquals(10, buffer.position());
        assertEquals(74, buffer.limit());
        byte[] read = new byte[64];
        buffer.get(read);
        assertArrayEquals(packet, read);

        ByteBuffer out = ByteBuffer.wrap(packet);
        tunnel.write(out);
        assertEquals(out.limit(), out.position(), "write consumes the buffer");
        assertArrayEquals(packet, host.collect(1, TimeUnit.SECONDS));

        tunnel.setMtu(1400);
        assertFalse(host.inject(ipv4Packet(1401)), "the host sends nothing above the MTU");
        long[] counters = tunnel.counters();
        assertEquals(1, counters[0]);
        assertEquals(64, counters[1]);
        assertEquals(1, counters[2]);
        assertEquals(64, counters[3]);
        assertEquals(3, counters[4], "dropped: inject and write while down, inject above the MTU");
    }

    @Test
    void removingATunnelUnblocksItsReaderAndDropsItsRoutes() throws Exception {
        TunnelInterface tunnel = family.tunnel("st0.1");
        tunnel.setUp(true);
        family.routes().add("10.22.0.0/16", "st0.1");
        family.routes().add("0.0.0.0/0", "1.1.1.1");
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return tunnel.read(ByteBuffer.allocate(1500));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertFalse(reader.isDone(), "read blocks while nothing arrives");
        family.removeTunnel("st0.1");
        assertEquals(-1, reader.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("0.0.0.0/0 1.1.1.1"), family.routes().list());
        assertTrue(family.tunnels().isEmpty());
        assertThrows(IOException.class, () -> tunnel.setUp(true));
    }

    @Test
    void routesTakeTunnelsOrGatewaysAndLookUpTheLongestPrefix() throws Exception {
        family.tunnel("st0.0");
        family.tunnel("st0.2");
        SimulatedRouteTable routes = family.simulatedRoutes();
        routes.add("10.22.0.0/16", "st0.0");
        routes.add("10.22.33.1/24", "st0.2"); // host bits are cleared
        routes.add("10.22.0.0/16", "st0.0"); // twice is once
        routes.add("2001:db8:22::/48", "st0.2");
        assertEquals(List.of("10.22.0.0/16 st0.0", "10.22.33.0/24 st0.2", "2001:db8:22::/48 st0.2"), routes.list());
        assertEquals(Optional.of("st0.2"), routes.lookup(InetAddress.getByName("10.22.33.9")));
        assertEquals(Optional.of("st0.0"), routes.lookup(InetAddress.getByName("10.22.34.9")));
        assertEquals(Optional.of("st0.2"), routes.lookup(InetAddress.getByName("2001:db8:22::5")));
        assertEquals(Optional.empty(), routes.lookup(InetAddress.getByName("192.0.2.1")));
        assertThrows(IOException.class, () -> routes.add("10.9.0.0/16", "st0.9"), "no such tunnel");
        assertThrows(IllegalArgumentException.class, () -> routes.add("10.9.0.0/33", "st0.0"));
        assertThrows(IllegalArgumentException.class, () -> routes.add("10.9.0.0/16", "2001:db8::1"));
        routes.remove("10.22.33.0/24", "st0.2");
        routes.remove("10.22.33.0/24", "st0.2"); // removing what is not there changes nothing
        assertEquals(Optional.of("st0.0"), routes.lookup(InetAddress.getByName("10.22.33.9")));
    }

    @Test
    void socketsBindOnlyToTheNodesAddressesOnce() throws Exception {
        family.setExternalInterfaces(Map.of("ge-0/0/3.0", List.of("1.1.1.2/30")));
        assertThrows(IOException.class, () -> family.openDatagram(new InetSocketAddress("192.0.2.9", 500)));
        try (var ike = family.openDatagram(new InetSocketAddress("1.1.1.2", 500))) {
            assertThrows(IOException.class, () -> family.openDatagram(new InetSocketAddress("1.1.1.2", 500)));
            try (var any = family.openDatagram(new InetSocketAddress(0))) {
                assertTrue(any.localAddress().getPort() >= 49152, "port 0 picks an ephemeral port");
            }
        }
        try (var esp = family.openRawIp(InetAddress.getByName("1.1.1.2"), 50)) {
            assertEquals(50, esp.protocol());
            assertThrows(IOException.class, () -> family.openRawIp(InetAddress.getByName("1.1.1.2"), 50));
        }
        family.openDatagram(new InetSocketAddress("1.1.1.2", 500)).close();
    }

    @Test
    void tunnelNamesAreSt0Units() {
        assertThrows(IllegalArgumentException.class, () -> family.tunnel("ge-0/0/0.0"));
        assertThrows(IllegalArgumentException.class, () -> family.tunnel("st0"));
    }

    @Test
    void aClosedFamilyOpensNothing() throws Exception {
        family.setExternalInterfaces(Map.of("ge-0/0/3.0", List.of("1.1.1.2/30")));
        var port = family.openDatagram(new InetSocketAddress("1.1.1.2", 4500));
        family.tunnel("st0.0");
        family.close();
        assertTrue(family.tunnels().isEmpty());
        assertNull(port.receive(ByteBuffer.allocate(100)), "sockets are closed");
        assertThrows(IOException.class, () -> family.tunnel("st0.0"));
        assertEquals("stopped", family.status());
    }

    static byte[] ipv4Packet(int length) {
        byte[] packet = new byte[length];
        packet[0] = 0x45;
        packet[2] = (byte) (length >> 8);
        packet[3] = (byte) length;
        packet[9] = 17;
        for (int i = 20; i < length; i++) {
            packet[i] = (byte) i;
        }
        return packet;
    }

    private static int compare(InetAddress a, InetAddress b) {
        return a.getHostAddress().compareTo(b.getHostAddress());
    }
}
