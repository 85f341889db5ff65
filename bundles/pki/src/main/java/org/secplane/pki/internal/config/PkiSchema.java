package org.secplane.pki.internal.config;

import static org.secplane.config.schema.Statements.choice;
import static org.secplane.config.schema.Statements.container;
import static org.secplane.config.schema.Statements.flag;
import static org.secplane.config.schema.Statements.key;
import static org.secplane.config.schema.Statements.leaf;
import static org.secplane.config.schema.Statements.leafList;
import static org.secplane.config.schema.Statements.list;
import static org.secplane.config.schema.Types.email;
import static org.secplane.config.schema.Types.enumeration;
import static org.secplane.config.schema.Types.integer;
import static org.secplane.config.schema.Types.name;
import static org.secplane.config.schema.Types.reference;
import static org.secplane.config.schema.Types.secret;
import static org.secplane.config.schema.Types.size;
import static org.secplane.config.schema.Types.string;

import org.secplane.config.schema.Container;
import org.secplane.config.schema.ListNode;
import org.secplane.config.schema.Types.SecretFormat;

/**
 * The {@code [edit security pki]} statements as normalised in pki.md §2.2 and detailed in §2.3; help texts
 * use the guide's wording. Ranges and defaults are those of §4.20. See {@link PkiConfiguration} for the
 * rulings behind the choices made here.
 */
final class PkiSchema {

    static final String CA_PROFILE_PID = "org.secplane.pki.ca-profile";
    static final String AUTO_RE_ENROLLMENT_PID = "org.secplane.pki.auto-re-enrollment";
    static final String TRACEOPTIONS_PID = "org.secplane.pki.traceoptions";

    /** The path of the CA profile list, for references. */
    static final String CA_PROFILE_PATH = "security pki ca-profile";

    private PkiSchema() {
    }

    /** {@code pki { … }}, to be anchored below {@code security}. */
    static Container pki() {
        return container("pki",
                autoReEnrollment(),
                caProfile(),
                traceoptions())
                .help("Public key infrastructure: CA profiles, automatic re-enrollment, tracing");
    }

    private static Container autoReEnrollment() {
        ListNode certificateId = list("certificate-id", key(PkiTypes.objectName("certificate-id-name")),
                leaf("ca-profile-name", reference("ca-profile-name", CA_PROFILE_PATH)).mandatory()
                        .help("Name of the CA profile whose SCEP enrollment URL is used to re-enroll"),
                leaf("challenge-password", secret(SecretFormat.ASCII)).mandatory()
                        .help("Password used by the CA for enrollment and revocation (stored encrypted)"),
                leaf("re-enroll-trigger-time-percentage", integer(1, 99)).mandatory()
                        .help("Percentage of the certificate's lifetime remaining when re-enrollment starts (1..99)"),
                flag("re-generate-keypair")
                        .help("Generate a new key pair when re-enrolling (default: keep the current key pair)"))
                .pid(AUTO_RE_ENROLLMENT_PID)
                .help("Identifier of the local certificate that needs automatic reenrollment");
        return container("auto-re-enrollment", certificateId)
                .help("Configure the automatic reenrollment of a local certificate");
    }

    private static ListNode caProfile() {
        return list("ca-profile", key(PkiTypes.objectName("ca-profile-name")),
                container("administrator",
                        leaf("e-mail-address", email()).alias("email-address")
                                .help("E-mail address where the certificate request is sent"))
                        .help("Administrator of the CA, to which the certificate request is sent"),
                leaf("ca-identity", string("ca-identity"))
                        .help("Certificate authority (CA) identity, typically the domain name of the CA"),
                container("enrollment",
                        leaf("retry", integer(0, 1080)).defaultValue("10")
                                .help("Number of enrollment retries while the response is pending (0 = no polling)"),
                        leaf("retry-interval", integer(0, 3600)).defaultValue("900")
                                .help("Time interval between the enrollment retries (seconds)"),
                        leaf("url", PkiTypes.url("url-name", true, "http", "https"))
                                .help("Enrollment URL where the SCEP request is sent to the CA (http:// if no scheme)"))
                        .help("Online enrollment (SCEP) parameters of the CA"),
                revocationCheck(),
                leaf("routing-instance", name("routing-instance-name"))
                        .help("Routing instance used to reach the CA (a configured routing-instance)"))
                .pid(CA_PROFILE_PID)
                .help("Name of a trusted CA");
    }

    private static Container revocationCheck() {
        Container crl = container("crl",
                container("disable",
                        flag("on-download-failure")
                                .help("Permit certificate verification even if the CRL fails to download"))
                        .help("Disable CRL behaviour"),
                leaf("refresh-interval", integer(0, 8784))
                        .help("Time interval between CRL updates (hours); 0 or absent: the CRL's next-update time,"
                                + " or 1 week without one"),
                leaf("url", PkiTypes.url("url-name", false, "http", "ldap"))
                        .help("Location from which to retrieve the CRL through HTTP or LDAP (one URL per profile)"))
                .help("Check revocation with certificate revocation lists (CRLs)")
                .presence();
        Container ocsp = container("ocsp",
                leaf("connection-failure", enumeration("disable", "fallback-crl"))
                        .help("Action when the OCSP responder cannot be reached (default: verification fails)"),
                flag("disable-responder-revocation-check")
                        .help("Do not check the revocation of the responder's certificate in an OCSP response"),
                leaf("nonce-payload", enumeration("enable", "disable")).defaultValue("enable")
                        .help("Send a nonce in OCSP requests and require it in responses"),
                leafList("url", PkiTypes.url("ocsp-url", false, "http")).max(2)
                        .help("OCSP responder URL, at most two (default: the certificate's AuthorityInfoAccess)"))
                .alias("ocsf")
                .help("Online Certificate Status Protocol (OCSP) settings")
                .presence();
        return container("revocation-check",
                crl,
                flag("disable").help("Disable revocation checks"),
                ocsp,
                flag("use-ocsp").help("Use OCSP instead of CRLs to check revocation"))
                .help("Method the device uses to verify the revocation status of digital certificates");
    }

    private static Container traceoptions() {
        Container file = container("file",
                leaf("filename", string("filename")).noKeyword().defaultValue("pkid")
                        .help("Name of file in which to write trace information (in /var/log; default pkid)"),
                leaf("files", integer(2, 1000)).defaultValue("10")
                        .help("Maximum number of trace files (2..1000)"),
                leaf("match", PkiTypes.regularExpression("regular-expression"))
                        .help("Regular expression for lines to be logged"),
                leaf("size", size(10240, 1073741824L)).defaultValue("128k")
                        .help("Maximum trace file size (10240..1073741824)"),
                choice(flag("world-readable").help("Allow any user to read the log file"),
                        flag("no-world-readable").help("Don't allow any user to read the log file")))
                .oneLine()
                .help("Trace file information");
        return container("traceoptions",
                file,
                leafList("flag", enumeration("all", "certificate-verification", "online-crl-check"))
                        .help("Tracing parameters: all, certificate-verification, online-crl-check"),
                flag("no-remote-trace").help("Disable remote tracing"))
                .pid(TRACEOPTIONS_PID)
                .help("PKI trace options");
    }
}
