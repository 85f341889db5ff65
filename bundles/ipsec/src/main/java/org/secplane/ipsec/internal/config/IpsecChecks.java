package org.secplane.ipsec.internal.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.secplane.config.CommitContext;
import org.secplane.config.ConfigView;
import org.secplane.config.Interfaces;
import org.secplane.config.schema.InvalidValueException;
import org.secplane.config.schema.Types;

/**
 * The commit checks of the SRX {@code [edit security ipsec]} hierarchy (ipsec-srx.md §5.2, §6.3). One
 * instance checks one candidate configuration; the schema already checks values, ranges, references,
 * mandatory statements and the proposal count (D-08).
 */
final class IpsecChecks {

    private final CommitContext context;
    private final ConfigView root;

    IpsecChecks(CommitContext context) {
        this.context = context;
        this.root = context.candidate();
    }

    void run() {
        Optional<ConfigView> ipsec = root.find("security", "ipsec");
        if (ipsec.isEmpty()) {
            return;
        }
        for (ConfigView proposal : ipsec.get().children("proposal")) {
            checkProposal(proposal);
        }
        for (ConfigView policy : ipsec.get().children("policy")) {
            checkPolicy(policy);
        }
        List<ConfigView> vpns = ipsec.get().children("vpn");
        for (ConfigView vpn : vpns) {
            checkVpn(vpn);
        }
        checkSharedBindings(vpns);
        checkManualSpis(vpns);
    }

    private static String quoted(String name) {
        return "'" + name + "'";
    }

    // ---------------------------------------------------------------- proposal and policy

    /** D-64: what each protocol needs and allows; AEAD ciphers carry their own authentication. */
    private void checkProposal(ConfigView proposal) {
        String name = quoted(proposal.value());
        String protocol = proposal.leaf("protocol").orElse("esp");
        Optional<ConfigView> authentication = proposal.child("authentication-algorithm");
        Optional<ConfigView> encryption = proposal.child("encryption-algorithm");
        if (protocol.equals("ah")) {
            if (authentication.isEmpty()) {
                context.error(proposal, "IPsec proposal " + name + " uses protocol ah, which needs "
                        + "'authentication-algorithm'");
            }
            encryption.ifPresent(e -> context.error(e, "protocol ah authenticates only: 'encryption-algorithm' is not "
                    + "allowed in IPsec proposal " + name));
            return;
        }
        if (authentication.isEmpty() && encryption.isEmpty()) {
            context.error(proposal, "IPsec proposal " + name + " (protocol esp) needs 'encryption-algorithm', "
                    + "'authentication-algorithm' or both");
        }
        if (encryption.isPresent() && IpsecSchema.AEAD.contains(encryption.get().value()) && authentication.isPresent()) {
            context.error(authentication.get(), "encryption-algorithm " + encryption.get().value() + " authenticates "
                    + "the packets itself (AEAD): 'authentication-algorithm' is not allowed in IPsec proposal " + name);
        }
    }

    /** D-07: a predefined set or own proposals, exactly one of them. */
    private void checkPolicy(ConfigView policy) {
        String name = quoted(policy.value());
        Optional<ConfigView> proposalSet = policy.child("proposal-set");
        boolean proposals = policy.has("proposals");
        if (proposalSet.isPresent() && proposals) {
            context.error(proposalSet.get(), "'proposal-set' and 'proposals' are mutually exclusive: IPsec policy " + name
                    + " must use either a predefined proposal set or its own proposals");
        } else if (proposalSet.isEmpty() && !proposals) {
            context.error(policy, "IPsec policy " + name + " needs 'proposals' or 'proposal-set'");
        }
    }

    // ---------------------------------------------------------------- vpn

