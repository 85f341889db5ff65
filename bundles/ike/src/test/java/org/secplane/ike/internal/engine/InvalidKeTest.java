package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.secplane.crypto.Algorithm;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.Message;
import org.secplane.ike.internal.message.MessageCodec;
import org.secplane.ike.internal.message.NotifyPayload;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.policy.IkeProposalSpec;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.Policies;
import org.secplane.ike.internal.testkit.Scenarios;

/** INVALID_KE_PAYLOAD (RFC 7296 §1.2): the initiator retries in the group the responder names. */
class InvalidKeTest extends TwoPeerTests {

    @Test
    void theInitiatorRetriesInTheGroupTheResponderAsksFor() throws Exception {
        IkeProposalSpec modp = Policies.modp2048Cbc();
        IkeProposalSpec ecp = Policies.ike(Algorithm.AES_128_CBC, Algorithm.HMAC_SHA2_256_128, Algorithm.PRF_HMAC_SHA2_256,
                Algorithm.ECP_256);
        IkePolicy[] a = Scenarios.pair(modp, Policies.espCbc());
        IkePolicy[] b = Scenarios.pair(ecp, Policies.espCbc());
        IkePolicy alice = new IkePolicy(List.of(a[0].gateways.values().iterator().next().toBuilder().proposals(List.of(modp, ecp))
                .build()), List.copyOf(a[0].vpns.values()), 5);
        try (Peers p = new Peers(41)) {
            p.apply(alice, b[1]);
            p.alice.initiate("vpn-bob");
            Message first = decode(p.wire.deliverNext().data);
            assertEquals(14, first.ke().group, "alice starts with her first proposal's group");
            Message answer = decode(p.wire.peek().data);
            NotifyPayload n = answer.notify(Ike.INVALID_KE_PAYLOAD);
            assertEquals(2, n.data.length);
            assertEquals(19, n.data[1]);
            assertTrue(p.bobIke().isEmpty(), "bob keeps nothing");
            p.wire.deliverNext();
            Message retry = decode(p.wire.peek().data);
            assertEquals(19, retry.ke().group);
            assertEquals(0, retry.messageId);
            assertEquals(first.spiI, retry.spiI);
            p.wire.deliverAll();
            assertEquals("group19", p.aliceIke().get(0).dhGroup());
            assertEquals("UP", p.bobIke().get(0).state());
            assertMirrored(p);
        }
    }

    @Test
    void aGroupTheInitiatorDoesNotHaveEndsTheAttempt() {
        IkePolicy[] a = Scenarios.pair(Policies.modp2048Cbc(), Policies.espCbc());
        IkePolicy[] b = Scenarios.pair(Policies.ike(Algorithm.AES_128_CBC, Algorithm.HMAC_SHA2_256_128,
                Algorithm.PRF_HMAC_SHA2_256, Algorithm.ECP_256), Policies.espCbc());
        try (Peers p = new Peers(42)) {
            p.apply(a[0], b[1]);
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            assertTrue(p.aliceIke().isEmpty());
            assertTrue(p.alice.authenticationFailures().get("gw-bob").reason().contains("NO_PROPOSAL_CHOSEN"));
            assertTrue(p.bob.authenticationFailures().get("gw-alice").reason().contains("no IKE proposal"));
        }
    }

    private static Message decode(byte[] b) throws Exception {
        return MessageCodec.decode(b, 0, b.length);
    }
}
