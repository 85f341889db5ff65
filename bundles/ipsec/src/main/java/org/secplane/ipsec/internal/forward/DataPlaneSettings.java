package org.secplane.ipsec.internal.forward;

import java.util.List;
import java.util.function.LongFunction;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.TrafficSelector;

/**
 * What the committed configuration tells the data plane: TCP MSS clamping, the VPNs bound to tunnel
 * interfaces, and the manual SAs to install.
 */
public final class DataPlaneSettings {

    /** No configuration (before the first commit is seen). */
    public static final DataPlaneSettings NONE = new DataPlaneSettings(0, List.of(), List.of());

    private final int tcpMss;
    private final List<Vpn> vpns;
    private final List<ManualSa> manualSas;

    /**
     * @param tcpMss {@code security flow tcp-mss ipsec-vpn mss}, 0 when not configured
     */
    public DataPlaneSettings(int tcpMss, List<Vpn> vpns, List<ManualSa> manualSas) {
        this.tcpMss = tcpMss;
        this.vpns = List.copyOf(vpns);
        this.manualSas = List.copyOf(manualSas);
    }

    public int tcpMss() {
        return tcpMss;
    }

    public List<Vpn> vpns() {
        return vpns;
    }

    public List<ManualSa> manualSas() {
        return manualSas;
    }

    /** A configured VPN with {@code bind-interface} (route-based). */
    public static final class Vpn {
        private final String name;
        private final String bindInterface;
        private final boolean negotiated;
        private final List<TrafficSelector> local;
        private final List<TrafficSelector> remote;

        /**
         * @param negotiated keyed by IKE (traffic without an SA asks key management for one)
         * @param local      the {@code proxy-identity local} selectors, empty for any
         */
        public Vpn(String name, String bindInterface, boolean negotiated, List<TrafficSelector> local,
                List<TrafficSelector> remote) {
            this.name = name;
            this.bindInterface = bindInterface;
            this.negotiated = negotiated;
            this.local = List.copyOf(local);
            this.remote = List.copyOf(remote);
        }

        public String name() {
            return name;
        }

        public String bindInterface() {
            return bindInterface;
        }

        public boolean negotiated() {
            return negotiated;
        }

        public List<TrafficSelector> local() {
            return local;
        }

        public List<TrafficSelector> remote() {
            return remote;
        }
    }

    /**
     * A manual SA pair ({@code vpn V manual}). {@code fingerprint} changes with anything that changes the
     * pair (so an unchanged one keeps its counters across commits); {@code builder} makes the
     * {@link ChildSa} with the given tunnel ID, revealing the keys only then (and throws
     * {@link IllegalArgumentException} when it cannot).
     */
    public static final class ManualSa {
        private final String vpn;
        private final String fingerprint;
        private final LongFunction<ChildSa> builder;

        public ManualSa(String vpn, String fingerprint, LongFunction<ChildSa> builder) {
            this.vpn = vpn;
            this.fingerprint = fingerprint;
            this.builder = builder;
        }

        public String vpn() {
            return vpn;
        }

        public String fingerprint() {
            return fingerprint;
        }

        public ChildSa build(long tunnelId) {
            return builder.apply(tunnelId);
        }
    }
}
