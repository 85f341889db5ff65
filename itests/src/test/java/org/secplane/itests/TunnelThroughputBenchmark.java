package org.secplane.itests;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * TCP throughput through a tunnel: two secplane distributions (linux family, Java data plane, plain ESP) against
 * two strongSwan charons with kernel-libipsec (its user-space data plane, ESP in UDP), both with AES-128-GCM
 * negotiated by IKEv2, measured in the same run on the same machine, each between LAN hosts behind the
 * gateways ({@link TcpTransfer} in bulk mode, {@code bench.megabytes} each way, default 500; best of {@code bench.rounds},
 * default 3). Not a CI test (the name does not end in IT): run it with
 * {@code itests/benchmarks/run-tunnel-benchmark}; the result is printed and written to
 * {@code itests/target/tunnel-benchmark.txt}.
 *
 * <pre>
 *  lan-a ─ [secplane A] ══ [secplane B] ─ lan-b          lan-c ─ [strongSwan C] ══ [strongSwan D] ─ lan-d
 * </pre>
 */
public class TunnelThroughputBenchmark {

    private static final String PSK = "throughput-benchmark-psk-0123456789";

    private static NamespaceLab lab;
    private static String lanA;
    private static String lanB;
    private static String lanC;
    private static String lanD;
    private static String secA;
    private static String secB;
    private static RunningDistribution a;
    private static RunningDistribution b;
    private static StrongSwanPeer c;
    private static StrongSwanPeer d;

    @BeforeClass
    public static void twoTunnels() throws Exception {
        Assume.assumeTrue("needs root", "root".equals(System.getProperty("user.name")));
        assertTrue("strongSwan is installed (itests/install-test-prerequisites)", StrongSwanPeer.installed());
        lab = new NamespaceLab("dp-bench-");
        secA = lab.router("sec-a");
        secB = lab.router("sec-b");
        String swC = lab.router("sw-c");
        String swD = lab.router("sw-d");
        NamespaceLab.link(secA, "dp-ext", "1.1.1.2/30", secB, "dp-ext", "1.1.1.1/30");
        NamespaceLab.link(swC, "dp-ext", "3.3.3.2/30", swD, "dp-ext", "3.3.3.1/30");
        lanA = lab.lanHost("lan-a", secA, "dp-lan", "10.10.10.1/24", "10.10.10.10/24");
        lanB = lab.lanHost("lan-b", secB, "dp-lan", "192.168.168.1/24", "192.168.168.10/24");
        lanC = lab.lanHost("lan-c", swC, "dp-lan", "10.30.1.1/24", "10.30.1.10/24");
        lanD = lab.lanHost("lan-d", swD, "dp-lan", "10.30.2.1/24", "10.30.2.10/24");
        c = new StrongSwanPeer(swC, Paths.get("target/dp-bench-strongswan-c"));
        d = new StrongSwanPeer(swD, Paths.get("target/dp-bench-strongswan-d"));
        c.connections(swanctl("3.3.3.2", "3.3.3.1", "c", "d", "10.30.1.0/24", "10.30.2.0/24"));
        d.connections(swanctl("3.3.3.1", "3.3.3.2", "d", "c", "10.30.2.0/24", "10.30.1.0/24"));
        RunningDistribution[] started = SecplaneSite.startTwo("dist-dp-bench-a", secA, "ge-0/0/0:dp-lan, ge-0/0/3:dp-ext",
                "dist-dp-bench-b", secB, "ge-0/0/0:dp-lan, ge-0/0/3:dp-ext", () -> {
                    c.start();
                    d.start();
                    return null;
                });
        a = started[0];
        b = started[1];
        commit(a, site("10.10.10.1/24", "1.1.1.2/30", "10.11.11.10/24", "1.1.1.1", "a", "b", "10.10.10.0/24", "192.168.168.0/24"));
        commit(b, site("192.168.168.1/24", "1.1.1.1/30", "10.11.11.11/24", "1.1.1.2", "b", "a", "192.168.168.0/24", "10.10.10.0/24"));
        String initiated = c.swanctl("--initiate", "--child", "lan", "--timeout", "20");
        assertTrue(initiated, initiated.contains("initiate completed successfully"));
        NamespaceLab.pingUntilAnswered(lanA, "192.168.168.10", 60);
        NamespaceLab.pingUntilAnswered(lanC, "10.30.2.10", 30);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (lab != null) {
            lab.close(a, b, c, d);
        }
    }

