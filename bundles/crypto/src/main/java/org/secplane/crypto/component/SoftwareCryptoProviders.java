package org.secplane.crypto.component;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.internal.software.BouncyCastleProvider;
import org.secplane.crypto.internal.software.JcaProvider;
import org.secplane.crypto.spi.CryptoProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the two software providers as {@link CryptoProvider} services, each with its name, driver
 * and claimed algorithms as service properties. What they actually offer is decided by the
 * registry's known-answer tests.
 */
@Component(immediate = true)
public class SoftwareCryptoProviders {

    private static final Logger LOG = LoggerFactory.getLogger(SoftwareCryptoProviders.class);

    private final List<ServiceRegistration<CryptoProvider>> registrations = new ArrayList<>();

    @Activate
    void activate(BundleContext context) {
        register(context, new JcaProvider());
        Bundle bouncyCastle = FrameworkUtil.getBundle(org.bouncycastle.math.ec.rfc7748.X25519.class);
        register(context, bouncyCastle == null ? new BouncyCastleProvider()
                : new BouncyCastleProvider(bouncyCastle.getVersion().toString()));
    }

    private void register(BundleContext context, CryptoProvider provider) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("crypto.provider.name", provider.name());
        properties.put("crypto.provider.driver", provider.driver());
        properties.put("crypto.algorithms", provider.algorithms().stream().map(Algorithm::label).toArray(String[]::new));
        registrations.add(context.registerService(CryptoProvider.class, provider, properties));
        LOG.debug("crypto provider {} registered as a service", provider.name());
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<CryptoProvider> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping the bundle
            }
        }
        registrations.clear();
    }
}
