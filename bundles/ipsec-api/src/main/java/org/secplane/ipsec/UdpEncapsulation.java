package org.secplane.ipsec;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Key management's side of ESP in UDP (RFC 3948): sends datagrams from the NAT-T port it owns, so that
 * encapsulated ESP leaves from the address and port the peer and any NAT in between know. Registered as an
 * OSGi service by key management (IKE).
 */
public interface UdpEncapsulation {

    /**
     * Sends the ESP packet between {@code esp}'s position and limit (starting with the SPI; no non-ESP
     * marker) as one UDP datagram from {@code local} to {@code remote}. Thread-safe; does not keep the buffer.
     *
     * @throws IOException when no port is open on {@code local} or the send fails
     */
    void send(ByteBuffer esp, InetSocketAddress local, InetSocketAddress remote) throws IOException;
}
