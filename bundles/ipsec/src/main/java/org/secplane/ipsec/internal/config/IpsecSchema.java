package org.secplane.ipsec.internal.config;

import static org.secplane.config.schema.Statements.choice;
import static org.secplane.config.schema.Statements.container;
import static org.secplane.config.schema.Statements.flag;
import static org.secplane.config.schema.Statements.key;
import static org.secplane.config.schema.Statements.leaf;
import static org.secplane.config.schema.Statements.leafList;
import static org.secplane.config.schema.Statements.list;
import static org.secplane.config.schema.Types.enumeration;
import static org.secplane.config.schema.Types.integer;
import static org.secplane.config.schema.Types.interfaceName;
import static org.secplane.config.schema.Types.ipAddress;
import static org.secplane.config.schema.Types.ipPrefix;
import static org.secplane.config.schema.Types.name;
import static org.secplane.config.schema.Types.reference;
import static org.secplane.config.schema.Types.secret;
import static org.secplane.config.schema.Types.string;

import java.util.List;
import org.secplane.config.schema.Container;
import org.secplane.config.schema.InvalidValueException;
import org.secplane.config.schema.ListNode;
import org.secplane.config.schema.Types.SecretFormat;
import org.secplane.config.schema.ValueType;

/**
 * The statements of the SRX {@code [edit security ipsec]} hierarchy (ipsec-srx.md §2.2): policies,
 * proposals, traceoptions, VPNs (AutoKey IKE or manual) and {@code vpn-monitor-options}, with the ranges and
 * defaults of §1.28 and decisions D-12, D-29..D-31. The ES PIC {@code security-association} statements are
 * contributed by another bundle into the same {@code security ipsec} container.
 */
final class IpsecSchema {

    static final String PROPOSAL_PATH = "security ipsec proposal";
    static final String POLICY_PATH = "security ipsec policy";
    static final String IKE_GATEWAY_PATH = "security ike gateway";

    /** IPsec proposal {@code authentication-algorithm} values; the short SHA-2 spellings are aliases. */
    static final String[] PROPOSAL_AUTHENTICATION = {"hmac-md5-96", "hmac-sha1-96", "hmac-sha-256-128",
        "hmac-sha-384-192", "hmac-sha-512-256", "hmac-sha-384=hmac-sha-384-192", "hmac-sha-512=hmac-sha-512-256"};
    /** IPsec proposal {@code encryption-algorithm} values. */
    static final String[] PROPOSAL_ENCRYPTION = {"3des-cbc", "aes-128-cbc", "aes-192-cbc", "aes-256-cbc", "des-cbc",
        "aes-128-gcm", "aes-192-gcm", "aes-256-gcm", "chacha20-poly1305"};
    /** Ciphers that authenticate themselves (AEAD): no {@code authentication-algorithm} with them. */
    static final List<String> AEAD = List.of("aes-128-gcm", "aes-192-gcm", "aes-256-gcm", "chacha20-poly1305");
    /** Manual SA algorithms: the guide's sets, whose key lengths D-05 fixes. */
    static final String[] MANUAL_AUTHENTICATION = {"hmac-md5-96", "hmac-sha1-96", "hmac-sha-256-128"};
    static final String[] MANUAL_ENCRYPTION = {"3des-cbc", "aes-128-cbc", "aes-192-cbc", "aes-256-cbc", "des-cbc"};
    /** Perfect-forward-secrecy groups; the same set as the IKE proposal {@code dh-group}. */
    static final String[] DH_GROUPS = {"group1", "group2", "group5", "group14", "group15", "group16", "group19",
        "group20", "group21", "group31"};
    static final String[] TRACE_FLAGS = {"all", "next-hop-tunnel-binding", "packet-drops", "packet-processing",
        "security-associations"};

    private IpsecSchema() {
    }

    /** Statements in the order Junos displays them (pki.md's "show security ipsec" Results, ipsec-srx.md §4.8). */
    static Container ipsec() {
        return container("ipsec", traceoptions(), vpnMonitorOptions(), proposal(), policy(), vpn())
                .help("Define IP Security (IPsec) configuration");
    }

