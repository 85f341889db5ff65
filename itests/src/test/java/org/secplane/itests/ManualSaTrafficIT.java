package org.secplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Two secplane distributions on the linux device family, each in a network namespace of its own with a LAN
 * host behind it, joined by a wire (veth) of their own: manual SAs committed on both carry ping and a TCP
 * transfer both ways between the LAN hosts, through real TUN devices ({@code st0.0}), raw IP sockets and the
 * Java data plane, with ESP (protocol 50, AES-CBC with HMAC-SHA-256-128, then 3DES with HMAC-SHA1-96) and
 * with AH. The LANs have no route to each other but through {@code st0.0}, so what arrives went through the
 * tunnel; the data plane's statistics and nftables counters on the wire (ESP or AH, never ICMP or TCP in
 * clear) confirm it.
 *
 * <pre>
 *  lan-a host 10.10.10.10 ── dp-host|dp-lan 10.10.10.1  [secplane a]  1.1.1.2 dp-ext ══ dp-ext 1.1.1.1  [secplane b]
 *                                                                         192.168.168.1 dp-lan|dp-host 192.168.168.10 lan-b host
 * </pre>
 *
 * Needs root, {@code ip netns}, {@code /dev/net/tun}, {@code ping} and {@code nft} (skipped otherwise). Namespaces are
 * {@code dp-it-<pid>-…}; those of dead runs are removed first.
 */
public class ManualSaTrafficIT {

    private static final String PREFIX = "dp-it-";
    private static final Pattern OURS = Pattern.compile(PREFIX + "(\\d+)-[a-z-]+");
    private static final String JAVA = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";

    private static final List<String> namespaces = new ArrayList<>();
    private static String secA;
    private static String secB;
    private static String lanA;
    private static String lanB;
    private static RunningDistribution a;
    private static RunningDistribution b;

