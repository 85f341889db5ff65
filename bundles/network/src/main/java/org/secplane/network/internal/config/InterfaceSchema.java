package org.secplane.network.internal.config;

import static org.secplane.config.schema.Statements.container;
import static org.secplane.config.schema.Statements.flag;
import static org.secplane.config.schema.Statements.key;
import static org.secplane.config.schema.Statements.keylessList;
import static org.secplane.config.schema.Statements.leaf;
import static org.secplane.config.schema.Statements.list;
import static org.secplane.config.schema.Types.enumeration;
import static org.secplane.config.schema.Types.integer;
import static org.secplane.config.schema.Types.ipv4Address;
import static org.secplane.config.schema.Types.ipv4Prefix;
import static org.secplane.config.schema.Types.ipv6Prefix;
import static org.secplane.config.schema.Types.reference;
import static org.secplane.config.schema.Types.string;

import org.secplane.config.schema.Container;
import org.secplane.config.schema.ListNode;

/**
 * {@code [edit interfaces]}: physical and virtual interfaces with their logical units, as the guides'
 * examples use them — Ethernet ({@code ge-}, {@code fe-}), SONET ({@code so-}), secure tunnel ({@code st0},
 * route-based VPNs, ipsec-srx.md §1.16, §2.4), services PICs ({@code sp-}, ipsec-services-and-es-pic.md
 * EX-6), ES PICs ({@code es-}, §2.3 [EXT]), loopback, management, redundant Ethernet, VLAN.
 */
final class InterfaceSchema {

    private InterfaceSchema() {
    }

    static Container interfaces() {
        return container("interfaces",
                keylessList("interface", key(NetworkTypes.interfaceDevice()),
                        leaf("description", string("description")).help("Text description of interface"),
                        flag("disable").help("Disable this interface"),
                        flag("vlan-tagging").help("802.1q VLAN tagging support"),
                        flag("no-keepalives").help("Disable keepalive messages"),
                        leaf("encapsulation", enumeration("cisco-hdlc", "cisco-hdlc-ccc", "ethernet-bridge", "ethernet-ccc",
                                "ethernet-vpls", "extended-vlan-ccc", "flexible-ethernet-services", "frame-relay",
                                "frame-relay-ccc", "ppp", "ppp-ccc", "vlan-ccc", "vlan-vpls"))
                                .help("Physical link-layer encapsulation"),
                        leaf("mtu", integer(256, 9192)).help("Maximum transmission unit packet size (es- interfaces: below 3900)"),
                        unit())
                        .help("Physical or virtual interface: ge-x/y/z, fe-x/y/z, so-x/y/z, st0, lo0, fxp0, sp-x/y/z, es-x/y/z, reth, vlan")
                        .pid("org.secplane.network.interface"))
                .help("Interface configuration");
    }

    private static ListNode unit() {
        return list("unit", key(integer(0, 16385)),
                leaf("description", string("description")).help("Text description of interface"),
                flag("disable").help("Disable this logical interface"),
                leaf("vlan-id", integer(1, 4094)).help("Virtual LAN identifier value for 802.1q VLAN tags"),
                flag("multipoint").help("Point-to-multipoint secure tunnel unit (hub); several VPNs may bind to it and "
                        + "next-hop-tunnel bindings map remote tunnel addresses to VPNs. Default point-to-point"),
                leaf("service-domain", enumeration("inside", "outside"))
                        .help("Services PIC unit: inside or outside of a next-hop service set"),
                container("tunnel",
                        leaf("source", ipv4Address()).help("Source address of the tunnel"),
                        leaf("destination", ipv4Address()).help("Destination address of the tunnel"))
                        .help("Tunnel parameters (ES PIC es- interfaces)"),
                container("family",
                        container("inet",
                                list("address", key(ipv4Prefix(true)),
                                        leaf("destination", ipv4Address()).help("Address at remote side of connection"),
                                        leaf("broadcast", ipv4Address()).help("Broadcast address"),
                                        flag("primary").help("Candidate for primary address in system"),
                                        flag("preferred").help("Preferred address on interface"))
                                        .help("Interface address/destination prefix"),
                                nextHopTunnel(),
                                leaf("mtu", integer(256, 9192)).help("Protocol family maximum transmission unit"),
                                leaf("ipsec-sa", reference("sa-name", "security ipsec security-association"))
                                        .help("IPsec security association of an es- tunnel (tunnel-mode SA)"),
                                leaf("destination", ipv4Address()).help("Remote tunnel address (es- interfaces)"))
                                .presence().help("IPv4 parameters"),
                        container("inet6",
                                list("address", key(ipv6Prefix(true)),
                                        flag("primary").help("Candidate for primary address in system"),
                                        flag("preferred").help("Preferred address on interface"))
                                        .help("Interface address/destination prefix"),
                                leaf("mtu", integer(1280, 9192)).help("Protocol family maximum transmission unit"))
                                .presence().help("IPv6 protocol parameters"))
                        .help("Protocol family").flat())
                .help("Logical interface");
    }

    private static ListNode nextHopTunnel() {
        ListNode binding = list("next-hop-tunnel", key(ipv4Address()),
                leaf("ipsec-vpn", reference("vpn-name", "security ipsec vpn")).mandatory()
                        .help("VPN that the next hop is reached through"))
                .help("Static next-hop tunnel binding (NHTB) on a multipoint st0 unit: remote tunnel address → VPN. "
                        + "Required when the peer is not an SRX Series device");
        binding.entry().oneLine();
        return binding;
    }
}
