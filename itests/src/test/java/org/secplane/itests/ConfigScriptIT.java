package org.secplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The configuration engine and the Junos CLI driven as scripts drive them: {@code printf … | bin/client -b}
 * against the real distribution. Covers the one-line script forms, awkward input (secrets with {@code $},
 * pasted brace blocks, quoted strings with spaces), every bad-input case of the issue (each a clear error
 * naming the path, with candidate and active configuration unchanged), JSON output, help and the
 * Config Admin projection.
 */
public class ConfigScriptIT {

    private static RunningDistribution distribution;
    private static Path empty;

    @BeforeClass
    public static void startDistribution() throws Exception {
        distribution = RunningDistribution.start(Paths.get("target/dist-config-script"), Map.of());
        empty = Files.createTempFile("empty", ".conf");
    }

    @AfterClass
    public static void stopDistribution() throws Exception {
        if (distribution != null) {
            distribution.close();
        }
    }

    static String resource(String name) {
        return Paths.get("src/test/resources/cli", name).toAbsolutePath().toString();
    }

    private static String run(String lines) throws Exception {
        return distribution.batch(lines);
    }

    /** Every test starts from the base configuration, committed. */
    @Before
    public void commitBaseConfiguration() throws Exception {
        String output = run("configure\nload override " + empty + "\nload set " + resource("base.set") + "\ncommit\nexit\n");
        assertTrue(output, output.contains("commit complete"));
    }

    @Test
    public void oneLineScriptLoadsAndCommits() throws Exception {
        Path file = Files.createTempFile("one-line", ".set");
        Files.writeString(file, "set security ike proposal p1 lifetime-seconds 3600\n");
        String output = run("configure; load set " + file + "; commit\n");
        assertTrue(output, output.contains("Entering configuration mode"));
        assertTrue(output, output.contains("load complete"));
        assertTrue(output, output.contains("commit complete"));
        String shown = run("show configuration security ike proposal p1\n");
        assertTrue(shown, shown.contains("lifetime-seconds 3600;"));
        String history = run("show system commit\n");
        assertTrue(history, history.startsWith("0   ") && history.contains(" by admin via cli"));
    }

    @Test
    public void loadMergeAndCommitCheckLeaveTheActiveConfigurationAlone() throws Exception {
        String before = masked(run("show configuration\n"));
        String output = run("configure; load merge " + resource("brace.conf") + "; commit check\n");
        assertTrue(output, output.contains("load complete"));
        assertTrue(output, output.contains("configuration check succeeds"));
        assertEquals(before, masked(run("show configuration\n")));
        String compare = run("configure\nshow | compare\n");
        assertTrue(compare, compare.contains("[edit security ike]"));
        assertTrue(compare, compare.contains("+   proposal p2 {"));
        assertTrue(compare, compare.contains("description \"brace form, with a ; and a $ inside\";"));
    }

    @Test
    public void secretsAreShownOnlyObfuscatedAndSurviveTheirObfuscatedForm() throws Exception {
        String shown = run("show configuration security ike policy pol1\n");
        assertTrue(shown, shown.contains("pre-shared-key ascii-text \"$9$") && shown.contains("## SECRET-DATA"));
        assertFalse(shown, shown.contains("pass$word"));
        String sealed = sealedPsk();
        String obfuscated = shown.substring(shown.indexOf("\"$9$") + 1, shown.indexOf("\"", shown.indexOf("\"$9$") + 1));
        String output = run("configure\nset security ike policy pol1 pre-shared-key ascii-text \"" + obfuscated + "\"\ncommit\n");
        assertTrue(output, output.contains("commit complete"));
        assertEquals("re-entering the $9$ form keeps the same secret", sealed, sealedPsk());
        String log = String.join("\n", Files.readAllLines(distribution.home().resolve("data/log/karaf.log")));
        assertFalse("the clear secret is never logged", log.contains("pass$word"));
    }

    /** The PSK as Config Admin holds it: sealed, deterministic for one secret. */
    private static String sealedPsk() throws Exception {
        String listing = run("config:list \"(&(service.factoryPid=org.secplane.ike.policy)(secplane.name=pol1))\"\n");
        for (String line : listing.split("\n")) {
            if (line.contains("pre-shared-key.ascii-text")) {
                String value = line.substring(line.indexOf('=') + 1).trim();
                assertTrue(value, value.startsWith("$8$"));
                return value;
            }
        }
        throw new AssertionError("no projected pre-shared key in:\n" + listing);
    }

