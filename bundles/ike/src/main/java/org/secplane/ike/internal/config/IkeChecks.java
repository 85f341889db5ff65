package org.secplane.ike.internal.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.secplane.config.CommitContext;
import org.secplane.config.ConfigView;
import org.secplane.config.Interfaces;

/**
 * The commit checks of {@code [edit security ike]} (ipsec-srx.md §5.2, §6.3). One instance checks one
 * candidate configuration; the schema already checks values, ranges, references, mandatory
 * statements and the proposal and address counts (D-08, D-27).
 */
final class IkeChecks {

    /** Attributes a custom IKE proposal must have once a policy uses it (D-15). */
    static final List<String> MANDATORY_PROPOSAL_STATEMENTS = List.of("authentication-method", "dh-group",
            "authentication-algorithm", "encryption-algorithm");

    private final CommitContext context;
    private final ConfigView root;
    private Map<String, ConfigView> proposals = Map.of();
    private Map<String, ConfigView> policies = Map.of();
    private List<ConfigView> gateways = List.of();
    private final Set<String> incompleteReported = new HashSet<>();

    IkeChecks(CommitContext context) {
        this.context = context;
        this.root = context.candidate();
    }

    void run() {
        Optional<ConfigView> ike = root.find("security", "ike");
        if (ike.isEmpty()) {
            return;
        }
        proposals = entries(ike.get(), "proposal");
        policies = entries(ike.get(), "policy");
        gateways = ike.get().children("gateway");
        for (ConfigView policy : policies.values()) {
            checkPolicy(policy);
        }
        for (ConfigView gateway : gateways) {
            checkGateway(gateway);
        }
        ike.get().find("traceoptions", "file").ifPresent(this::checkTraceFile);
    }

    private static Map<String, ConfigView> entries(ConfigView parent, String keyword) {
        Map<String, ConfigView> entries = new LinkedHashMap<>();
        for (ConfigView entry : parent.children(keyword)) {
            entries.putIfAbsent(entry.value(), entry);
        }
        return entries;
    }

    /** The configured proposals a policy names (dangling names are the engine's reference errors). */
    private List<ConfigView> proposalsOf(ConfigView policy) {
        List<ConfigView> resolved = new ArrayList<>();
        for (String name : policy.values("proposals")) {
            ConfigView proposal = proposals.get(name);
            if (proposal != null) {
                resolved.add(proposal);
            }
        }
        return resolved;
    }

    /** Whether the policy authenticates with pre-shared keys: a predefined set, or a proposal that says so. */
    private boolean usesPreSharedKeys(ConfigView policy) {
        return policy.has("proposal-set") || proposalsOf(policy).stream()
                .anyMatch(p -> "pre-shared-keys".equals(p.leaf("authentication-method").orElse(null)));
    }

    private static boolean isV2Only(ConfigView gateway) {
        return "v2-only".equals(gateway.leaf("version").orElse("v1-only"));
    }

    private static String quoted(String name) {
        return "'" + name + "'";
    }

    // ---------------------------------------------------------------- policy

    private void checkPolicy(ConfigView policy) {
        String name = policy.value();
        Optional<ConfigView> proposalSet = policy.child("proposal-set");
        Optional<ConfigView> proposalList = policy.child("proposals");
        // D-07: a predefined set or own proposals, not both
        if (proposalSet.isPresent() && proposalList.isPresent()) {
            context.error(proposalSet.get(), "'proposal-set' and 'proposals' are mutually exclusive: IKE policy "
                    + quoted(name) + " must use either a predefined proposal set or its own proposals");
        } else if (proposalSet.isEmpty() && proposalList.isEmpty()) {
            context.error(policy, "IKE policy " + quoted(name) + " needs 'proposals' or 'proposal-set'");
        }
        // D-10: the predefined sets are pre-shared-key proposals only
        if (proposalSet.isPresent() && policy.has("certificate")) {
            context.error(proposalSet.get(), "proposal-set " + proposalSet.get().value() + " contains pre-shared-key "
                    + "proposals only and cannot be used with 'certificate'; configure 'proposals' whose "
                    + "authentication-method uses signatures");
        }
        List<ConfigView> used = proposalsOf(policy);
        // D-15: a referenced custom proposal must be complete
        for (ConfigView proposal : used) {
            List<String> missing = MANDATORY_PROPOSAL_STATEMENTS.stream().filter(s -> !proposal.has(s))
                    .collect(Collectors.toList());
            if (!missing.isEmpty() && incompleteReported.add(proposal.value())) {
                context.error(proposal, "IKE proposal " + quoted(proposal.value()) + " is used by IKE policy "
                        + quoted(name) + " but lacks " + missing.stream().map(IkeChecks::quoted)
                        .collect(Collectors.joining(", ")));
            }
        }
        // D-09: one Diffie-Hellman group for all proposals of a policy
        Set<String> groups = new LinkedHashSet<>();
        for (ConfigView proposal : used) {
            proposal.leaf("dh-group").ifPresent(groups::add);
        }
        if (groups.size() > 1) {
            context.warning(proposalList.get(), "the proposals of IKE policy " + quoted(name) + " use different "
                    + "Diffie-Hellman groups (" + String.join(", ", groups) + "); use the same group in all proposals");
        }
        // D-64: pre-shared-key authentication needs the key
        if (usesPreSharedKeys(policy) && !policy.has("pre-shared-key")) {
            String why = proposalSet.isPresent() ? "proposal-set " + proposalSet.get().value()
                    : "authentication-method pre-shared-keys";
            context.error(policy, "IKE policy " + quoted(name) + " uses pre-shared-key authentication (" + why
                    + ") but has no 'pre-shared-key'");
        }
        // D-26: mode is an IKEv1 notion
        policy.child("mode").ifPresent(mode -> {
            List<ConfigView> users = gateways.stream()
                    .filter(g -> name.equals(g.leaf("ike-policy").orElse(null))).collect(Collectors.toList());
            if (!users.isEmpty() && users.stream().allMatch(IkeChecks::isV2Only)) {
                context.warning(mode, "'mode " + mode.value() + "' is ignored: IKE policy " + quoted(name)
                        + " is used only by IKEv2 gateways (version v2-only), which have no Phase 1 mode");
            }
        });
    }

