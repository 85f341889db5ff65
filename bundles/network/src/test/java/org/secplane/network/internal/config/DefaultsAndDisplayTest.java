package org.secplane.network.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secplane.config.CommitRequest;
import org.secplane.config.ConfigView;

/** Normalisation, display and the defaults seen through the Config Admin projection (§6.2 items 26, 33). */
class DefaultsAndDisplayTest {

    @TempDir
    Path state;

    private NetworkEngine e;

    @BeforeEach
    void open() throws Exception {
        e = new NetworkEngine(state);
    }

    @AfterEach
    void close() {
        e.close();
    }

    private Map<String, Object> committedObject(String pidAndName) {
        assertTrue(e.session.commit(CommitRequest.commit("")).isSuccess());
        return e.engine.projection().stream()
                .filter(o -> (o.factoryPid() + "/" + o.name()).equals(pidAndName))
                .findFirst().orElseThrow(() -> new AssertionError(pidAndName + " not projected: " + e.engine.projection()
                        .stream().map(o -> o.factoryPid() + "/" + o.name()).collect(Collectors.toList())))
                .properties();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "security flow tcp-mss ipsec-vpn mss 1350 | 1350",
        "security flow tcp-mss ipsec-vpn mss | 1320",
        "security flow tcp-mss ipsec-vpn | 1320",
    })
    void tcpMssIpsecVpnDefaultsTo1320(String line, String mss) {
        assertTrue(e.set(line).isSuccess());
        assertEquals(mss, committedObject("org.secplane.network.flow/flow").get("tcp-mss.ipsec-vpn.mss"));
    }

    @Test
    void allTcpMssAloneDoesNotInventAnIpsecOverride() {
        assertTrue(e.set("security flow tcp-mss all-tcp-mss 1400").isSuccess());
        Map<String, Object> flow = committedObject("org.secplane.network.flow/flow");
        assertEquals("1400", flow.get("tcp-mss.all-tcp-mss"));
        assertTrue(!flow.containsKey("tcp-mss.ipsec-vpn.mss"), flow.toString());
    }

    @ParameterizedTest(name = "{0} threshold {1}")
    @CsvSource({"encryption-failures, 1000", "decryption-failures, 1000", "ike-phase1-failures, 20",
        "ike-phase2-failures, 20", "replay-attacks, 0"})
    void alarmThresholdsConfiguredWithoutValueHaveTheDocumentedDefaults(String alarm, String threshold) {
        assertTrue(e.set("security alarms potential-violation " + alarm).isSuccess());
        assertEquals(threshold, committedObject("org.secplane.security.alarms/alarms")
                .get("potential-violation." + alarm + ".threshold"));
    }

    @Test
    void alarmAuthenticationIsShownAsABareNumber() {
        assertTrue(e.set("security alarms potential-violation authentication 6").isSuccess());
        assertEquals("potential-violation {\n    authentication 6;\n}", e.show("security alarms"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "security zones security-zone trust interfaces ge-0/0/0 | security zones security-zone trust interfaces | ge-0/0/0.0",
        "routing-instances VR1 interface st0 | routing-instances VR1 | st0.0",
        "routing-options static route 6.6.6.0/24 next-hop st0 | routing-options static | next-hop st0.0",
        "system services web-management http interface ge-0/0/1 | system services web-management http | ge-0/0/1.0",
    })
    void interfacesWithoutAUnitMeanUnitZero(String line, String parent, String stored) {
        assertTrue(e.set(line).isSuccess());
        assertTrue(e.show(parent).contains(stored), e.show(parent));
    }

    @Test
    void ospfAreaNumbersAreShownDotted() {
        assertTrue(e.set("protocols ospf area 0 interface st0.0").isSuccess());
        assertTrue(e.show("protocols").contains("area 0.0.0.0 {"), e.show("protocols"));
    }

    @Test
    void hostInboundTrafficAndNameServersDisplayAsJunosDoes() {
        e.load("set security zones security-zone trust host-inbound-traffic system-services all",
                "set security zones security-zone trust host-inbound-traffic system-services ike except",
                "set security zones security-zone trust host-inbound-traffic protocols all",
                "set system name-server 4.2.2.1",
                "set system name-server 4.2.2.2");
        assertEquals("security-zone trust {\n    host-inbound-traffic {\n        system-services {\n            all;\n"
                + "            ike {\n                except;\n            }\n        }\n        protocols {\n            all;\n"
                + "        }\n    }\n}", e.show("security zones"));
        assertEquals("name-server {\n    4.2.2.1;\n    4.2.2.2;\n}", e.show("system"));
    }

    @Test
    void nhtbEntryAndAddressBookAddressAreShownOnOneLine() {
        e.load("set interfaces st0 unit 0 multipoint",
                "set interfaces st0 unit 0 family inet next-hop-tunnel 10.11.11.11 ipsec-vpn vpn-sunnyvale",
                "set security address-book book1 address local-net 10.10.10.0/24");
        assertTrue(e.show("interfaces").contains("next-hop-tunnel 10.11.11.11 ipsec-vpn vpn-sunnyvale;"), e.show("interfaces"));
        assertTrue(e.show("security").contains("address local-net 10.10.10.0/24;"), e.show("security"));
    }

    @Test
    void pidsAreGivenToObjectsWithUniqueNames() {
        e.load("set interfaces ge-0/0/0 unit 0 family inet address 10.10.10.1/24",
                "set security zones security-zone trust interfaces ge-0/0/0.0",
                "set security address-book book1 address a 10.10.10.0/24",
                "set security address-book book1 attach zone trust",
                "set security policies from-zone trust to-zone trust policy pol1 match source-address a",
                "set security policies from-zone trust to-zone trust policy pol1 match destination-address any",
                "set security policies from-zone trust to-zone trust policy pol1 match application any",
                "set security policies from-zone trust to-zone trust policy pol1 then permit",
                "set routing-instances VR1 instance-type virtual-router",
                "set routing-instances VR1 routing-options static route 0.0.0.0/0 discard",
                "set routing-options static route 0.0.0.0/0 next-hop 10.10.10.254");
        committedObject("org.secplane.network.interface/ge-0/0/0");
        committedObject("org.secplane.network.security-zone/trust");
        committedObject("org.secplane.network.address-book/book1");
        committedObject("org.secplane.network.policy-context/trust to-zone trust");
        committedObject("org.secplane.network.routing-instance/VR1");
        assertEquals("10.10.10.254", ((String[]) committedObject("org.secplane.network.routing-options/routing-options")
                .get("static.route.0.0.0.0/0.next-hop"))[0]);
        assertEquals(1, e.engine.projection().stream()
                .filter(o -> o.factoryPid().equals("org.secplane.network.routing-options")).count());
    }

    @Test
    void bracePasteOfPresenceStatementsIsKeptInTheTree() {
        assertTrue(e.loadBraces("interfaces { sp-3/1/0 { unit 1 { family inet; service-domain inside; } } }\n"
                + "security { alarms { potential-violation { replay-attacks; } } }").isSuccess());
        assertTrue(e.session.commit(CommitRequest.commit("")).isSuccess());
        ConfigView root = e.engine.active();
        assertTrue(root.find("interfaces", "sp-3/1/0").get().entry("unit", "1").get().has("family", "inet"));
        assertTrue(root.find("security", "alarms", "potential-violation", "replay-attacks").isPresent());
    }
}