    @Test
    public void aPastedBraceBlockAndQuotedStringsWithSpacesLoad() throws Exception {
        String output = run("configure\nload merge terminal\nsecurity {\n    ike {\n        proposal p3 {\n"
                + "            description \"three words here\";\n            dh-group group20;\n        }\n    }\n}\n"
                + "\u0004\nset security ike proposal p4 description \"with   inner   spaces\"\ncommit\n");
        assertTrue(output, output.contains("load complete") && output.contains("commit complete"));
        String shown = run("show configuration security ike\n");
        assertTrue(shown, shown.contains("description \"three words here\";"));
        assertTrue(shown, shown.contains("description \"with   inner   spaces\";"));
        assertTrue(shown, shown.contains("dh-group group20;"));
    }

    @Test
    public void displaySetAndJson() throws Exception {
        String set = run("show configuration security ipsec | display set\n");
        assertTrue(set, set.contains("set security ipsec vpn vpn1 bind-interface st0.0"));
        String json = run("show configuration security ike | display json\n");
        assertTrue(json, json.trim().startsWith("{") && json.trim().endsWith("}"));
        assertTrue(json, json.contains("\"name\": \"p1\""));
        String version = run("show version | display json\n");
        assertTrue(version, version.contains("\"software-information\""));
    }

    @Test
    public void helpListsWhatMayFollow() throws Exception {
        String operational = run("show ?\n");
        assertTrue(operational, operational.contains("Possible completions:"));
        assertTrue(operational, operational.contains("configuration") && operational.contains("version"));
        String configuration = run("configure\nset security ike ?\n");
        assertTrue(configuration, configuration.contains("proposal") && configuration.contains("gateway"));
        String unknown = run("show bogus\n");
        assertTrue(unknown, unknown.contains("error: syntax error: 'bogus' is not valid here; expecting"));
    }

    @Test
    public void projectionFollowsCommitsInConfigAdmin() throws Exception {
        String listing = run("config:list \"(service.factoryPid=org.secplane.ike.proposal)\"\n");
        assertTrue(listing, listing.contains("secplane.name = p1"));
        run("configure\nset security ike proposal p5 dh-group group2\ndelete security ike proposal p1 lifetime-seconds\ncommit\n");
        assertTrue(run("config:list \"(service.factoryPid=org.secplane.ike.proposal)\"\n").contains("secplane.name = p5"));
        run("configure\ndelete security ike proposal p5\ncommit\n");
        assertFalse(run("config:list \"(service.factoryPid=org.secplane.ike.proposal)\"\n").contains("secplane.name = p5"));
    }

    @Test
    public void commitConfirmedAnnouncesItsRollback() throws Exception {
        String output = run("configure\nset system host-name sp2\ncommit confirmed 5\n");
        assertTrue(output, output.contains("commit confirmed will be automatically rolled back in 5 minutes unless confirmed"));
        assertTrue(output, output.contains("commit complete"));
        assertTrue(run("configure\ncommit comment confirmed-now\n").contains("commit complete"));
        assertTrue(Files.notExists(distribution.home().resolve("state/config/commit-confirm.pending")));
    }

    /** One bad input: the lines to type, the error text expected, and whether it is a commit-time error. */
    private static final class BadInput {
        final String lines;
        final String expected;
        final boolean atCommit;

        BadInput(String lines, String expected, boolean atCommit) {
            this.lines = lines;
            this.expected = expected;
            this.atCommit = atCommit;
        }
    }

