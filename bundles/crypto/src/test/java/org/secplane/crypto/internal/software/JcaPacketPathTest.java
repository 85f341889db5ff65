package org.secplane.crypto.internal.software;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.Mac;

/** The JCA provider's packet-path objects as ESP uses them: 1400-byte packets, replays, forgeries. */
class JcaPacketPathTest {

    private static final JcaProvider JCA = new JcaProvider();
    private static final Random RANDOM = new Random(7);

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"AES_128_GCM_8", "AES_128_GCM_12", "AES_128_GCM_16", "AES_192_GCM_16",
        "AES_256_GCM_8", "AES_256_GCM_12", "AES_256_GCM_16"})
    void gcmSealsAs1400BytePacketsAsTheJdkDoesWithTheIcvTruncated(Algorithm algorithm) throws Exception {
        byte[] keyAndSalt = random(algorithm.keySize() + 4);
        byte[] iv = random(8);
        byte[] aad = random(8);
        byte[] plain = random(1400);
        int icv = algorithm.outputSize();
        try (Aead aead = JCA.aead(algorithm, keyAndSalt)) {
            byte[] sealed = new byte[1400 + icv];
            assertEquals(1400 + icv, aead.seal(iv, 0, aad, 0, 8, plain, 0, 1400, sealed, 0));

            javax.crypto.Cipher reference = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
            byte[] nonce = new byte[12];
            System.arraycopy(keyAndSalt, algorithm.keySize(), nonce, 0, 4);
            System.arraycopy(iv, 0, nonce, 4, 8);
            reference.init(javax.crypto.Cipher.ENCRYPT_MODE, new SecretKeySpec(keyAndSalt, 0, algorithm.keySize(), "AES"),
                    new GCMParameterSpec(128, nonce));
            reference.updateAAD(aad);
            byte[] full = reference.doFinal(plain);
            assertArrayEquals(Arrays.copyOf(full, 1400 + icv), sealed);

            byte[] opened = new byte[1400];
            assertEquals(1400, aead.open(iv, 0, aad, 0, 8, sealed, 0, sealed.length, opened, 0));
            assertArrayEquals(plain, opened);
            // a replayed packet (same IV twice in a row) still opens: the JDK's IV-reuse guard is for encryption
            assertEquals(1400, aead.open(iv, 0, aad, 0, 8, sealed, 0, sealed.length, opened, 0));
            sealed[sealed.length - 1] ^= 1;
            Arrays.fill(opened, (byte) 0x55);
            assertEquals(-1, aead.open(iv, 0, aad, 0, 8, sealed, 0, sealed.length, opened, 0));
            assertTrue(allEqual(opened, (byte) 0) || allEqual(opened, (byte) 0x55), "nothing useful is left in the output");
            assertEquals(-1, aead.open(iv, 0, aad, 0, 8, sealed, 0, icv - 1, opened, 0), "shorter than an ICV");
        }
    }

    @Test
    void chachaOpensAReplayedPacketAndRefusesAForgeryWithoutThrowing() {
        byte[] keyAndSalt = random(36);
        byte[] iv = random(8);
        byte[] plain = random(1400);
        try (Aead aead = JCA.aead(Algorithm.CHACHA20_POLY1305, keyAndSalt)) {
            byte[] sealed = new byte[1416];
            aead.seal(iv, 0, new byte[8], 0, 8, plain, 0, 1400, sealed, 0);
            byte[] opened = new byte[1400];
            for (int i = 0; i < 3; i++) {
                assertEquals(1400, aead.open(iv, 0, new byte[8], 0, 8, sealed, 0, 1416, opened, 0));
            }
            assertArrayEquals(plain, opened);
            sealed[3] ^= 1;
            assertEquals(-1, aead.open(iv, 0, new byte[8], 0, 8, sealed, 0, 1416, opened, 0));
        }
    }

    @Test
    void cbcDecryptsInPlaceWithTheIvJustBeforeTheCiphertextAsInAnEspPacket() throws Exception {
        byte[] key = random(16);
        byte[] packet = new byte[8 + 16 + 1408]; // ESP header, IV, payload
        byte[] plain = random(1408);
        System.arraycopy(random(16), 0, packet, 8, 16);
        try (Cipher cipher = JCA.cipher(Algorithm.AES_128_CBC, key)) {
            cipher.encrypt(packet, 8, plain, 0, 1408, packet, 24);
            javax.crypto.Cipher reference = javax.crypto.Cipher.getInstance("AES/CBC/NoPadding", "SunJCE");
            reference.init(javax.crypto.Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(packet, 8, 16));
            assertArrayEquals(plain, reference.doFinal(packet, 24, 1408));
            cipher.decrypt(packet, 8, packet, 24, 1408, packet, 24);
            assertArrayEquals(plain, Arrays.copyOfRange(packet, 24, 24 + 1408));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"AES_128_CBC", "TDES_CBC"})
    void cbcHandlesOverlappingBuffersShiftedEitherWay(Algorithm algorithm) throws Exception {
        byte[] key = random(algorithm.keySize());
        int block = algorithm.blockSize();
        byte[] iv = random(block);
        byte[] plain = random(20 * block);
        byte[] expected = new byte[plain.length];
        try (Cipher cipher = JCA.cipher(algorithm, key)) {
            cipher.encrypt(iv, 0, plain, 0, plain.length, expected, 0);
            for (int shift : new int[] {-block - 3, -5, -1, 1, 5, block + 3}) {
                byte[] buffer = new byte[plain.length + 64];
                int in = 32;
                System.arraycopy(plain, 0, buffer, in, plain.length);
                cipher.encrypt(iv, 0, buffer, in, plain.length, buffer, in + shift);
                assertArrayEquals(expected, Arrays.copyOfRange(buffer, in + shift, in + shift + plain.length), "encrypt shift " + shift);
                System.arraycopy(expected, 0, buffer, in, plain.length);
                cipher.decrypt(iv, 0, buffer, in, plain.length, buffer, in + shift);
                assertArrayEquals(plain, Arrays.copyOfRange(buffer, in + shift, in + shift + plain.length), "decrypt shift " + shift);
            }
        }
    }

    @Test
    void cbcRefusesALengthThatIsNotAMultipleOfTheBlock() {
        try (Cipher cipher = JCA.cipher(Algorithm.AES_256_CBC, random(32))) {
            CryptoException e = assertThrows(CryptoException.class,
                    () -> cipher.encrypt(new byte[16], 0, new byte[1400], 0, 1400, new byte[1400], 0));
            assertTrue(e.getMessage().startsWith("aes-256-cbc:"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"HMAC_MD5_96", "HMAC_SHA1_96", "HMAC_SHA2_256_128", "HMAC_SHA2_384_192",
        "HMAC_SHA2_512_256"})
    void hmacMatchesTheJdksMacOverPacketsAndTheEmptyMessage(Algorithm algorithm) throws Exception {
        byte[] key = random(algorithm.keySize());
        String name = "Hmac" + JcaHash.jcaName(Algorithm.values()[Algorithm.MD5.ordinal()
                + java.util.List.of(Algorithm.HMAC_MD5_96, Algorithm.HMAC_SHA1_96, Algorithm.HMAC_SHA2_256_128,
                        Algorithm.HMAC_SHA2_384_192, Algorithm.HMAC_SHA2_512_256).indexOf(algorithm)]).replace("-", "");
        javax.crypto.Mac reference = javax.crypto.Mac.getInstance(name, "SunJCE");
        reference.init(new SecretKeySpec(key, name));
        try (Mac mac = JCA.mac(algorithm, key)) {
            for (byte[] message : new byte[][] {new byte[0], random(64), random(1400)}) {
                mac.update(message, 0, message.length);
                byte[] out = new byte[algorithm.outputSize()];
                mac.finish(out, 0);
                assertArrayEquals(Arrays.copyOf(reference.doFinal(message), algorithm.outputSize()), out);
            }
        }
    }

    @Test
    void hmacAllocatesNothingPerPacket() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] packet = random(1400);
        byte[] icv = new byte[16];
        try (Mac mac = JCA.mac(Algorithm.HMAC_SHA2_256_128, random(32))) {
            for (int i = 0; i < 20_000; i++) { // let the JIT settle
                mac.update(packet, 0, packet.length);
                mac.finish(icv, 0);
            }
            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 10_000; i++) {
                mac.update(packet, 0, packet.length);
                mac.finish(icv, 0);
            }
            long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            assertTrue(allocated < 16_000, allocated + " bytes allocated for 10 000 packets");
        }
    }

    @Test
    void aClosedObjectRefusesWork() {
        Cipher cipher = JCA.cipher(Algorithm.AES_128_CTR, random(20));
        cipher.close();
        assertThrows(IllegalStateException.class, () -> cipher.encrypt(new byte[8], 0, new byte[16], 0, 16, new byte[16], 0));
    }

    private static boolean allEqual(byte[] bytes, byte value) {
        for (byte b : bytes) {
            if (b != value) {
                return false;
            }
        }
        return true;
    }
}
