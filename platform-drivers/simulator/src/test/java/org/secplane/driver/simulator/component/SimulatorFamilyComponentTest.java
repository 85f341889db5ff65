package org.secplane.driver.simulator.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secplane.driver.DeviceFamily;

/**
 * The simulator registers its family only when selected, and its accelerator only when configured, and
 * follows changes of the platform configuration.
 */
class SimulatorFamilyComponentTest {

    @TempDir
    Path directory;

    private final FakeBundleContext bundle = new FakeBundleContext();
    private final SimulatorFamilyComponent component = new SimulatorFamilyComponent();

    @Test
    void itRegistersNothingWhenAnotherFamilyIsSelected() {
        component.activate(bundle.context(), Map.of("family", "linux"));
        assertEquals(List.of(), bundle.types());
        component.deactivate();
    }

    @Test
    void selectedItRegistersTheFamilyAndItsConfigurationListenerButNoAcceleratorUnlessConfigured() throws Exception {
        component.activate(bundle.context(), Map.of("family", "simulator", "simulator-network", "component-test"));
        assertEquals(List.of("CommitListener", "DeviceFamily"), bundle.types());
        DeviceFamily first = (DeviceFamily) bundle.service("DeviceFamily");
        assertEquals("simulator", first.name());
        assertTrue(first.hardware().contains("simulated network 'component-test'"), first.hardware());

        Path file = directory.resolve("acc.properties");
        Files.writeString(file, "name = simacc\nalgorithms = aes-128-cbc sha2-256\nmax-sas = 4\noffload-modes = crypto\n");
        component.modified(Map.of("family", "simulator", "accelerator", file.toString()));
        assertEquals(List.of("CommitListener", "DeviceFamily", "CryptoProvider", "SaOffload"), bundle.types());
        DeviceFamily second = (DeviceFamily) bundle.service("DeviceFamily");
        assertNotSame(first, second);
        assertEquals(1, second.offloads().size());
        assertTrue(bundle.live.get(2).properties.get("crypto.provider.name").equals("simacc"));

        component.modified(Map.of("family", "simulator", "accelerator", file.toString())); // the same again: nothing moves
        assertEquals(second, bundle.service("DeviceFamily"));

        component.modified(Map.of("family", "linux"));
        assertEquals(List.of(), bundle.types(), "another family selected: everything goes");
        assertEquals("stopped", second.status());
    }

    @Test
    void aBrokenAcceleratorFileLeavesTheFamilyUpAndSaysWhy() {
        component.activate(bundle.context(), Map.of("family", "simulator", "accelerator", directory.resolve("missing").toString()));
        assertEquals(List.of("CommitListener", "DeviceFamily"), bundle.types());
        String status = ((DeviceFamily) bundle.service("DeviceFamily")).status();
        assertTrue(status.contains("accelerator not loaded: "), status);
        component.deactivate();
        assertEquals(List.of(), bundle.types());
    }

    @Test
    void aMalformedConfigurationStartsNothing() {
        component.activate(bundle.context(), Map.of("family", "simulator", "interface-map", "ge-0/0/0"));
        assertEquals(List.of(), bundle.types());
    }
}