    private void checkVpn(ConfigView vpn) {
        String name = quoted(vpn.value());
        Optional<ConfigView> ike = vpn.child("ike");
        Optional<ConfigView> manual = vpn.child("manual");
        // D-64: keyed by IKE or manually, exactly one
        if (ike.isPresent() && manual.isPresent()) {
            context.error(manual.get(), "IPsec VPN " + name + " is keyed either by IKE ('ike') or manually ('manual'), "
                    + "not both");
        } else if (ike.isEmpty() && manual.isEmpty()) {
            context.error(vpn, "IPsec VPN " + name + " needs 'ike' (AutoKey IKE) or 'manual' (manual SA)");
        }
        Optional<ConfigView> gateway = ike.flatMap(i -> i.child("gateway"));
        Optional<ConfigView> ikeGateway = gateway.flatMap(g -> root.find("security", "ike")
                .flatMap(ikeBlock -> ikeBlock.entry("gateway", g.value())));
        gateway.ifPresent(g -> {
            // D-58: the reference page prints "gateway ip-address"; it is the name of an IKE gateway
            if (ikeGateway.isEmpty() && isIpAddress(g.value())) {
                context.error(g, "'gateway' takes the name of an IKE gateway ([edit security ike gateway]), not an IP "
                        + "address: define an IKE gateway with 'address " + g.value() + "' and name it here");
            }
        });
        ike.flatMap(i -> i.child("proxy-identity")).ifPresent(this::checkProxyIdentity);
        manual.ifPresent(this::checkManual);
        // D-18: VPN monitoring and DPD exclude each other
        vpn.child("vpn-monitor").ifPresent(monitor -> ikeGateway
                .filter(g -> g.has("dead-peer-detection"))
                .ifPresent(g -> context.error(monitor, "vpn-monitor cannot be used with dead-peer-detection: IKE gateway "
                        + quoted(g.value()) + " of IPsec VPN " + name + " has dead-peer-detection")));
        vpn.child("bind-interface").ifPresent(this::checkBindInterface);
    }

