package org.secplane.ike.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.secplane.config.ConfigView;

/**
 * Schema-free reads of {@code [edit security zones]} (owned by the network bundle): which zone an interface
 * unit belongs to and whether host-inbound traffic for a system service is allowed on it.
 *
 * <p>The reads accept every shape a name collection can have in the tree, so they do not depend on how
 * the network schema models it: a leaf-list ({@code interfaces [ a b ]}), list entries with the name as
 * key ({@code interfaces a { … }}), or a container of keyword-less entries ({@code interfaces { a; b { … } }}).
 */
final class Zones {

    private Zones() {
    }

    /** The names configured under every statement {@code keyword} of {@code parent}, whatever its shape. */
    static List<String> names(ConfigView parent, String keyword) {
        List<String> names = new ArrayList<>();
        for (ConfigView statement : parent.children(keyword)) {
            if (!statement.isBlock() || !statement.arguments().isEmpty()) {
                names.addAll(statement.arguments());
            } else {
                for (ConfigView entry : statement.children()) {
                    names.add(entry.keyword());
                }
            }
        }
        return names;
    }

    /** The statement naming {@code name} under {@code keyword} of {@code parent} (to read its children). */
    static Optional<ConfigView> named(ConfigView parent, String keyword, String name) {
        for (ConfigView statement : parent.children(keyword)) {
            if (statement.isBlock() && statement.arguments().equals(List.of(name))) {
                return Optional.of(statement);
            }
            if (statement.isBlock() && statement.arguments().isEmpty()) {
                for (ConfigView entry : statement.children()) {
                    if (entry.keyword().equals(name)) {
                        return Optional.of(entry);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The {@code security-zone} entry whose {@code interfaces} include {@code interfaceUnit}. */
    static Optional<ConfigView> zoneOf(ConfigView root, String interfaceUnit) {
        Optional<ConfigView> zones = root.find("security", "zones");
        if (zones.isEmpty()) {
            return Optional.empty();
        }
        for (ConfigView zone : zones.get().children("security-zone")) {
            if (names(zone, "interfaces").contains(interfaceUnit)) {
                return Optional.of(zone);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether host-inbound traffic for {@code service} (or {@code all}) is allowed on {@code interfaceUnit} of
     * {@code zone}, at the zone level or on the interface itself.
     */
    static boolean allowsSystemService(ConfigView zone, String interfaceUnit, String service) {
        if (allows(zone, service)) {
            return true;
        }
        return named(zone, "interfaces", interfaceUnit).map(entry -> allows(entry, service)).orElse(false);
    }

    private static boolean allows(ConfigView holder, String service) {
        return holder.child("host-inbound-traffic")
                .map(traffic -> {
                    List<String> services = names(traffic, "system-services");
                    return services.contains(service) || services.contains("all");
                })
                .orElse(false);
    }
}
