package org.secplane.crypto.component;

/**
 * Where {@code show security crypto providers} learns the device family.
 *
 * <p>HOOK for the platform-driver API: there is no {@code platform-drivers/driver-api} yet. When it
 * exists, {@link ShowSecurityCryptoProviders} should take its device-family service through an
 * optional dynamic reference and adapt it to this interface; until then every device reports
 * {@link #PLATFORM_DRIVERS_NOT_INSTALLED}.
 */
public interface DeviceFamilySource {

    /** The family name ({@code srx300}, {@code simulator}), or {@code unknown}. */
    String name();

    /** Why the family is what it is, or {@code null}: shown in parentheses. */
    String detail();

    /** What is printed while no platform driver can tell. */
    DeviceFamilySource PLATFORM_DRIVERS_NOT_INSTALLED = new DeviceFamilySource() {
        @Override
        public String name() {
            return "unknown";
        }

        @Override
        public String detail() {
            return "platform drivers not installed";
        }
    };
}
