package org.secplane.ipsec;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The data plane's side of ESP in UDP (RFC 3948): key management owns the NAT-T UDP port (4500) as
 * strongSwan's charon does, and hands every datagram there that is not IKE (the first four bytes are not
 * the zero non-ESP marker, and it is not a one-byte keepalive) to this receiver, on the port's reader
 * thread. Registered as an OSGi service by the data plane.
 */
public interface EspInUdpReceiver {

    /**
     * One ESP packet (from the SPI to the ICV, the UDP header already removed) between {@code buffer}'s
     * position and limit. The buffer is the caller's again when this returns: copy what must be kept. Must
     * not block and never throws.
     *
     * @param remote the sender's address and port (the peer, possibly translated by a NAT)
     * @param local  the local address and port it arrived on
     */
    void receive(ByteBuffer buffer, InetSocketAddress remote, InetSocketAddress local);
}
