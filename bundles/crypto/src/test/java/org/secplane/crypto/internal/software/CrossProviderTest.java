package org.secplane.crypto.internal.software;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.internal.registry.KnownAnswerFile;
import org.secplane.crypto.spi.CryptoProvider;
import org.secplane.crypto.spi.ProviderKeyExchange;

/** The two software providers agree with each other, and an exchange can move between them either way. */
class CrossProviderTest {

    private static final CryptoProvider JCA = new JcaProvider();
    private static final CryptoProvider BC = new BouncyCastleProvider();

    static Stream<Arguments> directions() {
        return Stream.of(Algorithm.ECP_256, Algorithm.ECP_384, Algorithm.ECP_521, Algorithm.CURVE25519)
                .flatMap(a -> Stream.of(Arguments.of(a, "jca", "bouncycastle"), Arguments.of(a, "bouncycastle", "jca")));
    }

    private static CryptoProvider named(String name) {
        return name.equals("jca") ? JCA : BC;
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("directions")
    void bothSidesAgreeAndAnExchangeContinuesOnTheOtherProvider(Algorithm algorithm, String from, String to) {
        try (ProviderKeyExchange ours = named(from).keyExchange(algorithm); ProviderKeyExchange theirs = named(to).keyExchange(algorithm)) {
            byte[] secret = ours.sharedSecret(theirs.publicValue());
            assertArrayEquals(secret, theirs.sharedSecret(ours.publicValue()));
            try (ProviderKeyExchange moved = named(to).keyExchange(algorithm, ours.privateValue())) {
                assertArrayEquals(ours.publicValue(), moved.publicValue());
                assertArrayEquals(secret, moved.sharedSecret(theirs.publicValue()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"RSA_PKCS1_SHA1", "RSA_PKCS1_SHA256", "RSA_PKCS1_SHA384", "RSA_PKCS1_SHA512",
        "RSA_PSS_SHA256", "RSA_PSS_SHA384", "RSA_PSS_SHA512", "DSA_SHA1", "DSA_SHA256", "ECDSA_P256_SHA256", "ECDSA_P384_SHA384"})
    void eachVerifiesTheOthersSignaturesAndRefusesGarbage(Algorithm algorithm) throws Exception {
        KnownAnswerFile.Vector v = KnownAnswerFile.of(algorithm).vectors().get(0);
        String family = algorithm.label().startsWith("rsa") ? "RSA" : algorithm.label().startsWith("dsa") ? "DSA" : "EC";
        PrivateKey privateKey = KeyFactory.getInstance(family).generatePrivate(new PKCS8EncodedKeySpec(v.bytes("private")));
        PublicKey publicKey = KeyFactory.getInstance(family).generatePublic(new X509EncodedKeySpec(v.bytes("public")));
        byte[] message = "IKE_AUTH octets".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(BC.verify(algorithm, publicKey, message, JCA.signer(algorithm, privateKey).sign(message)));
        assertTrue(JCA.verify(algorithm, publicKey, message, BC.signer(algorithm, privateKey).sign(message)));
        byte[] garbage = HexFormat.of().parseHex("3006020101020101");
        assertFalse(JCA.verify(algorithm, publicKey, message, garbage));
        assertFalse(BC.verify(algorithm, publicKey, message, garbage));
        assertFalse(JCA.verify(algorithm, publicKey, message, new byte[0]));
        assertFalse(BC.verify(algorithm, publicKey, message, new byte[0]));
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"ECDSA_P256_SHA256", "RSA_PSS_SHA256"})
    void aKeyOfTheWrongKindIsRefusedNamingTheAlgorithm(Algorithm algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(algorithm == Algorithm.ECDSA_P256_SHA256 ? "secp384r1" : "secp256r1"));
        KeyPair wrong = generator.generateKeyPair();
        for (CryptoProvider provider : new CryptoProvider[] {JCA, BC}) {
            CryptoException e = assertThrows(CryptoException.class, () -> provider.signer(algorithm, wrong.getPrivate()));
            assertTrue(e.getMessage().startsWith(algorithm.label()), e.getMessage());
            assertThrows(CryptoException.class, () -> provider.verify(algorithm, wrong.getPublic(), new byte[1], new byte[64]));
        }
    }
}
