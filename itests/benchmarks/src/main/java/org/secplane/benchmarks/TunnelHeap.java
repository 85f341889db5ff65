package org.secplane.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.List;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.Lifetime;
import org.secplane.ipsec.TrafficSelector;
import org.secplane.ipsec.internal.esp.KeystreamIvSource;
import org.secplane.ipsec.internal.forward.DataPlane;
import org.secplane.ipsec.internal.sad.SaPair;

/**
 * Heap per established tunnel: installs N SA pairs (AES-128-GCM, each its own VPN, remote gateway, SPIs,
 * traffic selectors and keys; 100 VPNs per st0 unit) into one data plane as key management would, and
 * reports the heap they take, first as installed (crypto objects are made at an SA's first packet), then
 * with the cipher objects of both directions made, as after traffic. Run it in a JVM of the heap to prove
 * ({@code -Xmx1g} for the 100,000-tunnel target): {@code TunnelHeap N}.
 */
public final class TunnelHeap {

    private TunnelHeap() {
    }

    public static void main(String[] args) throws Exception {
        int tunnels = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        CryptoRegistry crypto = Registries.jca();
        SecureRandom random = new SecureRandom();
        DataPlane plane = new DataPlane(crypto, () -> new KeystreamIvSource(crypto, random), System::nanoTime, false);
        InetAddress local = InetAddress.getByName("1.1.1.2");
        long before = usedHeap();
        for (int i = 0; i < tunnels; i++) {
            byte[] in = new byte[20];
            byte[] out = new byte[20];
            random.nextBytes(in);
            random.nextBytes(out);
            byte[] remote = {(byte) (20 + (i >>> 16)), (byte) (i >>> 8), (byte) i, 1};
            byte[] remoteLan = {(byte) (100 + (i >>> 16)), (byte) (i >>> 8), (byte) i, 0};
            plane.install(ChildSa.builder().tunnelId(131073 + i).vpn("vpn" + i).origin(ChildSa.Origin.IKEV2)
                    .endpoints(local, InetAddress.getByAddress(remote)).spis(0x10000000L + i, 0x20000000L + i)
                    .algorithms(Algorithm.AES_128_GCM_16, null).inboundKeys(in, null).outboundKeys(out, null)
                    .selectors(List.of(TrafficSelector.ofPrefix("10.0.0.0/8")),
                            List.of(TrafficSelector.ofPrefix(InetAddress.getByAddress(remoteLan).getHostAddress() + "/24")))
                    .lifetime(Lifetime.of(3600, 0)).replayWindow(64).bindInterface("st0." + (i / 100)).build());
        }
        long installed = usedHeap() - before;
        for (SaPair pair : plane.pairs()) {
            pair.inbound().esp(crypto);
            pair.outbound().esp(crypto);
        }
        long withCrypto = usedHeap() - before;
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf("tunnels: %d (max heap %d MiB)%n", tunnels, maxHeap >> 20);
        System.out.printf("heap per tunnel as installed:            %6d bytes%n", installed / tunnels);
        System.out.printf("heap per tunnel with its cipher objects: %6d bytes%n", withCrypto / tunnels);
        System.out.printf("tunnels in 1 GiB at that rate: %d (target 100000)%n", (1L << 30) / Math.max(1, withCrypto / tunnels));
        if (plane.pairs().size() != tunnels) {
            throw new IllegalStateException("only " + plane.pairs().size() + " pairs installed");
        }
        plane.close();
    }

    private static long usedHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
