package org.secplane.pki.component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Arguments;
import org.secplane.config.schema.Types;
import org.secplane.pki.internal.cert.PkiException;
import org.secplane.pki.internal.cert.RequestParameters;
import org.secplane.pki.internal.cert.Signing;
import org.secplane.pki.internal.cert.SubjectNames;

/**
 * The options {@code generate-certificate-request} and {@code generate-self-signed} share (pki.md §3.10,
 * §3.14): subject, domain-name, ip-address, email, digest, add-ca-constraint. At least one of domain-name,
 * ip-address and email is required (§6.1 #6); a subject with blanks is quoted, as in the guide's samples.
 */
final class IdentityArguments {

    private IdentityArguments() {
    }

    static ArgumentSpec.Builder add(ArgumentSpec.Builder spec) {
        return spec
                .required("subject", Types.string("subject-distinguished-name"),
                        "Distinguished name: DC, CN, SN, OU, O, L, ST, C (quoted when it holds blanks)")
                .option("domain-name", Types.hostname(),
                        "Fully qualified domain name: the certificate owner's identity for IKE")
                .option("ip-address", Types.ipAddress(), "IP address of the router")
                .option("email", Types.email(), "E-mail address of the certificate holder")
                .option("digest", Types.enumeration("sha1", "sha256"), "Hash algorithm used to sign (default sha1)")
                .flag("add-ca-constraint", "The certificate can be used to sign other certificates");
    }

    static RequestParameters parameters(Arguments arguments, Supplier<String> deviceSerial) throws PkiException {
        InetAddress ip = null;
        if (arguments.get("ip-address").isPresent()) {
            try {
                ip = InetAddress.getByName(arguments.required("ip-address"));
            } catch (UnknownHostException e) {
                throw new PkiException("invalid ip-address '" + arguments.required("ip-address") + "'", e);
            }
        }
        Signing.Digest digest = arguments.get("digest").map(Signing.Digest::byLabel).orElse(null);
        return RequestParameters.of(SubjectNames.parse(arguments.required("subject"), deviceSerial),
                arguments.get("domain-name").orElse(null), ip, arguments.get("email").orElse(null), digest,
                arguments.flag("add-ca-constraint"));
    }
}
