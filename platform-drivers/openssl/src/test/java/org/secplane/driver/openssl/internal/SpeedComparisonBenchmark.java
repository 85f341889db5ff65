package org.secplane.driver.openssl.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.DHParameterSpec;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.secplane.crypto.spi.ModpGroup;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Signer;
import org.secplane.crypto.spi.CryptoProvider;
import org.secplane.crypto.spi.ProviderKeyExchange;

/**
 * A quick same-window comparison of this provider against the JDK (SunJCE/SunEC), not a JMH benchmark
 * and not a pass/fail test: each case alternates the two implementations over several rounds and
 * reports the median throughput per second of the benchmark thread's CPU time (the machine is shared).
 * Run with {@code mvn -o -q test -pl platform-drivers/openssl -Dtest=SpeedComparisonBenchmark
 * -Dgroups=benchmark -DexcludedGroups=none}.
 */
@Tag("benchmark")
class SpeedComparisonBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = Integer.getInteger("rounds", 5);
    private static final long ROUND_NANOS = Long.getLong("roundMillis", 1000) * 1_000_000;

    private final CryptoProvider provider = Fixtures.provider();

    interface Operation {
        void run() throws Exception;
    }

    /** Median ops per CPU second of {@code operation} over the rounds, after a warm-up. */
    static double[] measure(Operation ours, Operation jdk) throws Exception {
        List<Double> oursRates = new ArrayList<>();
        List<Double> jdkRates = new ArrayList<>();
        rate(ours, ROUND_NANOS);
        rate(jdk, ROUND_NANOS); // warm-up of both
        for (int round = 0; round < ROUNDS; round++) {
            if (round % 2 == 0) {
                oursRates.add(rate(ours, ROUND_NANOS));
                jdkRates.add(rate(jdk, ROUND_NANOS));
            } else {
                jdkRates.add(rate(jdk, ROUND_NANOS));
                oursRates.add(rate(ours, ROUND_NANOS));
            }
        }
        return new double[] {median(oursRates), median(jdkRates)};
    }

    private static double rate(Operation operation, long cpuNanos) throws Exception {
        long start = THREADS.getCurrentThreadCpuTime();
        long count = 0;
        long elapsed;
        do {
            for (int i = 0; i < 16; i++) {
                operation.run();
            }
            count += 16;
            elapsed = THREADS.getCurrentThreadCpuTime() - start;
        } while (elapsed < cpuNanos);
        return count * 1e9 / elapsed;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static void report(String name, double[] rates) {
        System.out.printf("%-34s openssl %12.0f ops/s   JDK %12.0f ops/s   ratio %6.2f%n", name, rates[0], rates[1],
                rates[0] / rates[1]);
    }

    @Test
    void compareWithTheJdk() throws Exception {
        System.out.println("driver: " + provider.driver() + "; JDK " + System.getProperty("java.vm.version")
                + "; median of " + ROUNDS + " alternating rounds of " + ROUND_NANOS / 1_000_000 + " ms thread CPU time");
        for (int size : new int[] {64, 1400}) {
            gcm(size);
        }
        ecdh();
        ecdsa();
        rsa();
        x25519();
        modp2048();
    }

    private void gcm(int size) throws Exception {
        byte[] keyAndSalt = Fixtures.random(20);
        byte[] aad = Fixtures.random(8);
        byte[] packet = Fixtures.random(size);
        byte[] out = new byte[size + 16];
        byte[] iv = new byte[8];
        byte[] nonce = new byte[12];
        System.arraycopy(keyAndSalt, 16, nonce, 0, 4);
        SecretKeySpec key = new SecretKeySpec(keyAndSalt, 0, 16, "AES");
        javax.crypto.Cipher jdk = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        try (Aead aead = provider.aead(Algorithm.AES_128_GCM_16, keyAndSalt)) {
            report("aes-128-gcm-16 seal " + size + " B", measure(() -> {
                increment(iv);
                aead.seal(iv, 0, aad, 0, 8, packet, 0, size, out, 0);
            }, () -> {
                increment(nonce, 4);
                jdk.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                jdk.updateAAD(aad, 0, 8);
                jdk.doFinal(packet, 0, size, out, 0);
            }));
            byte[] sealed = new byte[size + 16];
            aead.seal(iv, 0, aad, 0, 8, packet, 0, size, sealed, 0);
            byte[] fixedNonce = nonce.clone();
            System.arraycopy(iv, 0, fixedNonce, 4, 8);
            GCMParameterSpec spec = new GCMParameterSpec(128, fixedNonce);
            report("aes-128-gcm-16 open " + size + " B", measure(() -> {
                if (aead.open(iv, 0, aad, 0, 8, sealed, 0, size + 16, out, 0) != size) {
                    throw new AssertionError();
                }
            }, () -> {
                jdk.init(javax.crypto.Cipher.DECRYPT_MODE, key, spec);
                jdk.updateAAD(aad, 0, 8);
                jdk.doFinal(sealed, 0, size + 16, out, 0);
            }));
        }
    }

    private static void increment(byte[] bytes) {
        increment(bytes, 0);
    }

    private static void increment(byte[] bytes, int from) {
        for (int i = bytes.length - 1; i >= from; i--) {
            if (++bytes[i] != 0) {
                return;
            }
        }
    }

    private void ecdh() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        PublicKey jdkPeer = generator.generateKeyPair().getPublic();
        byte[] peer;
        try (ProviderKeyExchange other = provider.keyExchange(Algorithm.ECP_256)) {
            peer = other.publicValue();
        }
        report("ecp256 exchange (keygen+derive)", measure(() -> {
            try (ProviderKeyExchange exchange = provider.keyExchange(Algorithm.ECP_256)) {
                exchange.publicValue();
                exchange.sharedSecret(peer);
            }
        }, () -> {
            KeyPair pair = generator.generateKeyPair();
            ((java.security.interfaces.ECPublicKey) pair.getPublic()).getW();
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(pair.getPrivate());
            agreement.doPhase(jdkPeer, true);
            agreement.generateSecret();
        }));
        KeyPair fixed = generator.generateKeyPair();
        try (ProviderKeyExchange exchange = provider.keyExchange(Algorithm.ECP_256)) {
            report("ecp256 derive only", measure(() -> exchange.sharedSecret(peer), () -> {
                KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
                agreement.init(fixed.getPrivate());
                agreement.doPhase(jdkPeer, true);
                agreement.generateSecret();
            }));
        }
    }

    private void signatures(String name, Algorithm algorithm, String jdkName, KeyPair pair) throws Exception {
        byte[] message = Fixtures.random(64);
        Signer signer = provider.signer(algorithm, pair.getPrivate());
        Signature jdkSigner = Signature.getInstance(jdkName);
        jdkSigner.initSign(pair.getPrivate());
        report(name + " sign", measure(() -> signer.sign(message), () -> {
            jdkSigner.update(message);
            jdkSigner.sign();
        }));
        byte[] signature = signer.sign(message);
        Signature jdkVerifier = Signature.getInstance(jdkName);
        jdkVerifier.initVerify(pair.getPublic());
        report(name + " verify", measure(() -> provider.verify(algorithm, pair.getPublic(), message, signature), () -> {
            jdkVerifier.update(message);
            jdkVerifier.verify(signature);
        }));
    }

    private void ecdsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        signatures("ecdsa-p256-sha256", Algorithm.ECDSA_P256_SHA256, "SHA256withECDSA", generator.generateKeyPair());
    }

    private void rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        signatures("rsa-2048 pkcs1-sha256", Algorithm.RSA_PKCS1_SHA256, "SHA256withRSA", generator.generateKeyPair());
    }

    private void x25519() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519");
        PublicKey jdkPeer = generator.generateKeyPair().getPublic();
        byte[] peer;
        try (ProviderKeyExchange other = provider.keyExchange(Algorithm.CURVE25519)) {
            peer = other.publicValue();
        }
        report("curve25519 exchange (keygen+derive)", measure(() -> {
            try (ProviderKeyExchange exchange = provider.keyExchange(Algorithm.CURVE25519)) {
                exchange.publicValue();
                exchange.sharedSecret(peer);
            }
        }, () -> {
            KeyPair pair = generator.generateKeyPair();
            ((java.security.interfaces.XECPublicKey) pair.getPublic()).getU();
            KeyAgreement agreement = KeyAgreement.getInstance("X25519");
            agreement.init(pair.getPrivate());
            agreement.doPhase(jdkPeer, true);
            agreement.generateSecret();
        }));
    }

    private void modp2048() throws Exception {
        ModpGroup group = ModpGroup.of(Algorithm.MODP_2048);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("DH");
        generator.initialize(new DHParameterSpec(group.prime(), BigInteger.TWO, group.exponentBits()));
        PublicKey jdkPeer = generator.generateKeyPair().getPublic();
        byte[] peer;
        try (ProviderKeyExchange other = provider.keyExchange(Algorithm.MODP_2048)) {
            peer = other.publicValue();
        }
        report("modp2048 exchange (224-bit x)", measure(() -> {
            try (ProviderKeyExchange exchange = provider.keyExchange(Algorithm.MODP_2048)) {
                exchange.publicValue();
                exchange.sharedSecret(peer);
            }
        }, () -> {
            KeyPair pair = generator.generateKeyPair();
            ((javax.crypto.interfaces.DHPublicKey) pair.getPublic()).getY();
            KeyAgreement agreement = KeyAgreement.getInstance("DH");
            agreement.init(pair.getPrivate());
            agreement.doPhase(jdkPeer, true);
            agreement.generateSecret();
        }));
    }
}
