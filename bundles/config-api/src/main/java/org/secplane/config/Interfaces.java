package org.secplane.config;

import java.util.Optional;

/**
 * Lookups of Junos interface names in a configuration, shared by every bundle that references
 * interfaces ({@code external-interface ge-0/0/3.0}, {@code bind-interface st0.1}, zone interfaces).
 */
public final class Interfaces {

    private Interfaces() {
    }

    /** The interface part of {@code ge-0/0/3.0} ({@code ge-0/0/3}); the name itself when it has no unit. */
    public static String device(String interfaceUnit) {
        int dot = interfaceUnit.lastIndexOf('.');
        return dot < 0 ? interfaceUnit : interfaceUnit.substring(0, dot);
    }

    /** The unit number of {@code ge-0/0/3.0} ({@code 0}); {@code 0} when no unit is written. */
    public static String unit(String interfaceUnit) {
        int dot = interfaceUnit.lastIndexOf('.');
        return dot < 0 ? "0" : interfaceUnit.substring(dot + 1);
    }

    /** The {@code interfaces <device> unit <n>} block of {@code root}, if configured. */
    public static Optional<ConfigView> unit(ConfigView root, String interfaceUnit) {
        return root.find("interfaces", device(interfaceUnit))
                .flatMap(device -> device.entry("unit", unit(interfaceUnit)));
    }

    /** Whether {@code interfaces <device> unit <n>} is configured. */
    public static boolean isConfigured(ConfigView root, String interfaceUnit) {
        return unit(root, interfaceUnit).isPresent();
    }
}
