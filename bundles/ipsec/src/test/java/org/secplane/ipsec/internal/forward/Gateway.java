package org.secplane.ipsec.internal.forward;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.secplane.config.ConfigView;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.driver.TunnelInterface;
import org.secplane.driver.simulator.internal.SimulatedNetwork;
import org.secplane.driver.simulator.internal.SimulatedTunnel;
import org.secplane.driver.simulator.internal.SimulatorFamily;
import org.secplane.ike.internal.config.IkeConfiguration;
import org.secplane.ipsec.internal.ConfigurationFixture;
import org.secplane.ipsec.internal.config.DataPlaneConfiguration;
import org.secplane.ipsec.internal.config.IpsecConfiguration;
import org.secplane.ipsec.internal.esp.IvSource;
import org.secplane.ipsec.internal.esp.KeystreamIvSource;
import org.secplane.ipsec.internal.tunnel.TunnelApplier;
import org.secplane.ipsec.internal.tunnel.TunnelPlan;
import org.secplane.ipsec.internal.tunnel.TunnelRegistry;
import org.secplane.network.internal.config.NetworkConfiguration;

/**
 * One secplane gateway for tests: a simulator device family on a shared wire and the data plane on it, with
 * a manual clock. {@link #commit} drives it from a real committed configuration (network, IKE and IPsec
 * schemas and checks), as the bundle's components do: the family takes its external addresses, the tunnel
 * applier its st0 units, the data plane its settings and manual SAs.
 */
final class Gateway implements AutoCloseable {

    final SimulatorFamily family;
    final DataPlane plane;
    final AtomicLong clock = new AtomicLong(TimeUnit.SECONDS.toNanos(1000));
    private final TunnelRegistry registry = new TunnelRegistry();
    private final TunnelApplier applier = new TunnelApplier(registry, warning -> { });
    private final Path state;
    private ConfigurationFixture configuration;

    Gateway(SimulatedNetwork wire, String name, Path state) {
        this(wire, name, state, TestCrypto.direct(), null);
    }

    Gateway(SimulatedNetwork wire, String name, Path state, CryptoRegistry crypto, Supplier<IvSource> ivs) {
        this.state = state;
        this.family = new SimulatorFamily(wire, name);
        SecureRandom random = new SecureRandom();
        this.plane = new DataPlane(crypto, ivs != null ? ivs : () -> new KeystreamIvSource(crypto, random), clock::get, false);
        plane.familyAdded(family);
        applier.familyAdded(family);
        registry.addListener(plane);
    }

    /** External addresses without a configuration: {@code ge-0/0/3.0} with these prefixes. */
    Gateway addresses(String... prefixes) {
        family.setExternalInterfaces(Map.of("ge-0/0/3.0", List.of(prefixes)));
        plane.tick(); // the data plane follows the family's addresses every second
        return this;
    }

    /** A tunnel interface made and brought up directly (without configuration). */
    SimulatedTunnel st0(String name) throws IOException {
        TunnelInterface tunnel = family.tunnel(name);
        tunnel.setUp(true);
        plane.tunnelAdded(tunnel);
        return family.simulatedTunnel(name).orElseThrow();
    }

    SimulatedTunnel tunnel(String name) {
        return family.simulatedTunnel(name).orElseThrow();
    }

    /** Applies {@code set} / {@code delete} lines, commits, and hands the result to the family and the data plane. */
    ConfigView commit(String... lines) {
        if (configuration == null) {
            configuration = new ConfigurationFixture(state, new NetworkConfiguration(), new IkeConfiguration(),
                    new IpsecConfiguration());
        }
        ConfigView active = configuration.commit(lines);
        family.configure(active);
        plane.tick();
        applier.apply(TunnelPlan.of(active));
        plane.apply(DataPlaneConfiguration.of(active, configuration::reveal));
        return active;
    }

    void advance(long seconds) {
        clock.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Override
    public void close() {
        plane.close();
        if (configuration != null) {
            configuration.close();
        }
        family.close();
    }
}
