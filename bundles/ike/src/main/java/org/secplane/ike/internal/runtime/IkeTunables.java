package org.secplane.ike.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.secplane.ike.internal.sa.SaHost;

/**
 * Key management's knobs that the Junos configuration has no statement for, from {@code etc/org.secplane.ike.cfg}
 * (as strongSwan has them in {@code strongswan.conf}): the DoS protection of RFC 7296 §2.6 and the half-open
 * timeout. Unknown keys are ignored (Karaf adds its own); a bad value keeps the default and is reported.
 *
 * <pre>
 * cookie-threshold = 30            # half-open IKE SAs (all peers) from which IKE_SA_INIT needs a cookie
 * cookie-threshold-per-peer = 10   # half-open IKE SAs of one peer address from which it needs a cookie
 * half-open-timeout = 30           # seconds an IKE SA may wait for IKE_AUTH before it is dropped
 * </pre>
 */
public final class IkeTunables {

    public static final String PID = "org.secplane.ike";

    private IkeTunables() {
    }

    /** Sets the knobs in {@code properties} on {@code settings}; returns one message per rejected value. */
    public static List<String> apply(Map<String, ?> properties, SaHost.Settings settings) {
        SaHost.Settings defaults = new SaHost.Settings();
        List<String> problems = new ArrayList<>();
        settings.cookieThreshold = number(properties, "cookie-threshold", 1, 1_000_000, defaults.cookieThreshold, problems);
        settings.cookieThresholdPerIp = number(properties, "cookie-threshold-per-peer", 1, 1_000_000, defaults.cookieThresholdPerIp,
                problems);
        settings.halfOpenTimeoutMillis = 1000L * number(properties, "half-open-timeout", 5, 300,
                (int) (defaults.halfOpenTimeoutMillis / 1000), problems);
        return problems;
    }

    private static int number(Map<String, ?> properties, String key, int min, int max, int fallback, List<String> problems) {
        Object raw = properties.get(key);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.toString().trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(PID + ": " + key + " = " + raw + " is not a number in " + min + ".." + max + "; using " + fallback);
        return fallback;
    }
}
