package org.secplane.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The linux device family in the real distribution, inside a network namespace of its own: a committed
 * {@code interfaces st0 unit 0} becomes the TUN device {@code st0.0} with its address, MTU and IPv6
 * address, a static route through it lands in the namespace's routing table, and deleting the unit removes
 * both; an interface without a host mapping is a commit error, a mapped one whose host interface lacks the
 * address a warning. All through {@code bin/client -b}, checked with {@code ip -n NS}. Needs root and
 * {@code ip netns} (skipped otherwise).
 */
public class LinuxFamilyIT {

    /** Namespaces of this test are {@code secplane-it-<pid>-<n>}: stale ones of dead runs are removed. */
    private static final String PREFIX = "secplane-it-";
    private static final Pattern OURS = Pattern.compile(PREFIX + "(\\d+)-\\d+");

    private static String namespace;
    private static RunningDistribution distribution;

    @BeforeClass
    public static void startInANamespace() throws Exception {
        Assume.assumeTrue("needs root (ip netns, TUN devices)", "root".equals(System.getProperty("user.name")));
        Assume.assumeTrue("needs /dev/net/tun", Files.exists(Path.of("/dev/net/tun")));
        Assume.assumeTrue("needs the ip tool", run("ip", "netns", "list")[0].equals("0"));
        removeStaleNamespaces();
        namespace = PREFIX + ProcessHandle.current().pid() + "-" + (System.nanoTime() % 100000);
        ip("netns", "add", namespace);
        ip("-n", namespace, "link", "set", "lo", "up");
        // vext stands for the host interface of ge-0/0/3: a veth with 1.1.1.2/30
        ip("-n", namespace, "link", "add", "vext", "type", "veth", "peer", "name", "vpeer");
        ip("-n", namespace, "addr", "add", "1.1.1.2/30", "dev", "vext");
        ip("-n", namespace, "link", "set", "vext", "up");
        ip("-n", namespace, "link", "set", "vpeer", "up");
        distribution = RunningDistribution.start(Paths.get("target/dist-linux-family"), Map.of(),
                RunningDistribution.Platform.linux(namespace, Map.of("interface-map", "ge-0/0/3:vext")));
    }

    @AfterClass
    public static void stopAndRemoveTheNamespace() throws Exception {
        try {
            if (distribution != null) {
                distribution.close();
            }
        } finally {
            if (namespace != null) {
                run("ip", "netns", "del", namespace);
            }
        }
    }

    @Test
    public void aCommittedSt0UnitIsATunDeviceWithItsRouteAndDeletingItRemovesBoth() throws Exception {
        String output = distribution.batch("configure\n"
                + "set interfaces st0 unit 0 family inet address 10.11.11.10/24\n"
                + "set routing-options static route 10.22.0.0/16 next-hop st0.0\n"
                + "commit\n");
        assertTrue(output + distribution.logTail(), output.contains("commit complete"));
        String address = ip("-n", namespace, "addr", "show", "st0.0");
        assertTrue(address, address.contains("inet 10.11.11.10/24"));
        assertTrue(address, address.contains(",UP"));
        String routes = ip("-n", namespace, "route");
        assertTrue(routes, routes.contains("10.22.0.0/16 dev st0.0 proto static"));
        assertFalse("nothing on the host itself", run("ip", "link", "show", "st0.0")[0].equals("0"));

        String terse = distribution.batch("show interfaces terse\n");
        assertTrue(terse, terse.contains("st0.0                   up    up   inet     10.11.11.10/24"));
        String providers = distribution.batch("show security crypto providers\n");
        assertTrue(providers, providers.contains("Device family: linux"));
        assertTrue(providers, providers.contains("Status:   ready: 1 tunnel interface, 1 static route"));
        assertTrue(providers, providers.contains("ge-0/0/3 -> vext"));

        output = distribution.batch("configure\n"
                + "set interfaces st0 unit 0 family inet mtu 1400\n"
                + "set interfaces st0 unit 0 family inet6 address 2001:db8:11::10/64\n"
                + "commit\n");
        assertTrue(output, output.contains("commit complete"));
        String link = ip("-n", namespace, "link", "show", "st0.0");
        assertTrue(link, link.contains("mtu 1400"));
        String v6 = ip("-n", namespace, "-6", "addr", "show", "dev", "st0.0");
        assertTrue(v6, v6.contains("inet6 2001:db8:11::10/64"));

        output = distribution.batch("configure\n"
                + "set interfaces st0 unit 0 disable\n"
                + "commit\n");
        assertTrue(output, output.contains("commit complete"));
        assertFalse(ip("-n", namespace, "link", "show", "st0.0").contains(",UP"));
        terse = distribution.batch("show interfaces terse | display json\n");
        assertTrue(terse, terse.contains("\"admin-status\": \"down\""));

        output = distribution.batch("configure\n"
                + "delete interfaces st0 unit 0\n"
                + "delete routing-options static route 10.22.0.0/16\n"
                + "commit\n");
        assertTrue(output, output.contains("commit complete"));
        String[] gone = run("ip", "-n", namespace, "link", "show", "st0.0");
        assertNotEquals("st0.0 is gone: " + gone[1], "0", gone[0]);
        routes = ip("-n", namespace, "route");
        assertFalse(routes, routes.contains("10.22.0.0/16"));
    }

    @Test
    public void anUnmappedInterfaceIsACommitErrorAndAMissingHostAddressAWarning() throws Exception {
        String output = distribution.batch("configure\n"
                + "set interfaces ge-0/0/7 unit 0 family inet address 192.0.2.1/24\n"
                + "commit\n"
                + "rollback 0\n"
                + "commit\n");
        assertTrue(output, output.contains("interface ge-0/0/7.0 has no host interface on the linux device family; map it in "
                + "etc/org.secplane.platform.cfg, e.g. 'interface-map = ge-0/0/7:eth1'"));
        assertFalse(output, distribution.batch("show configuration interfaces\n").contains("ge-0/0/7"));

        output = distribution.batch("configure\n"
                + "set interfaces ge-0/0/3 unit 0 family inet address 1.1.1.6/30\n"
                + "commit\n");
        assertTrue(output, output.contains("warning: host interface vext of ge-0/0/3.0 does not have 1.1.1.6/30 "
                + "(it has 1.1.1.2/30)"));
        assertTrue(output, output.contains("commit complete"));
        String host = ip("-n", namespace, "addr", "show", "vext");
        assertFalse("secplane does not change host interfaces: " + host, host.contains("1.1.1.6"));

        output = distribution.batch("configure\n"
                + "delete interfaces ge-0/0/3 unit 0 family inet address 1.1.1.6/30\n"
                + "set interfaces ge-0/0/3 unit 0 family inet address 1.1.1.2/30\n"
                + "commit\n");
        assertTrue(output, output.contains("commit complete"));
        assertFalse(output, output.contains("host interface vext"));
        distribution.batch("configure\ndelete interfaces ge-0/0/3\ncommit\n");
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
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        return new String[] {Integer.toString(process.exitValue()), output.toString(StandardCharsets.UTF_8)};
    }
}
