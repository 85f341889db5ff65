package org.secplane.ipsec.internal.forward;

import java.util.ArrayList;
import java.util.List;
import org.secplane.ipsec.internal.packet.PacketInfo;
import org.secplane.ipsec.internal.sad.SaPair;
import org.secplane.ipsec.internal.spd.Selector;

/**
 * One VPN on a tunnel interface: the SA pair its traffic leaves through now (the newest installed, so a
 * rekeyed pair takes over at once while the old one still receives), the traffic selectors a packet must
 * match before there is an SA (from {@code proxy-identity}; any when absent), and whether a packet without
 * an SA asks key management for one ({@code ike} VPNs).
 */
final class VpnRoute {

    final String vpn;
    final TunnelPolicy policy;
    volatile SaPair current;
    /** Installed pairs, oldest first (under the data plane's lock). */
    final List<SaPair> pairs = new ArrayList<>();
    volatile boolean configured;
    volatile boolean negotiated;
    volatile Selector[] localSelectors;
    volatile Selector[] remoteSelectors;
    /** When key management was last asked for an SA (rate limit). */
    volatile long lastAcquireNanos;

    VpnRoute(String vpn, TunnelPolicy policy) {
        this.vpn = vpn;
        this.policy = policy;
    }

    boolean matches(PacketInfo packet) {
        SaPair pair = current;
        Selector[] local = pair != null ? pair.localSelectors() : localSelectors;
        Selector[] remote = pair != null ? pair.remoteSelectors() : remoteSelectors;
        if (local == null || remote == null) {
            return true;
        }
        return Selector.anyMatches(local, packet, true) && Selector.anyMatches(remote, packet, false);
    }

    /** The newest pair that can still send, or {@code null} (under the data plane's lock). */
    SaPair newestUsable() {
        for (int i = pairs.size() - 1; i >= 0; i--) {
            if (pairs.get(i).usable()) {
                return pairs.get(i);
            }
        }
        return null;
    }
}
