package org.secplane.ipsec.internal.tunnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secplane.cli.Report;
import org.secplane.config.ConfigView;
import org.secplane.core.Json;
import org.secplane.driver.TunnelInterface;
import org.secplane.ipsec.internal.ConfigurationFixture;
import org.secplane.driver.simulator.internal.SimulatedNetwork;
import org.secplane.driver.simulator.internal.SimulatedTunnel;
import org.secplane.driver.simulator.internal.SimulatorFamily;
import org.secplane.network.internal.config.NetworkConfiguration;

/**
 * The st0 units of committed configurations applied to a (simulated) device family: created, changed,
 * disabled and removed, routes installed and removed, the family coming and going, and
 * {@code show interfaces terse}.
 */
class TunnelApplierTest {

    @TempDir
    Path state;

    private ConfigurationFixture configuration;
    private final List<String> warnings = new ArrayList<>();
    private final TunnelRegistry registry = new TunnelRegistry();
    private final TunnelApplier applier = new TunnelApplier(registry, warnings::add);
    private final SimulatorFamily family = new SimulatorFamily(new SimulatedNetwork("tunnels"), "r1");

    private ConfigView commit(String... lines) throws Exception {
        if (configuration == null) {
            configuration = new ConfigurationFixture(state, new NetworkConfiguration());
        }
        ConfigView active = configuration.commit(lines);
        applier.apply(TunnelPlan.of(active));
        return active;
    }

    @AfterEach
    void close() {
        if (configuration != null) {
            configuration.close();
        }
        family.close();
    }

    @Test
    void theCommittedUnitsBecomeTunnelInterfacesWithTheirRoutes() throws Exception {
        applier.familyAdded(family);
        commit("interfaces st0 unit 0 family inet address 10.11.11.10/24",
                "interfaces st0 unit 0 family inet6 address 2001:db8:11::10/64",
                "interfaces st0 unit 0 family inet mtu 1400",
                "interfaces st0 unit 1 family inet address 10.12.12.1/24",
                "interfaces st0 unit 1 disable",
                "routing-options static route 10.22.0.0/16 next-hop st0.0",
                "routing-options static route 10.33.0.0/16 next-hop st0.1",
                "routing-options static route 0.0.0.0/0 next-hop 1.1.1.1",
                "routing-options rib inet6.0 static route 2001:db8:22::/48 next-hop st0.0");

        TunnelInterface st00 = family.simulatedTunnel("st0.0").orElseThrow();
        assertEquals(List.of("10.11.11.10/24", "2001:db8:11::10/64"), st00.addresses());
        assertEquals(1400, st00.mtu());
        assertTrue(st00.isUp());
        TunnelInterface st01 = family.simulatedTunnel("st0.1").orElseThrow();
        assertFalse(st01.isUp(), "disable is down");
        assertEquals(1500, st01.mtu());
        assertEquals(List.of("10.22.0.0/16 st0.0", "10.33.0.0/16 st0.1", "2001:db8:22::/48 st0.0"), family.routes().list(),
                "only routes through st0 units: the host's own routing is not secplane's");
        assertSame(st00, registry.tunnel("st0.0").orElseThrow(), "the registry holds the family's objects");
        assertEquals(List.of(), warnings);

        // change one unit, delete the other with its route
        commit("delete interfaces st0 unit 1", "delete routing-options static route 10.33.0.0/16",
                "set interfaces st0 unit 0 family inet address 10.11.11.11/24",
                "delete interfaces st0 unit 0 family inet address 10.11.11.10/24",
                "delete interfaces st0 unit 0 family inet mtu");
        assertEquals(List.of("st0.0"), family.tunnels().stream().map(TunnelInterface::name).toList());
        assertTrue(family.simulatedTunnel("st0.1").isEmpty());
        assertEquals(List.of("10.11.11.11/24", "2001:db8:11::10/64"), st00.addresses());
        assertEquals(1500, st00.mtu(), "an MTU no longer configured goes back to the default");
        assertSame(st00, family.simulatedTunnel("st0.0").orElseThrow(), "a changed unit keeps its interface");
        assertEquals(List.of("10.22.0.0/16 st0.0", "2001:db8:22::/48 st0.0"), family.routes().list());

        // a route moves to another unit
        commit("set interfaces st0 unit 2 family inet",
                "delete routing-options static route 10.22.0.0/16",
                "set routing-options static route 10.22.0.0/16 next-hop st0.2");
        assertEquals(List.of("2001:db8:22::/48 st0.0", "10.22.0.0/16 st0.2"), family.routes().list());

        commit("delete interfaces st0", "delete routing-options");
        assertTrue(family.tunnels().isEmpty());
        assertEquals(List.of(), family.routes().list());
        assertTrue(registry.units().isEmpty());
    }

