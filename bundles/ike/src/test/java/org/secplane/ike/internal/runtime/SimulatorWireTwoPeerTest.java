package org.secplane.ike.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secplane.config.ConfigView;
import org.secplane.driver.simulator.internal.SimulatedNetwork;
import org.secplane.driver.simulator.internal.SimulatorFamily;
import org.secplane.ike.internal.auth.LocalCredentials;
import org.secplane.ike.internal.auth.PeerCertificateValidator;
import org.secplane.ike.internal.engine.ChildSaInfo;
import org.secplane.ike.internal.engine.IkeEngine;
import org.secplane.ike.internal.engine.IkeSaInfo;
import org.secplane.ike.internal.testkit.ConfiguredDevice;
import org.secplane.ike.internal.testkit.TestCrypto;
import org.secplane.ipsec.ChildSa;

/**
 * Two complete key-management runtimes, "alice" (10.0.0.1) and "bob" (10.0.0.2), each with its own configuration
 * engine and simulator device family, attached to one simulated wire: what the distribution does on the
 * {@code simulator} family, minus OSGi. Alice brings the VPN up at commit ({@code establish-tunnels
 * immediately}); the test follows the SAs through IKE and CHILD rekeys, a clear, an unchanged commit, a changed
 * Phase 2, and ESP in UDP between the NAT-T ports.
 */
class SimulatorWireTwoPeerTest {

    private static final String COMMON = String.join("\n",
            "set security zones security-zone untrust interfaces ge-0/0/0.0",
            "set security zones security-zone untrust host-inbound-traffic system-services ike",
            "set security ike proposal p1 authentication-method pre-shared-keys",
            "set security ike proposal p1 dh-group group19",
            "set security ike proposal p1 authentication-algorithm sha-256",
            "set security ike proposal p1 encryption-algorithm aes-256-gcm",
            "set security ike policy pol1 proposals p1",
            "set security ike policy pol1 pre-shared-key ascii-text \"simulated $ecret 1\"",
            "set security ike gateway gw1 ike-policy pol1",
            "set security ike gateway gw1 external-interface ge-0/0/0.0",
            "set security ike gateway gw1 version v2-only",
            "set security ipsec proposal ip1 protocol esp",
            "set security ipsec proposal ip1 encryption-algorithm aes-128-gcm",
            "set security ipsec policy ipol1 proposals ip1",
            "set security ipsec vpn vpn1 ike gateway gw1",
            "set security ipsec vpn vpn1 ike ipsec-policy ipol1", "");

    @TempDir
    Path state;
    private SimulatedNetwork wire;
    private Device alice;
    private Device bob;

    /** One device: configuration, simulator family on the shared wire, key management. */
    private final class Device implements AutoCloseable {
        final ConfiguredDevice configuration;
        final SimulatorFamily family;
        final IkeRuntime ike;
        final List<byte[]> esp = new CopyOnWriteArrayList<>();

        Device(String name) throws Exception {
            configuration = new ConfiguredDevice(state.resolve(name));
            family = new SimulatorFamily(wire, name);
            ike = new IkeRuntime(TestCrypto.direct(), configuration::revealSecret, LocalCredentials.NONE,
                    PeerCertificateValidator.NONE);
            ike.family(family);
            ike.espReceiver((buffer, remote, local) -> {
                byte[] copy = new byte[buffer.remaining()];
                buffer.get(copy);
                esp.add(copy);
            });
        }

        /** What the distribution's commit listeners do: the family takes its addresses, then key management. */
        void commit(String setLines) {
            ConfigView active = configuration.commit(setLines);
            family.configure(active);
            ike.committed(active);
        }

        IkeEngine engine() {
            return ike.engine();
        }

        List<IkeSaInfo> up() {
            return engine().ikeSecurityAssociations().stream().filter(s -> s.state().equals("UP")).toList();
        }

        List<ChildSaInfo> children() {
            return engine().childSecurityAssociations();
        }

