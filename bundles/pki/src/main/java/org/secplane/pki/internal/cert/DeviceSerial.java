package org.secplane.pki.internal.cert;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The device serial number, which Junos reads from the chassis (pki.md §6.2 #21): used in the
 * system-generated certificate's subject ({@code CN=<serial>, CN=system generated, CN=self-signed}) and for a
 * bare {@code SN} in a subject. A Java runtime has no chassis, so: the system property
 * {@value #PROPERTY} ({@code etc/custom.system.properties}) when set; else the first 12 hex digits of the
 * host's {@code /etc/machine-id}, upper case (stable for the host, as a chassis serial is; {@code
 * JN10B9390AGB} in the guide has 12 characters); else the host name.
 */
public final class DeviceSerial {

    public static final String PROPERTY = "secplane.serial-number";

    private DeviceSerial() {
    }

    public static String fromSystem() {
        return resolve(System.getProperty(PROPERTY), Path.of("/etc/machine-id"));
    }

    static String resolve(String configured, Path machineId) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        try {
            String id = Files.readString(machineId, StandardCharsets.US_ASCII).trim();
            if (id.matches("[0-9a-fA-F]{12,}")) {
                return id.substring(0, 12).toUpperCase(Locale.ROOT);
            }
        } catch (IOException | RuntimeException e) {
            // no machine id: fall back to the host name
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "secplane";
        }
    }
}
