package org.secplane.ipsec.internal.forward;

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
import org.secplane.crypto.internal.software.JcaProvider;

/**
 * Crypto for the data plane tests: {@link #direct()} hands out the JCA provider's objects as they are (fast to
 * start); {@link #ranking()} is the product's registry (known-answer tests, failover handles) over the JCA
 * provider, for the tests that must see what the running product allocates and keeps.
 */
public final class TestCrypto {

    private static final JcaProvider JCA = new JcaProvider();
    private static RankingCryptoRegistry ranking;

    private TestCrypto() {
    }

    public static CryptoRegistry direct() {
        return DIRECT;
    }

    public static synchronized CryptoRegistry ranking() throws InterruptedException {
        if (ranking == null) {
            ranking = new RankingCryptoRegistry(RankingCryptoRegistry.Settings.defaults().budget(Duration.ofMillis(20)));
            ranking.addProvider(JCA);
            ranking.awaitTests();
        }
        return ranking;
    }

    private static final CryptoRegistry DIRECT = new CryptoRegistry() {
        private final SecureRandom random = new SecureRandom();

        @Override
        public boolean supports(Algorithm algorithm) {
            return JCA.algorithms().contains(algorithm);
        }

        @Override
        public Cipher cipher(Algorithm algorithm, byte[] key) {
            return JCA.cipher(algorithm, key.clone());
        }

        @Override
        public Aead aead(Algorithm algorithm, byte[] keyAndSalt) {
            return JCA.aead(algorithm, keyAndSalt.clone());
        }

        @Override
        public Mac mac(Algorithm algorithm, byte[] key) {
            return JCA.mac(algorithm, key.clone());
        }

        @Override
        public Prf prf(Algorithm algorithm) {
            return JCA.prf(algorithm);
        }

        @Override
        public Hash hash(Algorithm algorithm) {
            return JCA.hash(algorithm);
        }

        @Override
        public KeyExchange keyExchange(Algorithm algorithm) {
            throw new UnsupportedOperationException("the data plane exchanges no keys");
        }

        @Override
        public Signer signer(Algorithm algorithm, PrivateKey key) {
            return JCA.signer(algorithm, key);
        }

        @Override
        public boolean verify(Algorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
            return JCA.verify(algorithm, key, data, signature);
        }

        @Override
        public SecureRandom random() {
            return random;
        }

        @Override
        public List<ProviderStatus> providers() {
            return List.of();
        }
    };
}