    private static ListNode policy() {
        return list("policy", key(name("policy-name")),
                leaf("description", string("description")).help("Text description of IPsec policy"),
                container("perfect-forward-secrecy",
                        leaf("keys", enumeration(DH_GROUPS))
                                .help("Diffie-Hellman group for a new key exchange per Phase 2 SA: group1 (768-bit), "
                                        + "group2 (1024-bit), group5 (1536-bit), group14 (2048-bit), group15, group16, "
                                        + "group19, group20, group21 (ECP), group31 (Curve25519, a secplane extension)"))
                        .help("Define perfect forward secrecy (a change deletes the existing IPsec SAs)"),
                leafList("proposals", reference("proposal-name", PROPOSAL_PATH)).max(4)
                        .help("Name of the IPsec proposals, in order of preference (up to 4)"),
                leaf("proposal-set", enumeration("basic", "compatible", "standard"))
                        .help("Predefined IPsec proposal set: standard (g2-esp-3des-sha, g2-esp-aes128-sha; PFS group 2), "
                                + "compatible (nopfs-esp-3des-sha, nopfs-esp-3des-md5, nopfs-esp-des-sha, "
                                + "nopfs-esp-des-md5), basic (nopfs-esp-des-sha, nopfs-esp-des-md5); the policy's "
                                + "perfect-forward-secrecy overrides the set's"))
                .pid("org.secplane.ipsec.policy")
                .help("Define an IPsec policy (Phase 2 proposals and PFS)");
    }

    private static ListNode proposal() {
        return list("proposal", key(name("proposal-name")),
                leaf("description", string("description")).help("Text description of IPsec proposal"),
                leaf("protocol", enumeration("ah", "esp")).defaultValue("esp")
                        .help("Define an IPsec protocol for a manual or dynamic SA: ah (authentication only) or esp "
                                + "(default)"),
                leaf("authentication-algorithm", enumeration(PROPOSAL_AUTHENTICATION))
                        .help("Define authentication algorithm: hmac-md5-96, hmac-sha1-96, hmac-sha-256-128, "
                                + "hmac-sha-384-192, hmac-sha-512-256 (none with an AEAD encryption algorithm)"),
                leaf("encryption-algorithm", enumeration(PROPOSAL_ENCRYPTION))
                        .help("Define encryption algorithm: des-cbc, 3des-cbc, aes-128/192/256-cbc, or the AEAD "
                                + "ciphers aes-128/192/256-gcm and chacha20-poly1305 (a change deletes the IPsec SAs)"),
                leaf("lifetime-seconds", integer(180, 86400)).defaultValue("3600")
                        .help("Lifetime of the IPsec SA in seconds (180..86400, default 3600)"),
                leaf("lifetime-kilobytes", integer(64, 1048576))
                        .help("Lifetime of the IPsec SA in kilobytes (64..1048576, default unlimited)"))
                .pid("org.secplane.ipsec.proposal")
                .help("Define an IPsec proposal (Phase 2 attributes)");
    }

    private static Container traceoptions() {
        return container("traceoptions",
                leafList("flag", enumeration(TRACE_FLAGS))
                        .help("Tracing parameters: all, next-hop-tunnel-binding, packet-drops, packet-processing, "
                                + "security-associations"))
                .pid("org.secplane.ipsec.traceoptions")
                .help("Trace options for IPsec data-plane debugging");
    }

    private static ListNode vpn() {
        return list("vpn", key(name("vpn-name")),
                leaf("bind-interface", interfaceName(true))
                        .help("Secure tunnel interface unit (st0.N) to which the route-based VPN is bound"),
                leaf("df-bit", enumeration("clear", "copy", "set")).defaultValue("clear")
                        .help("Handling of the DF bit in the outer header: clear (default), copy from the inner "
                                + "header, set"),
                container("vpn-monitor",
                        flag("optimized")
                                .help("Use traffic patterns as evidence of peer liveliness; suppress ICMP requests "
                                        + "while traffic arrives (default disabled)"),
                        leaf("source-interface", interfaceName(true))
                                .help("Source interface of the ICMP requests (default: the local tunnel endpoint)"),
                        leaf("destination-ip", ipAddress())
                                .help("Destination of the ICMP requests (default: the peer's gateway address)"))
                        .presence()
                        .help("Monitor the VPN with ICMP echo requests (not with dead-peer-detection on its gateway); "
                                + "alone, with the defaults"),
                manual(),
                ike(),
                leaf("establish-tunnels", enumeration("immediately", "on-traffic")).defaultValue("on-traffic")
                        .help("When IKE is activated: immediately after commit, or on-traffic (default) when data "
                                + "traffic needs the tunnel"))
                .pid("org.secplane.ipsec.vpn")
                .help("Define an IPsec VPN");
    }

