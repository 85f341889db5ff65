package org.secplane.ike.internal.config;

import static org.secplane.config.schema.Statements.container;
import static org.secplane.config.schema.Statements.flag;
import static org.secplane.config.schema.Statements.key;
import static org.secplane.config.schema.Statements.keylessList;
import static org.secplane.config.schema.Statements.leafList;
import static org.secplane.config.schema.Statements.list;
import static org.secplane.config.schema.Types.enumeration;
import static org.secplane.config.schema.Types.integer;
import static org.secplane.config.schema.Types.interfaceName;
import static org.secplane.config.schema.Types.ipPrefix;
import static org.secplane.config.schema.Types.name;

import java.util.List;
import org.secplane.config.schema.Container;
import org.secplane.config.schema.Schema;

/**
 * A stand-in for the network bundle's {@code interfaces} and {@code security zones} statements (written by
 * someone else), shaped as Junos writes them, so the checks that read them can be tested here.
 * {@link #alternativeShapes()} models the same statements with leaf-lists, to show the checks do not depend
 * on the shape the network schema chooses.
 */
final class NetworkFixture {

    private static final String[] SERVICES = {"all", "ike", "ping", "ssh", "telnet"};

    private NetworkFixture() {
    }

    static List<Schema.Anchored> junosShapes() {
        return List.of(Schema.at("", interfaces()), Schema.at("security", container("zones",
                list("security-zone", key(name("zone-name")),
                        hostInbound(),
                        container("interfaces",
                                keylessList("interface", key(interfaceName(true)), hostInbound()))))));
    }

    static List<Schema.Anchored> alternativeShapes() {
        return List.of(Schema.at("", interfaces()), Schema.at("security", container("zones",
                list("security-zone", key(name("zone-name")),
                        container("host-inbound-traffic",
                                container("system-services", keylessList("service", key(enumeration(SERVICES))))),
                        leafList("interfaces", interfaceName(true))))));
    }

    private static Container hostInbound() {
        return container("host-inbound-traffic",
                leafList("system-services", enumeration(SERVICES)),
                leafList("protocols", enumeration("all", "ospf", "bgp")));
    }

    private static Container interfaces() {
        return container("interfaces",
                keylessList("interface", key(interfaceName(false)),
                        list("unit", key(integer(0, 16385)),
                                flag("multipoint"),
                                container("family",
                                        container("inet", list("address", key(ipPrefix(false)))),
                                        container("inet6", list("address", key(ipPrefix(false))))))));
    }
}
