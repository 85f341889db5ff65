package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.secplane.ike.internal.policy.Identity;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.policy.PeerConfig;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.Scenarios;

/** A PSK or identity mismatch: AUTHENTICATION_FAILED, nothing installed, a clear reason kept on both sides. */
class AuthenticationFailureTest extends TwoPeerTests {

    static IkePolicy with(IkePolicy p, UnaryOperator<PeerConfig.Builder> change) {
        PeerConfig g = change.apply(p.gateways.values().iterator().next().toBuilder()).build();
        return new IkePolicy(List.of(g), List.copyOf(p.vpns.values()), 5);
    }

    @Test
    void aPskMismatchFailsWithAuthenticationFailedAndTheReasonIsKept() {
        try (Peers p = new Peers(61)) {
            IkePolicy[] s = Scenarios.ecp256Gcm();
            p.apply(s[0], with(s[1], b -> b.preSharedKey("another secret"::getBytes)));
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            assertTrue(p.aliceIke().isEmpty());
            assertTrue(p.bobIke().isEmpty());
            assertTrue(p.aliceSas.history.isEmpty());
            assertTrue(p.bobSas.history.isEmpty(), "nothing was installed, not even for a moment");
            AuthFailure atBob = p.bob.authenticationFailures().get("gw-alice");
            assertTrue(atBob.reason().startsWith("pre-shared key mismatch"), atBob.reason());
            assertEquals(Peers.ALICE, atBob.remote());
            AuthFailure atAlice = p.alice.authenticationFailures().get("gw-bob");
            assertTrue(atAlice.reason().contains("AUTHENTICATION_FAILED"), atAlice.reason());
            assertFalse(atAlice.reason().contains("interop-test-psk"), "no secret in the reason");
        }
    }

    @Test
    void aPeerIdentityOtherThanRemoteIdentityFails() {
        try (Peers p = new Peers(62)) {
            IkePolicy[] s = Scenarios.ecp256Gcm();
            p.apply(with(s[0], b -> b.localIdentity(Identity.email("branch_natt1@juniper.net"))),
                    with(s[1], b -> b.remoteIdentity(Identity.email("someone-else@juniper.net"))));
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            assertTrue(p.bobIke().isEmpty());
            String reason = p.bob.authenticationFailures().get("gw-alice").reason();
            assertTrue(reason.contains("branch_natt1@juniper.net") && reason.contains("remote-identity"), reason);
        }
    }

    @Test
    void identitiesAsConfiguredAreExchangedAndShown() {
        try (Peers p = new Peers(63)) {
            IkePolicy[] s = Scenarios.ecp256Gcm();
            p.apply(with(s[0], b -> b.localIdentity(Identity.email("branch_natt1@juniper.net"))
                            .remoteIdentity(Identity.email("responder_natt1@juniper.net"))),
                    with(s[1], b -> b.localIdentity(Identity.email("responder_natt1@juniper.net"))
                            .remoteIdentity(Identity.email("branch_natt1@juniper.net"))));
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            assertEquals("responder_natt1@juniper.net", p.aliceIke().get(0).peerIkeId());
            assertEquals("branch_natt1@juniper.net", p.bobIke().get(0).peerIkeId());
            assertEquals("branch_natt1@juniper.net", p.aliceIke().get(0).localIdentity());
        }
    }

    @Test
    void theInitiatorRejectingTheRespondersIdentityTellsTheResponder() {
        try (Peers p = new Peers(64)) {
            IkePolicy[] s = Scenarios.ecp256Gcm();
            p.apply(with(s[0], b -> b.remoteIdentity(Identity.fqdn("bob.example.test"))), s[1]);
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            assertTrue(p.aliceIke().isEmpty());
            assertTrue(p.bobIke().isEmpty(), "bob deleted the SA alice refused");
            assertTrue(p.bobSas.installed.isEmpty());
            assertTrue(p.alice.authenticationFailures().get("gw-bob").reason().contains("remote-identity"));
            assertTrue(p.bob.authenticationFailures().get("gw-alice").reason().contains("AUTHENTICATION_FAILED"));
        }
    }
}
