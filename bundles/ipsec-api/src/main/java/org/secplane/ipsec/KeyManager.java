package org.secplane.ipsec;

import java.net.InetAddress;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Key management's side (IKE), told by the data plane about events only it can see. Calls return at
 * once; key management works asynchronously.
 */
@ConsumerType
public interface KeyManager {

    /**
     * Traffic matched VPN {@code vpn} (a route into its st0 unit, or a tunnel policy) but no SA exists:
     * negotiate one ({@code establish-tunnels on-traffic}). The packet itself is dropped (D-29).
     */
    void acquire(String vpn, TrafficSelector source, TrafficSelector destination);

    /** An SA reached its soft ({@code hard == false}) or hard volume lifetime. */
    void expired(ChildSa sa, boolean hard);

    /** An ESP or AH packet from {@code peer} carried an SPI no installed SA has ({@code respond-bad-spi}). */
    void unknownSpi(InetAddress peer, long spi, int protocol);

    /**
     * The operator cleared this pair ({@code clear security ipsec security-associations [index N]}): delete it
     * with the peer (an INFORMATIONAL delete) and forget it, removing it from the data plane through
     * {@link SaInstaller#remove}; renegotiate as the VPN's {@code establish-tunnels} says. Returns whether key
     * management takes care of it; when it returns {@code false} (the default, for key managers that predate
     * this call) the data plane removes the pair itself.
     *
     * @since 1.2
     */
    default boolean clear(ChildSa sa) {
        return false;
    }
}
