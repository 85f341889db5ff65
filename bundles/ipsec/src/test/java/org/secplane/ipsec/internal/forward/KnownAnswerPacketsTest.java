package org.secplane.ipsec.internal.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secplane.ipsec.internal.forward.Packets.hex;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.crypto.Algorithm;
import org.secplane.driver.simulator.internal.SimulatedNetwork;
import org.secplane.driver.simulator.internal.SimulatedTunnel;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.Lifetime;
import org.secplane.ipsec.internal.esp.IvSource;
import org.secplane.ipsec.internal.packet.Bytes;
import org.secplane.ipsec.internal.sad.SaPair;

/**
 * Known packets for every transform, through the whole data plane on a simulated wire: a cleartext packet
 * routed into st0.0 must leave as exactly the expected ESP or AH packet, and that packet sent by the peer
 * must come out of st0.0 as the cleartext packet.
 *
 * <p>Where the packets come from: AES-GCM-16 with 128-, 192- and 256-bit keys from the ESP test cases of
 * draft-mcgrew-gcm-test-01 §4 with 32-bit sequence numbers (whole ESP packets; their trailers say next header 1,
 * so the SA is in transport mode; the cases with extended sequence numbers do not apply, secplane has no ESN); ChaCha20-Poly1305 from RFC 7634 Appendix A (tunnel mode); AES-CBC from RFC 3602 §4 cases 5 to 8
 * (ESP without integrity; 5 and 6 transport mode, 7 and 8 tunnel mode). Every cipher and HMAC combination,
 * GCM with 8- and 12-byte ICVs and AH have no published packets: their expected packets are computed here
 * from the RFCs' layouts with Bouncy Castle's own AES, DES, GCM and HMAC (an implementation independent of
 * SunJCE, which the data plane uses).
 */
class KnownAnswerPacketsTest {

    @TempDir
    Path state;

    private final SimulatedNetwork wire = new SimulatedNetwork("kat");
    private final Deque<byte[]> ivs = new ArrayDeque<>();
    private Gateway gateway;
    private Peer peer;
    private SimulatedTunnel st0;

    private void start(String local, String remote) throws Exception {
        Supplier<IvSource> fixed = () -> (out, offset, length) -> System.arraycopy(ivs.remove(), 0, out, offset, length);
        gateway = new Gateway(wire, "left", state, TestCrypto.direct(), fixed).addresses(local);
        peer = new Peer(wire, remote);
        st0 = gateway.st0("st0.0");
    }

