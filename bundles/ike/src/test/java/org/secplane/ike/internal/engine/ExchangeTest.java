package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.Scenarios;
import org.secplane.ike.internal.testkit.Wire;
import org.secplane.ipsec.ChildSa;

/** IKE_SA_INIT and IKE_AUTH step by step, both sides' states asserted after every message. */
class ExchangeTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ecp256-gcm", "modp2048-cbc"})
    void initAndAuthEstablishTheIkeSaAndTheFirstChildSaOnBothSides(String scenario) {
        IkePolicy[] policies = scenario.equals("ecp256-gcm") ? Scenarios.ecp256Gcm() : Scenarios.modp2048Cbc();
        try (Peers p = new Peers(11)) {
            p.apply(policies[0], policies[1]);
            assertTrue(p.alice.initiate("vpn-bob"));

            // 1: IKE_SA_INIT request
            Wire.Packet m1 = p.wire.peek();
            assertEquals(Ike.IKE_SA_INIT, m1.exchange());
            assertFalse(m1.response());
            assertEquals("CONNECTING", p.aliceIke().get(0).detailedState());
            assertEquals("DOWN", p.aliceIke().get(0).state());
            assertTrue(p.bobIke().isEmpty());
            p.wire.deliverNext();

            // 2: IKE_SA_INIT response; bob has a half-open SA
            assertEquals(1, p.bobIke().size());
            assertEquals("AUTHENTICATING", p.bobIke().get(0).detailedState());
            assertEquals("Responder", p.bobIke().get(0).role());
            assertEquals(Ike.IKE_SA_INIT, p.wire.peek().exchange());
            assertTrue(p.wire.peek().response());
            p.wire.deliverNext();

            // 3: IKE_AUTH request; alice knows both SPIs now
            IkeSaInfo a = p.aliceIke().get(0);
            IkeSaInfo b = p.bobIke().get(0);
            assertEquals("AUTHENTICATING", a.detailedState());
            assertEquals(b.initiatorSpi(), a.initiatorSpi());
            assertEquals(b.responderSpi(), a.responderSpi());
            assertNotEquals(0, a.responderSpi());
            assertEquals(Ike.IKE_AUTH, p.wire.peek().exchange());
            assertTrue(p.aliceChildren().isEmpty());
            p.wire.deliverNext();

            // 4: IKE_AUTH response; bob is up and has installed the CHILD SA
            b = p.bobIke().get(0);
            assertEquals("UP", b.state());
            assertEquals("IKE SA is created", b.flags());
            assertEquals("10.0.0.1", b.peerIkeId());
            assertEquals(1, p.bobSas.installed.size());
            assertEquals("DOWN", p.aliceIke().get(0).state());
            assertTrue(p.wire.peek().response());
            p.wire.deliverNext();
            assertEquals(0, p.wire.pending());

            a = p.aliceIke().get(0);
            assertEquals("UP", a.state());
            assertEquals("Initiator", a.role());
            assertEquals("IKEv2", a.exchangeType());
            assertEquals("10.0.0.2", a.peerIkeId());
            assertEquals("Pre-shared-keys", a.authenticationMethod());
            assertEquals(scenario.equals("ecp256-gcm") ? "aes-256-gcm" : "aes-128-cbc", a.encryption());
            assertEquals(scenario.equals("ecp256-gcm") ? "None" : "hmac-sha-256-128", a.integrity());
            assertEquals("hmac-sha256", a.prf());
            assertEquals(scenario.equals("ecp256-gcm") ? "group19" : "group14", a.dhGroup());
            assertEquals(28800, a.lifetimeRemainingSeconds());
            assertEquals(2, a.outputPackets());
            assertEquals(2, a.inputPackets());
            assertEquals(1, a.ipsecSasCreated());

            // the CHILD SA pair mirrors on both sides, keys included
            ChildSa ac = p.aliceSas.installed.values().iterator().next();
            ChildSa bc = p.bobSas.installed.values().iterator().next();
            assertEquals(ac.inboundSpi(), bc.outboundSpi());
            assertEquals(ac.outboundSpi(), bc.inboundSpi());
            assertArrayEquals(ac.outboundEncryptionKey(), bc.inboundEncryptionKey());
            assertArrayEquals(ac.inboundEncryptionKey(), bc.outboundEncryptionKey());
            if (ac.integrity() != null) {
                assertArrayEquals(ac.outboundIntegrityKey(), bc.inboundIntegrityKey());
                assertArrayEquals(ac.inboundIntegrityKey(), bc.outboundIntegrityKey());
            }
            assertEquals(0, ac.localPort());
            assertEquals(64, ac.replayWindow());
            List<ChildSaInfo> children = p.aliceChildren();
            assertEquals(1, children.size());
            assertEquals(IkeEngine.FIRST_TUNNEL_ID, children.get(0).tunnelId());
            assertEquals("ipv4_subnet(any:0,[0..7]=10.1.0.0/16)", children.get(0).localIdentity());
            assertEquals("ipv4_subnet(any:0,[0..7]=10.2.0.0/16)", children.get(0).remoteIdentity());
            assertEquals(500, children.get(0).port());
            assertEquals("None", children.get(0).pfsGroup(), "no PFS in IKE_AUTH");
            assertEquals(0, p.alice.dropCounters().values().stream().mapToLong(Long::longValue).sum());
            assertEquals(0, p.bob.dropCounters().values().stream().mapToLong(Long::longValue).sum());
        }
    }
}
