package org.secplane.network.internal.config;

import static org.secplane.config.schema.Statements.choice;
import static org.secplane.config.schema.Statements.container;
import static org.secplane.config.schema.Statements.flag;
import static org.secplane.config.schema.Statements.key;
import static org.secplane.config.schema.Statements.keylessList;
import static org.secplane.config.schema.Statements.leaf;
import static org.secplane.config.schema.Statements.list;
import static org.secplane.config.schema.Types.enumeration;
import static org.secplane.config.schema.Types.hostname;
import static org.secplane.config.schema.Types.ipAddress;
import static org.secplane.config.schema.Types.ipPrefix;
import static org.secplane.config.schema.Types.name;
import static org.secplane.config.schema.Types.reference;
import static org.secplane.config.schema.Types.string;

import org.secplane.config.schema.Container;
import org.secplane.config.schema.ListNode;

/**
 * {@code [edit security zones]} and {@code [edit security address-book]} (ipsec-srx.md §1.24, §2.6): zones
 * with their interfaces and host-inbound traffic, zone-scoped address books and global/named address
 * books attached to zones (D-36).
 */
final class ZoneSchema {

    private ZoneSchema() {
    }

    static final String[] SYSTEM_SERVICES = {"all", "any-service", "bootp", "dhcp", "dhcpv6", "dns", "finger", "ftp",
        "http", "https", "ident-reset", "ike", "lsping", "netconf", "ntp", "ping", "r2cp", "reverse-ssh",
        "reverse-telnet", "rlogin", "rpm", "rsh", "sip", "snmp", "snmp-trap", "ssh", "telnet", "tftp", "traceroute",
        "xnm-clear-text", "xnm-ssl"};

    static final String[] PROTOCOLS = {"all", "bfd", "bgp", "dvmrp", "igmp", "ldp", "msdp", "nhrp", "ospf", "ospf3",
        "pgm", "pim", "rip", "ripng", "router-discovery", "rsvp", "sap", "vrrp"};

    static Container zones() {
        return container("zones",
                list("security-zone", key(name("zone-name")),
                        leaf("description", string("description")).help("Text description of zone"),
                        hostInboundTraffic(),
                        container("interfaces",
                                keylessList("interface", key(NetworkTypes.interfaceUnit()), hostInboundTraffic())
                                        .help("Logical interface (ge-0/0/3.0, st0.0; without a unit: unit 0)"))
                                .help("Interfaces that are part of this zone"),
                        container("address-book", addressBookChildren(false))
                                .help("Zone-scoped address book (legacy style; a zone uses either this or attached books, D-36)"),
                        flag("tcp-rst").help("Send RST for NON-SYN packet not matching TCP session"))
                        .help("Security zone")
                        .pid("org.secplane.network.security-zone"))
                .help("Zone configuration");
    }

    static Container hostInboundTraffic() {
        return container("host-inbound-traffic",
                container("system-services",
                        keylessList("service", key(enumeration(SYSTEM_SERVICES)),
                                flag("except").help("Disallow this service (with 'all')"))
                                .help("Type of incoming system-service traffic to accept; IKE (UDP 500/4500) needs "
                                        + "'ike' or 'all' on the zone of an IKE external interface"))
                        .help("Type of incoming system-service traffic to accept"),
                container("protocols",
                        keylessList("protocol", key(enumeration(PROTOCOLS)),
                                flag("except").help("Disallow this protocol (with 'all')"))
                                .help("Type of incoming protocol traffic to accept"))
                        .help("Protocol type of incoming traffic to accept"))
                .help("Allowed system services and protocols for traffic destined to the device");
    }

    /** The global or named books of {@code [edit security address-book]}. */
    static ListNode addressBooks() {
        return list("address-book", key(name("book-name")), addressBookChildren(true))
                .help("Address book ('global' is available to every zone; a named book only to the zones it is attached to)")
                .pid("org.secplane.network.address-book");
    }

    /** Addresses, address sets (and, for global/named books, description and attach). */
    private static Object[] addressBookChildren(boolean global) {
        ListNode address = list("address", key(name("address-name")),
                choice(leaf("ip-prefix", ipPrefix(true)).noKeyword().help("IPv4 or IPv6 prefix (a bare address is a host)"),
                        container("dns-name",
                                leaf("domain-name", hostname()).noKeyword().help("Fully qualified domain name"),
                                flag("ipv4-only").help("IPv4 dns address"),
                                flag("ipv6-only").help("IPv6 dns address"))
                                .oneLine().help("DNS address name"),
                        container("range-address",
                                leaf("lower", ipAddress()).noKeyword().help("Lower limit of address range"),
                                leaf("to", ipAddress()).help("Upper limit of address range"))
                                .oneLine().help("Address range"),
                        leaf("wildcard-address", string("ipv4-address/wildcard-mask")).help("Numeric IPv4 wildcard address")),
                leaf("description", string("description")).help("Text description of address"))
                .help("Define a security address");
        address.entry().oneLine();
        ListNode addressSet = list("address-set", key(name("address-set-name")),
                list("address", key(name("address-name"))).help("Addresses to be included in this set"),
                list("address-set", key(name("address-set-name"))).help("Define an address-set name"),
                leaf("description", string("description")).help("Text description of address set"))
                .help("Define a security address set");
        if (!global) {
            return new Object[] {address, addressSet};
        }
        return new Object[] {leaf("description", string("description")).help("Text description of address book"),
            address, addressSet,
            container("attach",
                    list("zone", key(reference("zone-name", "security zones security-zone")))
                            .help("Security zone the address book is attached to"))
                    .help("Attach this address book to security zones (not allowed for the global book)")};
    }
}
