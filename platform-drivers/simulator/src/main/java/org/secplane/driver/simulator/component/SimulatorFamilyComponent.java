package org.secplane.driver.simulator.component;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.secplane.config.CommitListener;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.spi.CryptoProvider;
import org.secplane.driver.DeviceFamily;
import org.secplane.driver.PlatformSelection;
import org.secplane.driver.SaOffload;
import org.secplane.driver.simulator.internal.SimulatedNetwork;
import org.secplane.driver.simulator.internal.SimulatorFamily;
import org.secplane.driver.simulator.internal.accelerator.SimulatedAccelerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the simulator {@link DeviceFamily} when {@code etc/org.secplane.platform.cfg} selects it
 * ({@code family = simulator}, or detection when the file sets no family; see {@link PlatformSelection}),
 * with a {@link CommitListener} that gives its external interfaces their configured addresses, and, only
 * when {@code accelerator = <file>} is configured, the simulated accelerator as a {@link CryptoProvider}
 * and an {@link SaOffload}. Follows changes of the file; registers nothing when another family is selected.
 */
@Component(configurationPid = PlatformSelection.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {})
public class SimulatorFamilyComponent {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorFamilyComponent.class);

    private BundleContext context;
    private List<Object> applied;
    private SimulatorFamily family;
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
            LOG.error("{}; the simulator device family is not started", e.getMessage());
            stop();
            applied = null;
            return;
        }
        List<Object> wanted = List.of(selection.family(), selection.interfaceMap(), selection.accelerator(),
                selection.simulatorNetwork());
        if (Objects.equals(wanted, applied)) {
            return;
        }
        stop();
        applied = wanted;
        if (!selection.selects(SimulatorFamily.NAME)) {
            LOG.debug("device family {}: the simulator stays inactive", selection);
            return;
        }
        start(selection);
    }

    private void start(PlatformSelection selection) {
        SimulatedAccelerator accelerator = null;
        String problem = null;
        if (selection.accelerator().isPresent()) {
            Path file = resolve(selection.accelerator().get());
            try {
                accelerator = SimulatedAccelerator.load(file);
            } catch (java.nio.file.NoSuchFileException e) {
                problem = "accelerator not loaded: no such file " + file;
                LOG.error("simulated accelerator: no such file {}", file);
            } catch (Exception e) {
                problem = "accelerator not loaded: " + e.getMessage();
                LOG.error("simulated accelerator {}: {}", file, e.getMessage());
            }
        }
        SimulatedNetwork network = SimulatedNetwork.named(selection.simulatorNetwork());
        SimulatorFamily created = new SimulatorFamily(network, nodeName(), selection.interfaceMap(), accelerator);
        if (problem != null) {
            created.addNote(problem);
        }
        family = created;
        registrations.add(context.registerService(CommitListener.class, (active, commit) -> created.configure(active),
                properties("simulator external interfaces")));
        Hashtable<String, Object> familyProperties = properties("simulator device family");
        familyProperties.put("device.family", SimulatorFamily.NAME);
        registrations.add(context.registerService(DeviceFamily.class, created, familyProperties));
        if (accelerator != null) {
            CryptoProvider provider = accelerator.crypto();
            Hashtable<String, Object> cryptoProperties = properties("simulated accelerator " + provider.name());
            cryptoProperties.put("crypto.provider.name", provider.name());
            cryptoProperties.put("crypto.provider.driver", provider.driver());
            cryptoProperties.put("crypto.algorithms", provider.algorithms().stream().map(Algorithm::label).toArray(String[]::new));
            registrations.add(context.registerService(CryptoProvider.class, provider, cryptoProperties));
            if (!accelerator.spec().offloadModes().isEmpty()) {
                SaOffload offload = accelerator.offload();
                Hashtable<String, Object> offloadProperties = properties("simulated accelerator " + offload.name());
                offloadProperties.put("offload.name", offload.name());
                offloadProperties.put("offload.modes", accelerator.spec().offloadModes().stream()
                        .map(m -> m.name().toLowerCase(Locale.ROOT)).toArray(String[]::new));
                offloadProperties.put("offload.max-sas", offload.maxSas());
                offloadProperties.put("offload.features", offload.features().toArray(new String[0]));
                offloadProperties.put("device.family", SimulatorFamily.NAME);
                registrations.add(context.registerService(SaOffload.class, offload, offloadProperties));
            }
        }
        LOG.info("device family simulator active ({}), {}", selection.reason(), created.hardware());
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

    private static Hashtable<String, Object> properties(String description) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("service.description", description);
        return properties;
    }

    /** A relative data file name is relative to Karaf's etc/ directory. */
    static Path resolve(String file) {
        Path path = Path.of(file);
        if (path.isAbsolute()) {
            return path;
        }
        String etc = System.getProperty("karaf.etc");
        return etc == null ? path.toAbsolutePath() : Path.of(etc).resolve(path);
    }

    private static String nodeName() {
        String name = System.getProperty("karaf.name");
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "secplane";
        }
    }
}
