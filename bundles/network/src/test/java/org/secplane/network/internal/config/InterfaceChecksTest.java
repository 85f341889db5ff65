package org.secplane.network.internal.config;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commit checks of [edit interfaces]: D-22 next-hop tunnel bindings, st0/sp-/es- specifics. */
class InterfaceChecksTest {

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

    /** E7 hub: two VPNs on multipoint st0.0, a static NHTB entry for the third-party spoke. */
    private void hub() {
        e.load("set interfaces st0 unit 0 family inet address 10.11.11.10/24",
                "set interfaces st0 unit 0 multipoint",
                "set interfaces st0 unit 0 family inet next-hop-tunnel 10.11.11.11 ipsec-vpn vpn-sunnyvale",
                "set security ipsec vpn vpn-westford bind-interface st0.0",
                "set security ipsec vpn vpn-sunnyvale bind-interface st0.0");
    }

    @Test
    void nextHopTunnelOnAMultipointUnitBoundToItsVpnCommits() {
        hub();
        e.assertCommits();
    }

    @Test
    void nextHopTunnelsForBothSpokesCommit() {
        hub();
        e.load("set interfaces st0 unit 0 family inet next-hop-tunnel 10.11.11.12 ipsec-vpn vpn-westford");
        e.assertCommits();
    }

    @Test
    void nextHopTunnelOnAPointToPointUnitFails() {
        hub();
        e.load("delete interfaces st0 unit 0 multipoint");
        e.assertCommitError("[edit interfaces st0 unit 0 family inet]", "'next-hop-tunnel 10.11.11.11'",
                "error: 'next-hop-tunnel' needs a multipoint unit; add 'set interfaces st0 unit 0 multipoint' (D-22)");
    }

    @Test
    void nextHopTunnelToAVpnBoundToAnotherUnitFails() {
        hub();
        e.load("set interfaces st0 unit 1 family inet address 10.12.12.1/24",
                "set security ipsec vpn vpn-sunnyvale bind-interface st0.1");
        e.assertCommitError("security ipsec vpn 'vpn-sunnyvale' is bound to st0.1, not to st0.0; a next-hop tunnel "
                + "binding needs a VPN bound to its unit (D-22)");
    }

    @Test
    void nextHopTunnelToAPolicyBasedVpnFails() {
        hub();
        e.load("delete security ipsec vpn vpn-sunnyvale bind-interface",
                "set security ipsec vpn vpn-sunnyvale ike gateway gw-sunnyvale");
        e.assertCommitError("security ipsec vpn 'vpn-sunnyvale' has no bind-interface; a next-hop tunnel binding on st0.0 "
                + "needs a VPN bound to st0.0 (D-22)");
    }

    @Test
    void nextHopTunnelToAnUndefinedVpnFails() {
        hub();
        e.load("set interfaces st0 unit 0 family inet next-hop-tunnel 10.11.11.13 ipsec-vpn vpn-nowhere");
        e.assertCommitError("security ipsec vpn 'vpn-nowhere' is not defined");
    }

    @Test
    void nextHopTunnelOutsideSt0Fails() {
        e.load("set interfaces ge-0/0/0 unit 0 family inet next-hop-tunnel 10.11.11.11 ipsec-vpn v",
                "set security ipsec vpn v bind-interface st0.0");
        e.assertCommitError("'next-hop-tunnel' is only supported on secure tunnel units (st0) (D-22)");
    }

    @Test
    void nextHopTunnelNeedsItsVpn() {
        e.load("set interfaces st0 unit 0 multipoint",
                "set interfaces st0 unit 0 family inet next-hop-tunnel 10.11.11.11");
        e.assertCommitError("Missing mandatory statement: 'ipsec-vpn'");
    }

    @Test
    void multipointOnlyOnSt0() {
        e.load("set interfaces ge-0/0/0 unit 0 multipoint");
        e.assertCommitError("'multipoint' is only supported on secure tunnel units (st0)");
    }

    @ParameterizedTest(name = "service-domain on {0}")
    @ValueSource(strings = {"sp-3/1/0", "ms-1/2/0"})
    void serviceDomainOnServicesPicUnitsCommits(String device) {
        e.load("set interfaces " + device + " unit 1 family inet", "set interfaces " + device + " unit 1 service-domain inside");
        e.assertCommits();
    }

    @Test
    void serviceDomainOnAnEthernetUnitFails() {
        e.load("set interfaces ge-0/0/0 unit 1 service-domain inside");
        e.assertCommitError("'service-domain' is only supported on services PIC units (sp-, ms-)");
    }

    @Test
    void esTunnelWithATunnelModeSaCommits() {
        e.load("set security ipsec security-association sa-tun mode tunnel",
                "set security ipsec security-association sa-tun dynamic ipsec-policy p1",
                "set interfaces es-1/2/0 unit 0 tunnel source 10.5.5.5",
                "set interfaces es-1/2/0 unit 0 tunnel destination 10.6.6.6",
                "set interfaces es-1/2/0 unit 0 family inet ipsec-sa sa-tun",
                "set interfaces es-1/2/0 mtu 3899");
        e.assertCommits();
    }

    @Test
    void ipsecSaOutsideEsInterfacesFails() {
        e.load("set security ipsec security-association s mode tunnel",
                "set interfaces ge-0/0/0 unit 0 family inet ipsec-sa s");
        e.assertCommitError("'ipsec-sa' is only supported on ES PIC tunnel interfaces (es-)");
    }

    @Test
    void ipsecSaNamingAnUndefinedSaFails() {
        e.load("set interfaces es-1/2/0 unit 0 family inet ipsec-sa nope");
        e.assertCommitError("security ipsec security-association 'nope' is not defined");
    }

    @Test
    void esMtuOf3900Fails() {
        e.load("set interfaces es-1/2/0 mtu 3900");
        e.assertCommitError("the MTU of an ES PIC interface must stay below 3900 bytes");
    }

    @Test
    void twoPrimaryAddressesFail() {
        e.load("set interfaces ge-0/0/0 unit 0 family inet address 10.0.0.1/24 primary",
                "set interfaces ge-0/0/0 unit 0 family inet address 10.0.1.1/24 primary");
        e.assertCommitError("only one address of ge-0/0/0.0 family inet can be primary");
    }

    @Test
    void onePrimaryAddressCommits() {
        e.load("set interfaces ge-0/0/0 unit 0 family inet address 10.0.0.1/24 primary",
                "set interfaces ge-0/0/0 unit 0 family inet address 10.0.1.1/24");
        e.assertCommits();
    }
}