    @AfterEach
    void close() {
        if (gateway != null) {
            gateway.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    private SaPair install(int protocol, boolean tunnel, long spi, Algorithm encryption, byte[] encryptionKey,
            Algorithm integrity, byte[] integrityKey) {
        gateway.plane.install(ChildSa.builder()
                .tunnelId(131073)
                .vpn("kat")
                .protocol(protocol)
                .tunnelMode(tunnel)
                .endpoints(Packets.address(gateway.family.localAddresses().get(0).getHostAddress()), peer.address)
                .spis(spi, spi)
                .algorithms(encryption, integrity)
                .inboundKeys(copy(encryptionKey), copy(integrityKey))
                .outboundKeys(copy(encryptionKey), copy(integrityKey))
                .lifetime(Lifetime.of(3600, 0))
                .replayWindow(64)
                .bindInterface("st0.0")
                .build());
        return gateway.plane.pairs().get(0);
    }

    private static byte[] copy(byte[] key) {
        return key == null ? null : key.clone();
    }

    // ---------------------------------------------------------------- draft-mcgrew-gcm-test-01 §4

    static Stream<Arguments> gcmVectors() {
        return Stream.of(
                Arguments.of("AES-128 (test case 2)", Algorithm.AES_128_GCM_16, "feffe9928665731c6d6a8f9467308308" + "cafebabe",
                        0xa5f8L, 0x0aL, "facedbaddecaf888",
                        "4500003e698f000080114dccc0a80102c0a801010a980035002a2343b2d00100"
                                + "0001000000000000037369700963796265726369747902646b00000100010001",
                        "deb22cd9b07c72c16e3a65beeb8df304a5a5897d33ae530f1ba76d5d114d2a5c"
                                + "3de81827c10e9a4f51330d0eec416642cfbb85a5b47e48a4ec3b9ba95d918bd1"
                                + "83b70d3aa8bc6ee4c309e9d85a41ad4a"),
                Arguments.of("AES-192 (test case 7)", Algorithm.AES_192_GCM_16,
                        "feffe9928665731c6d6a8f9467308308feffe9928665731c" + "cafebabe", 0xa5f8L, 0x0aL, "facedbaddecaf888",
                        "45000028a4ad4000400678800a01038f0a010612802306b8cb712602dd6bb03e501016d075680001",
                        "a5b1f8066029aea40e598b8122de02420938b3ab33f828e687b8858b5bfbdbd0315b27452144cc7795457b9652037f53"
                                + "18027b5b4cd7a636"),
                Arguments.of("AES-256 (test case 3)", Algorithm.AES_256_GCM_16,
                        "abbccddef00112233445566778899aababbccddef00112233445566778899aab" + "11223344",
                        0x4a2cbfe3L, 2L, "0102030405060708",
                        "4500003069a6400080062690c0a801029389155e0a9e008b2dc57ee000000000"
                                + "7002400020bf0000020405b40101040201020201",
                        "ff425c9b724599df7a3bcd510194e00d6a78107f1b0b1cbf06efae9d65a5d763"
                                + "748a637985771d347f0545659f14e99def842d8eb335f4eecfdbf831824b4c49"
                                + "15956c96"),
                Arguments.of("AES-128, empty payload, last sequence number", Algorithm.AES_128_GCM_16,
                        "7d773d00c144c525ac619d18c84a3f47" + "d9664267", 0x335467aeL, 0xffffffffL, "43457e9182443bc6",
                        "01020201", "437f866bcb3f699fe9b0822bac961c4504bef270"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gcmVectors")
    void gcmPacketsOfTheDraftLeaveAndArriveByteForByte(String name, Algorithm algorithm, String keyAndSalt, long spi,
            long sequence, String iv, String plaintext, String ciphertextAndTag) throws Exception {
        start("1.1.1.2/30", "1.1.1.1/30");
        SaPair pair = install(50, false, spi, algorithm, hex(keyAndSalt), null, null);
        byte[] esp = ReferencePackets.concat(ReferencePackets.spiAndSequence(spi, sequence), hex(iv), hex(ciphertextAndTag));
        byte[] plain = hex(plaintext);
        byte[] payload = Arrays.copyOf(plain, plain.length - 2 - (plain[plain.length - 2] & 0xff));

        // out: a transport-mode packet of protocol 1 from st0.0 becomes the test case's ESP packet
        pair.outbound().startSequence(sequence - 1, Bytes.u64(hex(iv), 0) - sequence);
        st0.inject(Packets.ipv4("1.1.1.2", "1.1.1.1", 1, payload, false));
        assertEquals(hex(esp), hex(peer.receive(50)));

        // in: the test case's packet comes out as protocol 1 from the peer's address with the payload
        peer.send(50, esp, Packets.address("1.1.1.2"));
        byte[] delivered = Peer.collect(st0);
        assertEquals(Packets.hex(Packets.ipv4("1.1.1.1", "1.1.1.2", 1, payload, false)).substring(24),
                hex(delivered).substring(24), "addresses, protocol and payload");
        assertEquals(1, delivered[9]);
    }

    // ---------------------------------------------------------------- RFC 7634 Appendix A

    @Test
    void chacha20Poly1305PacketOfRfc7634InTunnelMode() throws Exception {
        start("198.51.100.5/24", "198.51.100.6/24");
        SaPair pair = install(50, true, 0x01020304L, Algorithm.CHACHA20_POLY1305,
                hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f" + "a0a1a2a3"), null, null);
        byte[] inner = hex("45000054a6f200004001e778c6336405c000020508005b7a3a080000553bec10"
                + "0007362708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223"
                + "2425262728292a2b2c2d2e2f3031323334353637");
        byte[] esp = ReferencePackets.concat(ReferencePackets.spiAndSequence(0x01020304L, 5), hex("1011121314151617"),
                hex("24039428b97f417e3c13753a4f05087b67c352e6a7fab1b982d466ef407ae5c614ee8099d52844eb61aa95df"
                        + "ab4c02f72aa71e7c4c4f64c9befe2facc638e8f3cbec163fac469b502773f6fb94e664da9165b82829f641e0"
                        + "76aaa8266b7fb0f7b11b369907e1ad43"));
        pair.outbound().startSequence(4, 0x1011121314151617L - 5);
        st0.inject(inner);
        assertEquals(hex(esp), hex(peer.receive(50)));
        peer.send(50, esp, Packets.address("198.51.100.5"));
        assertArrayEquals(inner, Peer.collect(st0));
    }

    // ---------------------------------------------------------------- RFC 3602 §4

    static Stream<Arguments> cbcVectors() {
        String key56 = "90d382b410eeba7ad938c46cec1a82bf";
        String key78 = "0123456789abcdef0123456789abcdef";
        return Stream.of(
                Arguments.of("case 5 (transport)", key56, 0x4321L, 1L, "e96e8c08ab465763fd098d45dd3ff893", false,
                        "08000ebda70a00008e9c083db95b070008090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
                                + "202122232425262728292a2b2c2d2e2f3031323334353637",
                        "f663c25d325c18c6a9453e194e120849a4870b66cc6b9965330013b4898dc856a4699e523a55db080b59ec3a8e4b7e52"
                                + "775b07d1db34ed9c538ab50c551b874aa269add047ad2d5913ac19b7cfbad4a6"),
                Arguments.of("case 6 (transport)", key56, 0x4321L, 8L, "69d08df7d203329db093fc4924e5bd80", false,
                        "0800b5e8a80a0500a69c083d0b660e00777777777777777777777777",
                        "f51995881ec4e0c4488987ce742e8109689bb379d2d750c0d915dca346a89f75"),
                Arguments.of("case 7 (tunnel)", key78, 0x8765L, 2L, "f4e765244f6407adf13dc1380f673f37", true,
                        "45000054090400004001f988c0a87b03c0a87bc808009f76a90a0100b49c083d02a2040008090a0b"
                                + "0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637",
                        "773b5241a4c449225e4f3ce5ed611b0c237ca96cf74a93013c1b0ea1a0cf70f8e4ecaec78ac53aad7a0f022b859243c6"
                                + "47752e94a859352b8a4d4d2decd136e5c177f132ad3fbfb2201ac9904c74ee0a109e0ca1e4dfe9d5a100b842f1c22f0d"),
                Arguments.of("case 8 (tunnel)", key78, 0x8765L, 5L, "85d47224b5f3dd5d2101d4ea8dffab22", true,
                        "45000044090c00004001f990c0a87b03c0a87bc80800d63caa0a0200c69c083da3de0300ffffffffffff"
                                + "ffffffffffffffffffffffffffffffffffffffffffffffffffff",
                        "15b92683819596a8047232cc00f7048fe45318e11f8a0f62ede3c3fc61203bb50f980a08c9843fd3a1b06d5c07ff9639"
                                + "b7eb7dfb3512e5de435e7207ed971ef3d2726d9b5ef6affc6d17a0decbb13892"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cbcVectors")
    void aesCbcPacketsOfRfc3602LeaveAndArriveByteForByte(String name, String key, long spi, long sequence, String iv,
            boolean tunnel, String payload, String ciphertext) throws Exception {
        start("192.168.123.3/24", "192.168.123.100/24");
        SaPair pair = install(50, tunnel, spi, Algorithm.AES_128_CBC, hex(key), null, null);
        byte[] esp = ReferencePackets.concat(ReferencePackets.spiAndSequence(spi, sequence), hex(iv), hex(ciphertext));
        byte[] inner = tunnel ? hex(payload) : Packets.ipv4("192.168.123.3", "192.168.123.100", 1, hex(payload), false);
        pair.outbound().startSequence(sequence - 1, 0);
        ivs.add(hex(iv));
        st0.inject(inner);
        assertEquals(hex(esp), hex(peer.receive(50)));

        peer.send(50, esp, Packets.address("192.168.123.3"));
        byte[] delivered = Peer.collect(st0);
        if (tunnel) {
            assertArrayEquals(inner, delivered);
        } else {
            assertEquals(payload, hex(Arrays.copyOfRange(delivered, 20, delivered.length)));
            assertEquals(1, delivered[9]);
        }
    }

    // ---------------------------------------------------------------- Bouncy Castle as the reference

    static Stream<Arguments> cipherAndMac() {
        return Stream.of(
                Arguments.of(Algorithm.AES_128_CBC, Algorithm.HMAC_SHA2_256_128),
                Arguments.of(Algorithm.AES_192_CBC, Algorithm.HMAC_SHA1_96),
                Arguments.of(Algorithm.AES_256_CBC, Algorithm.HMAC_SHA2_512_256),
                Arguments.of(Algorithm.TDES_CBC, Algorithm.HMAC_SHA1_96),
                Arguments.of(Algorithm.TDES_CBC, Algorithm.HMAC_MD5_96),
                Arguments.of(Algorithm.DES_CBC, Algorithm.HMAC_MD5_96),
                Arguments.of(null, Algorithm.HMAC_SHA2_256_128));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("cipherAndMac")
    void cipherWithHmacMatchesBouncyCastleBothWays(Algorithm cipher, Algorithm mac) throws Exception {
        start("10.0.0.1/24", "10.0.0.2/24");
        SecureRandom random = new SecureRandom();
        byte[] encryptionKey = cipher == null ? null : ReferencePackets.random(random, cipher.keySize());
        byte[] integrityKey = ReferencePackets.random(random, mac.keySize());
        SaPair pair = install(50, true, 0x12345678L, cipher, encryptionKey, mac, integrityKey);
        pair.outbound().startSequence(41, 0);
        for (int size : new int[] {0, 1, 56, 1372}) {
            byte[] inner = Packets.ping("192.0.2.10", "198.51.100.20", size, size);
            byte[] iv = cipher == null ? new byte[0] : ReferencePackets.random(random, cipher.ivSize());
            ivs.add(iv);
            st0.inject(inner);
            byte[] sent = peer.receive(50);
            long sequence = Bytes.u32(sent, 4);
            assertEquals(hex(ReferencePackets.bcEsp(cipher, encryptionKey, mac, integrityKey, 0x12345678L, sequence, iv, inner, 4)), hex(sent),
                    "ESP of a " + inner.length + "-byte packet");

            byte[] otherIv = cipher == null ? new byte[0] : ReferencePackets.random(random, cipher.ivSize());
            peer.send(50, ReferencePackets.bcEsp(cipher, encryptionKey, mac, integrityKey, 0x12345678L, 1000 + size, otherIv, inner, 4),
                    Packets.address("10.0.0.1"));
            assertArrayEquals(inner, Peer.collect(st0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gcmIcvs")
    void gcmWithEveryIcvLengthMatchesBouncyCastleBothWays(Algorithm gcm) throws Exception {
        start("10.0.0.1/24", "10.0.0.2/24");
        SecureRandom random = new SecureRandom();
        byte[] keyAndSalt = ReferencePackets.random(random, gcm.keySize() + 4);
        SaPair pair = install(50, true, 0xabcdef01L, gcm, keyAndSalt, null, null);
        pair.outbound().startSequence(0, 0);
        byte[] inner = Packets.ipv6("2001:db8:1::10", "2001:db8:2::20", 17, Packets.udp(5000, 53, new byte[333]));
        st0.inject(inner);
        byte[] sent = peer.receive(50);
        assertEquals(hex(ReferencePackets.bcGcm(gcm, keyAndSalt, 0xabcdef01L, 1, inner, 41)), hex(sent));
        peer.send(50, ReferencePackets.bcGcm(gcm, keyAndSalt, 0xabcdef01L, 77, inner, 41), Packets.address("10.0.0.1"));
        assertArrayEquals(inner, Peer.collect(st0));
    }

    static Stream<Algorithm> gcmIcvs() {
        return Stream.of(Algorithm.AES_128_GCM_8, Algorithm.AES_128_GCM_12, Algorithm.AES_128_GCM_16, Algorithm.AES_192_GCM_16,
                Algorithm.AES_256_GCM_8, Algorithm.AES_256_GCM_12, Algorithm.AES_256_GCM_16);
    }

    static Stream<Arguments> ahCases() {
        return Stream.of(
                Arguments.of(Algorithm.HMAC_SHA1_96, "10.0.0.1/24", "10.0.0.2/24"),
                Arguments.of(Algorithm.HMAC_MD5_96, "10.0.0.1/24", "10.0.0.2/24"),
                Arguments.of(Algorithm.HMAC_SHA2_256_128, "10.0.0.1/24", "10.0.0.2/24"),
                Arguments.of(Algorithm.HMAC_SHA2_256_128, "2001:db8::1/64", "2001:db8::2/64"),
                Arguments.of(Algorithm.HMAC_SHA1_96, "2001:db8::1/64", "2001:db8::2/64"));
    }

    @ParameterizedTest(name = "{0} between {1} and {2}")
    @MethodSource("ahCases")
    void ahMatchesBouncyCastleOverTheOuterHeaderBothWays(Algorithm mac, String local, String remote) throws Exception {
        start(local, remote);
        byte[] key = ReferencePackets.random(new SecureRandom(), mac.keySize());
        SaPair pair = install(51, true, 0x3093L, null, null, mac, key);
        pair.outbound().startSequence(0, 0);
        byte[] inner = Packets.ping("192.0.2.10", "198.51.100.20", 1, 100);
        st0.inject(inner);
        byte[] sent = peer.receive(51);
        byte[] localAddress = Packets.address(local.substring(0, local.indexOf('/'))).getAddress();
        byte[] remoteAddress = peer.address.getAddress();
        assertEquals(hex(ReferencePackets.bcAh(mac, key, 0x3093L, 1, inner, localAddress, remoteAddress)), hex(sent));
        peer.send(51, ReferencePackets.bcAh(mac, key, 0x3093L, 9, inner, remoteAddress, localAddress), Packets.address(local.substring(0,
                local.indexOf('/'))));
        assertArrayEquals(inner, Peer.collect(st0));
    }
}
