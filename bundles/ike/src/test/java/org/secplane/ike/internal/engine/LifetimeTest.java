package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.secplane.crypto.Algorithm;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.policy.AuthMethod;
import org.secplane.ike.internal.policy.ChildProposalSpec;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.policy.IkeProposalSpec;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.Scenarios;
import org.secplane.ipsec.ChildSa;

/** Soft lifetimes rekey, hard lifetimes delete (D-14), for IKE and CHILD SAs, by time and by kilobytes. */
class LifetimeTest extends TwoPeerTests {

    static IkeProposalSpec ike(int lifetime) {
        return new IkeProposalSpec("ike", AuthMethod.PRE_SHARED_KEYS, Algorithm.AES_256_GCM_16, null, Algorithm.PRF_HMAC_SHA2_256,
                Algorithm.ECP_256, lifetime);
    }

    static ChildProposalSpec esp(int lifetime, long kilobytes, Algorithm pfs) {
        return new ChildProposalSpec("esp", Ike.PROTO_ESP, Algorithm.AES_256_GCM_16, null, pfs, lifetime, kilobytes);
    }

    static IkePolicy[] policies(int aliceIke, int bobIke, ChildProposalSpec aliceEsp, ChildProposalSpec bobEsp) {
        return new IkePolicy[] {Scenarios.pair(ike(aliceIke), aliceEsp)[0], Scenarios.pair(ike(bobIke), bobEsp)[1]};
    }

    @Test
    void theIkeSoftLifetimeRekeysTheIkeSaAndTheChildSasMoveToTheNewOne() {
        try (Peers p = established(new Peers(91), policies(180, 86400, esp(3600, 0, null), esp(3600, 0, null)))) {
            IkeSaInfo before = p.aliceIke().get(0);
            ChildSa child = only(p.aliceSas);
            p.clock.advance(148_000);
            assertEquals(0, p.wire.pending(), "soft = hard − min(600, hard/6) ± 5 %: not before 148.5 s");
            p.clock.advance(3_500);
            assertEquals(1, p.wire.pending(), "the rekey starts by 151.5 s");
            p.wire.deliverAll();
            IkeSaInfo after = p.aliceIke().get(0);
            assertEquals(1, p.aliceIke().size());
            assertEquals(1, p.bobIke().size());
            assertNotEquals(before.initiatorSpi(), after.initiatorSpi());
            assertNotEquals(before.index(), after.index());
            assertEquals(180, after.lifetimeRemainingSeconds(), "the new IKE SA has a whole lifetime");
            assertEquals(child.inboundSpi(), only(p.aliceSas).inboundSpi());
            assertEquals(after.index(), p.aliceChildren().get(0).ikeSaIndex());
        }
    }

    @Test
    void theIkeHardLifetimeDeletesTheIkeSaWhenNoRekeyHappened() {
        try (Peers p = established(new Peers(92), policies(180, 86400, esp(3600, 0, null), esp(3600, 0, null)))) {
            p.wire.blackhole(pk -> pk.exchange() == Ike.CREATE_CHILD_SA);
            p.clock.advance(179_000);
            p.wire.deliverAll();
            assertEquals("UP", p.aliceIke().get(0).state());
            p.clock.advance(1_000);
            p.wire.deliverAll();
            assertTrue(p.aliceIke().isEmpty());
            assertTrue(p.bobIke().isEmpty(), "bob got the Delete");
            assertTrue(p.aliceSas.installed.isEmpty());
            assertTrue(p.bobSas.installed.isEmpty());
        }
    }

    @Test
    void theChildSoftLifetimeRekeysKeepingTheTunnelId() {
        try (Peers p = established(new Peers(93), policies(28800, 28800, esp(180, 0, null), esp(3600, 0, null)))) {
            ChildSa old = only(p.aliceSas);
            assertEquals(180, old.lifetime().hardSeconds());
            assertTrue(old.lifetime().softSeconds() >= 148 && old.lifetime().softSeconds() <= 152);
            ChildSaInfo info = p.aliceChildren().get(0);
            assertEquals(180, info.hardLifetimeRemaining());
            p.clock.advance(152_000);
            p.wire.deliverAll();
            ChildSa now = only(p.aliceSas);
            assertNotEquals(old.inboundSpi(), now.inboundSpi());
            assertEquals(old.tunnelId(), now.tunnelId());
            assertMirrored(p);
            assertEquals(2, p.aliceIke().get(0).ipsecSasCreated());
            assertEquals(1, p.aliceIke().get(0).ipsecSasDeleted());
        }
    }

    @Test
    void theChildHardLifetimeDeletesTheChildSaWhenTheRekeyFailed() {
        // alice wants PFS for rekeys, bob has none: the rekey at the soft lifetime fails (D-06)
        try (Peers p = established(new Peers(94), policies(28800, 28800, esp(180, 0, Algorithm.ECP_256), esp(3600, 0, null)))) {
            p.clock.advance(152_000);
            p.wire.deliverAll();
            assertEquals(1, p.aliceSas.installed.size(), "the rekey failed, the SA stays");
            assertTrue(p.aliceChildren().get(0).softLifetimeRemaining() <= 0, "soft lifetime: Expired");
            p.clock.advance(28_000);
            p.wire.deliverAll();
            assertTrue(p.aliceSas.installed.isEmpty(), "deleted at the hard lifetime");
            assertTrue(p.bobSas.installed.isEmpty());
            assertEquals("UP", p.aliceIke().get(0).state());
        }
    }

    @Test
    void kilobyteLifetimesReportedByTheDataPlaneRekeyAtSoftAndDeleteAtHard() {
        try (Peers p = established(new Peers(95), policies(28800, 28800, esp(3600, 64, null), esp(3600, 64, null)))) {
            ChildSa first = only(p.aliceSas);
            assertEquals(64, first.lifetime().hardKilobytes());
            assertEquals(53, first.lifetime().softKilobytes(), "5/6 of the hard limit (D-14)");
            p.aliceSas.traffic(first.inboundSpi(), 10 * 1024, 20 * 1024);
            assertEquals(54, p.aliceChildren().get(0).lifesizeRemainingInbound());
            p.alice.expired(first, false);
            p.wire.deliverAll();
            ChildSa second = only(p.aliceSas);
            assertNotEquals(first.inboundSpi(), second.inboundSpi());
            p.alice.expired(second, true);
            p.wire.deliverAll();
            assertTrue(p.aliceSas.installed.isEmpty());
            assertTrue(p.bobSas.installed.isEmpty());
        }
    }

}
