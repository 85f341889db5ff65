package org.secplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Each secplane feature installs alone into a bare container (the distribution booted with the Karaf
 * framework only, no secplane, no shell, no SCR) and leaves it clean when uninstalled.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FeaturesIT extends KarafTestSupport {

    private static final EnumSet<FeaturesService.Option> NO_REFRESH =
            EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Configuration
    public Option[] config() {
        return distribution(editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot", "framework"));
    }

    @Test
    public void eachSecplaneFeatureInstallsAloneAndUninstallsCleanly() throws Exception {
        FeaturesService features = service(FeaturesService.class);
        List<String> names = Arrays.stream(features.listFeatures())
                .map(Feature::getName)
                .filter(name -> name.startsWith("secplane"))
                .sorted()
                .distinct()
                .collect(Collectors.toList());
        assertTrue("secplane features found: " + names, names.contains("secplane") && names.size() >= 3);
        assertFalse("container must start without secplane", hasSecplaneBundles());
        Set<String> baseline = bundleNames();

        List<String> failures = new ArrayList<>();
        for (String name : names) {
            // no refresh: the test probe itself is wired to packages of the bundles coming and going
            features.installFeature(name, NO_REFRESH);
            List<String> broken = bundlesNotActive();
            broken.addAll(secplaneComponentsNotWorking());
            if (!broken.isEmpty()) {
                failures.add(name + ": " + broken);
            }
            features.uninstallFeature(name, NO_REFRESH);
            Set<String> left = bundleNames();
            left.removeAll(baseline);
            if (!left.isEmpty()) {
                failures.add(name + " left bundles behind after uninstall: " + left);
            }
        }
        assertEquals("features that did not install alone", List.of(), failures);
    }

    private boolean hasSecplaneBundles() {
        return Arrays.stream(bundleContext.getBundles()).anyMatch(b -> b.getSymbolicName().startsWith("org.secplane."));
    }

    private Set<String> bundleNames() {
        Set<String> names = new TreeSet<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            names.add(bundle.getSymbolicName() + "/" + bundle.getVersion());
        }
        return names;
    }
}
