package org.secplane.network.internal.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.secplane.config.CommitContext;
import org.secplane.config.ConfigView;

/**
 * Commit checks of {@code [edit security zones]} and {@code [edit security address-book]}.
 *
 * <ul>
 * <li>A zone's interfaces must be configured units, and a unit belongs to one zone only. An st0 unit in
 * no zone drops its traffic (D-38): warning.</li>
 * <li>D-36 (ipsec-srx.md §2.6, §6.3 item 45): a zone uses either its zone-scoped book or global/attached
 * books, not both. Ruling refinement: the {@code global} book counts as attached to every zone, so a
 * zone-scoped book cannot coexist with a non-empty global book either (Junos forbids mixing zone-defined
 * and global address books); the spec's per-zone wording is kept for named books.</li>
 * <li>The {@code global} book cannot be attached (it already serves every zone); a named book that is
 * attached nowhere is unusable (warning).</li>
 * <li>{@code any}, {@code any-ipv4}, {@code any-ipv6} are reserved; an address and an address set of one
 * book cannot share a name; each address has exactly one value; a range goes from lower to upper in one
 * family; address-set members resolve in the same book, without cycles.</li>
 * </ul>
 */
final class ZoneChecks {

    private ZoneChecks() {
    }

    static void check(CommitContext context, NetworkView network) {
        Map<String, String> zoneOfUnit = new HashMap<>();
        for (ConfigView zone : network.zones()) {
            zone.child("interfaces").ifPresent(interfaces -> {
                for (ConfigView member : interfaces.children()) {
                    String unit = member.keyword();
                    if (!network.isConfigured(unit)) {
                        context.error(member, NetworkView.missingUnitMessage(unit));
                    }
                    String other = zoneOfUnit.putIfAbsent(unit, zone.value());
                    if (other != null) {
                        context.error(member, "interface " + unit + " is already in security zone '" + other
                                + "'; an interface belongs to one zone only");
                    }
                }
            });
            zone.child("address-book").ifPresent(book -> {
                checkBook(context, book, "zone '" + zone.value() + "' address book");
                List<ConfigView> attached = network.attachedBooks(zone.value());
                if (!attached.isEmpty()) {
                    context.error(book, "zone '" + zone.value() + "' has a zone address book and the attached address book '"
                            + attached.get(0).value() + "'; a zone uses one style of address book only (D-36)");
                } else if (network.globalBook().map(g -> g.has("address") || g.has("address-set")).orElse(false)) {
                    context.error(book, "zone '" + zone.value() + "' has a zone address book while the global address book "
                            + "is in use; a zone uses one style of address book only (D-36)");
                }
            });
        }
        for (NetworkView.Unit unit : network.units()) {
            if (unit.device().equals("st0") && !zoneOfUnit.containsKey(unit.name)) {
                context.warning(unit.view, "interface " + unit.name + " is not in a security zone; traffic through "
                        + "it is dropped (D-38)");
            }
        }
        for (ConfigView book : network.books()) {
            String name = book.value();
            checkBook(context, book, "address book '" + name + "'");
            Optional<ConfigView> attach = book.child("attach");
            if (name.equals("global")) {
                attach.ifPresent(a -> context.error(a, "the global address book cannot be attached to zones; "
                        + "it is available to every zone"));
            } else if (attach.map(a -> a.children("zone").isEmpty()).orElse(true)) {
                context.warning(book, "address book '" + name + "' is not attached to any zone; its addresses "
                        + "cannot be used (attach it with 'attach zone <zone>')");
            }
        }
    }

    private static void checkBook(CommitContext context, ConfigView book, String what) {
        Set<String> addresses = new HashSet<>();
        for (ConfigView address : book.children("address")) {
            String name = address.value();
            addresses.add(name);
            reserved(context, address, name);
            checkAddress(context, address, name);
        }
        Map<String, ConfigView> sets = new HashMap<>();
        for (ConfigView set : book.children("address-set")) {
            String name = set.value();
            sets.put(name, set);
            reserved(context, set, name);
            if (addresses.contains(name)) {
                context.error(set, "address-set '" + name + "' has the name of an address of the same book");
            }
            if (!set.has("address") && !set.has("address-set")) {
                context.error(set, "address-set '" + name + "' is empty; add addresses or address sets");
            }
            for (ConfigView member : set.children("address")) {
                if (!addresses.contains(member.value())) {
                    context.error(member, "address '" + member.value() + "' is not defined in " + what);
                }
            }
        }
        for (ConfigView set : sets.values()) {
            for (ConfigView member : set.children("address-set")) {
                if (!sets.containsKey(member.value())) {
                    context.error(member, "address-set '" + member.value() + "' is not defined in " + what);
                }
            }
        }
        for (ConfigView set : book.children("address-set")) {
            if (reachesItself(set.value(), sets)) {
                context.error(set, "address-set '" + set.value() + "' contains itself (through nested address sets)");
            }
        }
    }

    private static void reserved(CommitContext context, ConfigView statement, String name) {
        if (NetworkView.isAny(name)) {
            context.error(statement, "'" + name + "' is a reserved address name (any, any-ipv4, any-ipv6)");
        }
    }

    private static void checkAddress(CommitContext context, ConfigView address, String name) {
        int values = (address.has("ip-prefix") ? 1 : 0) + (address.has("dns-name") ? 1 : 0)
                + (address.has("range-address") ? 1 : 0) + (address.has("wildcard-address") ? 1 : 0);
        if (values == 0) {
            context.error(address, "address '" + name + "' needs a value: an IP prefix, dns-name, range-address "
                    + "or wildcard-address");
        }
        address.child("range-address").ifPresent(range -> {
            Optional<Prefix> lower = Prefix.parse(range.leaf("lower").orElse(null));
            Optional<Prefix> upper = Prefix.parse(range.leaf("to").orElse(null));
            if (lower.isEmpty() || upper.isEmpty()) {
                context.error(range, "range-address needs 'lower-address to upper-address'");
            } else if (lower.get().v6 != upper.get().v6) {
                context.error(range, "range-address bounds must be of one address family");
            } else if (lower.get().address.compareTo(upper.get().address) > 0) {
                context.error(range, "range-address lower bound " + lower.get() + " is above the upper bound " + upper.get());
            }
        });
        address.child("wildcard-address").ifPresent(wildcard -> {
            String[] parts = wildcard.value().split("/");
            if (parts.length != 2 || Prefix.parse(parts[0]).map(p -> p.v6).orElse(true)
                    || Prefix.parse(parts[1]).map(p -> p.v6).orElse(true)) {
                context.error(wildcard, "wildcard-address needs ipv4-address/wildcard-mask, e.g. 10.0.0.1/255.0.255.255");
            }
        });
    }

    private static boolean reachesItself(String start, Map<String, ConfigView> sets) {
        Deque<String> pending = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        pending.push(start);
        while (!pending.isEmpty()) {
            ConfigView set = sets.get(pending.pop());
            if (set == null) {
                continue;
            }
            for (ConfigView member : set.children("address-set")) {
                if (member.value().equals(start)) {
                    return true;
                }
                if (seen.add(member.value())) {
                    pending.push(member.value());
                }
            }
        }
        return false;
    }
}
