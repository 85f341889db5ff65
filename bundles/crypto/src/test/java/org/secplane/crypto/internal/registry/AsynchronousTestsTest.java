package org.secplane.crypto.internal.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.Hash;
import org.secplane.crypto.internal.software.JcaProvider;

/** Registration returns at once; a consumer asking for an algorithm still under test waits for it, boundedly. */
class AsynchronousTestsTest {

    private static final JcaProvider JCA = new JcaProvider();
    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

    private static FakeProvider heldUntil(CountDownLatch release) {
        return new FakeProvider("held", JCA, Algorithm.SHA2_256) {
            @Override
            public Hash hash(Algorithm algorithm) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.hash(algorithm);
            }
        };
    }

    @Test
    void aConsumerAskingWhileTheTestsRunWaitsAndThenGetsTheAlgorithm() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (RankingCryptoRegistry registry = new RankingCryptoRegistry(RankingCryptoRegistry.Settings.defaults()
                .meter(new FixedSpeeds()))) {
            registry.addProvider(heldUntil(release));
            assertEquals("testing", registry.providers().get(0).state());
            assertEquals("testing", registry.providers().get(0).capabilities().get(0).knownAnswerTest());
            CompletableFuture<byte[]> digest = CompletableFuture.supplyAsync(() -> registry.hash(Algorithm.SHA2_256).digest(ABC));
            Thread.sleep(200);
            assertFalse(digest.isDone());

            release.countDown();

            assertArrayEquals(JCA.hash(Algorithm.SHA2_256).digest(ABC), digest.get(30, TimeUnit.SECONDS));
            assertTrue(registry.supports(Algorithm.SHA2_256));
        }
    }

    @Test
    void theWaitIsBoundedAndTheErrorSaysTheTestsAreStillRunning() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (RankingCryptoRegistry registry = new RankingCryptoRegistry(RankingCryptoRegistry.Settings.defaults()
                .meter(new FixedSpeeds()).testWait(Duration.ofMillis(200)))) {
            registry.addProvider(heldUntil(release));
            CryptoException e = assertThrows(CryptoException.class, () -> registry.hash(Algorithm.SHA2_256).digest(ABC));
            assertEquals("no crypto provider can do sha2-256 (its known-answer tests are still running)", e.getMessage());
            assertFalse(registry.supports(Algorithm.SHA2_256));
        } finally {
            release.countDown();
        }
    }
}
