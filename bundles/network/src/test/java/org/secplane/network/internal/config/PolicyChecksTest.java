package org.secplane.network.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.secplane.config.CommitRequest;
import org.secplane.config.ConfigView;
import org.secplane.config.Words;

/** Commit checks of [edit security policies]: completeness, D-36 resolution, applications, D-32, D-33, D-34. */
class PolicyChecksTest {

    @TempDir
    Path state;

    private NetworkEngine e;

    @BeforeEach
    void open() throws Exception {
        e = new NetworkEngine(state);
        e.load("set interfaces ge-0/0/0 unit 0 family inet address 10.10.10.1/24",
                "set interfaces ge-0/0/3 unit 0 family inet address 1.1.1.2/30",
                "set security zones security-zone trust interfaces ge-0/0/0.0",
                "set security zones security-zone untrust interfaces ge-0/0/3.0",
                "set security address-book book1 address sunnyvale 10.10.10.0/24",
                "set security address-book book1 attach zone trust",
                "set security address-book book2 address chicago 192.168.168.0/24",
                "set security address-book book2 attach zone untrust",
                "set security ipsec vpn ike-vpn-chicago ike gateway gw-chicago");
    }

    @AfterEach
    void close() {
        e.close();
    }

    private void policy(String from, String to, String name, String source, String destination, String then) {
        String prefix = "set security policies from-zone " + from + " to-zone " + to + " policy " + name + " ";
        e.load(prefix + "match source-address " + source, prefix + "match destination-address " + destination,
                prefix + "match application any", prefix + "then " + then);
    }

    /** E5's tunnel policy pair. */
    private void tunnelPair() {
        policy("trust", "untrust", "vpn-tr-untr", "sunnyvale", "chicago",
                "permit tunnel ipsec-vpn ike-vpn-chicago pair-policy vpn-untr-tr");
        policy("untrust", "trust", "vpn-untr-tr", "chicago", "sunnyvale",
                "permit tunnel ipsec-vpn ike-vpn-chicago pair-policy vpn-tr-untr");
    }

    // ---------------------------------------------------------------- completeness

    @Test
    void aCompletePolicyCommits() {
        policy("trust", "untrust", "p", "sunnyvale", "chicago", "permit");
        e.assertCommits();
    }

    @Test
    void aPolicyWithoutMatchCriteriaFails() {
        e.load("set security policies from-zone trust to-zone untrust policy p match source-address sunnyvale",
                "set security policies from-zone trust to-zone untrust policy p then permit");
        e.assertCommitError("policy 'p' needs match destination-address, application (source-address, destination-address "
                + "and application are required)");
    }

    @Test
    void aPolicyWithoutActionFails() {
        e.load("set security policies from-zone trust to-zone untrust policy p match source-address any",
                "set security policies from-zone trust to-zone untrust policy p match destination-address any",
                "set security policies from-zone trust to-zone untrust policy p match application any",
                "set security policies from-zone trust to-zone untrust policy p then log session-init");
        e.assertCommitError("policy 'p' needs an action: then permit, deny or reject");
    }

    @ParameterizedTest(name = "then {0}")
    @ValueSource(strings = {"deny", "reject", "permit", "permit tcp-options syn-check-required"})
    void actionsCommit(String action) {
        policy("trust", "untrust", "p", "sunnyvale", "chicago", action);
        e.assertCommits();
    }

    @Test
    void choosingDenyReplacesPermit() {
        policy("trust", "untrust", "p", "sunnyvale", "chicago", "permit");
        e.load("set security policies from-zone trust to-zone untrust policy p then deny");
        assertFalse(e.show("security policies").contains("permit"), e.show("security policies"));
    }

    @Test
    void aPolicyBetweenUndefinedZonesFails() {
        policy("trust", "dmz", "p", "sunnyvale", "any", "permit");
        e.assertCommitError("security zones security-zone 'dmz' is not defined");
    }

