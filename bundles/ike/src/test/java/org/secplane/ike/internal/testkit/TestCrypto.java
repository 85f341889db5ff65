package org.secplane.ike.internal.testkit;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.Hash;
import org.secplane.crypto.KeyExchange;
import org.secplane.crypto.Mac;
import org.secplane.crypto.Prf;
import org.secplane.crypto.ProviderStatus;
import org.secplane.crypto.Signer;
import org.secplane.crypto.internal.registry.RankingCryptoRegistry;
import org.secplane.crypto.internal.software.BouncyCastleProvider;
import org.secplane.crypto.internal.software.JcaProvider;
import org.secplane.crypto.spi.CryptoProvider;

/**
 * Registries for tests: {@link #direct()} routes each algorithm to the software provider known to be faster
 * here (Bouncy Castle for elliptic curves, JCA for the rest) without known-answer tests or measurements, for
 * fast unit tests; {@link #ranking()} is the product's registry over both providers.
 */
public final class TestCrypto {

    public static final CryptoProvider JCA = new JcaProvider();
    public static final CryptoProvider BC = new BouncyCastleProvider("1.86");
    private static CryptoRegistry direct;
    private static RankingCryptoRegistry ranking;

    private TestCrypto() {
    }

    public static synchronized CryptoRegistry direct() {
        if (direct == null) {
            direct = new Direct();
        }
        return direct;
    }

    /** The real registry (known-answer tests, speed ranking), shared by the tests of one JVM. */
    public static synchronized CryptoRegistry ranking() throws InterruptedException {
        if (ranking == null) {
            ranking = new RankingCryptoRegistry(RankingCryptoRegistry.Settings.defaults().budget(Duration.ofMillis(20)));
            ranking.addProvider(JCA);
            ranking.addProvider(BC);
            ranking.awaitTests();
            ranking.awaitMeasurements();
        }
        return ranking;
    }

    public static CryptoProvider providerFor(Algorithm a) {
        boolean ec = a == Algorithm.ECP_256 || a == Algorithm.ECP_384 || a == Algorithm.ECP_521 || a == Algorithm.CURVE25519;
        if (ec && BC.algorithms().contains(a)) {
            return BC;
        }
        return JCA.algorithms().contains(a) ? JCA : BC;
    }

    private static final class Direct implements CryptoRegistry {
        private final SecureRandom random = new SecureRandom();

        @Override
        public boolean supports(Algorithm algorithm) {
            return JCA.algorithms().contains(algorithm) || BC.algorithms().contains(algorithm);
        }

        @Override
        public Cipher cipher(Algorithm algorithm, byte[] key) {
            return providerFor(algorithm).cipher(algorithm, key);
        }

        @Override
        public Aead aead(Algorithm algorithm, byte[] keyAndSalt) {
            return providerFor(algorithm).aead(algorithm, keyAndSalt);
        }

        @Override
        public Mac mac(Algorithm algorithm, byte[] key) {
            return providerFor(algorithm).mac(algorithm, key);
        }

        @Override
        public Prf prf(Algorithm algorithm) {
            return providerFor(algorithm).prf(algorithm);
        }

        @Override
        public Hash hash(Algorithm algorithm) {
            return providerFor(algorithm).hash(algorithm);
        }

        @Override
        public KeyExchange keyExchange(Algorithm algorithm) {
            return providerFor(algorithm).keyExchange(algorithm);
        }

        @Override
        public Signer signer(Algorithm algorithm, PrivateKey key) {
            return providerFor(algorithm).signer(algorithm, key);
        }

        @Override
        public boolean verify(Algorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
            return providerFor(algorithm).verify(algorithm, key, data, signature);
        }

        @Override
        public SecureRandom random() {
            return random;
        }

        @Override
        public List<ProviderStatus> providers() {
            return List.of();
        }
    }

}
