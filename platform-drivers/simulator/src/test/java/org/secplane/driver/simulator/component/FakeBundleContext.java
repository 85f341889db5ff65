package org.secplane.driver.simulator.component;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** A bundle context that only records service registrations (all that the family components use). */
final class FakeBundleContext {

    /** One live registration. */
    static final class Registered {
        final String type;
        final Object service;
        final Dictionary<String, ?> properties;

        Registered(String type, Object service, Dictionary<String, ?> properties) {
            this.type = type;
            this.service = service;
            this.properties = properties;
        }
    }

    final List<Registered> live = new ArrayList<>();

    BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("registerService") || !(args[0] instanceof Class)) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    @SuppressWarnings("unchecked")
                    Registered registered = new Registered(((Class<?>) args[0]).getSimpleName(), args[1],
                            (Dictionary<String, ?>) args[2]);
                    live.add(registered);
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                            (p, m, a) -> {
                                if (m.getName().equals("unregister")) {
                                    if (!live.remove(registered)) {
                                        throw new IllegalStateException("already unregistered");
                                    }
                                    return null;
                                }
                                throw new UnsupportedOperationException(m.toString());
                            });
                });
    }

    List<String> types() {
        return live.stream().map(r -> r.type).collect(Collectors.toList());
    }

    Object service(String type) {
        return live.stream().filter(r -> r.type.equals(type)).map(r -> r.service).findFirst().orElse(null);
    }
}
