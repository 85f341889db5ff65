package org.secplane.ike.internal.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Prf;
import org.secplane.ike.internal.testkit.SeededRandom;
import org.secplane.ike.internal.testkit.TestCrypto;

/**
 * SKEYSEED, prf+, the seven SK_* keys, CHILD SA key material with and without PFS and the rekeyed SKEYSEED:
 * against the NIST CAVP IKEv2 KDF vector (SP 800-135, SHA-1, COUNT 0) and against an independent computation
 * with {@code javax.crypto.Mac} for the SHA-2 PRFs.
 */
class KeyDerivationTest {

    private static final HexFormat HEX = HexFormat.of();

    // NIST CAVS 800-135 IKEv2 KDF test vector [SHA-1], Ni/Nr 64 bits, g^ir 256 bits, DKM 1056 bits, COUNT = 0
    private static final byte[] NI = HEX.parseHex("32b50d5f4a3763f3");
    private static final byte[] NR = HEX.parseHex("9206a04b26564cb1");
    private static final byte[] GIR = HEX.parseHex("4b2c1f971981a8ad8d0abeafabf38cf75fc8349c148142465ed9c8b516b8be52");
    private static final byte[] GIR_NEW = HEX.parseHex("863f3c9d06efd39d2b907b97f8699e5dd5251ef64a2a176f36ee40c87d4f9330");
    private static final long SPII = 0x34c9e7c188868785L;
    private static final long SPIR = 0x3ff77d760d2b2199L;
    private static final byte[] SKEYSEED = HEX.parseHex("a9a7b222b59f8f48645f28a1db5b5f5d7479cba7");
    private static final byte[] DKM = HEX.parseHex("a14293677cc80ff8f9cc0eee30d895da9d8f405666e30ef0dfcb63c634a46002a2a63080e514a0"
            + "62768b76606f9fa5e992204fc5a670bde3f10d6b027113936a5c55b648a194ae587b0088d52204b702c979fa280870d2ed41efa9c549fd1119"
            + "8af1670b143d384bd275c5f594cf266b05ebadca855e4249520a441a81157435a7a56cc4");
    private static final byte[] DKM_CHILD = HEX.parseHex("8059e3ee8810e6c3a91bc8bcd2a7a41151b8d0e6ae239c7b38093ad85ef4c5811a8e7b"
            + "5d1cdabd9560b2d5e092d1f24e2d4b85eccdf0ad0dc9abd94b51ee71814ca6dbc8bb51b6309f5b9545c7eb35cf5580b1e521a8fe20754a2d88"
            + "3ba0c2cf285f524aea6545b33106bc03e614296d319d41d4b50b3f510b1c0a22f3e664994d234cb4");
    private static final byte[] DKM_CHILD_DH = HEX.parseHex("bb43244c1860ad65ee1e211ffe8bb3661750c8f89cb9f547df7f4fa61d37301628190"
            + "e38c66232eab4b3ab14c400a5197dd3730ed4820a8a10394d51e1c0400052f63ebd36b0e7ef53aaed31eba4a5080d7d4b5666023a8bbb5ffb"
            + "7857240f9a05884d1b7d2f933708450b7b3288f1fc863ab49fa901227cffc06e27899c7054d56fd74c");
    private static final byte[] SKEYSEED_REKEY = HEX.parseHex("63e81194946ebd05df7df5ebf5d8750056bf1f1d");

    private final Prf sha1 = TestCrypto.direct().prf(Algorithm.PRF_HMAC_SHA1);

    @Test
    void skeyseedMatchesTheNistVector() {
        assertArrayEquals(SKEYSEED, IkeKeys.skeyseed(sha1, NI, NR, GIR));
    }

    @Test
    void prfPlusOverNoncesAndSpisMatchesTheNistDkm() {
        byte[] seed = PrfPlus.concat(NI, NR, PrfPlus.spiBytes(SPII), PrfPlus.spiBytes(SPIR));
        assertArrayEquals(DKM, PrfPlus.derive(sha1, SKEYSEED, seed, DKM.length));
    }

    @Test
    void theSevenKeysAreTheDkmCutInOrder() {
        // AES-128-CBC, HMAC-SHA1-96, PRF-HMAC-SHA1: 20 + 2*20 + 2*16 + 2*20 = 132 bytes, the vector's DKM length
        IkeSuite suite = new IkeSuite(Algorithm.AES_128_CBC, Algorithm.HMAC_SHA1_96, Algorithm.PRF_HMAC_SHA1, Algorithm.ECP_256);
        IkeKeys k = IkeKeys.derive(sha1, suite, SKEYSEED, NI, NR, SPII, SPIR);
        int at = 0;
        assertArrayEquals(Arrays.copyOfRange(DKM, at, at += 20), k.skD);
        assertArrayEquals(Arrays.copyOfRange(DKM, at, at += 20), k.skAi);
        assertArrayEquals(Arrays.copyOfRange(DKM, at, at += 20), k.skAr);
        assertArrayEquals(Arrays.copyOfRange(DKM, at, at += 16), k.skEi);
        assertArrayEquals(Arrays.copyOfRange(DKM, at, at += 16), k.skEr);
        assertArrayEquals(Arrays.copyOfRange(DKM, at, at += 20), k.skPi);
        assertArrayEquals(Arrays.copyOfRange(DKM, at, at + 20), k.skPr);
    }

