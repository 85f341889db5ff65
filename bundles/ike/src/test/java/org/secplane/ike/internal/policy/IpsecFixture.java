package org.secplane.ike.internal.policy;

import static org.secplane.config.schema.Statements.container;
import static org.secplane.config.schema.Statements.flag;
import static org.secplane.config.schema.Statements.key;
import static org.secplane.config.schema.Statements.leaf;
import static org.secplane.config.schema.Statements.leafList;
import static org.secplane.config.schema.Statements.list;
import static org.secplane.config.schema.Types.enumeration;
import static org.secplane.config.schema.Types.integer;
import static org.secplane.config.schema.Types.interfaceName;
import static org.secplane.config.schema.Types.ipPrefix;
import static org.secplane.config.schema.Types.name;
import static org.secplane.config.schema.Types.reference;

import java.util.List;
import org.secplane.config.schema.Schema;

/**
 * A stand-in for the {@code [edit security ipsec]} statements of the ipsec bundle (written there, in
 * {@code IpsecSchema}), shaped as that bundle writes them: the ipsec bundle's tests depend on this bundle, so
 * this one cannot depend on it. Only the AutoKey IKE parts the mapper reads.
 */
public final class IpsecFixture {

    private static final String[] GROUPS = {"group1", "group2", "group5", "group14", "group15", "group16", "group19", "group20",
        "group21", "group31"};

    private IpsecFixture() {
    }

    public static List<Schema.Anchored> statements() {
        return List.of(Schema.at("security", container("ipsec",
                list("proposal", key(name("proposal-name")),
                        leaf("protocol", enumeration("ah", "esp")),
                        leaf("authentication-algorithm", enumeration("hmac-md5-96", "hmac-sha1-96", "hmac-sha-256-128",
                                "hmac-sha-384-192", "hmac-sha-512-256")),
                        leaf("encryption-algorithm", enumeration("3des-cbc", "aes-128-cbc", "aes-192-cbc", "aes-256-cbc", "des-cbc",
                                "aes-128-gcm", "aes-192-gcm", "aes-256-gcm", "chacha20-poly1305")),
                        leaf("lifetime-seconds", integer(180, 86400)),
                        leaf("lifetime-kilobytes", integer(64, 1048576))),
                list("policy", key(name("policy-name")),
                        container("perfect-forward-secrecy", leaf("keys", enumeration(GROUPS))),
                        leafList("proposals", reference("proposal-name", "security ipsec proposal")).max(4),
                        leaf("proposal-set", enumeration("basic", "compatible", "standard"))),
                list("vpn", key(name("vpn-name")),
                        leaf("bind-interface", interfaceName(true)),
                        leaf("df-bit", enumeration("clear", "copy", "set")),
                        container("ike",
                                leaf("gateway", reference("gateway-name", "security ike gateway")),
                                leaf("idle-time", integer(60, 999999)),
                                flag("no-anti-replay"),
                                container("proxy-identity",
                                        leaf("local", ipPrefix(true)),
                                        leaf("remote", ipPrefix(true)),
                                        leaf("service", name("service"))),
                                leaf("ipsec-policy", reference("policy-name", "security ipsec policy")),
                                leaf("install-interval", integer(0, 10))),
                        leaf("establish-tunnels", enumeration("immediately", "on-traffic"))))));
    }
}