    @Test
    public void badInputGivesAClearErrorNamingThePathAndChangesNothing() throws Exception {
        List<BadInput> cases = List.of(
                new BadInput("set security ike proposal p1 frobnicate 1",
                        "error: [edit security ike proposal p1] syntax error: 'frobnicate' is not a statement here", false),
                new BadInput("set security bogus-hierarchy", "syntax error: 'bogus-hierarchy' is not a statement here", false),
                new BadInput("set security ipsec vpn m1 manual spi 255", "value 255 is not within range (256..16639)", false),
                new BadInput("set security ipsec vpn m1 manual spi 16640", "value 16640 is not within range (256..16639)", false),
                new BadInput("set security ipsec proposal ip1 lifetime-seconds 179",
                        "[edit security ipsec proposal ip1] 'lifetime-seconds': value 179 is not within range (180..86400)", false),
                new BadInput("set security pki ca-profile ca1 revocation-check crl refresh-interval 8785",
                        "value 8785 is not within range (0..8784)", false),
                new BadInput("set security pki ca-profile ca1 enrollment retry 1081", "value 1081 is not within range (0..1080)", false),
                new BadInput("load merge " + resource("malformed.conf"), "missing '}'", false),
                new BadInput("load merge /nonexistent/file.conf", "could not open configuration file", false),
                new BadInput("set security ipsec vpn m1 manual gateway 1.1.1.1\nset security ipsec vpn m1 manual external-interface ge-0/0/3.0\n"
                        + "set security ipsec vpn m1 manual protocol esp\nset security ipsec vpn m1 manual spi 300\n"
                        + "set security ipsec vpn m1 manual encryption algorithm des-cbc\n"
                        + "set security ipsec vpn m1 manual encryption key ascii-text 1234567\ncommit", "des-cbc", true),
                new BadInput("set security ipsec proposal ah1 protocol ah\nset security ipsec proposal ah1 authentication-algorithm hmac-sha1-96\n"
                        + "set security ipsec proposal ah1 encryption-algorithm aes-128-cbc\ncommit", "[edit security ipsec proposal ah1]", true),
                new BadInput("set security ike policy pol1 proposals nope\ncommit", "security ike proposal 'nope' is not defined", true),
                new BadInput("set security ike gateway gw1 ike-policy nope\ncommit", "security ike policy 'nope' is not defined", true),
                new BadInput("set security ipsec vpn vpn1 ike gateway nope\ncommit", "'nope' is not defined", true),
                new BadInput("set security pki auto-re-enrollment certificate-id c1 ca-profile-name nope\ncommit",
                        "security pki ca-profile 'nope' is not defined", true),
                new BadInput("set security ipsec vpn vpn1 bind-interface st0.9\ncommit", "st0.9", true),
                new BadInput("delete security ike proposal p1\ncommit", "security ike proposal 'p1' is not defined", true));
        List<String> failures = new ArrayList<>();
        for (BadInput bad : cases) {
            // one session per case: the active configuration and history before, the bad input, and after
            String output = run("show configuration\necho marker-history\nshow system commit\necho marker-input\n"
                    + "configure\nrollback 0\n" + bad.lines + "\n" + (bad.atCommit ? "" : "show | compare\n")
                    + "exit\necho marker-after\nshow configuration\necho marker-history-after\nshow system commit\n");
            String activeBefore = masked(section(output, null, "marker-history"));
            String historyBefore = section(output, "marker-history", "marker-input");
            String input = section(output, "marker-input", "marker-after");
            String activeAfter = masked(section(output, "marker-after", "marker-history-after"));
            String historyAfter = section(output, "marker-history-after", null);
            if (!input.contains(bad.expected) || !input.contains("error:")) {
                failures.add("[" + bad.lines + "] expected '" + bad.expected + "' in:\n" + input);
            }
            if (!bad.atCommit && input.substring(input.lastIndexOf("error:")).contains("\n[edit")) {
                failures.add("[" + bad.lines + "] the candidate changed:\n" + input);
            }
            if (bad.atCommit && input.contains("commit complete")) {
                failures.add("[" + bad.lines + "] committed:\n" + input);
            }
            if (!activeBefore.equals(activeAfter) || !historyBefore.equals(historyAfter)) {
                failures.add("[" + bad.lines + "] the active configuration changed");
            }
        }
        run("configure\nrollback 0\nexit\n");
        assertEquals(String.join("\n\n", failures), 0, failures.size());
    }

    /** The output between the line {@code from} (or the start) and the line {@code to} (or the end). */
    private static String section(String output, String from, String to) {
        int start = from == null ? 0 : output.indexOf(from + "\n") + from.length() + 1;
        int end = to == null ? output.length() : output.indexOf(to + "\n", start);
        if (start < 0 || end < start) {
            throw new AssertionError("markers " + from + ".." + to + " not found in:\n" + output);
        }
        return output.substring(start, end);
    }

    /** Configuration text with $9$ renderings masked: each rendering is salted afresh. */
    static String masked(String text) {
        return text.replaceAll("\"\\$9\\$[^\"]*\"", "\"\\$9\\$…\"");
    }
}
