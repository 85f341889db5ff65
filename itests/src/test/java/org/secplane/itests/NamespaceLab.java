package org.secplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Network namespaces for traffic scenarios: routers, LAN hosts behind them, veth wires between them, and what
 * the hosts do (ping, a {@link TcpTransfer} both ways) and what the wires see (nftables counters by match, kept
 * by the namespace itself, independently of the software under test). Namespaces are named
 * {@code PREFIX<pid>-NAME}; those of runs whose process is gone are removed when a lab starts, the lab's own
 * at {@link #close}.
 */
final class NamespaceLab implements AutoCloseable {

    private static final String JAVA = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";

    private final String base;
    private final List<String> namespaces = new ArrayList<>();

    /** A lab whose namespaces start with {@code prefix} (e.g. {@code dp-it-}). */
    NamespaceLab(String prefix) throws Exception {
        Pattern ours = Pattern.compile(Pattern.quote(prefix) + "(\\d+)-.+");
        for (String line : Commands.must("ip", "netns", "list").split("\n")) {
            String name = line.split(" ")[0].trim();
            Matcher m = ours.matcher(name);
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(h -> !h.isAlive()).orElse(true)) {
                Commands.exec(List.of("ip", "netns", "del", name), null);
            }
        }
        this.base = prefix + ProcessHandle.current().pid() + "-";
    }

    /** A new namespace with {@code lo} up. */
    String namespace(String name) throws Exception {
        String namespace = base + name;
        Commands.must("ip", "netns", "add", namespace);
        namespaces.add(namespace);
        Commands.must("ip", "-n", namespace, "link", "set", "lo", "up");
        return namespace;
    }

    /** A router namespace: forwarding on, reverse-path filtering off (tunnel devices route asymmetrically). */
    String router(String name) throws Exception {
        String namespace = namespace(name);
        Commands.must("ip", "netns", "exec", namespace, "sh", "-c", "echo 1 > /proc/sys/net/ipv4/ip_forward; "
                + "echo 0 > /proc/sys/net/ipv4/conf/all/rp_filter; echo 0 > /proc/sys/net/ipv4/conf/default/rp_filter");
        return namespace;
    }

    /** A veth wire from {@code ifA} in {@code nsA} to {@code ifB} in {@code nsB}, addressed and up. */
    static void link(String nsA, String ifA, String addressA, String nsB, String ifB, String addressB) throws Exception {
        Commands.must("ip", "link", "add", ifA, "netns", nsA, "type", "veth", "peer", "name", ifB, "netns", nsB);
        Commands.must("ip", "-n", nsA, "addr", "add", addressA, "dev", ifA);
        Commands.must("ip", "-n", nsB, "addr", "add", addressB, "dev", ifB);
        Commands.must("ip", "-n", nsA, "link", "set", ifA, "up");
        Commands.must("ip", "-n", nsB, "link", "set", ifB, "up");
    }

    /**
     * A LAN host (namespace {@code name}) behind {@code router}: {@code routerIf} in the router, {@code dp-host} in
     * the host, the host's default route through the router's address.
     */
    String lanHost(String name, String router, String routerIf, String routerPrefix, String hostPrefix) throws Exception {
        String host = namespace(name);
        link(router, routerIf, routerPrefix, host, "dp-host", hostPrefix);
        Commands.must("ip", "-n", host, "route", "add", "default", "via", routerPrefix.substring(0, routerPrefix.indexOf('/')));
        return host;
    }

    /** Three pings from {@code from} to {@code to}, all answered. */
    static void ping(String from, String to) throws Exception {
        Commands.Result r = Commands.exec(List.of("ip", "netns", "exec", from, "ping", "-c", "3", "-i", "0.2", "-W", "3", to), null);
        assertEquals(r.output(), 0, r.exit());
        assertTrue(r.output(), r.output().contains("3 received"));
    }

    /** Pings until one is answered (the first packets may start a negotiation and be dropped, D-29). */
    static void pingUntilAnswered(String from, String to, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Commands.Result r;
        do {
            r = Commands.exec(List.of("ip", "netns", "exec", from, "ping", "-c", "1", "-W", "1", to), null);
            if (r.ok()) {
                return;
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no answer from " + to + " within " + seconds + " s: " + r.output());
    }

    /**
     * A TCP transfer of {@code bytes} each way between a {@link TcpTransfer} server in {@code serverHost} and a
     * client in {@code clientHost}; each side checks every byte it got. Returns the client's wall time in ms.
     */
    static long tcp(String serverHost, String clientHost, String serverAddress, long bytes) throws Exception {
        return tcp(serverHost, clientHost, serverAddress, bytes, false);
    }

    /** As {@link #tcp(String, String, String, long)}; {@code bulk}: {@link TcpTransfer}'s unchecked bulk mode. */
    static long tcp(String serverHost, String clientHost, String serverAddress, long bytes, boolean bulk) throws Exception {
        String mode = bulk ? "bulk" : "checked";
        String classes = Paths.get("target/test-classes").toAbsolutePath().toString();
        Process server = new ProcessBuilder("ip", "netns", "exec", serverHost, JAVA, "-cp", classes, TcpTransfer.class.getName(),
                "server", "5001", mode).redirectErrorStream(true).start();
        try {
            byte[] listening = new byte[10];
            int read = server.getInputStream().readNBytes(listening, 0, 10);
            assertEquals("listening\n", new String(listening, 0, read, StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            Commands.Result client = Commands.exec(List.of("ip", "netns", "exec", clientHost, JAVA, "-cp", classes,
                    TcpTransfer.class.getName(), "client", serverAddress, "5001", Long.toString(bytes), mode), null);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(client.output(), 0, client.exit());
            assertTrue(client.output(), client.output().startsWith("ok sent "));
            assertTrue("server finished", server.waitFor(60, TimeUnit.SECONDS));
            String serverOutput = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(serverOutput, 0, server.exitValue());
            // each side saw exactly what the other sent
            String[] c = client.output().trim().split(" ");
            String[] s = serverOutput.trim().split(" ");
            assertEquals(c[2], s[2]);
            assertEquals(c[4], s[4]);
            return millis;
        } finally {
            server.destroyForcibly();
        }
    }

    /**
     * Counts what arrives on {@code device} of {@code namespace}: one nftables counter rule per match (e.g.
     * {@code meta l4proto esp}, {@code udp dport 4500}) on the input hook, in table {@code inet dp}.
     */
    static void countArrivals(String namespace, String device, String... matches) throws Exception {
        Commands.exec(List.of("ip", "netns", "exec", namespace, "nft", "add table inet dp"), null);
        Commands.exec(List.of("ip", "netns", "exec", namespace, "nft", "add chain inet dp wire { type filter hook input priority 0 ; }"),
                null);
        for (String match : matches) {
            Commands.must("ip", "netns", "exec", namespace, "nft", "add rule inet dp wire iifname " + device + " " + match + " counter");
        }
    }

    /** Packets counted by the rule of {@code match} (as given to {@link #countArrivals}). */
    static long arrivals(String namespace, String match) throws Exception {
        String rules = wire(namespace);
        Matcher m = Pattern.compile(Pattern.quote(match) + " counter packets (\\d+)").matcher(rules);
        assertTrue(match + " in " + rules, m.find());
        return Long.parseLong(m.group(1));
    }

    /** The counter rules as nft lists them. */
    static String wire(String namespace) throws Exception {
        return Commands.must("ip", "netns", "exec", namespace, "nft", "list chain inet dp wire");
    }

    /** Stops what runs in the namespaces ({@code null}s skipped), then removes them, even when a stop fails. */
    void close(AutoCloseable... running) throws Exception {
        try {
            for (AutoCloseable r : running) {
                if (r != null) {
                    r.close();
                }
            }
        } finally {
            close();
        }
    }

    @Override
    public void close() throws Exception {
        for (String namespace : namespaces) {
            Commands.exec(List.of("ip", "netns", "del", namespace), null);
        }
    }
}
