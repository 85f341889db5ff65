package org.secplane.network.internal.config;

import static org.secplane.config.schema.Statements.container;
import static org.secplane.config.schema.Statements.flag;
import static org.secplane.config.schema.Statements.key;
import static org.secplane.config.schema.Statements.leaf;
import static org.secplane.config.schema.Statements.leafList;
import static org.secplane.config.schema.Statements.list;
import static org.secplane.config.schema.Types.enumeration;
import static org.secplane.config.schema.Types.hostOrAddress;
import static org.secplane.config.schema.Types.interfaceName;
import static org.secplane.config.schema.Types.ipAddress;
import static org.secplane.config.schema.Types.name;
import static org.secplane.config.schema.Types.string;

import org.secplane.config.schema.Schema;

/**
 * Test stand-in for the few IKE/IPsec statements the network checks read (gateways, VPNs, ES-PIC SAs);
 * the real hierarchies belong to the ike, ipsec and services-ipsec bundles.
 */
final class VpnStubSchema {

    private VpnStubSchema() {
    }

    static Schema.Anchored contribution() {
        return Schema.at("security",
                container("ike",
                        list("gateway", key(name("gateway-name")),
                                leafList("address", hostOrAddress()),
                                container("dynamic", leaf("hostname", string("hostname"))),
                                leaf("external-interface", interfaceName(true)))),
                container("ipsec",
                        list("vpn", key(name("vpn-name")),
                                leaf("bind-interface", interfaceName(true)),
                                container("ike", leaf("gateway", name("gateway")), leaf("ipsec-policy", name("policy"))),
                                container("manual", leaf("external-interface", interfaceName(true)),
                                        leaf("gateway", ipAddress()), flag("stub"))),
                        list("security-association", key(name("sa-name")),
                                leaf("mode", enumeration("transport", "tunnel")),
                                container("manual", flag("stub")),
                                container("dynamic", leaf("ipsec-policy", name("policy"))))));
    }
}
