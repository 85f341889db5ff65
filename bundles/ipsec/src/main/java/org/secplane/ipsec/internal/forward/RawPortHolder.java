package org.secplane.ipsec.internal.forward;

import java.net.InetAddress;
import org.secplane.driver.RawIpPort;

/**
 * The raw IP socket of one local address and protocol (ESP or AH), shared by every SA pair with that local
 * address: their packets leave through it and arrive through it, read by one thread. Reopened when the
 * device family changes; retried every second while it cannot be opened (the address is not on the host
 * yet).
 */
final class RawPortHolder {

    final InetAddress local;
    final byte[] localBytes;
    final int protocol;
    volatile RawIpPort port;
    volatile String error;
    Thread reader;
    int users;

    RawPortHolder(InetAddress local, int protocol) {
        this.local = local;
        this.localBytes = local.getAddress();
        this.protocol = protocol;
    }

    String name() {
        return (protocol == 50 ? "ESP" : "AH") + " on " + local.getHostAddress();
    }
}