    @Test
    void withoutADeviceFamilyTheUnitsWaitAndAppearWhenOneComes() throws Exception {
        commit("interfaces st0 unit 0 family inet address 10.11.11.10/24",
                "routing-options static route 10.22.0.0/16 next-hop st0.0");
        assertEquals("no device family is active", registry.units().get(0).error());
        String before = text(InterfacesTerse.report(registry));
        assertTrue(before.contains("st0.0                   up    down inet     10.11.11.10/24"), before);
        assertTrue(before.contains("No device family is active"), before);

        applier.familyAdded(family);
        assertEquals(List.of("10.11.11.10/24"), family.simulatedTunnel("st0.0").orElseThrow().addresses());
        assertEquals(List.of("10.22.0.0/16 st0.0"), family.routes().list());
        assertEquals(Optional.of("simulator"), registry.family());

        applier.familyRemoved(family);
        assertTrue(registry.tunnels().isEmpty());
        assertEquals("no device family is active", registry.units().get(0).error());

        SimulatorFamily other = new SimulatorFamily(new SimulatedNetwork("other"), "r2");
        applier.familyAdded(other);
        assertTrue(other.simulatedTunnel("st0.0").isPresent(), "a new family gets the units at once");
        other.close();
    }

    @Test
    void aNewApplierAdoptsTheTunnelsOfThePreviousOne() throws Exception {
        applier.familyAdded(family);
        ConfigView active = commit("interfaces st0 unit 0 family inet address 10.11.11.10/24");
        SimulatedTunnel existing = family.simulatedTunnel("st0.0").orElseThrow();
        // the bundle is updated: a new applier, the family keeps its tunnels
        TunnelRegistry newRegistry = new TunnelRegistry();
        TunnelApplier next = new TunnelApplier(newRegistry, warnings::add);
        next.familyAdded(family);
        assertSame(existing, family.simulatedTunnel("st0.0").orElseThrow(), "nothing removed before the configuration is known");
        next.apply(TunnelPlan.of(active));
        assertSame(existing, newRegistry.tunnel("st0.0").orElseThrow());
        assertFalse(existing.isClosed());
    }

    @Test
    void listenersLearnOfTunnelsComingAndGoing() throws Exception {
        List<String> events = new ArrayList<>();
        registry.addListener(new TunnelRegistry.Listener() {
            @Override
            public void tunnelAdded(TunnelInterface tunnel) {
                events.add("+" + tunnel.name());
            }

            @Override
            public void tunnelRemoved(String name) {
                events.add("-" + name);
            }
        });
        applier.familyAdded(family);
        commit("interfaces st0 unit 0 family inet address 10.11.11.10/24", "interfaces st0 unit 5 family inet");
        commit("delete interfaces st0 unit 5");
        applier.familyRemoved(family);
        assertEquals(List.of("+st0.0", "+st0.5", "-st0.5", "-st0.0"), events);
    }

