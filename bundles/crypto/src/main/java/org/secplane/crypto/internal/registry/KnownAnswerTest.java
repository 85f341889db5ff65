package org.secplane.crypto.internal.registry;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.KeyExchange;
import org.secplane.crypto.Mac;
import org.secplane.crypto.spi.CryptoProvider;
import org.secplane.crypto.spi.ProviderKeyExchange;

/**
 * Runs an algorithm's known-answer vectors against one provider. Besides the published answers it
 * checks what the API promises: in-place operation and non-zero offsets, {@code open} returning -1
 * (not throwing) on a bad ICV, MACs resetting after each message, peer values refused, key exchanges
 * agreeing with themselves and continuing from an exported private value, signatures verifying.
 * Every failure names the vector, its source and what differed; an exception thrown by the provider
 * fails the vector with its message.
 */
public final class KnownAnswerTest {

    /** The outcome for one (provider, algorithm). */
    public static final class Result {
        private final boolean passed;
        private final int vectors;
        private final String text;

        Result(boolean passed, int vectors, String text) {
            this.passed = passed;
            this.vectors = vectors;
            this.text = text;
        }

        public boolean passed() {
            return passed;
        }

        public int vectors() {
            return vectors;
        }

        /** {@code passed (3 vectors)} or {@code failed: vector 2 (source): what}. */
        public String text() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A vector that did not give its answer. */
    static final class Mismatch extends Exception {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message);
        }
    }

    private KnownAnswerTest() {
    }

    public static Result run(CryptoProvider provider, Algorithm algorithm) {
        List<KnownAnswerFile.Vector> vectors = KnownAnswerFile.of(algorithm).vectors();
        if (vectors.isEmpty()) {
            return new Result(false, 0, "failed: no known-answer vectors for " + algorithm.label());
        }
        for (KnownAnswerFile.Vector vector : vectors) {
            try {
                check(provider, algorithm, vector);
            } catch (Mismatch e) {
                return new Result(false, vectors.size(), "failed: " + vector.describe() + ": " + e.getMessage());
            } catch (Exception | LinkageError | AssertionError e) {
                return new Result(false, vectors.size(), "failed: " + vector.describe() + ": threw " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        }
        try {
            checkProperties(provider, algorithm);
        } catch (Mismatch e) {
            return new Result(false, vectors.size(), "failed: " + e.getMessage());
        } catch (Exception | LinkageError | AssertionError e) {
            return new Result(false, vectors.size(), "failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return new Result(true, vectors.size(), "passed (" + vectors.size() + (vectors.size() == 1 ? " vector)" : " vectors)"));
    }

    private static void check(CryptoProvider provider, Algorithm algorithm, KnownAnswerFile.Vector v) throws Exception {
        switch (algorithm.type()) {
            case CIPHER:
                cipher(provider, algorithm, v);
                break;
            case AEAD:
                aead(provider, algorithm, v);
                break;
            case INTEGRITY:
                mac(provider, algorithm, v);
                break;
            case PRF:
                byte[] data = v.bytes("data");
                int half = data.length / 2;
                expect("output", v.bytes("output"), provider.prf(algorithm).compute(v.bytes("key"), Arrays.copyOf(data, half),
                        Arrays.copyOfRange(data, half, data.length)));
                expect("output of the data in one part", v.bytes("output"), provider.prf(algorithm).compute(v.bytes("key"), data));
                break;
            case HASH:
                byte[] message = v.bytes("data");
                int middle = message.length / 3;
                expect("digest", v.bytes("digest"), provider.hash(algorithm).digest(Arrays.copyOf(message, middle),
                        Arrays.copyOfRange(message, middle, message.length)));
                expect("digest of the data in one part", v.bytes("digest"), provider.hash(algorithm).digest(message));
                break;
            case KEY_EXCHANGE:
                keyExchange(provider, algorithm, v);
                break;
            case SIGNATURE:
                signature(provider, algorithm, v);
                break;
            case RANDOM:
                random(provider, v);
                break;
            default:
                throw new Mismatch("no known-answer test for type " + algorithm.type());
        }
    }

    private static void cipher(CryptoProvider provider, Algorithm algorithm, KnownAnswerFile.Vector v) throws Mismatch {
        byte[] key = v.bytes("key");
        byte[] iv = v.bytes("iv");
        byte[] plain = v.bytes("plaintext");
        byte[] expected = v.bytes("ciphertext");
        int n = plain.length;
        try (Cipher cipher = provider.cipher(algorithm, key.clone())) {
            byte[] out = new byte[n];
            cipher.encrypt(iv, 0, plain, 0, n, out, 0);
            expect("ciphertext", expected, out);
            cipher.decrypt(iv, 0, expected, 0, n, out, 0);
            expect("decrypted plaintext", plain, out);
            // the same object again, at offsets, and in place
            byte[] in = new byte[n + 3];
            System.arraycopy(plain, 0, in, 3, n);
            byte[] shifted = new byte[n + 7];
            byte[] ivAtOffset = new byte[iv.length + 5];
            System.arraycopy(iv, 0, ivAtOffset, 5, iv.length);
            cipher.encrypt(ivAtOffset, 5, in, 3, n, shifted, 7);
            expect("ciphertext at offsets", expected, Arrays.copyOfRange(shifted, 7, 7 + n));
            byte[] buffer = plain.clone();
            cipher.encrypt(iv, 0, buffer, 0, n, buffer, 0);
            expect("ciphertext in place", expected, buffer);
            cipher.decrypt(iv, 0, buffer, 0, n, buffer, 0);
            expect("plaintext decrypted in place", plain, buffer);
        }
    }

    private static void aead(CryptoProvider provider, Algorithm algorithm, KnownAnswerFile.Vector v) throws Mismatch {
        byte[] key = v.bytes("key");
        byte[] iv = v.bytes("iv");
        byte[] aad = v.bytes("aad");
        byte[] plain = v.bytes("plaintext");
        byte[] expected = v.bytes("ciphertext");
        int n = plain.length;
        int icv = algorithm.outputSize();
        if (expected.length != n + icv) {
            throw new Mismatch("vector has " + (expected.length - n) + " ICV bytes, the algorithm " + icv);
        }
        // A fresh object per seal: providers may refuse to encrypt twice under one IV, and rightly.
        try (Aead aead = provider.aead(algorithm, key.clone())) {
            byte[] out = new byte[n + icv];
            int written = aead.seal(iv, 0, aad, 0, aad.length, plain, 0, n, out, 0);
            if (written != n + icv) {
                throw new Mismatch("seal returned " + written + ", expected " + (n + icv));
            }
            expect("ciphertext and ICV", expected, out);
        }
        try (Aead aead = provider.aead(algorithm, key.clone())) {
            byte[] buffer = new byte[n + icv + 4];
            System.arraycopy(plain, 0, buffer, 4, n);
            byte[] aadAtOffset = new byte[aad.length + 2];
            System.arraycopy(aad, 0, aadAtOffset, 2, aad.length);
            aead.seal(iv, 0, aadAtOffset, 2, aad.length, buffer, 4, n, buffer, 4);
            expect("ciphertext and ICV sealed in place at an offset", expected, Arrays.copyOfRange(buffer, 4, 4 + n + icv));
        }
        try (Aead aead = provider.aead(algorithm, key.clone())) {
            byte[] out = new byte[n];
            int opened = aead.open(iv, 0, aad, 0, aad.length, expected, 0, expected.length, out, 0);
            if (opened != n) {
                throw new Mismatch("open returned " + opened + ", expected " + n);
            }
            expect("opened plaintext", plain, out);
            byte[] buffer = expected.clone();
            opened = aead.open(iv, 0, aad, 0, aad.length, buffer, 0, buffer.length, buffer, 0);
            if (opened != n) {
                throw new Mismatch("open in place returned " + opened + ", expected " + n);
            }
            expect("plaintext opened in place", plain, Arrays.copyOf(buffer, n));
            byte[] forged = expected.clone();
            forged[forged.length - 1] ^= 1;
            if (aead.open(iv, 0, aad, 0, aad.length, forged, 0, forged.length, new byte[n], 0) != -1) {
                throw new Mismatch("a changed ICV was accepted (open must return -1)");
            }
            if (n > 0) {
                forged = expected.clone();
                forged[0] ^= 0x80;
                if (aead.open(iv, 0, aad, 0, aad.length, forged, 0, forged.length, new byte[n], 0) != -1) {
                    throw new Mismatch("a changed ciphertext was accepted");
                }
            }
            byte[] otherAad = Arrays.copyOf(aad, aad.length + 1);
            if (aead.open(iv, 0, otherAad, 0, otherAad.length, expected, 0, expected.length, new byte[n], 0) != -1) {
                throw new Mismatch("a changed AAD was accepted");
            }
            // still usable after refusals
            opened = aead.open(iv, 0, aad, 0, aad.length, expected, 0, expected.length, out, 0);
            if (opened != n) {
                throw new Mismatch("open after a refused packet returned " + opened);
            }
            expect("plaintext opened after a refused packet", plain, out);
        }
    }

    private static void mac(CryptoProvider provider, Algorithm algorithm, KnownAnswerFile.Vector v) throws Mismatch {
        byte[] data = v.bytes("data");
        byte[] expected = v.bytes("mac");
        int t = algorithm.outputSize();
        if (expected.length != t) {
            throw new Mismatch("vector MAC has " + expected.length + " bytes, the algorithm " + t);
        }
        try (Mac mac = provider.mac(algorithm, v.bytes("key"))) {
            int half = data.length / 2;
            mac.update(data, 0, half);
            mac.update(data, half, data.length - half);
            byte[] out = new byte[t + 3];
            mac.finish(out, 3);
            expect("mac", expected, Arrays.copyOfRange(out, 3, 3 + t));
            mac.update(data, 0, data.length);
            byte[] again = new byte[t];
            mac.finish(again, 0);
            expect("mac of a second message (reset after finish)", expected, again);
            mac.update(data, 0, data.length);
            byte[] shifted = new byte[t + 5];
            System.arraycopy(expected, 0, shifted, 5, t);
            if (!mac.verify(shifted, 5)) {
                throw new Mismatch("verify refused the right MAC");
            }
            mac.update(data, 0, data.length);
            byte[] wrong = expected.clone();
            wrong[t - 1] ^= 1;
            if (mac.verify(wrong, 0)) {
                throw new Mismatch("verify accepted a wrong MAC");
            }
            mac.update(data, 0, data.length);
            if (!mac.verify(expected, 0)) {
                throw new Mismatch("verify refused the right MAC after a refusal (no reset)");
            }
        }
    }

    private static void keyExchange(CryptoProvider provider, Algorithm algorithm, KnownAnswerFile.Vector v) throws Mismatch {
        byte[] privateValue = v.bytes("private");
        if (v.has("invalid-peer")) {
            try (KeyExchange exchange = provider.keyExchange(algorithm, privateValue)) {
                byte[] secret;
                try {
                    secret = exchange.sharedSecret(v.bytes("invalid-peer"));
                } catch (RuntimeException refused) {
                    return;
                }
                throw new Mismatch("invalid peer value accepted (secret " + Hex.encode(secret) + ")");
            }
        }
        try (ProviderKeyExchange exchange = provider.keyExchange(algorithm, privateValue)) {
            expect("public value", v.bytes("public"), exchange.publicValue());
            expect("shared secret", v.bytes("shared"), exchange.sharedSecret(v.bytes("peer")));
        }
    }

    private static void signature(CryptoProvider provider, Algorithm algorithm, KnownAnswerFile.Vector v) throws Exception {
        PrivateKey privateKey = Keys.privateKey(algorithm, v.bytes("private"));
        PublicKey publicKey = Keys.publicKey(algorithm, v.bytes("public"));
        byte[] message = v.bytes("message");
        byte[] published = v.bytes("signature");
        if (!provider.verify(algorithm, publicKey, message, published)) {
            throw new Mismatch("the published signature does not verify");
        }
        byte[] altered = Arrays.copyOf(message, message.length + 1);
        if (provider.verify(algorithm, publicKey, altered, published)) {
            throw new Mismatch("the signature verifies for another message");
        }
        byte[] corrupted = published.clone();
        corrupted[corrupted.length / 2] ^= 1;
        if (provider.verify(algorithm, publicKey, message, corrupted)) {
            throw new Mismatch("a corrupted signature verifies");
        }
        byte[] signed = provider.signer(algorithm, privateKey).sign(message);
        if (deterministic(algorithm)) {
            expect("signature", published, signed);
        } else if (!provider.verify(algorithm, publicKey, message, signed)) {
            throw new Mismatch("its own signature does not verify (sign-then-verify)");
        }
    }

    static boolean deterministic(Algorithm algorithm) {
        return algorithm.label().startsWith("rsa-pkcs1-");
    }

    private static void random(CryptoProvider provider, KnownAnswerFile.Vector v) throws Mismatch {
        int size = v.number("sample-bytes");
        int min = v.number("min-ones");
        int max = v.number("max-ones");
        byte[] first = new byte[size];
        byte[] second = new byte[size];
        provider.random(first);
        provider.random(second);
        int ones = 0;
        for (byte b : first) {
            ones += Integer.bitCount(b & 0xff);
        }
        if (ones < min || ones > max) {
            throw new Mismatch("monobit test: " + ones + " ones in " + 8 * size + " bits, outside " + min + ".." + max);
        }
        if (Arrays.equals(first, second)) {
            throw new Mismatch("continuous test: two consecutive samples are equal");
        }
    }

    /** Checks beyond the vectors, once per algorithm. */
    private static void checkProperties(CryptoProvider provider, Algorithm algorithm) throws Mismatch {
        if (algorithm.type() != org.secplane.crypto.AlgorithmType.KEY_EXCHANGE) {
            return;
        }
        try (ProviderKeyExchange a = provider.keyExchange(algorithm); ProviderKeyExchange b = provider.keyExchange(algorithm)) {
            byte[] publicA = a.publicValue();
            if (publicA.length != algorithm.publicValueSize()) {
                throw new Mismatch("a fresh public value has " + publicA.length + " bytes, expected " + algorithm.publicValueSize());
            }
            byte[] secretA = a.sharedSecret(b.publicValue());
            byte[] secretB = b.sharedSecret(publicA);
            if (secretA.length != algorithm.outputSize()) {
                throw new Mismatch("a fresh shared secret has " + secretA.length + " bytes, expected " + algorithm.outputSize());
            }
            expect("fresh exchange: both sides' secrets", secretA, secretB);
            try (ProviderKeyExchange moved = provider.keyExchange(algorithm, a.privateValue())) {
                expect("public value of an exported private value", publicA, moved.publicValue());
                expect("secret after continuing from an exported private value", secretA, moved.sharedSecret(b.publicValue()));
            }
        }
    }

    private static void expect(String what, byte[] expected, byte[] actual) throws Mismatch {
        if (!Arrays.equals(expected, actual)) {
            throw new Mismatch(what + " differs: expected " + abbreviate(expected) + ", got " + abbreviate(actual));
        }
    }

    private static String abbreviate(byte[] value) {
        if (value == null) {
            return "nothing";
        }
        String hex = Hex.encode(value);
        return hex.length() <= 40 ? hex : hex.substring(0, 32) + "...(" + value.length + " bytes)";
    }
}