    @Test
    public void tcpThroughputOfSecplaneAgainstStrongSwanWithKernelLibipsec() throws Exception {
        long megabytes = Long.getLong("bench.megabytes", 500);
        int rounds = Integer.getInteger("bench.rounds", 3);
        long bytes = megabytes * 1_000_000;
        double secplane = 0;
        double strongswan = 0;
        for (int round = 0; round < rounds; round++) { // alternated, so both see the same background load
            secplane = Math.max(secplane, mbits(bytes, NamespaceLab.tcp(lanB, lanA, "192.168.168.10", bytes, true)));
            strongswan = Math.max(strongswan, mbits(bytes, NamespaceLab.tcp(lanD, lanC, "10.30.2.10", bytes, true)));
        }
        String report = String.join("\n",
                String.format("TCP through the tunnel, AES-128-GCM, %d MB each way, best of %d, Mbit/s (both directions):", megabytes,
                        rounds),
                String.format("  secplane <-> secplane (Java data plane, ESP):          %8.0f", secplane),
                String.format("  strongSwan <-> strongSwan (kernel-libipsec, ESP in UDP): %6.0f", strongswan),
                String.format("  ratio: %.2f (target >= 3)", secplane / strongswan), "");
        System.out.print(report);
        if (Boolean.getBoolean("bench.details")) {
            System.out.println(Commands.must("ip", "-n", secA, "-s", "link", "show", "st0.0") + Commands.must("ip", "-n", secB, "-s",
                    "link", "show", "st0.0") + a.batch("show security ipsec statistics | display json\n")
                    + b.batch("show security ipsec statistics | display json\n"));
        }
        Files.writeString(Path.of("target/tunnel-benchmark.txt"), report);
    }

    /** Megabits per second of a transfer of {@code bytes} each way that took {@code millis}. */
    private static double mbits(long bytes, long millis) {
        return 2.0 * bytes * 8 / 1e6 / (millis / 1000.0);
    }

    /** A site whose VPN to the other (plain ESP, AES-128-GCM) is negotiated on traffic. */
    private static String site(String lan, String external, String st0, String gateway, String local, String remote, String localLan,
            String remoteLan) {
        return SecplaneSite.base(lan, external, st0, remoteLan) + SecplaneSite.ikePolicy(PSK)
                + SecplaneSite.gateway("g", gateway, "ge-0/0/3.0", local, remote) + SecplaneSite.espPolicy("gcm", "aes-128-gcm", null)
                + SecplaneSite.vpn("v", "st0.0", "g", "gcm", localLan, remoteLan);
    }

    private static String swanctl(String localAddress, String remoteAddress, String local, String remote, String localTs,
            String remoteTs) {
        return String.join("\n",
                "connections {",
                "  peer {",
                "    version = 2",
                "    local_addrs = " + localAddress,
                "    remote_addrs = " + remoteAddress,
                "    proposals = aes128-sha256-ecp256",
                "    local {",
                "      auth = psk",
                "      id = " + local + "@example.test",
                "    }",
                "    remote {",
                "      auth = psk",
                "      id = " + remote + "@example.test",
                "    }",
                "    children {",
                "      lan {",
                "        local_ts = " + localTs,
                "        remote_ts = " + remoteTs,
                "        esp_proposals = aes128gcm16",
                "      }",
                "    }",
                "  }",
                "}",
                "secrets {",
                "  ike {",
                "    id-a = c@example.test",
                "    id-b = d@example.test",
                "    secret = \"" + PSK + "\"",
                "  }",
                "}", "");
    }

    private static void commit(RunningDistribution distribution, String lines) throws Exception {
        SecplaneSite.commit(distribution, lines);
    }
}
