package org.secplane.servicesipsec.internal.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.secplane.config.CommitContext;
import org.secplane.config.ConfigView;
import org.secplane.config.Interfaces;

/**
 * Commit checks of {@code [edit services ipsec-vpn]} and of the IPsec parts of {@code [edit services
 * service-set]} (spec §3.2). What the schema already enforces is not repeated here: lifetimes
 * (V-S01, V-S02), enumerations and aliases (V-S03, V-S04, V-S06, V-S07), references (V-S08..V-S13),
 * {@code match-direction} (V-S17, D-11), {@code ipv4_addr} values (V-S24), names (V-S25), {@code from}
 * prefixes (V-S26), IKE proposal defaults (V-S29), and at most one of {@code manual}/{@code dynamic}
 * (a schema choice).
 */
final class ServicesChecks {

    private final CommitContext context;
    private final ConfigView root;

    private ServicesChecks(CommitContext context) {
        this.context = context;
        this.root = context.candidate();
    }

    static void check(CommitContext context) {
        new ServicesChecks(context).run();
    }

    private void run() {
        Optional<ConfigView> ipsecVpn = root.find("services", "ipsec-vpn");
        ipsecVpn.flatMap(v -> v.child("ike")).ifPresent(ike -> ike.children("policy").forEach(p -> ikePolicy(ike, p)));
        ipsecVpn.flatMap(v -> v.child("ipsec")).ifPresent(ipsec -> ipsec.children("proposal").forEach(this::ipsecProposal));
        List<ConfigView> rules = ipsecVpn.map(v -> v.children("rule")).orElse(List.of());
        for (ConfigView rule : rules) {
            rule(rule);
        }
        List<ConfigView> serviceSets = root.find("services").map(s -> s.children("service-set")).orElse(List.of());
        for (ConfigView serviceSet : serviceSets) {
            serviceSet(serviceSet);
        }
        spiDomains(ipsecVpn.orElse(null), rules, serviceSets);
    }

    // ---------------------------------------------------------------- IKE and IPsec policies, proposals

    /** V-S20 (pre-shared key needed), V-S23 (certificate material for signatures), PSK digit count. */
    private void ikePolicy(ConfigView ike, ConfigView policy) {
        List<String> proposals = policy.values("proposals");
        List<String> pskProposals = new ArrayList<>();
        List<String> signatureProposals = new ArrayList<>();
        for (String name : proposals) {
            Optional<ConfigView> proposal = ike.entry("proposal", name);
            if (proposal.isEmpty()) {
                continue; // dangling reference: reported by the engine
            }
            String method = proposal.get().leaf("authentication-method")
                    .orElse(ServicesSchema.DEFAULT_IKE_AUTHENTICATION_METHOD);
            (method.equals("pre-shared-keys") ? pskProposals : signatureProposals).add(name + " " + method);
        }
        Optional<ConfigView> psk = policy.child("pre-shared-key");
        if (psk.isEmpty()) {
            if (proposals.isEmpty()) {
                context.error(policy, "IKE policy has no 'proposals', so the implicit IKE proposals (pre-shared keys) "
                        + "apply, but it has no 'pre-shared-key'");
            } else if (!pskProposals.isEmpty()) {
                context.error(policy, "IKE policy uses pre-shared-keys proposals (" + names(pskProposals)
                        + ") but has no 'pre-shared-key'");
            }
        }
        psk.flatMap(p -> p.child("hexadecimal")).ifPresent(hex -> {
            byte[] revealed = context.revealSecret(hex);
            byte[] digits = KeyMaterial.hexDigits(revealed);
            try {
                if (digits.length % 2 != 0) {
                    context.error(hex, "hexadecimal pre-shared key needs an even number of digits (whole bytes); it has "
                            + digits.length);
                }
            } finally {
                Arrays.fill(revealed, (byte) 0);
                Arrays.fill(digits, (byte) 0);
            }
        });
        if (!signatureProposals.isEmpty() && !(policy.has("local-certificate") && policy.has("local-key-pair"))) {
            context.warning(policy, "IKE policy uses signature proposals (" + String.join(", ", signatureProposals)
                    + ") but has no " + (policy.has("local-certificate") ? "'local-key-pair'"
                            : policy.has("local-key-pair") ? "'local-certificate'" : "'local-certificate' and 'local-key-pair'")
                    + "; certificate authentication fails when one of them is negotiated");
        }
    }

    private static String names(List<String> proposalsWithMethod) {
        List<String> names = new ArrayList<>();
        for (String entry : proposalsWithMethod) {
            names.add(entry.substring(0, entry.indexOf(' ')));
        }
        return String.join(", ", names);
    }

