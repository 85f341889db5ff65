package org.secplane.servicesipsec.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secplane.config.CommitRequest;
import org.secplane.config.Outcome;

/** {@code [edit security ipsec security-association]}: spec §3.3 and Appendix D items 10 and 11. */
class EsPicTest {

    static final String ESP_BOTH_WAYS = "manual { " + ManualSaTest.direction("inbound", "esp", 300) + " "
            + ManualSaTest.direction("outbound", "esp", 301) + " }";
    static final String POLICY = "security { ipsec { policy p1 { proposals x; } } }";

    @TempDir
    Path state;
    Fixture fixture;

    @BeforeEach
    void open() throws Exception {
        fixture = new Fixture(state);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    static String sa(String body) {
        return POLICY + " security { ipsec { security-association sa1 { " + body + " } } }";
    }

    static String esInterface(String sa, String destination) {
        return " interfaces { es-1/2/0 { unit 0 { tunnel { source 10.0.0.1; destination " + destination + "; } "
                + "family inet { ipsec-sa " + sa + "; } } } }";
    }

    // ---------------------------------------------------------------- V-E01..V-E05

    @ParameterizedTest(name = "[{0}] -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "description \"BGP to 10.0.0.2\";|error|security association needs 'manual { … }' or 'dynamic { … }'",
        "mode transport; dynamic { ipsec-policy p1; }|error|transport mode supports manual SAs only; use mode tunnel for a dynamic SA",
        "mode tunnel; dynamic { ipsec-policy p1; replay-window-size 64; }|warning|tunnel-mode SA is not used by any es- interface",
        "dynamic { ipsec-policy p1; replay-window-size 32; }|warning|tunnel-mode SA is not used by any es- interface",
        "dynamic { replay-window-size 32; }|error|Missing mandatory statement: 'ipsec-policy'",
        "dynamic { ipsec-policy nosuch; }|error|security ipsec policy 'nosuch' is not defined",
        "mode transport; ESP|clean|",
        "ESP|warning|tunnel-mode SA is not used by any es- interface (family inet ipsec-sa sa1); tunnel mode requires an ES PIC"})
    void securityAssociationNeedsOneKindAndAModeThatSuitsIt(String body, String outcome, String message) {
        String text = sa(body.replace("ESP", ESP_BOTH_WAYS));
        switch (outcome) {
            case "error" -> fixture.assertCommitError(text, message);
            case "warning" -> fixture.assertCommitWarning(text, message);
            default -> fixture.assertCommitsCleanly(text);
        }
    }

    @ParameterizedTest(name = "replay-window-size {0} accepted={1}")
    @CsvSource({"32,true", "64,true", "48,false", "0,false", "128,false"})
    void replayWindowSizeIs32Or64(String size, boolean accepted) {
        String text = sa("dynamic { ipsec-policy p1; replay-window-size " + size + "; }");
        if (accepted) {
            fixture.assertCommits(text);
        } else {
            fixture.assertLoadError(text, "'replay-window-size': invalid value '" + size + "', expecting one of (32 | 64)");
        }
    }

    @ParameterizedTest(name = "mode {0} accepted={1}")
    @CsvSource({"transport,true", "tunnel,true", "gateway,false"})
    void modeIsTransportOrTunnel(String mode, boolean accepted) {
        String text = sa("mode " + mode + "; " + ESP_BOTH_WAYS);
        if (accepted) {
            fixture.assertCommits(text);
        } else {
            fixture.assertLoadError(text, "'mode': invalid value 'gateway', expecting one of (transport | tunnel)");
        }
    }

    @Test
    void modeDefaultsToTunnelAndEachSaIsOneConfigAdminObject() {
        fixture.assertCommits(sa(ESP_BOTH_WAYS));
        assertFalse(fixture.show().contains("mode"), fixture.show());
        assertTrue(fixture.session.commit(CommitRequest.commit("")).isSuccess());
        var sa = fixture.engine.projection().stream()
                .filter(o -> o.factoryPid().equals("org.secplane.ipsec.security-association")).findFirst().orElseThrow();
        assertEquals("sa1", sa.name());
        assertEquals("tunnel", sa.properties().get("mode"));
        assertEquals("esp", sa.properties().get("manual.direction.inbound.protocol"));
    }