    private static Container ike() {
        return container("ike",
                leaf("gateway", reference("gateway-name", IKE_GATEWAY_PATH)).mandatory()
                        .help("Name of the IKE gateway ([edit security ike gateway])"),
                leaf("idle-time", integer(60, 999999))
                        .help("Idle time after which the SA pair is deleted, in seconds (60..999999, default disabled)"),
                flag("no-anti-replay").help("Disable the anti-replay check"),
                container("proxy-identity",
                        leaf("local", ipPrefix(true)).help("Local IP prefix (IPv4 or IPv6) of the proxy ID"),
                        leaf("remote", ipPrefix(true)).help("Remote IP prefix (IPv4 or IPv6) of the proxy ID"),
                        leaf("service", service()).defaultValue("any")
                                .help("Port and protocol combination to protect: any (also written all) or the name "
                                        + "of an application"))
                        .help("IPsec proxy ID (traffic selectors); default from the security policies (policy-based) "
                                + "or 0.0.0.0/0 both ways, any (route-based)"),
                leaf("ipsec-policy", reference("policy-name", POLICY_PATH)).mandatory()
                        .help("Name of the IPsec policy"),
                leaf("install-interval", integer(0, 10)).defaultValue("1")
                        .help("Maximum seconds to install a rekeyed outbound SA (0..10, default 1)"))
                .help("Define an IKE-keyed IPsec VPN");
    }

    /** In the order of the guide's Results (¶352→¶209). */
    private static Container manual() {
        return container("manual",
                leaf("gateway", ipAddress()).mandatory().help("IPv4 or IPv6 address of the peer"),
                leaf("external-interface", interfaceName(true)).mandatory()
                        .help("Outgoing interface for the manual SA"),
                leaf("protocol", enumeration("ah", "esp")).defaultValue("esp")
                        .help("Define an IPsec protocol for the manual SA: ah or esp (default)"),
                leaf("spi", integer(256, 16639)).mandatory()
                        .help("Security parameter index identifying the SA at the receiving host (256..16639)"),
                container("authentication",
                        leaf("algorithm", enumeration(MANUAL_AUTHENTICATION)).mandatory()
                                .help("Authentication algorithm: hmac-md5-96 (16-byte key), hmac-sha1-96 (20-byte key), "
                                        + "hmac-sha-256-128 (32-byte key)"),
                        manualKey("Authentication key"))
                        .help("Define authentication parameters"),
                container("encryption",
                        leaf("algorithm", enumeration(MANUAL_ENCRYPTION)).mandatory()
                                .help("Encryption algorithm: des-cbc (8-byte key), 3des-cbc (24-byte key), "
                                        + "aes-128-cbc (16), aes-192-cbc (24), aes-256-cbc (32)"),
                        manualKey("Encryption key"))
                        .help("Define encryption parameters"))
                .help("Define a manual IPsec security association");
    }

    private static Container manualKey(String help) {
        return container("key",
                choice(leaf("ascii-text", secret(SecretFormat.ASCII)).help("Format as text"),
                        leaf("hexadecimal", secret(SecretFormat.HEX)).help("Format as hexadecimal")))
                .oneLine()
                .help(help);
    }

    private static Container vpnMonitorOptions() {
        return container("vpn-monitor-options",
                leaf("interval", integer(2, 3600)).defaultValue("10")
                        .help("Monitor interval in seconds (2..3600, default 10)"),
                leaf("threshold", integer(1, 65536)).defaultValue("10")
                        .help("Number of consecutive failed pings before the peer is declared unreachable (1..65536, "
                                + "default 10)"))
                .pid("org.secplane.ipsec.vpn-monitor-options")
                .help("Global options for VPN liveliness monitoring");
    }

    /** {@code service (any | service-name)}; {@code all} is accepted and stored as {@code any} (D-12). */
    private static ValueType service() {
        ValueType serviceName = name("service-name");
        return new ValueType() {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (raw.equals("any") || raw.equals("all")) {
                    return "any";
                }
                return serviceName.normalize(raw);
            }

            @Override
            public String describe() {
                return "(any | <service-name>)";
            }

            @Override
            public List<String> completions() {
                return List.of("any");
            }
        };
    }
}
