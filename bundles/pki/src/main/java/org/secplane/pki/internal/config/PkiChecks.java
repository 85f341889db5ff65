package org.secplane.pki.internal.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.secplane.config.CommitContext;
import org.secplane.config.ConfigView;

/**
 * The commit checks of {@code [edit security pki]} (what the schema alone cannot express). Each method
 * names the spec item it implements; {@link PkiConfiguration} explains the rulings.
 */
final class PkiChecks {

    /** Upper bound of a PKCS#9 challengePassword (RFC 2985, {@code pkcs-9-ub-challengePassword}). */
    static final int MAX_CHALLENGE_PASSWORD = 255;

    /** Names the device gives to dynamic CA profiles (pki.md §4.12, L822, {@code dynamic-001} at L3675). */
    private static final Pattern DYNAMIC_PROFILE = Pattern.compile("dynamic-[0-9]+");

    /** The identifier of the automatically generated self-signed certificate (pki.md §4.13). */
    static final String SYSTEM_GENERATED = "system-generated";

    private PkiChecks() {
    }

    static void check(CommitContext context) {
        ConfigView root = context.candidate();
        Optional<ConfigView> pki = root.find("security", "pki");
        if (pki.isEmpty()) {
            return;
        }
        for (ConfigView profile : pki.get().children("ca-profile")) {
            reservedProfileName(context, profile);
            enrollmentNeedsCaIdentity(context, profile);
            routingInstanceConfigured(context, root, profile);
            profile.child("revocation-check").ifPresent(check -> revocationCheck(context, check));
        }
        pki.get().child("auto-re-enrollment").ifPresent(auto -> {
            for (ConfigView certificate : auto.children("certificate-id")) {
                autoReEnrollment(context, pki.get(), certificate);
            }
        });
        pki.get().find("traceoptions", "file").ifPresent(file -> traceFile(context, file));
    }

    /** Dynamic CA profiles are named {@code dynamic-nnn} by the device (§4.12): configured names must not clash. */
    private static void reservedProfileName(CommitContext context, ConfigView profile) {
        String name = profile.value();
        if (name != null && DYNAMIC_PROFILE.matcher(name).matches()) {
            context.error(profile, "CA profile name '" + name
                    + "' is reserved: names dynamic-nnn are given to dynamic CA profiles created for peers' CAs");
        }
    }

    /** SCEP needs the CA identity of the profile (§4.5 step 1, L1078; §2.3 rows 10-11). */
    private static void enrollmentNeedsCaIdentity(CommitContext context, ConfigView profile) {
        Optional<ConfigView> url = profile.find("enrollment", "url");
        if (url.isPresent() && !profile.has("ca-identity")) {
            context.error(profile, "'enrollment url' requires 'ca-identity': the CA identity is sent with every SCEP request");
        }
    }

    /**
     * {@code routing-instance} is "chosen from the list of configured routing instances" (§2.3 rows 10 and
     * 17, L3898). The {@code routing-instances} hierarchy belongs to the network bundle and is read from
     * the candidate, schema-free: its entries are keyless blocks named after the instance.
     */
    private static void routingInstanceConfigured(CommitContext context, ConfigView root, ConfigView profile) {
        profile.child("routing-instance").ifPresent(statement -> {
            String instance = statement.value();
            boolean configured = root.child("routing-instances")
                    .map(all -> all.children().stream().anyMatch(entry -> entry.isBlock() && entry.keyword().equals(instance)))
                    .orElse(false);
            if (!configured) {
                context.error(statement, "routing instance '" + instance + "' is not configured under [edit routing-instances]");
            }
        });
    }

    /**
     * {@code disable} turns revocation checking off (§2.3 row 14); CRL or OCSP settings configured next to
     * it are kept but not used. OCSP settings are used only with {@code use-ocsp} (CRL is the default
     * method, 12.1X46-D20).
     */
    private static void revocationCheck(CommitContext context, ConfigView check) {
        Optional<ConfigView> disable = check.child("disable");
        if (disable.isPresent()) {
            String kept = String.join(" and ", Arrays.stream(new String[] {"crl", "ocsp", "use-ocsp"})
                    .filter(check::has).toArray(String[]::new));
            if (!kept.isEmpty()) {
                context.warning(disable.get(), "revocation checking is disabled: the " + kept
                        + " settings of this CA profile are kept but not used");
            }
        } else if (check.has("ocsp") && !check.has("use-ocsp")) {
            context.warning(check.child("ocsp").get(),
                    "the ocsp settings are not used: CRLs are checked unless 'use-ocsp' is configured");
        }
    }

    /** §2.3 rows 3-6, §4.7, §6.1 #10-#11. */
    private static void autoReEnrollment(CommitContext context, ConfigView pki, ConfigView certificate) {
        if (SYSTEM_GENERATED.equals(certificate.value())) {
            context.error(certificate, "the system-generated self-signed certificate is not issued by a CA and cannot be"
                    + " re-enrolled");
        }
        certificate.child("ca-profile-name").ifPresent(reference -> {
            Optional<ConfigView> profile = pki.entry("ca-profile", reference.value());
            if (profile.isPresent() && !profile.get().has("enrollment", "url")) {
                context.error(reference, "CA profile '" + reference.value()
                        + "' has no 'enrollment url': automatic re-enrollment uses SCEP at that URL");
            }
        });
        certificate.child("challenge-password").ifPresent(password -> {
            byte[] clear = context.revealSecret(password);
            try {
                if (clear.length > MAX_CHALLENGE_PASSWORD) {
                    context.error(password, "challenge-password is " + clear.length + " characters long; at most "
                            + MAX_CHALLENGE_PASSWORD + " are allowed");
                }
            } finally {
                Arrays.fill(clear, (byte) 0);
            }
        });
    }

    /**
     * "If you specify a maximum number of files, you also must specify a maximum file size with the size
     * option and a filename", and the converse for {@code size} (§2.3 row 18, L4258, L4267).
     */
    private static void traceFile(CommitContext context, ConfigView file) {
        boolean files = file.has("files");
        boolean size = file.has("size");
        if (!files && !size) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (!files) {
            missing.add("'files'");
        }
        if (!size) {
            missing.add("'size'");
        }
        if (!file.has("filename")) {
            missing.add("a file name");
        }
        if (!missing.isEmpty()) {
            String given = files && size ? "'files' and 'size' require " : files ? "'files' requires " : "'size' requires ";
            context.error(file, given + String.join(" and ", missing)
                    + ": a trace file limit needs both limits and the file's name");
        }
    }
}
