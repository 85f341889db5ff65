package org.secplane.network.internal.config;

import static org.secplane.config.schema.Statements.choice;
import static org.secplane.config.schema.Statements.container;
import static org.secplane.config.schema.Statements.flag;
import static org.secplane.config.schema.Statements.key;
import static org.secplane.config.schema.Statements.leaf;
import static org.secplane.config.schema.Statements.leafList;
import static org.secplane.config.schema.Statements.list;
import static org.secplane.config.schema.Types.enumeration;
import static org.secplane.config.schema.Types.integer;
import static org.secplane.config.schema.Types.ipAddress;
import static org.secplane.config.schema.Types.ipPrefix;
import static org.secplane.config.schema.Types.name;
import static org.secplane.config.schema.Types.reference;
import static org.secplane.config.schema.Types.string;

import org.secplane.config.schema.Container;
import org.secplane.config.schema.ListNode;

/**
 * The smaller {@code [edit security]} hierarchies the guides use: {@code flow tcp-mss} (ipsec-srx.md §1.22,
 * §2.3), source {@code nat} (pki.md §5.4 step 10), {@code alarms} (§1.25, §2.7, D-43), {@code log cache}
 * (¶238) and {@code user-identification authentication-source} (§2.8, ¶108).
 */
final class SecurityOptionsSchema {

    private SecurityOptionsSchema() {
    }

    private static final long BILLION = 1_000_000_000L;

    static Container flow() {
        return container("flow",
                container("tcp-mss",
                        leaf("all-tcp-mss", integer(64, 65535)).help("Enable MSS override for all TCP packets (64..65535 bytes)"),
                        container("ipsec-vpn",
                                leaf("mss", integer(64, 65535)).valueOptional().defaultValue("1320")
                                        .help("MSS value for TCP packets entering an IPsec tunnel: 64..65535 bytes, default 1320 "
                                                + "(1350 is the recommended starting point for Ethernet with MTU 1500 or more)"))
                                .presence().help("Enable MSS override for TCP packets entering an IPsec tunnel; overrides all-tcp-mss"))
                        .help("TCP maximum segment size configuration"))
                .help("FLOW configuration")
                .pid("org.secplane.network.flow");
    }

    static Container nat() {
        ListNode ruleSet = list("rule-set", key(name("rule-set-name")),
                leaf("description", string("description")).help("Text description of rule set"),
                natDirection("from", "Where is the traffic from"),
                natDirection("to", "Where is the traffic to"),
                list("rule", key(name("rule-name")),
                        leaf("description", string("description")).help("Text description of rule"),
                        container("match",
                                leafList("source-address", ipPrefix(true)).help("Source address"),
                                leafList("destination-address", ipPrefix(true)).help("Destination address"),
                                leafList("destination-port", NetworkTypes.port()).help("Destination port"))
                                .help("Source NAT rule match criteria"),
                        container("then",
                                container("source-nat",
                                        choice(flag("off").help("No action"),
                                                flag("interface").help("Use egress interface address"),
                                                leaf("pool", reference("pool-name", "security nat source pool"))
                                                        .help("Use source NAT pool")))
                                        .help("Source NAT action"))
                                .help("Then action"))
                        .help("Source NAT rule (evaluated in order)"))
                .help("Configure source NAT rule set")
                .pid("org.secplane.network.nat-source-rule-set");
        ListNode poolAddress = list("address", key(ipPrefix(true)),
                leaf("to", ipAddress()).help("Upper limit of address range"))
                .help("Add address or address range to pool");
        poolAddress.entry().oneLine();
        ListNode pool = list("pool", key(name("pool-name")),
                leaf("description", string("description")).help("Text description of pool"),
                poolAddress,
                leaf("routing-instance", name("routing-instance")).help("Routing instance of the pool"))
                .help("Define a source address pool")
                .pid("org.secplane.network.nat-source-pool");
        return container("nat",
                container("source", pool, ruleSet).help("Configure source NAT"))
                .help("Configure Network Address Port Translation");
    }

    private static Container natDirection(String name, String help) {
        return container(name,
                choice(leafList("zone", reference("zone-name", PolicySchema.ZONES)).help("Source/destination zone name"),
                        leafList("interface", NetworkTypes.interfaceUnit()).help("Source/destination interface name"),
                        leafList("routing-instance", name("routing-instance")).help("Source/destination routing instance")))
                .help(help);
    }

    static Container alarms() {
        return container("alarms",
                flag("audible").help("Beep when new security alarms arrive (alarms are silent by default)"),
                container("potential-violation",
                        leaf("authentication", integer(1, BILLION))
                                .help("Raise an alarm when authentication failures exceed this number (1..1000000000)"),
                        flag("cryptographic-self-test").help("Raise an alarm on a cryptographic self-test failure"),
                        threshold("decryption-failures", 1, "1000", "decryption failures"),
                        threshold("encryption-failures", 1, "1000", "encryption failures"),
                        threshold("ike-phase1-failures", 1, "20", "IKE Phase 1 failures"),
                        threshold("ike-phase2-failures", 1, "20", "IKE Phase 2 failures"),
                        flag("key-generation-self-test").help("Raise an alarm on a key-generation self-test failure"),
                        flag("non-cryptographic-self-test").help("Raise an alarm on a non-cryptographic self-test failure"),
                        container("replay-attacks",
                                leaf("threshold", integer(0, BILLION)).defaultValue("0")
                                        .help("Replay attacks up to which no alarm is raised (0..1000000000); "
                                                + "without a threshold every replay attack raises an alarm"))
                                .presence().help("Raise an alarm on replay attacks"))
                        .help("Raise security alarms on potential violations (no alarm is raised unless configured)"))
                .help("Configure security alarms (counters and alarms are lost on restart)")
                .pid("org.secplane.security.alarms");
    }

    private static Container threshold(String name, long min, String defaultValue, String what) {
        return container(name,
                leaf("threshold", integer(min, BILLION)).defaultValue(defaultValue)
                        .help("Number of " + what + " up to which no alarm is raised (" + min + "..1000000000, default "
                                + defaultValue + ")"))
                .presence().help("Raise an alarm when " + what + " exceed the threshold");
    }

    static Container log() {
        return container("log",
                flag("cache").help("Cache security log events (initial setup; protects the logging configuration)"),
                leaf("mode", enumeration("event", "stream")).help("Controls how security logs are processed and exported"))
                .help("Configure security log");
    }

    static Container userIdentification() {
        return container("user-identification",
                container("authentication-source",
                        source("local-authentication-table", "Local authentication table"),
                        source("unified-access-control", "Unified Access Control (UAC)"))
                        .help("Tables used as the source of user role information (12.1)"))
                .help("Configure user-identification");
    }

    private static Container source(String name, String help) {
        return container(name,
                flag("disable").help("Disable this authentication source"),
                leaf("priority", integer(0, 65535)).help("Priority of this source (lower is consulted first)"))
                .presence().help(help);
    }
}
