package org.secplane.ike.internal.engine;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Sends UDP datagrams for the engine (the transport over the device family's {@code DatagramPort}s for 500
 * and 4500). On the NAT-T port the engine has already put the non-ESP marker in front of IKE messages; a NAT
 * keepalive is the single byte 0xFF. Must not block for long; may be called from any event loop.
 */
@FunctionalInterface
public interface IkeTransport {

    void send(byte[] data, int offset, int length, InetSocketAddress local, InetSocketAddress remote);

    /**
     * The local address datagrams to {@code remote} leave from, for a gateway whose external interface has no
     * configured address: NAT detection hashes it, so it must be the real one. {@code null} when unknown.
     */
    default InetAddress sourceFor(InetAddress remote) {
        return null;
    }
}
