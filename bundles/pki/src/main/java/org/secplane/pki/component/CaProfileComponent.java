package org.secplane.pki.component;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.secplane.pki.internal.cert.CaProfile;

/**
 * One committed CA profile: SCR makes one instance per factory configuration of
 * {@code org.secplane.pki.ca-profile} that the configuration engine projects from
 * {@code [edit security pki ca-profile NAME]} (or that a {@code .cfg} file in {@code etc/} provides), and
 * removes it when the profile is deleted and committed. The certificate commands accept a CA certificate
 * only for a profile that exists.
 */
@Component(service = CaProfileComponent.class, configurationPid = "org.secplane.pki.ca-profile",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class CaProfileComponent {

    private final CaProfile profile;

    @Activate
    public CaProfileComponent(Map<String, Object> properties) {
        this.profile = CaProfile.fromProperties(properties);
    }

    public CaProfile profile() {
        return profile;
    }
}
