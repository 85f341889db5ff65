package org.secplane.servicesipsec.internal.config;

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
import static org.secplane.config.schema.Types.ipv4Address;
import static org.secplane.config.schema.Types.ipv4Prefix;
import static org.secplane.config.schema.Types.name;
import static org.secplane.config.schema.Types.reference;
import static org.secplane.config.schema.Types.secret;
import static org.secplane.config.schema.Types.string;

import org.secplane.config.schema.Container;
import org.secplane.config.schema.ListNode;
import org.secplane.config.schema.Types.SecretFormat;

/**
 * The statements of {@code [edit services ipsec-vpn]} (spec §2.0, S-01..S-46) and of
 * {@code [edit services service-set NAME]} as far as the services IPsec front end needs them (D-24, D-25).
 *
 * <p>Enumerations are the seed's (002:L10-92), the strict profile of D-3: IKE {@code md5|sha1},
 * {@code dsa-signatures|pre-shared-keys|rsa-signatures}, {@code group1|group2}, {@code 3des-cbc|des-cbc};
 * IPsec {@code hmac-md5-96|hmac-sha1-96}, {@code 3des-cbc|des-cbc}, {@code ah|esp|bundle}. The
 * later-Junos keywords of the brief (AES-GCM, SHA-2, ECP groups, group31) belong to the SRX hierarchies:
 * the services front end's runtime (D-21) implements the seed's algorithm set only, and D-3 asks that
 * {@code dh-group group5} be refused here (Appendix D item 10). The config API has no platform-profile
 * switch, so there is no "lenient" mode; adding one is a schema change, not a check.
 */
final class ServicesSchema {

    static final String IKE_PROPOSAL_PATH = "services ipsec-vpn ike proposal";
    static final String IKE_POLICY_PATH = "services ipsec-vpn ike policy";
    static final String IPSEC_PROPOSAL_PATH = "services ipsec-vpn ipsec proposal";
    static final String IPSEC_POLICY_PATH = "services ipsec-vpn ipsec policy";
    static final String RULE_PATH = "services ipsec-vpn rule";
    static final String RULE_SET_PATH = "services ipsec-vpn rule-set";

    /** Defaults of absent IKE proposal leaves (V-S29 recommendation) and lifetimes (002:L523, L780). */
    static final String DEFAULT_IKE_AUTHENTICATION_METHOD = "pre-shared-keys";
    static final String DEFAULT_IKE_LIFETIME = "3600";
    static final String DEFAULT_IPSEC_LIFETIME = "28800";

    private ServicesSchema() {
    }

    static Container ipsecVpn() {
        return container("ipsec-vpn", ike(), ipsec(), rule(), ruleSet())
                .help("IPsec services on a services PIC (AS or MultiServices PIC)");
    }

