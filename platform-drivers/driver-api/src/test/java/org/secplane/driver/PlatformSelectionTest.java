package org.secplane.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one rule by which exactly one family registers: configured, else detected. */
class PlatformSelectionTest {

    @ParameterizedTest(name = "linux={0} admin={1} tun={2} -> {3}")
    @CsvSource({
        "true,  true,  true,  linux,     'detected: Linux with CAP_NET_ADMIN and /dev/net/tun'",
        "true,  false, true,  simulator, 'detected: no CAP_NET_ADMIN (not root)'",
        "true,  true,  false, simulator, 'detected: no /dev/net/tun'",
        "false, false, false, simulator, 'detected: not Linux'",
    })
    void withoutAFamilyItIsDetected(boolean linux, boolean admin, boolean tun, String family, String reason) {
        PlatformSelection selection = PlatformSelection.of(Map.of(), PlatformSelection.Host.of(linux, admin, tun));
        assertEquals(family, selection.family());
        assertEquals(reason, selection.reason());
        assertTrue(selection.selects(family));
    }

    @Test
    void aConfiguredFamilyWinsOverDetection() {
        PlatformSelection selection = PlatformSelection.of(Map.of("family", " Simulator "),
                PlatformSelection.Host.of(true, true, true));
        assertEquals("simulator", selection.family());
        assertEquals("configured in org.secplane.platform", selection.reason());
        assertEquals("default", selection.simulatorNetwork());
        assertEquals(Optional.empty(), selection.accelerator());
        PlatformSelection vendor = PlatformSelection.of(Map.of("family", "acme-npu"), PlatformSelection.Host.of(false, false, false));
        assertEquals("acme-npu", vendor.family());
        assertThrows(IllegalArgumentException.class,
                () -> PlatformSelection.of(Map.of("family", "two words"), PlatformSelection.Host.of(true, true, true)));
    }

    @Test
    void theInterfaceMapMapsInterfacesAndUnits() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("interface-map", "ge-0/0/0:vlan, ge-0/0/3:vext,ge-0/0/3.100:vext.100");
        properties.put("accelerator", "simacc.properties");
        properties.put("simulator-network", "lab");
        PlatformSelection selection = PlatformSelection.of(properties, PlatformSelection.Host.of(true, true, true));
        assertEquals(List.of("ge-0/0/0", "ge-0/0/3", "ge-0/0/3.100"), List.copyOf(selection.interfaceMap().keySet()));
        Map<String, String> map = selection.interfaceMap();
        assertEquals(Optional.of("vext"), PlatformSelection.hostInterface(map, "ge-0/0/3.0"));
        assertEquals(Optional.of("vext.100"), PlatformSelection.hostInterface(map, "ge-0/0/3.100"));
        assertEquals(Optional.of("vlan"), PlatformSelection.hostInterface(map, "ge-0/0/0"));
        assertEquals(Optional.empty(), PlatformSelection.hostInterface(map, "ge-0/0/1.0"));
        assertEquals(Optional.of("simacc.properties"), selection.accelerator());
        assertEquals("lab", selection.simulatorNetwork());
    }

    @Test
    void aBadInterfaceMapNamesTheEntry() {
        IllegalArgumentException noColon = assertThrows(IllegalArgumentException.class,
                () -> PlatformSelection.parseInterfaceMap("ge-0/0/0=eth0"));
        assertTrue(noColon.getMessage().contains("interface-map entry 'ge-0/0/0=eth0' is not <junos-interface>:<host-interface>"),
                noColon.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlatformSelection.parseInterfaceMap("ge-0/0/0:a/b"));
        assertThrows(IllegalArgumentException.class, () -> PlatformSelection.parseInterfaceMap("ge-0/0/0:averyveryverylongname"));
        assertThrows(IllegalArgumentException.class, () -> PlatformSelection.parseInterfaceMap("ge-0/0/0:eth0 ge-0/0/0:eth1"));
        assertEquals(Map.of(), PlatformSelection.parseInterfaceMap("  "));
    }

    @Test
    void effectiveCapabilitiesAreReadFromProcStatus(@TempDir Path directory) throws Exception {
        Path status = directory.resolve("status");
        Files.writeString(status, "Name:\tjava\nCapInh:\t0000000000000000\nCapEff:\t000001fffeffffff\n");
        assertEquals(Optional.of(0x1fffeffffffL), PlatformSelection.effectiveCapabilities(status));
        Files.writeString(status, "Name:\tjava\nCapEff:\t0000000000000000\n");
        assertEquals(Optional.of(0L), PlatformSelection.effectiveCapabilities(status));
        assertEquals(Optional.empty(), PlatformSelection.effectiveCapabilities(directory.resolve("missing")));
    }
}
