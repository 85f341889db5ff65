package org.secplane.ipsec.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secplane.config.ConfigView;
import org.secplane.ike.internal.config.IkeConfiguration;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.internal.ConfigurationFixture;
import org.secplane.ipsec.internal.config.IpsecConfiguration;
import org.secplane.ipsec.internal.forward.TestCrypto;
import org.secplane.network.internal.config.NetworkConfiguration;

/**
 * The configuration service is an optional reference of the data plane (the configuration engine binds the
 * data plane as a commit listener while it activates; a mandatory reference back made a circle that SCR could
 * leave unbound): a commit that arrives before the service cannot open manual keys, so the manual SA waits,
 * with its reason, and is installed as soon as the service binds.
 */
class DataPlaneComponentTest {

    @TempDir
    Path state;

    @Test
    void aManualSaCommittedBeforeTheConfigurationServiceBindsIsInstalledWhenItDoes() throws Exception {
        try (ConfigurationFixture configuration = new ConfigurationFixture(state, new NetworkConfiguration(),
                new IkeConfiguration(), new IpsecConfiguration())) {
            ConfigView active = configuration.commit(
                    "interfaces ge-0/0/3 unit 0 family inet address 1.1.1.2/30",
                    "security ipsec vpn site manual gateway 1.1.1.1",
                    "security ipsec vpn site manual external-interface ge-0/0/3.0",
                    "security ipsec vpn site manual spi 12435",
                    "security ipsec vpn site manual protocol esp",
                    "security ipsec vpn site manual authentication algorithm hmac-sha1-96 key ascii-text 12345678901234567890");
            DataPlaneComponent component = new DataPlaneComponent(new TunnelInterfacesComponent(), TestCrypto.direct());
            try {
                component.committed(active, null);
                assertTrue(component.dataPlane().pairs().isEmpty());
                assertTrue(component.dataPlane().manualErrors().get("site").contains("configuration service"),
                        component.dataPlane().manualErrors().toString());

                component.addConfiguration(configuration.service());
                assertEquals(1, component.dataPlane().pairs().size());
                assertEquals(ChildSa.Origin.MANUAL, component.dataPlane().pairs().get(0).childSa().origin());
                assertTrue(component.dataPlane().manualErrors().isEmpty());
            } finally {
                component.deactivate();
            }
        }
    }
}
