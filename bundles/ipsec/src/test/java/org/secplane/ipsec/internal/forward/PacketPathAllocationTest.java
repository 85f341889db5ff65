package org.secplane.ipsec.internal.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.ipsec.ChildSa;

/**
 * What one packet allocates on the way out through one data plane and in through another, measured on the
 * packet thread with the product's crypto registry (its failover handles over the JCA provider): nothing for
 * CBC with HMAC and for AH (a few bytes per packet of noise are allowed); for AES-GCM only what SunJCE
 * allocates inside {@code Cipher.init} on each side (the JDK 17 API gives no way around it), bounded here so
 * that nothing of the data plane's own adds to it.
 */
class PacketPathAllocationTest {

    static Stream<Arguments> transforms() {
        return Stream.of(
                Arguments.of(50, Algorithm.AES_128_CBC, Algorithm.HMAC_SHA2_256_128, 16),
                Arguments.of(50, Algorithm.TDES_CBC, Algorithm.HMAC_SHA1_96, 16),
                Arguments.of(51, null, Algorithm.HMAC_SHA1_96, 16),
                Arguments.of(50, Algorithm.AES_128_GCM_16, null, 3000),
                Arguments.of(50, Algorithm.AES_256_GCM_16, null, 3000));
    }

    @ParameterizedTest(name = "protocol {0}: {1} {2}")
    @MethodSource("transforms")
    void aRoundTripAllocatesNothingOfTheDataPlanesOwn(int protocol, Algorithm cipher, Algorithm mac, long bytesPerPacket)
            throws Exception {
        CryptoRegistry crypto = TestCrypto.ranking();
        try (PacketLoop loop = new PacketLoop(crypto, sa(protocol, cipher, mac, 0x1001, 0x2001, "1.1.1.2", "1.1.1.1"),
                sa(protocol, cipher, mac, 0x2001, 0x1001, "1.1.1.1", "1.1.1.2"))) {
            byte[] packet = Packets.ping("10.10.10.10", "192.168.168.10", 1, 1372);
            for (int i = 0; i < 30_000; i++) { // let the JIT settle
                assertEquals(packet.length, loop.roundTrip(packet, packet.length));
            }
            assertArrayEquals(packet, Arrays.copyOf(loop.lastDelivered(), packet.length));
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long thread = Thread.currentThread().getId();
            int packets = 20_000;
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < packets; i++) {
                loop.roundTrip(packet, packet.length);
            }
            long perPacket = (threads.getThreadAllocatedBytes(thread) - before) / packets;
            System.out.printf("%s %s: %d bytes allocated per round trip%n", cipher, mac, perPacket);
            assertTrue(perPacket <= bytesPerPacket, perPacket + " bytes allocated per packet (out and in)");
        }
    }

    static ChildSa sa(int protocol, Algorithm cipher, Algorithm mac, long in, long out, String local, String remote) {
        byte[] encryption = cipher == null ? null : new byte[cipher.keySize() + cipher.saltSize()];
        byte[] integrity = mac == null ? null : new byte[mac.keySize()];
        if (encryption != null) {
            Arrays.fill(encryption, (byte) 7);
        }
        if (integrity != null) {
            Arrays.fill(integrity, (byte) 9);
        }
        return TestSas.cbc(local, remote, in, out).protocol(protocol).algorithms(cipher, mac)
                .inboundKeys(encryption == null ? null : encryption.clone(), integrity == null ? null : integrity.clone())
                .outboundKeys(encryption, integrity).build();
    }
}