    private static boolean isIpAddress(String value) {
        try {
            Types.ipAddress().normalize(value);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    private void checkProxyIdentity(ConfigView proxy) {
        Optional<String> local = proxy.leaf("local");
        Optional<String> remote = proxy.leaf("remote");
        if (local.isPresent() && remote.isPresent() && local.get().contains(":") != remote.get().contains(":")) {
            context.error(proxy, "proxy-identity local " + local.get() + " and remote " + remote.get()
                    + " must be of the same address family");
        }
    }

    /** D-22: a route-based VPN binds to a configured st0 unit. */
    private void checkBindInterface(ConfigView bind) {
        String unit = bind.value();
        if (!Interfaces.device(unit).equals("st0")) {
            context.error(bind, "bind-interface must name a secure tunnel interface unit (st0.N), not " + unit);
        } else if (!Interfaces.isConfigured(root, unit)) {
            context.error(bind, "bind-interface " + unit + " is not a configured interface unit (interfaces st0 unit "
                    + Interfaces.unit(unit) + ")");
        }
    }

    /** D-22: several VPNs share an st0 unit only when it is multipoint. */
    private void checkSharedBindings(List<ConfigView> vpns) {
        Map<String, List<ConfigView>> byUnit = new LinkedHashMap<>();
        for (ConfigView vpn : vpns) {
            vpn.child("bind-interface").ifPresent(b -> byUnit.computeIfAbsent(b.value(), u -> new ArrayList<>()).add(b));
        }
        for (Map.Entry<String, List<ConfigView>> bound : byUnit.entrySet()) {
            String unit = bound.getKey();
            if (bound.getValue().size() < 2) {
                continue;
            }
            Optional<ConfigView> unitBlock = Interfaces.unit(root, unit);
            if (unitBlock.isEmpty() || unitBlock.get().has("multipoint")) {
                continue;
            }
            String names = bound.getValue().stream().map(b -> b.parent().value()).collect(Collectors.joining(", "));
            for (ConfigView bind : bound.getValue()) {
                context.error(bind, unit + " is bound to IPsec VPNs " + names + "; several VPNs can share an st0 unit "
                        + "only when it is point-to-multipoint (interfaces st0 unit " + Interfaces.unit(unit)
                        + " multipoint)");
            }
        }
    }

    // ---------------------------------------------------------------- manual SA

    private void checkManual(ConfigView manual) {
        String protocol = manual.leaf("protocol").orElse("esp");
        Optional<ConfigView> authentication = manual.child("authentication");
        Optional<ConfigView> encryption = manual.child("encryption");
        if (protocol.equals("ah")) {
            if (authentication.isEmpty()) {
                context.error(manual, "a manual SA with protocol ah needs 'authentication'");
            }
            encryption.ifPresent(e -> context.error(e, "protocol ah authenticates only: 'encryption' is not allowed"));
        } else if (authentication.isEmpty() && encryption.isEmpty()) {
            context.error(manual, "a manual SA with protocol esp needs 'encryption', 'authentication' or both");
        }
        authentication.ifPresent(this::checkKey);
        encryption.ifPresent(this::checkKey);
        // D-37 names a configured unit; a warning only, because E8 (§4.8) commits with an unconfigured one
        manual.child("external-interface").filter(e -> !Interfaces.isConfigured(root, e.value()))
                .ifPresent(e -> context.warning(e, "external-interface " + e.value() + " is not a configured interface "
                        + "unit: the manual SA carries no traffic until it is"));
    }

    /** D-05 key length per algorithm and D-04 3DES key parts, on the revealed key (zeroed after use). */
    private void checkKey(ConfigView block) {
        Optional<String> algorithm = block.leaf("algorithm");
        Optional<ConfigView> key = block.child("key");
        if (key.isEmpty()) {
            context.error(block, "'key' is missing: '" + block.keyword() + "' needs the algorithm and its key");
            return;
        }
        Optional<ConfigView> secret = key.get().child("ascii-text");
        boolean hexadecimal = secret.isEmpty();
        if (hexadecimal) {
            secret = key.get().child("hexadecimal");
        }
        Integer bytes = algorithm.map(ManualKeys.KEY_BYTES::get).orElse(null);
        if (secret.isEmpty() || bytes == null) {
            return;
        }
        byte[] clear = context.revealSecret(secret.get());
        byte[] keyBytes = new byte[0];
        try {
            int length = ManualKeys.length(clear, hexadecimal);
            int expected = hexadecimal ? 2 * bytes : bytes;
            if (length != expected) {
                context.error(secret.get(), algorithm.get() + " needs a key of " + bytes + " ASCII characters or "
                        + 2 * bytes + " hexadecimal digits; this " + (hexadecimal ? "hexadecimal key has " + length
                        + " digits" : "ascii-text key has " + length + " characters"));
                return;
            }
            if (algorithm.get().equals("3des-cbc")) {
                keyBytes = ManualKeys.keyBytes(clear, hexadecimal);
                String equalParts = ManualKeys.degenerateTripleDes(keyBytes);
                if (equalParts != null) {
                    context.warning(secret.get(), "the 3des-cbc key has equal 8-byte parts (" + equalParts
                            + "): triple DES degenerates to single DES; use three different key parts");
                }
            }
        } finally {
            Arrays.fill(clear, (byte) 0);
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    /** D-60: inbound manual SAs are found by (local address, protocol, SPI), so the triple must be unique. */
    private void checkManualSpis(List<ConfigView> vpns) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (ConfigView vpn : vpns) {
            Optional<ConfigView> manual = vpn.child("manual");
            Optional<ConfigView> spi = manual.flatMap(m -> m.child("spi"));
            if (spi.isEmpty()) {
                continue;
            }
            String identity = manual.get().leaf("external-interface").orElse("") + " "
                    + manual.get().leaf("protocol").orElse("esp") + " " + spi.get().value();
            String first = seen.putIfAbsent(identity, vpn.value());
            if (first != null) {
                context.error(spi.get(), "IPsec VPNs " + quoted(first) + " and " + quoted(vpn.value()) + " use the same "
                        + "manual SA (external-interface, protocol, spi " + spi.get().value() + "); each manual SA "
                        + "needs its own SPI");
            }
        }
    }
}
