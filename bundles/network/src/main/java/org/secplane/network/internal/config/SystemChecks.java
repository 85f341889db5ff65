package org.secplane.network.internal.config;

import org.secplane.config.CommitContext;
import org.secplane.config.ConfigView;

/**
 * Commit checks of {@code [edit system]}: HTTPS web management needs a certificate (the system-generated
 * one or a PKI local certificate, pki.md §2.2 items 19–20); web-management interfaces should exist
 * (warning); a periodic FIPS self-test day of month must exist in its month (E11).
 */
final class SystemChecks {

    private SystemChecks() {
    }

    private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    static void check(CommitContext context, NetworkView network) {
        network.root.find("system", "services", "web-management").ifPresent(web -> {
            web.child("https").ifPresent(https -> {
                if (!https.has("system-generated-certificate") && !https.has("pki-local-certificate")) {
                    context.error(https, "HTTPS web management needs a certificate: system-generated-certificate or "
                            + "pki-local-certificate <certificate-id>");
                }
            });
            for (String protocol : new String[] {"http", "https"}) {
                web.find(protocol, "interface").ifPresent(interfaces -> {
                    for (String unit : interfaces.arguments()) {
                        if (!network.isConfigured(unit)) {
                            context.warning(interfaces, "web management (" + protocol + ") on "
                                    + NetworkView.missingUnitMessage(unit));
                        }
                    }
                });
            }
        });
        network.root.find("system", "fips", "self-test", "periodic").ifPresent(periodic -> {
            ConfigView day = periodic.child("day-of-month").orElse(null);
            String month = periodic.leaf("month").orElse(null);
            if (day != null && month != null && Integer.parseInt(day.value()) > DAYS[Integer.parseInt(month) - 1]) {
                context.error(day, "month " + month + " has no day " + day.value());
            }
        });
    }
}
