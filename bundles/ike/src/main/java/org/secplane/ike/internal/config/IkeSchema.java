package org.secplane.ike.internal.config;

import static org.secplane.config.schema.Statements.choice;
import static org.secplane.config.schema.Statements.container;
import static org.secplane.config.schema.Statements.flag;
import static org.secplane.config.schema.Statements.key;
import static org.secplane.config.schema.Statements.leaf;
import static org.secplane.config.schema.Statements.leafList;
import static org.secplane.config.schema.Statements.list;
import static org.secplane.config.schema.Types.email;
import static org.secplane.config.schema.Types.enumeration;
import static org.secplane.config.schema.Types.hostOrAddress;
import static org.secplane.config.schema.Types.hostname;
import static org.secplane.config.schema.Types.integer;
import static org.secplane.config.schema.Types.interfaceName;
import static org.secplane.config.schema.Types.ipv4Address;
import static org.secplane.config.schema.Types.ipv6Address;
import static org.secplane.config.schema.Types.name;
import static org.secplane.config.schema.Types.reference;
import static org.secplane.config.schema.Types.secret;
import static org.secplane.config.schema.Types.size;
import static org.secplane.config.schema.Types.string;

import java.util.List;
import org.secplane.config.schema.Container;
import org.secplane.config.schema.InvalidValueException;
import org.secplane.config.schema.ListNode;
import org.secplane.config.schema.SchemaNode;
import org.secplane.config.schema.Types.SecretFormat;
import org.secplane.config.schema.ValueType;

/**
 * The statements of {@code [edit security ike]} (ipsec-srx.md §2.1): proposals, policies, gateways,
 * {@code respond-bad-spi} and traceoptions, with the ranges and defaults of §1.28 and decisions D-13..D-31.
 *
 * <p>Algorithm keywords go beyond the 2014 guide (a change to ruling D-03, see {@link IkeConfiguration}):
 * ECDSA authentication, SHA-384/512, AES-GCM and the elliptic-curve and larger MODP groups, plus
 * {@code group31} (Curve25519), a secplane extension.
 */
final class IkeSchema {

    static final String PROPOSAL_PATH = "security ike proposal";
    static final String POLICY_PATH = "security ike policy";
    static final String GATEWAY_PATH = "security ike gateway";

    /** IKE proposal {@code authentication-method} values. */
    static final String[] AUTHENTICATION_METHODS = {"dsa-signatures", "ecdsa-signatures-256", "ecdsa-signatures-384",
        "pre-shared-keys", "rsa-signatures"};
    /** IKE proposal {@code authentication-algorithm} values. */
    static final String[] AUTHENTICATION_ALGORITHMS = {"md5", "sha1", "sha-256", "sha-384", "sha-512"};
    /** IKE proposal {@code encryption-algorithm} values. */
    static final String[] ENCRYPTION_ALGORITHMS = {"3des-cbc", "aes-128-cbc", "aes-128-gcm", "aes-192-cbc",
        "aes-256-cbc", "aes-256-gcm", "des-cbc"};
    /** Diffie-Hellman groups of IKE proposals and of IPsec perfect forward secrecy. */
    static final String[] DH_GROUPS = {"group1", "group2", "group5", "group14", "group15", "group16", "group19",
        "group20", "group21", "group31"};
    static final String[] PROPOSAL_SETS = {"basic", "compatible", "standard"};
    /** The 13 IKE trace flags of §2.1.5. */
    static final String[] TRACE_FLAGS = {"all", "certificates", "config", "database", "general", "high-availability",
        "ike", "next-hop-tunnels", "parse", "policy-manager", "routing-socket", "thread", "timer"};

    private static final String DH_HELP = "Diffie-Hellman group: group1 (768-bit MODP, not recommended), group2 "
            + "(1024-bit), group5 (1536-bit), group14 (2048-bit), group15 (3072-bit), group16 (4096-bit), group19 "
            + "(256-bit ECP), group20 (384-bit ECP), group21 (521-bit ECP), group31 (Curve25519, a secplane "
            + "extension beyond Junos)";

    private IkeSchema() {
    }

    /** Statements in the order Junos displays them (pki.md's "show security ike" Results, ipsec-srx.md §4). */
    static Container ike() {
        return container("ike",
                traceoptions(),
                leaf("respond-bad-spi", integer(1, 30)).valueOptional().defaultValue("5")
                        .help("Respond to IPsec packets with invalid SPI values: number of times to respond per gateway "
                                + "before deleting the SAs and negotiating new ones (1..30, default 5)"),
                proposal(),
                policy(),
                gateway())
                .help("Define Internet Key Exchange (IKE) configuration");
    }