    private static Container ike() {
        return container("ike",
                list("proposal", key(name("proposal-name")),
                        leaf("description", string("description")).help("Text description of the IKE proposal"),
                        leaf("authentication-method",
                                enumeration("dsa-signatures", "pre-shared-keys", "rsa-signatures",
                                        "pre-shared-key=pre-shared-keys"))
                                .defaultValue(DEFAULT_IKE_AUTHENTICATION_METHOD)
                                .help("IKE authentication method: Digital Signature Algorithm, preshared keys or RSA signatures"),
                        leaf("dh-group", enumeration("group1", "group2")).defaultValue("group2")
                                .help("Diffie-Hellman group: group1 (768-bit prime modulus) or group2 (1024-bit; "
                                        + "more security, more processing time)"),
                        leaf("authentication-algorithm", enumeration("md5", "sha1")).defaultValue("sha1")
                                .help("IKE hash algorithm: md5 (128-bit digest) or sha1 (160-bit digest)"),
                        leaf("encryption-algorithm", enumeration("3des-cbc", "des-cbc")).defaultValue("3des-cbc")
                                .help("IKE encryption algorithm: 3des-cbc (24-byte key) or des-cbc (8-byte key)"),
                        leaf("lifetime-seconds", integer(180, 86400)).defaultValue(DEFAULT_IKE_LIFETIME)
                                .help("Lifetime of the IKE SA in seconds (180..86400, default 3600); the shorter "
                                        + "of the two peers' lifetimes is used"))
                        .pid("org.secplane.services.ipsec-vpn.ike-proposal")
                        .help("IKE proposal: IKE attributes protecting the IKE connection with the peer"),
                list("policy", key(name("policy-name")),
                        leaf("description", string("description")).help("Text description of the IKE policy"),
                        leaf("local-certificate", name("certificate-file-name"))
                                .help("Local certificate used with rsa-signatures or dsa-signatures proposals"),
                        leaf("local-key-pair", name("private-public-key-file"))
                                .help("Local private/public key pair used with rsa-signatures or dsa-signatures proposals"),
                        identity("local-id", "Local identifiers for IKE phase 1 (default: the local gateway address)"),
                        identity("remote-id", "Remote gateway identifiers for which this policy is used "
                                + "(the remote gateway address is always included)"),
                        leaf("mode", enumeration("aggressive", "main")).defaultValue("main")
                                .help("IKE phase 1 mode: main (six messages, identity protection) or aggressive "
                                        + "(three messages); as responder either mode is accepted"),
                        leafList("proposals", reference("proposal-name", IKE_PROPOSAL_PATH)).alias("proposal")
                                .help("IKE proposals, from first to last in order of preference "
                                        + "(default: the implicit IKE proposals)"),
                        container("pre-shared-key",
                                choice(leaf("ascii-text", secret(SecretFormat.ASCII)).help("Preshared key as ASCII text"),
                                        leaf("hexadecimal", secret(SecretFormat.HEX)).help("Preshared key in hexadecimal")))
                                .oneLine()
                                .help("Preshared key authenticating the peer; must match the peer's"))
                        .pid("org.secplane.services.ipsec-vpn.ike-policy")
                        .help("IKE policy: the IKE proposals, preshared key and identities for a peer"))
                .help("Internet Key Exchange (phase 1) configuration");
    }

    private static Container identity(String name, String help) {
        return container(name,
                leafList("ipv4_addr", ipv4Address()).help("IPv4 address identities (ID_IPV4_ADDR)"),
                leafList("key_id", string("key-id")).help("Key identifier identities (ID_KEY_ID)"))
                .help(help);
    }

    private static Container ipsec() {
        return container("ipsec",
                list("proposal", key(name("proposal-name")),
                        leaf("description", string("description")).help("Text description of the IPsec proposal"),
                        leaf("protocol", enumeration("ah", "esp", "bundle")).defaultValue("esp")
                                .help("IPsec protocol: esp (authentication, encryption or both), ah (authentication), "
                                        + "bundle (AH authentication and ESP encryption)"),
                        leaf("authentication-algorithm", enumeration("hmac-md5-96", "hmac-sha1-96"))
                                .help("Authentication algorithm: hmac-md5-96 (128-bit digest) or hmac-sha1-96 "
                                        + "(160-bit digest), 96 bits used"),
                        leaf("encryption-algorithm", enumeration("3des-cbc", "des-cbc"))
                                .help("Encryption algorithm: 3des-cbc (recommended) or des-cbc"),
                        leaf("lifetime-seconds", integer(180, 86400)).defaultValue(DEFAULT_IPSEC_LIFETIME)
                                .help("Lifetime of the IPsec SA in seconds (180..86400, default 28800)"))
                        .pid("org.secplane.services.ipsec-vpn.ipsec-proposal")
                        .help("IPsec proposal: protocols and algorithms to negotiate with the peer"),
                list("policy", key(name("policy-name")),
                        leaf("description", string("description")).help("Text description of the IPsec policy"),
                        container("perfect-forward-secrecy",
                                leaf("keys", enumeration("group1", "group2"))
                                        .help("Diffie-Hellman group of the PFS exchange: group1 (768-bit) or group2 (1024-bit)"))
                                .alias("perfect-forward-security")
                                .help("Perfect forward secrecy: a new Diffie-Hellman exchange for every IPsec SA"),
                        leafList("proposals", reference("proposal-name", IPSEC_PROPOSAL_PATH))
                                .help("IPsec proposals, from first to last in order of preference "
                                        + "(default: the implicit IPsec proposals)"))
                        .pid("org.secplane.services.ipsec-vpn.ipsec-policy")
                        .help("IPsec policy: perfect forward secrecy and the IPsec proposals"))
                .help("IPsec (phase 2) configuration");
    }

