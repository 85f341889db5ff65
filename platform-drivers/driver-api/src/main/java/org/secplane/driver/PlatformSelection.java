package org.secplane.driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which device family runs, from Config Admin PID {@value #PID} ({@code etc/org.secplane.platform.cfg}),
 * the rule every family bundle applies so that exactly one of them registers its {@link DeviceFamily}:
 *
 * <ul>
 * <li>{@code family = linux|simulator|…} names it;</li>
 * <li>without {@code family} it is detected: {@code linux} on Linux when the process may administer the
 * network (CAP_NET_ADMIN, as root) and {@code /dev/net/tun} exists, else {@code simulator}.</li>
 * </ul>
 *
 * <p>Also parses the other keys of the file: {@code interface-map = ge-0/0/0:vlan, ge-0/0/3:vext}
 * (Junos interface or unit to host interface), {@code accelerator = <file>} (the simulator's accelerator
 * data file) and {@code simulator-network = <name>} (which simulated wire the simulator attaches to).
 * Plain Java, no OSGi.
 */
public final class PlatformSelection {

    /** The Config Admin PID of the platform configuration. */
    public static final String PID = "org.secplane.platform";
    public static final String FAMILY = "family";
    public static final String INTERFACE_MAP = "interface-map";
    public static final String ACCELERATOR = "accelerator";
    public static final String SIMULATOR_NETWORK = "simulator-network";

    public static final String LINUX = "linux";
    public static final String SIMULATOR = "simulator";

    private final String family;
    private final String reason;
    private final Map<String, String> interfaceMap;
    private final String accelerator;
    private final String simulatorNetwork;

    private PlatformSelection(String family, String reason, Map<String, String> interfaceMap, String accelerator,
            String simulatorNetwork) {
        this.family = family;
        this.reason = reason;
        this.interfaceMap = interfaceMap;
        this.accelerator = accelerator;
        this.simulatorNetwork = simulatorNetwork;
    }

    /** The selection for these configuration properties (empty or {@code null}: detected on this host). */
    public static PlatformSelection of(Map<String, ?> properties) {
        return of(properties, Host.current());
    }

    /**
     * The selection for these properties on {@code host}. Throws {@link IllegalArgumentException} with a
     * message naming the key when a value is malformed.
     */
    public static PlatformSelection of(Map<String, ?> properties, Host host) {
        Map<String, ?> p = properties == null ? Map.of() : properties;
        String configured = text(p.get(FAMILY));
        String family;
        String reason;
        if (configured != null) {
            family = configured.toLowerCase(Locale.ROOT);
            if (!family.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException(PID + ": family '" + configured
                        + "' is not a family name (linux, simulator or a vendor family)");
            }
            reason = "configured in " + PID;
        } else if (host.linux() && host.networkAdmin() && host.tun()) {
            family = LINUX;
            reason = "detected: Linux with CAP_NET_ADMIN and /dev/net/tun";
        } else {
            family = SIMULATOR;
            reason = "detected: " + (!host.linux() ? "not Linux"
                    : !host.networkAdmin() ? "no CAP_NET_ADMIN (not root)" : "no /dev/net/tun");
        }
        return new PlatformSelection(family, reason, parseInterfaceMap(text(p.get(INTERFACE_MAP))),
                text(p.get(ACCELERATOR)), Optional.ofNullable(text(p.get(SIMULATOR_NETWORK))).orElse("default"));
    }

    /** {@code linux}, {@code simulator}, or a vendor family's name. */
    public String family() {
        return family;
    }

    /** Why: {@code configured in org.secplane.platform}, {@code detected: …}. */
    public String reason() {
        return reason;
    }

    public boolean selects(String familyName) {
        return family.equals(familyName);
    }

    /** Junos interface ({@code ge-0/0/3}) or unit ({@code ge-0/0/3.100}) to host interface, in file order. */
    public Map<String, String> interfaceMap() {
        return interfaceMap;
    }

    /**
     * The host interface of a Junos interface unit: the mapping of the unit ({@code ge-0/0/3.100}) if there
     * is one, else that of its interface ({@code ge-0/0/3}).
     */
    public static Optional<String> hostInterface(Map<String, String> interfaceMap, String junosInterfaceUnit) {
        String exact = interfaceMap.get(junosInterfaceUnit);
        if (exact != null) {
            return Optional.of(exact);
        }
        int dot = junosInterfaceUnit.lastIndexOf('.');
        String device = dot < 0 ? junosInterfaceUnit : junosInterfaceUnit.substring(0, dot);
        if (dot < 0) {
            exact = interfaceMap.get(device + ".0");
            if (exact != null) {
                return Optional.of(exact);
            }
        }
        return Optional.ofNullable(interfaceMap.get(device));
    }

    /** The simulated accelerator's data file, if one is configured. */
    public Optional<String> accelerator() {
        return Optional.ofNullable(accelerator);
    }

    /** The simulated network to attach to ({@code default} unless configured). */
    public String simulatorNetwork() {
        return simulatorNetwork;
    }

    /** Parses {@code ge-0/0/0:vlan, ge-0/0/3:vext} (commas or white space between entries). */
    public static Map<String, String> parseInterfaceMap(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return Collections.unmodifiableMap(map);
        }
        for (String entry : text.trim().split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException(PID + ": interface-map entry '" + entry
                        + "' is not <junos-interface>:<host-interface> (e.g. ge-0/0/3:eth1)");
            }
            String junos = entry.substring(0, colon);
            String host = entry.substring(colon + 1);
            if (!junos.matches("[a-z][a-z0-9-]*[0-9](/[0-9]+)*(\\.[0-9]+)?")) {
                throw new IllegalArgumentException(PID + ": interface-map: '" + junos + "' is not a Junos interface name");
            }
            if (host.length() > 15 || !host.matches("[A-Za-z0-9_.@-]+")) {
                throw new IllegalArgumentException(PID + ": interface-map: '" + host
                        + "' is not a host interface name (at most 15 characters, no '/', ':' or spaces)");
            }
            String previous = map.put(junos, host);
            if (previous != null && !previous.equals(host)) {
                throw new IllegalArgumentException(PID + ": interface-map maps " + junos + " twice (" + previous + ", "
                        + host + ")");
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text;
        if (value instanceof String[]) {
            text = String.join(",", (String[]) value);
        } else if (value instanceof Iterable) {
            text = String.join(",", (Iterable<String>) value);
        } else {
            text = value.toString();
        }
        text = text.trim();
        return text.isEmpty() ? null : text;
    }

    @Override
    public String toString() {
        return family + " (" + reason + ")";
    }

    /** What detection looks at. */
    public interface Host {

        boolean linux();

        /** CAP_NET_ADMIN in the effective capability set. */
        boolean networkAdmin();

        /** {@code /dev/net/tun} exists. */
        boolean tun();

        /** This process on this machine. */
        static Host current() {
            boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
            boolean admin = linux && effectiveCapabilities(Path.of("/proc/self/status")).map(c -> (c & (1L << 12)) != 0)
                    .orElse(false);
            boolean tun = Files.exists(Path.of("/dev/net/tun"));
            return of(linux, admin, tun);
        }

        static Host of(boolean linux, boolean networkAdmin, boolean tun) {
            return new Host() {
                @Override
                public boolean linux() {
                    return linux;
                }

                @Override
                public boolean networkAdmin() {
                    return networkAdmin;
                }

                @Override
                public boolean tun() {
                    return tun;
                }
            };
        }
    }

    /** The {@code CapEff} mask of a {@code /proc/<pid>/status} file. */
    static Optional<Long> effectiveCapabilities(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("CapEff:")) {
                    return Optional.of(Long.parseUnsignedLong(line.substring(7).trim(), 16));
                }
            }
        } catch (java.io.IOException | NumberFormatException | SecurityException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