        @Override
        public void close() {
            ike.close();
            family.close();
            configuration.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        wire = new SimulatedNetwork("ike-two-peer-" + System.nanoTime());
        alice = new Device("alice");
        bob = new Device("bob");
        bob.commit("set interfaces ge-0/0/0 unit 0 family inet address 10.0.0.2/24\n"
                + "set security ike gateway gw1 address 10.0.0.1\n"
                + "set security ipsec vpn vpn1 ike proxy-identity local 10.2.0.0/16\n"
                + "set security ipsec vpn vpn1 ike proxy-identity remote 10.1.0.0/16\n" + COMMON);
        alice.commit("set interfaces ge-0/0/0 unit 0 family inet address 10.0.0.1/24\n"
                + "set security ike gateway gw1 address 10.0.0.2\n"
                + "set security ipsec vpn vpn1 ike proxy-identity local 10.1.0.0/16\n"
                + "set security ipsec vpn vpn1 ike proxy-identity remote 10.2.0.0/16\n"
                + "set security ipsec vpn vpn1 establish-tunnels immediately\n" + COMMON);
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
    }

    @Test
    void theVpnComesUpAtCommitAndBothSidesAgreeOnEverything() {
        awaitTunnel();
        IkeSaInfo a = alice.up().get(0);
        IkeSaInfo b = bob.up().get(0);
        assertEquals("Initiator", a.role());
        assertEquals("Responder", b.role());
        assertEquals(a.initiatorSpi(), b.initiatorSpi());
        assertEquals(a.responderSpi(), b.responderSpi());
        assertEquals("aes-256-gcm", a.encryption());
        assertEquals(a.encryption(), b.encryption());
        assertEquals("hmac-sha256", b.prf());
        assertEquals("group19", b.dhGroup());
        assertEquals(new InetSocketAddress(ip("10.0.0.2"), 500), a.remote());
        assertEquals(new InetSocketAddress(ip("10.0.0.1"), 500), b.remote());
        ChildSaInfo ca = alice.children().get(0);
        ChildSaInfo cb = bob.children().get(0);
        assertEquals(ca.inboundSpi(), cb.outboundSpi());
        assertEquals(ca.outboundSpi(), cb.inboundSpi());
        assertEquals("aes-128-gcm", cb.encryption());
        assertEquals("ipv4_subnet(any:0,[0..7]=10.2.0.0/16)", ca.remoteIdentity());
        assertEquals("ipv4_subnet(any:0,[0..7]=10.1.0.0/16)", cb.remoteIdentity());
        // no data plane: key management keeps the pairs itself
        assertEquals(1, alice.ike.installer().recorded().size());
        assertEquals(ca.inboundSpi(), alice.ike.installer().recorded().iterator().next().inboundSpi());
        assertTrue(alice.ike.ports().status().stream().allMatch(p -> p.state().equals("listening")));
    }

    @Test
    void ikeAndChildRekeysInitiatedByEitherSideKeepOnePairOfEach() {
        awaitTunnel();
        long oldSpi = alice.up().get(0).initiatorSpi();
        long oldChild = alice.children().get(0).inboundSpi();

        bob.engine().rekeyIkeSecurityAssociation(bob.up().get(0).index());
        // each condition reads one snapshot per side: two calls may see the SAs before and after a change
        await(() -> {
            List<IkeSaInfo> a = alice.up();
            List<IkeSaInfo> b = bob.up();
            return a.size() == 1 && a.get(0).initiatorSpi() != oldSpi && b.size() == 1
                    && b.get(0).initiatorSpi() == a.get(0).initiatorSpi();
        }, "IKE rekey by bob");
        assertEquals("Initiator", bob.up().get(0).role(), "the rekey's initiator is the new SA's initiator");
        assertEquals(oldChild, alice.children().get(0).inboundSpi(), "the CHILD SA moved to the new IKE SA");

        alice.engine().rekeyChildSecurityAssociations(alice.children().get(0).tunnelId());
        await(() -> {
            List<ChildSaInfo> a = alice.children();
            List<ChildSaInfo> b = bob.children();
            return a.size() == 1 && a.get(0).inboundSpi() != oldChild && b.size() == 1
                    && b.get(0).outboundSpi() == a.get(0).inboundSpi();
        }, "CHILD rekey by alice");
        assertEquals(1, alice.ike.installer().recorded().size(), "the old pair is gone from the installer");

        long aliceIke = alice.up().get(0).initiatorSpi();
        alice.engine().rekeyIkeSecurityAssociation(alice.up().get(0).index());
        await(() -> {
            List<IkeSaInfo> a = alice.up();
            return a.size() == 1 && a.get(0).initiatorSpi() != aliceIke && bob.up().size() == 1;
        }, "IKE rekey by alice");
        long child = bob.children().get(0).inboundSpi();
        bob.engine().rekeyChildSecurityAssociations(bob.children().get(0).tunnelId());
        await(() -> {
            List<ChildSaInfo> b = bob.children();
            return b.size() == 1 && b.get(0).inboundSpi() != child && alice.children().size() == 1;
        }, "CHILD rekey by bob");
    }

