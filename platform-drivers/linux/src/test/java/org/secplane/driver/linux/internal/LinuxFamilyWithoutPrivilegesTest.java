package org.secplane.driver.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secplane.driver.PlatformSelection;

/** Hardware that is absent registers nothing usable and says why; it is never an error. */
class LinuxFamilyWithoutPrivilegesTest {

    @Test
    void withoutPrivilegesTheFamilyExistsAndSaysWhy() {
        LinuxFamily unprivileged = new LinuxFamily(Map.of(), HostInterfaces.system(), PlatformSelection.Host.of(true, false, true));
        assertFalse(unprivileged.isReady());
        assertEquals("not ready: no CAP_NET_ADMIN: run secplane as root (or grant it CAP_NET_ADMIN)", unprivileged.status());
        IOException e = assertThrows(IOException.class, () -> unprivileged.tunnel("st0.0"));
        assertTrue(e.getMessage().contains("not ready"), e.getMessage());
        unprivileged.close();
    }

    @Test
    void withoutTunTheStatusSaysHowToGetIt() {
        LinuxFamily noTun = new LinuxFamily(Map.of(), HostInterfaces.system(), PlatformSelection.Host.of(true, true, false));
        assertEquals("not ready: no /dev/net/tun: load the tun module (modprobe tun)", noTun.status());
        noTun.close();
        assertEquals("stopped", noTun.status());
    }
}
