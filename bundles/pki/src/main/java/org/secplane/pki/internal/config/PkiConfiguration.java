package org.secplane.pki.internal.config;

import java.util.List;
import org.secplane.config.CommitCheck;
import org.secplane.config.CommitContext;
import org.secplane.config.SchemaContribution;
import org.secplane.config.schema.Schema;

/**
 * This bundle's configuration statements ({@code [edit security pki]}, built by {@link PkiSchema}) and
 * their commit checks ({@link PkiChecks}); plain Java, the component registers it.
 *
 * <p>Config Admin projection: every {@code ca-profile} entry is a factory configuration of
 * {@code org.secplane.pki.ca-profile}, every {@code auto-re-enrollment certificate-id} entry one of
 * {@code org.secplane.pki.auto-re-enrollment}, and {@code traceoptions} a single configuration of
 * {@code org.secplane.pki.traceoptions}.
 *
 * <h2>Rulings (pki.md §6 and points the guide leaves open)</h2>
 * <ul>
 * <li><b>{@code administrator email-address}</b> (§6.1 #16, L1696): accepted as an alias of
 * {@code e-mail-address} and shown as {@code e-mail-address}. Later Junos releases spell it
 * {@code email-address}, so the guide's "Example: Configuring PKI" text commits as printed.</li>
 * <li><b>{@code ocsf}</b> (§2.1, §6.1 #13): accepted as an alias of {@code ocsp}. OCSP statements follow
 * 12.1X46-D20: {@code connection-failure (disable | fallback-crl)}, {@code disable-responder-revocation-check},
 * {@code nonce-payload} (default {@code enable}), {@code url} with at most two {@code http://} responders.
 * {@code ocsp} does not require a {@code url}: without one, the responder named in the certificate's
 * AuthorityInfoAccess extension is asked (as Junos does). CRLs are the default method; OCSP settings without
 * {@code use-ocsp} are kept and draw a commit warning.</li>
 * <li><b>{@code crl} and {@code disable}</b> (§2.3 rows 12-14): not mutually exclusive. The guide recommends
 * {@code revocation-check disable} as a temporary troubleshooting step (L2783-L2789); making them a choice
 * would silently delete the CRL URL and refresh interval, and an error would force the user to delete them.
 * {@code disable} wins, and a commit warning says which settings are kept but unused.</li>
 * <li><b>{@code revocation-check url}</b> without {@code crl} (§6.1 #17, L2912): rejected (syntax error);
 * {@code url} lives under {@code crl} in every syntax block, and Junos rejects the shortcut.</li>
 * <li><b>{@code refresh-interval}</b>: 0..8784 hours, no schema default; 0 or absent means "at the CRL's
 * next-update time, or every 168 hours without one" (L1672; later Junos documents 0 = not configured).</li>
 * <li><b>URLs</b>: {@code crl url} must be {@code http://} or {@code ldap://} (L4021); {@code enrollment url}
 * {@code http://} or {@code https://}, and a URL without a scheme is taken as {@code http://} because the
 * guide shows one ({@code "www.example.net/scep/Root/"}, L775); every URL must name a host. Values are kept
 * as typed.</li>
 * <li><b>Enrollment polling</b> (§6.1 #8): the statement reference (L4053, "Default: 10" / "Default: 900")
 * wins over the overview sentence "if you do not configure retry or a retry interval, then there is no
 * polling" (L1012): the defaults are projected whenever {@code enrollment} is configured, and
 * {@code retry 0} is the explicit way to turn polling off. One rule, visible in Config Admin.</li>
 * <li><b>{@code ca-identity}</b>: required when {@code enrollment url} is configured (SCEP requests carry
 * the CA identity; §4.5 lists both as prerequisites, L1078); optional for profiles of manually loaded CA
 * certificates.</li>
 * <li><b>{@code re-enroll-trigger-time-percentage}</b> (§6.2 #3): range 1..99 as in later Junos, no default
 * and mandatory (as Junos enforces since 23.1): without it the device cannot know when to re-enroll.
 * {@code ca-profile-name} and {@code challenge-password} are mandatory too (SCEP needs both, L1223-L1225);
 * the profile must exist and have an {@code enrollment url} (§2.3 row 4).</li>
 * <li><b>{@code challenge-password}</b> (§6.1 #10): a secret (sealed at rest, shown as {@code $9$…}); no fixed
 * length is enforced (the examples use {@code abc}), at most 255 characters (RFC 2985 upper bound of the
 * PKCS#9 challengePassword attribute).</li>
 * <li><b>{@code certificate-id}</b> names a local certificate that may not exist yet (it is enrolled after
 * the commit), so its existence is not checked; {@code system-generated} is refused (it is self-signed).</li>
 * <li><b>Names</b>: CA profile names and certificate ids become file names in the certificate store, so
 * they are limited to 63 letters, digits, {@code .}, {@code -}, {@code _}; CA profile names
 * {@code dynamic-nnn} are reserved for the dynamic CA profiles the device creates (§4.12).</li>
 * <li><b>{@code routing-instance}</b> (§2.3 row 17, L3898): must name an entry of
 * {@code [edit routing-instances]} in the candidate (that hierarchy belongs to the network bundle).</li>
 * <li><b>traceoptions file</b> (§6.2 #22): the guide's co-requirement (L4258, L4267) is enforced as a commit
 * error — {@code files} needs {@code size} and a file name and vice versa — consistently with the IKE
 * traceoptions (ipsec-srx.md §6.1 #13). The guide's own recommended {@code set file size 1m} (L2635)
 * therefore fails; the spec examples mark it as a documentation bug. Defaults projected: file name
 * {@code pkid}, 10 files, 128 KB.</li>
 * </ul>
 */
public class PkiConfiguration implements SchemaContribution, CommitCheck {

    @Override
    public List<Schema.Anchored> statements() {
        return List.of(Schema.at("security", PkiSchema.pki()));
    }

    @Override
    public void check(CommitContext context) {
        PkiChecks.check(context);
    }
}