    private static ListNode proposal() {
        return list("proposal", key(name("proposal-name")),
                leaf("description", string("description")).help("Text description of IKE proposal"),
                leaf("authentication-method", enumeration(AUTHENTICATION_METHODS))
                        .help("Define authentication method: pre-shared keys, RSA, DSA or ECDSA (P-256, P-384) signatures"),
                leaf("dh-group", enumeration(DH_GROUPS)).help("Define Diffie-Hellman group. " + DH_HELP),
                leaf("authentication-algorithm", enumeration(AUTHENTICATION_ALGORITHMS))
                        .help("Define authentication algorithm: md5 (128-bit digest), sha1 (160-bit digest), sha-256 "
                                + "(256-bit digest), sha-384 (384-bit digest), sha-512 (512-bit digest)"),
                leaf("encryption-algorithm", enumeration(ENCRYPTION_ALGORITHMS))
                        .help("Define encryption algorithm: des-cbc, 3des-cbc, aes-128/192/256-cbc, or aes-128-gcm and "
                                + "aes-256-gcm (IKEv2 only)"),
                leaf("lifetime-seconds", integer(180, 86400)).defaultValue("28800")
                        .help("Lifetime of the IKE security association, in seconds (180..86400, default 28800)"))
                .pid("org.secplane.ike.proposal")
                .help("Define an IKE proposal (Phase 1 attributes)");
    }

    private static ListNode policy() {
        return list("policy", key(name("policy-name")),
                leaf("mode", enumeration("aggressive", "main")).defaultValue("main")
                        .help("Define the IKE Phase 1 mode: main (6 messages, identity protection) or aggressive "
                                + "(3 messages); default main; ignored for IKEv2"),
                leaf("description", string("description")).help("Text description of IKE policy"),
                leafList("proposals", reference("proposal-name", PROPOSAL_PATH)).max(4)
                        .help("Name of the IKE proposals, in order of preference (up to 4)"),
                leaf("proposal-set", enumeration(PROPOSAL_SETS))
                        .help("Predefined IKE proposal set: standard (pre-g2-aes128-sha, pre-g2-3des-sha), compatible "
                                + "(pre-g2-3des-sha, pre-g2-3des-md5, pre-g2-des-sha, pre-g2-des-md5), basic "
                                + "(pre-g1-des-sha, pre-g1-des-md5); pre-shared keys only"),
                container("certificate",
                        leaf("local-certificate", name("certificate-id"))
                                .help("Identifier of the local certificate to send to the peer"),
                        leaf("trusted-ca", trustedCa())
                                .help("Preferred certificate authority: a CA index, or use-all"),
                        leaf("peer-certificate-type", enumeration("pkcs7", "x509-signature"))
                                .help("Preferred type of certificate from the peer"))
                        .help("Certificate configuration for signature-based authentication"),
                container("pre-shared-key",
                        choice(leaf("ascii-text", secret(SecretFormat.ASCII)).help("Format as text"),
                                leaf("hexadecimal", secret(SecretFormat.HEX)).help("Format as hexadecimal")))
                        .oneLine()
                        .help("Define a preshared key"))
                .pid("org.secplane.ike.policy")
                .help("Define an IKE policy (Phase 1 proposals and authentication)");
    }

