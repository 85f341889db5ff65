package org.secplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * SIGKILL during commits never leaves a corrupt or half-applied active configuration: after each kill
 * and restart the active configuration is the last complete commit, and Config Admin (the projection)
 * matches it.
 */
public class CommitCrashIT {

    private static final Pattern LIFETIME = Pattern.compile("lifetime-seconds (\\d+);");

    @Test
    public void killedDuringCommitTheLastCompleteCommitIsActiveAfterRestart() throws Exception {
        Path empty = Files.createTempFile("empty", ".conf");
        Random random = new Random(20261122);
        try (RunningDistribution distribution = RunningDistribution.start(Paths.get("target/dist-crash"), Map.of())) {
            String base = distribution.batch("configure\nload override " + empty + "\nload set "
                    + ConfigScriptIT.resource("base.set") + "\nset security ike proposal p1 lifetime-seconds 1000\ncommit\n");
            assertTrue(base, base.contains("commit complete"));
            Set<String> committed = new HashSet<>(Set.of("1000"));
            for (int round = 0; round < 4; round++) {
                StringBuilder script = new StringBuilder("configure\n");
                for (int n = 0; n < 30; n++) {
                    String lifetime = Integer.toString(1001 + round * 100 + n);
                    committed.add(lifetime);
                    script.append("set security ike proposal p1 lifetime-seconds ").append(lifetime).append("\ncommit\n");
                }
                CompletableFuture<String> committing = CompletableFuture.supplyAsync(() -> {
                    try {
                        return distribution.batch(script.toString());
                    } catch (Exception e) {
                        return e.toString();
                    }
                });
                Thread.sleep(1800 + random.nextInt(1500));
                distribution.kill();
                committing.get();
                distribution.restart();

                String active = distribution.batch("show configuration security ike proposal p1\n");
                Matcher matcher = LIFETIME.matcher(active);
                assertTrue("active configuration readable after kill: " + active, matcher.find());
                String lifetime = matcher.group(1);
                assertTrue("active lifetime " + lifetime + " is one that was committed", committed.contains(lifetime));
                String history = distribution.batch("show system commit\n");
                assertTrue(history, history.startsWith("0   "));
                String projected = distribution.batch(
                        "config:list \"(&(service.factoryPid=org.secplane.ike.proposal)(secplane.name=p1))\"\n");
                assertTrue("Config Admin matches the active configuration:\n" + projected,
                        projected.contains("lifetime-seconds = " + lifetime));
                String after = distribution.batch("configure\nset security ike proposal p1 lifetime-seconds 999\ncommit\n");
                assertTrue("commits work after the restart: " + after, after.contains("commit complete"));
                committed.add("999");
                assertEquals(1, count(distribution.batch("show configuration security ike proposal p1\n"), "lifetime-seconds 999;"));
            }
        }
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
