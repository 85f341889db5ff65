package org.secplane.driver.openssl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secplane.driver.openssl.internal.Fixtures.hex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Mac;
import org.secplane.crypto.spi.CryptoProvider;
import org.secplane.crypto.spi.ProviderKeyExchange;

/**
 * Published vectors this module carries itself, so it is checked even before the registry's KAT files
 * exist: RFC 7748 §6.1, RFC 5903 §8.1–8.3, RFC 4231 test case 2, GCM specification test case 4.
 */
class BuiltInVectorsTest {

    private final CryptoProvider provider = Fixtures.provider();

    @Test
    void curve25519MatchesRfc7748Section61() {
        byte[] alicePrivate = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] alicePublic = hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        byte[] bobPrivate = hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        byte[] bobPublic = hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        byte[] shared = hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        try (ProviderKeyExchange alice = provider.keyExchange(Algorithm.CURVE25519, alicePrivate);
                ProviderKeyExchange bob = provider.keyExchange(Algorithm.CURVE25519, bobPrivate)) {
            assertArrayEquals(alicePublic, alice.publicValue());
            assertArrayEquals(bobPublic, bob.publicValue());
            assertArrayEquals(shared, alice.sharedSecret(bobPublic));
            assertArrayEquals(shared, bob.sharedSecret(alicePublic));
            assertArrayEquals(alicePrivate, alice.privateValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // RFC 5903 §8.1 256-bit Random ECP Group
        "ecp256, c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433,"
            + " dad0b65394221cf9b051e1feca5787d098dfe637fc90b9ef945d0c3772581180"
            + "5271a0461cdb8252d61f1c456fa3e59ab1f45b33accf5f58389e0577b8990bb3,"
            + " c6ef9c5d78ae012a011164acb397ce2088685d8f06bf9be0b283ab46476bee53,"
            + " d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf63"
            + "56fbf3ca366cc23e8157854c13c58d6aac23f046ada30f8353e74f33039872ab,"
            + " d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de",
        // RFC 5903 §8.2 384-bit Random ECP Group
        "ecp384, 099f3c7034d4a2c699884d73a375a67f7624ef7c6b3c0f160647b67414dce655e35b538041e649ee3faef896783ab194,"
            + " 667842d7d180ac2cde6f74f37551f55755c7645c20ef73e31634fe72b4c55ee6de3ac808acb4bdb4c88732aee95f41aa"
            + "9482ed1fc0eeb9cafc4984625ccfc23f65032149e0e144ada024181535a0f38eeb9fcff3c2c947dae69b4c634573a81c,"
            + " 41cb0779b4bdb85d47846725fbec3c9430fab46cc8dc5060855cc9bda0aa2942e0308312916b8ed2960e4bd55a7448fc,"
            + " e558dbef53eecde3d3fccfc1aea08a89a987475d12fd950d83cfa41732bc509d0d1ac43a0336def96fda41d0774a3571"
            + "dcfbec7aacf3196472169e838430367f66eebe3c6e70c416dd5f0c68759dd1fff83fa40142209dff5eaad96db9e6386c,"
            + " 11187331c279962d93d604243fd592cb9d0a926f422e47187521287e7156c5c4d603135569b9e9d09cf5d4a270f59746",
        // RFC 5903 §8.3 521-bit Random ECP Group
        "ecp521, 0037ade9319a89f4dabdb3ef411aaccca5123c61acab57b5393dce47608172a095aa85a30fe1c2952c6771d937ba9777"
            + "f5957b2639bab072462f68c27a57382d4a52,"
            + " 0015417e84dbf28c0ad3c278713349dc7df153c897a1891bd98bab4357c9ecbee1e3bf42e00b8e380aeae57c2d10756494"
            + "1885942af5a7f4601723c4195d176ced3e"
            + "017cae20b6641d2eeb695786d8c946146239d099e18e1d5a514c739d7cb4a10ad8a788015ac405d7799dc75e7b7d5b6cf2"
            + "261a6a7f1507438bf01beb6ca3926f9582,"
            + " 0145ba99a847af43793fdd0e872e7cdfa16be30fdc780f97bccc3f078380201e9c677d600b343757a3bdbf2a3163e4c2f8"
            + "69cca7458aa4a4effc311f5cb151685eb9,"
            + " 00d0b3975ac4b799f5bea16d5e13e9af971d5e9b984c9f39728b5e5739735a219b97c356436adc6e95bb0352f6be64a6c2"
            + "912d4ef2d0433ced2b6171640012d9460f"
            + "015c68226383956e3bd066e797b623c27ce0eac2f551a10c2c724d9852077b87220b6536c5c408a1d2aebb8e86d678ae49"
            + "cb57091f4732296579ab44fcd17f0fc56a,"
            + " 01144c7d79ae6956bc8edb8e7c787c4521cb086fa64407f97894e5e6b2d79b04d1427e73ca4baa240a34786859810c06b3"
            + "c715a3a8cc3151f2bee417996d19f3ddea",
    })
    void ecpGroupsMatchRfc5903Section8(String label, String i, String gi, String r, String gr, String girx) {
        Algorithm algorithm = Algorithm.byLabel(label);
        try (ProviderKeyExchange initiator = provider.keyExchange(algorithm, hex(i));
                ProviderKeyExchange responder = provider.keyExchange(algorithm, hex(r))) {
            assertArrayEquals(hex(gi), initiator.publicValue());
            assertArrayEquals(hex(gr), responder.publicValue());
            assertArrayEquals(hex(girx), initiator.sharedSecret(hex(gr)));
            assertArrayEquals(hex(girx), responder.sharedSecret(hex(gi)));
            assertArrayEquals(hex(i), initiator.privateValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // RFC 4231 §4.3 test case 2: key "Jefe", data "what do ya want for nothing?"
        "hmac-sha2-256-128, prf-hmac-sha2-256, 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        "hmac-sha2-384-192, prf-hmac-sha2-384, af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
            + "8e2240ca5e69e2c78b3239ecfab21649",
        "hmac-sha2-512-256, prf-hmac-sha2-512, 164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
            + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
    })
    void hmacMatchesRfc4231TestCase2(String integrity, String prf, String expected) {
        byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        byte[] full = hex(expected);
        assertArrayEquals(full, provider.prf(Algorithm.byLabel(prf)).compute(key, data));
        Algorithm algorithm = Algorithm.byLabel(integrity);
        try (Mac mac = provider.mac(algorithm, key)) {
            byte[] out = new byte[algorithm.outputSize()];
            mac.update(data, 0, 10);
            mac.update(data, 10, data.length - 10);
            mac.finish(out, 0);
            assertArrayEquals(Arrays.copyOf(full, algorithm.outputSize()), out);
            mac.update(data, 0, data.length); // the MAC was reset by finish
            assertEquals(true, mac.verify(out, 0));
        }
    }

    @Test
    void aesGcmMatchesGcmSpecificationTestCase4() {
        // McGrew & Viega, "The Galois/Counter Mode of Operation", test case 4: 96-bit IV cafebabe facedbaddecaf888
        byte[] keyAndSalt = hex("feffe9928665731c6d6a8f9467308308" + "cafebabe");
        byte[] iv = hex("facedbaddecaf888");
        byte[] aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        byte[] plaintext = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        byte[] expected = hex("42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091" + "5bc94fbc3221a5db94fae95ae7121a47");
        try (Aead aead = provider.aead(Algorithm.AES_128_GCM_16, keyAndSalt)) {
            byte[] out = new byte[plaintext.length + 16];
            assertEquals(out.length, aead.seal(iv, 0, aad, 0, aad.length, plaintext, 0, plaintext.length, out, 0));
            assertArrayEquals(expected, out);
            byte[] back = new byte[plaintext.length];
            assertEquals(plaintext.length, aead.open(iv, 0, aad, 0, aad.length, out, 0, out.length, back, 0));
            assertArrayEquals(plaintext, back);
        }
        try (Aead aead = provider.aead(Algorithm.AES_128_GCM_8, keyAndSalt)) {
            byte[] out = new byte[plaintext.length + 8];
            aead.seal(iv, 0, aad, 0, aad.length, plaintext, 0, plaintext.length, out, 0);
            assertArrayEquals(Arrays.copyOf(expected, plaintext.length + 8), out);
        }
    }
}