    @Test
    void childKeyMaterialWithoutPfsMatchesTheNistVector() {
        byte[] skD = Arrays.copyOf(DKM, 20);
        assertArrayEquals(DKM_CHILD, IkeKeys.childKeymat(sha1, skD, null, NI, NR, DKM_CHILD.length));
    }

    @Test
    void childKeyMaterialWithPfsMatchesTheNistVector() {
        byte[] skD = Arrays.copyOf(DKM, 20);
        assertArrayEquals(DKM_CHILD_DH, IkeKeys.childKeymat(sha1, skD, GIR_NEW, NI, NR, DKM_CHILD_DH.length));
    }

    @Test
    void rekeyedSkeyseedMatchesTheNistVector() {
        byte[] skD = Arrays.copyOf(DKM, 20);
        assertArrayEquals(SKEYSEED_REKEY, IkeKeys.rekeySkeyseed(sha1, skD, GIR_NEW, NI, NR));
    }

    @Test
    void prfPlusRefusesMoreThan255Blocks() {
        assertThrows(IllegalArgumentException.class, () -> PrfPlus.derive(sha1, SKEYSEED, NI, 20 * 255 + 1));
        assertEquals(20 * 255, PrfPlus.derive(sha1, SKEYSEED, NI, 20 * 255).length);
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"PRF_HMAC_MD5", "PRF_HMAC_SHA1", "PRF_HMAC_SHA2_256", "PRF_HMAC_SHA2_384",
        "PRF_HMAC_SHA2_512"})
    void everyPrfAgreesWithAnIndependentComputation(Algorithm algorithm) throws Exception {
        String jca = switch (algorithm) {
            case PRF_HMAC_MD5 -> "HmacMD5";
            case PRF_HMAC_SHA1 -> "HmacSHA1";
            case PRF_HMAC_SHA2_256 -> "HmacSHA256";
            case PRF_HMAC_SHA2_384 -> "HmacSHA384";
            default -> "HmacSHA512";
        };
        SeededRandom r = new SeededRandom(algorithm.ordinal());
        byte[] ni = r.bytes(32);
        byte[] nr = r.bytes(32);
        byte[] gir = r.bytes(256);
        byte[] girNew = r.bytes(256);
        long spiI = r.nextLong();
        long spiR = r.nextLong();
        Prf prf = TestCrypto.direct().prf(algorithm);

        byte[] skeyseed = hmac(jca, concat(ni, nr), gir);
        assertArrayEquals(skeyseed, IkeKeys.skeyseed(prf, ni, nr, gir));

        IkeSuite suite = new IkeSuite(Algorithm.AES_256_GCM_16, null, algorithm, Algorithm.MODP_2048);
        int d = algorithm.outputSize();
        int e = 36;
        byte[] expected = prfPlus(jca, skeyseed, concat(ni, nr, PrfPlus.spiBytes(spiI), PrfPlus.spiBytes(spiR)), 3 * d + 2 * e);
        IkeKeys k = IkeKeys.derive(prf, suite, skeyseed, ni, nr, spiI, spiR);
        assertArrayEquals(Arrays.copyOfRange(expected, 0, d), k.skD);
        assertEquals(0, k.skAi.length, "no integrity key with an AEAD");
        assertArrayEquals(Arrays.copyOfRange(expected, d, d + e), k.skEi, "SK_ei holds the key and the 4-byte salt");
        assertArrayEquals(Arrays.copyOfRange(expected, d + e, d + 2 * e), k.skEr);
        assertArrayEquals(Arrays.copyOfRange(expected, d + 2 * e, 2 * d + 2 * e), k.skPi);
        assertArrayEquals(Arrays.copyOfRange(expected, 2 * d + 2 * e, 3 * d + 2 * e), k.skPr);

        assertArrayEquals(prfPlus(jca, k.skD, concat(ni, nr), 104), IkeKeys.childKeymat(prf, k.skD, null, ni, nr, 104));
        assertArrayEquals(prfPlus(jca, k.skD, concat(girNew, ni, nr), 104), IkeKeys.childKeymat(prf, k.skD, girNew, ni, nr, 104));
        assertArrayEquals(hmac(jca, k.skD, concat(girNew, ni, nr)), IkeKeys.rekeySkeyseed(prf, k.skD, girNew, ni, nr));
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return mac.doFinal(data);
    }

    /** prf+ written out again, independently of {@link PrfPlus}. */
    private static byte[] prfPlus(String algorithm, byte[] key, byte[] seed, int length) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] t = new byte[0];
        for (int n = 1; out.size() < length; n++) {
            t = hmac(algorithm, key, concat(t, seed, new byte[] {(byte) n}));
            out.write(t);
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
