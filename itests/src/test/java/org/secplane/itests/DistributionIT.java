package org.secplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/** The distribution as users start it: every bundle works and the secplane shell answers. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionIT extends KarafTestSupport {

    @Configuration
    public Option[] config() {
        return distribution();
    }

    @Test
    public void noBundleIsInFailureOrInstalledState() throws Exception {
        assertEquals("bundles not active", List.of(), bundlesNotActive());
        assertEquals("secplane components not working", List.of(), secplaneComponentsNotWorking());
    }

    @Test
    public void thirdPartyLibrariesAreInstalledExactlyOnce() {
        for (String symbolicName : List.of("bcprov", "bcutil", "bcpkix", "org.apache.felix.scr")) {
            List<String> versions = Arrays.stream(bundleContext.getBundles())
                    .filter(b -> symbolicName.equals(b.getSymbolicName()))
                    .map(b -> b.getVersion().toString())
                    .collect(Collectors.toList());
            assertEquals(symbolicName + " versions installed", 1, versions.size());
        }
    }

    @Test
    public void everySecplaneModuleIsActive() {
        List<Bundle> secplane = Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName().startsWith("org.secplane."))
                .collect(Collectors.toList());
        assertTrue("secplane bundles present", secplane.size() >= 2);
        for (Bundle bundle : secplane) {
            assertEquals(bundle.getSymbolicName() + " state", Bundle.ACTIVE, bundle.getState());
        }
    }

    @Test
    public void showVersionRunsThroughTheShellAndListsTheModules() throws Exception {
        String output = execute("show version");
        Bundle cli = Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.secplane.cli")).findFirst().orElseThrow();
        assertTrue(output, output.contains("secplane release " + cli.getVersion()));
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getSymbolicName().startsWith("org.secplane.")) {
                assertTrue(output, output.lines().anyMatch(
                        line -> line.startsWith(bundle.getSymbolicName() + " ") && line.endsWith("Active")));
            }
        }
    }
}
