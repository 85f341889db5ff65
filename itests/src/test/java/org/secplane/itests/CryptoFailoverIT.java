package org.secplane.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.KeyExchange;
import org.secplane.crypto.ProviderStatus;
import org.secplane.crypto.Signer;

/**
 * Stopping the OpenSSL driver bundle while consumers work moves them to the software providers with no
 * error seen by any consumer: per-call operations (key agreement, signatures) and keyed objects held
 * across the stop (a 3DES cipher).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CryptoFailoverIT extends KarafTestSupport {

    @Configuration
    public Option[] config() {
        return distribution();
    }

    private static String selected(CryptoRegistry registry, Algorithm algorithm) {
        for (ProviderStatus provider : registry.providers()) {
            for (ProviderStatus.CapabilityStatus capability : provider.capabilities()) {
                if (capability.algorithm() == algorithm && capability.selected()) {
                    return provider.name();
                }
            }
        }
        return "none";
    }

    @Test
    public void stoppingTheOpenSslBundleSwitchesConsumersToSoftwareWithoutErrors() throws Exception {
        CryptoRegistry registry = service(CryptoRegistry.class);
        for (int i = 0; i < 600 && !"openssl".equals(selected(registry, Algorithm.ECP_256)); i++) {
            Thread.sleep(100);
        }
        assertEquals("ECDH P-256 is served by OpenSSL once it is tested and measured", "openssl",
                selected(registry, Algorithm.ECP_256));
        String tdesBefore = selected(registry, Algorithm.TDES_CBC);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair signing = generator.generateKeyPair();
        byte[] key = new byte[24];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 37 + 11);
        }
        Cipher held = registry.cipher(Algorithm.TDES_CBC, key);
        AtomicInteger rounds = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<String> providersSeen = new ArrayList<>();
        Thread consumer = new Thread(() -> {
            byte[] iv = new byte[8];
            byte[] data = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
            byte[] encrypted = new byte[data.length];
            byte[] decrypted = new byte[data.length];
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    try (KeyExchange a = registry.keyExchange(Algorithm.ECP_256);
                            KeyExchange b = registry.keyExchange(Algorithm.ECP_256)) {
                        byte[] ab = a.sharedSecret(b.publicValue());
                        byte[] ba = b.sharedSecret(a.publicValue());
                        if (!Arrays.equals(ab, ba)) {
                            throw new AssertionError("ECDH secrets differ");
                        }
                    }
                    Signer signer = registry.signer(Algorithm.ECDSA_P256_SHA256, signing.getPrivate());
                    byte[] signature = signer.sign(data);
                    if (!registry.verify(Algorithm.ECDSA_P256_SHA256, signing.getPublic(), data, signature)) {
                        throw new AssertionError("ECDSA signature does not verify");
                    }
                    held.encrypt(iv, 0, data, 0, data.length, encrypted, 0);
                    held.decrypt(iv, 0, encrypted, 0, encrypted.length, decrypted, 0);
                    if (!Arrays.equals(data, decrypted)) {
                        throw new AssertionError("3DES round trip differs");
                    }
                    rounds.incrementAndGet();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "crypto-consumer");
        consumer.start();
        Thread.sleep(2000);
        int beforeStop = rounds.get();
        Bundle openssl = Arrays.stream(bundleContext.getBundles())
                .filter(b -> "org.secplane.driver-openssl".equals(b.getSymbolicName())).findFirst().orElseThrow();
        openssl.stop();
        Thread.sleep(3000);
        int afterStop = rounds.get();
        providersSeen.add(selected(registry, Algorithm.ECP_256));
        openssl.start();
        Thread.sleep(2000);
        consumer.interrupt();
        consumer.join(10_000);
        held.close();

        if (failure.get() != null) {
            throw new AssertionError("a consumer saw an error while the provider went away", failure.get());
        }
        assertTrue("the consumer worked before the stop: " + beforeStop, beforeStop > 10);
        assertTrue("the consumer kept working after the stop: " + beforeStop + " → " + afterStop, afterStop > beforeStop + 10);
        assertTrue("ECDH moved to a software provider while OpenSSL was stopped: " + providersSeen,
                providersSeen.get(0).equals("bouncycastle") || providersSeen.get(0).equals("jca"));
        assertTrue("3DES was served by " + tdesBefore, !tdesBefore.equals("none"));
    }
}
