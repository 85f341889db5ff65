package org.secplane.driver.openssl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.Mac;
import org.secplane.crypto.Signer;
import org.secplane.crypto.spi.CryptoProvider;
import org.secplane.crypto.spi.ProviderKeyExchange;

/**
 * Creates, uses and closes 100 000 native-backed objects (ciphers, AEADs, MACs, key exchanges of three
 * kinds, signers, plus verifications, digests and PRFs) and checks that the process's resident memory
 * does not grow by more than a small bound. The heap is fixed and pre-touched (surefire argLine), so
 * what grows would be native memory: a leaked {@code EVP_CIPHER_CTX} alone is about 1 KB, so 100 000 of
 * them would be about 100 MB.
 */
class NativeLeakTest {

    private static final long BOUND_BYTES = 8L << 20;

    private final CryptoProvider provider = Fixtures.provider();

    static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    /**
     * The resident size with transient memory handed back: after a GC, a wait of more than 5 s (the
     * JVM frees the arena chunks its JIT compilations used, about 12 MB here, every 5 s) and glibc's
     * {@code malloc_trim(0)} (freed native memory otherwise stays resident in malloc's arenas); the
     * smallest of three readings 2 s apart.
     */
    static long settledResidentBytes() throws Exception {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(2_000);
            NativeLibrary.getInstance("c").getFunction("malloc_trim").invokeInt(new Object[] {0});
            least = Math.min(least, residentBytes());
        }
        return least;
    }

    @Test
    void hundredThousandObjectsCreatedAndClosedLeaveNoNativeMemoryBehind() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ecdsa = generator.generateKeyPair();
        byte[] x25519Peer;
        byte[] ecpPeer;
        try (ProviderKeyExchange a = provider.keyExchange(Algorithm.CURVE25519);
                ProviderKeyExchange b = provider.keyExchange(Algorithm.ECP_256)) {
            x25519Peer = a.publicValue();
            ecpPeer = b.publicValue();
        }
        byte[] packet = Fixtures.random(1400);
        byte[] out = new byte[1400 + 16];

        churn(20_000, ecdsa, x25519Peer, ecpPeer, packet, out); // warm up: JIT, malloc arenas, JNA caches
        long before = settledResidentBytes();
        int objects = churn(100_000, ecdsa, x25519Peer, ecpPeer, packet, out);
        long after = settledResidentBytes();
        assertEquals(100_000, objects);
        System.out.printf("RSS before %.1f MB, after %d objects %.1f MB, growth %.2f MB%n", before / 1048576.0,
                objects, after / 1048576.0, (after - before) / 1048576.0);
        assertTrue(after - before < BOUND_BYTES,
                "resident memory grew by " + (after - before) / 1024 + " KB over " + objects + " objects");
    }

    private int churn(int count, KeyPair ecdsa, byte[] x25519Peer, byte[] ecpPeer, byte[] packet, byte[] out) {
        byte[] key = Fixtures.random(36);
        byte[] iv = Fixtures.random(16);
        byte[] aad = Fixtures.random(8);
        int made = 0;
        for (int i = 0; i < count; i++) {
            switch (i % 8) {
                case 0:
                case 1:
                    try (Aead aead = provider.aead(i % 2 == 0 ? Algorithm.AES_256_GCM_16 : Algorithm.CHACHA20_POLY1305, key)) {
                        aead.seal(iv, 0, aad, 0, 8, packet, 0, 1400, out, 0);
                        aead.open(iv, 0, aad, 0, 8, out, 0, 1416, out, 0);
                    }
                    break;
                case 2:
                    try (Cipher cipher = provider.cipher(Algorithm.AES_256_CTR, key)) {
                        cipher.encrypt(iv, 0, packet, 0, 1400, out, 0);
                    }
                    break;
                case 3:
                    try (Mac mac = provider.mac(Algorithm.HMAC_SHA2_256_128, key)) {
                        mac.update(packet, 0, 1400);
                        mac.finish(out, 0);
                    }
                    provider.hash(Algorithm.SHA2_256).digest(packet);
                    provider.prf(Algorithm.PRF_HMAC_SHA2_256).compute(key, packet);
                    break;
                case 4:
                    try (ProviderKeyExchange exchange = provider.keyExchange(Algorithm.CURVE25519)) {
                        exchange.sharedSecret(x25519Peer);
                        exchange.privateValue();
                    }
                    break;
                case 5:
                    try (ProviderKeyExchange exchange = provider.keyExchange(Algorithm.ECP_256)) {
                        exchange.sharedSecret(ecpPeer);
                    }
                    break;
                case 6:
                    try (ProviderKeyExchange exchange = provider.keyExchange(Algorithm.MODP_768)) {
                        try (ProviderKeyExchange resumed = provider.keyExchange(Algorithm.MODP_768, exchange.privateValue())) {
                            exchange.sharedSecret(resumed.publicValue());
                        }
                    }
                    made++; // the resumed exchange is a second object
                    break;
                default:
                    Signer signer = provider.signer(Algorithm.ECDSA_P256_SHA256, ecdsa.getPrivate());
                    byte[] signature = signer.sign(packet);
                    provider.verify(Algorithm.ECDSA_P256_SHA256, ecdsa.getPublic(), packet, signature);
                    ((OsslSigner) signer).close();
                    break;
            }
            made++;
            if (made >= count) {
                break;
            }
        }
        return made;
    }
}
