package org.secplane.network.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.secplane.config.CommitContext;
import org.secplane.config.ConfigView;

/**
 * Commit checks of {@code [edit security policies]} (ipsec-srx.md §2.5, §6.3 items 42–47).
 *
 * <ul>
 * <li>Completeness: {@code match} needs source-address, destination-address and application; {@code then}
 * needs permit, deny or reject.</li>
 * <li>D-36: every {@code source-address} resolves in the from-zone, every {@code destination-address} in
 * the to-zone (its own book, books attached to it, the global book); {@code any}, {@code any-ipv4},
 * {@code any-ipv6} always resolve. Global policies resolve in the global book.</li>
 * <li>Applications: {@code any}, a predefined {@code junos-…} application, or an {@code [edit
 * applications]} application or application set.</li>
 * <li>D-34: {@code tunnel ipsec-vpn V} names a {@code [edit security ipsec vpn]} without
 * {@code bind-interface} (the existence is checked by the engine through the reference type; the VPN
 * itself is read from the candidate, the ipsec bundle owns it).</li>
 * <li>D-33: {@code pair-policy P} needs {@code ipsec-vpn}; P must be a policy of the reverse zone context
 * whose {@code tunnel ipsec-vpn} is the same VPN.</li>
 * <li>D-32 needs no check: a policy is a list entry of its zone context, so a name is unique within a
 * context and may repeat in another (E6 {@code pol1}).</li>
 * </ul>
 */
final class PolicyChecks {

    private PolicyChecks() {
    }

    static void check(CommitContext context, NetworkView network) {
        Optional<ConfigView> policies = network.root.find("security", "policies");
        if (policies.isEmpty()) {
            return;
        }
        for (ConfigView zonePair : policies.get().children("from-zone")) {
            List<String> key = zonePair.arguments();
            String from = key.get(0);
            String to = key.get(key.size() - 1);
            for (ConfigView policy : zonePair.children("policy")) {
                checkPolicy(context, network, policy);
                policy.child("match").ifPresent(match -> {
                    resolve(context, network, match, "source-address", from, "from-zone");
                    resolve(context, network, match, "destination-address", to, "to-zone");
                });
                tunnel(policy).ifPresent(tunnel -> checkPairPolicy(context, policies.get(), from, to, tunnel));
            }
        }
        policies.get().child("global").ifPresent(global -> {
            for (ConfigView policy : global.children("policy")) {
                checkPolicy(context, network, policy);
                policy.child("match").ifPresent(match -> {
                    resolveGlobal(context, network, match, "source-address");
                    resolveGlobal(context, network, match, "destination-address");
                });
                tunnel(policy).flatMap(t -> t.child("pair-policy")).ifPresent(pair -> context.error(pair,
                        "'pair-policy' needs a from-zone/to-zone context; global policies have no reverse context"));
            }
        });
    }

    private static Optional<ConfigView> tunnel(ConfigView policy) {
        return policy.find("then", "permit", "tunnel");
    }

    private static void checkPolicy(CommitContext context, NetworkView network, ConfigView policy) {
        String name = policy.value();
        List<String> missing = new ArrayList<>();
        for (String criterion : List.of("source-address", "destination-address", "application")) {
            if (!policy.has("match", criterion)) {
                missing.add(criterion);
            }
        }
        if (!missing.isEmpty()) {
            context.error(policy, "policy '" + name + "' needs match " + String.join(", ", missing)
                    + " (source-address, destination-address and application are required)");
        }
        Optional<ConfigView> then = policy.child("then");
        if (then.isEmpty() || !(then.get().has("permit") || then.get().has("deny") || then.get().has("reject"))) {
            context.error(policy, "policy '" + name + "' needs an action: then permit, deny or reject");
        }
        policy.child("match").ifPresent(match -> match.child("application").ifPresent(applications -> {
            for (String application : applications.arguments()) {
                if (!applicationExists(network, application)) {
                    context.error(applications, "application '" + application + "' is not defined; use any, a "
                            + "predefined junos-… application, or define it under [edit applications]");
                }
            }
        }));
        tunnel(policy).flatMap(t -> t.child("ipsec-vpn")).ifPresent(vpnLeaf -> network.vpn(vpnLeaf.value())
                .flatMap(vpn -> vpn.leaf("bind-interface"))
                .ifPresent(bound -> context.error(vpnLeaf, "security ipsec vpn '" + vpnLeaf.value()
                        + "' is a route-based VPN (bind-interface " + bound + "); a tunnel policy can only use a VPN "
                        + "without bind-interface (D-34)")));
    }

