package org.secplane.ipsec.internal.forward;

import org.secplane.driver.TunnelInterface;
import org.secplane.ipsec.internal.packet.PacketInfo;

/**
 * The security policy of one tunnel interface ({@code st0.N}) of route-based VPNs: the VPNs bound to it.
 * A packet the host routes into the interface is for the first VPN whose traffic selectors match it (one
 * VPN on a point-to-point unit; several on a multipoint one, told apart by their selectors). Read by the
 * interface's reader thread without a lock; changed by the data plane, which replaces the array.
 */
final class TunnelPolicy {

    final String name;
    volatile TunnelInterface tunnel;
    volatile VpnRoute[] routes = new VpnRoute[0];

    TunnelPolicy(String name) {
        this.name = name;
    }

    /** The VPN for the packet, or {@code null} when no VPN's selectors match. */
    VpnRoute select(PacketInfo packet) {
        VpnRoute[] candidates = routes;
        for (VpnRoute route : candidates) {
            if (route.matches(packet)) {
                return route;
            }
        }
        return null;
    }
}
