package org.secplane.driver.linux.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secplane.config.CommitRequest;
import org.secplane.config.ConfigurationSession;
import org.secplane.config.Outcome;
import org.secplane.config.Words;
import org.secplane.config.internal.ConfigurationEngine;
import org.secplane.network.internal.config.NetworkConfiguration;

/** The linux family's commit check, run by the real configuration engine with the real interface schema. */
class InterfaceMappingCheckTest {

    @TempDir
    Path state;

    /** A host with vext (1.1.1.2/30) and vlan (no addresses); nothing else. */
    private static final HostInterfaces HOST = name -> name.equals("vext") ? Optional.of(List.of("1.1.1.2/30"))
            : name.equals("vlan") ? Optional.of(List.of()) : Optional.empty();

    private Outcome commit(Map<String, String> interfaceMap, String... lines) throws Exception {
        try (ConfigurationEngine engine = new ConfigurationEngine(state.resolve("c" + System.nanoTime()), notice -> { })) {
            NetworkConfiguration network = new NetworkConfiguration();
            engine.setContributions(network.statements());
            engine.addCheck(network);
            engine.addCheck(new InterfaceMappingCheck(interfaceMap, HOST));
            ConfigurationSession session = engine.openSession("test");
            for (String line : lines) {
                Outcome outcome = session.set(Words.split(line));
                assertTrue(outcome.isSuccess(), line + ": " + outcome);
            }
            return session.commit(CommitRequest.commit(""));
        }
    }

    @Test
    void anUnmappedInterfaceIsACommitErrorSayingHowToMapIt() throws Exception {
        Outcome outcome = commit(Map.of("ge-0/0/3", "vext"),
                "interfaces ge-0/0/3 unit 0 family inet address 1.1.1.2/30",
                "interfaces ge-0/0/1 unit 0 family inet address 10.1.1.1/24");
        assertFalse(outcome.isSuccess(), outcome.toString());
        String text = outcome.toString();
        assertTrue(text.contains("[edit interfaces ge-0/0/1]\n  'unit 0'\n    error: interface ge-0/0/1.0"), text);
        assertTrue(text.contains("interface ge-0/0/1.0 has no host interface on the linux device family; map it in "
                + "etc/org.secplane.platform.cfg, e.g. 'interface-map = ge-0/0/1:eth1'"), text);
        assertFalse(text.contains("ge-0/0/3.0 has no host interface"), text);
    }

    @Test
    void st0AndLo0NeedNoMappingAndAMappedInterfaceWithItsAddressIsQuiet() throws Exception {
        Outcome outcome = commit(Map.of("ge-0/0/3", "vext"),
                "interfaces ge-0/0/3 unit 0 family inet address 1.1.1.2/30",
                "interfaces st0 unit 0 family inet address 10.11.11.10/24",
                "interfaces lo0 unit 0 family inet address 10.255.0.1/32");
        assertTrue(outcome.isSuccess(), outcome.toString());
        assertFalse(outcome.toString().contains("host interface"), outcome.toString());
    }

    @Test
    void aMissingHostAddressOrHostInterfaceIsAWarningOnly() throws Exception {
        Outcome outcome = commit(Map.of("ge-0/0/0", "vlan", "ge-0/0/2.5", "gone0", "ge-0/0/3", "vext"),
                "interfaces ge-0/0/0 unit 0 family inet address 10.10.10.1/24",
                "interfaces ge-0/0/2 unit 5 family inet address 10.20.20.1/24",
                "interfaces ge-0/0/3 unit 0 family inet address 1.1.1.6/30");
        assertTrue(outcome.isSuccess(), outcome.toString());
        String text = outcome.toString();
        assertTrue(text.contains("host interface vlan of ge-0/0/0.0 does not have 10.10.10.1/24 (it has no addresses); "
                + "secplane uses the configured address but does not change host interfaces: add it on the host "
                + "('ip address add 10.10.10.1/24 dev vlan')"), text);
        assertTrue(text.contains("host interface gone0 of ge-0/0/2.5 does not exist (yet)"), text);
        assertTrue(text.contains("host interface vext of ge-0/0/3.0 does not have 1.1.1.6/30 (it has 1.1.1.2/30)"), text);
    }

    @Test
    void anInterfaceWithoutUnitsNeedsAMappingToo() throws Exception {
        Outcome outcome = commit(Map.of(), "interfaces ge-0/0/5 description uplink");
        assertFalse(outcome.isSuccess(), outcome.toString());
        assertTrue(outcome.toString().contains("interface ge-0/0/5 has no host interface"), outcome.toString());
    }
}
