package org.secplane.network.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secplane.config.ConfigView;
import org.secplane.config.Outcome;
import org.secplane.config.CommitRequest;

/**
 * The network parts (interfaces, zones, address books, policies, routing, system, flow, NAT, alarms) of the
 * specs' configuration examples load and pass commit check. VPN names used by tunnel policies and NHTB
 * entries are supplied by the test stand-in for {@code [edit security ipsec vpn]}.
 */
class SpecExamplesNetworkTest {

    @TempDir
    Path state;

    @Test
    void ipsecSrxE1RouteBasedVpnNetworkPartCommits() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            e.load(
                    "set interfaces ge-0/0/0 unit 0 family inet address 10.10.10.1/24",
                    "set interfaces ge-0/0/3 unit 0 family inet address 1.1.1.2/30",
                    "set interfaces st0 unit 0 family inet address 10.11.11.10/24",
                    "set routing-options static route 0.0.0.0/0 next-hop 1.1.1.1",
                    "set routing-options static route 192.168.168.0/24 next-hop st0.0",
                    "set security zones security-zone untrust interfaces ge-0/0/3.0",
                    "set security zones security-zone untrust host-inbound-traffic system-services ike",
                    "set security zones security-zone trust interfaces ge-0/0/0.0",
                    "set security zones security-zone trust host-inbound-traffic system-services all",
                    "set security zones security-zone vpn-chicago interfaces st0.0",
                    "set security address-book book1 address sunnyvale 10.10.10.0/24",
                    "set security address-book book1 attach zone trust",
                    "set security address-book book2 address chicago 192.168.168.0/24",
                    "set security address-book book2 attach zone vpn-chicago",
                    "set security ipsec vpn ike-vpn-chicago bind-interface st0.0",
                    "set security policies from-zone trust to-zone vpn-chicago policy vpn-tr-chi match source-address sunnyvale",
                    "set security policies from-zone trust to-zone vpn-chicago policy vpn-tr-chi match destination-address chicago",
                    "set security policies from-zone trust to-zone vpn-chicago policy vpn-tr-chi match application any",
                    "set security policies from-zone trust to-zone vpn-chicago policy vpn-tr-chi then permit",
                    "set security policies from-zone vpn-chicago to-zone trust policy vpn-chi-tr match source-address chicago",
                    "set security policies from-zone vpn-chicago to-zone trust policy vpn-chi-tr match destination-address sunnyvale",
                    "set security policies from-zone vpn-chicago to-zone trust policy vpn-chi-tr match application any",
                    "set security policies from-zone vpn-chicago to-zone trust policy vpn-chi-tr then permit",
                    "set security flow tcp-mss ipsec-vpn mss 1350");
            e.assertCommits();
            String zones = e.show("security zones");
            assertTrue(zones.contains("security-zone untrust {\n    host-inbound-traffic {\n        system-services {\n"
                    + "            ike;\n        }\n    }\n    interfaces {\n        ge-0/0/3.0;\n    }\n}"), zones);
            assertTrue(e.show("security flow").contains("ipsec-vpn {\n        mss 1350;"), e.show("security flow"));
        }
    }

    @Test
    void ipsecSrxE1VerbatimQuickConfigAttachingBook2ToUntrustFails() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            e.load(
                    "set interfaces ge-0/0/0 unit 0 family inet address 10.10.10.1/24",
                    "set interfaces ge-0/0/3 unit 0 family inet address 1.1.1.2/30",
                    "set interfaces st0 unit 0 family inet address 10.11.11.10/24",
                    "set security zones security-zone untrust interfaces ge-0/0/3.0",
                    "set security zones security-zone trust interfaces ge-0/0/0.0",
                    "set security zones security-zone vpn-chicago interfaces st0.0",
                    "set security address-book book1 address sunnyvale 10.10.10.0/24",
                    "set security address-book book1 attach zone trust",
                    "set security address-book book2 address chicago 192.168.168.0/24",
                    "set security address-book book2 attach zone untrust",
                    "set security policies from-zone trust to-zone vpn-chicago policy vpn-tr-chi match source-address sunnyvale",
                    "set security policies from-zone trust to-zone vpn-chicago policy vpn-tr-chi match destination-address chicago",
                    "set security policies from-zone trust to-zone vpn-chicago policy vpn-tr-chi match application any",
                    "set security policies from-zone trust to-zone vpn-chicago policy vpn-tr-chi then permit");
            e.assertCommitError("destination-address 'chicago' is not in an address book of to-zone 'vpn-chicago'; "
                    + "it is defined in address book 'book2' attached to zone untrust (D-36)");
        }
    }

    @Test
    void ipsecSrxE5PolicyBasedVpnNetworkPartCommitsAndInsertReorders() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            e.load(
                    "set interfaces ge-0/0/0 unit 0 family inet address 10.10.10.1/24",
                    "set interfaces ge-0/0/3 unit 0 family inet address 1.1.1.2/30",
                    "set routing-options static route 0.0.0.0/0 next-hop 1.1.1.1",
                    "set security zones security-zone untrust interfaces ge-0/0/3.0",
                    "set security zones security-zone untrust host-inbound-traffic system-services ike",
                    "set security zones security-zone trust interfaces ge-0/0/0.0",
                    "set security zones security-zone trust host-inbound-traffic system-services all",
                    "set security address-book book1 address sunnyvale 10.10.10.0/24",
                    "set security address-book book1 attach zone trust",
                    "set security address-book book2 address chicago 192.168.168.0/24",
                    "set security address-book book2 attach zone untrust",
                    "set security ipsec vpn ike-vpn-chicago ike gateway gw-chicago",
                    "set security ipsec vpn ike-vpn-chicago ike ipsec-policy ipsec-phase2-policy",
                    "set security policies from-zone trust to-zone untrust policy vpn-tr-untr match source-address sunnyvale",
                    "set security policies from-zone trust to-zone untrust policy vpn-tr-untr match destination-address chicago",
                    "set security policies from-zone trust to-zone untrust policy vpn-tr-untr match application any",
                    "set security policies from-zone trust to-zone untrust policy vpn-tr-untr then permit tunnel ipsec-vpn ike-vpn-chicago",
                    "set security policies from-zone trust to-zone untrust policy vpn-tr-untr then permit tunnel pair-policy vpn-untr-tr",
                    "set security policies from-zone untrust to-zone trust policy vpn-untr-tr match source-address chicago",
                    "set security policies from-zone untrust to-zone trust policy vpn-untr-tr match destination-address sunnyvale",
                    "set security policies from-zone untrust to-zone trust policy vpn-untr-tr match application any",
                    "set security policies from-zone untrust to-zone trust policy vpn-untr-tr then permit tunnel ipsec-vpn ike-vpn-chicago",
                    "set security policies from-zone untrust to-zone trust policy vpn-untr-tr then permit tunnel pair-policy vpn-tr-untr",
                    "set security policies from-zone trust to-zone untrust policy permit-any match source-address any",
                    "set security policies from-zone trust to-zone untrust policy permit-any match destination-address any",
                    "set security policies from-zone trust to-zone untrust policy permit-any match application any",
                    "set security policies from-zone trust to-zone untrust policy permit-any then permit",
                    "insert security policies from-zone trust to-zone untrust policy vpn-tr-untr before policy permit-any",
                    "set security flow tcp-mss ipsec-vpn mss 1350");
            e.assertCommits();
            assertEquals(List.of("vpn-tr-untr", "permit-any"), policyOrder(e, "trust to-zone untrust"));
            String shown = e.show("security policies from-zone trust to-zone untrust");
            assertTrue(shown.indexOf("policy vpn-tr-untr") < shown.indexOf("policy permit-any"), shown);
            assertTrue(shown.contains("    then {\n        permit {\n            tunnel {\n"
                    + "                ipsec-vpn ike-vpn-chicago;\n                pair-policy vpn-untr-tr;\n"
                    + "            }\n        }\n    }"), shown);
        }
    }

    private static List<String> policyOrder(NetworkEngine e, String context) {
        assertTrue(e.session.commit(CommitRequest.commit("")).isSuccess());
        ConfigView zonePair = e.engine.active().find("security", "policies").get().entry("from-zone", context).get();
        return zonePair.children("policy").stream().map(ConfigView::value).collect(Collectors.toList());
    }

    @Test
    void pkiConfiguringPkiExampleNetworkPartCommits() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            e.load(
                    "edit interfaces",
                    "set ge-0/0/0 unit 0 family inet address 10.10.10.1/24",
                    "set ge-0/0/3 unit 0 family inet address 1.1.1.2/30",
                    "top",
                    "set routing-options static route 0.0.0.0/0 next-hop 1.1.1.1",
                    "set system time-zone PST8PDT",
                    "set system name-server 4.2.2.1",
                    "set system name-server 4.2.2.2",
                    "edit security zones security-zone",
                    "set trust interfaces ge-0/0/0.0",
                    "set untrust interfaces ge-0/0/3.0",
                    "set trust host-inbound-traffic system-services all",
                    "set untrust host-inbound-traffic system-services ike",
                    "set trust address-book address local-net 10.10.10.0/24",
                    "set untrust address-book address remote-net 192.168.168.0/24",
                    "top",
                    "set security ipsec vpn ike-vpn ike gateway ike-gate",
                    "edit security policies from-zone trust to-zone untrust",
                    "set policy tunnel-policy-out match source-address local-net",
                    "set policy tunnel-policy-out match destination-address remote-net",
                    "set policy tunnel-policy-out match application any",
                    "set policy tunnel-policy-out then permit tunnel ipsec-vpn ike-vpn pair-policy tunnel-policy-in",
                    "top edit security policies from-zone untrust to-zone trust",
                    "set policy tunnel-policy-in match source-address remote-net",
                    "set policy tunnel-policy-in match destination-address local-net",
                    "set policy tunnel-policy-in match application any",
                    "set policy tunnel-policy-in then permit tunnel ipsec-vpn ike-vpn pair-policy tunnel-policy-out",
                    "top",
                    "edit security nat source rule-set nat-out",
                    "set from zone trust",
                    "set to zone untrust",
                    "set rule interface-nat match source-address 192.168.10.0/24",
                    "set rule interface-nat match destination-address 0.0.0.0/0",
                    "set rule interface-nat then source-nat interface",
                    "top",
                    "edit security policies from-zone trust to-zone untrust",
                    "set policy any-permit match source-address any",
                    "set policy any-permit match destination-address any",
                    "set policy any-permit match application any",
                    "set policy any-permit then permit",
                    "insert policy tunnel-policy-out before policy any-permit",
                    "top",
                    "set security flow tcp-mss ipsec-vpn mss 1350");
            e.assertCommits();
            assertEquals(List.of("tunnel-policy-out", "any-permit"), policyOrder(e, "trust to-zone untrust"));
            String system = e.show("system");
            assertTrue(system.contains("time-zone PST8PDT;\nname-server {\n    4.2.2.1;\n    4.2.2.2;\n}"), system);
        }
    }

    @Test
    void ipsecSrxE1ShowsPoliciesAsTheResultsBlock() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            e.load("set interfaces ge-0/0/0 unit 0 family inet address 10.10.10.1/24",
                    "set interfaces st0 unit 0 family inet address 10.11.11.10/24",
                    "set security zones security-zone trust interfaces ge-0/0/0.0",
                    "set security zones security-zone vpn-chicago interfaces st0.0",
                    "set security address-book book1 address sunnyvale 10.10.10.0/24",
                    "set security address-book book1 attach zone trust",
                    "set security address-book book2 address chicago 192.168.168.0/24",
                    "set security address-book book2 attach zone vpn-chicago",
                    "set security policies from-zone trust to-zone vpn-chicago policy vpn-tr-chi match source-address sunnyvale",
                    "set security policies from-zone trust to-zone vpn-chicago policy vpn-tr-chi match destination-address chicago",
                    "set security policies from-zone trust to-zone vpn-chicago policy vpn-tr-chi match application any",
                    "set security policies from-zone trust to-zone vpn-chicago policy vpn-tr-chi then permit");
            e.assertCommits();
            assertEquals("from-zone trust to-zone vpn-chicago {\n    policy vpn-tr-chi {\n        match {\n"
                    + "            source-address sunnyvale;\n            destination-address chicago;\n"
                    + "            application any;\n        }\n        then {\n            permit;\n        }\n    }\n}",
                    e.show("security policies"));
        }
    }

    @Test
    void ipsecSrxE2ZoneScopedAddressBooksCommit() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            e.load(
                    "set interfaces ge-0/0/0 unit 0 family inet address 10.10.10.1/24",
                    "set interfaces ge-0/0/3 unit 0 family inet address 1.1.1.2/30",
                    "set interfaces st0 unit 0 family inet address 10.11.11.10/24",
                    "set routing-options static route 0.0.0.0/0 next-hop 1.1.1.1",
                    "set routing-options static route 192.168.168.0/24 next-hop st0.0",
                    "set security zones security-zone untrust interfaces ge-0/0/3.0",
                    "set security zones security-zone untrust host-inbound-traffic system-services ike",
                    "set security zones security-zone trust interfaces ge-0/0/0.0",
                    "set security zones security-zone trust host-inbound-traffic system-services all",
                    "set security zones security-zone trust address-book address sunnyvale 10.10.10.0/24",
                    "set security zones security-zone vpn-chicago interfaces st0.0",
                    "set security zones security-zone vpn-chicago address-book address chicago 192.168.168.0/24",
                    "set security policies from-zone trust to-zone vpn-chicago policy vpn-tr-chi match source-address sunnyvale",
                    "set security policies from-zone trust to-zone vpn-chicago policy vpn-tr-chi match destination-address chicago",
                    "set security policies from-zone trust to-zone vpn-chicago policy vpn-tr-chi match application any",
                    "set security policies from-zone trust to-zone vpn-chicago policy vpn-tr-chi then permit",
                    "set security policies from-zone vpn-chicago to-zone trust policy vpn-chi-tr match source-address chicago",
                    "set security policies from-zone vpn-chicago to-zone trust policy vpn-chi-tr match destination-address sunnyvale",
                    "set security policies from-zone vpn-chicago to-zone trust policy vpn-chi-tr match application any",
                    "set security policies from-zone vpn-chicago to-zone trust policy vpn-chi-tr then permit",
                    "set security flow tcp-mss ipsec-vpn mss 1350");
            e.assertCommits();
        }
    }

    @Test
    void ipsecSrxE3InitiatorWithSt0InUntrustAndPermitAllCommits() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            e.load(
                    "set interfaces ge-0/0/1 unit 0 family inet address 1.0.0.1/24",
                    "set interfaces ge-0/0/3 unit 0 family inet address 33.1.1.1/24",
                    "set interfaces st0 unit 1 family inet address 31.1.1.2/24",
                    "set routing-options static route 32.1.1.0/24 next-hop 31.1.1.1",
                    "set routing-options static route 1.1.1.1/32 next-hop 1.0.0.2",
                    "set security zones security-zone untrust host-inbound-traffic system-services all",
                    "set security zones security-zone untrust host-inbound-traffic protocols all",
                    "set security zones security-zone untrust interfaces ge-0/0/1.0",
                    "set security zones security-zone untrust interfaces st0.1",
                    "set security zones security-zone trust host-inbound-traffic system-services all",
                    "set security zones security-zone trust host-inbound-traffic protocols all",
                    "set security zones security-zone trust interfaces ge-0/0/3.0",
                    "set security policies default-policy permit-all");
            e.assertCommits();
        }
    }

    @Test
    void ipsecSrxE4VirtualRouterCommits() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            e.load(
                    "set interfaces ge-0/0/0 unit 0 family inet address 1.1.1.2/30",
                    "set interfaces ge-0/0/1 unit 0 family inet address 2.2.2.2/30",
                    "set interfaces st0 unit 0 family inet address 3.3.3.2/30",
                    "set security zones security-zone untrust interfaces ge-0/0/0.0",
                    "set security zones security-zone untrust host-inbound-traffic system-services ike",
                    "set security zones security-zone trust interfaces ge-0/0/1.0",
                    "set security zones security-zone trust interfaces st0.0",
                    "set security ike gateway first address 4.4.4.2",
                    "set security ike gateway first external-interface ge-0/0/0.0",
                    "set security ipsec vpn first_vpn bind-interface st0.0",
                    "set security ipsec vpn first_vpn ike gateway first",
                    "set security policies default-policy permit-all",
                    "set routing-instances VR1 instance-type virtual-router",
                    "set routing-instances VR1 interface ge-0/0/1.0",
                    "set routing-instances VR1 interface st0.0",
                    "set routing-instances VR1 routing-options static route 6.6.6.0/24 next-hop st0.0");
            e.assertCommits();
        }
    }

    @Test
    void ipsecSrxE6InitiatorReusingPol1InBothDirectionsCommits() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            e.load(
                    "set interfaces ge-0/0/1 unit 0 family inet address 12.168.99.100/24",
                    "set interfaces ge-0/0/2 unit 0 family inet address 10.1.99.1/24",
                    "set routing-options static route 10.2.99.0/24 next-hop 12.168.99.1",
                    "set routing-options static route 13.168.11.0/24 next-hop 12.168.99.1",
                    "set routing-options static route 1.1.100.0/24 next-hop 12.168.99.1",
                    "set security zones security-zone trust host-inbound-traffic system-services all",
                    "set security zones security-zone trust host-inbound-traffic protocols all",
                    "set security zones security-zone trust interfaces ge-0/0/2.0",
                    "set security zones security-zone untrust host-inbound-traffic system-services all",
                    "set security zones security-zone untrust host-inbound-traffic protocols all",
                    "set security zones security-zone untrust interfaces ge-0/0/1.0",
                    "set security ipsec vpn first_vpn ike gateway gate",
                    "set security policies from-zone trust to-zone untrust policy pol1 match source-address any",
                    "set security policies from-zone trust to-zone untrust policy pol1 match destination-address any",
                    "set security policies from-zone trust to-zone untrust policy pol1 match application any",
                    "set security policies from-zone trust to-zone untrust policy pol1 then permit tunnel ipsec-vpn first_vpn",
                    "set security policies from-zone untrust to-zone trust policy pol1 match source-address any",
                    "set security policies from-zone untrust to-zone trust policy pol1 match destination-address any",
                    "set security policies from-zone untrust to-zone trust policy pol1 match application any",
                    "set security policies from-zone untrust to-zone trust policy pol1 then permit tunnel ipsec-vpn first_vpn");
            e.assertCommits();
        }
    }

    private static final String[] E7_HUB = {
        "set interfaces ge-0/0/0 unit 0 family inet address 10.10.10.1/24",
        "set interfaces ge-0/0/3 unit 0 family inet address 1.1.1.2/30",
        "set interfaces st0 unit 0 family inet address 10.11.11.10/24",
        "set interfaces st0 unit 0 multipoint",
        "set interfaces st0 unit 0 family inet next-hop-tunnel 10.11.11.11 ipsec-vpn vpn-sunnyvale",
        "set routing-options static route 0.0.0.0/0 next-hop 1.1.1.1",
        "set routing-options static route 192.168.168.0/24 next-hop 10.11.11.11",
        "set routing-options static route 192.168.178.0/24 next-hop 10.11.11.12",
        "set security zones security-zone untrust interfaces ge-0/0/3.0",
        "set security zones security-zone untrust host-inbound-traffic system-services ike",
        "set security zones security-zone trust interfaces ge-0/0/0.0",
        "set security zones security-zone trust host-inbound-traffic system-services all",
        "set security zones security-zone vpn interfaces st0.0",
        "set security address-book book1 address local-net 10.10.10.0/24",
        "set security address-book book1 attach zone trust",
        "set security address-book book2 address sunnyvale-net 192.168.168.0/24",
        "set security address-book book2 address westford-net 192.168.178.0/24",
        "set security address-book book2 attach zone vpn",
        "set security ike gateway gw-westford external-interface ge-0/0/3.0",
        "set security ike gateway gw-westford address 3.3.3.2",
        "set security ike gateway gw-sunnyvale external-interface ge-0/0/3.0",
        "set security ike gateway gw-sunnyvale address 2.2.2.2",
        "set security ipsec vpn vpn-westford ike gateway gw-westford",
        "set security ipsec vpn vpn-westford bind-interface st0.0",
        "set security ipsec vpn vpn-sunnyvale ike gateway gw-sunnyvale",
        "set security ipsec vpn vpn-sunnyvale bind-interface st0.0",
        "set security policies from-zone trust to-zone vpn policy local-to-spokes match source-address local-net",
        "set security policies from-zone trust to-zone vpn policy local-to-spokes match destination-address sunnyvale-net",
        "set security policies from-zone trust to-zone vpn policy local-to-spokes match destination-address westford-net",
        "set security policies from-zone trust to-zone vpn policy local-to-spokes match application any",
        "set security policies from-zone trust to-zone vpn policy local-to-spokes then permit",
        "set security policies from-zone vpn to-zone trust policy spokes-to-local match source-address sunnyvale-net",
        "set security policies from-zone vpn to-zone trust policy spokes-to-local match source-address westford-net",
        "set security policies from-zone vpn to-zone trust policy spokes-to-local match destination-address local-net",
        "set security policies from-zone vpn to-zone trust policy spokes-to-local match application any",
        "set security policies from-zone vpn to-zone trust policy spokes-to-local then permit",
        "set security policies from-zone vpn to-zone vpn policy spoke-to-spoke match source-address any",
        "set security policies from-zone vpn to-zone vpn policy spoke-to-spoke match destination-address any",
        "set security policies from-zone vpn to-zone vpn policy spoke-to-spoke match application any",
        "set security policies from-zone vpn to-zone vpn policy spoke-to-spoke then permit",
        "set security flow tcp-mss ipsec-vpn mss 1350",
    };

    @Test
    void ipsecSrxE7HubCommitsAndItsStep12VariantToo() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            e.load(E7_HUB);
            e.assertCommits();
            e.load("set interfaces st0 unit 0 family inet next-hop-tunnel 10.11.11.12 ipsec-vpn vpn-westford");
            e.assertCommits();
        }
    }

    @Test
    void ipsecSrxE7HubWithoutMultipointFails() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            e.load(E7_HUB);
            e.load("delete interfaces st0 unit 0 multipoint");
            e.assertCommitError("'next-hop-tunnel' needs a multipoint unit");
        }
    }

    @Test
    void ipsecSrxE7WestfordSpokeCommits() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            e.load(
                    "set interfaces ge-0/0/0 unit 0 family inet address 3.3.3.2/30",
                    "set interfaces ge-0/0/3 unit 0 family inet address 192.168.178.1/24",
                    "set interfaces st0 unit 0 family inet address 10.11.11.12/24",
                    "set routing-options static route 0.0.0.0/0 next-hop 3.3.3.1",
                    "set routing-options static route 10.10.10.0/24 next-hop 10.11.11.10",
                    "set routing-options static route 192.168.168.0/24 next-hop 10.11.11.10",
                    "set security zones security-zone untrust interfaces ge-0/0/0.0",
                    "set security zones security-zone untrust host-inbound-traffic system-services ike",
                    "set security zones security-zone trust interfaces ge-0/0/3.0",
                    "set security zones security-zone trust host-inbound-traffic system-services all",
                    "set security zones security-zone vpn interfaces st0.0",
                    "set security address-book book1 address local-net 192.168.178.0/24",
                    "set security address-book book1 attach zone trust",
                    "set security address-book book2 address corp-net 10.10.10.0/24",
                    "set security address-book book2 address sunnyvale-net 192.168.168.0/24",
                    "set security address-book book2 attach zone vpn",
                    "set security policies from-zone trust to-zone vpn policy to-corp match source-address local-net",
                    "set security policies from-zone trust to-zone vpn policy to-corp match destination-address corp-net",
                    "set security policies from-zone trust to-zone vpn policy to-corp match destination-address sunnyvale-net",
                    "set security policies from-zone trust to-zone vpn policy to-corp match application any",
                    "set security policies from-zone trust to-zone vpn policy to-corp then permit",
                    "set security policies from-zone vpn to-zone trust policy from-corp match source-address corp-net",
                    "set security policies from-zone vpn to-zone trust policy from-corp match source-address sunnyvale-net",
                    "set security policies from-zone vpn to-zone trust policy from-corp match destination-address local-net",
                    "set security policies from-zone vpn to-zone trust policy from-corp match application any",
                    "set security policies from-zone vpn to-zone trust policy from-corp then permit",
                    "set security flow tcp-mss ipsec-vpn mss 1350");
            e.assertCommits();
        }
    }

    @Test
    void ipsecSrxE9Ipv6PolicyBasedVpnNetworkPartCommits() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            e.load(
                    "set interfaces ge-0/0/14 unit 0 family inet6 address 1212::1111/64",
                    "set interfaces ge-0/0/15 unit 0 family inet6 address 1111::1111/64",
                    "set security zones security-zone untrust interfaces ge-0/0/15.0",
                    "set security zones security-zone untrust host-inbound-traffic system-services ike",
                    "set security zones security-zone trust interfaces ge-0/0/14.0",
                    "set security zones security-zone trust host-inbound-traffic system-services all",
                    "set security address-book book1 address sunnyvale 1212::abcd/64",
                    "set security address-book book1 attach zone trust",
                    "set security address-book book2 address chicago 1111::abcd/64",
                    "set security address-book book2 attach zone untrust",
                    "set security ipsec vpn ipv6-ike-vpn-chicago ike gateway gw-chicago",
                    "set security policies from-zone trust to-zone untrust policy ipv6-vpn-tr-untr match source-address sunnyvale",
                    "set security policies from-zone trust to-zone untrust policy ipv6-vpn-tr-untr match destination-address chicago",
                    "set security policies from-zone trust to-zone untrust policy ipv6-vpn-tr-untr match application any",
                    "set security policies from-zone trust to-zone untrust policy ipv6-vpn-tr-untr then permit tunnel ipsec-vpn ipv6-ike-vpn-chicago",
                    "set security policies from-zone trust to-zone untrust policy ipv6-vpn-tr-untr then permit tunnel pair-policy ipv6-vpn-untr-tr",
                    "set security policies from-zone untrust to-zone trust policy ipv6-vpn-untr-tr match source-address chicago",
                    "set security policies from-zone untrust to-zone trust policy ipv6-vpn-untr-tr match destination-address sunnyvale",
                    "set security policies from-zone untrust to-zone trust policy ipv6-vpn-untr-tr match application any",
                    "set security policies from-zone untrust to-zone trust policy ipv6-vpn-untr-tr then permit tunnel ipsec-vpn ipv6-ike-vpn-chicago",
                    "set security policies from-zone untrust to-zone trust policy ipv6-vpn-untr-tr then permit tunnel pair-policy ipv6-vpn-tr-untr",
                    "set security policies from-zone trust to-zone untrust policy permit-any match source-address any",
                    "set security policies from-zone trust to-zone untrust policy permit-any match destination-address any",
                    "set security policies from-zone trust to-zone untrust policy permit-any match application any",
                    "set security policies from-zone trust to-zone untrust policy permit-any then permit",
                    "insert security policies from-zone trust to-zone untrust policy ipv6-vpn-tr-untr before policy permit-any",
                    "set security flow tcp-mss ipsec-vpn mss 1350");
            e.assertCommits();
            assertEquals(List.of("ipv6-vpn-tr-untr", "permit-any"), policyOrder(e, "trust to-zone untrust"));
        }
    }

    @Test
    void ipsecSrxE10AlarmsCommitAndShowAsParagraph355() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            e.load(
                    "set security alarms audible",
                    "set security alarms potential-violation authentication 6",
                    "set security alarms potential-violation cryptographic-self-test",
                    "set security alarms potential-violation non-cryptographic-self-test",
                    "set security alarms potential-violation key-generation-self-test",
                    "set security alarms potential-violation encryption-failures threshold 10",
                    "set security alarms potential-violation decryption-failures threshold 1",
                    "set security alarms potential-violation ike-phase1-failures threshold 10",
                    "set security alarms potential-violation ike-phase2-failures threshold 1",
                    "set security alarms potential-violation replay-attacks");
            e.assertCommits();
            assertEquals("audible;\npotential-violation {\n    authentication 6;\n    cryptographic-self-test;\n"
                    + "    decryption-failures {\n        threshold 1;\n    }\n    encryption-failures {\n        threshold 10;\n"
                    + "    }\n    ike-phase1-failures {\n        threshold 10;\n    }\n    ike-phase2-failures {\n"
                    + "        threshold 1;\n    }\n    key-generation-self-test;\n    non-cryptographic-self-test;\n"
                    + "    replay-attacks;\n}", e.show("security alarms"));
        }
    }

    @Test
    void ipsecSrxE11FipsSelfTestCommitsAndShows() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            e.load("set system fips self-test periodic start-time 09:00",
                    "set system fips self-test periodic day-of-week 3");
            e.assertCommits();
            assertEquals("fips {\n    self-test {\n        periodic {\n            start-time 09:00;\n"
                    + "            day-of-week 3;\n        }\n    }\n}", e.show("system"));
        }
    }

    @Test
    void servicesEx6PeRouterInterfacesPolicyOptionsAndVrfLoadAsBraces() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            Outcome loaded = e.loadBraces(String.join("\n",
                    "interfaces {",
                    "so-0/0/0 {",
                    "  no-keepalives;",
                    "  encapsulation cisco-hdlc;",
                    "  unit 0 {",
                    "    family inet {",
                    "      address 6.6.6.6/32;",
                    "    }",
                    "  }",
                    "}",
                    "so-2/2/0 {",
                    "  description \"teller so-0/2/0\";",
                    "  no-keepalives;",
                    "  encapsulation cisco-hdlc;",
                    "  unit 0 {",
                    "    family inet {",
                    "      address 21.21.1.1/16;",
                    "    }",
                    "  }",
                    "}",
                    "sp-3/1/0 {",
                    "  unit 0 {",
                    "    family inet {",
                    "      address 7.7.7.7/32;",
                    "    }",
                    "  }",
                    "  unit 1 {",
                    "    family inet;",
                    "    service-domain inside;",
                    "  }",
                    "  unit 2 {",
                    "    family inet;",
                    "    service-domain outside;",
                    "  }",
                    "}",
                    "}",
                    "policy-options {",
                    "policy-statement vpn-export {",
                    "  then {",
                    "    community add vpn-comm;",
                    "    accept;",
                    "  }",
                    "}",
                    "policy-statement vpn-import {",
                    "  term a {",
                    "    from community vpn-comm;",
                    "    then accept;",
                    "  }",
                    "}",
                    "community vpn-comm members target:100:20;",
                    "}",
                    "routing-instances {",
                    "vrf {",
                    "  instance-type vrf;",
                    "  interface sp-3/1/0.1;  # Inside sp interface",
                    "  interface so-0/0/0.0;",
                    "  route-distinguisher 192.168.0.1:1;",
                    "  vrf-import vpn-import;",
                    "  vrf-export vpn-export;",
                    "  routing-options {",
                    "    static {",
                    "      route 0.0.0.0/0 next-hop so-0/0/0.0;",
                    "      route 11.11.11.1/32 next-hop so-0/0/0.0;",
                    "      route 8.8.8.1/32 next-hop sp-3/1/0.1;",
                    "    }",
                    "  }",
                    "}",
                    "}"));
            assertTrue(loaded.isSuccess(), loaded.toString());
            e.assertCommits();
            String interfaces = e.show("interfaces sp-3/1/0");
            assertTrue(interfaces.contains("unit 1 {\n    service-domain inside;\n    family inet;\n}"),
                    interfaces);
        }
    }

    @Test
    void servicesDerivedBgpFixtureWithAnUndefinedSaCommits() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            assertTrue(e.loadBraces("protocols { bgp { group ibgp { ipsec-sa bgp-sa; neighbor 10.0.0.2; } } }").isSuccess());
            e.assertCommits();
        }
    }

    @Test
    void pkiDocumentationConventionExampleLoadsAsBraces() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            Outcome loaded = e.loadBraces("system {\n  scripts {\n    commit {\n      file ex-script.xml;\n    }\n  }\n}\n"
                    + "interfaces {\n  fxp0 {\n    disable;\n    unit 0 {\n      family inet {\n        address 10.0.0.1/24;\n"
                    + "      }\n    }\n  }\n}\n");
            assertTrue(loaded.isSuccess(), loaded.toString());
            e.assertCommits();
            assertTrue(e.session.edit(org.secplane.config.Words.split("system scripts")).isSuccess());
            assertTrue(e.session.load(org.secplane.config.ConfigurationSession.LoadMode.MERGE_RELATIVE,
                    "commit {\n  file ex-script-snippet.xml; }\n", "ex-script-snippet.conf").isSuccess());
            e.assertCommits();
        }
    }

    @Test
    void pkiSelfSignedCertificateForWebManagementLoadsAsBraces() throws Exception {
        try (NetworkEngine e = new NetworkEngine(state)) {
            e.load("set interfaces ge-0/0/0 unit 0 family inet address 10.10.10.1/24");
            Outcome loaded = e.loadBraces("system {\n  services {\n    web-management {\n      http {\n"
                    + "        interface [ ge-0/0/0.0 ];\n      } https {\n        system-generated-certificate;\n"
                    + "        interface [ ge-0/0/0.0 ];\n      }\n    }\n  }\n}\n");
            assertTrue(loaded.isSuccess(), loaded.toString());
            e.assertCommits();
        }
    }
}
