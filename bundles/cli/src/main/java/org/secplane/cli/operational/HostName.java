package org.secplane.cli.operational;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.secplane.config.ConfigurationService;

/** The device's name: {@code system host-name} when configured, else {@code secplane}. */
public final class HostName {

    public static final String DEFAULT = "secplane";

    private HostName() {
    }

    public static String of(ConfigurationService configuration) {
        if (configuration == null) {
            return DEFAULT;
        }
        try {
            return configuration.active().leaf("system", "host-name").orElse(DEFAULT);
        } catch (RuntimeException notRunning) {
            return DEFAULT;
        }
    }

    static String of(BundleContext context) {
        ServiceReference<ConfigurationService> reference = context.getServiceReference(ConfigurationService.class);
        if (reference == null) {
            return DEFAULT;
        }
        ConfigurationService configuration = context.getService(reference);
        try {
            return of(configuration);
        } finally {
            context.ungetService(reference);
        }
    }
}