    // ---------------------------------------------------------------- D-36 resolution

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"any", "any-ipv4", "any-ipv6"})
    void anyAlwaysResolves(String any) {
        policy("trust", "untrust", "p", any, any, "permit");
        e.assertCommits();
    }

    @Test
    void aSourceAddressOfTheToZoneFails() {
        policy("trust", "untrust", "p", "chicago", "chicago", "permit");
        e.assertCommitError("[edit security policies from-zone trust to-zone untrust policy p match]",
                "'source-address chicago'",
                "error: source-address 'chicago' is not in an address book of from-zone 'trust'; it is defined in address "
                        + "book 'book2' attached to zone untrust (D-36)");
    }

    @Test
    void swappedAddressesOfTheStepByStepProcedureFail() {
        // E1/E2 step-by-step vpn-chi-tr (¶281, ¶302), E9 step 2 (¶131): source and destination swapped
        policy("untrust", "trust", "vpn-chi-tr", "sunnyvale", "chicago", "permit");
        String output = e.assertCommitError("source-address 'sunnyvale' is not in an address book of from-zone 'untrust'",
                "destination-address 'chicago' is not in an address book of to-zone 'trust'");
        assertTrue(output.endsWith("error: configuration check-out failed"), output);
    }

    @Test
    void anUndefinedAddressFailsWithoutHint() {
        policy("trust", "untrust", "p", "nowhere", "any", "permit");
        e.assertCommitError("source-address 'nowhere' is not in an address book of from-zone 'trust' (D-36)");
    }

    @Test
    void addressSetsResolveLikeAddresses() {
        e.load("set security address-book book2 address-set remote address chicago");
        policy("trust", "untrust", "p", "sunnyvale", "remote", "permit");
        e.assertCommits();
    }

    @Test
    void zoneScopedBooksResolveInTheirZone() {
        e.load("delete security address-book book1", "delete security address-book book2",
                "set security zones security-zone trust address-book address local-net 10.10.10.0/24",
                "set security zones security-zone untrust address-book address remote-net 192.168.168.0/24");
        policy("trust", "untrust", "p", "local-net", "remote-net", "permit");
        e.assertCommits();
        policy("untrust", "trust", "q", "local-net", "remote-net", "permit");
        e.assertCommitError("source-address 'local-net' is not in an address book of from-zone 'untrust'; it is defined in "
                + "the address book of zone 'trust' (D-36)");
    }

    @Test
    void theGlobalBookResolvesInEveryZone() {
        e.load("set security address-book global address everywhere 10.0.0.0/8");
        policy("trust", "untrust", "p", "everywhere", "everywhere", "permit");
        e.assertCommits();
    }

    @Test
    void anIntrazonePolicyResolvesBothSidesInItsZone() {
        policy("trust", "trust", "p", "sunnyvale", "sunnyvale", "permit");
        e.assertCommits();
    }

    @Test
    void globalPoliciesUseTheGlobalBook() {
        e.load("set security address-book global address everywhere 10.0.0.0/8",
                "set security policies global policy g match source-address everywhere",
                "set security policies global policy g match destination-address any",
                "set security policies global policy g match application any",
                "set security policies global policy g then deny");
        e.assertCommits();
        e.load("set security policies global policy g match source-address sunnyvale");
        e.assertCommitError("source-address 'sunnyvale' is not in the global address book; global policies use addresses "
                + "of the global address book only (D-36)");
    }

    // ---------------------------------------------------------------- applications

    @ParameterizedTest(name = "application {0}")
    @ValueSource(strings = {"any", "junos-http", "my-app", "my-apps"})
    void knownApplicationsCommit(String application) {
        e.load("set applications application my-app protocol tcp",
                "set applications application my-app destination-port 8080",
                "set applications application-set my-apps application my-app");
        e.load("set security policies from-zone trust to-zone untrust policy p match source-address sunnyvale",
                "set security policies from-zone trust to-zone untrust policy p match destination-address chicago",
                "set security policies from-zone trust to-zone untrust policy p match application " + application,
                "set security policies from-zone trust to-zone untrust policy p then permit");
        e.assertCommits();
    }

    @Test
    void anUndefinedApplicationFails() {
        policy("trust", "untrust", "p", "sunnyvale", "chicago", "permit");
        e.load("set security policies from-zone trust to-zone untrust policy p match application telnet-ish");
        e.assertCommitError("application 'telnet-ish' is not defined; use any, a predefined junos-… application, or define "
                + "it under [edit applications]");
    }

    // ---------------------------------------------------------------- D-34

    @Test
    void aTunnelPolicyThroughAPolicyBasedVpnCommits() {
        policy("trust", "untrust", "p", "sunnyvale", "chicago", "permit tunnel ipsec-vpn ike-vpn-chicago");
        e.assertCommits();
    }

    @Test
    void aTunnelPolicyThroughARouteBasedVpnFails() {
        e.load("set interfaces st0 unit 0 family inet address 10.11.11.10/24",
                "set security ipsec vpn ike-vpn-chicago bind-interface st0.0");
        policy("trust", "untrust", "p", "sunnyvale", "chicago", "permit tunnel ipsec-vpn ike-vpn-chicago");
        e.assertCommitError("'ipsec-vpn ike-vpn-chicago'", "security ipsec vpn 'ike-vpn-chicago' is a route-based VPN "
                + "(bind-interface st0.0); a tunnel policy can only use a VPN without bind-interface (D-34)");
    }

    @Test
    void aTunnelPolicyThroughAnUndefinedVpnFails() {
        policy("trust", "untrust", "p", "sunnyvale", "chicago", "permit tunnel ipsec-vpn nope");
        e.assertCommitError("security ipsec vpn 'nope' is not defined");
    }

    // ---------------------------------------------------------------- D-33

    @Test
    void theMutualPairOfE5Commits() {
        tunnelPair();
        e.assertCommits();
    }

    @Test
    void aPairPolicyThatDoesNotExistFails() {
        policy("trust", "untrust", "p", "sunnyvale", "chicago", "permit tunnel ipsec-vpn ike-vpn-chicago pair-policy q");
        e.assertCommitError("pair-policy 'q' is not a policy of the reverse context from-zone untrust to-zone trust (D-33)");
    }

    @Test
    void aPairPolicyOfTheSameContextFails() {
        policy("trust", "untrust", "p", "sunnyvale", "chicago", "permit tunnel ipsec-vpn ike-vpn-chicago pair-policy q");
        policy("trust", "untrust", "q", "sunnyvale", "chicago", "permit tunnel ipsec-vpn ike-vpn-chicago");
        e.assertCommitError("pair-policy 'q' is not a policy of the reverse context from-zone untrust to-zone trust (D-33)");
    }

    @Test
    void aPairPolicyThatIsNotATunnelPolicyFails() {
        policy("trust", "untrust", "p", "sunnyvale", "chicago", "permit tunnel ipsec-vpn ike-vpn-chicago pair-policy q");
        policy("untrust", "trust", "q", "chicago", "sunnyvale", "permit");
        e.assertCommitError("pair-policy 'q' of from-zone untrust to-zone trust is not a tunnel policy; it must use "
                + "ipsec-vpn 'ike-vpn-chicago' too (D-33)");
    }

    @Test
    void aPairPolicyThroughAnotherVpnFails() {
        e.load("set security ipsec vpn other-vpn ike gateway gw-other");
        policy("trust", "untrust", "p", "sunnyvale", "chicago", "permit tunnel ipsec-vpn ike-vpn-chicago pair-policy q");
        policy("untrust", "trust", "q", "chicago", "sunnyvale", "permit tunnel ipsec-vpn other-vpn");
        e.assertCommitError("pair-policy 'q' of from-zone untrust to-zone trust uses ipsec-vpn 'other-vpn', not "
                + "'ike-vpn-chicago' (D-33)");
    }

    @Test
    void aPairPolicyWithoutIpsecVpnFails() {
        policy("trust", "untrust", "p", "sunnyvale", "chicago", "permit tunnel pair-policy q");
        policy("untrust", "trust", "q", "chicago", "sunnyvale", "permit tunnel ipsec-vpn ike-vpn-chicago");
        e.assertCommitError("'pair-policy' needs 'tunnel ipsec-vpn' in the same policy (D-33)");
    }

    @Test
    void aGlobalPolicyCannotHaveAPairPolicy() {
        e.load("set security policies global policy g match source-address any",
                "set security policies global policy g match destination-address any",
                "set security policies global policy g match application any",
                "set security policies global policy g then permit tunnel ipsec-vpn ike-vpn-chicago pair-policy x");
        e.assertCommitError("'pair-policy' needs a from-zone/to-zone context; global policies have no reverse context");
    }

    // ---------------------------------------------------------------- D-32 and ordering

    @Test
    void theSameNameInBothDirectionsCommitsAsInE6() {
        policy("trust", "untrust", "pol1", "any", "any", "permit tunnel ipsec-vpn ike-vpn-chicago");
        policy("untrust", "trust", "pol1", "any", "any", "permit tunnel ipsec-vpn ike-vpn-chicago");
        e.assertCommits();
    }

    @Test
    void settingAPolicyNameTwiceInOneContextEditsTheSamePolicy() {
        policy("trust", "untrust", "pol1", "sunnyvale", "chicago", "permit");
        policy("trust", "untrust", "pol1", "any", "any", "deny");
        e.assertCommits();
        assertEquals(1, policies("trust to-zone untrust").size());
    }

    @Test
    void insertMovesAPolicyBeforeAndAfterAnother() {
        policy("trust", "untrust", "permit-any", "any", "any", "permit");
        tunnelPair();
        assertTrue(e.session.insert(Words.split(
                "security policies from-zone trust to-zone untrust policy vpn-tr-untr before policy permit-any")).isSuccess());
        assertEquals(List.of("vpn-tr-untr", "permit-any"), policies("trust to-zone untrust"));
        assertTrue(e.session.insert(Words.split(
                "security policies from-zone trust to-zone untrust policy vpn-tr-untr after policy permit-any")).isSuccess());
        assertEquals(List.of("permit-any", "vpn-tr-untr"), policies("trust to-zone untrust"));
    }

    @Test
    void insertCannotMoveAPolicyIntoAnotherContext() {
        policy("trust", "untrust", "a", "any", "any", "permit");
        policy("untrust", "trust", "b", "any", "any", "permit");
        assertFalse(e.session.insert(Words.split(
                "security policies from-zone trust to-zone untrust policy a before policy b")).isSuccess());
    }

    private List<String> policies(String context) {
        assertTrue(e.session.commit(CommitRequest.commit("")).isSuccess());
        ConfigView zonePair = e.engine.active().find("security", "policies").get().entry("from-zone", context).get();
        return zonePair.children("policy").stream().map(ConfigView::value).collect(Collectors.toList());
    }
}
