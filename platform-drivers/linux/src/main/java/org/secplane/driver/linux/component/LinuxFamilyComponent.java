package org.secplane.driver.linux.component;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.secplane.config.CommitCheck;
import org.secplane.driver.DeviceFamily;
import org.secplane.driver.PlatformSelection;
import org.secplane.driver.linux.internal.InterfaceMappingCheck;
import org.secplane.driver.linux.internal.LinuxFamily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the linux {@link DeviceFamily} when {@code etc/org.secplane.platform.cfg} selects it
 * ({@code family = linux}, or detection: Linux, CAP_NET_ADMIN and /dev/net/tun; see
 * {@link PlatformSelection}), together with the {@link CommitCheck} that every configured interface but
 * st0 and lo0 is mapped to a host interface. Follows changes of the file; registers nothing when another
 * family is selected. Deactivation removes the TUN devices and secplane's routes from the host.
 */
@Component(configurationPid = PlatformSelection.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {})
public class LinuxFamilyComponent {

    private static final Logger LOG = LoggerFactory.getLogger(LinuxFamilyComponent.class);

    private BundleContext context;
    private List<Object> applied;
    private LinuxFamily family;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    synchronized void activate(BundleContext context, Map<String, Object> properties) {
        this.context = context;
        apply(properties);
    }

    @Modified
    synchronized void modified(Map<String, Object> properties) {
        apply(properties);
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
    }

    private void apply(Map<String, Object> properties) {
        PlatformSelection selection;
        try {
            selection = PlatformSelection.of(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("{}; the linux device family is not started", e.getMessage());
            stop();
            applied = null;
            return;
        }
        List<Object> wanted = List.of(selection.family(), selection.interfaceMap());
        if (Objects.equals(wanted, applied)) {
            return;
        }
        stop();
        applied = wanted;
        if (!selection.selects(LinuxFamily.NAME)) {
            LOG.debug("device family {}: linux stays inactive", selection);
            return;
        }
        LinuxFamily created = new LinuxFamily(selection.interfaceMap());
        family = created;
        Hashtable<String, Object> checkProperties = new Hashtable<>();
        checkProperties.put("service.description", "linux family: Junos interfaces need host interfaces");
        registrations.add(context.registerService(CommitCheck.class,
                new InterfaceMappingCheck(selection.interfaceMap(), created.hostInterfaces()), checkProperties));
        Hashtable<String, Object> familyProperties = new Hashtable<>();
        familyProperties.put("service.description", "linux device family");
        familyProperties.put("device.family", LinuxFamily.NAME);
        registrations.add(context.registerService(DeviceFamily.class, created, familyProperties));
        if (created.isReady()) {
            LOG.info("device family linux active ({}): {}", selection.reason(), created.hardware());
        } else {
            LOG.warn("device family linux selected ({}) but {}", selection.reason(), created.status());
        }
    }

    private void stop() {
        for (int i = registrations.size() - 1; i >= 0; i--) {
            try {
                registrations.get(i).unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping the bundle
            }
        }
        registrations.clear();
        if (family != null) {
            family.close();
            family = null;
        }
    }
}
