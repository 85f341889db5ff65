package org.secplane.ike.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secplane.ike.internal.sa.SaHost;

/** {@code etc/org.secplane.ike.cfg}: the DoS-protection knobs, defaults, and bad values named and ignored. */
class IkeTunablesTest {

    @Test
    void valuesAreTakenAndMissingOnesKeepTheirDefaults() {
        SaHost.Settings s = new SaHost.Settings();
        assertEquals(List.of(), IkeTunables.apply(Map.of("cookie-threshold", "10000", "half-open-timeout", " 60 ",
                "felix.fileinstall.filename", "file:/etc/org.secplane.ike.cfg"), s));
        assertEquals(10000, s.cookieThreshold);
        assertEquals(10, s.cookieThresholdPerIp);
        assertEquals(60_000, s.halfOpenTimeoutMillis);
        IkeTunables.apply(Map.of(), s);
        assertEquals(30, s.cookieThreshold, "a removed key returns to its default");
    }

    @Test
    void aBadValueIsNamedAndTheDefaultKept() {
        SaHost.Settings s = new SaHost.Settings();
        List<String> problems = IkeTunables.apply(Map.of("cookie-threshold-per-peer", "many", "half-open-timeout", "1"), s);
        assertEquals(List.of("org.secplane.ike: cookie-threshold-per-peer = many is not a number in 1..1000000; using 10",
                "org.secplane.ike: half-open-timeout = 1 is not a number in 5..300; using 30"), problems);
        assertEquals(10, s.cookieThresholdPerIp);
        assertEquals(30_000, s.halfOpenTimeoutMillis);
    }
}
