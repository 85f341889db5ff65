package org.secplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Traffic through the Java data plane of real distributions on the linux device family, each in a network
 * namespace with LAN hosts behind it; the LANs have no route to each other but through the tunnel interfaces
 * ({@code routing-options static route … next-hop st0.N}, which must land in the host's table), so what arrives
 * went through a tunnel. Pings and 2 MB TCP transfers go both ways ({@link TcpTransfer} checks every byte), and
 * nftables counters on the wires, kept by the namespaces themselves, show what crossed them.
 *
 * <pre>
 *  lan-a 10.10.10.10 ─ [secplane A] 1.1.1.2 ══ 1.1.1.1 [secplane B] ─ lan-b 192.168.168.10
 *                            │ 2.2.2.2
 *                            ║
 *                            │ 2.2.2.1
 *                      [strongSwan W, kernel-libipsec] ─ lan-c 172.16.1.10, lan-d 172.16.2.10
 * </pre>
 *
 * <ul>
 * <li>A ↔ B over manual SAs ({@code st0.0}): ESP (protocol 50) with AES-CBC + HMAC-SHA-256-128 and with 3DES +
 * HMAC-SHA1-96, then AH (protocol 51).</li>
 * <li>A ↔ B over IKE-negotiated SAs with plain ESP (AES-256-GCM), {@code establish-tunnels on-traffic} on both
 * sides: the first packets from lan-a start the negotiation.</li>
 * <li>A ↔ strongSwan (IKEv2; kernel-libipsec always puts ESP in UDP 4500): {@code st0.1} to lan-c with
 * AES-CBC + HMAC-SHA-256-128, {@code st0.2} to lan-d with AES-128-GCM; after strongSwan rekeys a CHILD SA the
 * traffic goes on over the new one.</li>
 * </ul>
 *
 * Needs root, {@code ip netns}, {@code /dev/net/tun}, ping, nftables and strongSwan (skipped without root;
 * {@code itests/install-test-prerequisites} installs the packages). Namespaces are {@code dp-it-<pid>-…}.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class TunnelTrafficIT {

    private static final String PSK = "tunnel-traffic-psk-0123456789";
    private static final int MB2 = 2_000_000;

    private static NamespaceLab lab;
    private static String secA;
    private static String secB;
    private static String sw;
    private static String lanA;
    private static String lanB;
    private static String lanC;
    private static String lanD;
    private static RunningDistribution a;
    private static RunningDistribution b;
    private static StrongSwanPeer strongswan;

    @BeforeClass
    public static void threeSitesInNamespaces() throws Exception {
        Assume.assumeTrue("needs root (ip netns, TUN devices, raw sockets)", "root".equals(System.getProperty("user.name")));
        Assume.assumeTrue("needs /dev/net/tun", Files.exists(Path.of("/dev/net/tun")));
        assertTrue("ping, nft and strongSwan are installed (itests/install-test-prerequisites)",
                Commands.exec(List.of("sh", "-c", "command -v ping && command -v nft"), null).ok() && StrongSwanPeer.installed());
        lab = new NamespaceLab("dp-it-");
        secA = lab.router("sec-a");
        secB = lab.router("sec-b");
        sw = lab.router("sw");
        NamespaceLab.link(secA, "dp-ext", "1.1.1.2/30", secB, "dp-ext", "1.1.1.1/30");
        NamespaceLab.link(secA, "dp-sw", "2.2.2.2/30", sw, "dp-sw", "2.2.2.1/30");
        lanA = lab.lanHost("lan-a", secA, "dp-lan", "10.10.10.1/24", "10.10.10.10/24");
        lanB = lab.lanHost("lan-b", secB, "dp-lan", "192.168.168.1/24", "192.168.168.10/24");
        lanC = lab.lanHost("lan-c", sw, "dp-lanc", "172.16.1.1/24", "172.16.1.10/24");
        lanD = lab.lanHost("lan-d", sw, "dp-land", "172.16.2.1/24", "172.16.2.10/24");
        NamespaceLab.countArrivals(secB, "dp-ext", "meta l4proto esp", "meta l4proto ah", "meta l4proto icmp", "meta l4proto tcp",
                "udp dport 4500");
        NamespaceLab.countArrivals(sw, "dp-sw", "meta l4proto esp", "meta l4proto icmp", "meta l4proto tcp", "udp dport 4500");

        strongswan = new StrongSwanPeer(sw, Paths.get("target/dp-traffic-strongswan"));
        Files.deleteIfExists(strongswan.log());
        strongswan.connections(SWANCTL_CONF);
        RunningDistribution[] started = SecplaneSite.startTwo("dist-dp-a", secA, "ge-0/0/0:dp-lan, ge-0/0/2:dp-sw, ge-0/0/3:dp-ext",
                "dist-dp-b", secB, "ge-0/0/0:dp-lan, ge-0/0/3:dp-ext", () -> {
                    strongswan.start();
                    return null;
                });
        a = started[0];
        b = started[1];
        commit(a, site("10.10.10.1/24", "1.1.1.2/30", "10.11.11.10/24", "192.168.168.0/24", "1.1.1.1") + STRONGSWAN_VPNS);
        commit(b, site("192.168.168.1/24", "1.1.1.1/30", "10.11.11.11/24", "10.10.10.0/24", "1.1.1.2"));
    }

    @AfterClass
    public static void stopAndRemoveTheNamespaces() throws Exception {
        if (lab != null) {
            lab.close(a, b, strongswan);
        }
    }

    // ================================================================================== A ↔ B, manual SAs

    @Test
    public void a_manualEspWithAesCbcAndHmacSha256CarriesPingAndTcpBothWays() throws Exception {
        manual("protocol esp",
                "authentication algorithm hmac-sha-256-128 key ascii-text \"32 characters of $ecret, spaced!\"",
                "encryption algorithm aes-128-cbc key hexadecimal 000102030405060708090a0b0c0d0e0f");
        long espBefore = NamespaceLab.arrivals(secB, "meta l4proto esp");
        long clearBefore = clearArrivals(secB);
        trafficAB();
        String routes = Commands.must("ip", "-n", secA, "route");
        assertTrue("routing-options static route in the host table: " + routes,
                routes.contains("192.168.168.0/24 dev st0.0 proto static"));
        String sas = a.batch("show security ipsec security-associations\n");
        assertTrue(sas, Pattern.compile("<16384 +ESP:aes-128/sha256 +3093 +unlim/ unlim +- +root 500 +1\\.1\\.1\\.1").matcher(sas)
                .find());
        String detail = a.batch("show security ipsec security-associations index 16384\n");
        assertTrue(detail, detail.contains("    Mode: Tunnel, Type: manual, State: installed"));
        assertTrue(detail, detail.contains("  Local Gateway: 1.1.1.2, Remote Gateway: 1.1.1.1"));
        Map<String, Long> statistics = statistics(a, 16384);
        assertTrue(statistics.toString(), statistics.get("Encrypted packets") > 1000);
        assertTrue(statistics.toString(), statistics.get("Decrypted packets") > 1000);
        assertEquals(statistics.toString(), 0L, (long) statistics.get("ESP authentication failures"));
        assertTrue("ESP (protocol 50) crossed the wire", NamespaceLab.arrivals(secB, "meta l4proto esp") - espBefore > 1000);
        assertEquals("nothing in clear: " + NamespaceLab.wire(secB), clearBefore, clearArrivals(secB));
    }

    @Test
    public void b_manualEspWithTripleDesAndHmacSha1CarriesPingAndTcpBothWays() throws Exception {
        manual("protocol esp",
                "authentication algorithm hmac-sha1-96 key hexadecimal 0x0102030405060708090a0b0c0d0e0f1011121314",
                "encryption algorithm 3des-cbc key ascii-text 3des-key:24-characters!!");
        long clearBefore = clearArrivals(secB);
        trafficAB();
        assertTrue(a.batch("show security ipsec security-associations\n").contains("ESP:3des/sha1"));
        assertEquals("nothing in clear: " + NamespaceLab.wire(secB), clearBefore, clearArrivals(secB));
    }

    @Test
    public void c_manualAhCarriesPingAndTcpBothWays() throws Exception {
        manual("protocol ah",
                "authentication algorithm hmac-sha1-96 key ascii-text \"twenty chars of key!\"");
        long ahBefore = NamespaceLab.arrivals(secB, "meta l4proto ah");
        long clearBefore = clearArrivals(secB);
        trafficAB();
        String sas = b.batch("show security ipsec security-associations\n");
        assertTrue(sas, sas.contains("AH:None/sha1"));
        Map<String, Long> statistics = statistics(a, 16384);
        assertTrue(statistics.toString(), statistics.get("Output packets") > 1000);
        assertTrue(statistics.toString(), statistics.get("Input packets") > 1000);
        assertEquals(statistics.toString(), 0L, (long) statistics.get("AH authentication failures"));
        assertEquals("AH leaves nothing in ESP", 0L, (long) statistics.get("Encrypted packets"));
        assertTrue("AH (protocol 51) crossed the wire", NamespaceLab.arrivals(secB, "meta l4proto ah") - ahBefore > 1000);
        assertEquals("nothing in clear: " + NamespaceLab.wire(secB), clearBefore, clearArrivals(secB));
    }

    // ================================================================================== A ↔ B, IKE

    @Test
    public void d_ikeNegotiatesPlainEspOnTrafficAndCarriesPingAndTcpBothWays() throws Exception {
        commit(a, ikeSite("gw-b", "1.1.1.1", "a", "b", "10.10.10.0/24", "192.168.168.0/24"));
        commit(b, ikeSite("gw-a", "1.1.1.2", "b", "a", "192.168.168.0/24", "10.10.10.0/24"));
        assertEquals("on-traffic: nothing is negotiated before traffic", List.of(), negotiatedTunnels(a));
        long espBefore = NamespaceLab.arrivals(secB, "meta l4proto esp");
        long udpBefore = NamespaceLab.arrivals(secB, "udp dport 4500");
        long clearBefore = clearArrivals(secB);
        NamespaceLab.pingUntilAnswered(lanA, "192.168.168.10", 30);
        List<Long> tunnels = negotiatedTunnels(a);
        assertEquals("one negotiated tunnel", 1, tunnels.size());
        trafficAB();
        String sas = a.batch("show security ipsec security-associations\n");
        assertTrue(sas, sas.contains("ESP:aes-gcm-256/None"));
        Map<String, Long> statistics = statistics(a, tunnels.get(0));
        assertTrue(statistics.toString(), statistics.get("Encrypted packets") > 1000);
        assertTrue(statistics.toString(), statistics.get("Decrypted packets") > 1000);
        assertEquals(statistics.toString(), 0L, (long) statistics.get("ESP authentication failures"));
        assertTrue("plain ESP (protocol 50) crossed the wire", NamespaceLab.arrivals(secB, "meta l4proto esp") - espBefore > 1000);
        assertTrue("no NAT: no ESP in UDP", NamespaceLab.arrivals(secB, "udp dport 4500") - udpBefore < 10);
        assertEquals("nothing in clear: " + NamespaceLab.wire(secB), clearBefore, clearArrivals(secB));

        // clear on A: key management deletes the pair with B too; the next packets negotiate a new one
        List<String> before = spis(b);
        assertEquals("B has the pair: " + before, 2, before.size());
        a.batch("clear security ipsec security-associations index " + tunnels.get(0) + "\n");
        await("B deleted the pair that A cleared", () -> java.util.Collections.disjoint(spis(b), before));
        NamespaceLab.pingUntilAnswered(lanA, "192.168.168.10", 30);
        List<String> after = spis(b);
        assertEquals("a new pair: " + after, 2, after.size());
        assertTrue(after + " / " + before, java.util.Collections.disjoint(after, before));
    }

    /** SPIs (hex) of {@code distribution}'s negotiated SAs towards the other secplane, inbound and outbound. */
    private static List<String> spis(RunningDistribution distribution) throws Exception {
        String summary = distribution.batch("show security ipsec security-associations\n");
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s*[<>](\\d+) +\\S+ +([0-9a-f]+) .* 1\\.1\\.1\\.[12]\\s*$").matcher(summary);
        while (m.find()) {
            if (Long.parseLong(m.group(1)) >= 131073) {
                out.add(m.group(2));
            }
        }
        return out;
    }

    // ================================================================================== A ↔ strongSwan

    @Test
    public void e_strongSwanWithAesCbcAndHmacSha256CarriesPingAndTcpBothWaysInUdp() throws Exception {
        awaitChildren();
        long udpBefore = NamespaceLab.arrivals(sw, "udp dport 4500");
        long clearBefore = clearArrivals(sw);
        trafficWith(lanC, "172.16.1.10");
        Map<String, Object> child = child("lan-c");
        assertEquals("AES_CBC", child.get("encr-alg"));
        assertEquals("HMAC_SHA2_256_128", child.get("integ-alg"));
        assertEquals("yes", child.get("encap"));
        assertTrue("strongSwan counted the traffic: " + child, Long.parseLong((String) child.get("packets-in")) > 1000);
        assertTrue(a.batch("show security ipsec security-associations\n").contains("ESP:aes-128/sha256"));
        assertTrue("ESP in UDP 4500 crossed the wire", NamespaceLab.arrivals(sw, "udp dport 4500") - udpBefore > 1000);
        assertEquals("nothing in clear, no plain ESP: " + NamespaceLab.wire(sw), clearBefore, clearArrivals(sw));
    }

    @Test
    public void f_strongSwanWithAesGcmCarriesPingAndTcpBothWaysInUdp() throws Exception {
        awaitChildren();
        long clearBefore = clearArrivals(sw);
        trafficWith(lanD, "172.16.2.10");
        Map<String, Object> child = child("lan-d");
        assertEquals("AES_GCM_16", child.get("encr-alg"));
        assertEquals("128", child.get("encr-keysize"));
        assertTrue("strongSwan counted the traffic: " + child, Long.parseLong((String) child.get("packets-in")) > 1000);
        assertTrue(a.batch("show security ipsec security-associations\n").contains("ESP:aes-gcm-128/None"));
        assertEquals("nothing in clear, no plain ESP: " + NamespaceLab.wire(sw), clearBefore, clearArrivals(sw));
    }

    @Test
    public void g_trafficGoesOnAfterStrongSwanRekeysAChildSa() throws Exception {
        awaitChildren();
        String before = (String) child("lan-d").get("spi-in");
        String rekeyed = strongswan.swanctl("--rekey", "--child", "lan-d");
        assertTrue(rekeyed, rekeyed.contains("rekey completed successfully"));
        await("a new lan-d CHILD SA, the old one gone", () -> {
            List<Map<String, Object>> children = children("lan-d");
            return children.size() == 1 && !before.equals(children.get(0).get("spi-in"));
        });
        trafficWith(lanD, "172.16.2.10");
        Map<String, Object> child = child("lan-d");
        assertNotEquals(before, child.get("spi-in"));
        assertTrue("the new CHILD SA carried the traffic: " + child, Long.parseLong((String) child.get("packets-in")) > 1000);
    }

    // ================================================================================== traffic

    /** Pings and 2 MB TCP transfers both ways between lan-a and lan-b, each side starting once. */
    private static void trafficAB() throws Exception {
        try {
            NamespaceLab.ping(lanA, "192.168.168.10");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nA:\n" + state(a) + "\nB:\n" + state(b) + "\nroutes of A: "
                    + Commands.must("ip", "-n", secA, "route") + "\n" + NamespaceLab.wire(secB), e);
        }
        NamespaceLab.ping(lanB, "10.10.10.10");
        NamespaceLab.tcp(lanB, lanA, "192.168.168.10", MB2);
        NamespaceLab.tcp(lanA, lanB, "10.10.10.10", MB2);
    }

    /** What the data plane of {@code distribution} says, for a failure's message. */
    private static String state(RunningDistribution distribution) throws Exception {
        return distribution.batch("show security ipsec security-associations\nshow security ipsec statistics | display json\n"
                + "show interfaces terse\n");
    }

    /** The same between lan-a and a host behind strongSwan. */
    private static void trafficWith(String host, String address) throws Exception {
        NamespaceLab.ping(lanA, address);
        NamespaceLab.ping(host, "10.10.10.10");
        NamespaceLab.tcp(host, lanA, address, MB2);
        NamespaceLab.tcp(lanA, host, "10.10.10.10", MB2);
    }

    /** ICMP and TCP that arrived on the watched wire of {@code namespace}: traffic in clear, or the kernel's errors. */
    private static long clearArrivals(String namespace) throws Exception {
        long esp = namespace.equals(sw) ? NamespaceLab.arrivals(namespace, "meta l4proto esp") : 0;
        return esp + NamespaceLab.arrivals(namespace, "meta l4proto icmp") + NamespaceLab.arrivals(namespace, "meta l4proto tcp");
    }

    // ================================================================================== secplane

    /** A site with manual SAs on st0.0 to {@code gateway} (ESP, HMAC-SHA1-96 only, until a test sets its own). */
    private static String site(String lan, String external, String st0, String remoteLan, String gateway) {
        return SecplaneSite.base(lan, external, st0, remoteLan) + String.join("\n",
                "set security ipsec vpn site bind-interface st0.0",
                "set security ipsec vpn site manual gateway " + gateway,
                "set security ipsec vpn site manual external-interface ge-0/0/3.0",
                "set security ipsec vpn site manual spi 12435",
                "set security ipsec vpn site manual protocol esp",
                "set security ipsec vpn site manual authentication algorithm hmac-sha1-96 key ascii-text 12345678901234567890",
                "") + SecplaneSite.ikePolicy(PSK);
    }

    /** VPN {@code site} on {@code st0.0} negotiated with the other secplane (plain ESP, AES-256-GCM), on traffic. */
    private static String ikeSite(String gateway, String address, String local, String remote, String localLan,
            String remoteLan) {
        return "delete security ipsec vpn site manual\n" + SecplaneSite.gateway(gateway, address, "ge-0/0/3.0", local, remote)
                + SecplaneSite.espPolicy("dp-gcm256", "aes-256-gcm", null)
                + SecplaneSite.vpn("site", "st0.0", gateway, "dp-gcm256", localLan, remoteLan)
                + "set security ipsec vpn site establish-tunnels on-traffic\n";
    }

    /** A's two VPNs to strongSwan, brought up at commit: lan-c on st0.1 (AES-CBC + SHA-256), lan-d on st0.2 (GCM). */
    private static final String STRONGSWAN_VPNS = String.join("\n",
            "set interfaces ge-0/0/2 unit 0 family inet address 2.2.2.2/30",
            "set interfaces st0 unit 1 family inet address 10.11.21.1/24",
            "set interfaces st0 unit 2 family inet address 10.11.22.1/24",
            "set routing-options static route 172.16.1.0/24 next-hop st0.1",
            "set routing-options static route 172.16.2.0/24 next-hop st0.2",
            "set security zones security-zone untrust interfaces ge-0/0/2.0",
            "set security zones security-zone vpn interfaces st0.1",
            "set security zones security-zone vpn interfaces st0.2", "")
            + SecplaneSite.gateway("gw-sw", "2.2.2.1", "ge-0/0/2.0", "a", "sw")
            + SecplaneSite.espPolicy("sw-cbc", "aes-128-cbc", "hmac-sha-256-128")
            + SecplaneSite.espPolicy("sw-gcm", "aes-128-gcm", null)
            + SecplaneSite.vpn("sw-c", "st0.1", "gw-sw", "sw-cbc", "10.10.10.0/24", "172.16.1.0/24")
            + SecplaneSite.vpn("sw-d", "st0.2", "gw-sw", "sw-gcm", "10.10.10.0/24", "172.16.2.0/24")
            + "set security ipsec vpn sw-c establish-tunnels immediately\n"
            + "set security ipsec vpn sw-d establish-tunnels immediately\n";

    /** The same manual block on both sides (keys included), replacing what was there. */
    private static void manual(String... statements) throws Exception {
        StringBuilder lines = new StringBuilder("delete security ipsec vpn site manual authentication\n"
                + "delete security ipsec vpn site manual encryption\n");
        for (String statement : statements) {
            lines.append("set security ipsec vpn site manual ").append(statement).append('\n');
        }
        commit(a, lines.toString());
        commit(b, lines.toString());
        // while one side had the new keys and the other the old, a packet may have failed (the kernels' own IPv6
        // chatter goes through the tunnel too): count from here
        a.batch("clear security ipsec statistics\n");
        b.batch("clear security ipsec statistics\n");
    }

    private static void commit(RunningDistribution distribution, String lines) throws Exception {
        SecplaneSite.commit(distribution, lines);
    }

    /** Table 50 counters of {@code show security ipsec statistics index N} by name. */
    private static Map<String, Long> statistics(RunningDistribution distribution, long index) throws Exception {
        String text = distribution.batch("show security ipsec statistics index " + index + "\n");
        Map<String, Long> counters = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("([A-Z][A-Za-z ]+): +(\\d+)").matcher(text);
        while (matcher.find()) {
            counters.put(matcher.group(1).trim(), Long.parseLong(matcher.group(2)));
        }
        assertTrue(text, counters.containsKey("Encrypted packets") && counters.containsKey("Bad trailers"));
        return counters;
    }

    /** Tunnel IDs of the negotiated SAs (key management's, from 131073 on, D-46) towards gateway 1.1.1.1 or 1.1.1.2. */
    private static List<Long> negotiatedTunnels(RunningDistribution distribution) throws Exception {
        String summary = distribution.batch("show security ipsec security-associations\n");
        List<Long> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s*[<>](\\d+) .* 1\\.1\\.1\\.[12]\\s*$").matcher(summary);
        while (m.find()) {
            long id = Long.parseLong(m.group(1));
            if (id >= 131073 && !out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    // ================================================================================== strongSwan

    /** Waits until strongSwan has both CHILD SAs installed (secplane brings them up at commit). */
    private static void awaitChildren() throws Exception {
        await("both CHILD SAs installed on strongSwan", () -> children("lan-c").size() == 1 && children("lan-d").size() == 1);
    }

    private static Map<String, Object> child(String name) throws Exception {
        List<Map<String, Object>> children = children(name);
        assertEquals(name + ": " + children, 1, children.size());
        return children.get(0);
    }

    /** strongSwan's installed CHILD SAs named {@code name}, as {@code swanctl --list-sas} reports them. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> children(String name) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> ike : strongswan.ikeSas()) {
            Object children = ike.get("child-sas");
            if (children instanceof Map<?, ?> map) {
                for (Object child : map.values()) {
                    Map<String, Object> c = (Map<String, Object>) child;
                    if (name.equals(c.get("name")) && "INSTALLED".equals(c.get("state"))) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " within 60 s; strongSwan log:\n" + tail(strongswan.log()) + "\nsecplane A:\n"
                        + a.logTail());
            }
            Thread.sleep(250);
        }
    }

    private static String tail(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** strongSwan: responder for A's two VPNs, lan-c with AES-CBC + SHA-256, lan-d with AES-128-GCM. */
    private static final String SWANCTL_CONF = String.join("\n",
            "connections {",
            "  secplane {",
            "    version = 2",
            "    local_addrs = 2.2.2.1",
            "    remote_addrs = 2.2.2.2",
            "    proposals = aes128-sha256-ecp256",
            "    rekey_time = 0s",
            "    local {",
            "      auth = psk",
            "      id = sw@example.test",
            "    }",
            "    remote {",
            "      auth = psk",
            "      id = a@example.test",
            "    }",
            "    children {",
            "      lan-c {",
            "        local_ts = 172.16.1.0/24",
            "        remote_ts = 10.10.10.0/24",
            "        esp_proposals = aes128-sha256",
            "        rekey_time = 0s",
            "      }",
            "      lan-d {",
            "        local_ts = 172.16.2.0/24",
            "        remote_ts = 10.10.10.0/24",
            "        esp_proposals = aes128gcm16",
            "        rekey_time = 0s",
            "      }",
            "    }",
            "  }",
            "}",
            "secrets {",
            "  ike-a {",
            "    id-a = a@example.test",
            "    id-b = sw@example.test",
            "    secret = \"" + PSK + "\"",
            "  }",
            "}", "");
}