    // ---------------------------------------------------------------- gateway

    private void checkGateway(ConfigView gateway) {
        String name = gateway.value();
        boolean hasAddress = gateway.has("address");
        Optional<ConfigView> dynamic = gateway.child("dynamic");
        // D-28: exactly one of address and dynamic
        if (hasAddress && dynamic.isPresent()) {
            context.error(dynamic.get(), "'address' and 'dynamic' are mutually exclusive: IKE gateway " + quoted(name)
                    + " has either fixed peer addresses or a dynamic peer identified by its IKE ID");
        } else if (!hasAddress && dynamic.isEmpty()) {
            context.error(gateway, "IKE gateway " + quoted(name) + " needs 'address' (peer address or host name) or "
                    + "'dynamic' (peer identified by its IKE ID)");
        }
        gateway.child("external-interface").ifPresent(this::checkExternalInterface);

        boolean v2 = isV2Only(gateway);
        Optional<ConfigView> policyReference = gateway.child("ike-policy");
        ConfigView policy = policyReference.map(r -> policies.get(r.value())).orElse(null);
        if (policy != null && !v2) {
            // AES-GCM protects IKE SAs only in IKEv2 (RFC 5282); IKEv1 has no AEAD transforms for Phase 1
            for (ConfigView proposal : proposalsOf(policy)) {
                String cipher = proposal.leaf("encryption-algorithm").orElse("");
                if (cipher.endsWith("-gcm")) {
                    context.error(policyReference.get(), "IKE proposal " + quoted(proposal.value()) + " of IKE policy "
                            + quoted(policy.value()) + " uses " + cipher + ", which IKE supports only in IKEv2: set "
                            + "'version v2-only' on IKE gateway " + quoted(name) + " or use a CBC cipher");
                }
            }
        }
        if (v2) {
            gateway.find("dead-peer-detection", "threshold")
                    .filter(threshold -> !"5".equals(threshold.value()))
                    .ifPresent(threshold -> context.warning(threshold, "IKEv2 uses a fixed dead-peer-detection "
                            + "threshold of 5; 'threshold " + threshold.value() + "' is ignored"));
        }
        if (dynamic.isPresent() && !v2 && policy != null && usesPreSharedKeys(policy)
                && "main".equals(policy.leaf("mode").orElse("main"))) {
            context.warning(dynamic.get(), "IKE gateway " + quoted(name) + " has a dynamic peer and IKE policy "
                    + quoted(policy.value()) + " uses pre-shared keys in main mode, where the key must be chosen by "
                    + "peer address; dynamic peers with pre-shared keys need 'mode aggressive'");
        }
    }

    /** D-37: the external interface is a configured unit whose zone accepts IKE. */
    private void checkExternalInterface(ConfigView externalInterface) {
        String unit = externalInterface.value();
        if (!Interfaces.isConfigured(root, unit)) {
            context.error(externalInterface, "external-interface " + unit + " is not a configured interface unit "
                    + "(interfaces " + Interfaces.device(unit) + " unit " + Interfaces.unit(unit) + ")");
            return;
        }
        Optional<ConfigView> zone = Zones.zoneOf(root, unit);
        if (zone.isEmpty()) {
            context.warning(externalInterface, "external-interface " + unit + " is in no security zone: IKE packets "
                    + "arriving on it are dropped");
        } else if (!Zones.allowsSystemService(zone.get(), unit, "ike")) {
            context.warning(externalInterface, "security zone " + quoted(zone.get().value()) + " of external-interface "
                    + unit + " does not allow host-inbound-traffic system-services ike (or all): IKE packets arriving "
                    + "on it are dropped");
        }
    }

    // ---------------------------------------------------------------- traceoptions

    /**
     * §2.1.5, §6.1-13: {@code files} needs {@code size} and a file name, {@code size} needs {@code files} and a
     * file name (the same rule and wording as {@code security pki traceoptions}).
     */
    private void checkTraceFile(ConfigView file) {
        boolean filename = file.has("filename");
        requireWith(file, "files", "size", filename);
        requireWith(file, "size", "files", filename);
    }

    private void requireWith(ConfigView file, String statement, String companion, boolean filename) {
        Optional<ConfigView> given = file.child(statement);
        if (given.isEmpty()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (!file.has(companion)) {
            missing.add(quoted(companion));
        }
        if (!filename) {
            missing.add("a file name");
        }
        if (!missing.isEmpty()) {
            context.error(given.get(), quoted(statement) + " requires " + String.join(" and ", missing));
        }
    }
}
