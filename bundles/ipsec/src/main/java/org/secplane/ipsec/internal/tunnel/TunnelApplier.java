package org.secplane.ipsec.internal.tunnel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.secplane.driver.DeviceFamily;
import org.secplane.driver.TunnelInterface;

/**
 * Makes the active device family's tunnel interfaces match the committed configuration: creates
 * {@code st0.N} for every configured unit with its addresses, MTU and state ({@code disable} is down),
 * removes the tunnel interfaces no longer configured, and keeps the static routes through them in the
 * family's route table (removing stale ones). Runs after every commit and whenever the family changes; a
 * unit whose settings did not change is left alone. What fails is recorded per unit in the
 * {@link TunnelRegistry} and reported through {@code warnings}; the rest is still applied.
 *
 * <p>When this applier stops (the bundle is updated), the tunnel interfaces stay on the family, so a hot
 * upgrade drops no tunnel; the next applier adopts them.
 */
public final class TunnelApplier {

    private final TunnelRegistry registry;
    private final Consumer<String> warnings;
    private TunnelPlan plan = TunnelPlan.empty();
    private boolean planKnown;
    private DeviceFamily family;
    private final Map<String, TunnelPlan.Unit> applied = new HashMap<>();
    private final Set<TunnelPlan.Route> installed = new LinkedHashSet<>();

    public TunnelApplier(TunnelRegistry registry, Consumer<String> warnings) {
        this.registry = registry;
        this.warnings = warnings;
    }

    public TunnelRegistry registry() {
        return registry;
    }

    /** A new committed configuration. */
    public synchronized void apply(TunnelPlan next) {
        plan = next;
        planKnown = true;
        reconcile();
    }

    /** A device family became active (or a better one replaced the previous). */
    public synchronized void familyAdded(DeviceFamily added) {
        family = added;
        applied.clear();
        installed.clear();
        registry.setFamily(added.name());
        reconcile();
    }

    /** The device family went away: its tunnels went with it. */
    public synchronized void familyRemoved(DeviceFamily removed) {
        if (family != removed) {
            return;
        }
        family = null;
        applied.clear();
        installed.clear();
        registry.setFamily(null);
        registry.forgetTunnels("no device family is active");
    }

    private void reconcile() {
        registry.setSt0(plan.configured(), plan.enabled());
        if (family == null) {
            for (TunnelPlan.Unit unit : plan.units().values()) {
                registry.put(unit, null, "no device family is active");
            }
            removeUnconfiguredFromRegistry();
            return;
        }
        if (!planKnown) {
            return; // the configuration has not been seen yet: leave the family's tunnels as they are
        }
        removeStaleRoutes();
        removeStaleTunnels();
        for (TunnelPlan.Unit unit : plan.units().values()) {
            applyUnit(unit);
        }
        addRoutes();
    }

    private void removeStaleRoutes() {
        for (TunnelPlan.Route route : new ArrayList<>(installed)) {
            if (!plan.routes().contains(route)) {
                try {
                    family.routes().remove(route.prefix(), route.nextHop());
                } catch (IOException | RuntimeException e) {
                    warnings.accept("could not remove route " + route + ": " + e.getMessage());
                }
                installed.remove(route);
            }
        }
    }

    private void removeStaleTunnels() {
        Set<String> stale = new LinkedHashSet<>();
        for (TunnelInterface tunnel : family.tunnels()) {
            stale.add(tunnel.name());
        }
        stale.addAll(applied.keySet());
        stale.removeAll(plan.units().keySet());
        for (String name : stale) {
            try {
                family.removeTunnel(name);
            } catch (IOException | RuntimeException e) {
                warnings.accept("could not remove tunnel interface " + name + ": " + e.getMessage());
            }
            applied.remove(name);
            installed.removeIf(route -> route.nextHop().equals(name));
            registry.remove(name);
        }
        removeUnconfiguredFromRegistry();
    }

    private void removeUnconfiguredFromRegistry() {
        for (TunnelRegistry.UnitStatus status : registry.units()) {
            if (!plan.units().containsKey(status.unit().name())) {
                registry.remove(status.unit().name());
            }
        }
    }

    private void applyUnit(TunnelPlan.Unit unit) {
        TunnelInterface existing = registry.tunnel(unit.name()).orElse(null);
        if (unit.equals(applied.get(unit.name())) && existing != null) {
            return;
        }
        TunnelInterface tunnel = existing;
        try {
            tunnel = family.tunnel(unit.name());
            tunnel.setMtu(unit.mtu());
            tunnel.setAddresses(unit.addresses());
            tunnel.setUp(unit.enabled());
            applied.put(unit.name(), unit);
            registry.put(unit, tunnel, null);
        } catch (IOException | RuntimeException e) {
            applied.remove(unit.name());
            String message = unit.name() + " on device family " + family.name() + ": " + e.getMessage();
            registry.put(unit, tunnel, message);
            warnings.accept("could not apply tunnel interface " + message);
        }
    }

    private void addRoutes() {
        List<String> errors = new ArrayList<>();
        for (TunnelPlan.Route route : plan.routes()) {
            if (installed.contains(route)) {
                continue;
            }
            if (registry.tunnel(route.nextHop()).isEmpty()) {
                errors.add(route + ": " + route.nextHop() + " does not exist on the device family");
                continue;
            }
            try {
                family.routes().add(route.prefix(), route.nextHop());
                installed.add(route);
            } catch (IOException | RuntimeException e) {
                errors.add(route + ": " + e.getMessage());
                warnings.accept("could not install route " + route + ": " + e.getMessage());
            }
        }
        registry.setRouteErrors(errors);
    }
}
