package org.secplane.itests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Asks SCR which secplane components are configured but not working, and why. */
final class ComponentHealth {

    private ComponentHealth() {
    }

    static List<String> notWorking(BundleContext context, ServiceReference<?> reference) {
        ServiceComponentRuntime scr = (ServiceComponentRuntime) context.getService(reference);
        List<String> failing = new ArrayList<>();
        try {
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
                if (!description.bundle.symbolicName.startsWith("org.secplane.")) {
                    continue;
                }
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                            || configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        failing.add(description.name + " state " + configuration.state + " "
                                + (configuration.failure != null ? configuration.failure : "")
                                + Arrays.stream(configuration.unsatisfiedReferences)
                                        .map(r -> " unsatisfied " + r.name + " " + r.target)
                                        .collect(Collectors.joining()));
                    }
                }
            }
        } finally {
            context.ungetService(reference);
        }
        return failing;
    }
}
