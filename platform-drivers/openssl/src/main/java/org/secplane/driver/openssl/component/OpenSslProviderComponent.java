package org.secplane.driver.openssl.component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.ProviderStatus;
import org.secplane.crypto.spi.CryptoProvider;
import org.secplane.driver.openssl.internal.OpenSslLibrary;
import org.secplane.driver.openssl.internal.OpenSslProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes libcrypto at activation and, only if it is usable (OpenSSL 3.0 or later with every function
 * the driver calls), registers the {@code openssl} {@link CryptoProvider}. If it is not, it registers
 * no provider, logs one line saying why, and publishes the reason: from {@link #status()}, and as a
 * {@link ProviderStatus} service ({@code state} = the reason, no capabilities) with the service
 * properties {@code crypto.provider.name} and {@code crypto.provider.state}, so that
 * {@code show security crypto providers} can print {@code openssl: libcrypto not found}.
 *
 * <p>Configuration (PID {@code org.secplane.driver.openssl}, optional): {@code library} = the library
 * names to try, in order (default {@code crypto}, then {@code libcrypto.so.3}).
 */
@Component(immediate = true, configurationPid = OpenSslProviderComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
public class OpenSslProviderComponent {

    public static final String PID = "org.secplane.driver.openssl";
    public static final String LIBRARY_PROPERTY = "library";
    public static final String NAME_PROPERTY = "crypto.provider.name";
    public static final String DRIVER_PROPERTY = "crypto.provider.driver";
    public static final String STATE_PROPERTY = "crypto.provider.state";
    public static final String ALGORITHMS_PROPERTY = "crypto.algorithms";
    public static final String ACTIVE = "active";
    static final List<String> DEFAULT_LIBRARIES = List.of("crypto", "libcrypto.so.3");

    private static final Logger LOG = LoggerFactory.getLogger(OpenSslProviderComponent.class);

    private volatile String status = "not started";
    private volatile String driver = "libcrypto";
    private volatile OpenSslProvider provider;
    private ServiceRegistration<?> registration;

    @Activate
    void activate(BundleContext context, Map<String, Object> properties) {
        List<String> libraries = libraries(properties.get(LIBRARY_PROPERTY));
        OpenSslLibrary library;
        try {
            library = OpenSslLibrary.probe(libraries);
        } catch (OpenSslLibrary.UnavailableException unavailable) {
            status = unavailable.getMessage();
            LOG.info("openssl crypto provider not registered: {}", status);
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(NAME_PROPERTY, OpenSslProvider.NAME);
            props.put(STATE_PROPERTY, status);
            registration = context.registerService(ProviderStatus.class,
                    new ProviderStatus(OpenSslProvider.NAME, driver, status, List.of()), props);
            return;
        }
        OpenSslProvider created = new OpenSslProvider(library);
        provider = created;
        driver = created.driver();
        status = ACTIVE;
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(NAME_PROPERTY, OpenSslProvider.NAME);
        props.put(DRIVER_PROPERTY, driver);
        props.put(STATE_PROPERTY, ACTIVE);
        props.put(ALGORITHMS_PROPERTY,
                created.algorithms().stream().map(Algorithm::label).toArray(String[]::new));
        registration = context.registerService(CryptoProvider.class, created, props);
        String left = created.unavailable().isEmpty() ? ""
                : "; not offered: " + created.unavailable().entrySet().stream()
                        .map(e -> e.getKey().label() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
        LOG.info("openssl crypto provider registered: {}, {} algorithms{}", driver, created.algorithms().size(), left);
    }

    @Deactivate
    void deactivate() {
        ServiceRegistration<?> registered = registration;
        registration = null;
        provider = null;
        if (registered != null) {
            try {
                registered.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it with the bundle
            }
        }
        status = "stopped";
    }

    /** {@code active}, or why no provider is registered (e.g. {@code libcrypto not found (tried crypto, …)}). */
    public String status() {
        return status;
    }

    /** The library and version, e.g. {@code libcrypto.so.3 (OpenSSL 3.0.19 27 Jan 2026)}. */
    public String driver() {
        return driver;
    }

    /** The registered provider, or null. */
    public CryptoProvider provider() {
        return provider;
    }

    static List<String> libraries(Object configured) {
        List<String> names = new ArrayList<>();
        if (configured instanceof String[]) {
            names.addAll(Arrays.asList((String[]) configured));
        } else if (configured instanceof Collection) {
            for (Object name : (Collection<?>) configured) {
                names.add(String.valueOf(name));
            }
        } else if (configured != null) {
            names.addAll(Arrays.asList(String.valueOf(configured).split(",")));
        }
        names.replaceAll(String::trim);
        names.removeIf(String::isEmpty);
        return names.isEmpty() ? DEFAULT_LIBRARIES : names;
    }
}
