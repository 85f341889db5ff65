package org.secplane.network.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secplane.config.ConfigView;
import org.secplane.config.Interfaces;

/**
 * Schema-free lookups in a candidate configuration shared by the checks: interface units, routing
 * instances, zones, address books, VPNs and IKE gateways (the last two belong to other bundles and are
 * only read).
 */
final class NetworkView {

    static final String DEFAULT_INSTANCE = "default";

    final ConfigView root;
    private final Map<String, String> instanceOfUnit = new LinkedHashMap<>();

    NetworkView(ConfigView root) {
        this.root = root;
        for (ConfigView instance : instances()) {
            for (ConfigView member : instance.children("interface")) {
                instanceOfUnit.putIfAbsent(member.value(), instance.keyword());
            }
        }
    }

    // ------------------------------------------------------------------ interfaces

    /** Every configured interface device ({@code interfaces ge-0/0/0}). */
    List<ConfigView> devices() {
        return root.find("interfaces").map(ConfigView::children).orElse(List.of());
    }

    /** One configured logical unit: its name {@code ge-0/0/0.0} and statement. */
    static final class Unit {
        final String name;
        final ConfigView view;

        Unit(String name, ConfigView view) {
            this.name = name;
            this.view = view;
        }

        String device() {
            return Interfaces.device(name);
        }
    }

    List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        for (ConfigView device : devices()) {
            for (ConfigView unit : device.children("unit")) {
                units.add(new Unit(device.keyword() + "." + unit.value(), unit));
            }
        }
        return units;
    }

    boolean isConfigured(String interfaceUnit) {
        return Interfaces.isConfigured(root, interfaceUnit);
    }

    Optional<ConfigView> unit(String interfaceUnit) {
        return Interfaces.unit(root, interfaceUnit);
    }

    /** The IPv4 and IPv6 addresses of a unit ({@code family inet|inet6 address}). */
    List<Prefix> addresses(ConfigView unit) {
        List<Prefix> prefixes = new ArrayList<>();
        for (String family : List.of("inet", "inet6")) {
            unit.find("family", family).ifPresent(f -> {
                for (ConfigView address : f.children("address")) {
                    Prefix.parse(address.value()).ifPresent(prefixes::add);
                }
            });
        }
        return prefixes;
    }

    List<Prefix> addresses(String interfaceUnit) {
        return unit(interfaceUnit).map(this::addresses).orElse(List.of());
    }

    static boolean isSt0(String interfaceUnit) {
        return Interfaces.device(interfaceUnit).equals("st0");
    }

    static String missingUnitMessage(String interfaceUnit) {
        return "interface " + interfaceUnit + " is not configured; configure it with 'set interfaces "
                + Interfaces.device(interfaceUnit) + " unit " + Interfaces.unit(interfaceUnit) + " …'";
    }

    // ------------------------------------------------------------------ routing instances

    List<ConfigView> instances() {
        return root.find("routing-instances").map(ConfigView::children).orElse(List.of());
    }

    boolean hasInstance(String name) {
        return root.find("routing-instances", name).isPresent();
    }

    /** The routing instance an interface unit belongs to, {@link #DEFAULT_INSTANCE} when none. */
    String instanceOf(String interfaceUnit) {
        return instanceOfUnit.getOrDefault(interfaceUnit, DEFAULT_INSTANCE);
    }

    // ------------------------------------------------------------------ zones and address books

    List<ConfigView> zones() {
        return root.find("security", "zones").map(z -> z.children("security-zone")).orElse(List.of());
    }

    Optional<ConfigView> zone(String name) {
        return root.find("security", "zones").flatMap(z -> z.entry("security-zone", name));
    }

    /** The global/named address books of {@code [edit security address-book]}. */
    List<ConfigView> books() {
        return root.find("security").map(s -> s.children("address-book")).orElse(List.of());
    }

    Optional<ConfigView> globalBook() {
        return root.find("security").flatMap(s -> s.entry("address-book", "global"));
    }

    /** The named books attached to {@code zone}. */
    List<ConfigView> attachedBooks(String zone) {
        List<ConfigView> attached = new ArrayList<>();
        for (ConfigView book : books()) {
            boolean to = book.find("attach").map(a -> a.entry("zone", zone).isPresent()).orElse(false);
            if (to && !"global".equals(book.value())) {
                attached.add(book);
            }
        }
        return attached;
    }

    /** Whether {@code book} (a global/named book or a zone's address-book block) defines an address or set {@code name}. */
    static boolean defines(ConfigView book, String name) {
        return book.entry("address", name).isPresent() || book.entry("address-set", name).isPresent();
    }

    /** The books a zone resolves names from (D-36): its own book, the books attached to it, the global book. */
    List<ConfigView> booksOf(String zone) {
        List<ConfigView> books = new ArrayList<>();
        zone(zone).flatMap(z -> z.child("address-book")).ifPresent(books::add);
        books.addAll(attachedBooks(zone));
        globalBook().ifPresent(books::add);
        return books;
    }

    static boolean isAny(String address) {
        return address.equals("any") || address.equals("any-ipv4") || address.equals("any-ipv6");
    }

    // ------------------------------------------------------------------ other bundles' statements (read only)

    Optional<ConfigView> vpn(String name) {
        return root.find("security", "ipsec").flatMap(i -> i.entry("vpn", name));
    }

    List<ConfigView> vpns() {
        return root.find("security", "ipsec").map(i -> i.children("vpn")).orElse(List.of());
    }

    List<ConfigView> gateways() {
        return root.find("security", "ike").map(i -> i.children("gateway")).orElse(List.of());
    }

    Optional<ConfigView> gateway(String name) {
        return root.find("security", "ike").flatMap(i -> i.entry("gateway", name));
    }

    Optional<ConfigView> securityAssociation(String name) {
        return root.find("security", "ipsec").flatMap(i -> i.entry("security-association", name));
    }
}
