package org.secplane.itests;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The scripting contract later features rely on: after {@code bin/start},
 * {@code printf 'CMD\n' | bin/client -u admin -p admin -b} answers, and several piped lines run in one
 * session, in order.
 */
public class ClientBatchModeIT {

    private static RunningDistribution distribution;

    @BeforeClass
    public static void startDistribution() throws Exception {
        distribution = RunningDistribution.start(Paths.get("target/dist-client"), Map.of());
    }

    @AfterClass
    public static void stopDistribution() throws Exception {
        if (distribution != null) {
            distribution.close();
        }
    }

    @Test
    public void pipedLinesRunInOneSessionInOrder() throws Exception {
        String output = distribution.batch("show version\nbundle:list -s -t 0 org.secplane.core\nshell:echo last-line\n");
        int version = output.indexOf("secplane release");
        int bundle = output.indexOf("org.secplane.core");
        int last = output.indexOf("last-line");
        assertTrue(output, version >= 0 && bundle > version && last > bundle);
    }

    @Test
    public void stateLivesInTheDocumentedDirectory() throws Exception {
        String output = distribution.batch("show version\n");
        Path state = distribution.home().resolve("state").toAbsolutePath();
        assertTrue(output, output.contains("State directory: " + state));
        assertTrue("state directory is not under data/, so 'bin/start clean' keeps it",
                !state.startsWith(distribution.home().resolve("data")));
        assertTrue(Files.isDirectory(distribution.home().resolve("etc")));
    }
}