    /** V-S05: the protocol and the algorithms of an IPsec proposal fit together. */
    private void ipsecProposal(ConfigView proposal) {
        String protocol = proposal.leaf("protocol").orElse("esp");
        boolean authentication = proposal.has("authentication-algorithm");
        Optional<ConfigView> encryption = proposal.child("encryption-algorithm");
        switch (protocol) {
            case "ah":
                encryption.ifPresent(e -> context.error(e,
                        "encryption-algorithm cannot be configured with protocol ah (AH does not encrypt)"));
                if (!authentication) {
                    context.error(proposal, "protocol ah needs 'authentication-algorithm'");
                }
                break;
            case "bundle":
                if (!authentication) {
                    context.error(proposal, "protocol bundle needs 'authentication-algorithm' (used by AH)");
                }
                if (encryption.isEmpty()) {
                    context.error(proposal, "protocol bundle needs 'encryption-algorithm' (used by ESP)");
                }
                break;
            default:
                if (!authentication && encryption.isEmpty()) {
                    context.error(proposal, "protocol esp needs 'authentication-algorithm', 'encryption-algorithm' or both");
                }
                break;
        }
    }

    // ---------------------------------------------------------------- rules and terms

    private void rule(ConfigView rule) {
        List<ConfigView> terms = rule.children("term");
        if (terms.isEmpty()) {
            // V-S18
            context.error(rule, "rule needs at least one 'term'");
        }
        for (ConfigView term : terms) {
            term(term);
        }
    }

    private void term(ConfigView term) {
        Optional<ConfigView> then = term.child("then");
        Optional<ConfigView> dynamic = then.flatMap(t -> t.child("dynamic"));
        Optional<ConfigView> manual = then.flatMap(t -> t.child("manual"));
        if (dynamic.isEmpty() && manual.isEmpty()) {
            // V-S14 (D-10); both at once is impossible: they are a schema choice
            context.error(then.orElse(term), "term needs an action: 'then dynamic { … }' or 'then manual { … }'");
            return;
        }
        ConfigView action = then.get();
        Optional<String> remote = action.leaf("remote-gateway");
        if (remote.isEmpty()) {
            // V-S15 (D-10)
            context.error(action, "term needs 'remote-gateway': the remote address of the IPsec tunnel");
        }
        action.child("backup-remote-gateway").ifPresent(backup -> {
            // V-S16
            if (remote.isEmpty()) {
                context.error(backup, "backup-remote-gateway needs 'remote-gateway' (the primary tunnel)");
            } else if (remote.get().equals(backup.value())) {
                context.error(backup, "backup-remote-gateway must differ from remote-gateway " + remote.get());
            }
            if (manual.isPresent()) {
                context.error(backup, "backup-remote-gateway needs a dynamic SA: failover renegotiates the SA with "
                        + "the backup peer, which a manual SA cannot do");
            }
        });
        dynamic.ifPresent(d -> {
            if (!d.has("ike-policy")) {
                // V-S19 (D-9)
                context.error(d, "dynamic SA needs 'ike-policy': without it the implicit IKE proposals authenticate "
                        + "with pre-shared keys, and a pre-shared key is configured only in an IKE policy");
            }
            // V-S21 (D-9): a missing ipsec-policy means the implicit IPsec proposals; not an error
        });
        manual.ifPresent(m -> ManualSaChecks.check(context, m));
    }

    // ---------------------------------------------------------------- service sets

    private static Optional<String> localGateway(ConfigView serviceSet) {
        Optional<String> options = serviceSet.leaf("ipsec-vpn-options", "local-gateway");
        return options.isPresent() ? options : serviceSet.leaf("ipsec-vpn", "local-gateway");
    }

    private void serviceSet(ConfigView serviceSet) {
        boolean hasRules = serviceSet.has("ipsec-vpn-rules") || serviceSet.has("ipsec-vpn-rule-sets");
        Optional<String> gateway = localGateway(serviceSet);
        if (hasRules && gateway.isEmpty()) {
            // V-S27
            context.error(serviceSet, "service set applies IPsec rules but has no local gateway: configure "
                    + "'ipsec-vpn-options local-gateway ADDRESS' (or 'ipsec-vpn local-gateway ADDRESS')");
        }
        if (gateway.isPresent() && !localAddresses().contains(gateway.get())) {
            ConfigView statement = serviceSet.find("ipsec-vpn-options", "local-gateway")
                    .or(() -> serviceSet.find("ipsec-vpn", "local-gateway")).get();
            context.warning(statement, "local-gateway " + gateway.get()
                    + " is not an address of any configured interface; IKE and ESP to it will not arrive");
        }
        serviceSet.child("next-hop-service").ifPresent(nextHop -> {
            Optional<ConfigView> inside = nextHop.child("inside-service-interface");
            Optional<ConfigView> outside = nextHop.child("outside-service-interface");
            inside.ifPresent(i -> serviceInterface(i, "inside"));
            outside.ifPresent(o -> serviceInterface(o, "outside"));
            if (inside.isPresent() && outside.isPresent() && inside.get().value().equals(outside.get().value())) {
                context.error(outside.get(), "inside and outside service interfaces must be different units");
            }
        });
        serviceSet.child("interface-service").flatMap(s -> s.child("service-interface"))
                .ifPresent(i -> serviceInterface(i, null));
    }