    private static boolean applicationExists(NetworkView network, String application) {
        if (application.equals("any") || application.startsWith("junos-")) {
            return true;
        }
        return network.root.find("applications")
                .map(a -> a.entry("application", application).isPresent() || a.entry("application-set", application).isPresent())
                .orElse(false);
    }

    /** D-36. */
    private static void resolve(CommitContext context, NetworkView network, ConfigView match, String criterion,
            String zone, String role) {
        Optional<ConfigView> leaf = match.child(criterion);
        if (leaf.isEmpty() || network.zone(zone).isEmpty()) {
            return; // an undefined zone is reported by the engine (reference)
        }
        List<ConfigView> books = network.booksOf(zone);
        for (String address : leaf.get().arguments()) {
            if (NetworkView.isAny(address) || books.stream().anyMatch(b -> NetworkView.defines(b, address))) {
                continue;
            }
            context.error(leaf.get(), criterion + " '" + address + "' is not in an address book of " + role + " '"
                    + zone + "'" + whereDefined(network, address) + " (D-36)");
        }
    }

    private static void resolveGlobal(CommitContext context, NetworkView network, ConfigView match, String criterion) {
        match.child(criterion).ifPresent(leaf -> {
            for (String address : leaf.arguments()) {
                if (!NetworkView.isAny(address)
                        && !network.globalBook().map(b -> NetworkView.defines(b, address)).orElse(false)) {
                    context.error(leaf, criterion + " '" + address + "' is not in the global address book; global "
                            + "policies use addresses of the global address book only (D-36)");
                }
            }
        });
    }

    /** A hint naming the books that do define {@code address}, for the classic attach-zone mistakes. */
    private static String whereDefined(NetworkView network, String address) {
        List<String> places = new ArrayList<>();
        for (ConfigView book : network.books()) {
            if (NetworkView.defines(book, address)) {
                List<String> zones = new ArrayList<>();
                book.find("attach").ifPresent(a -> a.children("zone").forEach(z -> zones.add(z.value())));
                places.add("address book '" + book.value() + "'"
                        + (zones.isEmpty() ? "" : " attached to zone " + String.join(", ", zones)));
            }
        }
        for (ConfigView zone : network.zones()) {
            if (zone.child("address-book").map(b -> NetworkView.defines(b, address)).orElse(false)) {
                places.add("the address book of zone '" + zone.value() + "'");
            }
        }
        return places.isEmpty() ? "" : "; it is defined in " + String.join(" and ", places);
    }

    /** D-33. */
    private static void checkPairPolicy(CommitContext context, ConfigView policies, String from, String to,
            ConfigView tunnel) {
        Optional<ConfigView> pair = tunnel.child("pair-policy");
        if (pair.isEmpty()) {
            return;
        }
        Optional<String> vpn = tunnel.leaf("ipsec-vpn");
        if (vpn.isEmpty()) {
            context.error(pair.get(), "'pair-policy' needs 'tunnel ipsec-vpn' in the same policy (D-33)");
            return;
        }
        String partnerName = pair.get().value();
        Optional<ConfigView> partner = policies.entry("from-zone", to + " to-zone " + from)
                .flatMap(reverse -> reverse.entry("policy", partnerName));
        if (partner.isEmpty()) {
            context.error(pair.get(), "pair-policy '" + partnerName + "' is not a policy of the reverse context "
                    + "from-zone " + to + " to-zone " + from + " (D-33)");
            return;
        }
        Optional<String> partnerVpn = partner.get().find("then", "permit", "tunnel").flatMap(t -> t.leaf("ipsec-vpn"));
        if (partnerVpn.isEmpty()) {
            context.error(pair.get(), "pair-policy '" + partnerName + "' of from-zone " + to + " to-zone " + from
                    + " is not a tunnel policy; it must use ipsec-vpn '" + vpn.get() + "' too (D-33)");
        } else if (!partnerVpn.get().equals(vpn.get())) {
            context.error(pair.get(), "pair-policy '" + partnerName + "' of from-zone " + to + " to-zone " + from
                    + " uses ipsec-vpn '" + partnerVpn.get() + "', not '" + vpn.get() + "' (D-33)");
        }
    }
}
