package org.secplane.network.internal.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Commit checks of [edit security nat source] and [edit system]. */
class NatAndSystemChecksTest {

    @TempDir
    Path state;

    private NetworkEngine e;

    @BeforeEach
    void open() throws Exception {
        e = new NetworkEngine(state);
        e.load("set interfaces ge-0/0/0 unit 0 family inet address 10.10.10.1/24",
                "set interfaces ge-0/0/3 unit 0 family inet address 1.1.1.2/30",
                "set security zones security-zone trust interfaces ge-0/0/0.0",
                "set security zones security-zone untrust interfaces ge-0/0/3.0");
    }

    @AfterEach
    void close() {
        e.close();
    }

    /** pki.md §5.4 step 10. */
    private void ruleSet() {
        e.load("set security nat source rule-set nat-out from zone trust",
                "set security nat source rule-set nat-out to zone untrust",
                "set security nat source rule-set nat-out rule interface-nat match source-address 192.168.10.0/24",
                "set security nat source rule-set nat-out rule interface-nat match destination-address 0.0.0.0/0",
                "set security nat source rule-set nat-out rule interface-nat then source-nat interface");
    }

    @Test
    void theInterfaceNatRuleSetOfThePkiExampleCommits() {
        ruleSet();
        e.assertCommits();
    }

    @Test
    void aRuleSetNeedsFromAndTo() {
        ruleSet();
        e.load("delete security nat source rule-set nat-out to");
        e.assertCommitError("rule-set 'nat-out' needs 'to' (zone, interface or routing-instance)");
    }

    @Test
    void ruleSetZonesMustExist() {
        ruleSet();
        e.load("set security nat source rule-set nat-out to zone dmz");
        e.assertCommitError("security zones security-zone 'dmz' is not defined");
    }

    @Test
    void ruleSetInterfacesMustBeConfigured() {
        ruleSet();
        e.load("set security nat source rule-set nat-out from interface ge-0/0/7.0");
        e.assertCommitError("interface ge-0/0/7.0 is not configured");
    }

    @Test
    void ruleSetRoutingInstancesMustExist() {
        ruleSet();
        e.load("set security nat source rule-set nat-out to routing-instance VR9");
        e.assertCommitError("routing instance 'VR9' is not defined");
    }

    @Test
    void aRuleNeedsAnAction() {
        ruleSet();
        e.load("delete security nat source rule-set nat-out rule interface-nat then");
        e.assertCommitError("rule 'interface-nat' needs an action: then source-nat (interface | pool P | off)");
    }

    @Test
    void aRuleNeedsMatchCriteria() {
        ruleSet();
        e.load("delete security nat source rule-set nat-out rule interface-nat match");
        e.assertCommitError("rule 'interface-nat' needs match criteria");
    }

    @Test
    void aPoolActionNeedsAPoolWithAnAddress() {
        ruleSet();
        e.load("set security nat source rule-set nat-out rule interface-nat then source-nat pool p1");
        e.assertCommitError("security nat source pool 'p1' is not defined");
        e.load("set security nat source pool p1 description empty");
        e.assertCommitError("source NAT pool 'p1' needs an address");
        e.load("set security nat source pool p1 address 1.1.1.2/32");
        e.assertCommits();
    }

    // ---------------------------------------------------------------- system

    @Test
    void httpsWithTheSystemGeneratedCertificateCommits() {
        e.load("set system services web-management http interface ge-0/0/0.0",
                "set system services web-management https system-generated-certificate",
                "set system services web-management https interface ge-0/0/0.0");
        e.assertCommits();
    }

    @Test
    void httpsWithAPkiLocalCertificateCommits() {
        e.load("set system services web-management https pki-local-certificate self-cert");
        e.assertCommits();
    }

    @Test
    void choosingAPkiCertificateReplacesTheSystemGeneratedOne() {
        e.load("set system services web-management https system-generated-certificate",
                "set system services web-management https pki-local-certificate self-cert");
        assertTrue(!e.show("system").contains("system-generated-certificate"), e.show("system"));
    }

    @Test
    void httpsWithoutACertificateFails() {
        e.load("set system services web-management https interface ge-0/0/0.0");
        e.assertCommitError("HTTPS web management needs a certificate: system-generated-certificate or "
                + "pki-local-certificate <certificate-id>");
    }

    @Test
    void webManagementOnAMissingInterfaceIsAWarning() {
        e.load("set system services web-management http interface ge-0/0/9.0");
        String output = e.assertCommits();
        assertTrue(output.contains("warning: web management (http) on interface ge-0/0/9.0 is not configured"), output);
    }

    @ParameterizedTest(name = "month {0} day {1}")
    @CsvSource({"1, 31", "2, 29", "4, 30", "12, 31"})
    void existingDaysOfMonthCommit(String month, String day) {
        e.load("set system fips self-test periodic month " + month, "set system fips self-test periodic day-of-month " + day);
        e.assertCommits();
    }

    @ParameterizedTest(name = "month {0} day {1}")
    @CsvSource({"2, 30", "4, 31", "11, 31"})
    void missingDaysOfMonthFail(String month, String day) {
        e.load("set system fips self-test periodic month " + month, "set system fips self-test periodic day-of-month " + day);
        e.assertCommitError("month " + month + " has no day " + day);
    }
}