    /** The unit must be a configured services-PIC unit, with the service domain its role needs. */
    private void serviceInterface(ConfigView statement, String domain) {
        String name = statement.value();
        String device = Interfaces.device(name);
        if (!device.startsWith("sp-")) {
            context.error(statement, name + " is not a services PIC interface (sp-fpc/pic/port)");
            return;
        }
        boolean hasUnit = name.indexOf('.') >= 0;
        Optional<ConfigView> unit = Interfaces.unit(root, name);
        if (unit.isEmpty()) {
            if (hasUnit || root.find("interfaces", device).isEmpty()) {
                context.error(statement, "interface " + (hasUnit ? name : device) + " is not configured");
            }
            return;
        }
        if (domain != null) {
            Optional<String> configured = unit.get().leaf("service-domain");
            if (!configured.equals(Optional.of(domain))) {
                context.error(statement, "interface " + name + " needs 'service-domain " + domain + "' to be the "
                        + domain + " interface of a next-hop service set"
                        + configured.map(c -> " (it has service-domain " + c + ")").orElse(""));
            }
        }
    }

    private Set<String> localAddresses;

    /** Every IPv4 address configured on an interface unit ({@code family inet address A/L}). */
    private Set<String> localAddresses() {
        if (localAddresses == null) {
            localAddresses = new HashSet<>();
            root.find("interfaces").ifPresent(interfaces -> {
                for (ConfigView device : interfaces.children()) {
                    for (ConfigView unit : device.children("unit")) {
                        unit.find("family", "inet").ifPresent(inet -> {
                            for (ConfigView address : inet.children("address")) {
                                if (address.value() != null) {
                                    String prefix = address.value();
                                    localAddresses.add(prefix.indexOf('/') < 0 ? prefix : prefix.substring(0, prefix.indexOf('/')));
                                }
                            }
                        });
                    }
                }
            });
        }
        return localAddresses;
    }

    // ---------------------------------------------------------------- SPI uniqueness (V-M14, V-S28, D-16)

    private void spiDomains(ConfigView ipsecVpn, List<ConfigView> rules, List<ConfigView> serviceSets) {
        if (ipsecVpn == null) {
            return;
        }
        Map<String, String> descriptions = new LinkedHashMap<>();
        Map<String, Set<String>> rulesByDomain = new LinkedHashMap<>();
        Set<String> usedRules = new HashSet<>();
        for (ConfigView serviceSet : serviceSets) {
            Optional<String> gateway = localGateway(serviceSet);
            String domain = gateway.map(g -> "gateway " + g).orElse("service-set " + serviceSet.value());
            descriptions.put(domain, gateway.map(g -> "local-gateway " + g).orElse("service set " + serviceSet.value()));
            Set<String> names = rulesByDomain.computeIfAbsent(domain, d -> new LinkedHashSet<>());
            names.addAll(serviceSet.values("ipsec-vpn-rules"));
            for (String ruleSet : serviceSet.values("ipsec-vpn-rule-sets")) {
                ipsecVpn.entry("rule-set", ruleSet).ifPresent(set -> names.addAll(set.values("rule")));
            }
            usedRules.addAll(names);
        }
        for (ConfigView rule : rules) {
            if (!usedRules.contains(rule.value())) {
                String domain = "rule " + rule.value();
                descriptions.put(domain, "rule " + rule.value() + ", not used by any service set");
                rulesByDomain.put(domain, Set.of(rule.value()));
            }
        }
        Set<String> reported = new HashSet<>();
        Map<String, ConfigView> send = new java.util.HashMap<>();
        for (Map.Entry<String, Set<String>> domain : rulesByDomain.entrySet()) {
            SpiDomain spis = new SpiDomain(descriptions.get(domain.getKey()), reported, send);
            for (String ruleName : domain.getValue()) {
                ipsecVpn.entry("rule", ruleName).ifPresent(rule -> {
                    for (ConfigView term : rule.children("term")) {
                        term.find("then", "manual").ifPresent(manual -> spis.add(context, manual,
                                java.util.Collections.singletonList(term.leaf("then", "remote-gateway").orElse(null))));
                    }
                });
            }
        }
    }
}
