package org.secplane.driver;

import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An SA offload engine (a NIC or accelerator with IPsec support, the kernel's XFRM): about a dozen
 * operations and a feature set, as strongSwan's kernel interface. Secrets in {@link SaSpec} are copies;
 * the engine zeroes its own when the SA is deleted.
 */
@ConsumerType
public interface SaOffload {

    String name();

    /** What it can do: {@code crypto}, {@code packet}, {@code esn}, {@code udp-encapsulation}, algorithm labels. */
    Set<String> features();

    /** At most this many SAs. */
    int maxSas();

    /**
     * Installs an SA in {@code mode}; returns the mode actually used ({@code AUTO} resolved).
     * Throws {@link UnsupportedOperationException} naming what is missing when an explicit mode cannot be
     * done.
     */
    OffloadMode addSa(SaSpec sa, OffloadMode mode);

    /** Replaces the SA's lifetimes or addresses (after a NAT mapping change). */
    void updateSa(SaSpec sa);

    void deleteSa(long spi, String destination, int protocol);

    /** Packets and bytes processed, and whether the SA is installed. */
    SaCounters querySa(long spi, String destination, int protocol);

    void addPolicy(PolicySpec policy);

    void deletePolicy(PolicySpec policy);

    /** Processing counters of one offloaded SA. */
    final class SaCounters {
        public final boolean installed;
        public final long packets;
        public final long bytes;

        public SaCounters(boolean installed, long packets, long bytes) {
            this.installed = installed;
            this.packets = packets;
            this.bytes = bytes;
        }
    }
}
