package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.ike.internal.policy.Identity;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.policy.PeerConfig;
import org.secplane.ike.internal.policy.VpnConfig;
import org.secplane.ike.internal.sa.SaHost;
import org.secplane.ike.internal.testkit.Policies;
import org.secplane.ike.internal.testkit.RecordingInstaller;
import org.secplane.ike.internal.testkit.TestCrypto;

/**
 * IKE SA setup rate between two engines in one JVM: PSK, IKE aes-256-gcm/prf-sha256/ecp256, one CHILD SA
 * (ESP aes-256-gcm) each, N peers of one engine initiating to the other at once; each engine on its own
 * event-loop threads (as many as cores), the product's crypto registry (known-answer tests and speed ranking
 * over the JCA and Bouncy Castle providers), datagrams handed straight from one engine to the other.
 * Measured: wall time from the first initiation until both sides have all N IKE SAs and CHILD SAs.
 *
 * <p>The always-run test does 200 SAs as a thread-safety check; {@code -Dike.bench=N} runs N SAs five times and
 * prints the rates.
 */
class SetupRateBenchmark {

    @Test
    void manyPeersComeUpConcurrentlyOnThreadedLoops() throws Exception {
        int n = Integer.getInteger("ike.bench", 0);
        if (n > 0) {
            CryptoRegistry crypto = TestCrypto.ranking();
            for (var provider : crypto.providers()) {
                for (var c : provider.capabilities()) {
                    if (c.selected() && (c.algorithm() == org.secplane.crypto.Algorithm.ECP_256
                            || c.algorithm() == org.secplane.crypto.Algorithm.AES_256_GCM_16)) {
                        System.out.println(c.algorithm().label() + " served by " + provider.name());
                    }
                }
            }
            run(crypto, 100, false);
            for (int round = 0; round < 5; round++) {
                double rate = run(crypto, n, true);
                System.out.printf("IKE SA setup rate, %d SAs: %.0f per second%n", n, rate);
            }
        } else {
            run(TestCrypto.direct(), 200, false);
        }
    }

    static double run(CryptoRegistry crypto, int n, boolean print) throws Exception {
        Map<InetAddress, IkeEngine> hosts = new ConcurrentHashMap<>();
        RecordingInstaller aliceSas = new RecordingInstaller();
        RecordingInstaller bobSas = new RecordingInstaller();
        SaHost.Settings settings = new SaHost.Settings();
        settings.cookieThreshold = Integer.MAX_VALUE;
        settings.cookieThresholdPerIp = Integer.MAX_VALUE;
        IkeTransport wire = (data, off, len, local, remote) -> {
            IkeEngine to = hosts.get(remote.getAddress());
            if (to != null) {
                to.receive(data, off, len, new InetSocketAddress(remote.getAddress(), remote.getPort()), local);
            }
        };
        int cores = Runtime.getRuntime().availableProcessors();
        EventLoops aliceLoops = EventLoops.threads(cores);
        EventLoops bobLoops = EventLoops.threads(cores);
        IkeEngine alice = IkeEngine.builder().transport(wire).installer(aliceSas).crypto(crypto).settings(settings)
                .loops(aliceLoops).reinitiateDelay(-1).retryDelay(-1).build();
        IkeEngine bob = IkeEngine.builder().transport(wire).installer(bobSas).crypto(crypto).settings(settings)
                .loops(bobLoops).reinitiateDelay(-1).retryDelay(-1).build();
        InetAddress bobAddress = Policies.ip("10.0.0.2");
        hosts.put(bobAddress, bob);
        List<PeerConfig> aliceGateways = new ArrayList<>();
        List<VpnConfig> aliceVpns = new ArrayList<>();
        List<PeerConfig> bobGateways = new ArrayList<>();
        List<VpnConfig> bobVpns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            InetAddress peer = Policies.ip("10.1." + (i / 250) + "." + (1 + i % 250));
            hosts.put(peer, alice);
            String psk = "psk-" + i;
            aliceGateways.add(Policies.gateway("gw" + i, peer.getHostAddress(), "10.0.0.2", psk).build());
            aliceVpns.add(Policies.vpn("vpn" + i, "gw" + i, List.of(Policies.espGcm()), "10.100.0.0/16", "10.200.0.0/16", false));
            bobGateways.add(Policies.gateway("peer" + i, "10.0.0.2", peer.getHostAddress(), psk)
                    .remoteIdentity(Identity.address(peer)).build());
            bobVpns.add(Policies.vpn("vpn" + i, "peer" + i, List.of(Policies.espGcm()), "10.200.0.0/16", "10.100.0.0/16", false));
        }
        alice.apply(new IkePolicy(aliceGateways, aliceVpns, 5));
        bob.apply(new IkePolicy(bobGateways, bobVpns, 5));
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            alice.initiate("vpn" + i);
        }
        long deadline = start + 120_000_000_000L;
        while ((aliceSas.installed.size() < n || bobSas.installed.size() < n) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        long elapsed = System.nanoTime() - start;
        assertEquals(n, aliceSas.installed.size(), "alice's CHILD SAs; drops " + alice.dropCounters());
        assertEquals(n, bobSas.installed.size());
        assertEquals(n, bob.ikeSecurityAssociations().stream().filter(s -> s.state().equals("UP")).count());
        assertEquals(0L, alice.dropCounters().get(DropReason.INTERNAL_ERROR));
        assertEquals(0L, bob.dropCounters().get(DropReason.INTERNAL_ERROR));
        alice.close();
        bob.close();
        aliceLoops.shutdown();
        bobLoops.shutdown();
        return n / (elapsed / 1e9);
    }
}
