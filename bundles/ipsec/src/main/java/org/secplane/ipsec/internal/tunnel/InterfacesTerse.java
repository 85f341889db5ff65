package org.secplane.ipsec.internal.tunnel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.secplane.cli.Report;

/**
 * {@code show interfaces terse} for the secure tunnel interfaces, in the Junos layout:
 *
 * <pre>
 * Interface               Admin Link Proto    Local                 Remote
 * st0                     up    up
 * st0.0                   up    up   inet     10.11.11.10/24
 *                                    inet6    2001:db8:11::10/64
 * st0.1                   down  up   inet     10.12.12.1/24
 * </pre>
 *
 * Admin is the configuration ({@code disable} is down); Link is whether the unit's tunnel interface exists
 * on the device family. Addresses are those the interface has (the configured ones while it does not
 * exist). With {@code | display json}: {@code interface-information}, {@code physical-interface},
 * {@code logical-interface}, {@code address-family} as Junos names them.
 */
public final class InterfacesTerse {

    private static final String ROW = "%-24s%-6s%-5s%-9s%-22s%s";

    private InterfacesTerse() {
    }

    public static Report report(TunnelRegistry registry) {
        List<TunnelRegistry.UnitStatus> units = registry.units();
        boolean[] st0 = registry.st0();
        String family = registry.family().orElse(null);
        List<Map<String, Object>> logical = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (TunnelRegistry.UnitStatus status : units) {
            TunnelPlan.Unit unit = status.unit();
            boolean exists = status.tunnel().isPresent();
            List<String> addresses = exists ? status.tunnel().get().addresses() : unit.addresses();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", unit.name());
            entry.put("admin-status", unit.enabled() ? "up" : "down");
            entry.put("oper-status", exists ? "up" : "down");
            if (exists) {
                entry.put("host-interface", status.tunnel().get().hostName());
            }
            List<Map<String, Object>> families = new ArrayList<>();
            addFamily(families, "inet", unit.inet(), addresses, false);
            addFamily(families, "inet6", unit.inet6(), addresses, true);
            entry.put("address-family", families);
            if (status.error() != null) {
                entry.put("error", status.error());
                if (family != null) {
                    problems.add(status.error());
                }
            }
            logical.add(entry);
        }
        problems.addAll(registry.routeErrors());
        List<Map<String, Object>> physical = new ArrayList<>();
        if (st0[0] || !units.isEmpty()) {
            Map<String, Object> device = new LinkedHashMap<>();
            device.put("name", "st0");
            device.put("admin-status", st0[1] ? "up" : "down");
            device.put("oper-status", family != null ? "up" : "down");
            device.put("logical-interface", logical);
            physical.add(device);
        }
        Map<String, Object> information = new LinkedHashMap<>();
        information.put("device-family", family);
        information.put("physical-interface", physical);
        if (!problems.isEmpty()) {
            information.put("problem", problems);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("interface-information", information);
        return Report.of(data, out -> text(out, physical, family, problems));
    }

    private static void addFamily(List<Map<String, Object>> families, String name, boolean configured, List<String> addresses,
            boolean v6) {
        List<Map<String, Object>> local = new ArrayList<>();
        for (String address : addresses) {
            if ((address.indexOf(':') >= 0) == v6) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("ifa-local", address);
                local.add(a);
            }
        }
        if (!configured && local.isEmpty()) {
            return;
        }
        Map<String, Object> family = new LinkedHashMap<>();
        family.put("address-family-name", name);
        family.put("interface-address", local);
        families.add(family);
    }

    @SuppressWarnings("unchecked")
    private static void text(PrintStream out, List<Map<String, Object>> physical, String family, List<String> problems) {
        out.println(String.format(ROW, "Interface", "Admin", "Link", "Proto", "Local", "Remote").stripTrailing());
        for (Map<String, Object> device : physical) {
            out.println(String.format(ROW, device.get("name"), device.get("admin-status"), device.get("oper-status"), "", "", "")
                    .stripTrailing());
            for (Map<String, Object> unit : (List<Map<String, Object>>) device.get("logical-interface")) {
                List<Map<String, Object>> families = (List<Map<String, Object>>) unit.get("address-family");
                String name = (String) unit.get("name");
                String admin = (String) unit.get("admin-status");
                String link = (String) unit.get("oper-status");
                if (families.isEmpty()) {
                    out.println(String.format(ROW, name, admin, link, "", "", "").stripTrailing());
                    continue;
                }
                boolean first = true;
                for (Map<String, Object> f : families) {
                    List<Map<String, Object>> addresses = (List<Map<String, Object>>) f.get("interface-address");
                    if (addresses.isEmpty()) {
                        out.println(String.format(ROW, first ? name : "", first ? admin : "", first ? link : "",
                                f.get("address-family-name"), "", "").stripTrailing());
                        first = false;
                        continue;
                    }
                    boolean firstAddress = true;
                    for (Map<String, Object> address : addresses) {
                        out.println(String.format(ROW, first ? name : "", first ? admin : "", first ? link : "",
                                firstAddress ? f.get("address-family-name") : "", address.get("ifa-local"), "").stripTrailing());
                        first = false;
                        firstAddress = false;
                    }
                }
            }
        }
        if (family == null && !physical.isEmpty()) {
            out.println();
            out.println("No device family is active: the st0 units are not created (see show security crypto providers).");
        }
        if (!problems.isEmpty()) {
            out.println();
            for (String problem : problems) {
                out.println("error: " + problem);
            }
        }
    }
}