    @Test
    void manualAndDynamicReplaceEachOther() {
        assertTrue(fixture.loadSet("set security ipsec security-association sa1 manual direction inbound protocol esp",
                "set security ipsec security-association sa1 dynamic ipsec-policy p1").isSuccess());
        assertFalse(fixture.show().contains("manual"), fixture.show());
    }

    // ---------------------------------------------------------------- consumers: V-E06 (item 11), V-E07, es- interfaces, BGP

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "protocols { bgp { group ibgp { ipsec-sa nosuch; neighbor 10.0.0.2; } } }|clean|",
        "protocols { bgp { group ibgp { neighbor 10.0.0.2 { ipsec-sa nosuch; } } } }|clean|",
        "protocols { ospf3 { area 0.0.0.0 { interface ge-0/0/0.0 { ipsec-sa nosuch; } } } }|clean|",
        "protocols { bgp { group ibgp { ipsec-sa transport-sa; neighbor 10.0.0.2; } } }|clean|",
        "protocols { ospf3 { area 0.0.0.0 { interface ge-0/0/0.0 { ipsec-sa transport-sa; } } } }|clean|",
        "protocols { ospf3 { area 0.0.0.0 { interface ge-0/0/0.0 { ipsec-sa tunnel-sa; } } } }|error|OSPFv3 needs a manual transport-mode SA; 'tunnel-sa' is a manual tunnel-mode SA",
        "protocols { ospf3 { area 0.0.0.0 { interface ge-0/0/0.0 { ipsec-sa dynamic-sa; } } } }|error|OSPFv3 needs a manual transport-mode SA; 'dynamic-sa' is a dynamic tunnel-mode SA",
        "protocols { bgp { group ibgp { neighbor 10.0.0.2 { ipsec-sa tunnel-sa; } } } }|warning|BGP sessions are protected by manual transport-mode SAs; 'tunnel-sa' is a manual tunnel-mode SA",
        "interfaces { es-1/2/0 { unit 0 { family inet { ipsec-sa transport-sa; } } } }|error|an es- interface needs a tunnel-mode SA; 'transport-sa' is a manual transport-mode SA"})
    void statementsUsingAnSaByName(String consumer, String outcome, String message) {
        String text = POLICY + " security { ipsec { "
                + "security-association transport-sa { mode transport; " + ESP_BOTH_WAYS.replace("300", "310").replace("301", "311") + " } "
                + "security-association tunnel-sa { " + ESP_BOTH_WAYS + " } "
                + "security-association dynamic-sa { dynamic { ipsec-policy p1; } } } } "
                + "interfaces { es-1/2/0 { unit 1 { tunnel { source 10.0.0.1; destination 10.0.0.2; } family inet { ipsec-sa tunnel-sa; } } "
                + "unit 2 { family inet { ipsec-sa dynamic-sa; } } } } " + consumer;
        switch (outcome) {
            case "error" -> fixture.assertCommitError(text, message);
            case "warning" -> fixture.assertCommitWarning(text, message);
            default -> fixture.assertCommitsCleanly(text);
        }
    }

    // ---------------------------------------------------------------- platform warnings: V-E08, V-E09, V-E11 (D-20)

    @ParameterizedTest(name = "mode {0} protocol {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "tunnel|esp||",
        "tunnel|ah|protocol ah uses AH, which the ES PIC supports only on M-series platforms|tunnel-mode SAs support protocol esp only",
        "tunnel|bundle|protocol bundle uses AH, which the ES PIC supports only on M-series platforms|tunnel-mode SAs support protocol esp only",
        "transport|esp||",
        "transport|ah|protocol ah uses AH, which the ES PIC supports only on M-series platforms|",
        "transport|bundle|protocol bundle uses AH, which the ES PIC supports only on M-series platforms|transport-mode SAs do not support protocol bundle"})
    void platformConstraintsAreWarnings(String mode, String protocol, String warning, String secondWarning) {
        String text = sa("mode " + mode + "; manual { " + ManualSaTest.direction("bidirectional", protocol, 300) + " }")
                + (mode.equals("tunnel") ? esInterface("sa1", "10.0.0.2") : "");
        Outcome outcome = fixture.loadAndCheck(text);
        assertTrue(outcome.isSuccess(), outcome.toString());
        if (warning == null) {
            assertFalse(outcome.toString().contains("warning:"), outcome.toString());
        } else {
            assertTrue(outcome.toString().contains("warning: " + warning), outcome.toString());
        }
        if (secondWarning != null) {
            assertTrue(outcome.toString().contains("warning: " + secondWarning), outcome.toString());
        } else {
            assertFalse(outcome.toString().contains("protocol esp only") || outcome.toString().contains("not support protocol bundle"),
                    outcome.toString());
        }
    }

    @ParameterizedTest(name = "{0} + {1} dynamic SAs -> warning={2}")
    @CsvSource({"512,0,false", "513,0,true", "300,300,false"})
    void moreThan512DynamicSasOnOneEsPicAreWarnedAbout(int onFirstPic, int onSecondPic, boolean warned) {
        StringBuilder sas = new StringBuilder(POLICY + " security { ipsec {");
        StringBuilder units = new StringBuilder(" interfaces { es-1/2/0 {");
        for (int i = 0; i < onFirstPic + onSecondPic; i++) {
            sas.append(" security-association d").append(i).append(" { dynamic { ipsec-policy p1; } }");
            if (i == onFirstPic) {
                units.append(" } es-1/3/0 {");
            }
            units.append(" unit ").append(i).append(" { family inet { ipsec-sa d").append(i).append("; } }");
        }
        Outcome outcome = fixture.loadAndCheck(sas + " } }" + units + " } }");
        assertTrue(outcome.isSuccess(), outcome.toString());
        assertEquals(warned, outcome.toString().contains("warning: 513 dynamic security associations use ES PIC es-1/2; "
                + "no more than 512 per ES PIC are recommended"), outcome.toString());
    }

    // ---------------------------------------------------------------- SPI uniqueness per router (D-16)

    @ParameterizedTest(name = "destinations {0} and {1} -> duplicate={2}")
    @CsvSource({"10.0.0.2,10.0.0.3,false", "10.0.0.2,10.0.0.2,true"})
    void sendSideSpisOfEsTunnelsAreUniquePerTunnelDestination(String first, String second, boolean duplicate) {
        String text = POLICY + " security { ipsec { "
                + "security-association a { manual { " + ManualSaTest.direction("inbound", "esp", 300) + " "
                + ManualSaTest.direction("outbound", "esp", 400) + " } } "
                + "security-association b { manual { " + ManualSaTest.direction("inbound", "esp", 301) + " "
                + ManualSaTest.direction("outbound", "esp", 400) + " } } } } "
                + "interfaces { es-1/2/0 { unit 0 { tunnel { source 10.0.0.1; destination " + first + "; } family inet { ipsec-sa a; } } "
                + "unit 1 { tunnel { source 10.0.0.1; destination " + second + "; } family inet { ipsec-sa b; } } } }";
        if (duplicate) {
            fixture.assertCommitError(text, "duplicate SPI: (esp, 400) toward peer 10.0.0.2 is already used by the send-side SA "
                    + "at [security ipsec security-association a manual direction outbound]");
        } else {
            fixture.assertCommitsCleanly(text);
        }
    }

    @Test
    void receiveSideSpisAreUniqueAcrossTheRouterButNotAcrossFrontEnds() {
        String services = " services { ipsec-vpn { rule r { match-direction input; term t { then { remote-gateway 192.0.2.2; "
                + ESP_BOTH_WAYS + " } } } } }";
        fixture.assertCommits(sa("mode transport; " + ESP_BOTH_WAYS) + services);
        fixture.assertCommitError(sa("mode transport; " + ESP_BOTH_WAYS)
                + " security { ipsec { security-association sa2 { mode transport; " + ESP_BOTH_WAYS.replace("301", "302") + " } } }",
                "duplicate SPI: (esp, 300) is already used by the receive-side SA at [security ipsec security-association sa1 "
                        + "manual direction inbound]; each manual SA needs a unique SPI and protocol combination (ES PIC "
                        + "security associations of this router)");
    }

    // ---------------------------------------------------------------- spec §5.4 derived fixture

    @Test
    void transportModeSaForBgpCommitsCleanly() {
        fixture.assertCommitsCleanly("security { ipsec { security-association bgp-sa { description \"BGP to 10.0.0.2\"; "
                + "mode transport; manual { direction bidirectional { protocol esp; spi 300; "
                + "authentication { algorithm hmac-sha1-96; key ascii-text \"abcdefghij0123456789\"; } "
                + "encryption { algorithm 3des-cbc; key hexadecimal 0123456789abcdeffedcba987654321089abcdef01234567; } } } } } } "
                + "protocols { bgp { group ibgp { ipsec-sa bgp-sa; neighbor 10.0.0.2; } } }");
    }
}
