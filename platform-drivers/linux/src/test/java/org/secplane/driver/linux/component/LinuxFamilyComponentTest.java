package org.secplane.driver.linux.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secplane.driver.DeviceFamily;

/** The linux family registers (with its interface-mapping commit check) only when selected, and follows changes. */
class LinuxFamilyComponentTest {

    private final FakeBundleContext bundle = new FakeBundleContext();
    private final LinuxFamilyComponent component = new LinuxFamilyComponent();

    @Test
    void itRegistersNothingWhenTheSimulatorIsSelected() {
        component.activate(bundle.context(), Map.of("family", "simulator"));
        assertEquals(List.of(), bundle.types());
    }

    @Test
    void selectedItRegistersTheFamilyAndTheMappingCheckAndFollowsTheInterfaceMap() {
        component.activate(bundle.context(), Map.of("family", "linux", "interface-map", "ge-0/0/3:eth9"));
        assertEquals(List.of("CommitCheck", "DeviceFamily"), bundle.types());
        DeviceFamily family = (DeviceFamily) bundle.service("DeviceFamily");
        assertEquals("linux", family.name());
        assertEquals(Optional.of("eth9"), family.hostInterface("ge-0/0/3.0"));
        assertEquals("linux", bundle.live.get(1).properties.get("device.family"));

        component.modified(Map.of("family", "linux", "interface-map", "ge-0/0/3:eth8"));
        DeviceFamily remapped = (DeviceFamily) bundle.service("DeviceFamily");
        assertEquals(Optional.of("eth8"), remapped.hostInterface("ge-0/0/3.0"));
        assertEquals("stopped", family.status());

        component.modified(Map.of("family", "simulator"));
        assertEquals(List.of(), bundle.types());
        assertTrue(remapped.status().equals("stopped"));
    }
}
