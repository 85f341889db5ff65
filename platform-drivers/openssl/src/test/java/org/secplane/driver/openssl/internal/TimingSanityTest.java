package org.secplane.driver.openssl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.spi.CryptoProvider;
import org.secplane.crypto.spi.ProviderKeyExchange;

/**
 * Runs a few thousand packet operations and a few key exchanges in a loop and prints the time per
 * operation, so that a gross regression (an allocation or lookup per packet) is visible in the build
 * log. It asserts results, never speeds: {@link SpeedComparisonBenchmark} is the measurement.
 */
class TimingSanityTest {

    private final CryptoProvider provider = Fixtures.provider();

    @Test
    void packetAndExchangeLoopsRunAndPrintTheirCost() {
        byte[] iv = new byte[8];
        byte[] aad = new byte[8];
        byte[] packet = Fixtures.random(1400);
        byte[] sealed = new byte[1416];
        byte[] opened = new byte[1400];
        try (Aead aead = provider.aead(Algorithm.AES_128_GCM_16, Fixtures.random(20))) {
            long start = System.nanoTime();
            for (int i = 0; i < 20_000; i++) {
                iv[7] = (byte) i;
                aead.seal(iv, 0, aad, 0, 8, packet, 0, 1400, sealed, 0);
                assertEquals(1400, aead.open(iv, 0, aad, 0, 8, sealed, 0, 1416, opened, 0));
            }
            System.out.printf("aes-128-gcm-16 seal+open 1400 B: %.2f us%n", (System.nanoTime() - start) / 20_000 / 1e3);
        }
        byte[] peer;
        try (ProviderKeyExchange other = provider.keyExchange(Algorithm.ECP_256)) {
            peer = other.publicValue();
        }
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            try (ProviderKeyExchange exchange = provider.keyExchange(Algorithm.ECP_256)) {
                assertEquals(32, exchange.sharedSecret(peer).length);
            }
        }
        System.out.printf("ecp256 keygen+derive: %.1f us%n", (System.nanoTime() - start) / 200 / 1e3);
    }
}
