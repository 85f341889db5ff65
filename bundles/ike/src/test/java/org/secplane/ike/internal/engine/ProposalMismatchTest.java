package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.secplane.crypto.Algorithm;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.policy.ChildProposalSpec;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.Policies;
import org.secplane.ike.internal.testkit.Scenarios;
import org.secplane.ipsec.ChildSa;

/** NO_PROPOSAL_CHOSEN for the IKE SA and for CHILD SAs, and D-06: PFS groups must match exactly. */
class ProposalMismatchTest extends TwoPeerTests {

    static ChildProposalSpec esp(Algorithm pfs) {
        return new ChildProposalSpec("esp", Ike.PROTO_ESP, Algorithm.AES_128_CBC, Algorithm.HMAC_SHA1_96, pfs, 3600, 0);
    }

    @Test
    void noCommonIkeProposalEndsInNoProposalChosen() {
        IkePolicy[] a = Scenarios.pair(Policies.ike(Algorithm.TDES_CBC, Algorithm.HMAC_SHA1_96, Algorithm.PRF_HMAC_SHA1,
                Algorithm.MODP_1024), Policies.espCbc());
        IkePolicy[] b = Scenarios.ecp256Gcm();
        try (Peers p = new Peers(71)) {
            p.apply(a[0], b[1]);
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            assertTrue(p.aliceIke().isEmpty());
            assertTrue(p.bobIke().isEmpty());
            assertTrue(p.alice.authenticationFailures().get("gw-bob").reason().contains("NO_PROPOSAL_CHOSEN"));
            assertTrue(p.bob.authenticationFailures().get("gw-alice").reason().contains("no IKE proposal"));
        }
    }

    @Test
    void noCommonIpsecProposalLeavesTheIkeSaUpWithoutChildSa() {
        IkePolicy[] a = Scenarios.pair(Policies.ecp256Gcm(), Policies.espCbc());
        IkePolicy[] b = Scenarios.pair(Policies.ecp256Gcm(), Policies.espGcm());
        try (Peers p = new Peers(72)) {
            p.apply(a[0], b[1]);
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            assertEquals("UP", p.aliceIke().get(0).state());
            assertEquals("UP", p.bobIke().get(0).state());
            assertTrue(p.aliceSas.installed.isEmpty());
            assertTrue(p.bobSas.installed.isEmpty());
            assertTrue(p.alice.childFailures().get("vpn-bob").contains("NO_PROPOSAL_CHOSEN"));
            assertTrue(p.bob.childFailures().get("vpn-alice").contains("NO_PROPOSAL_CHOSEN"));
        }
    }

    @Test
    void pfsOnOneSideOnlyFailsEveryCreateChildSaWithNoProposalChosen() {
        // D-06 (E3 verbatim): the responder wants PFS group 2, the initiator none. The first CHILD SA, made in
        // IKE_AUTH without a key exchange (RFC 7296 §1.2), comes up; its rekey, a CREATE_CHILD_SA, must not.
        IkePolicy[] a = Scenarios.pair(Policies.ecp256Gcm(), esp(null));
        IkePolicy[] b = Scenarios.pair(Policies.ecp256Gcm(), esp(Algorithm.MODP_1024));
        try (Peers p = new Peers(73)) {
            p.apply(a[0], b[1]);
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            ChildSa first = only(p.aliceSas);
            p.alice.rekeyChildSecurityAssociations(IkeEngine.FIRST_TUNNEL_ID);
            p.wire.deliverAll();
            assertTrue(p.alice.childFailures().get("vpn-bob").contains("NO_PROPOSAL_CHOSEN"));
            assertEquals(first.inboundSpi(), only(p.aliceSas).inboundSpi(), "the old pair stays until its hard lifetime");
            assertEquals("INSTALLED", p.aliceChildren().get(0).negotiationState());
        }
    }

    @Test
    void differentPfsGroupsFailTheRekeyToo() {
        IkePolicy[] a = Scenarios.pair(Policies.ecp256Gcm(), esp(Algorithm.ECP_256));
        IkePolicy[] b = Scenarios.pair(Policies.ecp256Gcm(), esp(Algorithm.MODP_2048));
        try (Peers p = new Peers(74)) {
            p.apply(a[0], b[1]);
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            p.alice.rekeyChildSecurityAssociations(IkeEngine.FIRST_TUNNEL_ID);
            p.wire.deliverAll();
            assertTrue(p.alice.childFailures().get("vpn-bob").contains("NO_PROPOSAL_CHOSEN"),
                    p.alice.childFailures().toString());
        }
    }

    @Test
    void matchingPfsRekeysWithAKeyExchange() {
        IkePolicy[] s = Scenarios.pair(Policies.ecp256Gcm(), esp(Algorithm.ECP_256));
        try (Peers p = established(new Peers(75), s)) {
            p.alice.rekeyChildSecurityAssociations(IkeEngine.FIRST_TUNNEL_ID);
            p.wire.deliverAll();
            assertEquals("group19", p.aliceChildren().get(0).pfsGroup());
            assertMirrored(p);
        }
    }

}