    @BeforeClass
    public static void twoSitesInNamespaces() throws Exception {
        Assume.assumeTrue("needs root (ip netns, TUN devices, raw sockets)", "root".equals(System.getProperty("user.name")));
        Assume.assumeTrue("needs /dev/net/tun", Files.exists(Path.of("/dev/net/tun")));
        Assume.assumeTrue("needs the ip tool", run("ip", "netns", "list")[0].equals("0"));
        Assume.assumeTrue("needs ping and nft (itests/install-test-prerequisites)",
                run("sh", "-c", "command -v ping && command -v nft")[0].equals("0"));
        removeStaleNamespaces();
        String id = PREFIX + ProcessHandle.current().pid() + "-";
        secA = namespace(id + "sec-a");
        secB = namespace(id + "sec-b");
        lanA = namespace(id + "lan-a");
        lanB = namespace(id + "lan-b");
        for (String router : List.of(secA, secB)) {
            run("ip", "netns", "exec", router, "sh", "-c", "echo 1 > /proc/sys/net/ipv4/ip_forward; "
                    + "echo 0 > /proc/sys/net/ipv4/conf/all/rp_filter; echo 0 > /proc/sys/net/ipv4/conf/default/rp_filter");
        }
        ip("-n", secA, "link", "add", "dp-ext", "type", "veth", "peer", "name", "dp-ext", "netns", secB);
        address(secA, "dp-ext", "1.1.1.2/30");
        address(secB, "dp-ext", "1.1.1.1/30");
        lan(secA, lanA, "10.10.10.1/24", "10.10.10.10/24", "10.10.10.1");
        lan(secB, lanB, "192.168.168.1/24", "192.168.168.10/24", "192.168.168.1");
        Map<String, String> interfaces = Map.of("interface-map", "ge-0/0/0:dp-lan, ge-0/0/3:dp-ext");
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            Future<RunningDistribution> startA = starting.submit(() -> RunningDistribution.start(Paths.get("target/dist-dp-a"),
                    Map.of(), RunningDistribution.Platform.linux(secA, interfaces)));
            Future<RunningDistribution> startB = starting.submit(() -> RunningDistribution.start(Paths.get("target/dist-dp-b"),
                    Map.of(), RunningDistribution.Platform.linux(secB, interfaces)));
            a = startA.get(5, TimeUnit.MINUTES);
            b = startB.get(5, TimeUnit.MINUTES);
        } finally {
            starting.shutdown();
        }
        countWireProtocols(secB);
        commit(a, site("10.10.10.1/24", "1.1.1.2/30", "10.11.11.10/24", "192.168.168.0/24", "1.1.1.1"));
        commit(b, site("192.168.168.1/24", "1.1.1.1/30", "10.11.11.11/24", "10.10.10.0/24", "1.1.1.2"));
    }

    @AfterClass
    public static void stopAndRemoveTheNamespaces() throws Exception {
        try {
            for (RunningDistribution distribution : new RunningDistribution[] {a, b}) {
                if (distribution != null) {
                    distribution.close();
                }
            }
        } finally {
            for (String namespace : namespaces) {
                run("ip", "netns", "del", namespace);
            }
        }
    }

    private static List<String> site(String lan, String external, String st0, String remoteLan, String gateway) {
        return List.of(
                "set interfaces ge-0/0/0 unit 0 family inet address " + lan,
                "set interfaces ge-0/0/3 unit 0 family inet address " + external,
                "set interfaces st0 unit 0 family inet address " + st0,
                "set routing-options static route " + remoteLan + " next-hop st0.0",
                "set security flow tcp-mss ipsec-vpn mss 1350",
                "set security ipsec vpn site bind-interface st0.0",
                "set security ipsec vpn site manual gateway " + gateway,
                "set security ipsec vpn site manual external-interface ge-0/0/3.0",
                "set security ipsec vpn site manual spi 12435",
                "set security ipsec vpn site manual protocol esp",
                "set security ipsec vpn site manual authentication algorithm hmac-sha1-96 key ascii-text 12345678901234567890",
                "set security zones security-zone trust interfaces ge-0/0/0.0",
                "set security zones security-zone untrust interfaces ge-0/0/3.0",
                "set security zones security-zone vpn interfaces st0.0",
                "set security policies from-zone trust to-zone vpn policy out match source-address any",
                "set security policies from-zone trust to-zone vpn policy out match destination-address any",
                "set security policies from-zone trust to-zone vpn policy out match application any",
                "set security policies from-zone trust to-zone vpn policy out then permit",
                "set security policies from-zone vpn to-zone trust policy in match source-address any",
                "set security policies from-zone vpn to-zone trust policy in match destination-address any",
                "set security policies from-zone vpn to-zone trust policy in match application any",
                "set security policies from-zone vpn to-zone trust policy in then permit");
    }

    /** The same manual block on both sides (keys included), replacing what was there. */
    private static void manual(String... statements) throws Exception {
        List<String> lines = new ArrayList<>(List.of("delete security ipsec vpn site manual authentication",
                "delete security ipsec vpn site manual encryption"));
        for (String statement : statements) {
            lines.add("set security ipsec vpn site manual " + statement);
        }
        commit(a, lines);
        commit(b, lines);
        // while one side had the new keys and the other the old, a packet may have failed (the kernels' own IPv6
        // chatter goes through the tunnel too): count from here
        a.batch("clear security ipsec statistics\n");
        b.batch("clear security ipsec statistics\n");
    }

    @Test
    public void espWithAesCbcAndHmacSha256CarriesPingAndTcpBothWays() throws Exception {
        manual("protocol esp",
                "authentication algorithm hmac-sha-256-128 key ascii-text \"32 characters of $ecret, spaced!\"",
                "encryption algorithm aes-128-cbc key hexadecimal 000102030405060708090a0b0c0d0e0f");
        long espBefore = wireCounter(secB, "esp");
        trafficBothWays();
        String routes = ip("-n", secA, "route");
        assertTrue("routing-options static route in the host table: " + routes,
                routes.contains("192.168.168.0/24 dev st0.0 proto static"));
        String sas = a.batch("show security ipsec security-associations\n");
        assertTrue(sas, sas.contains("  Total active tunnels: 1"));
        assertTrue(sas, Pattern.compile("<16384 +ESP:aes-128/sha256 +3093 +unlim/ unlim +- +root 500 +1\\.1\\.1\\.1").matcher(sas)
                .find());
        String detail = a.batch("show security ipsec security-associations index 16384\n");
        assertTrue(detail, detail.contains("    Mode: Tunnel, Type: manual, State: installed"));
        assertTrue(detail, detail.contains("  Local Gateway: 1.1.1.2, Remote Gateway: 1.1.1.1"));
        Map<String, Long> statistics = statistics(a);
        assertTrue(statistics.toString(), statistics.get("Encrypted packets") > 1000);
        assertTrue(statistics.toString(), statistics.get("Decrypted packets") > 1000);
        assertEquals(statistics.toString(), 0L, (long) statistics.get("ESP authentication failures"));
        assertTrue("ESP (protocol 50) crossed the wire", wireCounter(secB, "esp") - espBefore > 1000);
        assertEquals(ip("netns", "exec", secB, "nft", "list chain inet dp wire"), 0,
                wireCounter(secB, "icmp") + wireCounter(secB, "tcp"));
    }

    @Test
    public void espWithTripleDesAndHmacSha1CarriesPingAndTcpBothWays() throws Exception {
        manual("protocol esp",
                "authentication algorithm hmac-sha1-96 key hexadecimal 0x0102030405060708090a0b0c0d0e0f1011121314",
                "encryption algorithm 3des-cbc key ascii-text 3des-key:24-characters!!");
        trafficBothWays();
        assertTrue(a.batch("show security ipsec security-associations\n").contains("ESP:3des/sha1"));
    }

    @Test
    public void ahCarriesPingAndTcpBothWays() throws Exception {
        manual("protocol ah",
                "authentication algorithm hmac-sha1-96 key ascii-text \"twenty chars of key!\"");
        long ahBefore = wireCounter(secB, "ah");
        trafficBothWays();
        String sas = b.batch("show security ipsec security-associations\n");
        assertTrue(sas, sas.contains("AH:None/sha1"));
        Map<String, Long> statistics = statistics(a);
        assertTrue(statistics.toString(), statistics.get("Output packets") > 1000);
        assertTrue(statistics.toString(), statistics.get("Input packets") > 1000);
        assertEquals(statistics.toString(), 0L, (long) statistics.get("AH authentication failures"));
        assertEquals("AH leaves nothing in ESP", 0L, (long) statistics.get("Encrypted packets"));
        assertTrue("AH (protocol 51) crossed the wire", wireCounter(secB, "ah") - ahBefore > 1000);
        assertEquals(ip("netns", "exec", secB, "nft", "list chain inet dp wire"), 0,
                wireCounter(secB, "icmp") + wireCounter(secB, "tcp"));
    }

    /** Pings both ways and a TCP transfer of 2 MB each way, started from either side. */
    private static void trafficBothWays() throws Exception {
        ping(lanA, "192.168.168.10");
        ping(lanB, "10.10.10.10");
        tcp(lanB, lanA, "192.168.168.10", 2_000_000);
        tcp(lanA, lanB, "10.10.10.10", 2_000_000);
    }

    private static void ping(String from, String to) throws Exception {
        String[] result = run("ip", "netns", "exec", from, "ping", "-c", "3", "-i", "0.2", "-W", "3", to);
        assertEquals(result[1], "0", result[0]);
        assertTrue(result[1], result[1].contains("3 received"));
    }

    /** A TCP transfer of {@code bytes} each way between a server in {@code serverHost} and a client in {@code clientHost}. */
    private static void tcp(String serverHost, String clientHost, String serverAddress, long bytes) throws Exception {
        String classes = Paths.get("target/test-classes").toAbsolutePath().toString();
        Process server = new ProcessBuilder("ip", "netns", "exec", serverHost, JAVA, "-cp", classes,
                TcpTransfer.class.getName(), "server", "5001").redirectErrorStream(true).start();
        try {
            byte[] listening = new byte[10];
            int read = server.getInputStream().readNBytes(listening, 0, 10);
            assertEquals("listening\n", new String(listening, 0, read, StandardCharsets.US_ASCII));
            String[] client = run("ip", "netns", "exec", clientHost, JAVA, "-cp", classes, TcpTransfer.class.getName(),
                    "client", serverAddress, "5001", Long.toString(bytes));
            assertEquals(client[1], "0", client[0]);
            assertTrue(client[1], client[1].startsWith("ok sent "));
            assertTrue("server finished", server.waitFor(60, TimeUnit.SECONDS));
            String serverOutput = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(serverOutput, 0, server.exitValue());
            // each side saw exactly what the other sent
            String[] c = client[1].trim().split(" ");
            String[] s = serverOutput.trim().split(" ");
            assertEquals(c[2], s[2]);
            assertEquals(c[4], s[4]);
        } finally {
            server.destroyForcibly();
        }
    }

    /** Table 50 counters of {@code show security ipsec statistics} by name. */
    private static Map<String, Long> statistics(RunningDistribution distribution) throws Exception {
        String text = distribution.batch("show security ipsec statistics\n");
        Map<String, Long> counters = new java.util.LinkedHashMap<>();
        Matcher matcher = Pattern.compile("([A-Z][A-Za-z ]+): +(\\d+)").matcher(text);
        while (matcher.find()) {
            counters.put(matcher.group(1).trim(), Long.parseLong(matcher.group(2)));
        }
        assertTrue(text, counters.containsKey("Encrypted packets") && counters.containsKey("Bad trailers"));
        return counters;
    }

    /**
     * Counts what arrives on {@code dp-ext} of {@code namespace} by IP protocol, independently of secplane: an
     * nftables table with one counter rule per protocol on the input hook.
     */
    private static void countWireProtocols(String namespace) throws Exception {
        run("ip", "netns", "exec", namespace, "nft", "add table inet dp");
        ip("netns", "exec", namespace, "nft", "add chain inet dp wire { type filter hook input priority 0 ; }");
        for (String protocol : new String[] {"esp", "ah", "icmp", "tcp"}) {
            ip("netns", "exec", namespace, "nft", "add rule inet dp wire iifname dp-ext meta l4proto " + protocol + " counter");
        }
    }

    /** Packets of {@code protocol} ({@code esp}, {@code ah}, {@code icmp}, {@code tcp}) counted on {@code dp-ext}. */
    private static long wireCounter(String namespace, String protocol) throws Exception {
        String rules = ip("netns", "exec", namespace, "nft", "list chain inet dp wire");
        Matcher matcher = Pattern.compile("l4proto " + protocol + " counter packets (\\d+)").matcher(rules);
        assertTrue(rules, matcher.find());
        return Long.parseLong(matcher.group(1));
    }

    private static void commit(RunningDistribution distribution, List<String> lines) throws Exception {
        String output = distribution.batch("configure\n" + String.join("\n", lines) + "\ncommit\n");
        assertTrue(output + distribution.logTail(), output.contains("commit complete"));
    }

    private static String namespace(String name) throws Exception {
        ip("netns", "add", name);
        namespaces.add(name);
        ip("-n", name, "link", "set", "lo", "up");
        return name;
    }

    private static void address(String namespace, String device, String prefix) throws Exception {
        ip("-n", namespace, "addr", "add", prefix, "dev", device);
        ip("-n", namespace, "link", "set", device, "up");
    }

    /** A LAN: {@code dp-lan} in the router, {@code dp-host} in the host, the host's default route via the router. */
    private static void lan(String router, String host, String routerPrefix, String hostPrefix, String gateway) throws Exception {
        ip("-n", router, "link", "add", "dp-lan", "type", "veth", "peer", "name", "dp-host", "netns", host);
        address(router, "dp-lan", routerPrefix);
        address(host, "dp-host", hostPrefix);
        ip("-n", host, "route", "add", "default", "via", gateway);
    }

    private static void removeStaleNamespaces() throws Exception {
        for (String line : run("ip", "netns", "list")[1].split("\n")) {
            String name = line.split(" ")[0].trim();
            Matcher matcher = OURS.matcher(name);
            if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(1))).map(h -> !h.isAlive()).orElse(true)) {
                run("ip", "netns", "del", name);
            }
        }
    }

    private static String ip(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        String[] result = run(command.toArray(new String[0]));
        if (!result[0].equals("0")) {
            throw new IllegalStateException(command + " exited " + result[0] + ": " + result[1]);
        }
        return result[1];
    }

    /** {exit code, output}. */
    private static String[] run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(output);
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        return new String[] {Integer.toString(process.exitValue()), output.toString(StandardCharsets.UTF_8)};
    }
}
