package org.secplane.network.internal.config;

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
import static org.secplane.config.schema.Types.hostname;
import static org.secplane.config.schema.Types.integer;
import static org.secplane.config.schema.Types.ipAddress;
import static org.secplane.config.schema.Types.name;
import static org.secplane.config.schema.Types.timeOfDay;

import org.secplane.config.schema.Container;

/**
 * {@code [edit system]} as the guides use it: host and DNS settings (pki.md §2.4, §5.4: a DNS resolver is
 * needed for CDP and SCEP host names), HTTPS web management with the system-generated or a PKI local
 * certificate (pki.md §2.2, items 19–20), SSH MACs (ipsec-srx.md §2.8), FIPS periodic self-tests
 * (§2.7, E11) and commit scripts (pki.md documentation-convention example).
 */
final class SystemSchema {

    private SystemSchema() {
    }

    static final String[] SSH_MACS = {"hmac-md5", "hmac-md5-96", "hmac-ripemd160", "hmac-sha1", "hmac-sha1-96",
        "hmac-sha2-256", "hmac-sha2-256-96", "hmac-sha2-512", "umac-64"};

    static Container system() {
        return container("system",
                leaf("host-name", hostname()).help("Hostname for this router"),
                leaf("domain-name", hostname()).help("Domain name for this router"),
                leaf("time-zone", NetworkTypes.timeZone()).help("Time zone name or POSIX-compliant time zone string (PST8PDT, UTC)"),
                container("name-server",
                        keylessList("server", key(ipAddress())).help("Address of a DNS server"))
                        .help("DNS name servers (needed to resolve CRL distribution points and SCEP URLs)"),
                container("ntp",
                        list("server", key(hostOrAddress())).help("NTP server"))
                        .help("Network Time Protocol services"),
                services(),
                container("fips",
                        container("self-test",
                                container("periodic",
                                        leaf("start-time", timeOfDay()).help("Time of day the self-tests start (hh:mm)"),
                                        leaf("day-of-week", integer(0, 7)).help("Day of the week (0 or 7 = Sunday, 3 = Wednesday)"),
                                        leaf("month", integer(1, 12)).help("Month of the year (monthly tests, with day-of-month)"),
                                        leaf("day-of-month", integer(1, 31)).help("Day of the month (monthly tests)"))
                                        .help("Run the FIPS known-answer tests periodically"))
                                .help("FIPS self-tests (kernel, md, openssl, ssh-ipsec KATs)"))
                        .help("FIPS configuration")
                        .pid("org.secplane.system.fips"),
                container("scripts",
                        container("commit",
                                list("file", key(name("filename"))).help("Commit script file"))
                                .help("Commit-time scripting mechanism"),
                        container("op",
                                list("file", key(name("filename"))).help("Operation script file"))
                                .help("Operation scripts"))
                        .help("Scripting mechanisms"))
                .help("System parameters")
                .pid("org.secplane.system.settings");
    }

    private static Container services() {
        return container("services",
                container("ssh",
                        leaf("root-login", enumeration("allow", "deny", "deny-password")).help("Configure root access via SSH"),
                        leafList("protocol-version", enumeration("v1", "v2")).help("Specify SSH protocol versions supported"),
                        leafList("macs", enumeration(SSH_MACS))
                                .help("Message Authentication Code algorithms allowed (a set, e.g. macs [ hmac-md5 hmac-sha1 ])"),
                        leaf("port", integer(1, 65535)).help("Port number to accept SSH connections"))
                        .presence().help("Allow SSH access")
                        .pid("org.secplane.system.ssh"),
                container("web-management",
                        container("http",
                                leafList("interface", NetworkTypes.interfaceUnit()).help("Interfaces that accept HTTP access"),
                                leaf("port", integer(1, 65535)).help("TCP port for incoming HTTP connections"))
                                .presence().help("Unencrypted HTTP connection settings"),
                        container("https",
                                choice(flag("system-generated-certificate")
                                                .help("Use the automatically generated self-signed certificate"),
                                        leaf("pki-local-certificate", name("certificate-id"))
                                                .help("Name of a local certificate generated by PKI and authenticated by a CA")),
                                leafList("interface", NetworkTypes.interfaceUnit()).help("Interfaces that accept HTTPS access"),
                                leaf("port", integer(1, 65535)).help("TCP port for incoming HTTPS connections"))
                                .presence().help("Encrypted HTTPS connections"))
                        .help("Web management configuration")
                        .pid("org.secplane.system.web-management"))
                .help("System services");
    }
}
