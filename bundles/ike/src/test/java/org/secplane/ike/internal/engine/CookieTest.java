package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.Message;
import org.secplane.ike.internal.message.MessageCodec;
import org.secplane.ike.internal.message.NotifyPayload;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.Scenarios;
import org.secplane.ike.internal.testkit.Wire;

/** RFC 7296 §2.6 cookies, both ways: each engine as the responder that challenges and as the initiator that answers. */
class CookieTest extends TwoPeerTests {

    @ParameterizedTest(name = "{0} initiates")
    @ValueSource(strings = {"alice", "bob"})
    void aResponderAboveItsHalfOpenThresholdChallengesAndTheInitiatorAnswersWithTheCookie(String initiator) throws Exception {
        try (Peers p = new Peers(31, s -> s.cookieThreshold = 0)) {
            var policies = Scenarios.ecp256Gcm();
            p.apply(policies[0], policies[1]);
            boolean alice = initiator.equals("alice");
            IkeEngine responder = alice ? p.bob : p.alice;
            (alice ? p.alice : p.bob).initiate(alice ? "vpn-bob" : "vpn-alice");
            Wire.Packet first = p.wire.deliverNext();
            Wire.Packet challenge = p.wire.peek();
            Message c = MessageCodec.decode(challenge.data, 0, challenge.data.length);
            assertEquals(Ike.IKE_SA_INIT, c.exchange);
            assertEquals(0, c.spiR, "the challenge carries no responder SPI");
            assertEquals(1, c.payloads.size());
            assertEquals(Ike.COOKIE, ((NotifyPayload) c.payloads.get(0)).notifyType);
            assertTrue((alice ? p.bobIke() : p.aliceIke()).isEmpty(), "the responder keeps no state for it");
            p.wire.deliverNext();
            Wire.Packet retry = p.wire.peek();
            Message r = MessageCodec.decode(retry.data, 0, retry.data.length);
            NotifyPayload echoed = (NotifyPayload) r.payloads.get(0);
            assertEquals(Ike.COOKIE, echoed.notifyType, "the COOKIE comes first in the retried request");
            assertTrue(Arrays.equals(((NotifyPayload) c.payloads.get(0)).data, echoed.data));
            Message f = MessageCodec.decode(first.data, 0, first.data.length);
            assertEquals(f.spiI, r.spiI, "same SPI");
            assertTrue(Arrays.equals(f.nonce().nonce, r.nonce().nonce), "same nonce");
            p.wire.deliverAll();
            assertEquals("UP", p.aliceIke().get(0).state());
            assertEquals("UP", p.bobIke().get(0).state());
            assertEquals(1, drops(responder, DropReason.COOKIE_REQUIRED));
            assertMirrored(p);
        }
    }

    @ParameterizedTest(name = "cookie threshold per IP {0}")
    @ValueSource(ints = {0})
    void aWrongCookieIsChallengedAgain(int threshold) throws Exception {
        try (Peers p = new Peers(32, s -> s.cookieThresholdPerIp = threshold)) {
            var policies = Scenarios.ecp256Gcm();
            p.apply(policies[0], policies[1]);
            p.alice.initiate("vpn-bob");
            p.wire.deliverNext();
            p.wire.deliverNext();
            Wire.Packet retry = p.wire.dropNext();
            byte[] forged = retry.data.clone();
            forged[40] ^= 1; // inside the cookie value
            p.bob.receive(forged, 0, forged.length, retry.to, retry.from);
            assertEquals(2, drops(p.bob, DropReason.COOKIE_REQUIRED));
            assertTrue(p.bobIke().isEmpty());
        }
    }
}
