package org.secplane.network.internal.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commit checks of routing options, routing instances, protocols, policy options; D-39, D-40, V-E06, V-E07. */
class RoutingChecksTest {

    @TempDir
    Path state;

    private NetworkEngine e;

    @BeforeEach
    void open() throws Exception {
        e = new NetworkEngine(state);
        e.load("set interfaces ge-0/0/0 unit 0 family inet address 1.1.1.2/30",
                "set interfaces ge-0/0/1 unit 0 family inet address 2.2.2.2/30",
                "set interfaces st0 unit 0 family inet address 3.3.3.2/30");
    }

    @AfterEach
    void close() {
        e.close();
    }

    // ---------------------------------------------------------------- routing instances

    @Test
    void e4VirtualRouterCommits() {
        e.load("set routing-instances VR1 instance-type virtual-router",
                "set routing-instances VR1 interface ge-0/0/1.0",
                "set routing-instances VR1 interface st0.0",
                "set routing-instances VR1 routing-options static route 6.6.6.0/24 next-hop st0.0");
        e.assertCommits();
    }

    @Test
    void anInstanceInterfaceMustBeConfigured() {
        e.load("set routing-instances VR1 interface st0.5");
        e.assertCommitError("[edit routing-instances VR1]", "'interface st0.5'",
                "interface st0.5 is not configured; configure it with 'set interfaces st0 unit 5 …'");
    }

    @Test
    void anInterfaceBelongsToOneInstance() {
        e.load("set routing-instances VR1 interface st0.0", "set routing-instances VR2 interface st0.0");
        e.assertCommitError("interface st0.0 is already in routing instance 'VR1'; an interface belongs to one routing "
                + "instance only");
    }

    private void vrf() {
        e.load("set interfaces sp-3/1/0 unit 1 family inet",
                "set interfaces sp-3/1/0 unit 1 service-domain inside",
                "set policy-options policy-statement vpn-export then community add vpn-comm",
                "set policy-options policy-statement vpn-export then accept",
                "set policy-options policy-statement vpn-import term a from community vpn-comm",
                "set policy-options policy-statement vpn-import term a then accept",
                "set policy-options community vpn-comm members target:100:20",
                "set routing-instances vrf instance-type vrf",
                "set routing-instances vrf interface sp-3/1/0.1",
                "set routing-instances vrf route-distinguisher 192.168.0.1:1",
                "set routing-instances vrf vrf-import vpn-import",
                "set routing-instances vrf vrf-export vpn-export",
                "set routing-instances vrf routing-options static route 8.8.8.1/32 next-hop sp-3/1/0.1");
    }

    @Test
    void aVrfWithDistinguisherAndPoliciesCommits() {
        vrf();
        e.assertCommits();
    }

    @Test
    void aVrfWithATargetCommits() {
        vrf();
        e.load("delete routing-instances vrf vrf-import", "delete routing-instances vrf vrf-export",
                "set routing-instances vrf vrf-target target:100:20");
        e.assertCommits();
    }

    @Test
    void aVrfNeedsARouteDistinguisher() {
        vrf();
        e.load("delete routing-instances vrf route-distinguisher");
        e.assertCommitError("routing instance 'vrf' of type vrf needs a route-distinguisher");
    }

    @Test
    void aVrfNeedsATargetOrImportAndExport() {
        vrf();
        e.load("delete routing-instances vrf vrf-export");
        e.assertCommitError("routing instance 'vrf' of type vrf needs vrf-target, or both vrf-import and vrf-export");
    }

    @Test
    void vrfPoliciesMustExist() {
        vrf();
        e.load("set routing-instances vrf vrf-import nope");
        e.assertCommitError("policy-options policy-statement 'nope' is not defined");
    }

    @Test
    void aCommunityNeedsMembers() {
        e.load("set policy-options community empty");
        e.assertCommitError("community 'empty' needs members");
    }

    @Test
    void aPolicyTermCommunityMustExist() {
        e.load("set policy-options policy-statement p from community nope", "set policy-options policy-statement p then accept");
        e.assertCommitError("policy-options community 'nope' is not defined");
    }

    // ---------------------------------------------------------------- static routes

    @ParameterizedTest(name = "route … {0}")
    @ValueSource(strings = {"next-hop 1.1.1.1", "next-hop st0.0", "discard", "reject", "receive",
        "qualified-next-hop 1.1.1.1 preference 7", "next-hop [ 1.1.1.1 2.2.2.1 ]"})
    void routesWithANextHopCommit(String hop) {
        e.load("set routing-options static route 192.168.168.0/24 " + hop);
        e.assertCommits();
    }

    @Test
    void aRouteNeedsANextHop() {
        e.load("set routing-options static route 192.168.168.0/24 preference 5");
        e.assertCommitError("route 192.168.168.0/24 needs a next-hop (address or interface), a qualified-next-hop, "
                + "or discard, reject or receive");
    }

