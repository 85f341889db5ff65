package org.secplane.config.internal;

import static org.secplane.config.schema.Statements.choice;
import static org.secplane.config.schema.Statements.container;
import static org.secplane.config.schema.Statements.flag;
import static org.secplane.config.schema.Statements.key;
import static org.secplane.config.schema.Statements.keylessList;
import static org.secplane.config.schema.Statements.leaf;
import static org.secplane.config.schema.Statements.leafList;
import static org.secplane.config.schema.Statements.list;
import static org.secplane.config.schema.Types.enumeration;
import static org.secplane.config.schema.Types.hostOrAddress;
import static org.secplane.config.schema.Types.integer;
import static org.secplane.config.schema.Types.ipv4Address;
import static org.secplane.config.schema.Types.interfaceName;
import static org.secplane.config.schema.Types.ipPrefix;
import static org.secplane.config.schema.Types.name;
import static org.secplane.config.schema.Types.reference;
import static org.secplane.config.schema.Types.secret;
import static org.secplane.config.schema.Types.size;
import static org.secplane.config.schema.Types.string;

import java.util.List;
import org.secplane.config.schema.Container;
import org.secplane.config.schema.Schema;
import org.secplane.config.schema.Types.SecretFormat;

/** A slice of the real hierarchies, enough to exercise every schema construct. */
final class TestSchema {

    private TestSchema() {
    }

    static List<Schema.Anchored> contributions() {
        return List.of(Schema.at("security", ike(), policies()), Schema.at("", interfaces(), routingOptions()));
    }

    private static Container ike() {
        return container("ike",
                list("proposal", key(name("proposal-name")),
                        leaf("authentication-method", enumeration("pre-shared-keys", "rsa-signatures")),
                        leaf("dh-group", enumeration("group1", "group2", "group5", "group14")),
                        leaf("lifetime-seconds", integer(180, 86400)).defaultValue("28800"))
                        .pid("org.secplane.ike.proposal"),
                list("policy", key(name("policy-name")),
                        leaf("mode", enumeration("main", "aggressive")).defaultValue("main"),
                        leafList("proposals", reference("proposal-name", "security ike proposal")).max(4),
                        container("pre-shared-key",
                                choice(leaf("ascii-text", secret(SecretFormat.ASCII)),
                                        leaf("hexadecimal", secret(SecretFormat.HEX)))).oneLine())
                        .pid("org.secplane.ike.policy"),
                list("gateway", key(name("gateway-name")),
                        leaf("ike-policy", reference("policy-name", "security ike policy")).mandatory(),
                        leafList("address", hostOrAddress()).max(5),
                        container("dead-peer-detection",
                                flag("always-send"),
                                leaf("interval", integer(0, 60)).defaultValue("10")).presence(),
                        container("local-identity", choice(
                                leaf("inet", ipv4Address()),
                                leaf("hostname", string("hostname")))).oneLine(),
                        leaf("external-interface", interfaceName(true)))
                        .pid("org.secplane.ike.gateway"),
                leaf("respond-bad-spi", integer(1, 30)).valueOptional().defaultValue("5"),
                container("traceoptions",
                        container("file",
                                leaf("filename", string("filename")).noKeyword(),
                                leaf("files", integer(2, 1000)),
                                leaf("size", size(10240, 1073741824L))).oneLine(),
                        leafList("flag", enumeration("all", "ike", "timer"))));
    }

    private static Container policies() {
        return container("policies",
                list("from-zone", key(name("zone"), "to-zone", name("zone")),
                        list("policy", key(name("policy-name")),
                                leafList("source-address", name("address")))));
    }

    private static Container interfaces() {
        return container("interfaces",
                keylessList("interface", key(interfaceName(false)),
                        list("unit", key(integer(0, 16385)),
                                container("family", container("inet",
                                        list("address", key(ipPrefix(false)))).presence()).flat())));
    }

    private static Container routingOptions() {
        return container("routing-options", container("static",
                list("route", key(ipPrefix(false)), leaf("next-hop", hostOrAddress()))));
    }
}
