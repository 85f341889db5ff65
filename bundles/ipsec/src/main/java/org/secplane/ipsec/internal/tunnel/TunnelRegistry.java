package org.secplane.ipsec.internal.tunnel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.secplane.driver.TunnelInterface;

/**
 * The tunnel interfaces of this bundle, as the committed configuration made them on the active device
 * family: the {@link TunnelInterface} objects the IPsec data plane reads cleartext packets from and writes
 * them to, each unit's configuration and why it could not be applied, and the routes through them.
 * Filled by {@link TunnelApplier}; read by the data plane and {@code show interfaces terse}. Thread-safe.
 */
public final class TunnelRegistry {

    /** Told when a tunnel interface appears or goes (for the data plane's reader threads). */
    public interface Listener {
        void tunnelAdded(TunnelInterface tunnel);

        void tunnelRemoved(String name);
    }

    /** One configured st0 unit: its configuration, its tunnel interface if it exists, and its problem if any. */
    public static final class UnitStatus {
        private final TunnelPlan.Unit unit;
        private final TunnelInterface tunnel;
        private final String error;

        UnitStatus(TunnelPlan.Unit unit, TunnelInterface tunnel, String error) {
            this.unit = unit;
            this.tunnel = tunnel;
            this.error = error;
        }

        public TunnelPlan.Unit unit() {
            return unit;
        }

        public Optional<TunnelInterface> tunnel() {
            return Optional.ofNullable(tunnel);
        }

        /** Why the unit is not (fully) applied, or {@code null}. */
        public String error() {
            return error;
        }
    }

    private final Map<String, UnitStatus> units = new LinkedHashMap<>();
    private final List<String> routeErrors = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private String family;
    private boolean st0Configured;
    private boolean st0Enabled = true;

    public synchronized Optional<TunnelInterface> tunnel(String name) {
        UnitStatus status = units.get(name);
        return status == null ? Optional.empty() : status.tunnel();
    }

    /** The tunnel interfaces that exist, by name. */
    public synchronized Map<String, TunnelInterface> tunnels() {
        Map<String, TunnelInterface> tunnels = new LinkedHashMap<>();
        for (UnitStatus status : units.values()) {
            if (status.tunnel != null) {
                tunnels.put(status.unit.name(), status.tunnel);
            }
        }
        return tunnels;
    }

    /** Every configured st0 unit, in configuration order. */
    public synchronized List<UnitStatus> units() {
        return new ArrayList<>(units.values());
    }

    /** Routes that could not be installed, with why. */
    public synchronized List<String> routeErrors() {
        return new ArrayList<>(routeErrors);
    }

    /** The name of the device family the tunnels live on, if one is active. */
    public synchronized Optional<String> family() {
        return Optional.ofNullable(family);
    }

    /** Whether {@code interfaces st0} is configured, and not {@code disable}d. */
    public synchronized boolean[] st0() {
        return new boolean[] {st0Configured, st0Enabled};
    }

    /** Adds a listener and tells it about the tunnels that exist already. */
    public void addListener(Listener listener) {
        listeners.add(listener);
        for (TunnelInterface tunnel : tunnels().values()) {
            listener.tunnelAdded(tunnel);
        }
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    // ---- written by the applier

    synchronized void setSt0(boolean configured, boolean enabled) {
        st0Configured = configured;
        st0Enabled = enabled;
    }

    void setFamily(String name) {
        synchronized (this) {
            family = name;
        }
    }

    void put(TunnelPlan.Unit unit, TunnelInterface tunnel, String error) {
        UnitStatus previous;
        synchronized (this) {
            previous = units.put(unit.name(), new UnitStatus(unit, tunnel, error));
        }
        TunnelInterface before = previous == null ? null : previous.tunnel;
        if (before != null && before != tunnel) {
            listeners.forEach(l -> l.tunnelRemoved(unit.name()));
        }
        if (tunnel != null && tunnel != before) {
            listeners.forEach(l -> l.tunnelAdded(tunnel));
        }
    }

    void remove(String name) {
        UnitStatus previous;
        synchronized (this) {
            previous = units.remove(name);
        }
        if (previous != null && previous.tunnel != null) {
            listeners.forEach(l -> l.tunnelRemoved(name));
        }
    }

    /** Keeps the units' configuration but forgets their tunnels (the family went away). */
    void forgetTunnels(String why) {
        List<String> removed = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<String, UnitStatus> entry : units.entrySet()) {
                if (entry.getValue().tunnel != null) {
                    removed.add(entry.getKey());
                }
                entry.setValue(new UnitStatus(entry.getValue().unit, null, why));
            }
            routeErrors.clear();
        }
        for (String name : removed) {
            listeners.forEach(l -> l.tunnelRemoved(name));
        }
    }

    synchronized void setRouteErrors(List<String> errors) {
        routeErrors.clear();
        routeErrors.addAll(errors);
    }
}