    @Test
    void anUnchangedCommitDisturbsNothingAndAChangedPhase2ReplacesTheChildSa() {
        awaitTunnel();
        int index = alice.up().get(0).index();
        long child = alice.children().get(0).inboundSpi();
        alice.commit("set system host-name alice\n");
        assertEquals(index, alice.up().get(0).index());
        assertEquals(child, alice.children().get(0).inboundSpi());

        // D-42: an IPsec proposal change deletes the VPN's CHILD SAs; establish-tunnels immediately brings one back
        bob.commit("set security ipsec proposal ip1 encryption-algorithm aes-256-gcm\n");
        alice.commit("set security ipsec proposal ip1 encryption-algorithm aes-256-gcm\n");
        await(() -> alice.children().size() == 1 && alice.children().get(0).inboundSpi() != child
                && alice.children().get(0).encryption().equals("aes-256-gcm"), "new CHILD SA after the change");
        assertEquals(index, alice.up().get(0).index(), "the IKE SA stays");
    }

    @Test
    void clearingDeletesBothSidesAndEstablishImmediatelyBringsTheVpnBack() {
        awaitTunnel();
        IkeSaInfo first = alice.up().get(0);
        alice.engine().clearIkeSecurityAssociations(IkeEngine.IkeSaFilter.all());
        await(() -> !alice.up().isEmpty() && alice.up().get(0).index() != first.index() && bob.up().size() == 1
                && bob.up().get(0).initiatorSpi() == alice.up().get(0).initiatorSpi(), "re-established after clear");
        await(() -> bob.children().size() == 1, "one CHILD SA on bob");
    }

    @Test
    void removingTheGatewayDeletesItsSaOnBothSidesThenClosesItsPorts() {
        awaitTunnel();
        alice.commit("delete security ipsec vpn vpn1\ndelete security ike gateway gw1\n");
        await(() -> bob.up().isEmpty() && bob.children().isEmpty(), "the Delete reached bob");
        await(() -> alice.engine().ikeSecurityAssociations().isEmpty() && alice.ike.ports().status().isEmpty(),
                "alice's SA gone and, after it, her ports");
        assertTrue(alice.ike.installer().recorded().isEmpty());
    }

    @Test
    void espInUdpTravelsBetweenTheNatTPortsAndReachesTheDataPlaneReceiver() throws Exception {
        awaitTunnel();
        byte[] packet = {0x12, 0x34, 0x56, 0x78, 0, 0, 0, 1, 9, 9, 9, 9};
        alice.ike.sendEsp(ByteBuffer.wrap(packet), new InetSocketAddress(ip("10.0.0.1"), 4500),
                new InetSocketAddress(ip("10.0.0.2"), 4500));
        await(() -> bob.esp.size() == 1, "ESP delivered to bob's data plane receiver");
        assertEquals(java.util.Arrays.toString(packet), java.util.Arrays.toString(bob.esp.get(0)));
        assertEquals(1, bob.ike.ports().counters()[2]);
    }

    @Test
    void aDataPlaneThatAppearsTakesTheRecordedPairsAndOneThatLeavesGetsItsTunnelsRekeyed() {
        awaitTunnel();
        org.secplane.ike.internal.testkit.RecordingInstaller dataPlane = new org.secplane.ike.internal.testkit.RecordingInstaller();
        long spi = alice.children().get(0).inboundSpi();
        alice.ike.installerAdded(dataPlane);
        assertEquals(1, dataPlane.installed.size());
        ChildSa moved = dataPlane.installed.get(spi);
        assertEquals(spi, moved.inboundSpi());
        assertTrue(alice.ike.installer().recorded().isEmpty());

        alice.ike.installerRemoved(dataPlane);
        await(() -> alice.children().size() == 1 && alice.children().get(0).inboundSpi() != spi, "rekeyed pair");
        assertEquals(1, alice.ike.installer().recorded().size(), "the new pair is recorded again");
        assertNotEquals(spi, alice.ike.installer().recorded().iterator().next().inboundSpi());
    }

    private void awaitTunnel() {
        await(() -> alice.up().size() == 1 && bob.up().size() == 1 && alice.children().size() == 1
                && bob.children().size() == 1, "IKE SA and CHILD SA on both sides");
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
