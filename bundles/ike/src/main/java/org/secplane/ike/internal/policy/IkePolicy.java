package org.secplane.ike.internal.policy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the engine needs from one committed configuration: gateways and VPNs, by name. Immutable. */
public final class IkePolicy {

    public static final IkePolicy EMPTY = new IkePolicy(List.of(), List.of(), 5);

    public final Map<String, PeerConfig> gateways;
    public final Map<String, VpnConfig> vpns;
    private final Map<InetAddress, List<PeerConfig>> byAddress;
    private final Map<String, List<VpnConfig>> byGateway;
    /** {@code respond-bad-spi} (D-20). */
    public final int respondBadSpi;

    public IkePolicy(List<PeerConfig> gateways, List<VpnConfig> vpns, int respondBadSpi) {
        Map<String, PeerConfig> g = new LinkedHashMap<>();
        for (PeerConfig p : gateways) {
            g.put(p.name, p);
        }
        Map<String, VpnConfig> v = new LinkedHashMap<>();
        for (VpnConfig c : vpns) {
            v.put(c.name, c);
        }
        this.gateways = Collections.unmodifiableMap(g);
        this.vpns = Collections.unmodifiableMap(v);
        this.respondBadSpi = respondBadSpi;
        Map<InetAddress, List<PeerConfig>> a = new java.util.HashMap<>();
        for (PeerConfig p : g.values()) {
            for (InetAddress address : p.addresses) {
                a.computeIfAbsent(address, k -> new ArrayList<>(1)).add(p);
            }
        }
        this.byAddress = a;
        Map<String, List<VpnConfig>> b = new java.util.HashMap<>();
        for (VpnConfig c : v.values()) {
            b.computeIfAbsent(c.gateway, k -> new ArrayList<>(1)).add(c);
        }
        this.byGateway = b;
    }

    /** The gateway whose {@code address} list holds {@code peer} (primary or backup), or {@code null}. */
    public PeerConfig gatewayFor(InetAddress peer, InetAddress local) {
        List<PeerConfig> candidates = byAddress.get(peer);
        if (candidates == null) {
            return null;
        }
        for (PeerConfig p : candidates) {
            if (local == null || p.localAddress == null || p.localAddress.equals(local)) {
                return p;
            }
        }
        return candidates.get(0);
    }

    /** Gateways without addresses ({@code dynamic}), matched by the peer's identity in IKE_AUTH. */
    public List<PeerConfig> dynamicGateways() {
        List<PeerConfig> out = new ArrayList<>();
        for (PeerConfig p : gateways.values()) {
            if (p.addresses.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    public List<VpnConfig> vpnsOf(String gateway) {
        List<VpnConfig> out = byGateway.get(gateway);
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }
}