    private static ListNode gateway() {
        return list("gateway", key(name("gateway-name")),
                leaf("ike-policy", reference("policy-name", POLICY_PATH)).mandatory().help("Name of the IKE policy"),
                leafList("address", hostOrAddress()).max(5)
                        .help("IPv4 or IPv6 address or hostname of the primary IKE gateway and up to four backup gateways"),
                container("dynamic",
                        choice(dnContainer().help("Distinguished name of the dynamic peer's certificate"),
                                leaf("hostname", hostname()).help("Fully qualified domain name of the dynamic peer"),
                                leaf("inet", ipv4Address()).help("IPv4 address identifying the dynamic peer"),
                                leaf("inet6", ipv6Address()).help("IPv6 address identifying the dynamic peer"),
                                leaf("user-at-hostname", email()).help("E-mail address of the dynamic peer")),
                        leaf("connections-limit", integer(1, 10000))
                                .help("Maximum number of simultaneous connections (1..10000)"),
                        leaf("ike-user-type", enumeration("group-ike-id", "shared-ike-id"))
                                .help("group-ike-id: e-mail address or FQDN shared by a group of remote access users; "
                                        + "shared-ike-id: e-mail address shared by a large number of remote access users"))
                        .help("Site to site peer with dynamically assigned IP address, identified by its IKE ID"),
                container("dead-peer-detection",
                        flag("always-send")
                                .help("Send DPD requests regardless of whether there is outgoing IPsec traffic to the peer"),
                        leaf("interval", integer(0, 60)).defaultValue("10")
                                .help("Seconds without traffic from the peer before a DPD request is sent (0..60, "
                                        + "default 10; 0 disables DPD)"),
                        leaf("threshold", integer(1, 5)).defaultValue("5")
                                .help("Unanswered DPD requests before the peer is considered unavailable (1..5, default "
                                        + "5; fixed at 5 for IKEv2)"))
                        .presence()
                        .help("Enable dead peer detection (R-U-THERE / R-U-THERE-ACK); alone, with the defaults"),
                flag("no-nat-traversal").help("Disable IPsec NAT traversal (UDP encapsulation of ESP)"),
                leaf("nat-keepalive", integer(1, 300)).defaultValue("5")
                        .help("Interval at which NAT keepalive packets are sent, in seconds (1..300, default 5)"),
                identity("local-identity", false).help("Set the local IKE identity (default: the address of the "
                        + "external interface)"),
                identity("remote-identity", true).help("Set the remote IKE identity to validate the peer's local "
                        + "identity against (default: any)"),
                leaf("external-interface", interfaceName(true)).mandatory()
                        .help("Outgoing interface for IKE SAs; its zone is the carrier and must allow system-services ike"),
                container("xauth",
                        leaf("access-profile", name("profile-name"))
                                .help("Access profile (from [edit access profile]) that provides the XAuth users"))
                        .help("Configure XAuth authentication in addition to IKE authentication"),
                flag("general-ikeid").help("Accept general peer IKE ID (no validation of the peer's identity)"),
                leaf("version", enumeration("v1-only", "v2-only")).defaultValue("v1-only")
                        .help("IKE version to use to initiate the connection (default v1-only); no fallback to the "
                                + "other version"))
                .pid("org.secplane.ike.gateway")
                .help("Define an IKE gateway (peer)");
    }

    private static Container dnContainer() {
        return container("distinguished-name",
                leaf("container", string("container-string")).help("Container string of the distinguished name"),
                leaf("wildcard", string("wildcard-string")).help("Wildcard string of the distinguished name"))
                .presence();
    }

    private static Container identity(String name, boolean remote) {
        SchemaNode<?> distinguishedName = remote
                ? dnContainer().help("Use a distinguished name from the peer's certificate")
                : flag("distinguished-name").help("Use the distinguished name of the local certificate");
        return container(name,
                choice(distinguishedName,
                        leaf("hostname", hostname()).help("Fully qualified domain name"),
                        leaf("inet", ipv4Address()).help("IPv4 address"),
                        leaf("inet6", ipv6Address()).help("IPv6 address"),
                        leaf("user-at-hostname", email()).help("E-mail address")))
                .oneLine();
    }

    private static Container traceoptions() {
        return container("traceoptions",
                container("file",
                        leaf("filename", string("filename")).noKeyword()
                                .help("Name of the file to receive the output of the tracing operation (in /var/log)"),
                        leaf("files", integer(2, 1000)).defaultValue("10")
                                .help("Maximum number of trace files (2..1000, default 10)"),
                        leaf("match", string("regular-expression")).help("Regular expression for lines to be logged"),
                        choice(flag("world-readable").help("Allow any user to read the log file"),
                                flag("no-world-readable").help("Don't allow any user to read the log file")),
                        leaf("size", size(10L * 1024, 1024L * 1024 * 1024)).defaultValue("128k")
                                .help("Maximum trace file size (10k..1g, default 128k)"))
                        .oneLine()
                        .help("Trace file information"),
                leafList("flag", enumeration(TRACE_FLAGS))
                        .help("Tracing parameters: all, certificates, config, database, general, high-availability, ike, "
                                + "next-hop-tunnels, parse, policy-manager, routing-socket, thread, timer"),
                flag("no-remote-trace").help("Disable remote tracing"),
                leaf("rate-limit", integer(0, 4294967295L)).help("Limit the incoming rate of trace messages "
                        + "(0..4294967295 messages per second)"))
                .pid("org.secplane.ike.traceoptions")
                .help("Trace options for IKE key management");
    }

    /** {@code trusted-ca (ca-index | use-all)}: a CA index or the keyword {@code use-all}. */
    private static ValueType trustedCa() {
        ValueType index = integer(0, 4294967295L);
        return new ValueType() {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (raw.equals("use-all")) {
                    return raw;
                }
                try {
                    return index.normalize(raw);
                } catch (InvalidValueException e) {
                    throw new InvalidValueException(
                            "invalid value '" + raw + "', expecting a CA index (0..4294967295) or use-all");
                }
            }

            @Override
            public String describe() {
                return "(<ca-index> | use-all)";
            }

            @Override
            public List<String> completions() {
                return List.of("use-all");
            }
        };
    }
}
