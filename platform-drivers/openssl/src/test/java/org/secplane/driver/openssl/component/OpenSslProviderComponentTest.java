package org.secplane.driver.openssl.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.ProviderStatus;
import org.secplane.crypto.spi.CryptoProvider;

/** The DS component without a framework: a recording {@link BundleContext} stands in for it. */
class OpenSslProviderComponentTest {

    /** One registerService call, and whether it was undone. */
    static final class Registration {
        final String type;
        final Object service;
        final Dictionary<?, ?> properties;
        boolean unregistered;

        Registration(String type, Object service, Dictionary<?, ?> properties) {
            this.type = type;
            this.service = service;
            this.properties = properties;
        }
    }

    static final class RecordingContext {
        final List<Registration> registrations = new ArrayList<>();

        BundleContext context() {
            return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                    (proxy, method, args) -> {
                        if (!method.getName().equals("registerService")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        Object type = args[0];
                        String name = type instanceof Class ? ((Class<?>) type).getName()
                                : type instanceof String[] ? String.join(",", (String[]) type) : (String) type;
                        Registration registration = new Registration(name, args[1], (Dictionary<?, ?>) args[2]);
                        registrations.add(registration);
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                                (p, m, a) -> {
                                    if (m.getName().equals("unregister")) {
                                        registration.unregistered = true;
                                        return null;
                                    }
                                    throw new UnsupportedOperationException(m.getName());
                                });
                    });
        }

        long live(Class<?> type) {
            return registrations.stream().filter(r -> r.type.equals(type.getName()) && !r.unregistered).count();
        }
    }

    @Test
    void aMissingLibraryRegistersNoProviderAndSaysWhy() {
        RecordingContext framework = new RecordingContext();
        OpenSslProviderComponent component = new OpenSslProviderComponent();
        component.activate(framework.context(), Map.of("library", new String[] {"secplane-no-such-crypto-library"}));

        assertEquals(0, framework.live(CryptoProvider.class), "no CryptoProvider service");
        assertNull(component.provider());
        assertTrue(component.status().startsWith("libcrypto not found"), component.status());
        Registration status = framework.registrations.get(0);
        assertEquals(ProviderStatus.class.getName(), status.type, "the reason is published as a ProviderStatus");
        assertEquals("openssl", ((ProviderStatus) status.service).name());
        assertEquals(component.status(), ((ProviderStatus) status.service).state());
        assertEquals(component.status(), status.properties.get(OpenSslProviderComponent.STATE_PROPERTY));

        component.deactivate();
        assertEquals(0, framework.live(ProviderStatus.class));
    }

    @Test
    void aLibraryThatIsNotLibcryptoRegistersNoProvider() {
        RecordingContext framework = new RecordingContext();
        OpenSslProviderComponent component = new OpenSslProviderComponent();
        // libm loads, but has no OpenSSL_version_num (not libc: JNA resolves "c" in the whole process)
        component.activate(framework.context(), Map.of("library", "libm.so.6"));
        assertEquals(0, framework.live(CryptoProvider.class));
        assertTrue(component.status().contains("is not libcrypto 3"), component.status());
    }

    @Test
    void theMachinesLibcryptoRegistersTheOpensslProvider() {
        RecordingContext framework = new RecordingContext();
        OpenSslProviderComponent component = new OpenSslProviderComponent();
        component.activate(framework.context(), Map.of());

        assertEquals("active", component.status());
        assertEquals(1, framework.live(CryptoProvider.class));
        Registration registration = framework.registrations.get(0);
        CryptoProvider provider = (CryptoProvider) registration.service;
        assertEquals("openssl", provider.name());
        assertTrue(provider.driver().matches("libcrypto\\.so\\.3 \\(OpenSSL 3\\.\\d+\\.\\d+.*\\)"), provider.driver());
        assertEquals(provider.driver(), registration.properties.get(OpenSslProviderComponent.DRIVER_PROPERTY));
        assertEquals("openssl", registration.properties.get(OpenSslProviderComponent.NAME_PROPERTY));
        assertTrue(provider.algorithms().contains(Algorithm.ECP_256));
        assertEquals(provider.algorithms().size(),
                ((String[]) registration.properties.get(OpenSslProviderComponent.ALGORITHMS_PROPERTY)).length);

        component.deactivate();
        assertEquals(0, framework.live(CryptoProvider.class));
        assertFalse("active".equals(component.status()));
    }

    @Test
    void libraryNamesComeFromConfigurationInOrder() {
        assertEquals(List.of("crypto", "libcrypto.so.3"), OpenSslProviderComponent.libraries(null));
        assertEquals(List.of("a", "b"), OpenSslProviderComponent.libraries("a, b"));
        assertEquals(List.of("x"), OpenSslProviderComponent.libraries(new String[] {" x ", ""}));
        assertEquals(List.of("crypto", "libcrypto.so.3"), OpenSslProviderComponent.libraries(""));
    }
}