    private static ListNode rule() {
        return list("rule", key(name("rule-name")),
                leaf("match-direction", enumeration("input", "output")).mandatory()
                        .help("Direction in which the match is applied: input or output (required, D-11)"),
                list("term", key(name("term-name")),
                        container("from",
                                leafList("source-address", ipv4Prefix(true)).help("Source IPv4 prefix to match"),
                                leafList("destination-address", ipv4Prefix(true)).help("Destination IPv4 prefix to match"))
                                .help("Match conditions (no from: the term matches every packet)"),
                        container("then",
                                leaf("remote-gateway", ipv4Address())
                                        .help("Remote address to which the IPsec traffic is directed"),
                                leaf("backup-remote-gateway", ipv4Address())
                                        .help("Backup remote gateway; enables dead peer detection and failover"),
                                choice(
                                        container("dynamic",
                                                leaf("ike-policy", reference("policy-name", IKE_POLICY_PATH))
                                                        .help("IKE policy (required with preshared keys)"),
                                                leaf("ipsec-policy", reference("policy-name", IPSEC_POLICY_PATH))
                                                        .help("IPsec policy (default: the implicit IPsec proposals)"))
                                                .help("Dynamic SA negotiated with IKE"),
                                        ManualSaSchema.manual()),
                                flag("clear-dont-fragment-bit")
                                        .help("Clear the don't-fragment bit and fragment IPv4 packets before encapsulation"),
                                flag("no-anti-replay").help("Disable the IPsec anti-replay service"),
                                flag("syslog").help("Record an alert in the system logging facility"))
                                .help("Actions: a dynamic or manual SA and its modifiers"))
                        .help("Term: match conditions and actions; the first matching term acts"))
                .pid("org.secplane.services.ipsec-vpn.rule")
                .help("IPsec rule: terms evaluated in order; unmatched packets go to the next rule, and are "
                        + "dropped when no rule matches");
    }

    private static ListNode ruleSet() {
        return list("rule-set", key(name("rule-set-name")),
                leafList("rule", reference("rule-name", RULE_PATH))
                        .help("Rules of the set, in evaluation order"))
                .pid("org.secplane.services.ipsec-vpn.rule-set")
                .help("Ordered collection of IPsec rules");
    }

    /** {@code service-set NAME}: the IPsec parts, next-hop and interface style (D-24, D-25). */
    static ListNode serviceSet() {
        return list("service-set", key(name("service-set-name")),
                choice(localGateway("ipsec-vpn", "IPsec VPN options of the service set (JUNOS 7.x spelling)"),
                        localGateway("ipsec-vpn-options", "IPsec VPN options of the service set")),
                leafList("ipsec-vpn-rules", reference("rule-name", RULE_PATH))
                        .help("IPsec rules applied by this service set, in order"),
                leafList("ipsec-vpn-rule-sets", reference("rule-set-name", RULE_SET_PATH))
                        .help("IPsec rule sets applied by this service set, in order"),
                choice(
                        container("next-hop-service",
                                leaf("inside-service-interface", interfaceName(true)).mandatory()
                                        .help("Service interface unit with service-domain inside"),
                                leaf("outside-service-interface", interfaceName(true)).mandatory()
                                        .help("Service interface unit with service-domain outside"))
                                .help("Next-hop style: traffic routed to the inside interface is serviced"),
                        container("interface-service",
                                leaf("service-interface", interfaceName(false)).mandatory()
                                        .help("Service interface (sp-fpc/pic/port) that performs the service"))
                                .help("Interface style: traffic of the interfaces that apply the service set is serviced"))
                )
                .pid("org.secplane.services.service-set")
                .help("Service set: the rules to apply and where");
    }

    private static Container localGateway(String name, String help) {
        return container(name,
                leaf("local-gateway", ipv4Address()).help("Local IPv4 address of the IPsec tunnel endpoint"))
                .help(help);
    }
}
