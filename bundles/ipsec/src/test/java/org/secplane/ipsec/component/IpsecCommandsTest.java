package org.secplane.ipsec.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secplane.cli.Arguments;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.cli.Report;
import org.secplane.config.internal.ConfigurationEngine;
import org.secplane.crypto.Algorithm;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.KeyManager;
import org.secplane.ipsec.Lifetime;
import org.secplane.ipsec.TrafficSelector;
import org.secplane.ipsec.internal.forward.TestCrypto;

/**
 * The four IPsec commands as the CLI runs them (arguments parsed by their own grammar), on the data plane
 * component with an SA pair installed through its {@code SaInstaller}, as key management installs one.
 */
class IpsecCommandsTest {

    @TempDir
    Path state;

    private ConfigurationEngine configuration;
    private DataPlaneComponent component;
    private final List<String> cleared = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        configuration = new ConfigurationEngine(state, notice -> { });
        component = new DataPlaneComponent(new TunnelInterfacesComponent(), TestCrypto.direct());
        component.addConfiguration(configuration);
    }

    @AfterEach
    void close() {
        component.deactivate();
        configuration.close();
    }

    private ChildSa sa() throws Exception {
        return ChildSa.builder().tunnelId(131073).vpn("vpn1").origin(ChildSa.Origin.IKEV2)
                .endpoints(InetAddress.getByName("1.1.1.2"), InetAddress.getByName("2.2.2.2"))
                .spis(0x1001, 0x2001).algorithms(Algorithm.AES_128_GCM_16, null)
                .inboundKeys(new byte[20], null).outboundKeys(new byte[20], null)
                .selectors(List.of(TrafficSelector.ofPrefix("10.10.10.0/24")), List.of(TrafficSelector.ofPrefix("192.168.168.0/24")))
                .lifetime(Lifetime.of(3600, 0)).bindInterface("st0.0").build();
    }

    private String run(OperationalCommand command, String words) throws Exception {
        List<String> list = words.isEmpty() ? List.of() : List.of(words.split(" "));
        Arguments arguments = command.arguments().parse(list);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        command.execute(new Invocation() {
            @Override
            public Arguments arguments() {
                return arguments;
            }

            @Override
            public List<String> words() {
                return list;
            }

            @Override
            public Display display() {
                return Display.TEXT;
            }

            @Override
            public String user() {
                return "test";
            }

            @Override
            public Path workingDirectory() {
                return state;
            }

            @Override
            public void print(Report report) {
                report.printText(out);
            }

            @Override
            public PrintStream out() {
                return out;
            }

            @Override
            public boolean confirm(String question) {
                return false;
            }
        });
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showSelectsByIndexFamilyAndPlaceAndAnIndexShowsTheDetail() throws Exception {
        ShowSecurityIpsecSecurityAssociations show = new ShowSecurityIpsecSecurityAssociations(component);
        assertEquals("  Total active tunnels: 0\n", run(show, ""));
        component.install(sa());
        assertTrue(run(show, "").contains("  >131073 ESP:aes-gcm-128/None 2001      3600/ unlim  -   root 500   2.2.2.2"));
        assertTrue(run(show, "brief kmd-instance all fpc 0 pic 0").contains("Total active tunnels: 1"));
        assertTrue(run(show, "index 131073").contains("  Remote Identity: ipv4_subnet(any:0,[0..7]=192.168.168.0/24)"));
        assertTrue(run(show, "detail").contains("    Direction: outbound, SPI: 2001, AUX-SPI: 0"));
        assertEquals("", run(show, "index 131074"), "no such tunnel: no detail");
        assertEquals("  Total active tunnels: 0\n", run(show, "family inet6"));
        assertEquals("  Total active tunnels: 0\n", run(show, "fpc 6 pic 1 kmd-instance all"), "not this branch device's place");
        assertThrows(CommandFailedException.class, () -> run(show, "brief detail"));
        assertThrows(CommandFailedException.class, () -> run(show, "family inet7"));
    }

    @Test
    void clearStatisticsZeroesTheCountersAndClearSasGoesToKeyManagement() throws Exception {
        component.install(sa());
        component.dataPlane().pairs().get(0).inbound().account(1000);
        ShowSecurityIpsecStatistics statistics = new ShowSecurityIpsecStatistics(component);
        assertTrue(run(statistics, "").contains("    Decrypted bytes:             1000"));
        assertTrue(run(statistics, "index 131073 detail").contains("  SA index: 131073\n"));
        assertEquals("", run(new ClearSecurityIpsecStatistics(component), "index 131073"));
        assertTrue(run(statistics, "").contains("    Decrypted bytes:                0"));
        assertEquals(1000, component.counters(sa())[0], "the installer's counters are not cleared (key management's view)");

        ClearSecurityIpsecSecurityAssociations clear = new ClearSecurityIpsecSecurityAssociations(component);
        KeyManager ike = new KeyManager() {
            @Override
            public void acquire(String vpn, TrafficSelector source, TrafficSelector destination) {
            }

            @Override
            public void expired(ChildSa sa, boolean hard) {
            }

            @Override
            public void unknownSpi(InetAddress peer, long spi, int protocol) {
            }

            @Override
            public boolean clear(ChildSa sa) {
                cleared.add(sa.vpn());
                return true; // key management deletes it with the peer, then removes it
            }
        };
        component.addKeyManager(ike);
        assertEquals("", run(clear, "index 131073"));
        assertEquals(List.of("vpn1"), cleared);
        assertEquals(1, component.dataPlane().pairs().size(), "key management removes it when the peer knows");
        component.removeKeyManager(ike);
        assertEquals("", run(clear, ""));
        assertEquals(0, component.dataPlane().pairs().size(), "without key management the data plane removes it");
    }
}
