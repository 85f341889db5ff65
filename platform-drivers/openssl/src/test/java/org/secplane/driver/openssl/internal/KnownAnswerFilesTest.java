package org.secplane.driver.openssl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.Mac;
import org.secplane.crypto.spi.CryptoProvider;
import org.secplane.crypto.spi.ProviderKeyExchange;

/**
 * The registry's known-answer files ({@code bundles/crypto/src/main/resources/kat/<label>.kat}, published
 * vectors with their {@code # source:}) run against this provider, one dynamic test per file. Skipped
 * when the files are not there (this module builds on its own).
 */
class KnownAnswerFilesTest {

    static final Path KAT_DIRECTORY = Path.of(System.getProperty("secplane.kat.dir",
            "../../bundles/crypto/src/main/resources/kat"));

    private final CryptoProvider provider = Fixtures.provider();

    /** One record: fields in file order (hex or decimal text) and its source line. */
    static final class Vector {
        final String source;
        final Map<String, String> fields = new LinkedHashMap<>();

        Vector(String source) {
            this.source = source;
        }

        byte[] bytes(String name) {
            String value = fields.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no " + name + " in " + source);
            }
            return HexFormat.of().parseHex(value);
        }

        boolean has(String name) {
            return fields.containsKey(name);
        }

        @Override
        public String toString() {
            return source;
        }
    }

    static List<Vector> parse(Path file) throws IOException {
        List<Vector> vectors = new ArrayList<>();
        Vector current = null;
        String source = null;
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                current = null;
                continue;
            }
            if (line.startsWith("#")) {
                if (line.startsWith("# source:")) {
                    source = line.substring("# source:".length()).strip();
                }
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(file + ": not a field: " + line);
            }
            if (current == null) {
                current = new Vector(source);
                vectors.add(current);
            }
            current.fields.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
        return vectors;
    }

    @TestFactory
    Stream<DynamicTest> everyKnownAnswerFilePassesOnLibcrypto() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(KAT_DIRECTORY), "no KAT files at " + KAT_DIRECTORY.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> list = Files.list(KAT_DIRECTORY)) {
            files = list.filter(p -> p.toString().endsWith(".kat")).sorted().collect(Collectors.toList());
        }
        Assumptions.assumeFalse(files.isEmpty(), "no KAT files yet");
        return files.stream().map(file -> {
            String label = file.getFileName().toString().replaceFirst("\\.kat$", "");
            return DynamicTest.dynamicTest(label, () -> {
                Algorithm algorithm = Algorithm.byLabel(label);
                List<Vector> vectors = parse(file);
                assertFalse(vectors.isEmpty(), label + " has vectors");
                for (Vector vector : vectors) {
                    assertTrue(vector.source != null && !vector.source.isEmpty(), label + ": every vector names its source");
                    run(algorithm, vector);
                }
            });
        });
    }

    /** Every algorithm of the API has a file (once the files exist). */
    @TestFactory
    Stream<DynamicTest> everyAlgorithmHasAFile() {
        Assumptions.assumeTrue(Files.isDirectory(KAT_DIRECTORY), "no KAT files at " + KAT_DIRECTORY.toAbsolutePath());
        return Arrays.stream(Algorithm.values()).map(a -> DynamicTest.dynamicTest(a.label(),
                () -> assertTrue(Files.exists(KAT_DIRECTORY.resolve(a.label() + ".kat")), a.label() + ".kat")));
    }

    private void run(Algorithm algorithm, Vector v) {
        switch (algorithm.type()) {
            case CIPHER: {
                byte[] plaintext = v.bytes("plaintext");
                byte[] out = new byte[plaintext.length];
                try (Cipher cipher = provider.cipher(algorithm, v.bytes("key"))) {
                    cipher.encrypt(v.bytes("iv"), 0, plaintext, 0, plaintext.length, out, 0);
                    assertArrayEquals(v.bytes("ciphertext"), out, v.source);
                    cipher.decrypt(v.bytes("iv"), 0, v.bytes("ciphertext"), 0, out.length, out, 0);
                    assertArrayEquals(plaintext, out, v.source);
                }
                break;
            }
            case AEAD: {
                byte[] plaintext = v.bytes("plaintext");
                byte[] aad = v.has("aad") ? v.bytes("aad") : new byte[0];
                byte[] iv = v.bytes("iv");
                byte[] expected = v.bytes("ciphertext");
                try (Aead aead = provider.aead(algorithm, v.bytes("key"))) {
                    byte[] sealed = new byte[expected.length];
                    assertEquals(expected.length, aead.seal(iv, 0, aad, 0, aad.length, plaintext, 0, plaintext.length, sealed, 0));
                    assertArrayEquals(expected, sealed, v.source);
                    byte[] opened = new byte[plaintext.length];
                    assertEquals(plaintext.length, aead.open(iv, 0, aad, 0, aad.length, expected, 0, expected.length, opened, 0));
                    assertArrayEquals(plaintext, opened, v.source);
                    byte[] tampered = expected.clone();
                    tampered[tampered.length - 1] ^= 1;
                    assertEquals(-1, aead.open(iv, 0, aad, 0, aad.length, tampered, 0, tampered.length, opened, 0));
                }
                break;
            }
            case INTEGRITY: {
                byte[] data = v.bytes("data");
                try (Mac mac = provider.mac(algorithm, v.bytes("key"))) {
                    byte[] out = new byte[algorithm.outputSize()];
                    mac.update(data, 0, data.length);
                    mac.finish(out, 0);
                    assertArrayEquals(v.bytes("mac"), out, v.source);
                    mac.update(data, 0, data.length);
                    assertTrue(mac.verify(v.bytes("mac"), 0));
                }
                break;
            }
            case PRF:
                assertArrayEquals(v.bytes("output"), provider.prf(algorithm).compute(v.bytes("key"), v.bytes("data")), v.source);
                break;
            case HASH:
                assertArrayEquals(v.bytes("digest"), provider.hash(algorithm).digest(v.bytes("data")), v.source);
                break;
            case KEY_EXCHANGE:
                try (ProviderKeyExchange exchange = provider.keyExchange(algorithm, v.bytes("private"))) {
                    if (v.has("public")) {
                        assertArrayEquals(v.bytes("public"), exchange.publicValue(), v.source);
                    }
                    if (v.has("invalid-peer")) {
                        assertThrows(CryptoException.class, () -> exchange.sharedSecret(v.bytes("invalid-peer")), v.source);
                    } else {
                        assertArrayEquals(v.bytes("shared"), exchange.sharedSecret(v.bytes("peer")), v.source);
                    }
                }
                break;
            case SIGNATURE: {
                PrivateKey privateKey = new EncodedPrivateKey(v.bytes("private"));
                PublicKey publicKey = new EncodedPublicKey(v.bytes("public"));
                byte[] message = v.bytes("message");
                byte[] signature = v.bytes("signature");
                assertTrue(provider.verify(algorithm, publicKey, message, signature), "published signature: " + v.source);
                byte[] ours = provider.signer(algorithm, privateKey).sign(message);
                if (algorithm.label().startsWith("rsa-pkcs1")) {
                    assertArrayEquals(signature, ours, "PKCS#1 v1.5 is deterministic: " + v.source);
                }
                assertTrue(provider.verify(algorithm, publicKey, message, ours), "round trip: " + v.source);
                byte[] tampered = signature.clone();
                tampered[tampered.length - 1] ^= 1;
                assertFalse(provider.verify(algorithm, publicKey, message, tampered));
                break;
            }
            case RANDOM: {
                int size = Integer.parseInt(v.fields.get("sample-bytes"));
                byte[] sample = new byte[size];
                provider.random(sample);
                int ones = 0;
                for (byte b : sample) {
                    ones += Integer.bitCount(b & 0xff);
                }
                assertTrue(ones >= Integer.parseInt(v.fields.get("min-ones")) && ones <= Integer.parseInt(v.fields.get("max-ones")),
                        "monobit: " + ones);
                byte[] next = new byte[size];
                provider.random(next);
                assertFalse(Arrays.equals(sample, next), "continuous test");
                break;
            }
            default:
                throw new AssertionError(algorithm.type());
        }
    }

    /** A key as a key store hands it over: only its encoding matters here. */
    private static final class EncodedPrivateKey implements PrivateKey {
        private static final long serialVersionUID = 1L;
        private final byte[] der;

        EncodedPrivateKey(byte[] der) {
            this.der = der;
        }

        @Override
        public String getAlgorithm() {
            return "unknown";
        }

        @Override
        public String getFormat() {
            return "PKCS#8";
        }

        @Override
        public byte[] getEncoded() {
            return der.clone();
        }
    }

    private static final class EncodedPublicKey implements PublicKey {
        private static final long serialVersionUID = 1L;
        private final byte[] der;

        EncodedPublicKey(byte[] der) {
            this.der = der;
        }

        @Override
        public String getAlgorithm() {
            return "unknown";
        }

        @Override
        public String getFormat() {
            return "X.509";
        }

        @Override
        public byte[] getEncoded() {
            return der.clone();
        }
    }
}
