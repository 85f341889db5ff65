package org.secplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Every configuration example of the specs, loaded through the real shell ({@code bin/client -b}) into
 * an empty candidate and checked with {@code commit check}: the same expectations as
 * {@link SpecExamplesTest}, proved in the distribution users run.
 */
public class SpecExamplesIT {

    private static final int PER_SESSION = 12;

    @Test
    public void everyExampleLoadsAndPassesCommitCheckThroughTheShell() throws Exception {
        List<SpecExample> examples = SpecExample.all();
        assertTrue("examples found", examples.size() >= 20);
        Path empty = Files.createTempFile("empty", ".conf");
        List<String> failures = new ArrayList<>();
        try (RunningDistribution distribution = RunningDistribution.start(Paths.get("target/dist-examples"), Map.of())) {
            for (int from = 0; from < examples.size(); from += PER_SESSION) {
                List<SpecExample> batch = examples.subList(from, Math.min(examples.size(), from + PER_SESSION));
                StringBuilder script = new StringBuilder();
                for (int i = 0; i < batch.size(); i++) {
                    SpecExample example = batch.get(i);
                    script.append("echo example-section-").append(i).append("\n")
                            .append("configure\nload override ").append(empty).append('\n')
                            .append(example.isSetForm() ? "load set " : "load merge ").append(example.file).append('\n')
                            .append("commit check\nexit\n");
                }
                script.append("echo example-section-end\n");
                String output = distribution.batch(script.toString());
                for (int i = 0; i < batch.size(); i++) {
                    String start = "example-section-" + i + "\n";
                    String end = i + 1 < batch.size() ? "example-section-" + (i + 1) + "\n" : "example-section-end";
                    int s = output.indexOf(start);
                    int e = output.indexOf(end);
                    if (s < 0 || e < s) {
                        failures.add(batch.get(i) + ": no output section in:\n" + output);
                        continue;
                    }
                    String section = output.substring(s + start.length(), e);
                    boolean succeeded = section.contains("configuration check succeeds") && !section.contains("error:");
                    String mismatch = batch.get(i).mismatch(succeeded, section);
                    if (mismatch != null) {
                        failures.add(batch.get(i) + " (" + batch.get(i).source + "): " + mismatch);
                    }
                }
            }
        }
        assertEquals(String.join("\n\n", failures), 0, failures.size());
    }
}
