package org.secplane.ipsec.internal.forward;

/** Where an installed pair sends and delivers: its VPN route (and so its tunnel interface) and its raw port. */
final class PairBinding {

    final VpnRoute route;
    final RawPortHolder port;

    PairBinding(VpnRoute route, RawPortHolder port) {
        this.route = route;
        this.port = port;
    }
}
