package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.Message;
import org.secplane.ike.internal.message.MessageCodec;
import org.secplane.ike.internal.message.NotifyPayload;
import org.secplane.ike.internal.message.RawPayload;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.Scenarios;
import org.secplane.ike.internal.testkit.Wire;

/**
 * Malformed, truncated, oversized, forged and out-of-order messages: dropped and counted per reason, with no
 * change to the SA they were aimed at (the genuine exchange still completes afterwards), and nothing thrown.
 */
class MalformedMessageTest extends TwoPeerTests {

    static Stream<Arguments> defects() {
        return Stream.of(
                Arguments.of("truncated", (Function<byte[], byte[]>) b -> Arrays.copyOf(b, 20), DropReason.TRUNCATED),
                Arguments.of("cut short", (Function<byte[], byte[]>) b -> Arrays.copyOf(b, b.length - 5), DropReason.TRUNCATED),
                Arguments.of("oversized", (Function<byte[], byte[]>) b -> Arrays.copyOf(b, 70_000), DropReason.OVERSIZED),
                Arguments.of("bytes beyond the length", (Function<byte[], byte[]>) b -> Arrays.copyOf(b, b.length + 3),
                        DropReason.BAD_LENGTH),
                Arguments.of("IKEv1", (Function<byte[], byte[]>) b -> set(b, 17, 0x10), DropReason.IKEV1),
                Arguments.of("unknown SPI", (Function<byte[], byte[]>) b -> set(b, 9, b[9] ^ 0x55), DropReason.UNKNOWN_SPI),
                Arguments.of("ICV broken", (Function<byte[], byte[]>) b -> set(b, b.length - 1, b[b.length - 1] ^ 1),
                        DropReason.INTEGRITY_CHECK_FAILED),
                Arguments.of("ciphertext changed", (Function<byte[], byte[]>) b -> set(b, 40, b[40] ^ 0x80),
                        DropReason.INTEGRITY_CHECK_FAILED),
                Arguments.of("message ID ahead", (Function<byte[], byte[]>) b -> set(b, 23, 5), DropReason.OUT_OF_WINDOW),
                Arguments.of("response flag", (Function<byte[], byte[]>) b -> set(b, 19, b[19] | 0x20),
                        DropReason.UNEXPECTED_RESPONSE),
                Arguments.of("wrong initiator flag", (Function<byte[], byte[]>) b -> set(b, 19, b[19] & ~0x08),
                        DropReason.UNKNOWN_SPI),
                Arguments.of("payload length beyond the message", (Function<byte[], byte[]>) b -> set(b, 30, 0x7f),
                        DropReason.TRUNCATED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void aDefectiveIkeAuthIsDroppedAndCountedWithoutStateChange(String what, Function<byte[], byte[]> defect, DropReason reason) {
        try (Peers p = new Peers(121)) {
            var s = Scenarios.ecp256Gcm();
            p.apply(s[0], s[1]);
            p.alice.initiate("vpn-bob");
            p.wire.deliverNext();
            p.wire.deliverNext();
            Wire.Packet auth = p.wire.peek();
            IkeSaInfo before = p.bobIke().get(0);
            byte[] bad = defect.apply(auth.data);
            p.bob.receive(bad, 0, bad.length, auth.to, auth.from);
            assertEquals(1, drops(p.bob, reason), what + ": " + p.bob.dropCounters());
            assertEquals(1, allDrops(p.bob), "counted once, under one reason");
            IkeSaInfo after = p.bobIke().get(0);
            assertEquals(before, after, "no state change");
            p.wire.deliverAll();
            assertEquals("UP", p.bobIke().get(0).state(), "the genuine message still works");
            assertMirrored(p);
        }
    }

    @Test
    void twentyThousandMutatedRequestsChangeNothingAndThrowNothing() {
        try (Peers p = established(122)) {
            p.alice.rekeyChildSecurityAssociations(IkeEngine.FIRST_TUNNEL_ID);
            Wire.Packet rekey = p.wire.dropNext();
            IkeSaInfo before = p.bobIke().get(0);
            SplittableRandom random = new SplittableRandom(122);
            for (int i = 0; i < 20_000; i++) {
                byte[] m = mutate(rekey.data, random);
                p.bob.receive(m, 0, m.length, rekey.to, rekey.from);
            }
            assertEquals(0, drops(p.bob, DropReason.INTERNAL_ERROR));
            assertEquals(20_000, allDrops(p.bob), "every one dropped and counted");
            assertEquals(before, p.bobIke().get(0));
            assertEquals(1, p.bobSas.installed.size());
            assertEquals(0, p.wire.pending(), "nothing answered");
            p.bob.receive(rekey.data, 0, rekey.data.length, rekey.to, rekey.from);
            p.wire.deliverAll();
            assertMirrored(p);
            assertEquals(2, p.aliceIke().get(0).ipsecSasCreated());
        }
    }

    @Test
    void anOldRequestReplayedLaterIsOutOfWindow() {
        try (Peers p = established(123)) {
            Wire.Packet init = p.wire.delivered.get(0);
            p.alice.rekeyChildSecurityAssociations(IkeEngine.FIRST_TUNNEL_ID);
            p.wire.deliverAll();
            Wire.Packet oldAuth = p.wire.delivered.get(2);
            long retransmitted = drops(p.bob, DropReason.RETRANSMITTED_REQUEST);
            p.bob.receive(oldAuth.data, 0, oldAuth.data.length, oldAuth.to, oldAuth.from);
            assertEquals(1, drops(p.bob, DropReason.OUT_OF_WINDOW));
            assertEquals(retransmitted, drops(p.bob, DropReason.RETRANSMITTED_REQUEST));
            p.bob.receive(init.data, 0, init.data.length, init.to, init.from);
            assertEquals(2, drops(p.bob, DropReason.OUT_OF_WINDOW), "IKE_SA_INIT of an established SA");
            assertEquals(0, p.wire.pending());
            assertEquals(1, p.bobIke().size());
        }
    }

    @Test
    void aResponseToNothingIsDropped() {
        try (Peers p = established(124)) {
            Wire.Packet authResponse = p.wire.delivered.get(3);
            p.alice.receive(authResponse.data, 0, authResponse.data.length, authResponse.to, authResponse.from);
            assertEquals(1, drops(p.alice, DropReason.UNEXPECTED_RESPONSE));
            assertEquals("UP", p.aliceIke().get(0).state());
        }
    }

    @Test
    void anUnknownCriticalPayloadInIkeSaInitIsAnsweredAndNothingIsKept() throws Exception {
        try (Peers p = new Peers(125)) {
            var s = Scenarios.ecp256Gcm();
            p.apply(s[0], s[1]);
            Message m = new Message(0x1234, 0, Ike.IKE_SA_INIT, Ike.FLAG_INITIATOR, 0);
            m.add(new RawPayload(222, true, new byte[4]));
            byte[] bytes = MessageCodec.encodePlain(m);
            p.bob.receive(bytes, 0, bytes.length, new InetSocketAddress(Peers.BOB, 500), new InetSocketAddress(Peers.ALICE, 500));
            assertEquals(1, drops(p.bob, DropReason.UNSUPPORTED_CRITICAL_PAYLOAD));
            assertTrue(p.bobIke().isEmpty());
            Wire.Packet answer = p.wire.dropNext();
            Message a = MessageCodec.decode(answer.data, 0, answer.data.length);
            NotifyPayload n = a.notify(Ike.UNSUPPORTED_CRITICAL_PAYLOAD);
            assertEquals(222, n.data[0] & 0xFF);
        }
    }

    @Test
    void onTheNatTPortOnlyMarkedIkeIsIke() {
        try (Peers p = established(126)) {
            InetSocketAddress local = new InetSocketAddress(Peers.BOB, 4500);
            InetSocketAddress remote = new InetSocketAddress(Peers.ALICE, 4500);
            byte[] esp = {0x12, 0x34, 0x56, 0x78, 0, 0, 0, 1, 9, 9, 9, 9};
            p.bob.receive(esp, 0, esp.length, local, remote);
            p.bob.receive(new byte[] {(byte) 0xFF}, 0, 1, local, remote);
            assertEquals(1, drops(p.bob, DropReason.NOT_IKE));
            assertEquals(1, drops(p.bob, DropReason.NAT_KEEPALIVE));
        }
    }

    @Test
    void ikeSaInitFromAnAddressWithoutGatewayIsDropped() {
        try (Peers p = new Peers(127)) {
            var s = Scenarios.ecp256Gcm();
            p.apply(s[0], s[1]);
            p.alice.initiate("vpn-bob");
            Wire.Packet init = p.wire.dropNext();
            p.bob.receive(init.data, 0, init.data.length, init.to, new InetSocketAddress("10.9.9.9", 500));
            assertEquals(1, drops(p.bob, DropReason.NO_GATEWAY));
            assertTrue(p.bobIke().isEmpty());
            assertEquals(0, p.wire.pending());
        }
    }

    private static byte[] set(byte[] b, int at, int value) {
        byte[] c = b.clone();
        c[at] = (byte) value;
        return c;
    }

    private static byte[] mutate(byte[] original, SplittableRandom r) {
        byte[] m = original.clone();
        switch (r.nextInt(5)) {
            case 0: m[r.nextInt(m.length)] ^= (byte) (1 << r.nextInt(8)); break;
            case 1: m = Arrays.copyOf(m, r.nextInt(m.length)); break;
            case 2: m[28 + r.nextInt(m.length - 28)] = (byte) r.nextInt(256); break;
            case 3: { int at = r.nextInt(m.length - 1); m[at] = (byte) 0xFF; m[at + 1] = (byte) 0xFF; break; }
            default: m = Arrays.copyOf(m, m.length + 1 + r.nextInt(40)); break;
        }
        return Arrays.equals(m, original) ? Arrays.copyOf(m, m.length - 1) : m;
    }

}