    @Test
    void anInterfaceNextHopMustBeConfigured() {
        e.load("set routing-options static route 192.168.168.0/24 next-hop st0.1");
        e.assertCommitError("next hop interface st0.1 is not configured");
    }

    @Test
    void anInterfaceNextHopOfAnotherInstanceIsAWarning() {
        e.load("set routing-instances VR1 interface st0.0",
                "set routing-options static route 192.168.168.0/24 next-hop st0.0");
        String output = e.assertCommits();
        assertTrue(output.contains("warning: next-hop interface st0.0 is in routing instance 'VR1', not in 'default'; "
                + "the route cannot resolve through it"), output);
    }

    @Test
    void anOffLinkNextHopIsAWarningAsForTheWestfordDefaultRoute() {
        // E7 Westford as printed (¶266, ¶325): next hop 3.1.1.1 is not on 3.3.3.0/30
        e.load("set interfaces ge-0/0/5 unit 0 family inet address 3.3.3.2/30",
                "set routing-options static route 0.0.0.0/0 next-hop 3.1.1.1");
        String output = e.assertCommits();
        assertTrue(output.contains("warning: next hop 3.1.1.1 is not on a subnet of an interface of routing instance "
                + "'default'; the route stays inactive (add 'resolve' for an indirect next hop)"), output);
    }

    @Test
    void anOnLinkOrResolvedNextHopHasNoWarning() {
        e.load("set routing-options static route 0.0.0.0/0 next-hop 1.1.1.1",
                "set routing-options static route 9.0.0.0/8 next-hop 8.8.8.8",
                "set routing-options static route 9.0.0.0/8 resolve",
                "set routing-instances VR1 interface ge-0/0/1.0",
                "set routing-instances VR1 routing-options static route 0.0.0.0/0 qualified-next-hop 2.2.2.1");
        String output = e.assertCommits();
        assertTrue(!output.contains("next hop"), output);
    }

    @Test
    void aNextHopOnlyOnLinkInAnotherInstanceIsAWarning() {
        e.load("set routing-instances VR1 interface ge-0/0/1.0",
                "set routing-options static route 0.0.0.0/0 next-hop 2.2.2.1");
        assertTrue(e.assertCommits().contains("warning: next hop 2.2.2.1 is not on a subnet of an interface of routing "
                + "instance 'default'"));
    }

    @Test
    void aNextHopOfTheOtherFamilyFails() {
        e.load("set routing-options static route 192.168.168.0/24 next-hop 2001:db8::1");
        e.assertCommitError("next hop 2001:db8::1 is not of the address family of route 192.168.168.0/24");
    }

    @Test
    void ipv6RoutesGoIntoInet6() {
        e.load("set routing-options rib inet6.0 static route ::/0 next-hop 1111::1112",
                "set routing-instances VR1 routing-options rib VR1.inet6.0 static route ::/0 next-hop 1111::1112");
        e.assertCommits();
    }

    @Test
    void anIpv4RouteInInet6Fails() {
        e.load("set routing-options rib inet6.0 static route 10.0.0.0/8 next-hop 1.1.1.1");
        e.assertCommitError("route 10.0.0.0/8 does not belong in an IPv6 routing table");
    }

    @Test
    void anInstanceTableAtTheTopLevelFails() {
        e.load("set routing-options rib VR1.inet6.0 static route ::/0 next-hop 1111::1");
        e.assertCommitError("routing table 'VR1.inet6.0' is not a table of the main instance (use inet.0 or inet6.0)");
    }

    @Test
    void aMainTableInsideAnInstanceFails() {
        e.load("set routing-instances VR1 routing-options rib inet6.0 static route ::/0 next-hop 1111::1");
        e.assertCommitError("routing table 'inet6.0' is not a table of routing instance 'VR1' (use VR1.inet6.0)");
    }

    // ---------------------------------------------------------------- protocols, V-E06, V-E07

    @Test
    void bgpIpsecSaIsNotCheckedAtCommit() {
        e.load("set protocols bgp group ibgp ipsec-sa no-such-sa",
                "set protocols bgp group ibgp neighbor 10.0.0.2 ipsec-sa no-such-sa-either",
                "set protocols bgp ipsec-sa top-level-sa");
        e.assertCommits();
    }

    @Test
    void ospf3WithAManualTransportSaCommits() {
        e.load("set security ipsec security-association sa1 mode transport",
                "set security ipsec security-association sa1 manual stub",
                "set protocols ospf3 area 0 interface st0.0 ipsec-sa sa1");
        e.assertCommits();
    }

    @Test
    void ospf3IpsecSaIsNotResolvedAtCommitAsD19Rules() {
        // the SA's kind (V-E07) is the services bundle's check; an undefined name commits (D-19)
        e.load("set protocols ospf3 area 0 interface st0.0 ipsec-sa nope");
        e.assertCommits();
    }

    @Test
    void ospfInterfacesMustBeConfigured() {
        e.load("set protocols ospf area 0 interface st0.0 interface-type p2mp",
                "set protocols ospf area 0 interface all passive");
        e.assertCommits();
        e.load("set protocols ospf area 0 interface st0.9");
        e.assertCommitError("interface st0.9 is not configured");
    }

