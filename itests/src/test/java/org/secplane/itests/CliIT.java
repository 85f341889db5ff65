package org.secplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The Junos CLI inside Karaf: completion through the commands' own parser and completer, as the
 * console's Tab and '?' use them, and a hierarchy that comes and goes with its feature.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CliIT extends KarafTestSupport {

    @Configuration
    public Option[] config() {
        return distribution();
    }

    /** What Tab offers after {@code line} in {@code session}, as Karaf's console completer computes it. */
    private List<String> complete(Session session, String line) {
        String name = line.substring(0, line.indexOf(' '));
        Command command = session.getRegistry().getCommand("secplane", name);
        CommandLine parsed = command.getParser().parse(session, line, line.length());
        List<Candidate> candidates = new ArrayList<>();
        command.getCompleter(false).completeCandidates(session, parsed, candidates);
        return candidates.stream().map(Candidate::value).filter(v -> !v.isEmpty()).collect(Collectors.toList());
    }

    @Test
    public void tabCompletesOperationalCommandsStatementsValuesAndConfiguredNames() throws Exception {
        SessionFactory factory = service(SessionFactory.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Session session = factory.create(new ByteArrayInputStream(new byte[0]), out, out)) {
            session.execute("secplane:cli-init");
            assertTrue(complete(session, "show ").containsAll(List.of("configuration", "version", "security")));
            assertTrue(complete(session, "show security ").contains("crypto"));
            session.execute("configure");
            session.execute("set security ike proposal tab-p1 dh-group group14");
            List<String> statements = complete(session, "set security ike ");
            assertTrue(statements.toString(), statements.containsAll(List.of("proposal", "policy", "gateway")));
            assertTrue(complete(session, "set security ike proposal ").contains("tab-p1"));
            List<String> groups = complete(session, "set security ike proposal tab-p1 dh-group ");
            assertTrue(groups.toString(), groups.containsAll(List.of("group2", "group14", "group19")));
            session.execute("set security ike policy tab-pol proposals tab-p1");
            assertTrue(complete(session, "set security ike gateway g ike-policy ").contains("tab-pol"));
            session.execute("rollback 0");
            session.execute("exit");
        }
    }

    @Test
    public void uninstallingAFeatureRemovesItsHierarchyAndReinstallingRestoresIt() throws Exception {
        FeaturesService features = service(FeaturesService.class);
        EnumSet<FeaturesService.Option> noRefresh = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
        String before = execute("configure\nset security pki ca-profile ca-dyn ca-identity ca.example.test\n"
                + "show security pki\nrollback 0\nexit\n");
        assertTrue(before, before.contains("ca-profile ca-dyn {"));
        // make every secplane feature a root of its own, then drop the umbrella: secplane-pki alone goes
        for (String feature : List.of("secplane-cli", "secplane-crypto", "secplane-network", "secplane-ike",
                "secplane-ipsec", "secplane-services-ipsec", "secplane-pki")) {
            features.installFeature(feature, noRefresh);
        }
        features.uninstallFeature("secplane", noRefresh);
        features.uninstallFeature("secplane-pki", noRefresh);
        String without = execute("configure\nset security pki ca-profile ca-dyn ca-identity ca.example.test\nexit\n");
        assertTrue(without, without.contains("syntax error: 'pki' is not a statement here"));
        features.installFeature("secplane-pki", noRefresh);
        String again = "";
        for (int attempt = 0; attempt < 50; attempt++) {
            again = execute("configure\nset security pki ca-profile ca-dyn ca-identity ca.example.test\nshow security pki\n"
                    + "rollback 0\nexit\n");
            if (again.contains("ca-profile ca-dyn {")) {
                break;
            }
            Thread.sleep(200);
        }
        assertTrue(again, again.contains("ca-profile ca-dyn {"));
        assertEquals(List.of(), bundlesNotActive());
    }
}
