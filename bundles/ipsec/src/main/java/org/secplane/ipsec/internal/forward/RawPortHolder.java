package org.secplane.ipsec.internal.forward;

import java.net.InetAddress;
import org.secplane.driver.RawIpPort;

/**
 * The raw IP socket of one local address and protocol (ESP or AH), shared by every SA pair with that local
 * address: their packets leave through it and arrive through it, read by one thread. Open while an SA uses the
 * address or the address is one of the device family's (so that packets with an SPI nobody knows, as after a
 * restart, are seen and reported for {@code respond-bad-spi}). Reopened when the device family changes;
 * retried every second while it cannot be opened (the address is not on the host yet).
 */
final class RawPortHolder {

    final InetAddress local;
    final byte[] localBytes;
    final int protocol;
    volatile RawIpPort port;
    volatile String error;
    Thread reader;
    /** SA pairs with this local address. */
    int users;
    /** Whether the address is one of the device family's own (kept open without SAs, for unknown SPIs). */
    boolean standing;

    RawPortHolder(InetAddress local, int protocol) {
        this.local = local;
        this.localBytes = local.getAddress();
        this.protocol = protocol;
    }

    String name() {
        return (protocol == 50 ? "ESP" : "AH") + " on " + local.getHostAddress();
    }
}