    // ---------------------------------------------------------------- D-39

    private void gateway(String name, String external, String remote) {
        e.load("set security ike gateway " + name + " external-interface " + external,
                "set security ike gateway " + name + " address " + remote);
    }

    @Test
    void anExternalInterfaceNotOverlappingOtherInstancesCommits() {
        e.load("set routing-instances VR1 interface ge-0/0/1.0", "set routing-instances VR1 interface st0.0");
        gateway("first", "ge-0/0/0.0", "4.4.4.2");
        e.assertCommits();
    }

    @Test
    void anExternalAddressOverlappingAnotherInstanceFails() {
        e.load("set interfaces ge-0/0/2 unit 0 family inet address 1.1.1.1/24",
                "set routing-instances VR1 interface ge-0/0/2.0");
        gateway("first", "ge-0/0/0.0", "4.4.4.2");
        e.assertCommitError("external interface ge-0/0/0.0 (1.1.1.2/30) of IKE gateway 'first' overlaps ge-0/0/2.0 "
                + "(1.1.1.1/24) in routing instance 'VR1'; an IKE external address must not overlap another routing "
                + "instance (D-39)");
    }

    @Test
    void overlappingInternalAddressesAcrossInstancesCommit() {
        e.load("set interfaces ge-0/0/2 unit 0 family inet address 2.2.2.1/30",
                "set routing-instances VR1 interface ge-0/0/2.0");
        e.assertCommits();
    }

    @Test
    void aManualVpnExternalAddressOverlappingAnotherInstanceFails() {
        e.load("set interfaces ge-0/0/2 unit 0 family inet address 1.1.1.1/24",
                "set routing-instances VR1 interface ge-0/0/2.0",
                "set security ipsec vpn m manual external-interface ge-0/0/0.0",
                "set security ipsec vpn m manual gateway 9.9.9.9");
        e.assertCommitError("external interface ge-0/0/0.0 (1.1.1.2/30) of manual VPN 'm' overlaps ge-0/0/2.0");
    }

    @Test
    void overlappingMultipointSt0AddressesFail() {
        e.load("set interfaces st0 unit 0 multipoint",
                "set interfaces st0 unit 1 multipoint",
                "set interfaces st0 unit 1 family inet address 3.3.3.1/24",
                "set routing-instances VR1 interface st0.1");
        e.assertCommitError("address 3.3.3.1/24 of multipoint st0.1 overlaps 3.3.3.2/30 of multipoint st0.0; st0 "
                + "addresses of point-to-multipoint tunnels must not overlap (D-39)");
    }

    @Test
    void overlappingPointToPointSt0AddressesCommit() {
        e.load("set interfaces st0 unit 1 family inet address 3.3.3.1/24",
                "set routing-instances VR1 interface st0.1");
        e.assertCommits();
    }

    @Test
    void theSameLocalAndRemotePairInTwoInstancesFails() {
        e.load("set interfaces ge-0/0/2 unit 0 family inet address 1.1.1.2/30",
                "set routing-instances VR1 interface ge-0/0/2.0");
        gateway("a", "ge-0/0/0.0", "4.4.4.2");
        gateway("b", "ge-0/0/2.0", "4.4.4.2");
        e.assertCommitError("IKE gateway 'b': local address 1.1.1.2 and remote gateway 4.4.4.2 are already used by a tunnel "
                + "in routing instance 'default'; the pair must be unique across routing instances (D-39)");
    }

    // ---------------------------------------------------------------- D-40

    @Test
    void aDynamicGatewayInTheDefaultInstanceCommits() {
        e.load("set security ike gateway dyn external-interface ge-0/0/0.0",
                "set security ike gateway dyn dynamic hostname ssg5.example.net");
        e.assertCommits();
    }

    @Test
    void aDynamicGatewayWithItsExternalInterfaceInAVirtualRouterFails() {
        e.load("set routing-instances VR1 interface ge-0/0/1.0",
                "set security ike gateway dyn external-interface ge-0/0/1.0",
                "set security ike gateway dyn dynamic hostname ssg5.example.net");
        e.assertCommitError("IKE gateway 'dyn' is dynamic; its external interface ge-0/0/1.0 cannot be in routing "
                + "instance 'VR1' (D-40)");
    }

    @Test
    void aVpnThroughADynamicGatewayWithItsSt0InAVirtualRouterFails() {
        e.load("set routing-instances VR1 interface st0.0",
                "set security ike gateway dyn external-interface ge-0/0/0.0",
                "set security ike gateway dyn dynamic hostname ssg5.example.net",
                "set security ipsec vpn v bind-interface st0.0",
                "set security ipsec vpn v ike gateway dyn");
        e.assertCommitError("VPN 'v' uses the dynamic IKE gateway 'dyn'; its st0.0 cannot be in routing instance 'VR1' (D-40)");
    }
}
