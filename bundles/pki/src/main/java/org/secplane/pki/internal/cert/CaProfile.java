package org.secplane.pki.internal.cert;

import java.util.Map;
import java.util.Objects;

/**
 * A committed {@code [edit security pki ca-profile NAME]}, as its Config Admin factory configuration
 * ({@code org.secplane.pki.ca-profile}) carries it: the name and the settings the certificate commands and,
 * later, enrollment and revocation use. Immutable.
 */
public record CaProfile(String name, String caIdentity, String enrollmentUrl, boolean revocationCheckDisabled,
        String crlUrl) {

    public CaProfile {
        Objects.requireNonNull(name, "name");
    }

    /** From the projected properties ({@code secplane.name}, {@code ca-identity}, {@code enrollment.url}, …). */
    public static CaProfile fromProperties(Map<String, ?> properties) {
        Object name = properties.get("secplane.name");
        if (name == null) {
            throw new IllegalArgumentException("the CA profile configuration has no secplane.name");
        }
        return new CaProfile(name.toString(), string(properties.get("ca-identity")), string(properties.get("enrollment.url")),
                Boolean.TRUE.equals(properties.get("revocation-check.disable"))
                        || "true".equals(String.valueOf(properties.get("revocation-check.disable"))),
                string(properties.get("revocation-check.crl.url")));
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