    @Test
    void showInterfacesTerseInTheJunosLayoutAndJson() throws Exception {
        applier.familyAdded(family);
        commit("interfaces st0 unit 0 family inet address 10.11.11.10/24",
                "interfaces st0 unit 0 family inet6 address 2001:db8:11::10/64",
                "interfaces st0 unit 1 family inet address 10.12.12.1/24",
                "interfaces st0 unit 1 disable",
                "interfaces st0 unit 2");
        Report report = InterfacesTerse.report(registry);
        assertEquals(String.join("\n",
                "Interface               Admin Link Proto    Local                 Remote",
                "st0                     up    up",
                "st0.0                   up    up   inet     10.11.11.10/24",
                "                                   inet6    2001:db8:11::10/64",
                "st0.1                   down  up   inet     10.12.12.1/24",
                "st0.2                   up    up",
                ""), text(report));
        String json = Json.write(report.data());
        assertTrue(json.contains("\"device-family\": \"simulator\""), json);
        assertTrue(json.contains("\"name\": \"st0.1\",\n"), json);
        assertTrue(json.contains("\"admin-status\": \"down\""), json);
        assertTrue(json.contains("\"address-family-name\": \"inet6\""), json);
        assertTrue(json.contains("\"ifa-local\": \"2001:db8:11::10/64\""), json);
    }

    @Test
    void aUnitTheFamilyRefusesIsReportedAndTheOthersStillApply() throws Exception {
        applier.familyAdded(new RefusingFamily(family));
        commit("interfaces st0 unit 0 family inet address 10.11.11.10/24",
                "interfaces st0 unit 7 family inet address 10.17.17.1/24",
                "routing-options static route 10.77.0.0/16 next-hop st0.7");
        assertTrue(family.simulatedTunnel("st0.0").isPresent());
        assertTrue(family.simulatedTunnel("st0.7").isEmpty());
        String text = text(InterfacesTerse.report(registry));
        assertTrue(text.contains("st0.7                   up    down inet     10.17.17.1/24"), text);
        assertTrue(text.contains("error: st0.7 on device family simulator: no room for st0.7"), text);
        assertTrue(text.contains("error: 10.77.0.0/16 next-hop st0.7: st0.7 does not exist on the device family"), text);
        assertEquals(1, warnings.size(), warnings.toString());
    }

    private static String text(Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.printText(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A family that refuses to create st0.7, delegating everything else. */
    private static final class RefusingFamily implements org.secplane.driver.DeviceFamily {
        private final SimulatorFamily delegate;

        RefusingFamily(SimulatorFamily delegate) {
            this.delegate = delegate;
        }

        @Override
        public TunnelInterface tunnel(String name) throws IOException {
            if (name.equals("st0.7")) {
                throw new IOException("no room for st0.7");
            }
            return delegate.tunnel(name);
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public String hardware() {
            return delegate.hardware();
        }

        @Override
        public String status() {
            return delegate.status();
        }

        @Override
        public List<String> drivers() {
            return delegate.drivers();
        }

        @Override
        public Optional<String> hostInterface(String junosInterfaceUnit) {
            return delegate.hostInterface(junosInterfaceUnit);
        }

        @Override
        public List<java.net.InetAddress> localAddresses() {
            return delegate.localAddresses();
        }

        @Override
        public List<TunnelInterface> tunnels() {
            return delegate.tunnels();
        }

        @Override
        public void removeTunnel(String name) throws IOException {
            delegate.removeTunnel(name);
        }

        @Override
        public org.secplane.driver.DatagramPort openDatagram(java.net.InetSocketAddress local) throws IOException {
            return delegate.openDatagram(local);
        }

        @Override
        public org.secplane.driver.RawIpPort openRawIp(java.net.InetAddress local, int protocol) throws IOException {
            return delegate.openRawIp(local, protocol);
        }

        @Override
        public org.secplane.driver.RouteTable routes() {
            return delegate.routes();
        }

        @Override
        public List<org.secplane.driver.SaOffload> offloads() {
            return delegate.offloads();
        }
    }
}
