package org.secplane.driver.linux.internal;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secplane.driver.DatagramPort;
import org.secplane.driver.RawIpPort;
import org.secplane.driver.TunnelInterface;

/**
 * The linux family against the real kernel, each test in a private network namespace (root and
 * /dev/net/tun needed, else skipped): TUN devices named st0.N with addresses, MTU and state as {@code ip}
 * shows them, a packet round trip through the kernel's ICMP, reads that close() unblocks, static routes
 * (IPv4 and IPv6, reinstalled after down/up), raw ESP with the DF bit, UDP.
 */
class LinuxFamilyTest {

    private Namespace ns;
    private LinuxFamily family;

    @BeforeEach
    void namespace() throws Exception {
        ns = Namespace.create();
        family = ns.call(() -> new LinuxFamily(Map.of("ge-0/0/3", "lo", "ge-0/0/0.0", "nonexistent0")));
        assertTrue(family.isReady(), family.status());
    }

    @AfterEach
    void close() throws Exception {
        if (family != null) {
            ns.call(() -> {
                family.close();
                return null;
            });
        }
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void aTunnelIsATunDeviceNamedSt0NWithItsAddressesMtuAndState() throws Exception {
        TunnelInterface tunnel = ns.call(() -> family.tunnel("st0.0"));
        assertSame(tunnel, ns.call(() -> family.tunnel("st0.0")));
        assertEquals("st0.0", tunnel.hostName());
        ns.call(() -> {
            tunnel.setMtu(1400);
            tunnel.setAddresses(List.of("10.11.11.10/24", "2001:db8:11::10/64"));
            tunnel.setUp(true);
            return null;
        });
        String link = ns.ip("-o", "link", "show", "st0.0");
        assertTrue(link.contains("mtu 1400"), link);
        assertTrue(link.contains(",UP"), link);
        String addresses = ns.ip("-o", "addr", "show", "dev", "st0.0");
        assertTrue(addresses.contains("inet 10.11.11.10/24"), addresses);
        assertTrue(addresses.contains("inet6 2001:db8:11::10/64"), addresses);
        assertEquals(List.of("10.11.11.10/24", "2001:db8:11::10/64"), ns.call(tunnel::addresses));
        assertEquals(1400, (int) ns.call(tunnel::mtu));
        assertTrue(ns.call(tunnel::isUp));

        // replace: one address goes, one stays, one comes
        ns.call(() -> {
            tunnel.setAddresses(List.of("10.11.11.10/24", "10.11.12.1/30"));
            return null;
        });
        addresses = ns.ip("-o", "addr", "show", "dev", "st0.0");
        assertTrue(addresses.contains("inet 10.11.12.1/30"), addresses);
        assertFalse(addresses.contains("2001:db8:11::10"), addresses);

        ns.call(() -> {
            tunnel.setUp(false);
            return null;
        });
        assertFalse(ns.call(tunnel::isUp));
        assertFalse(ns.ip("-o", "link", "show", "st0.0").contains(",UP"));

        ns.call(() -> {
            family.removeTunnel("st0.0");
            return null;
        });
        String[] gone = ns.ipResult("link", "show", "st0.0");
        assertFalse(gone[0].equals("0"), "the device is gone: " + gone[1]);
        assertTrue(family.tunnels().isEmpty());
    }

    @Test
    void aTunnelThatNeverWentUpTakesItsAddressesAndKeepsThemWhenItComesUp() throws Exception {
        TunnelInterface tunnel = ns.call(() -> {
            TunnelInterface t = family.tunnel("st0.3");
            t.setMtu(1400);
            t.setAddresses(List.of("10.13.13.1/24", "2001:db8:13::1/64"));
            t.setUp(false);
            return t;
        });
        assertFalse(ns.call(tunnel::isUp));
        String down = ns.ip("-o", "addr", "show", "dev", "st0.3");
        assertTrue(down.contains("inet 10.13.13.1/24"), down);
        ns.call(() -> {
            tunnel.setUp(true);
            return null;
        });
        String up = ns.ip("-o", "addr", "show", "dev", "st0.3");
        assertTrue(up.contains("inet 10.13.13.1/24") && up.contains("inet6 2001:db8:13::1/64"), up);
    }

    @Test
    void aPingWrittenIntoTheTunnelIsAnsweredByTheKernelAndReadBack() throws Exception {
        TunnelInterface tunnel = ns.call(() -> {
            TunnelInterface t = family.tunnel("st0.1");
            t.setAddresses(List.of("10.11.11.10/24"));
            t.setUp(true);
            return t;
        });
        byte[] request = IcmpPackets.echoRequest("10.11.11.20", "10.11.11.10", 0x1234, 7, 56);
        for (ByteBuffer buffer : new ByteBuffer[] {ByteBuffer.allocate(2048), ByteBuffer.allocateDirect(2048)}) {
            ns.call(() -> {
                tunnel.write(ByteBuffer.wrap(request));
                return null;
            });
            int length;
            do { // skip what the kernel sends on its own (IPv6 router solicitations, MLD reports)
                buffer.clear().position(4);
                length = tunnel.read(buffer); // any thread may read: the descriptor belongs to the namespace
            } while ((buffer.get(4) & 0xf0) != 0x40);
            assertEquals(request.length, length);
            assertEquals(4, buffer.position());
            byte[] reply = new byte[length];
            buffer.get(reply);
            assertEquals("10.11.11.10", IcmpPackets.source(reply));
            assertEquals("10.11.11.20", IcmpPackets.destination(reply));
            assertEquals(0, reply[20], "ICMP echo reply");
            assertArrayEquals(java.util.Arrays.copyOfRange(request, 24, request.length),
                    java.util.Arrays.copyOfRange(reply, 24, reply.length), "identifier, sequence and data come back");
        }
        long[] counters = tunnel.counters();
        assertTrue(counters[0] >= 2, "packets read");
        assertEquals(2, counters[2], "packets written");
        assertEquals(2L * request.length, counters[3], "bytes written");
    }

    @Test
    void closingATunnelUnblocksItsReader() throws Exception {
        // left down, so that the kernel sends nothing into it (an up interface gets IPv6 router solicitations)
        TunnelInterface tunnel = ns.call(() -> family.tunnel("st0.2"));
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return tunnel.read(ByteBuffer.allocate(1500));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertFalse(reader.isDone(), "read blocks while nothing arrives");
        ns.call(() -> {
            family.removeTunnel("st0.2");
            return null;
        });
        assertEquals(-1, reader.get(5, TimeUnit.SECONDS));
        assertEquals(-1, tunnel.read(ByteBuffer.allocate(10)));
        assertThrows(IOException.class, () -> tunnel.write(ByteBuffer.allocate(20)));
    }

    @Test
    void staticRoutesGoIntoTheHostTableAndComeBackAfterDownUp() throws Exception {
        ns.call(() -> {
            TunnelInterface t = family.tunnel("st0.0");
            t.setAddresses(List.of("10.11.11.10/24", "2001:db8:11::10/64"));
            t.setUp(true);
            family.routes().add("10.22.0.0/16", "st0.0");
            family.routes().add("2001:db8:22::/48", "st0.0");
            family.routes().add("10.33.0.0/16", "10.11.11.1");
            return null;
        });
        String v4 = ns.ip("route", "show");
        assertTrue(v4.contains("10.22.0.0/16 dev st0.0 proto static"), v4);
        assertTrue(v4.contains("10.33.0.0/16 via 10.11.11.1 dev st0.0 proto static"), v4);
        assertTrue(ns.ip("-6", "route", "show").contains("2001:db8:22::/48 dev st0.0 proto static"));
        assertEquals(List.of("10.22.0.0/16 st0.0", "2001:db8:22::/48 st0.0", "10.33.0.0/16 10.11.11.1"), family.routes().list());

        ns.call(() -> {
            family.tunnel("st0.0").setUp(false);
            return null;
        });
        assertFalse(ns.ip("route", "show").contains("10.22.0.0/16"), "the kernel drops routes of a down interface");
        assertTrue(family.status().contains("waiting for their interface to come up"), family.status());
        ns.call(() -> {
            family.tunnel("st0.0").setUp(true);
            return null;
        });
        assertTrue(ns.ip("route", "show").contains("10.22.0.0/16 dev st0.0 proto static"), "reinstalled on up");
        assertTrue(ns.ip("-6", "route", "show").contains("2001:db8:22::/48 dev st0.0 proto static"));
        assertTrue(ns.ip("-o", "addr", "show", "dev", "st0.0").contains("2001:db8:11::10/64"), "IPv6 address back after up");

        ns.call(() -> {
            family.routes().remove("10.22.0.0/16", "st0.0");
            family.routes().remove("10.22.0.0/16", "st0.0");
            return null;
        });
        assertFalse(ns.ip("route", "show").contains("10.22.0.0/16"));
        assertThrows(IOException.class, () -> ns.call(() -> {
            family.routes().add("10.44.0.0/16", "st0.9");
            return null;
        }), "no such tunnel");

        ns.call(() -> {
            family.close();
            return null;
        });
        String after = ns.ip("route", "show");
        assertFalse(after.contains("10.33.0.0/16"), "closing removes secplane's routes: " + after);
        assertFalse(ns.ipResult("link", "show", "st0.0")[0].equals("0"), "and its devices");
        family = null;
    }

    @Test
    void rawEspArrivesWithoutTheIpHeaderAndDfDecidesFragmentation() throws Exception {
        ns.ip("link", "set", "lo", "mtu", "1500");
        InetAddress a = InetAddress.getByName("127.0.0.1");
        InetAddress b = InetAddress.getByName("127.0.0.2");
        RawIpPort sender = ns.call(() -> family.openRawIp(a, 50));
        RawIpPort receiver = ns.call(() -> family.openRawIp(b, 50));
        try {
            byte[] esp = new byte[100];
            ByteBuffer.wrap(esp).putInt(0x1001).putInt(1);
            sender.send(ByteBuffer.wrap(esp), b, true);
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            assertEquals(a, receiver.receive(buffer));
            assertEquals(100, buffer.remaining(), "the 20-byte IPv4 header is stripped");
            assertEquals(0x1001, buffer.getInt(0));

            byte[] large = new byte[1600];
            IOException tooBig = assertThrows(IOException.class, () -> sender.send(ByteBuffer.wrap(large), b, true));
            assertTrue(tooBig.getMessage().contains("larger than the path MTU with DF set"), tooBig.getMessage());
            sender.send(ByteBuffer.wrap(large), b, false);
            buffer.clear();
            assertEquals(a, receiver.receive(buffer));
            assertEquals(1600, buffer.remaining(), "without DF it was fragmented and reassembled");
            sender.send(ByteBuffer.wrap(esp), b, true); // and DF again
            buffer.clear();
            assertEquals(a, receiver.receive(buffer));
            assertEquals(100, buffer.remaining());

            CompletableFuture<InetAddress> blocked = CompletableFuture.supplyAsync(() -> {
                try {
                    return receiver.receive(ByteBuffer.allocate(100));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(100);
            assertFalse(blocked.isDone());
            receiver.close();
            assertNull(blocked.get(5, TimeUnit.SECONDS), "close unblocks receive");
        } finally {
            sender.close();
            receiver.close();
        }
    }

    @Test
    void rawAhOverIpv6AndUdp() throws Exception {
        InetAddress loopback6 = InetAddress.getByName("::1");
        RawIpPort ah = ns.call(() -> family.openRawIp(loopback6, 51));
        try {
            ah.send(ByteBuffer.wrap(new byte[] {4, 4, 0, 0, 0, 0, 0x10, 1, 0, 0, 0, 1}), loopback6, true);
            ByteBuffer buffer = ByteBuffer.allocate(200);
            assertEquals(loopback6, ah.receive(buffer));
            assertEquals(12, buffer.remaining(), "IPv6 raw sockets hand over the payload");
        } finally {
            ah.close();
        }
        DatagramPort one = ns.call(() -> family.openDatagram(new InetSocketAddress("127.0.0.1", 500)));
        DatagramPort two = ns.call(() -> family.openDatagram(new InetSocketAddress("127.0.0.1", 0)));
        try {
            two.send(ByteBuffer.wrap("hello".getBytes()), one.localAddress());
            ByteBuffer buffer = ByteBuffer.allocate(100);
            buffer.position(3);
            assertEquals(two.localAddress(), one.receive(buffer));
            assertEquals(3, buffer.position());
            assertEquals(5, buffer.remaining());
            CompletableFuture<InetSocketAddress> blocked = CompletableFuture.supplyAsync(() -> {
                try {
                    return one.receive(ByteBuffer.allocate(100));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(100);
            one.close();
            assertNull(blocked.get(5, TimeUnit.SECONDS), "close unblocks receive");
        } finally {
            one.close();
            two.close();
        }
    }

    @Test
    void hostInterfacesComeFromTheInterfaceMap() throws Exception {
        assertEquals(Optional.of("lo"), family.hostInterface("ge-0/0/3.0"));
        assertEquals(Optional.of("lo"), family.hostInterface("ge-0/0/3.100"));
        assertEquals(Optional.of("nonexistent0"), family.hostInterface("ge-0/0/0"));
        assertEquals(Optional.empty(), family.hostInterface("ge-0/0/1.0"));
        List<InetAddress> local = ns.call(family::localAddresses);
        assertTrue(local.contains(InetAddress.getByName("127.0.0.1")), local.toString());
        assertTrue(family.drivers().toString().contains("ge-0/0/0.0 -> nonexistent0 (absent)"), family.drivers().toString());
        assertTrue(family.hardware().startsWith("Linux "), family.hardware());
    }
}
