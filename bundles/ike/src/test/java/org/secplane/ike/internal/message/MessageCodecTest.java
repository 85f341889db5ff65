package org.secplane.ike.internal.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.crypto.Algorithm;
import org.secplane.ike.internal.keys.IkeSuite;
import org.secplane.ike.internal.keys.SkProtector;
import org.secplane.ike.internal.message.ParseException.Kind;
import org.secplane.ike.internal.testkit.SeededRandom;
import org.secplane.ike.internal.testkit.TestCrypto;

/** The codec: every payload both ways, encryption and fragments, and the strict rejections. */
class MessageCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    static Message everything() {
        Message m = new Message(0x0102030405060708L, 0x1112131415161718L, Ike.IKE_SA_INIT, Ike.FLAG_INITIATOR, 7);
        m.add(NotifyPayload.of(Ike.COOKIE, HEX.parseHex("00112233")));
        m.add(new SaPayload(List.of(
                new Proposal(1, Ike.PROTO_IKE, new byte[0], List.of(new Transform(Ike.ENCR, Ike.ENCR_AES_CBC, 128),
                        new Transform(Ike.ENCR, Ike.ENCR_AES_CBC, 256), new Transform(Ike.PRF, Ike.PRF_HMAC_SHA2_256, 0),
                        new Transform(Ike.INTEG, Ike.AUTH_HMAC_SHA2_256_128, 0), new Transform(Ike.DH, 19, 0))),
                new Proposal(2, Ike.PROTO_ESP, HEX.parseHex("c0ffee01"), List.of(new Transform(Ike.ENCR, Ike.ENCR_AES_GCM_16, 256),
                        new Transform(Ike.ESN, 0, 0))))));
        m.add(new KePayload(19, new byte[64]));
        m.add(new NoncePayload(new byte[32]));
        m.add(new IdPayload(Ike.IDI, Ike.ID_FQDN, "left.example.test".getBytes()));
        m.add(new IdPayload(Ike.IDR, Ike.ID_IPV4_ADDR, new byte[] {10, 0, 0, 2}));
        m.add(new CertPayload(false, Ike.CERT_X509_SIGNATURE, new byte[] {0x30, 0x03, 1, 2, 3}));
        m.add(new CertPayload(true, Ike.CERT_X509_SIGNATURE, new byte[20]));
        m.add(new AuthPayload(Ike.AUTH_PSK, new byte[32]));
        m.add(new NotifyPayload(Ike.PROTO_ESP, HEX.parseHex("01020304"), Ike.REKEY_SA, null));
        m.add(new DeletePayload(Ike.PROTO_ESP, new long[] {0xdeadbeefL, 1}));
        m.add(DeletePayload.ike());
        m.add(new VendorIdPayload("secplane".getBytes()));
        m.add(new TsPayload(Ike.TSI, List.of(new TsPayload.Selector(Ike.TS_IPV4_ADDR_RANGE, 0, 0, 65535, new byte[] {10, 1, 0, 0},
                new byte[] {10, 1, (byte) 255, (byte) 255}))));
        byte[] v6 = new byte[16];
        v6[0] = 0x20;
        m.add(new TsPayload(Ike.TSR, List.of(new TsPayload.Selector(Ike.TS_IPV6_ADDR_RANGE, 6, 80, 80, v6, v6))));
        m.add(new RawPayload(Ike.CP, false, new byte[] {1, 0, 0, 0}));
        return m;
    }

    @Test
    void everyPayloadTypeSurvivesEncodeAndDecodeByteForByte() throws Exception {
        Message m = everything();
        byte[] bytes = MessageCodec.encodePlain(m);
        Message d = MessageCodec.decode(bytes, 0, bytes.length);
        assertEquals(m.spiI, d.spiI);
        assertEquals(m.spiR, d.spiR);
        assertEquals(7, d.messageId);
        assertEquals(Ike.FLAG_INITIATOR, d.flags);
        assertEquals(m.payloads.size(), d.payloads.size());
        for (int i = 0; i < m.payloads.size(); i++) {
            assertEquals(m.payloads.get(i).type(), d.payloads.get(i).type(), "payload " + i);
        }
        assertArrayEquals(bytes, MessageCodec.encodePlain(d), "re-encoding gives the same bytes");
        SaPayload sa = d.sa();
        assertEquals(2, sa.proposals.size());
        assertEquals(256, sa.proposals.get(0).transforms.get(1).keyLength);
        assertEquals(0xc0ffee01L, sa.proposals.get(1).spiValue());
        DeletePayload del = (DeletePayload) d.first(Ike.DELETE);
        assertArrayEquals(new long[] {0xdeadbeefL, 1}, del.spis);
        TsPayload tsr = (TsPayload) d.first(Ike.TSR);
        assertEquals(80, tsr.selectors.get(0).startPort);
        assertEquals(16, tsr.selectors.get(0).start.length);
        assertEquals("left.example.test", ((IdPayload) d.first(Ike.IDI)).display());
        assertEquals("10.0.0.2", ((IdPayload) d.first(Ike.IDR)).display());
    }

    @Test
    void aTransformWithAnUnknownAttributeIsMarkedNotChosen() throws Exception {
        byte[] bytes = MessageCodec.encodePlain(everything());
        // the first transform's attribute is at 28 (header) + 4 (COOKIE notify header) + 8 … find the key length TV
        int at = indexOf(bytes, HEX.parseHex("800e0080"));
        bytes[at + 1] = 0x0f; // attribute type 15: unknown
        Message d = MessageCodec.decode(bytes, 0, bytes.length);
        Transform t = d.sa().proposals.get(0).transforms.get(0);
        assertTrue(t.unknownAttributes);
    }

    @Test
    void anUnknownNonCriticalPayloadIsSkipped() throws Exception {
        Message m = new Message(1, 0, Ike.IKE_SA_INIT, Ike.FLAG_INITIATOR, 0);
        m.add(new RawPayload(200, false, new byte[] {9, 9, 9}));
        m.add(new NoncePayload(new byte[16]));
        byte[] bytes = MessageCodec.encodePlain(m);
        Message d = MessageCodec.decode(bytes, 0, bytes.length);
        assertEquals(1, d.payloads.size());
        assertNotNull(d.nonce());
    }

    @Test
    void anUnknownCriticalPayloadIsRejectedNamingItsType() {
        Message m = new Message(1, 0, Ike.IKE_SA_INIT, Ike.FLAG_INITIATOR, 0);
        m.add(new NoncePayload(new byte[16]));
        m.add(new RawPayload(200, true, new byte[] {9}));
        byte[] bytes = MessageCodec.encodePlain(m);
        ParseException e = assertThrows(ParseException.class, () -> MessageCodec.decode(bytes, 0, bytes.length));
        assertEquals(Kind.UNSUPPORTED_CRITICAL_PAYLOAD, e.kind());
        assertEquals(200, e.payloadType());
    }

    @Test
    void theCriticalBitOnAKnownPayloadIsIgnored() throws Exception {
        Message m = new Message(1, 0, Ike.IKE_SA_INIT, Ike.FLAG_INITIATOR, 0);
        m.add(new NoncePayload(new byte[16]));
        byte[] bytes = MessageCodec.encodePlain(m);
        bytes[29] = (byte) 0x80;
        assertNotNull(MessageCodec.decode(bytes, 0, bytes.length).nonce());
    }

    static Stream<Arguments> malformed() {
        byte[] good = MessageCodec.encodePlain(everything());
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("shorter than the header", Arrays.copyOf(good, 27), Kind.TRUNCATED));
        cases.add(Arguments.of("datagram cut short", Arrays.copyOf(good, good.length - 1), Kind.TRUNCATED));
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        cases.add(Arguments.of("bytes after the length field's end", longer, Kind.BAD_LENGTH));
        cases.add(Arguments.of("length field below 28", length(good, 20), Kind.BAD_LENGTH));
        cases.add(Arguments.of("length field above 65535", length(good, 70000), Kind.OVERSIZED));
        cases.add(Arguments.of("IKEv1", at(good, 17, 0x10), Kind.BAD_VERSION));
        cases.add(Arguments.of("major version 3", at(good, 17, 0x30), Kind.BAD_VERSION));
        cases.add(Arguments.of("payload length below 4", at(at(good, 30, 0), 31, 3), Kind.BAD_LENGTH));
        cases.add(Arguments.of("payload length beyond the message", at(good, 30, 0x7f), Kind.TRUNCATED));
        cases.add(Arguments.of("next payload but no bytes left", chainEndingIn(Ike.NONCE), Kind.TRUNCATED));
        cases.add(Arguments.of("nonce of 15 bytes", nonce(15), Kind.INVALID_SYNTAX));
        cases.add(Arguments.of("nonce of 257 bytes", nonce(257), Kind.INVALID_SYNTAX));
        cases.add(Arguments.of("bytes after the last payload", trailing(), Kind.BAD_LENGTH));
        cases.add(Arguments.of("proposal last/more 1", proposalFlag(1), Kind.INVALID_SYNTAX));
        cases.add(Arguments.of("transform count above what follows", transformCount(9), Kind.BAD_LENGTH));
        cases.add(Arguments.of("notify SPI size 3", notifySpiSize(3), Kind.INVALID_SYNTAX));
        cases.add(Arguments.of("delete count disagrees with the SPIs", deleteCount(3), Kind.BAD_LENGTH));
        cases.add(Arguments.of("traffic selector payload without selectors", tsCount(0), Kind.INVALID_SYNTAX));
        cases.add(Arguments.of("IPv4 selector of 20 bytes", tsLength(20), Kind.BAD_LENGTH));
        cases.add(Arguments.of("SK payload not last", skNotLast(), Kind.BAD_LENGTH));
        cases.add(Arguments.of("fragment 3 of 2", fragment(3, 2), Kind.INVALID_SYNTAX));
        cases.add(Arguments.of("fragment 1 of 65", fragment(1, 65), Kind.INVALID_SYNTAX));
        cases.add(Arguments.of("257 payloads", manyPayloads(257), Kind.INVALID_SYNTAX));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedMessagesAreRejectedWithTheDeclaredException(String what, byte[] bytes, Kind kind) {
        ParseException e = assertThrows(ParseException.class, () -> MessageCodec.decode(bytes, 0, bytes.length), what);
        assertEquals(kind, e.kind(), what + ": " + e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"AES_128_CBC", "AES_256_CBC", "TDES_CBC", "AES_128_GCM_16", "AES_256_GCM_16",
        "AES_256_GCM_8", "CHACHA20_POLY1305", "AES_128_CTR"})
    void protectedMessagesDecryptAndATamperedByteFailsTheIcv(Algorithm encryption) throws Exception {
        Algorithm integrity = encryption.type() == org.secplane.crypto.AlgorithmType.AEAD ? null : Algorithm.HMAC_SHA2_256_128;
        IkeSuite suite = new IkeSuite(encryption, integrity, Algorithm.PRF_HMAC_SHA2_256, Algorithm.ECP_256);
        SeededRandom random = new SeededRandom(3);
        byte[] ek = random.bytes(suite.encryptionKeySize());
        byte[] ak = random.bytes(suite.integrityKeySize());
        try (SkProtector out = new SkProtector(TestCrypto.direct(), suite, ek, ak, random);
                SkProtector in = new SkProtector(TestCrypto.direct(), suite, ek, ak, random)) {
            Message m = everything();
            m.exchange = Ike.IKE_AUTH;
            byte[] bytes = MessageCodec.encodeProtected(m, out);
            Message d = MessageCodec.decode(bytes, 0, bytes.length);
            assertEquals(Ike.SK, d.encryptedType);
            assertEquals(Ike.NOTIFY, d.innerFirst);
            int[] len = new int[1];
            int at = MessageCodec.open(d, in, len);
            assertTrue(at > 0);
            MessageCodec.decodeInner(d, d.innerFirst, d.raw, at, len[0]);
            assertEquals(m.payloads.size(), d.payloads.size());
            assertArrayEquals(MessageCodec.encodeChain(m.payloads), MessageCodec.encodeChain(d.payloads));
            for (int position : new int[] {5, 20, 30, bytes.length / 2, bytes.length - 1}) {
                byte[] tampered = bytes.clone();
                tampered[position] ^= 0x01;
                Message t;
                try {
                    t = MessageCodec.decode(tampered, 0, tampered.length);
                } catch (ParseException e) {
                    continue;
                }
                assertEquals(-1, MessageCodec.open(t, in, len), "tampered byte " + position);
            }
        }
    }

    @Test
    void aLargeMessageIsSentAsFragmentsThatReassembleToIt() throws Exception {
        IkeSuite suite = new IkeSuite(Algorithm.AES_128_CBC, Algorithm.HMAC_SHA2_256_128, Algorithm.PRF_HMAC_SHA2_256,
                Algorithm.ECP_256);
        SeededRandom random = new SeededRandom(4);
        byte[] ek = random.bytes(16);
        byte[] ak = random.bytes(32);
        try (SkProtector out = new SkProtector(TestCrypto.direct(), suite, ek, ak, random);
                SkProtector in = new SkProtector(TestCrypto.direct(), suite, ek, ak, random)) {
            Message m = new Message(1, 2, Ike.IKE_AUTH, Ike.FLAG_INITIATOR, 1);
            m.add(new IdPayload(Ike.IDI, Ike.ID_FQDN, "a".getBytes()));
            m.add(new CertPayload(false, Ike.CERT_X509_SIGNATURE, random.bytes(3000)));
            m.add(new AuthPayload(Ike.AUTH_DIGITAL_SIGNATURE, random.bytes(300)));
            List<byte[]> fragments = MessageCodec.encodeProtected(m, out, 1000, true);
            assertEquals(4, fragments.size());
            java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
            int first = -1;
            for (int i = 0; i < fragments.size(); i++) {
                byte[] f = fragments.get(i);
                assertTrue(f.length <= 1000);
                Message d = MessageCodec.decode(f, 0, f.length);
                assertEquals(Ike.SKF, d.encryptedType);
                assertEquals(i + 1, d.fragmentNumber);
                assertEquals(4, d.totalFragments);
                if (i == 0) {
                    first = d.innerFirst;
                }
                int[] len = new int[1];
                int at = MessageCodec.open(d, in, len);
                assertTrue(at > 0);
                joined.write(d.raw, at, len[0]);
            }
            Message whole = new Message();
            byte[] plain = joined.toByteArray();
            MessageCodec.decodeInner(whole, first, plain, 0, plain.length);
            assertArrayEquals(MessageCodec.encodeChain(m.payloads), MessageCodec.encodeChain(whole.payloads));
            List<byte[]> unfragmented = MessageCodec.encodeProtected(m, out, 1000, false);
            assertEquals(1, unfragmented.size(), "no fragments when the peer does not support them");
        }
    }

    @Test
    void nonEncryptedPayloadInsideAnEncryptedOneIsRefused() {
        byte[] chain = MessageCodec.encodeChain(List.of(new RawPayload(Ike.SK, false, new byte[8])));
        Message m = new Message();
        ParseException e = assertThrows(ParseException.class, () -> MessageCodec.decodeInner(m, Ike.SK, chain, 0, chain.length));
        assertEquals(Kind.INVALID_SYNTAX, e.kind());
        assertNull(m.first(Ike.SK));
    }

    // ------------------------------------------------------------------ building broken messages

    private static byte[] at(byte[] b, int index, int value) {
        byte[] c = b.clone();
        c[index] = (byte) value;
        return c;
    }

    private static byte[] length(byte[] b, long length) {
        byte[] c = b.clone();
        c[24] = (byte) (length >>> 24);
        c[25] = (byte) (length >>> 16);
        c[26] = (byte) (length >>> 8);
        c[27] = (byte) length;
        return c;
    }

    private static byte[] plain(Payload... payloads) {
        Message m = new Message(1, 0, Ike.IKE_SA_INIT, Ike.FLAG_INITIATOR, 0);
        for (Payload p : payloads) {
            m.add(p);
        }
        return MessageCodec.encodePlain(m);
    }

    private static byte[] chainEndingIn(int next) {
        byte[] b = plain(new VendorIdPayload(new byte[4]));
        b[28] = (byte) next;
        return b;
    }

    private static byte[] nonce(int n) {
        return plain(new NoncePayload(new byte[n]));
    }

    private static byte[] trailing() {
        byte[] b = plain(new VendorIdPayload(new byte[4]));
        byte[] c = Arrays.copyOf(b, b.length + 3);
        return length(c, c.length);
    }

    private static byte[] saBytes() {
        return plain(new SaPayload(List.of(new Proposal(1, Ike.PROTO_IKE, new byte[0],
                List.of(new Transform(Ike.ENCR, Ike.ENCR_AES_CBC, 128), new Transform(Ike.DH, 19, 0))))));
    }

    private static byte[] proposalFlag(int flag) {
        return at(saBytes(), 32, flag);
    }

    private static byte[] transformCount(int n) {
        return at(saBytes(), 39, n);
    }

    private static byte[] notifySpiSize(int n) {
        return at(plain(NotifyPayload.of(Ike.COOKIE, new byte[8])), 33, n);
    }

    private static byte[] deleteCount(int n) {
        return at(plain(new DeletePayload(Ike.PROTO_ESP, new long[] {1, 2})), 35, n);
    }

    private static byte[] tsBytes() {
        return plain(new TsPayload(Ike.TSI, List.of(new TsPayload.Selector(Ike.TS_IPV4_ADDR_RANGE, 0, 0, 65535, new byte[4],
                new byte[4]))));
    }

    private static byte[] tsCount(int n) {
        return at(tsBytes(), 32, n);
    }

    private static byte[] tsLength(int n) {
        return at(tsBytes(), 39, n);
    }

    private static byte[] skNotLast() {
        byte[] b = plain(new RawPayload(Ike.SK, false, new byte[20]), new NoncePayload(new byte[16]));
        return b;
    }

    private static byte[] fragment(int number, int total) {
        byte[] body = new byte[24];
        body[0] = (byte) (number >>> 8);
        body[1] = (byte) number;
        body[2] = (byte) (total >>> 8);
        body[3] = (byte) total;
        byte[] b = plain(new RawPayload(Ike.SKF, false, body));
        return b;
    }

    private static byte[] manyPayloads(int n) {
        Payload[] p = new Payload[n];
        for (int i = 0; i < n; i++) {
            p[i] = new VendorIdPayload(new byte[0]);
        }
        return plain(p);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
